"""A dossier's life after intake on the real PostgreSQL, through the services: hand-over,
acceptance, supplement, apology (once), result and return; and the row lock that makes two
officers acting on one dossier at the same moment take turns.

The races are made certain, not hoped for: a third connection holds the dossier's row lock while
both threads start, the test waits until PostgreSQL reports both of them waiting for that lock,
and only then lets go. Without the service's `SELECT … FOR UPDATE` both would read "received"
and both would succeed.
"""

from __future__ import annotations

import threading
import time
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text

from counter_app.context import open_context
from counter_app.models import Dossier, DossierEvent
from counter_app.services import schema, setup
from counter_app.services.auth import AuthService
from counter_app.services.db import Database
from counter_app.services.errors import ServiceError
from counter_app.services.intake_input import DocumentInput
from counter_app.services.lifecycle import IllegalTransition
from counter_app.services.status import Status
from counter_app.services.tracking import Collector
from tests.factories import APPLICANT, intake

pytestmark = pytest.mark.postgres
USERS = ("tiepnhan1", "chuyenvien", "admin")


@pytest.fixture(scope="module")
def tracking_db(make_database) -> tuple[str, dict[str, str]]:
    """A fresh demo centre on PostgreSQL (its own database, so codes and lists start at 1)."""
    url = make_database()
    db = Database(url)
    schema.upgrade(db)
    report = setup.initialise(db, demo=True)
    auth = AuthService(db)
    passwords = {}
    for username, _role, one_time in report.created_users:
        if username in USERS:
            passwords[username] = f"{username}-Pg2026"
            auth.change_password(username, one_time, passwords[username])
    db.dispose()
    return url, passwords


@pytest.fixture
def pg_ctx(tracking_db, tmp_path, clock):
    ctx = open_context(tmp_path, clock=clock, db=Database(tracking_db[0]))
    yield ctx
    ctx.close()


@pytest.fixture
def people(pg_ctx, tracking_db):
    return {name: pg_ctx.auth.login(name, tracking_db[1][name]) for name in USERS}


def _events(ctx, code: str) -> list[tuple]:
    with ctx.db.reader() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == code))
        return [tuple(r) for r in session.execute(
            select(DossierEvent.seq, DossierEvent.kind, DossierEvent.from_status, DossierEvent.to_status)
            .where(DossierEvent.dossier_id == dossier_id).order_by(DossierEvent.seq))]


