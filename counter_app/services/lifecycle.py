"""The rules of a dossier's life after reception: which action may move which status, who may take
it, and how hand-overs and results are judged early / on time / late. Pure functions, no database.

Guarantees:
- `TRANSITIONS` is the whole status machine: an action not listed for the current status is
  refused with `IllegalTransition`, so no sequence of actions reaches a status the portal's codes
  (1–10) do not allow from where the dossier stands.
- Roles are checked here and by the service that applies the action, never only in the UI.
- Lateness is judged against the ORIGINAL due time (the apology's new date never hides lateness).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from counter_app.services.auth import Role, UserInfo
from counter_app.services.calendar import WorkCalendar
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, PermissionDenied, ServiceError
from counter_app.services.status import LABELS, Status

OPEN = frozenset({Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.AWAITING_FEES})
S = Status


class Action(StrEnum):
    HANDOVER = "handover"  # the centre sends the paper dossier to its department
    ACCEPT = "accept"  # the department confirms receipt and starts processing
    REQUEST_SUPPLEMENT = "request-supplement"  # Mẫu 02 through the counter; the clock pauses
    SUPPLEMENT_RECEIVED = "supplement-received"  # the complete dossier is back; the clock restarts or resumes
    AWAIT_FEES = "await-fees"
    FEES_PAID = "fees-paid"
    STOP = "stop"
    REFUSE = "refuse"  # refused after appraisal (status 3)
    READY = "ready"  # result ready and handed back to the centre
    RETURN = "return"  # result handed to the applicant
    WITHDRAW = "withdraw"  # at the applicant's request
    APOLOGIZE = "apologize"  # Mẫu 04: reason and new date; moves the due date once only
    EXPLAIN = "explain"  # written explanation (giải trình) of a late dossier


class Actor(StrEnum):
    CENTRE = "centre"  # reception officers and supervisors at the centre
    DEPARTMENT = "department"  # officers of the dossier's own department


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    target: Status | None  # None: the status stays (an event is still appended)
    actors: frozenset[Actor]


def _t(sources, target, *actors: Actor) -> Transition:
    return Transition(frozenset(sources), target, frozenset(actors))


C, D = Actor.CENTRE, Actor.DEPARTMENT
TRANSITIONS: dict[Action, Transition] = {
    Action.HANDOVER: _t({S.RECEIVED}, None, C),
    Action.ACCEPT: _t({S.RECEIVED}, S.PROCESSING, D),
    Action.REQUEST_SUPPLEMENT: _t({S.PROCESSING}, S.SUPPLEMENT_REQUESTED, D),
    Action.SUPPLEMENT_RECEIVED: _t({S.SUPPLEMENT_REQUESTED}, S.PROCESSING, C),
    Action.AWAIT_FEES: _t({S.PROCESSING}, S.AWAITING_FEES, D),
    Action.FEES_PAID: _t({S.AWAITING_FEES}, S.PROCESSING, D, C),
    Action.STOP: _t({S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.AWAITING_FEES}, S.STOPPED, D),
    Action.REFUSE: _t({S.PROCESSING}, S.REFUSED, D),
    Action.READY: _t({S.PROCESSING}, S.RESULT_READY, D),
    Action.RETURN: _t({S.RESULT_READY}, S.RETURNED, C),
    Action.WITHDRAW: _t(OPEN, S.WITHDRAWN, C, D),
    Action.APOLOGIZE: _t(OPEN, None, D),
    Action.EXPLAIN: _t(set(Status) - {S.NEW_ONLINE}, None, D),
}

# Every (from, to) pair the machine can produce, for documentation and tests.
LEGAL_MOVES = frozenset((s, t.target) for t in TRANSITIONS.values() if t.target for s in t.sources) | {
    (S.NEW_ONLINE, S.RECEIVED), (S.NEW_ONLINE, S.REFUSED)}  # online dossiers (received at reception)


class IllegalTransition(ServiceError):
    """The action is not allowed from the dossier's current status."""


