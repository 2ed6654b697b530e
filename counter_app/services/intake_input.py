"""What the intake page and `dossier create --json` submit, and its validation.

One validator for both: the page and the CLI get the same field names and the same messages.
Validation returns clean values (NFC, trimmed, normalised phone) or raises `ValidationFailed`
listing every problem, so nothing is saved half-way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from counter_app.services import validation
from counter_app.services.catalogue import ProcedureInfo
from counter_app.services.errors import QT_TRANSLATE_NOOP, FieldError, Message, ValidationFailed
from counter_app.services.text import clean, clean_multiline, fold

KINDS = ("individual", "organisation")
ID_TYPES = ("personal_id", "tax_code", "passport")
RETURN_METHODS = ("counter", "post", "online")
RETURN_LABELS_VI = {
    "counter": "Tại Bộ phận Tiếp nhận và Trả kết quả",
    "post": "Qua dịch vụ bưu chính công ích",
    "online": "Trực tuyến (nhận kết quả điện tử)",
}
ID_LABELS_VI = {
    "personal_id": "Số định danh cá nhân",
    "tax_code": "Mã số doanh nghiệp/Mã số thuế",
    "passport": "Số hộ chiếu",
}
MAX_SETS = 50
MAX_NOTES = 2000


def _msg(text: str, **args) -> Message:
    return Message(text, args)


@dataclass(frozen=True)
class ApplicantInput:
    """Raw applicant fields as typed. `id_type` empty means: personal_id for an individual,
    tax_code for an organisation."""

    kind: str = "individual"
    name: str = ""
    id_type: str = ""
    id_number: str = ""
    date_of_birth: str | date | None = None
    sex: str | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    representative_name: str = ""
    representative_id: str = ""
    authorisation_document: str = ""


@dataclass(frozen=True)
class DocumentInput:
    """A document handed over (or missing), with its counts."""

    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0


@dataclass(frozen=True)
class IntakeInput:
    procedure_code: str
    applicant: ApplicantInput
    documents: tuple[DocumentInput, ...] = ()  # the documents ticked as received
    sets: int | str = 1
    return_method: str = "counter"
    received_at: datetime | str | None = None  # None: now
    notes: str = ""


@dataclass(frozen=True)
class Applicant:
    """Validated applicant, ready to store and print."""

    kind: str
    name: str
    id_type: str
    id_number: str
    date_of_birth: date | None
    sex: str | None
    address: str
    phone: str
    email: str
    representative_name: str
    representative_id: str
    authorisation_document: str


@dataclass(frozen=True)
class CleanIntake:
    procedure: ProcedureInfo
    applicant: Applicant
    documents: tuple[DocumentInput, ...]
    sets: int
    return_method: str
    received_at: datetime
    notes: str
    missing_required: tuple[str, ...] = field(default=())


def validate_applicant(raw: ApplicantInput, errors: list[FieldError], *, today: date) -> Applicant:
    """Check every applicant field, appending problems to `errors`; returns cleaned values."""
    kind = raw.kind if raw.kind in KINDS else "individual"
    if raw.kind not in KINDS:
        errors.append(FieldError("applicant.kind", _msg(QT_TRANSLATE_NOOP("Messages", "Choose individual or organisation."))))
    name, error = validation.check_name(raw.name, "applicant.name")
    errors += [error] if error else []

    id_type = raw.id_type or ("tax_code" if kind == "organisation" else "personal_id")
    dob, error = validation.parse_date_of_birth(raw.date_of_birth or None, "applicant.date_of_birth", today=today)
    errors += [error] if error else []
    sex = (raw.sex or "").strip().lower() or None
    if sex not in (None, "male", "female"):
        errors.append(FieldError("applicant.sex", _msg(QT_TRANSLATE_NOOP("Messages", "Sex must be male or female."))))
        sex = None
    id_number = clean(raw.id_number)
    if id_type not in ID_TYPES:
        errors.append(FieldError("applicant.id_type", _msg(QT_TRANSLATE_NOOP("Messages", "Unknown kind of identifier."))))
    elif not id_number:
        errors.append(FieldError("applicant.id_number", _msg(QT_TRANSLATE_NOOP("Messages", "Enter the identifier."))))
    elif id_type == "personal_id":
        errors += validation.personal_id_problems(id_number, dob, sex, "applicant.id_number")
    elif id_type == "tax_code":
        errors += validation.tax_code_problems(id_number, "applicant.id_number")
    else:
        errors += validation.passport_problems(id_number, "applicant.id_number")
    id_number = validation.normalise_identifier(id_number)

    address, error = validation.check_text(raw.address, "applicant.address", required=True, max_len=validation.MAX_LEN["address"])
    errors += [error] if error else []
    errors += validation.phone_problems(raw.phone, "applicant.phone", required=True)
    errors += validation.email_problems(raw.email, "applicant.email", required=False)

    rep_name, rep_id, auth_doc = "", "", ""
    if any(clean(v) for v in (raw.representative_name, raw.representative_id, raw.authorisation_document)):
        rep_name, error = validation.check_name(raw.representative_name, "representative.name")
        errors += [error] if error else []
        rep_id = clean(raw.representative_id)
        if not rep_id:
            errors.append(FieldError("representative.id_number", _msg(QT_TRANSLATE_NOOP("Messages", "Enter the representative's identifier."))))
        elif rep_id.isdigit() and len(rep_id) == 12:
            errors += validation.personal_id_problems(rep_id, None, None, "representative.id_number")
        else:
            errors += validation.passport_problems(rep_id, "representative.id_number")
        rep_id = validation.normalise_identifier(rep_id)
        auth_doc, error = validation.check_text(
            raw.authorisation_document, "representative.document", required=True, max_len=validation.MAX_LEN["authorisation_document"]
        )
        errors += [error] if error else []

    return Applicant(
        kind=kind,
        name=name,
        id_type=id_type,
        id_number=id_number,
        date_of_birth=dob,
        sex=sex,
        address=address,
        phone=validation.normalise_phone(raw.phone or ""),
        email=clean(raw.email).lower(),
        representative_name=rep_name,
        representative_id=rep_id,
        authorisation_document=auth_doc,
    )


def parse_received_at(value: datetime | str | None, now: datetime, errors: list[FieldError]) -> datetime:
    """Receipt time to the minute; may be back-dated (entering a paper backlog) but not in the future."""
    if value is None or value == "":
        return now.replace(second=0, microsecond=0)
    if isinstance(value, str):
        try:
            value = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M")
        except ValueError:
            text = QT_TRANSLATE_NOOP("Messages", "Write the receipt time as YYYY-MM-DD HH:MM, a real date and time.")
            errors.append(FieldError("received_at", _msg(text)))
            return now.replace(second=0, microsecond=0)
    if value > now + timedelta(minutes=5):
        errors.append(FieldError("received_at", _msg(QT_TRANSLATE_NOOP("Messages", "The receipt time cannot be in the future."))))
    elif value.year < 2000:
        errors.append(FieldError("received_at", _msg(QT_TRANSLATE_NOOP("Messages", "The receipt time is too far in the past."))))
    return value.replace(second=0, microsecond=0)


def parse_sets(value: int | str, errors: list[FieldError]) -> int:
    try:
        sets = int(str(value).strip())
    except ValueError:
        sets = 0
    if not 1 <= sets <= MAX_SETS:
        text = QT_TRANSLATE_NOOP("Messages", "The number of sets must be a whole number from 1 to {max}.")
        errors.append(FieldError("sets", _msg(text, max=MAX_SETS)))
    return max(1, min(sets, MAX_SETS))


def match_documents(procedure: ProcedureInfo, given: tuple[DocumentInput, ...], errors: list[FieldError]) -> tuple[DocumentInput, ...]:
    """Map the ticked documents onto the procedure's checklist (accent-insensitive names), in
    checklist order; unknown names are errors. Counts default to the checklist's."""
    by_key = {fold(d.name): d for d in procedure.documents}
    chosen: dict[str, DocumentInput] = {}
    for doc in given:
        key = fold(doc.name)
        required = by_key.get(key)
        if required is None:
            text = QT_TRANSLATE_NOOP("Messages", "\"{name}\" is not a document of this procedure.")
            errors.append(FieldError("documents", _msg(text, name=clean(doc.name)[:80])))
            continue
        counts = (doc.originals, doc.certified_copies, doc.photocopies)
        if any(c < 0 or c > 99 for c in counts):
            text = QT_TRANSLATE_NOOP("Messages", "Document counts must be between 0 and 99.")
            errors.append(FieldError("documents", _msg(text)))
        if not any(counts):
            counts = (required.originals, required.certified_copies, required.photocopies)
        chosen[key] = DocumentInput(required.name, *counts)
    return tuple(chosen[k] for k in by_key if k in chosen)


