"""Migration 0009 on a database with a dossier already waiting for fees under 0008 (its clock ran
on): the upgrade pauses it from the moment it started waiting, so paying moves its due times on."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import text

from counter_app.services import schema
from counter_app.services.status import Status
from tests.factories import intake
from tests.unit.test_migration_0008 import _migrate


def test_a_dossier_waiting_for_fees_is_paused_from_its_wait(ctx, officer, passwords, clock):
    dept = ctx.auth.login("chuyenvien", passwords["chuyenvien"])
    code = ctx.intake.receive(intake(ctx), officer, counter_number=1).code  # due 10/12/2026 09:30
    ctx.tracking.hand_over([code], officer)
    ctx.tracking.accept(code, dept)
    clock.now = datetime(2026, 11, 27, 9, 0)
    ctx.tracking.await_fees(code, dept)
    _migrate(ctx.db, command.downgrade, "0008")
    with ctx.db.engine.begin() as connection:  # as 0008's code left it: waiting, the clock running
        connection.execute(text("UPDATE dossier SET paused_at = NULL"))
    _migrate(ctx.db, command.upgrade, "head")
    assert schema.current_revision(ctx.db) == schema.head_revision()
    clock.now = datetime(2026, 12, 2, 8, 0)  # 1,380 working minutes after the wait began
    back = ctx.tracking.fees_paid(code, dept)
    assert back.status == Status.PROCESSING and back.due_at == datetime(2026, 12, 15, 8, 30)
