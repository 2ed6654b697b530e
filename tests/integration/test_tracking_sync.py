"""Hand-over and processing across two joined stores and the central PostgreSQL: the counter hands a
dossier over, the department's workstation confirms and finishes it, and each sees the other's work
after a sync — with the history merged and the cached columns (location, due, status) carried."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counter_app.context import open_context
from counter_app.services.status import Status
from tests.factories import intake
from tests.integration.test_sync_engine import centre, counters  # noqa: F401 - fixtures

pytestmark = pytest.mark.postgres


def test_counter_and_department_workstation_share_one_dossier_life(counters, clock):  # noqa: F811
    reception, department = counters(21), counters(22)
    front = open_context(reception.folder, clock=clock)
    back = open_context(department.folder, clock=clock)
    try:
        officer, dept = front.auth.get("tiepnhan1"), back.auth.get("chuyenvien")
        code = front.intake.receive(intake(front), officer, counter_number=21).code
        listed = front.tracking.hand_over([code], officer)
        reception.engine.push_once()
        department.engine.pull_once()
        assert [r.code for r in back.tracking_reads.inbox(dept)] == [code]

        clock.now = datetime(2026, 11, 26, 14, 0)
        assert [r.code for r in back.tracking.accept_list(listed.list_number, dept)] == [code]
        clock.now = datetime(2026, 12, 9, 9, 0)
        moved = back.tracking.apologize(code, dept, "Chờ ý kiến của cơ quan phối hợp", date(2026, 12, 16))
        clock.now = datetime(2026, 12, 15, 9, 0)
        back.tracking.ready(code, dept)
        department.engine.push_once()
        reception.engine.pull_once()

        seen = front.dossiers.dossier(code)
        assert seen.status == Status.RESULT_READY and seen.location == "centre"
        assert seen.due_at == moved.due_at and seen.original_due_at < moved.due_at
        assert [e.kind for e in seen.events if e.kind != "notified"] == ["received", "handover", "accept", "apologize", "ready"]
        assert [r.code for r in front.tracking_reads.ready_for_return()] == [code]
    finally:
        front.close()
        back.close()
