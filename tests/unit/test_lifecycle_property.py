"""Random lives of a dossier on the real embedded database (hypothesis stateful testing).

Each run copies the demo database into a fresh folder, receives one dossier, then applies random
actions — legal and illegal — by random actors (reception, the dossier's own department, another
department, a supervisor) while the test clock moves on. After every step the service's outcome
is compared with the pure rules (`lifecycle.check` plus the service's few extra preconditions)
and the stored history is checked: append-only, one event per action, a consistent status chain,
gap-free `seq`, the cached status equal to the log's, the due date moved at most once by an
apology and the original due time only by a supplement's return.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test
from sqlalchemy import select

from counter_app.config import DATABASE_FILE
from counter_app.context import open_context
from counter_app.models import Dossier, DossierEvent
from counter_app.services.auth import UserInfo
from counter_app.services.calendar import WorkCalendar
from counter_app.services.errors import ServiceError, ValidationFailed
from counter_app.services.intake_input import DocumentInput
from counter_app.services.lifecycle import LEGAL_MOVES, Action, check
from counter_app.services.tracking import Collector, Location
from tests.factories import APPLICANT, intake

START = datetime(2026, 11, 26, 9, 30)  # Thursday; the 10-working-day limit ends 10/12 09:30
CAL = WorkCalendar()  # the demo centre's calendar: default sessions and the shipped 2026 facts
ACTORS = ("tiepnhan1", "chuyenvien", "chuyenvien2", "giamsat")
NOTIFYING = {Action.READY, Action.APOLOGIZE, Action.REQUEST_SUPPLEMENT}
REASON_REQUIRED = {Action.STOP, Action.REFUSE, Action.WITHDRAW, Action.APOLOGIZE, Action.EXPLAIN}
# Endings (refuse, stop, withdraw) are drawn rarely and the entitled actor often, or most lives
# would end, or be refused, within a step or two and the later statuses would never be visited.
ENDINGS = (Action.STOP, Action.REFUSE, Action.WITHDRAW)
CENTRE_ACTIONS = {Action.HANDOVER, Action.SUPPLEMENT_RECEIVED, Action.RETURN}
# The usual next steps from each status (the dossier's own department or reception taking them).
PROGRESS = {2: (Action.HANDOVER, Action.ACCEPT),
            4: (Action.READY, Action.REQUEST_SUPPLEMENT, Action.AWAIT_FEES, Action.APOLOGIZE),
            5: (Action.SUPPLEMENT_RECEIVED,), 6: (Action.FEES_PAID,), 9: (Action.RETURN,)}
ACTION_MIX = [a for a in Action if a not in ENDINGS] * 4 + [Action.APOLOGIZE, Action.EXPLAIN] * 2 + list(ENDINGS)
MOVES = st.sampled_from(ACTION_MIX).flatmap(lambda a: st.tuples(
    st.just(a), st.sampled_from(["tiepnhan1" if a in CENTRE_ACTIONS else "chuyenvien"] * 3 + list(ACTORS))))


@dataclass(frozen=True)
class Event:
    seq: int
    kind: str
    from_status: int | None
    to_status: int | None


@dataclass(frozen=True)
class Snapshot:
    status: int
    department_id: str | None
    location: str
    due_at: datetime
    original_due_at: datetime
    rescheduled_at: datetime | None
    finished_at: datetime | None
    events: tuple[Event, ...]


class _Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class DossierLife(RuleBasedStateMachine):
    """One dossier, one fresh copy of the demo database per run (set by the test before running)."""

    template: Path
    users: dict[str, UserInfo]

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="lifecycle-property-"))
        shutil.copy(self.template, self.folder / DATABASE_FILE)
        self.clock = _Clock(START)
        self.ctx = open_context(self.folder, clock=self.clock)
        self.code = self.ctx.intake.receive(intake(self.ctx), self.users["tiepnhan1"], counter_number=1).code
        self.state = self._snapshot()

    def teardown(self) -> None:
        self.ctx.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _snapshot(self) -> Snapshot:
        with self.ctx.db.reader() as session:
            d = session.scalar(select(Dossier).where(Dossier.code == self.code))
            events = session.execute(select(DossierEvent.seq, DossierEvent.kind, DossierEvent.from_status,
                                            DossierEvent.to_status)
                                     .where(DossierEvent.dossier_id == d.id).order_by(DossierEvent.seq)).all()
            return Snapshot(d.status, d.department_id, d.location, d.due_at, d.original_due_at, d.rescheduled_at,
                            d.finished_at, tuple(Event(*e) for e in events))

    # -- the oracle ----------------------------------------------------------------------------

    def _expected(self, action: Action, actor: UserInfo, before: Snapshot, blank: bool, new_due: date):
        """(error type the service must raise or None, status expected after a success)."""
        if blank and action in REASON_REQUIRED:
            return ValidationFailed, before.status  # input is checked before anything else
        try:
            target = check(action, before.status, actor, before.department_id)
        except ServiceError as refusal:
            return type(refusal), before.status
        now = self.clock.now
        if action is Action.HANDOVER and before.location != Location.CENTRE:
            return ServiceError, before.status  # already handed over
        if action is Action.ACCEPT and before.location != Location.TRANSIT:
            return ServiceError, before.status  # not handed over yet
        if action is Action.APOLOGIZE:
            if before.rescheduled_at is not None:
                return ServiceError, before.status  # the due date moves once only
            end = CAL.sessions_on(new_due)[-1][1] if CAL.is_working_day(new_due) else None
            if end is None or end <= max(now, before.due_at):
                return ValidationFailed, before.status
        if action is Action.EXPLAIN and (before.finished_at or now) <= before.original_due_at:
            return ServiceError, before.status  # nothing late to explain
        return None, before.status if target is None else int(target)

    def _call(self, action: Action, actor: UserInfo, blank: bool, new_due: date) -> None:
        t, code = self.ctx.tracking, self.code
        reason = "   " if blank else "Lý do ghi trong biên bản"
        calls = {
            Action.HANDOVER: lambda: t.hand_over([code], actor),
            Action.ACCEPT: lambda: t.accept(code, actor),
            Action.REQUEST_SUPPLEMENT: lambda: t.request_supplement(code, actor, (DocumentInput("Bản sao giấy khai sinh"),)),
            Action.SUPPLEMENT_RECEIVED: lambda: t.supplement_received(code, actor),
            Action.AWAIT_FEES: lambda: t.await_fees(code, actor),
            Action.FEES_PAID: lambda: t.fees_paid(code, actor),
            Action.STOP: lambda: t.stop(code, actor, reason),
            Action.REFUSE: lambda: t.refuse(code, actor, reason),
            Action.READY: lambda: t.ready(code, actor),
            Action.RETURN: lambda: t.return_result(code, actor, Collector(id_number=APPLICANT.id_number)),
            Action.WITHDRAW: lambda: t.withdraw(code, actor, reason),
            Action.APOLOGIZE: lambda: t.apologize(code, actor, reason, new_due),
            Action.EXPLAIN: lambda: t.explain(code, actor, reason),
        }
        calls[action]()

    # -- rules ---------------------------------------------------------------------------------

    @rule(minutes=st.integers(min_value=1, max_value=8 * 24 * 60))
    def time_passes(self, minutes: int) -> None:
        self.clock.now += timedelta(minutes=minutes)

    @rule(move=MOVES, blank=st.booleans() | st.just(False), due_shift=st.integers(min_value=-2, max_value=12))
    def random_action(self, move: tuple[Action, str], blank: bool, due_shift: int) -> None:
        self.act(*move, blank, due_shift)

    def act(self, action: Action, who: str, blank: bool, due_shift: int) -> None:
        before = self.state
        actor = self.users[who]
        new_due = max(before.due_at, self.clock.now).date() + timedelta(days=due_shift)
        error, status = self._expected(action, actor, before, blank, new_due)
        try:
            self._call(action, actor, blank, new_due)
            raised = None
        except ServiceError as refusal:
            raised = refusal
        after = self.state = self._snapshot()
        if error is None:
            assert raised is None, f"{action} by {who} from {before.status} refused: {raised}"
        else:
            assert type(raised) is error, f"{action} by {who} from {before.status}: expected {error.__name__}, got {raised!r}"
        self._check_step(action, before, after, succeeded=raised is None, expected_status=status)

    @precondition(lambda self: self.state.status in PROGRESS)
    @rule(pick=st.integers(min_value=0, max_value=3), due_shift=st.integers(min_value=1, max_value=5))
    def progress(self, pick: int, due_shift: int) -> None:
        """The usual next step by the entitled actor, so that the deeper statuses are visited often."""
        moves = PROGRESS[self.state.status]
        if self.state.status == 2:
            moves = moves[:1] if self.state.location == Location.CENTRE else moves[1:]
        action = moves[pick % len(moves)]
        self.act(action, "tiepnhan1" if action in CENTRE_ACTIONS else "chuyenvien", False, due_shift)

    # -- invariants ----------------------------------------------------------------------------

    def _check_step(self, action: Action, before: Snapshot, after: Snapshot, *, succeeded: bool,
                    expected_status: int) -> None:
        assert after.events[:len(before.events)] == before.events, "history was rewritten"
        new = after.events[len(before.events):]
        assert after.status == expected_status
        assert after.status == before.status or (before.status, after.status) in LEGAL_MOVES
        if not succeeded:
            assert after == before, "a refused action changed something"
        else:
            assert new and new[0].kind == action.value.replace("-", "_") and new[0].from_status == before.status
            notices = [e.kind for e in new[1:]]
            assert len(notices) <= (1 if action in NOTIFYING else 0) and set(notices) <= {"notified", "notice_failed"}
        if after.due_at != before.due_at:
            assert succeeded and action in (Action.APOLOGIZE, Action.SUPPLEMENT_RECEIVED, Action.FEES_PAID)
        if after.original_due_at != before.original_due_at:
            assert succeeded and action in (Action.SUPPLEMENT_RECEIVED, Action.FEES_PAID)
        if action is Action.FEES_PAID and succeeded:  # moved on by the paused time, never back
            assert after.due_at >= before.due_at and after.original_due_at >= before.original_due_at
        if action is Action.APOLOGIZE and succeeded:
            assert after.due_at > before.due_at and after.due_at.time() <= time(17, 0)
        self._check_history(after)

    @staticmethod
    def _check_history(state: Snapshot) -> None:
        assert [e.seq for e in state.events] == list(range(1, len(state.events) + 1))
        assert state.events[0].kind == "received" and state.events[0].to_status == 2
        running = None
        for event in state.events:
            if event.from_status is not None or event.to_status is not None:
                assert event.from_status == running, f"event {event} does not follow status {running}"
            if event.to_status is not None:
                running = event.to_status
        assert state.status == running
        assert sum(e.kind == "apologize" for e in state.events) <= 1
        assert (state.rescheduled_at is not None) == any(e.kind == "apologize" for e in state.events)


def test_random_lives_keep_the_history_consistent(ctx, passwords, demo_template) -> None:
    DossierLife.template = demo_template[0]
    DossierLife.users = {name: ctx.auth.login(name, passwords[name]) for name in ACTORS}
    run_state_machine_as_test(DossierLife, settings=settings(
        max_examples=10, stateful_step_count=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]))
