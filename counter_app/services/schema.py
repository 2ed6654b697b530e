"""Create, upgrade and check the database schema through Alembic.

Guarantees: `upgrade()` brings any older schema to the code's head revision in one transaction
per migration; `check()` raises `SchemaMismatch` (with the command to run) when the database is
empty, older or newer than this code, so the app never runs against a schema it does not match.
On the central PostgreSQL database the advice names `counter-app central init URL`, run by the
administrator as the schema owner (the app's own role has no right to change the schema).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from counter_app.migrations import HEAD
from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, ServiceError


MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


class SchemaMismatch(ServiceError):
    """The database schema is not the one this version of the program expects."""


def _config():
    from alembic.config import Config  # noqa: PLC0415 - Alembic only when migrating, not at start-up

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision this program knows (kept in `migrations.HEAD`)."""
    return HEAD


def alembic_head() -> str | None:
    """Alembic's own view of the newest revision (slow: parses every migration)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    return ScriptDirectory.from_config(_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    with db.read_engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command  # noqa: PLC0415

    config = _config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def check(db: Database) -> None:
    current, head = current_revision(db), head_revision()
    if current == head:
        return
    central = db.dialect == "postgresql"
    if current is None and central:
        text = QT_TRANSLATE_NOOP(
            "Messages",
            "The central database has no schema yet. Ask the administrator to run: counter-app central init URL",
        )
    elif current is None:
        text = QT_TRANSLATE_NOOP(
            "Messages", "The database has no schema yet. Ask the administrator to run: counter-app db init"
        )
    elif current in known_revisions() and central:
        text = QT_TRANSLATE_NOOP(
            "Messages",
            "The central database schema ({current}) is older than this program ({head}). "
            "Ask the administrator to run: counter-app central init URL",
        )
    elif current in known_revisions():
        text = QT_TRANSLATE_NOOP(
            "Messages",
            "The database schema ({current}) is older than this program ({head}). "
            "Ask the administrator to run: counter-app db upgrade",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "Messages",
            "The database schema ({current}) is newer than this program ({head}). Install the newer program.",
        )
    raise SchemaMismatch(Message(text, {"current": current, "head": head}))