def validate_intake(raw: IntakeInput, procedure: ProcedureInfo | None, now: datetime) -> CleanIntake:
    """Validate everything for receiving a dossier; raises ValidationFailed listing all problems."""
    errors: list[FieldError] = []
    if procedure is None:
        errors.append(FieldError("procedure", _msg(QT_TRANSLATE_NOOP("Messages", "Choose a procedure."))))
    applicant = validate_applicant(raw.applicant, errors, today=now.date())
    documents = match_documents(procedure, raw.documents, errors) if procedure else ()
    sets = parse_sets(raw.sets, errors)
    if raw.return_method not in RETURN_METHODS:
        text = QT_TRANSLATE_NOOP("Messages", "Choose how the result will be collected: counter, post or online.")
        errors.append(FieldError("return_method", _msg(text)))
    received_at = parse_received_at(raw.received_at, now, errors)
    notes, error = validation.check_text(raw.notes, "notes", required=False, max_len=MAX_NOTES, multiline=True)
    errors += [error] if error else []
    missing = ()
    if procedure:
        have = {fold(d.name) for d in documents}
        missing = tuple(d.name for d in procedure.documents if d.required and fold(d.name) not in have)
    if errors:
        raise ValidationFailed(errors)
    assert procedure is not None
    return CleanIntake(procedure, applicant, documents, sets, raw.return_method, received_at, notes, missing)


def clean_lines(text: str) -> tuple[str, ...]:
    return tuple(line for line in clean_multiline(text).split("\n") if line)
