"""Schema management: Alembic creates it, and a mismatched schema is refused with the command to run."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from counter_app.services import schema
from counter_app.services.db import Database


def test_empty_database_is_refused_with_init_advice(tmp_path):
    """A program started on an empty file says to run `counter-app db init`."""
    db = Database.for_file(tmp_path / "empty.sqlite3")
    with pytest.raises(schema.SchemaMismatch) as caught:
        schema.check(db)
    assert "db init" in caught.value.message.text


def test_newer_schema_is_refused(tmp_path):
    """A database stamped by a newer program is refused, not used."""
    db = Database.for_file(tmp_path / "db.sqlite3")
    schema.upgrade(db)
    with db.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(schema.SchemaMismatch) as caught:
        schema.check(db)
    assert "newer" in caught.value.message.text


def test_upgrade_reaches_head_and_is_idempotent(tmp_path):
    """Upgrading twice is harmless and ends at the code's head revision."""
    db = Database.for_file(tmp_path / "db.sqlite3")
    schema.upgrade(db)
    schema.upgrade(db)
    assert schema.current_revision(db) == schema.head_revision()
    schema.check(db)


def test_sqlite_runs_in_wal_mode(ctx):
    """The embedded store uses WAL so readers never block the writer."""
    with ctx.db.reader() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_head_constant_matches_alembic():
    """The start-up check's HEAD constant is Alembic's real head (update it with each migration)."""
    assert schema.head_revision() == schema.alembic_head()
