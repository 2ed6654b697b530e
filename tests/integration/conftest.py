"""Fixtures on the real PostgreSQL server (127.0.0.1:5432 unless PGHOST/PGPORT say otherwise).

`pg_url` is a database created with a random name for this test run and dropped at its end;
`make_database()` makes more of them for tests that need an empty one. App roles made by a test
run carry the run's random suffix and are dropped at the end too.

When the server cannot be reached the tests are skipped on a developer's machine, but FAIL when
the `CI` environment variable is set: tests that need PostgreSQL must run in CI, never silently
skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import URL

from counter_app.services.central import CentralReport, init_central

HOST = os.environ.get("PGHOST", "127.0.0.1")
PORT = int(os.environ.get("PGPORT", "5432"))
PASSWORD = os.environ.get("PGPASSWORD")


def _users() -> list[str]:
    first = os.environ.get("PGUSER") or "postgres"
    return list(dict.fromkeys([first, "postgres", "root"]))


def _admin_connect(user: str) -> psycopg.Connection:
    return psycopg.connect(host=HOST, port=PORT, user=user, password=PASSWORD, dbname="postgres",
                           autocommit=True, connect_timeout=5)


class PgServer:
    """A superuser connection to the maintenance database, and what this run created."""

    def __init__(self, user: str):
        self.user = user
        self.run = uuid.uuid4().hex[:10]
        self.databases: list[str] = []
        self.roles: list[str] = []

    def url(self, database: str, user: str | None = None, password: str | None = None) -> str:
        url = URL.create("postgresql+psycopg", username=user or self.user, password=password if user else PASSWORD,
                         host=HOST, port=PORT, database=database)
        return url.render_as_string(hide_password=False)

    def create_database(self) -> str:
        name = f"counter_test_{self.run}_{len(self.databases)}"
        with _admin_connect(self.user) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.databases.append(name)
        return name

    def role_name(self, label: str) -> str:
        name = f"counter_app_{self.run}_{label}"
        self.roles.append(name)
        return name

    def drop_everything(self) -> None:
        with _admin_connect(self.user) as connection:
            for name in self.databases:
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            for name in reversed(self.roles):  # app roles before the owners that made them
                connection.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    errors = []
    for user in _users():
        try:
            with _admin_connect(user):
                pass
        except psycopg.OperationalError as error:
            errors.append(f"{user}: {str(error).strip()}")
            continue
        server = PgServer(user)
        try:
            yield server
        finally:
            server.drop_everything()
        return
    reason = f"PostgreSQL not reachable on {HOST}:{PORT} ({'; '.join(errors)})"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} — CI must run the PostgreSQL tests, not skip them", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_url(pg_server) -> str:
    """Owner's URL of a fresh database for this test run (dropped at the end)."""
    return pg_server.url(pg_server.create_database())


@pytest.fixture(scope="session")
def make_database(pg_server) -> Callable[[], str]:
    """Another fresh, empty database (owner's URL), for tests that must not share `pg_url`."""
    return lambda: pg_server.url(pg_server.create_database())


@pytest.fixture(scope="session")
def central(pg_server, pg_url) -> CentralReport:
    """`pg_url` set up as a central database with the demo centre and an app role."""
    return init_central(pg_url, demo=True, app_role=pg_server.role_name("app"))
