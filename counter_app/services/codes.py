"""Dossier codes `<agency>-<YYMMDD>-<NNNN>` and other per-day numbers.

Guarantees: a number is taken inside the caller's transaction with one atomic upsert
(`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so concurrent writers — threads or processes on
one SQLite file (which serialises writers with BEGIN IMMEDIATE), or sessions on PostgreSQL (row
lock on the sequence row) — never get the same number; and a rolled-back transaction gives its
number back, so no code is ever issued twice nor skipped by a failed save. The sequence restarts
every day per agency and has at least four digits.

On a counter's local store (joined to a central database: `sync_state.counter_number` set) the
numbers come instead from leased blocks of the central sequence or the counter's disjoint
fall-back range (`counter_app.sync.leases`); a standalone store is untouched by that.
"""

from __future__ import annotations

import re
import weakref
from datetime import date

from sqlalchemy import text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.models import DaySequence

DOSSIER = "dossier"
SUPPLEMENT = "supplement"
REFUSAL = "refusal"
LEDGER = "ledger"
_SLIP_PREFIX = {SUPPLEMENT: "BS", REFUSAL: "TC"}
CODE_PATTERN = re.compile(r"^(?P<agency>[0-9A-Za-z.]{1,40})-(?P<day>\d{6})-(?P<prefix>[A-Z]{2})?(?P<seq>\d{4,})$")


_SYNC_STATE_STORES: weakref.WeakSet = weakref.WeakSet()  # engines known to have `sync_state`


def _counter_of_store(session: Session) -> int | None:
    """The counter number when `session` writes to a counter's local store, else None."""
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return None
    if bind not in _SYNC_STATE_STORES:
        if session.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'")).first() is None:
            return None
        _SYNC_STATE_STORES.add(bind)
    value = session.execute(text("SELECT value FROM sync_state WHERE key = 'counter_number'")).scalar()
    return int(value) if value else None


def next_number(session: Session, agency: str, scope: str, day: date) -> int:
    """Take the next number of (agency, scope, day) in the current transaction."""
    counter = _counter_of_store(session)
    if counter is not None:
        from counter_app.sync import leases  # noqa: PLC0415 - only on a counter joined to a central database

        return leases.take_number(session, agency, scope, day, counter)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = (
        insert(DaySequence)
        .values(agency=agency, scope=scope, day=day, last=1)
        .on_conflict_do_update(
            index_elements=["agency", "scope", "day"], set_={"last": DaySequence.last + 1}
        )
        .returning(DaySequence.last)
    )
    return int(session.execute(stmt).scalar_one())


def format_code(agency: str, day: date, number: int, prefix: str = "") -> str:
    return f"{agency}-{day:%y%m%d}-{prefix}{number:04d}"


def issue_dossier_code(session: Session, agency: str, day: date) -> str:
    return format_code(agency, day, next_number(session, agency, DOSSIER, day))


def issue_slip_number(session: Session, agency: str, kind: str, day: date) -> str:
    """Number of a supplement request (…-BS0001) or refusal slip (…-TC0001) given at reception."""
    return format_code(agency, day, next_number(session, agency, kind, day), _SLIP_PREFIX[kind])


def issue_ledger_entry(session: Session, agency: str, year: int) -> int:
    """Entry number in the year's ledger book (Sổ theo dõi hồ sơ), restarting each year."""
    return next_number(session, agency, LEDGER, date(year, 1, 1))


def looks_like_code(text: str) -> bool:
    """True for a dossier code or slip number as typed by a person or a barcode scanner."""
    return bool(CODE_PATTERN.match(text.strip()))
