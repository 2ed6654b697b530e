"""Setting up the central PostgreSQL database that the counters of a centre share.

`init_central(owner_url, …)` is the administrator's one command (`counter-app central init URL`):

- the schema is created or upgraded through Alembic **as the owner** (the URL's user), then
  seeded as `setup.initialise` seeds an embedded store (calendar facts, centre settings, and the
  demo centre on request);
- a login role for the app (`counter_app` by default) is created or updated **without DDL
  rights**: not the owner nor a member of it, no superuser/CREATEDB/CREATEROLE/BYPASSRLS, no
  CREATE on the database or the schema; it gets SELECT, INSERT, UPDATE, DELETE on every table
  (read-only on `alembic_version`), USAGE on the sequences, and default privileges so tables a
  later migration adds are covered too. TRUNCATE is never granted, and the event log stays
  append-only through its trigger;
- the app's connection URL is returned; a password is generated when none is given, sent to the
  server only as a SCRAM hash, and returned once — it is never stored by this program.

Running it again is harmless: the schema is upgraded if needed, nothing seeded is overwritten,
grants are re-applied, and an existing app role keeps its password unless a new one is asked for.
The app role may read and append to the sync `change_log` (its triggers run as the writer) but
never update or delete it; `counter_push` is read and written by pushing counters (`counter_app.sync`).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, make_url, text
from sqlalchemy.engine import URL

from counter_app.migrations.trigram import ensure_trigram_indexes, has_trigram_indexes
from counter_app.services import setup
from counter_app.services.db import Database, normalise_url
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, ServiceError

DEFAULT_APP_ROLE = "counter_app"
TABLE_RIGHTS = "SELECT, INSERT, UPDATE, DELETE"
_ROLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


class CentralSetupError(ServiceError):
    """The central database cannot be set up as asked (nothing about the app role was changed)."""


@dataclass(frozen=True)
class CentralReport:
    revision: str
    created_users: tuple[tuple[str, str, str], ...]  # (username, role, one-time password)
    procedures_added: int
    owner: str
    app_role: str
    app_role_created: bool
    app_password: str | None  # only when set by this run; print it once, never store it
    app_url: str  # with the password when `app_password` is set, else without
    trigram_index: bool  # False: pg_trgm unavailable, name search scans


def postgres_url(url: str) -> URL:
    """The administrator's URL as a psycopg 3 SQLAlchemy URL; refuses anything but PostgreSQL."""
    try:
        parsed = make_url(normalise_url(url))
    except Exception:  # noqa: BLE001 - SQLAlchemy raises ArgumentError or ValueError
        parsed = None
    if parsed is None or parsed.get_backend_name() != "postgresql" or not parsed.database:
        raise CentralSetupError(Message(QT_TRANSLATE_NOOP(
            "Messages", "The central database URL must be a PostgreSQL URL: postgresql://user@host:port/database"
        )))
    return parsed


def _as_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def _generate_password() -> str:
    return secrets.token_urlsafe(24)  # URL-safe, 192 bits


def init_central(owner_url: str, *, demo: bool, app_role: str = DEFAULT_APP_ROLE, app_password: str | None = None,
                 reset_password: bool = False) -> CentralReport:
    """Create or upgrade the central schema as the owner, seed it, and set up the app's role.

    `app_password` sets the app role's password; without it a new role gets a generated one, an
    existing role keeps its own unless `reset_password`."""
    url = postgres_url(owner_url)
    if not _ROLE_NAME.match(app_role):
        raise CentralSetupError(Message(QT_TRANSLATE_NOOP(
            "Messages", "Invalid role name {role}: use lower-case letters, digits and underscores, starting with a letter."
        ), {"role": app_role}))
    db = Database(_as_text(url))
    try:
        with db.engine.connect() as connection:
            owner = connection.execute(text("SELECT current_user")).scalar_one()
        if app_role == owner:
            raise _unfit_role(app_role)
        init = setup.initialise(db, demo=demo)
        with db.engine.begin() as connection:
            trigram = has_trigram_indexes(connection) or ensure_trigram_indexes(connection)
            created, password = _ensure_app_role(connection, owner, app_role, app_password, reset_password)
            _grant(connection, owner, app_role)
    finally:
        db.dispose()
    app_url = url.set(username=app_role, password=password)
    return CentralReport(
        revision=init.revision, created_users=init.created_users, procedures_added=init.procedures_added,
        owner=owner, app_role=app_role, app_role_created=created, app_password=password,
        app_url=_as_text(app_url), trigram_index=trigram,
    )