def actor_kind(user: UserInfo) -> frozenset[Actor]:
    """What a user may act as: admins as both (they repair data), supervisors as the centre."""
    if user.role is Role.ADMIN:
        return frozenset({C, D})
    if user.role is Role.DEPARTMENT:
        return frozenset({D})
    return frozenset({C})


def check(action: Action, status: int, user: UserInfo, dossier_department: str | None) -> Status | None:
    """The status after `action`, or raise: `PermissionDenied` for the wrong role or another
    department's dossier, `IllegalTransition` for a status the action cannot leave from."""
    rule = TRANSITIONS[action]
    kinds = actor_kind(user) & rule.actors
    if not kinds:
        text = QT_TRANSLATE_NOOP("Messages", "Your role ({role}) may not do this.")
        raise PermissionDenied(Message(text, {"role": user.role.value}))
    if kinds == {D} and user.role is Role.DEPARTMENT and user.department_id != dossier_department:
        text = QT_TRANSLATE_NOOP("Messages", "This dossier belongs to another department.")
        raise PermissionDenied(Message(text))
    current = Status(status)
    if current not in rule.sources:
        text = QT_TRANSLATE_NOOP("Messages", "Not possible while the dossier is \"{status}\".")
        raise IllegalTransition(Message(text, {"status": Message(LABELS[current])}))
    return rule.target


# -- timeliness -------------------------------------------------------------------------------

class Mark(StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"


MARK_LABELS_VI = {Mark.EARLY: "Trước hạn", Mark.ON_TIME: "Đúng hạn", Mark.LATE: "Quá hạn"}
MARK_LABELS = {
    Mark.EARLY: QT_TRANSLATE_NOOP("Messages", "Early"),
    Mark.ON_TIME: QT_TRANSLATE_NOOP("Messages", "On time"),
    Mark.LATE: QT_TRANSLATE_NOOP("Messages", "Late"),
}


def mark(at: datetime, deadline: datetime) -> Mark:
    """Late after the deadline; early when done on an earlier day than the deadline's; else on time."""
    if at > deadline:
        return Mark.LATE
    return Mark.EARLY if at.date() < deadline.date() else Mark.ON_TIME


def handover_deadline(calendar: WorkCalendar, received_at: datetime) -> datetime:
    """Paper dossiers reach the department the same working day, or by the end of the next
    morning's session when received at or after the calendar's cutoff (15:00) or outside working days."""
    day = received_at.date()
    if calendar.is_working_day(day) and received_at.time() < calendar.config.cutoff:
        return calendar.sessions_on(day)[-1][1]
    return calendar.sessions_on(calendar.next_working_day(day))[0][1]


class WorkingClock:
    """Working minutes from a fixed `now` to many due times, fast: per-day totals are computed once
    per calendar date, so a department's 20,000-row inbox costs one dictionary look-up a row."""

    def __init__(self, calendar: WorkCalendar, now: datetime):
        self.calendar = calendar
        self.now = now.replace(second=0, microsecond=0)
        self.day_minutes = calendar.standard_day_minutes
        self._before_day: dict[date, int] = {}  # working minutes from now to 00:00 of the date
        self._sessions: dict[date, list[tuple[datetime, datetime]]] = {}

    def _to_day_start(self, d: date) -> int:
        cached = self._before_day.get(d)
        if cached is None:
            cached = self.calendar.working_minutes_between(self.now, datetime.combine(d, datetime.min.time()))
            self._before_day[d] = cached
        return cached

    def minutes_left(self, due: datetime) -> int:
        """Working minutes from now until `due` (negative once past)."""
        d = due.date()
        sessions = self._sessions.get(d)
        if sessions is None:
            sessions = self._sessions[d] = self.calendar.sessions_on(d)
        within = 0
        for start, end in sessions:
            if due > start:
                within += int((min(due, end) - start) / timedelta(minutes=1))
        return self._to_day_start(d) + within

    def needs_apology(self, due: datetime) -> bool:
        """The D-1 rule: from one working day before the due time on, an unfinished dossier needs
        its department's apology (or is already late)."""
        return self.minutes_left(due) <= self.day_minutes
