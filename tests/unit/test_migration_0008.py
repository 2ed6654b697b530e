"""Migration 0008 on a database that already holds dossiers: each gets its procedure's department,
finished ones a finishing moment, and the step down and up again loses nothing else."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from counter_app.services import schema
from counter_app.services.status import Status
from tests.factories import intake


def _migrate(db, action, revision):
    config = schema._config()  # noqa: SLF001 - the same configuration the app upgrades with
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_existing_dossiers_get_their_department(ctx, officer):
    code = ctx.intake.receive(intake(ctx), officer).code
    _migrate(ctx.db, command.downgrade, "0007")
    with ctx.db.engine.begin() as connection:
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(dossier)"))}
        assert "department_id" not in columns and "location" not in columns
        connection.execute(text("UPDATE dossier SET status = :s"), {"s": int(Status.RESULT_READY)})
    _migrate(ctx.db, command.upgrade, "head")
    with ctx.db.engine.connect() as connection:
        row = connection.execute(text(
            "SELECT d.location, d.handover_list, d.finished_at = d.received_at, department.code FROM dossier d "
            "JOIN department ON department.id = d.department_id WHERE d.code = :c"), {"c": code}).one()
    assert tuple(row) == ("centre", "", 1, "STP")
    assert schema.current_revision(ctx.db) == schema.head_revision()
    assert ctx.dossiers.dossier(code).status == Status.RESULT_READY
