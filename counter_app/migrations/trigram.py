"""pg_trgm indexes for substring search of applicant names on PostgreSQL.

`DossierQueries.find` searches names with `LIKE '%key%'` on the folded `search_name` columns; a
GIN trigram index answers that without reading every row. The extension ships in PostgreSQL's
contrib package: where it is missing (or the owner may not create it) the indexes are skipped with
a warning and searches still work, by a sequential scan. Running `counter-app central init` again
after installing contrib adds them (`ensure_trigram_indexes` is idempotent).
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

# (index name, table) — each on the table's `search_name` column.
INDEXES = (
    ("ix_dossier_search_name_trgm", "dossier"),
    ("ix_reception_slip_search_name_trgm", "reception_slip"),
)


def _extension_schema(connection: Connection) -> str | None:
    return connection.execute(text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    )).scalar()


def ensure_trigram_indexes(connection: Connection) -> bool:
    """Create pg_trgm (if needed) and the GIN trigram indexes; False (with a warning) when the
    extension is unavailable. Runs inside the caller's transaction; a failed CREATE EXTENSION is
    undone by a savepoint so the rest of the migration still commits."""
    if connection.dialect.name != "postgresql":
        return False
    schema = _extension_schema(connection)
    if schema is None:
        available = connection.execute(
            text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        ).scalar()
        if not available:
            log.warning("pg_trgm is not installed on the server (PostgreSQL contrib): "
                        "name search works without its index, by a sequential scan")
            return False
        try:
            with connection.begin_nested():
                connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        except DBAPIError as error:
            log.warning("cannot create the pg_trgm extension (%s): name search works without its index",
                        str(getattr(error, "orig", error)).strip())
            return False
        schema = _extension_schema(connection)
    opclass = f'"{schema}".gin_trgm_ops'
    for name, table in INDEXES:
        connection.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_name {opclass})"))
    return True


def has_trigram_indexes(connection: Connection) -> bool:
    if connection.dialect.name != "postgresql":
        return False
    names = [name for name, _ in INDEXES]
    found = connection.execute(
        text("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ANY(:names)"),
        {"names": names},
    ).scalar()
    return found == len(names)


def drop_trigram_indexes(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    for name, _ in INDEXES:
        connection.execute(text(f"DROP INDEX IF EXISTS {name}"))
