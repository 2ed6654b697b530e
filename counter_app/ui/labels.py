"""Readable, translated labels for stored codes (statuses, history events, identifier kinds…)
and the display formats shared by the pages. English sources, context "Labels"."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from counter_app.services.errors import MESSAGE_CONTEXT
from counter_app.services.status import LABELS, Status

CONTEXT = "Labels"

EVENT_KINDS = {
    "received": QT_TRANSLATE_NOOP("Labels", "Received at the counter"),
    "printed": QT_TRANSLATE_NOOP("Labels", "Form printed"),
    "print_failed": QT_TRANSLATE_NOOP("Labels", "Printing failed"),
    "status_changed": QT_TRANSLATE_NOOP("Labels", "Status changed"),
    "due_extended": QT_TRANSLATE_NOOP("Labels", "Due date extended"),
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
    # After intake (`services.tracking`: the event kind is the action's name)
    "handover": QT_TRANSLATE_NOOP("Labels", "Handed over to the department"),
    "accept": QT_TRANSLATE_NOOP("Labels", "Receipt confirmed by the department"),
    "request_supplement": QT_TRANSLATE_NOOP("Labels", "Supplement requested by the department"),
    "supplement_received": QT_TRANSLATE_NOOP("Labels", "Supplement received"),
    "await_fees": QT_TRANSLATE_NOOP("Labels", "Waiting for fees or taxes"),
    "fees_paid": QT_TRANSLATE_NOOP("Labels", "Fees or taxes paid"),
    "stop": QT_TRANSLATE_NOOP("Labels", "Processing stopped"),
    "refuse": QT_TRANSLATE_NOOP("Labels", "Refused after appraisal"),
    "ready": QT_TRANSLATE_NOOP("Labels", "Result ready and handed back to the centre"),
    "return": QT_TRANSLATE_NOOP("Labels", "Result returned"),
    "withdraw": QT_TRANSLATE_NOOP("Labels", "Withdrawn at the applicant's request"),
    "apologize": QT_TRANSLATE_NOOP("Labels", "Apology filed, due date moved (Form 04)"),
    "explain": QT_TRANSLATE_NOOP("Labels", "Lateness explained in writing"),
    "notified": QT_TRANSLATE_NOOP("Labels", "Applicant notified"),
    "notice_failed": QT_TRANSLATE_NOOP("Labels", "Notice to the applicant failed"),
}
DOCUMENT_KINDS = {
    "receipt": QT_TRANSLATE_NOOP("Labels", "Receipt (Form 01)"),
    "supplement": QT_TRANSLATE_NOOP("Labels", "Supplement request (Form 02)"),
    "refusal": QT_TRANSLATE_NOOP("Labels", "Refusal (Form 03)"),
    "apology": QT_TRANSLATE_NOOP("Labels", "Apology and new date (Form 04)"),
    "control_sheet": QT_TRANSLATE_NOOP("Labels", "Control sheet (Form 05)"),
    "ledger": QT_TRANSLATE_NOOP("Labels", "Dossier ledger (Form 06)"),
    "handover": QT_TRANSLATE_NOOP("Labels", "Hand-over list"),
    "return": QT_TRANSLATE_NOOP("Labels", "Result return acknowledgement"),
}
MARKS = {
    "early": QT_TRANSLATE_NOOP("Labels", "Early"),
    "on_time": QT_TRANSLATE_NOOP("Labels", "On time"),
    "late": QT_TRANSLATE_NOOP("Labels", "Late"),
}
APPLICANT_KINDS = {
    "individual": QT_TRANSLATE_NOOP("Labels", "Individual"),
    "organisation": QT_TRANSLATE_NOOP("Labels", "Organisation"),
}
ID_TYPES = {
    "personal_id": QT_TRANSLATE_NOOP("Labels", "Personal identification number"),
    "tax_code": QT_TRANSLATE_NOOP("Labels", "Enterprise / tax code"),
    "passport": QT_TRANSLATE_NOOP("Labels", "Passport number"),
}
SEXES = {"male": QT_TRANSLATE_NOOP("Labels", "Male"), "female": QT_TRANSLATE_NOOP("Labels", "Female")}
RETURN_METHODS = {
    "counter": QT_TRANSLATE_NOOP("Labels", "At the counter"),
    "post": QT_TRANSLATE_NOOP("Labels", "By public postal service"),
    "online": QT_TRANSLATE_NOOP("Labels", "Online (electronic result)"),
}
LIMIT_UNITS = {
    "working-days": QT_TRANSLATE_NOOP("Labels", "{n} working days"),
    "calendar-days": QT_TRANSLATE_NOOP("Labels", "{n} days"),
    "working-hours": QT_TRANSLATE_NOOP("Labels", "{n} working hours"),
}
COUNTING_RULES = {
    "working-hours": QT_TRANSLATE_NOOP("Labels", "counted in working hours"),
    "civil": QT_TRANSLATE_NOOP("Labels", "counted by the Civil Code"),
}

# The walk-in queue (`services.queue_types`): ticket statuses, counter states, queue events.
TICKET_STATUSES = {
    "waiting": QT_TRANSLATE_NOOP("Labels", "Waiting"),
    "called": QT_TRANSLATE_NOOP("Labels", "Called"),
    "serving": QT_TRANSLATE_NOOP("Labels", "Being served"),
    "transferred": QT_TRANSLATE_NOOP("Labels", "Transferred, waiting"),
    "finished": QT_TRANSLATE_NOOP("Labels", "Finished"),
    "no_show": QT_TRANSLATE_NOOP("Labels", "Did not come"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed at the end of the day"),
}
COUNTER_STATES = {
    "idle": QT_TRANSLATE_NOOP("Labels", "Free"),
    "serving": QT_TRANSLATE_NOOP("Labels", "Serving"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
}
QUEUE_EVENTS = {
    "issued": QT_TRANSLATE_NOOP("Labels", "Ticket issued"),
    "called": QT_TRANSLATE_NOOP("Labels", "Called to the counter"),
    "recalled": QT_TRANSLATE_NOOP("Labels", "Called again"),
    "no_show": QT_TRANSLATE_NOOP("Labels", "Did not come"),
    "started": QT_TRANSLATE_NOOP("Labels", "Service started"),
    "transferred": QT_TRANSLATE_NOOP("Labels", "Transferred"),
    "finished": QT_TRANSLATE_NOOP("Labels", "Service finished"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Counter paused"),
    "resumed": QT_TRANSLATE_NOOP("Labels", "Counter resumed"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled by the supervisor"),
    "reassigned": QT_TRANSLATE_NOOP("Labels", "Reassigned by the supervisor"),
    "dossier_linked": QT_TRANSLATE_NOOP("Labels", "Dossier received"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed at the end of the day"),
    "carried_over": QT_TRANSLATE_NOOP("Labels", "Carried over to the next day"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _lookup(table: dict[str, str], key: str | None) -> str:
    if not key:
        return ""
    return tr(table[key]) if key in table else key


def status_label(status: int | None) -> str:
    if status is None:
        return ""
    try:
        return QCoreApplication.translate(MESSAGE_CONTEXT, LABELS[Status(status)])
    except ValueError:
        return str(status)


def event_label(kind: str) -> str:
    return _lookup(EVENT_KINDS, kind)


def mark_label(mark: str | None) -> str:
    """Early / on time / late (`services.lifecycle.Mark`)."""
    return _lookup(MARKS, mark)


def ticket_status_label(status: str) -> str:
    return _lookup(TICKET_STATUSES, status)


def counter_state_label(state: str) -> str:
    return _lookup(COUNTER_STATES, state)


def queue_event_label(kind: str) -> str:
    return _lookup(QUEUE_EVENTS, kind)


def duration(seconds: int | float | None) -> str:
    """mm:ss (h:mm:ss past an hour), as a counter clock shows it; empty for None."""
    if seconds is None:
        return ""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def document_label(kind: str) -> str:
    return _lookup(DOCUMENT_KINDS, kind)


def applicant_kind_label(kind: str) -> str:
    return _lookup(APPLICANT_KINDS, kind)


def id_type_label(kind: str) -> str:
    return _lookup(ID_TYPES, kind)


def sex_label(sex: str | None) -> str:
    return _lookup(SEXES, sex)


def return_method_label(method: str) -> str:
    return _lookup(RETURN_METHODS, method)


def limit_label(value: int, unit: str, rule: str = "") -> str:
    text = QCoreApplication.translate("Labels", "Same day") if value == 0 else tr(LIMIT_UNITS.get(unit, "{n} " + unit)).format(n=value)
    return f"{text} ({tr(COUNTING_RULES[rule])})" if rule in COUNTING_RULES else text


def when(value: datetime | None) -> str:
    """Date and time as Vietnamese officers write them: 26/11/2026 09:30."""
    return value.strftime("%d/%m/%Y %H:%M") if value else ""


def day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def money(value: Decimal) -> str:
    if not value:
        return QCoreApplication.translate("Labels", "No fee")
    return f"{int(value):,}".replace(",", ".") + " đ"


def masked_identifier(identifier: str) -> str:
    """All but the last 4 characters hidden, for lists that strangers may glimpse."""
    if len(identifier) <= 4:
        return identifier
    return "•" * (len(identifier) - 4) + identifier[-4:]
