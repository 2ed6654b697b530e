"""Checking what a department or counter officer types for an action after intake: free text
(reasons, notes, explanations), the apology's new date, and who collects a result.

Each check returns the cleaned value or raises `ValidationFailed` naming the field, so nothing is
written when any input is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from counter_app.models import Dossier
from counter_app.services import validation
from counter_app.services.calendar import WorkCalendar
from counter_app.services.errors import QT_TRANSLATE_NOOP, FieldError, Message, ValidationFailed

MAX_TEXT = 2000


@dataclass(frozen=True)
class Collector:
    """Who takes the result: the applicant (their identifier must match the dossier's) or an
    authorised person (name, identifier and the authorisation document)."""

    authorised: bool = False
    name: str = ""
    id_number: str = ""
    document: str = ""


def checked_text(value: str, field: str, *, required: bool = True) -> str:
    cleaned, problem = validation.check_text(value, field, required=required, max_len=MAX_TEXT, multiline=True)
    if problem:
        raise ValidationFailed([problem])
    return cleaned


def checked_new_due(calendar: WorkCalendar, value: datetime | date, after: datetime) -> datetime:
    """A proposed new return time: a date means the end of that working day; it must be a working
    day and later than the current appointment."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.max)
    day = value.date()
    if not calendar.is_working_day(day):
        text = QT_TRANSLATE_NOOP("Messages", "{date} is not a working day; choose a working day for the new date.")
        raise ValidationFailed([FieldError("apology.new_due", Message(text, {"date": f"{day:%d/%m/%Y}"}))])
    end = calendar.sessions_on(day)[-1][1]
    value = min(value.replace(second=0, microsecond=0), end)
    if value <= after:
        text = QT_TRANSLATE_NOOP("Messages", "The new date must be later than the current appointment ({due}).")
        raise ValidationFailed([FieldError("apology.new_due", Message(text, {"due": f"{after:%H:%M %d/%m/%Y}"}))])
    return value


def checked_collector(dossier: Dossier, collector: Collector) -> dict:
    ident = validation.normalise_identifier(collector.id_number)
    if not collector.authorised:
        if not ident or ident not in {dossier.id_number, dossier.representative_id}:
            text = QT_TRANSLATE_NOOP("Messages", "The identifier shown does not match the dossier's applicant.")
            raise ValidationFailed([FieldError("collector.id_number", Message(text))])
        name = dossier.representative_name if ident == dossier.representative_id and ident != dossier.id_number \
            else dossier.applicant_name
        return {"collector": name, "collector_id": ident}
    errors: list[FieldError] = []
    name, problem = validation.check_name(collector.name, "collector.name")
    errors += [problem] if problem else []
    if ident.isdigit():
        errors += validation.personal_id_problems(ident, None, None, "collector.id_number")
    else:
        errors += validation.passport_problems(ident, "collector.id_number")
    document, problem = validation.check_text(collector.document, "collector.document", required=True, max_len=300)
    errors += [problem] if problem else []
    if errors:
        raise ValidationFailed(errors)
    return {"collector": name, "collector_id": ident, "authorisation": document}
