"""Dossier numbers on a counter's local store: leased blocks first, then the counter's fall-back range."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from counter_app.services import codes, schema
from counter_app.services.db import Database
from counter_app.sync import leases

DAY = date(2026, 11, 26)


def counter_store(path, counter: int | None, central_url: str | None = None) -> Database:
    """A local store at HEAD; with `counter` it is a counter's store (sync_state set)."""
    db = Database.for_file(path)
    schema.upgrade(db)
    with db.transaction() as session:
        for key, value in (("counter_number", counter), ("central_url", central_url)):
            if value is not None:
                session.execute(text("INSERT INTO sync_state (key, value) VALUES (:k, :v)"), {"k": key, "v": str(value)})
    return db


def take(db: Database, n: int, agency: str = "A", scope: str = codes.DOSSIER, day: date = DAY) -> list[int]:
    with db.transaction() as session:
        return [codes.next_number(session, agency, scope, day) for _ in range(n)]


def test_standalone_store_keeps_its_own_sequence(tmp_path):
    """Without `counter_number` in sync_state, numbers are the plain local day sequence 1, 2, 3."""
    db = counter_store(tmp_path / "s.sqlite3", None)
    try:
        assert take(db, 3) == [1, 2, 3]
    finally:
        db.dispose()


def test_counter_without_lease_or_centre_uses_its_fallback_range(tmp_path):
    """Counter 3 with no block and no reachable centre issues 300001, 300002… per (agency, scope, day)."""
    db = counter_store(tmp_path / "c.sqlite3", 3)
    try:
        assert take(db, 3) == [300001, 300002, 300003]
        assert take(db, 1, scope=codes.SUPPLEMENT) == [300001]
        assert take(db, 1, day=date(2026, 11, 27)) == [300001]
        assert codes.format_code("A", DAY, 300001) == "A-261126-300001"
    finally:
        db.dispose()


def test_blocks_are_used_in_order_then_the_waiting_block_then_fallback(tmp_path):
    """Consecutive numbers from the current block, then from the block waiting behind it; a
    contiguous block extends the current one; a rolled-back save gives its number back."""
    db = counter_store(tmp_path / "c.sqlite3", 2)
    key = ("A", codes.DOSSIER, DAY)
    try:
        with db.transaction() as session:
            leases._install(session, key, (41, 45))
            leases._install(session, key, (46, 47))  # contiguous: extends
            leases._install(session, key, (81, 82))  # waits behind
        with pytest.raises(RuntimeError), db.transaction() as session:
            codes.next_number(session, *key)
            raise RuntimeError("save failed")
        assert take(db, 10) == [41, 42, 43, 44, 45, 46, 47, 81, 82, 200001]
    finally:
        db.dispose()
