"""Per-day numbers (dossier codes, slip numbers, ledger entries) on a counter's local store.

Scheme (docs/sync.md, "Dossier codes with counters offline"):
1. **Leased blocks.** The central `day_sequence` row of (agency, scope, day) is advanced by
   `BLOCK` numbers in one short central transaction (row lock, 2 s connect timeout); the counter
   keeps the block in its local `code_lease` row and issues from it inside the caller's local
   transaction. Central numbers stay below `RANGE` (100000).
2. **Next block ahead.** `renew()` (run by the sync worker, off the GUI thread) leases the next
   block when the current one is half used; it waits in `sync_state` under `lease.next|…` and is
   moved into `code_lease` when the current block runs out — so receiving does not wait on the
   network while the centre is reachable.
3. **Fall-back range.** When no block is at hand, `take_number` tries one synchronous lease
   (skipped for `RETRY_AFTER` seconds after a failure, so an offline counter never waits twice in
   a row); when that fails, counter N issues `N × RANGE + k`, k counting up per (agency, scope,
   day) in the local `day_sequence` table (which never syncs). These ranges are disjoint from
   each other and from the central numbers.

Guarantees: a number is consumed inside the caller's local transaction (BEGIN IMMEDIATE), so a
rolled-back save gives it back and two local writers never get the same one; a block is recorded
locally only after its central transaction committed, so a crash or a cut can leave a gap (a
block nobody uses) but never a number issued twice. Thread-safe: state is in the databases plus a
lock-guarded failure time per central URL. No Qt.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import psycopg
from sqlalchemy import text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from counter_app.models import DaySequence
from counter_app.services import codes
from counter_app.services.db import Database
from counter_app.sync import central_link

log = logging.getLogger(__name__)

BLOCK = 20
RANGE = 100_000  # central numbers < RANGE; counter N's fall-back numbers are N*RANGE + k
RETRY_AFTER = 30.0  # seconds without synchronous lease attempts after one failed

_lock = threading.Lock()
_failed_at: dict[str, float] = {}
_central_urls: dict[str, str] = {}  # local store URL -> central URL with password

Key = tuple[str, str, date]


class FallbackExhausted(RuntimeError):
    """A counter issued RANGE - 1 fall-back numbers of one (agency, scope, day) offline."""


def register(local: Database, central_url: str) -> None:
    """Tell synchronous leasing which central URL (with password) serves this local store."""
    with _lock:
        _central_urls[local.url] = central_url


def _state_key(key: Key) -> str:
    agency, scope, day = key
    return f"lease.next|{agency}|{scope}|{day.isoformat()}"


def counter_number(session: Session) -> int | None:
    value = session.execute(text("SELECT value FROM sync_state WHERE key = 'counter_number'")).scalar()
    return int(value) if value not in (None, "") else None


# --- central --------------------------------------------------------------------------------------

def lease_block(central_url: str, agency: str, scope: str, day: date, size: int = BLOCK) -> tuple[int, int] | None:
    """Advance the central day sequence by `size` (capped below RANGE); (first, last) or None when
    the central numbers of that day are used up. Raises psycopg errors when unreachable."""
    with central_link.connect(central_url) as conn, conn.transaction():
        conn.execute("SET LOCAL statement_timeout = 5000")
        conn.execute("INSERT INTO day_sequence (agency, scope, day, last) VALUES (%s, %s, %s, 0) "
                      "ON CONFLICT (agency, scope, day) DO NOTHING", (agency, scope, day))
        last = conn.execute("SELECT last FROM day_sequence WHERE agency = %s AND scope = %s AND day = %s FOR UPDATE",
                            (agency, scope, day)).fetchone()[0]
        end = min(last + size, RANGE - 1)
        if end <= last:
            return None
        conn.execute("UPDATE day_sequence SET last = %s WHERE agency = %s AND scope = %s AND day = %s",
                     (end, agency, scope, day))
    return last + 1, end


def _try_lease(central_url: str, key: Key) -> tuple[int, int] | None:
    """One attempt, remembered when it fails so the next caller does not wait for it again."""
    with _lock:
        if time.monotonic() - _failed_at.get(central_url, -RETRY_AFTER) < RETRY_AFTER:
            return None
    try:
        block = lease_block(central_url, *key)
    except psycopg.Error as error:
        log.info("no lease from the central database: %s", str(error).strip())
        with _lock:
            _failed_at[central_url] = time.monotonic()
        return None
    with _lock:
        _failed_at.pop(central_url, None)
    return block


def _central_url(session: Session) -> str | None:
    """The central URL with password for the store this session writes to (registered, or
    rebuilt from `sync_state` and the stored credentials)."""
    bind = session.get_bind()
    local_url = str(bind.url.render_as_string(hide_password=False))
    with _lock:
        if local_url in _central_urls:
            return _central_urls[local_url]
    stored = session.execute(text("SELECT value FROM sync_state WHERE key = 'central_url'")).scalar()
    if not stored or not bind.url.database:
        return None
    from counter_app.sync import credentials  # noqa: PLC0415 - only when no worker registered a URL

    url = central_link.with_password(stored, credentials.load_password(Path(bind.url.database).parent, stored))
    with _lock:
        _central_urls[local_url] = url
    return url


# --- local ----------------------------------------------------------------------------------------

def _consume(session: Session, key: Key) -> int | None:
    agency, scope, day = key
    row = session.execute(text(
        "UPDATE code_lease SET next_number = next_number + 1 WHERE agency = :a AND scope = :s AND day = :d "
        "AND next_number <= last_number RETURNING next_number - 1"), {"a": agency, "s": scope, "d": day}).first()
    return None if row is None else int(row[0])


def _install(session: Session, key: Key, block: tuple[int, int]) -> None:
    """Make `block` the current one, or keep it waiting when the current one still has numbers."""
    agency, scope, day = key
    params = {"a": agency, "s": scope, "d": day, "first": block[0], "last": block[1]}
    row = session.execute(text("SELECT next_number, last_number FROM code_lease WHERE agency = :a AND scope = :s "
                               "AND day = :d"), params).first()
    if row is None:
        session.execute(text("INSERT INTO code_lease (agency, scope, day, next_number, last_number) "
                             "VALUES (:a, :s, :d, :first, :last)"), params)
    elif row.next_number > row.last_number:
        session.execute(text("UPDATE code_lease SET next_number = :first, last_number = :last "
                             "WHERE agency = :a AND scope = :s AND day = :d"), params)
    elif block[0] == row.last_number + 1:  # contiguous: nobody leased in between
        session.execute(text("UPDATE code_lease SET last_number = :last WHERE agency = :a AND scope = :s AND day = :d"),
                        params)
    else:
        session.execute(text("INSERT INTO sync_state (key, value) VALUES (:k, :v) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                        {"k": _state_key(key), "v": f"{block[0]}:{block[1]}"})


def _waiting_block(session: Session, key: Key) -> tuple[int, int] | None:
    value = session.execute(text("DELETE FROM sync_state WHERE key = :k RETURNING value"), {"k": _state_key(key)}).scalar()
    if not value:
        return None
    first, last = value.split(":")
    return int(first), int(last)


def _fallback(session: Session, key: Key, counter: int) -> int:
    agency, scope, day = key
    stmt = (sqlite.insert(DaySequence).values(agency=agency, scope=scope, day=day, last=1)
            .on_conflict_do_update(index_elements=["agency", "scope", "day"], set_={"last": DaySequence.last + 1})
            .returning(DaySequence.last))
    k = int(session.execute(stmt).scalar_one())
    if k >= RANGE:
        raise FallbackExhausted(f"counter {counter} used its whole fall-back range of {agency} {scope} {day}")
    return counter * RANGE + k


def take_number(session: Session, agency: str, scope: str, day: date, counter: int) -> int:
    """The next number of (agency, scope, day) for counter `counter`, in the caller's local
    transaction: from the current block, the block waiting behind it, a block leased now, or the
    counter's fall-back range — in that order."""
    key = (agency, scope, day)
    number = _consume(session, key)
    if number is not None:
        return number
    block = _waiting_block(session, key)
    if block is None:
        central_url = _central_url(session)
        block = _try_lease(central_url, key) if central_url else None
    if block is not None:
        _install(session, key, block)
        number = _consume(session, key)
        if number is not None:
            return number
    return _fallback(session, key, counter)


