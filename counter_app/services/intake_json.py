"""The JSON form of an intake (`counter-app dossier create --json`), documented in docs/dossier-json.md.

Only the shape is checked here (types, unknown keys); the values then go through exactly the
same validation as the intake page (`intake_input.validate_intake`).
"""

from __future__ import annotations

from typing import Any

from counter_app.services.catalogue import CatalogueService
from counter_app.services.errors import QT_TRANSLATE_NOOP, FieldError, Message, NotFound, ValidationFailed
from counter_app.services.intake_input import ApplicantInput, DocumentInput, IntakeInput

TOP_KEYS = {"procedure", "applicant", "representative", "documents", "sets", "return_method", "received_at", "officer", "notes"}
APPLICANT_KEYS = {"kind", "name", "id_type", "id_number", "date_of_birth", "sex", "address", "phone", "email"}
REPRESENTATIVE_KEYS = {"name", "id_number", "document"}


def _shape(field: str, text: str, **args) -> FieldError:
    return FieldError(field, Message(text, args))


def _strings(obj: dict, keys: set[str], prefix: str, errors: list[FieldError]) -> dict[str, str]:
    out = {}
    for key, value in obj.items():
        if key not in keys:
            errors.append(_shape(f"{prefix}{key}", QT_TRANSLATE_NOOP("Messages", "Unknown key.")))
        elif value is not None and not isinstance(value, str):
            errors.append(_shape(f"{prefix}{key}", QT_TRANSLATE_NOOP("Messages", "Must be a text string.")))
        else:
            out[key] = value or ""
    return out


def intake_from_json(data: Any, catalogue: CatalogueService) -> tuple[IntakeInput, str]:
    """Returns the intake and the officer's user name; raises ValidationFailed on a bad shape."""
    errors: list[FieldError] = []
    if not isinstance(data, dict):
        raise ValidationFailed([_shape("$", QT_TRANSLATE_NOOP("Messages", "The JSON must be an object."))])
    for key in data.keys() - TOP_KEYS:
        errors.append(_shape(key, QT_TRANSLATE_NOOP("Messages", "Unknown key.")))
    raw_applicant = data.get("applicant")
    if not isinstance(raw_applicant, dict):
        errors.append(_shape("applicant", QT_TRANSLATE_NOOP("Messages", "The applicant must be an object.")))
        raw_applicant = {}
    applicant = _strings(raw_applicant, APPLICANT_KEYS, "applicant.", errors)
    raw_rep = data.get("representative") or {}
    rep = _strings(raw_rep, REPRESENTATIVE_KEYS, "representative.", errors) if isinstance(raw_rep, dict) else {}
    officer = data.get("officer")
    if not isinstance(officer, str) or not officer.strip():
        errors.append(_shape("officer", QT_TRANSLATE_NOOP("Messages", "Give the receiving officer's user name.")))
        officer = ""
    code = data.get("procedure")
    if not isinstance(code, str):
        errors.append(_shape("procedure", QT_TRANSLATE_NOOP("Messages", "Choose a procedure.")))
        code = ""
    documents = _documents(data.get("documents", []), code, catalogue, errors)
    sets = data.get("sets", 1)
    if isinstance(sets, bool) or not isinstance(sets, (int, str)):
        errors.append(_shape("sets", QT_TRANSLATE_NOOP("Messages", "The number of sets must be a whole number from 1 to {max}."), max=50))
        sets = 1
    for key in ("return_method", "received_at", "notes"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            errors.append(_shape(key, QT_TRANSLATE_NOOP("Messages", "Must be a text string.")))
    if errors:
        raise ValidationFailed(errors)
    intake = IntakeInput(
        procedure_code=code.strip(),
        applicant=ApplicantInput(
            representative_name=rep.get("name", ""),
            representative_id=rep.get("id_number", ""),
            authorisation_document=rep.get("document", ""),
            **{k: v for k, v in applicant.items()},
        ),
        documents=documents,
        sets=sets,
        return_method=data.get("return_method") or "counter",
        received_at=data.get("received_at") or None,
        notes=data.get("notes") or "",
    )
    return intake, officer.strip()


def _documents(value: Any, code: str, catalogue: CatalogueService, errors: list[FieldError]) -> tuple[DocumentInput, ...]:
    if value == "all":
        try:
            procedure = catalogue.get(code.strip()) if code else None
        except NotFound:
            return ()  # reported as an unknown procedure by the intake validation
        return tuple(DocumentInput(d.name) for d in procedure.documents) if procedure else ()
    if not isinstance(value, list):
        errors.append(_shape("documents", QT_TRANSLATE_NOOP("Messages", "Documents must be \"all\" or a list of document names.")))
        return ()
    docs = []
    for item in value:
        if isinstance(item, str):
            docs.append(DocumentInput(item))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and all(
            isinstance(item.get(k, 0), int) and not isinstance(item.get(k, 0), bool)
            for k in ("originals", "certified_copies", "photocopies")
        ):
            docs.append(DocumentInput(item["name"], item.get("originals", 0), item.get("certified_copies", 0), item.get("photocopies", 0)))
        else:
            errors.append(_shape("documents", QT_TRANSLATE_NOOP("Messages", "Documents must be \"all\" or a list of document names.")))
            break
    return tuple(docs)
