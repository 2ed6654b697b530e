"""Engine and sessions for the embedded SQLite store and the central PostgreSQL database.

Guarantees:
- SQLite runs in WAL mode with a busy timeout, foreign keys on, and every transaction begins
  with `BEGIN IMMEDIATE`, so concurrent writers (threads or processes) queue instead of failing
  half-way, and a read-then-increment inside one transaction (dossier sequences) is atomic.
- `Database.transaction()` commits everything or nothing: an exception rolls back, and a killed
  process leaves only what SQLite had already committed.
- PostgreSQL (`postgresql+psycopg://`; plain `postgresql://` and `postgres://` are read as psycopg)
  runs at READ COMMITTED with `pool_pre_ping`, so a connection dropped by a server restart is
  replaced instead of failing the next task. Per-day numbers stay unique because their upsert
  row-locks the sequence row until commit (see `services.codes`).
- Sessions are never shared between threads: each task opens its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


# Session.info key: names of reference tables whose change in this transaction must reach the
# central database (a joined counter queues them for push; a standalone store ignores it).
PUBLISH = "counter_app.publish"


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def normalise_url(url: str) -> str:
    """`postgres://…` and `postgresql://…` as typed by an administrator become the psycopg 3 URL."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _configure_sqlite(engine: Engine, *, immediate: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (pysqlite's own
        # implicit BEGIN is deferred and would allow lost updates between processes).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # Writers take the write lock up front; readers use a deferred BEGIN so that WAL lets
        # them run beside a writer.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """Owns the engine and hands out sessions; one per data directory."""

    def __init__(self, url: str, *, echo: bool = False):
        self.url = url = normalise_url(url)
        if url.startswith("postgresql"):
            self.engine = create_engine(url, echo=echo, pool_pre_ping=True, isolation_level="READ COMMITTED")
        else:
            self.engine = create_engine(url, echo=echo)
        self.read_engine = self.engine
        if self.engine.dialect.name == "sqlite":
            _configure_sqlite(self.engine, immediate=True)
            self.read_engine = create_engine(url, echo=echo)
            _configure_sqlite(self.read_engine, immediate=False)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)

    @classmethod
    def for_file(cls, path: Path) -> Database:
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(sqlite_url(path))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any exception."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reads; nothing it does is committed."""
        with self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()