def test_whole_life_on_postgresql(pg_ctx, people, clock):
    ctx, reception, dept, admin = pg_ctx, people["tiepnhan1"], people["chuyenvien"], people["admin"]
    code = ctx.intake.receive(intake(ctx), reception, counter_number=1).code  # Thu 26/11/2026 09:30
    listed = ctx.tracking.hand_over([code], reception)
    assert listed.codes == (code,) and listed.late_codes == () and listed.department_name == "Sở Tư pháp"
    clock.now = datetime(2026, 11, 26, 14, 0)
    assert ctx.tracking.accept(code, dept).mark == "on_time"
    clock.now = datetime(2026, 11, 27, 9, 0)
    asked = ctx.tracking.request_supplement(code, dept, (DocumentInput("Bản sao giấy khai sinh", certified_copies=1),))
    assert asked.status == Status.SUPPLEMENT_REQUESTED and "-BS" in asked.reference
    clock.now = datetime(2026, 12, 2, 8, 0)
    back = ctx.tracking.supplement_received(code, reception)
    assert back.status == Status.PROCESSING and back.due_at == datetime(2026, 12, 16, 8, 0)  # restarted from zero

    clock.now = datetime(2026, 12, 15, 8, 0)  # exactly one working day before: the D-1 rule applies
    row = next(r for r in ctx.tracking_reads.inbox(dept) if r.code == code)
    assert row.needs_apology and row.minutes_left == 480 and not row.overdue
    apology = ctx.tracking.apologize(code, dept, "Cần xác minh thêm thông tin tại địa phương", date(2026, 12, 18))
    assert apology.reference == "1/PXL" and apology.due_at == datetime(2026, 12, 18, 17, 0)
    for who, new_due in ((dept, date(2026, 12, 23)), (admin, date(2026, 12, 24))):
        with pytest.raises(ServiceError, match="already moved once"):
            ctx.tracking.apologize(code, who, "Lần nữa", new_due)

    clock.now = datetime(2026, 12, 17, 10, 0)
    ready = ctx.tracking.ready(code, dept)
    assert ready.status == Status.RESULT_READY and ready.mark == "late"  # judged against the original due time
    assert [r.code for r in ctx.tracking_reads.ready_for_return()] == [code]
    ctx.tracking.explain(code, dept, "Chờ kết quả xác minh của Công an tỉnh.")
    clock.now = datetime(2026, 12, 18, 9, 0)
    returned = ctx.tracking.return_result(code, reception, Collector(id_number=APPLICANT.id_number))
    assert returned.status == Status.RETURNED and returned.mark == "late"

    events = _events(ctx, code)
    assert [seq for seq, *_ in events] == list(range(1, len(events) + 1))
    assert [e[1:] for e in events] == [
        ("received", None, 2), ("handover", 2, None), ("accept", 2, 4), ("request_supplement", 4, 5),
        ("notified", None, None), ("supplement_received", 5, 4), ("apologize", 4, None), ("notified", None, None),
        ("ready", 4, 9), ("notified", None, None), ("explain", 9, None), ("return", 9, 10)]
    detail = ctx.dossiers.dossier(code)
    assert detail.status == Status.RETURNED
    assert detail.original_due_at == datetime(2026, 12, 16, 8, 0) and detail.due_at == datetime(2026, 12, 18, 17, 0)
    assert [r.code for r in ctx.tracking_reads.late_without_explanation()] == []
    steps = ctx.tracking_reads.control_rows(code, "Trung tâm")
    assert steps[0].mark == "on_time" and steps[-1].note == "Trả kết quả" and steps[-1].mark == "late"


def _waiting_for_locks(db: Database) -> int:
    with db.engine.connect() as connection:
        return connection.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )).scalar_one()


def _race(ctx, code: str, attempt) -> tuple[list, list[BaseException]]:
    """Run `attempt()` in two threads that both reach the dossier's row lock before either gets it."""
    done, failed = [], []

    def run():
        try:
            done.append(attempt())
        except BaseException as error:  # noqa: BLE001 - inspected by the test
            failed.append(error)

    holder = Database(ctx.db.url)
    try:
        with holder.engine.connect() as connection:
            transaction = connection.begin()
            connection.execute(select(Dossier.id).where(Dossier.code == code).with_for_update())
            threads = [threading.Thread(target=run) for _ in range(2)]
            for t in threads:
                t.start()
            deadline = time.monotonic() + 20
            while _waiting_for_locks(holder) < 2:
                assert time.monotonic() < deadline, "the two sessions never queued behind the row lock"
                assert not done and not failed, f"an attempt finished while the row was locked: {done or failed}"
                time.sleep(0.02)
            transaction.commit()
        for t in threads:
            t.join(timeout=30)
    finally:
        holder.dispose()
    return done, failed


def test_two_officers_accepting_at_once_only_one_succeeds(pg_ctx, people):
    ctx, reception, dept = pg_ctx, people["tiepnhan1"], people["chuyenvien"]
    for _ in range(3):
        code = ctx.intake.receive(intake(ctx), reception, counter_number=1).code
        ctx.tracking.hand_over([code], reception)
        done, failed = _race(ctx, code, lambda code=code: ctx.tracking.accept(code, dept))
        assert len(done) == 1 and len(failed) == 1, (done, failed)
        assert done[0].status == Status.PROCESSING
        assert isinstance(failed[0], IllegalTransition)  # the second saw "processing" once it had the row
        kinds = [e[1] for e in _events(ctx, code)]
        assert kinds == ["received", "handover", "accept"]


