"""After intake: hand-over to the department, processing, supplements, fees, the apology (Mẫu 04),
the explanation of lateness, withdrawal and the return of the result.

Guarantees:
- Every action is checked by `lifecycle.check` (role, own department, legal status move) here,
  in the service, whatever the UI shows; a refused action writes nothing.
- Each action appends exactly one event (who, when, from → to status, details) and updates the
  dossier's cached columns in the same transaction.
- The due date moves once only (the apology); lateness is judged against `original_due_at`.
- While the applicant has the next move (a supplement, fees or taxes) the clock is paused
  (`paused_at`): nothing turns late meanwhile, and on resuming both due times move on by the
  paused working time (or, for a supplement under the "restart" rule, count again from zero).
- Notices to the applicant go out after the commit; a failing gateway is recorded in the
  history and never undoes the action.
- Thread-safe: each call opens its own transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models import Department, Dossier, DossierEvent, Procedure, ReceptionSlip, now_local
from counter_app.services import centre_settings, codes, notices
from counter_app.services.auth import UserInfo
from counter_app.services.calendar import CountingRule, LimitUnit, WorkCalendar
from counter_app.services.calendar_store import load_calendar
from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, FieldError, Message, NotFound, ServiceError, ValidationFailed
from counter_app.services.history import append_event
from counter_app.services.intake_input import DocumentInput
from counter_app.services.lifecycle import Action, Mark, check, handover_deadline, mark
from counter_app.services.status import Status, clock_time
from counter_app.services.tracking_input import Collector, checked_collector, checked_new_due, checked_text

log = logging.getLogger(__name__)
SUPPLEMENT_WITHIN_DAYS = 3  # a department asks for a supplement within 3 working days of receiving


class Location(StrEnum):
    CENTRE = "centre"
    TRANSIT = "transit"  # handed over, not yet confirmed by the department
    DEPARTMENT = "department"
    APPLICANT = "applicant"


class ReturnMethod(StrEnum):
    COUNTER = "counter"
    POST = "post"
    ONLINE = "online"


@dataclass(frozen=True)
class ActionResult:
    code: str
    action: str
    status: int
    at: datetime
    due_at: datetime
    reference: str = ""  # hand-over list, supplement slip or apology number
    mark: str = ""  # lifecycle.Mark of a hand-over or a result


@dataclass(frozen=True)
class HandoverResult:
    list_number: str
    department_id: str
    department_name: str
    at: datetime
    codes: tuple[str, ...]
    late_codes: tuple[str, ...]  # handed over after the same-day / next-morning deadline


class TrackingService:
    """The inbox and counter actions on received dossiers. `clock` is injectable for tests;
    `notice_gateway` (optional) tells applicants about results, apologies and supplements."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = now_local,
                 notice_gateway: notices.NoticeGateway | None = None):
        self.db = db
        self.clock = clock
        self.notices = notice_gateway

    # -- plumbing ------------------------------------------------------------------------------

    def _load(self, session: Session, code: str) -> Dossier:
        dossier = session.scalar(select(Dossier).where(Dossier.code == code.strip().upper()).with_for_update())
        if dossier is None:
            raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No dossier with code {code}."), {"code": code.strip()}))
        return dossier

    def _calendar(self, session: Session) -> tuple[centre_settings.CentreSettings, WorkCalendar]:
        settings = centre_settings.load(session)
        return settings, load_calendar(session, settings)

    def _event(self, session: Session, dossier: Dossier, officer: UserInfo, action: Action, target: Status | None,
               now: datetime, **detail) -> None:
        before = dossier.status
        if target is not None:
            dossier.status = target
        append_event(session, dossier.id, at=now, actor_id=officer.id, kind=action.value.replace("-", "_"),
                     from_status=before, to_status=target, detail={k: v for k, v in detail.items() if v not in (None, "")})

    def _result(self, dossier: Dossier, action: Action, now: datetime, reference: str = "", result_mark: str = "") -> ActionResult:
        return ActionResult(dossier.code, action.value, dossier.status, now, dossier.due_at, reference, result_mark)

    def _simple(self, code: str, officer: UserInfo, action: Action, *, reason: str = "", reason_required: bool = False,
                finish: bool = False, pause: bool = False, resume: bool = False) -> ActionResult:
        """One checked move with an optional reason; `finish` ends the dossier, `pause` stops its
        clock, `resume` moves both due times on by the paused working time."""
        note = checked_text(reason, "reason", required=reason_required)
        with self.db.transaction() as session:
            dossier = self._load(session, code)
            target = check(action, dossier.status, officer, dossier.department_id)
            now = self.clock()
            moved = {}
            if finish:
                dossier.finished_at = now
            if pause:
                dossier.paused_at = now
            if resume:
                moved["paused_minutes"] = self._extend_by_pause(self._calendar(session)[1], dossier, now)
                moved["due_at"] = dossier.due_at.isoformat(timespec="minutes")
            self._event(session, dossier, officer, action, target, now, reason=note, **moved)
            return self._result(dossier, action, now)

    def _notify(self, kind: str, code: str, make_text: Callable[[Session, Dossier], str]) -> None:
        """After the commit: tell the applicant, and record in the history whether it went out."""
        if self.notices is None:
            return
        with self.db.reader() as session:
            dossier = session.scalar(select(Dossier).where(Dossier.code == code))
            notice = notices.Notice(kind, code, dossier.phone, dossier.email, make_text(session, dossier), self.clock())
            dossier_id = dossier.id
        try:
            self.notices.send(notice)
            outcome, error = "notified", ""
        except Exception as exc:  # noqa: BLE001 - any gateway failure is recorded, never raised
            log.exception("notice %s for %s failed", kind, code)
            outcome, error = "notice_failed", str(exc)[:300]
        with self.db.transaction() as session:
            append_event(session, dossier_id, at=self.clock(), actor_id=None, kind=outcome,
                         detail={"notice": kind, "gateway": self.notices.name, "error": error} if error
                         else {"notice": kind, "gateway": self.notices.name})

    # -- the centre sends, the department receives ------------------------------------------------

    def hand_over(self, dossier_codes: Sequence[str], officer: UserInfo, note: str = "") -> HandoverResult:
        """Send received paper dossiers of ONE department with one hand-over list. Each is marked
        late when sent after its deadline (same working day; next morning after the cutoff)."""
        note = checked_text(note, "note", required=False)
        wanted = list(dict.fromkeys(c.strip().upper() for c in dossier_codes if c.strip()))
        if not wanted:
            text = QT_TRANSLATE_NOOP("Messages", "Select at least one dossier to hand over.")
            raise ValidationFailed([FieldError("handover.dossiers", Message(text))])
        with self.db.transaction() as session:
            settings, calendar = self._calendar(session)
            now = self.clock()
            dossiers = [self._load(session, code) for code in wanted]
            departments = {d.department_id for d in dossiers}
            if len(departments) != 1 or None in departments:
                text = QT_TRANSLATE_NOOP("Messages", "A hand-over list goes to one department: these dossiers belong to several.")
                raise ServiceError(Message(text))
            department = session.get(Department, departments.pop())
            number = codes.format_code(settings.agency_id, now.date(),
                                       codes.next_number(session, settings.agency_id, "handover", now.date()), "BG")
            late = []
            for dossier in dossiers:
                check(Action.HANDOVER, dossier.status, officer, dossier.department_id)
                if dossier.location != Location.CENTRE:
                    text = QT_TRANSLATE_NOOP("Messages", "Dossier {code} was already handed over (list {list}).")
                    raise ServiceError(Message(text, {"code": dossier.code, "list": dossier.handover_list}))
                deadline = handover_deadline(calendar, dossier.received_at)
                sent_mark = mark(now, deadline)
                if sent_mark is Mark.LATE:
                    late.append(dossier.code)
                dossier.location, dossier.handover_list = Location.TRANSIT, number
                self._event(session, dossier, officer, Action.HANDOVER, None, now, list=number,
                            to_department=department.code, to_unit=department.name,
                            deadline=deadline.isoformat(timespec="minutes"), mark=sent_mark.value, note=note)
            return HandoverResult(number, department.id, department.name, now, tuple(wanted), tuple(late))

    def accept(self, code: str, officer: UserInfo, note: str = "") -> ActionResult:
        """The department confirms receipt of a handed-over dossier and starts processing (2 → 4).
        The receiver's mark judges when the centre sent it against its hand-over deadline."""
        note = checked_text(note, "note", required=False)
        with self.db.transaction() as session:
            return self._accept(session, self._load(session, code), officer, note)

    def _accept(self, session: Session, dossier: Dossier, officer: UserInfo, note: str) -> ActionResult:
        target = check(Action.ACCEPT, dossier.status, officer, dossier.department_id)
        if dossier.location != Location.TRANSIT:
            text = QT_TRANSLATE_NOOP("Messages", "Dossier {code} has not been handed over to the department yet.")
            raise ServiceError(Message(text, {"code": dossier.code}))
        now = self.clock()
        # The hand-over event judged the sending against its deadline; the receiver records that mark.
        sent = session.scalar(select(DossierEvent.detail).where(DossierEvent.dossier_id == dossier.id,
                                                                DossierEvent.kind == "handover")
                              .order_by(DossierEvent.seq.desc()).limit(1)) or {}
        received_mark = Mark(sent.get("mark", Mark.ON_TIME))
        dossier.location = Location.DEPARTMENT
        self._event(session, dossier, officer, Action.ACCEPT, target, now, list=dossier.handover_list,
                    mark=received_mark.value, note=note)
        return self._result(dossier, Action.ACCEPT, now, dossier.handover_list, received_mark.value)

    def accept_list(self, list_number: str, officer: UserInfo) -> list[ActionResult]:
        """Confirm a whole hand-over list at once (the department scans the list's barcode). Only
        dossiers still in transit are taken; the officer's department is checked on each."""
        number = list_number.strip().upper()
        with self.db.transaction() as session:
            rows = session.scalars(select(Dossier).where(Dossier.handover_list == number,
                                                         Dossier.location == Location.TRANSIT).with_for_update()).all()
            if not rows:
                text = QT_TRANSLATE_NOOP("Messages", "No dossier waits for confirmation on hand-over list {list}.")
                raise NotFound(Message(text, {"list": number}))
            return [self._accept(session, dossier, officer, "") for dossier in rows]

    # -- processing ------------------------------------------------------------------------------

    def request_supplement(self, code: str, officer: UserInfo, items: Sequence[DocumentInput] = (),
                           notes: str = "") -> ActionResult:
        """Mẫu 02 during processing: recorded as a supplement slip on the dossier (printed and
        handed over at the counter); the clock pauses until the complete dossier is back."""
        lines = checked_text(notes, "supplement.notes", required=False)
        if not items and not lines:
            text = QT_TRANSLATE_NOOP("Messages", "List at least one document to add or one thing to fix.")
            raise ValidationFailed([FieldError("supplement.items", Message(text))])
        with self.db.transaction() as session:
            dossier = self._load(session, code)
            target = check(Action.REQUEST_SUPPLEMENT, dossier.status, officer, dossier.department_id)
            settings, calendar = self._calendar(session)
            now = self.clock()
            since = dossier.received_at
            late_request = calendar.working_minutes_between(since, now) > SUPPLEMENT_WITHIN_DAYS * calendar.standard_day_minutes
            slip = ReceptionSlip(
                number=codes.issue_slip_number(session, settings.agency_id, codes.SUPPLEMENT, now.date()),
                kind=codes.SUPPLEMENT, procedure_id=dossier.procedure_id, dossier_id=dossier.id,
                items=[vars(i) for i in items], notes=lines, officer_id=officer.id, counter_number=None, created_at=now,
                **{c: getattr(dossier, c) for c in _APPLICANT_COLUMNS},
            )
            session.add(slip)
            dossier.paused_at = now
            self._event(session, dossier, officer, Action.REQUEST_SUPPLEMENT, target, now, slip=slip.number,
                        late_request=late_request or None)
            result = self._result(dossier, Action.REQUEST_SUPPLEMENT, now, slip.number)
        self._notify("supplement", result.code, lambda s, d: notices.supplement_text(d.code))
        return result

    def supplement_received(self, code: str, officer: UserInfo) -> ActionResult:
        """The complete dossier is back at the counter: the clock restarts from zero, or the due
        date is extended by the paused working time (procedure setting, else the centre's)."""
        with self.db.transaction() as session:
            dossier = self._load(session, code)
            target = check(Action.SUPPLEMENT_RECEIVED, dossier.status, officer, dossier.department_id)
            settings, calendar = self._calendar(session)
            now = self.clock()
            procedure = session.get(Procedure, dossier.procedure_id)
            mode = procedure.supplement_clock or settings.supplement_clock
            if mode == "extend":
                paused = self._extend_by_pause(calendar, dossier, now)
            else:
                paused = calendar.working_minutes_between(dossier.paused_at or now, now)
                due = calendar.due(now.replace(second=0, microsecond=0), dossier.limit_value, LimitUnit(dossier.limit_unit),
                                   CountingRule(dossier.counting_rule), dossier.after_cutoff)
                dossier.due_at = dossier.original_due_at = due
                dossier.paused_at = None
            self._event(session, dossier, officer, Action.SUPPLEMENT_RECEIVED, target, now, clock=mode,
                        paused_minutes=paused, due_at=dossier.due_at.isoformat(timespec="minutes"))
            return self._result(dossier, Action.SUPPLEMENT_RECEIVED, now)

    def await_fees(self, code: str, officer: UserInfo, note: str = "") -> ActionResult:
        """Status 6: the applicant must pay fees or taxes first; the clock pauses meanwhile (the time
        to meet financial obligations is not counted in the processing time)."""
        return self._simple(code, officer, Action.AWAIT_FEES, reason=note, pause=True)

    def fees_paid(self, code: str, officer: UserInfo, note: str = "") -> ActionResult:
        """Back to processing: the due date (and the original one lateness is judged against) moves
        on by the working time the clock stood still."""
        return self._simple(code, officer, Action.FEES_PAID, reason=note, resume=True)

    @staticmethod
    def _extend_by_pause(calendar: WorkCalendar, dossier: Dossier, now: datetime) -> int:
        """Moves both due times on by the working minutes since the pause began, ends the pause,
        and returns those minutes."""
        paused = max(0, calendar.working_minutes_between(dossier.paused_at or now, now))
        dossier.due_at = calendar.add_working_minutes(dossier.due_at, paused)
        dossier.original_due_at = calendar.add_working_minutes(dossier.original_due_at, paused)
        dossier.paused_at = None
        return paused

    def stop(self, code: str, officer: UserInfo, reason: str) -> ActionResult:
        return self._simple(code, officer, Action.STOP, reason=reason, reason_required=True, finish=True)

    def refuse(self, code: str, officer: UserInfo, reason: str) -> ActionResult:
        return self._simple(code, officer, Action.REFUSE, reason=reason, reason_required=True, finish=True)

    def withdraw(self, code: str, officer: UserInfo, reason: str) -> ActionResult:
        """At the applicant's request (status 7), with the reason they gave."""
        return self._simple(code, officer, Action.WITHDRAW, reason=reason, reason_required=True, finish=True)

    def ready(self, code: str, officer: UserInfo, note: str = "") -> ActionResult:
        """The result is ready and handed back to the centre (status 9); the applicant is told."""
        note = checked_text(note, "note", required=False)
        with self.db.transaction() as session:
            dossier = self._load(session, code)
            target = check(Action.READY, dossier.status, officer, dossier.department_id)
            now = self.clock()
            result_mark = mark(now, dossier.original_due_at)
            dossier.finished_at, dossier.location = now, Location.CENTRE
            self._event(session, dossier, officer, Action.READY, target, now, mark=result_mark.value, note=note)
            result = self._result(dossier, Action.READY, now, result_mark=result_mark.value)
        self._notify("result_ready", result.code,
                     lambda s, d: notices.result_ready_text(d.code, centre_settings.load(s).centre_name))
        return result

    # -- lateness --------------------------------------------------------------------------------

    def apologize(self, code: str, officer: UserInfo, reason: str, new_due: datetime | date) -> ActionResult:
        """Mẫu 04: the department's apology with the reason and a new return date. The due date
        moves ONCE only; the original due time stays the measure of lateness."""
        reason = checked_text(reason, "apology.reason")
        with self.db.transaction() as session:
            dossier = self._load(session, code)
            check(Action.APOLOGIZE, dossier.status, officer, dossier.department_id)
            if dossier.rescheduled_at is not None:
                text = QT_TRANSLATE_NOOP("Messages", "The due date of this dossier was already moved once (on {date}); "
                                                     "it cannot be moved again.")
                raise ServiceError(Message(text, {"date": f"{dossier.rescheduled_at:%d/%m/%Y}"}))
            settings, calendar = self._calendar(session)
            now = self.clock()
            due = checked_new_due(calendar, new_due, after=max(now, dossier.due_at))
            department = session.get(Department, dossier.department_id)
            scope = f"PXL-{department.code}"[:20]
            number = f"{codes.next_number(session, settings.agency_id, scope, date(now.year, 1, 1))}/PXL"
            old_due = dossier.due_at
            dossier.due_at, dossier.rescheduled_at = due, now
            self._event(session, dossier, officer, Action.APOLOGIZE, None, now, number=number, reason=reason,
                        old_due=old_due.isoformat(timespec="minutes"), new_due=due.isoformat(timespec="minutes"),
                        department=department.name)
            result = self._result(dossier, Action.APOLOGIZE, now, number)
        self._notify("apology", result.code,
                     lambda s, d: notices.apology_text(d.code, session_department_name(s, d), d.due_at))
        return result

    def explain(self, code: str, officer: UserInfo, text: str) -> ActionResult:
        """The written explanation (giải trình) of a late dossier: late against its original due time."""
        text = checked_text(text, "explanation")
        with self.db.transaction() as session:
            dossier = self._load(session, code)
            check(Action.EXPLAIN, dossier.status, officer, dossier.department_id)
            now = self.clock()
            if clock_time(dossier.finished_at or now, dossier.paused_at) <= dossier.original_due_at:
                message = QT_TRANSLATE_NOOP("Messages", "Dossier {code} is not late; there is nothing to explain.")
                raise ServiceError(Message(message, {"code": dossier.code}))
            dossier.explained_at = now
            self._event(session, dossier, officer, Action.EXPLAIN, None, now, text=text)
            return self._result(dossier, Action.EXPLAIN, now)

    # -- return ----------------------------------------------------------------------------------

    def return_result(self, code: str, officer: UserInfo, collector: Collector, method: str = ReturnMethod.COUNTER,
                      note: str = "", receipt_taken_back: bool = True) -> ActionResult:
        """Hand the result over (status 10) after checking who collects it: at the counter, the
        applicant's identifier must match the dossier's, or an authorised person shows their
        identifier and the authorisation; by post the postal reference is the note."""
        note = checked_text(note, "return.note", required=method == ReturnMethod.POST)
        try:
            method = ReturnMethod(method)
        except ValueError:
            text = QT_TRANSLATE_NOOP("Messages", "Unknown return method {method}; use counter, post or online.")
            raise ValidationFailed([FieldError("return.method", Message(text, {"method": method}))]) from None
        with self.db.transaction() as session:
            dossier = self._load(session, code)
            target = check(Action.RETURN, dossier.status, officer, dossier.department_id)
            who = checked_collector(dossier, collector) if method is ReturnMethod.COUNTER else {}
            now = self.clock()
            result_mark = mark(dossier.finished_at or now, dossier.original_due_at)
            dossier.returned_at, dossier.location = now, Location.APPLICANT
            self._event(session, dossier, officer, Action.RETURN, target, now, method=method.value, note=note,
                        mark=result_mark.value, receipt_taken_back=receipt_taken_back, **who)
            return self._result(dossier, Action.RETURN, now, result_mark=result_mark.value)


_APPLICANT_COLUMNS = ("applicant_kind", "applicant_name", "id_type", "id_number", "date_of_birth", "sex", "address",
                      "phone", "email", "representative_name", "representative_id", "authorisation_document", "search_name")


def session_department_name(session: Session, dossier: Dossier) -> str:
    department = session.get(Department, dossier.department_id) if dossier.department_id else None
    return department.name if department else ""
