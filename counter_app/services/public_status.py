"""The public status of a dossier: what anyone holding its code may see (web page, kiosk, API).

Guarantees:
- `PublicStatus` carries no personal data beyond the applicant's masked name (`mask_name`): no
  identifier, date of birth, phone, address, e-mail, representative, notes, officer or counter.
- `lookup()` queries only for input shaped like a dossier code (ASCII, ≤ 60 characters,
  `codes.looks_like_code`): anything else is "not found" without touching the database. A hit
  is one statement on the unique index of `dossier.code` (joined to its procedure and department,
  the newest event read through the `dossier_event.dossier_id` index).
- Read-only and thread-safe: every call takes its own read connection and gives it back.

Masking rule (`mask_name`), the same for individuals and organisations: the first word is kept,
every other word keeps its first letter and the rest becomes one '*' per letter
("Nguyễn Thị Ánh Tuyết" → "Nguyễn T** Á** T****"); a one-word name keeps only its first letter.
Organisations are masked like people because their names often are people's names (household
businesses, private enterprises: "Hộ kinh doanh Trần Thị Bình"), and the applicant's kind says
nothing about that. For a Western-order name the first word is the given name; it is kept all the
same (the rule stays predictable and never keeps more than one word).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, unquote, urlsplit

from sqlalchemy import bindparam, func, select

from counter_app.models import Department, Dossier, DossierEvent, Field, Procedure, now_local
from counter_app.services import centre_settings, codes
from counter_app.services.db import Database
from counter_app.services.status import FINISHED, LABELS_VI, Status, clock_time
from counter_app.services.text import clean, nfc

MAX_CODE_LENGTH = 60  # the width of dossier.code
_URL_PARTS = re.compile(r"[/?&=#;]")


@dataclass(frozen=True)
class PublicStatus:
    """One dossier as the public sees it. `status_label` is the national portal's Vietnamese
    wording; `last_update` is the time of the dossier's newest history event (None only for a
    dossier whose history has not arrived yet)."""

    code: str
    procedure_name: str
    department_name: str
    status: int
    status_label: str
    received_at: datetime
    due_at: datetime  # the current appointment (a moved due date shows the new one)
    last_update: datetime | None
    masked_name: str
    overdue: bool
    finished: bool


@dataclass(frozen=True)
class CentreHeader:
    """The names heading a public page, from the centre's settings."""

    parent_body: str
    centre_name: str


def _graphemes(word: str) -> list[str]:
    """Letters with their combining marks attached (a mark the NFC form could not fold in stays
    with its letter, so masking never leaves a stray accent or splits one letter in two stars)."""
    out: list[str] = []
    for ch in word:
        if out and unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _mask_word(word: str) -> str:
    letters = _graphemes(word)
    return letters[0] + "*" * (len(letters) - 1) if letters else ""


def mask_name(name: str | None) -> str:
    """The applicant's name with all but the first word reduced to initials (see the module's
    docstring); NFC in, NFC out, spaces collapsed, control and zero-width characters dropped."""
    words = clean(name).split(" ")
    if words == [""]:
        return ""
    if len(words) == 1:
        return nfc(_mask_word(words[0]))
    return nfc(" ".join([words[0], *(_mask_word(w) for w in words[1:])]))


def normalise_code(text: str | None) -> str:
    """What was typed, as a code is stored: NFC, trimmed, upper case."""
    if text and text.isascii() and text.isprintable():
        return " ".join(text.split()).upper()  # what clean() would give, without its per-character pass
    return clean(text).upper()


def is_code_shaped(code: str) -> bool:
    return len(code) <= MAX_CODE_LENGTH and code.isascii() and codes.looks_like_code(code)


def code_from_scan(text: str | None) -> str:
    """The dossier code in what a barcode scanner typed: the bare code (the receipt's Code128), or
    the tracking URL of its QR — the `ma` parameter of the default template, else the first
    code-shaped part of the URL (an administrator may have put `{code}` in the path)."""
    text = clean(text)
    if "://" in text or "?" in text:
        found = parse_qs(urlsplit(text).query).get("ma")
        if found:
            return normalise_code(found[0])
        for part in _URL_PARTS.split(text):
            candidate = normalise_code(unquote(part))
            if is_code_shaped(candidate):
                return candidate
    return normalise_code(text)


def _last_event_at():
    return (select(func.max(DossierEvent.at)).where(DossierEvent.dossier_id == Dossier.id)
            .correlate(Dossier).scalar_subquery())


_LOOKUP = (
    select(Dossier.code, Dossier.applicant_name, Dossier.status, Dossier.received_at, Dossier.due_at,
           Procedure.name, Department.name, _last_event_at(), Dossier.original_due_at, Dossier.paused_at)
    .join(Procedure, Procedure.id == Dossier.procedure_id)
    .join(Field, Field.id == Procedure.field_id)
    .join(Department, Department.id == Field.department_id)
    .where(Dossier.code == bindparam("code"))
)


def _status_label(status: int) -> str:
    try:
        return LABELS_VI[Status(status)]
    except ValueError:  # a code from a newer portal version: show the number rather than nothing
        return f"Trạng thái {status}"


class PublicStatusQueries:
    """Read-only look-ups for the public. Thread-safe: each call takes its own read connection."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = now_local):
        self.db = db
        self.clock = clock

    def lookup(self, code: str | None) -> PublicStatus | None:
        """The public status of the dossier `code` (typed or scanned; trimmed and upper-cased),
        None when there is no such dossier or the text is not shaped like a code."""
        wanted = normalise_code(code)
        if not is_code_shaped(wanted):
            return None
        # A Core connection, not an ORM session: the page is a single read of plain columns, and the
        # session's bookkeeping would cost more than the query (the server's budget: ≥ 500 pages/s).
        with self.db.read_engine.connect() as connection:
            row = connection.execute(_LOOKUP, {"code": wanted}).first()
        if row is None:
            return None
        found, name, status, received_at, due_at, procedure, department, last_update, original_due_at, paused_at = row
        finished = status in FINISHED
        return PublicStatus(
            code=found, procedure_name=procedure, department_name=department, status=status,
            status_label=_status_label(status), received_at=received_at, due_at=due_at, last_update=last_update,
            # Late is judged against the original due time: a new date from an apology never hides it.
            masked_name=mask_name(name), overdue=not finished and clock_time(self.clock(), paused_at) > original_due_at, finished=finished,
        )

    def ping(self) -> None:
        """Raises when the database does not answer (the server's health check)."""
        with self.db.reader() as session:
            session.execute(select(1))

    def centre(self) -> CentreHeader:
        with self.db.reader() as session:
            settings = centre_settings.load(session)
        return CentreHeader(parent_body=settings.parent_body, centre_name=settings.centre_name)