def test_two_hand_overs_at_once_make_one_list(pg_ctx, people):
    ctx, reception = pg_ctx, people["tiepnhan1"]
    code = ctx.intake.receive(intake(ctx), reception, counter_number=1).code
    done, failed = _race(ctx, code, lambda: ctx.tracking.hand_over([code], reception))
    assert len(done) == 1 and len(failed) == 1, (done, failed)
    assert type(failed[0]) is ServiceError and "already handed over" in str(failed[0])
    number = done[0].list_number
    info, rows = ctx.tracking_reads.handover_list(number)
    assert [r.code for r in rows] == [code] and info["list"] == number
    assert [e[1] for e in _events(ctx, code)] == ["received", "handover"]
    with ctx.db.reader() as session:
        assert session.scalar(select(Dossier.handover_list).where(Dossier.code == code)) == number
        handovers = session.scalar(select(func.count()).select_from(DossierEvent).where(DossierEvent.kind == "handover",
                                                                                         DossierEvent.detail["list"].as_string() == number))
        assert handovers == 1
    # The refused hand-over took no list number: the next list follows the winner's without a gap.
    other = ctx.intake.receive(intake(ctx), reception, counter_number=1).code
    following = ctx.tracking.hand_over([other], reception).list_number
    assert int(following[-4:]) == int(number[-4:]) + 1


def test_paused_and_late_dossiers_in_the_inbox_on_postgresql(pg_ctx, people, clock):
    """The filters' SQL (`coalesce(paused_at, now)`) agrees with the rows' flags on PostgreSQL: a
    dossier paused before its due time is not late; one paused after it stays late."""
    ctx, reception, dept = pg_ctx, people["tiepnhan1"], people["chuyenvien"]
    clock.now = datetime(2026, 11, 26, 9, 30)
    codes = [ctx.intake.receive(intake(ctx), reception, counter_number=1).code for _ in range(2)]  # due 10/12 09:30
    ctx.tracking.hand_over(codes, reception)
    for code in codes:
        ctx.tracking.accept(code, dept)
    calm, late = codes
    clock.now = datetime(2026, 12, 8, 9, 30)
    ctx.tracking.await_fees(calm, dept)
    clock.now = datetime(2026, 12, 11, 9, 30)
    ctx.tracking.await_fees(late, dept)
    clock.now = datetime(2026, 12, 21, 10, 0)
    view = ctx.tracking_reads.inbox_view(dept, limit=None)
    rows = {r.code: r for r in view.rows}
    assert not rows[calm].overdue and rows[calm].minutes_left == 960 and not rows[calm].needs_apology
    assert rows[late].overdue and rows[late].minutes_left == -480
    assert view.counts.overdue == sum(r.overdue for r in view.rows)
    assert view.counts.needs_apology == sum(r.needs_apology for r in view.rows)
    assert view.counts.near_due == sum(r.near_due and not r.overdue for r in view.rows)
    overdue = {r.code for r in ctx.tracking_reads.inbox_view(dept, filter="overdue", limit=None).rows}
    assert late in overdue and calm not in overdue
    late_codes = {r.code for r in ctx.tracking_reads.late_without_apology()}
    assert late in late_codes and calm not in late_codes


def test_department_timeliness_on_postgresql(pg_ctx, people, clock):
    """The supervisor's per-department counts on PostgreSQL (its `date()` for the early mark), in
    step with the inbox's own counts; measured as changes, since this module's database is shared."""
    ctx, reception, dept, admin = pg_ctx, people["tiepnhan1"], people["chuyenvien"], people["admin"]
    clock.now = datetime(2027, 3, 1, 9, 0)

    def stp():
        return next(r for r in ctx.timeliness.department_timeliness(admin, date(2027, 3, 1), date(2027, 3, 31)).departments
                    if r.department_name == "Sở Tư pháp")

    before = stp()
    codes = [ctx.intake.receive(intake(ctx), reception, counter_number=1).code for _ in range(2)]
    ctx.tracking.hand_over(codes, reception)
    for code in codes:
        ctx.tracking.accept(code, dept)
    clock.now = datetime(2027, 3, 3, 10, 0)
    ctx.tracking.ready(codes[0], dept)  # days before its due day: early
    after = stp()
    assert (after.open - before.open, after.completed - before.completed, after.early - before.early) == (1, 1, 1)
    inbox = ctx.tracking_reads.inbox_view(admin, after.department_id, limit=None)
    assert (inbox.counts.overdue, inbox.counts.near_due) == (after.overdue, after.near_due)
