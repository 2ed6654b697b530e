"""A counter's local store keeps what it needs for a day offline: old finished dossiers are pruned
locally once the centre has them, never anything still in progress or not yet pushed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from counter_app.services.status import Status
from counter_app.sync.prune import KEEP_DAYS, prune
from tests.integration.test_sync_engine import _count, _move, _receive, centre, counters  # noqa: F401 - fixtures
from counter_app.models import Dossier, DossierEvent

pytestmark = pytest.mark.postgres


def test_old_returned_dossiers_leave_the_local_store_but_not_the_centre(counters, centre, clock):
    """Returned 31 days ago and pushed: pruned locally (with its events) and still central; a dossier in
    progress and one not yet pushed stay."""
    a = counters(1)
    old_ctx, returned = _receive(a.folder, clock)
    _, in_progress = _receive(a.folder, clock)
    _move(old_ctx, returned, Status.RETURNED, clock.now)
    a.engine.sync_once()
    _, unpushed = _receive(a.folder, clock)
    _move(old_ctx, unpushed, Status.RETURNED, clock.now)  # finished but still in the outbox

    clock.now += timedelta(days=KEEP_DAYS + 1)
    assert prune(a.db, clock.now) == 1
    assert _count(a.db, Dossier, Dossier.id == returned) == 0
    assert _count(a.db, DossierEvent, DossierEvent.dossier_id == returned) == 0
    assert _count(a.db, Dossier, Dossier.id.in_([in_progress, unpushed])) == 2
    with a.db.reader() as session:
        assert session.execute(text("SELECT count(*) FROM sync_state WHERE key = 'pruning'")).scalar() == 0

    from counter_app.services.db import Database  # noqa: PLC0415

    central = Database(centre.app_url)
    try:
        assert _count(central, Dossier, Dossier.id == returned) == 1
    finally:
        central.dispose()
    old_ctx.close()


def test_event_log_still_refuses_ordinary_deletes(counters, clock):
    """Outside the pruning transaction a DELETE on the local event log is still refused."""
    from sqlalchemy.exc import DatabaseError  # noqa: PLC0415

    a = counters(2)
    ctx, _ = _receive(a.folder, clock)
    with pytest.raises(DatabaseError, match="append-only"):
        with a.db.transaction() as session:
            session.execute(text("DELETE FROM dossier_event"))
    ctx.close()


def test_standalone_store_is_never_pruned(ctx, officer, clock):
    """A store that has not joined a centre keeps everything."""
    from tests.factories import intake  # noqa: PLC0415

    ctx.intake.receive(intake(ctx), officer)
    assert prune(ctx.db, clock.now + timedelta(days=400)) == 0