# --- background renewal (sync worker) -------------------------------------------------------------

def wanted_keys(local: Database, today: date) -> list[Key]:
    """Keys worth holding a block for: the day's dossier codes and the year's ledger (always),
    and any other key already used today."""
    from counter_app.services import centre_settings  # noqa: PLC0415

    with local.reader() as session:
        agency = centre_settings.load(session).agency_id
        used = session.execute(text("SELECT agency, scope, day FROM code_lease WHERE day = :d"), {"d": today}).all()
    keys = {(agency, codes.DOSSIER, today), (agency, codes.LEDGER, date(today.year, 1, 1))}
    keys.update((a, s, d if isinstance(d, date) else date.fromisoformat(str(d))) for a, s, d in used)
    return sorted(keys)


def renew(local: Database, central_url: str, keys: Iterable[Key]) -> int:
    """Lease the next block of every key whose current block is at least half used and has none
    waiting; returns how many blocks were leased. Raises psycopg errors when unreachable."""
    leased = 0
    for key in keys:
        agency, scope, day = key
        with local.reader() as session:
            row = session.execute(text("SELECT next_number, last_number FROM code_lease WHERE agency = :a "
                                       "AND scope = :s AND day = :d"), {"a": agency, "s": scope, "d": day}).first()
            waiting = session.execute(text("SELECT 1 FROM sync_state WHERE key = :k"), {"k": _state_key(key)}).first()
        left = 0 if row is None else row.last_number - row.next_number + 1
        if waiting is not None or left > BLOCK // 2:
            continue
        block = lease_block(central_url, agency, scope, day)
        if block is None:
            continue
        with local.transaction() as session:
            _install(session, key, block)
        leased += 1
    return leased


def forget_old(local: Database, today: date) -> None:
    """Drop blocks of past days (their unused numbers are simply never issued)."""
    with local.transaction() as session:
        session.execute(text("DELETE FROM code_lease WHERE day < :d AND NOT (scope = :ledger AND day = :jan1)"),
                        {"d": today, "ledger": codes.LEDGER, "jan1": date(today.year, 1, 1)})
        for (k,) in session.execute(text("SELECT key FROM sync_state WHERE key LIKE 'lease.next|%'")).all():
            day = date.fromisoformat(k.rsplit("|", 1)[1])
            if day < today and not (k.split("|")[2] == codes.LEDGER and day == date(today.year, 1, 1)):
                session.execute(text("DELETE FROM sync_state WHERE key = :k"), {"k": k})
