"""The sync bookkeeping tables (created by migration 0003) and which tables flow where.

The bookkeeping tables are Core tables on their own `MetaData`: they are not part of the domain
model and never sync themselves.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import JSON, BigInteger, Column, DateTime, Integer, MetaData, String, Table, Text

from counter_app.models import Base

bookkeeping = MetaData()

outbox = Table(
    "outbox", bookkeeping,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(80), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
    sqlite_autoincrement=True,
)

sync_state = Table(
    "sync_state", bookkeeping,
    Column("key", String(80), primary_key=True),
    Column("value", Text, nullable=False),
)

# Central only (PostgreSQL).
change_log = Table(
    "change_log", bookkeeping,
    Column("seq", BigInteger, primary_key=True),
    Column("table_name", Text), Column("row_id", Text), Column("origin", Text),
    Column("payload", JSON), Column("at", DateTime(timezone=True)),
)
counter_push = Table(
    "counter_push", bookkeeping,
    Column("counter_number", Integer, primary_key=True),
    Column("last_outbox_id", BigInteger), Column("at", DateTime(timezone=True)), Column("store_id", Text),
)

# Same value as migration 0003's trigger.
CHANGE_LOG_LOCK = 0x636F756E746572
NOTIFY_CHANNEL = "counter_app_changes"

# central → counters (a counter's own edits of these stay local and are overwritten by the centre's)
REFERENCE_TABLES = ("department", "field", "procedure", "procedure_document", "calendar_override", "setting",
                    "counter", "app_user")
# counters → central → other counters
DOSSIER_TABLES = ("dossier", "dossier_document", "dossier_event", "reception_slip", "print_log")
SYNCABLE_TABLES = REFERENCE_TABLES + DOSSIER_TABLES
APPEND_ONLY = frozenset({"dossier_event"})
# child table -> column naming its dossier
DOSSIER_CHILDREN = {"dossier_document": "dossier_id", "dossier_event": "dossier_id", "reception_slip": "dossier_id"}

# sync_state keys
CENTRAL_URL = "central_url"  # without password
COUNTER_NUMBER = "counter_number"
STORE_ID = "store_id"  # this local store's identity, claimed on the centre's counter_push row
CURSOR = "pull_cursor"
LOADED_SINCE = "loaded_since"  # dossiers received before this were not copied by initial_load
ONLINE = "online"
OFFLINE_SINCE = "offline_since"
LAST_SYNC = "last_sync"
LAST_ERROR = "last_error"


def domain_table(name: str) -> Table:
    return Base.metadata.tables[name]


@cache
def order_of(name: str) -> int:
    """Dependency rank of a syncable table: parents before children."""
    return [t.name for t in Base.metadata.sorted_tables].index(name)