def _unfit_role(role: str) -> CentralSetupError:
    return CentralSetupError(Message(QT_TRANSLATE_NOOP(
        "Messages",
        "The role {role} cannot be the app's role: it must be a plain login role, not the owner of the "
        "database objects nor a member of the owner, and unable to create databases or roles.",
    ), {"role": role}))


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def _ensure_app_role(connection: Connection, owner: str, role: str, password: str | None,
                     reset_password: bool) -> tuple[bool, str | None]:
    """Create the role, or check an existing one is fit; (created, password set now or None)."""
    row = connection.execute(text(
        "SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls AS powerful FROM pg_roles WHERE rolname = :r"
    ), {"r": role}).first()
    created = row is None
    if not created:
        member_of_owner = connection.execute(text("SELECT pg_has_role(:r, :o, 'MEMBER')"), {"r": role, "o": owner}).scalar()
        owns = connection.execute(text(
            "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
            "WHERE r.rolname = :r AND c.relnamespace = current_schema()::regnamespace)"
        ), {"r": role}).scalar()
        if row.powerful or member_of_owner or owns:
            raise _unfit_role(role)
    if password is None and (created or reset_password):
        password = _generate_password()
    quoted = _quote(connection, role)
    if password is None:
        connection.exec_driver_sql(f"ALTER ROLE {quoted} LOGIN")
        return created, None
    # Only the SCRAM hash reaches the server, so the password cannot show up in its logs.
    raw = connection.connection.driver_connection
    hashed = raw.pgconn.encrypt_password(password.encode(), role.encode()).decode()
    literal = "'" + hashed.replace("'", "''") + "'"
    verb = "CREATE" if created else "ALTER"
    connection.exec_driver_sql(f"{verb} ROLE {quoted} LOGIN PASSWORD {literal}")
    return created, password


def _grant(connection: Connection, owner: str, role: str) -> None:
    """Data rights on everything in the schema, now and for tables later migrations add; no DDL."""
    schema, database = connection.execute(text("SELECT current_schema(), current_database()")).one()
    r, o, s, d = (_quote(connection, name) for name in (role, owner, schema, database))
    for statement in (
        f"GRANT CONNECT ON DATABASE {d} TO {r}",
        f"REVOKE CREATE ON DATABASE {d} FROM {r}",
        f"REVOKE CREATE ON SCHEMA {s} FROM {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"GRANT {TABLE_RIGHTS} ON ALL TABLES IN SCHEMA {s} TO {r}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {r}",
        # The change log is written by the sync triggers (as the app role) and only ever appended.
        f"REVOKE UPDATE, DELETE, TRUNCATE ON change_log FROM {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT {TABLE_RIGHTS} ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {r}",
    ):
        connection.exec_driver_sql(statement)
    # Before PostgreSQL 15 every role may CREATE in `public`; the app role must not.
    if connection.execute(text("SELECT has_schema_privilege(:r, :s, 'CREATE')"), {"r": role, "s": schema}).scalar():
        with connection.begin_nested():
            connection.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC")
    if connection.execute(text(
        "SELECT has_schema_privilege(:r, :s, 'CREATE') OR has_database_privilege(:r, :d, 'CREATE')"
    ), {"r": role, "s": schema, "d": database}).scalar():
        raise CentralSetupError(Message(QT_TRANSLATE_NOOP(
            "Messages",
            "The role {role} could still create objects in schema {schema}: revoke CREATE on it from "
            "PUBLIC and from the role's groups, as the schema owner.",
        ), {"role": role, "schema": schema}))
