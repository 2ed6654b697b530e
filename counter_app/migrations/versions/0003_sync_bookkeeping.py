"""sync bookkeeping: outbox, sync_state, code_lease; central change log and its triggers

Revision ID: 0003
Revises: 0002

Both dialects get the local bookkeeping tables of a counter's store (they stay empty on the
central database and on a standalone store):
- `outbox`: one row per local INSERT/UPDATE of a counter → central row, written in the same
  transaction as the change. Its id is AUTOINCREMENT on SQLite so an id is never reused after the
  outbox is emptied (push skips ids the centre has already acknowledged).
- `sync_state`: key/value bookkeeping (central URL without password, pull cursor, online state).
- `code_lease`: blocks of the day's code sequence leased from the centre.

PostgreSQL only: `change_log` (append-only for the app role, see `services.central`),
`counter_push` (last outbox id acknowledged per counter), and an AFTER INSERT OR UPDATE trigger on
every syncable table. The trigger takes a transaction-level advisory lock BEFORE taking a `seq`,
so change-log writers are serialised until commit and seqs become visible in commit order: a
pull cursor `seq > n` can never skip a row committed late.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Fixed key of the change-log advisory lock (also in counter_app.sync.tables.CHANGE_LOG_LOCK).
CHANGE_LOG_LOCK = 0x636F756E746572  # "counter"

# (table, primary-key column): the syncable tables of docs/sync.md. Frozen here on purpose: a
# later migration that adds a syncable table adds its own trigger.
SYNCABLE = (
    ("department", "id"), ("field", "id"), ("procedure", "id"), ("procedure_document", "id"),
    ("calendar_override", "day"), ("setting", "key"), ("counter", "id"), ("app_user", "id"),
    ("dossier", "id"), ("dossier_document", "id"), ("dossier_event", "id"), ("reception_slip", "id"),
    ("print_log", "id"),
)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'outbox',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('table_name', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=80), nullable=False),
        sa.Column('payload', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        'sync_state',
        sa.Column('key', sa.String(length=80), primary_key=True),
        sa.Column('value', sa.Text(), nullable=False),
    )
    op.create_table(
        'code_lease',
        sa.Column('agency', sa.String(length=60), nullable=False),
        sa.Column('scope', sa.String(length=20), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('next_number', sa.Integer(), nullable=False),
        sa.Column('last_number', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('agency', 'scope', 'day', name=op.f('pk_code_lease')),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE change_log ("
        "seq bigserial CONSTRAINT pk_change_log PRIMARY KEY, "
        "table_name text NOT NULL, row_id text NOT NULL, origin text NOT NULL DEFAULT '', "
        "payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())"
    )
    op.execute(
        "CREATE TABLE counter_push ("
        "counter_number integer CONSTRAINT pk_counter_push PRIMARY KEY, "
        "last_outbox_id bigint NOT NULL DEFAULT 0, at timestamptz NOT NULL DEFAULT now(), "
        # Which local store owns this counter number: two stores pushing as one counter would
        # skip each other's outbox ids, so a second store is refused (docs/sync.md).
        "store_id text NOT NULL DEFAULT '')"
    )
    op.execute(
        "CREATE FUNCTION counter_app_log_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "DECLARE\n  body jsonb := to_jsonb(NEW);\n  new_seq bigint;\nBEGIN\n"
        # The lock first, then the seq: writers take seqs one transaction at a time, in commit order.
        f"  PERFORM pg_advisory_xact_lock({CHANGE_LOG_LOCK});\n"
        "  INSERT INTO change_log (table_name, row_id, origin, payload)\n"
        "  VALUES (TG_TABLE_NAME, body ->> TG_ARGV[0],\n"
        "          coalesce(current_setting('counter_app.origin', true), ''), body)\n"
        "  RETURNING seq INTO new_seq;\n"
        "  PERFORM pg_notify('counter_app_changes', new_seq::text);\n"
        "  RETURN NULL;\nEND $$"
    )
    for table, key in SYNCABLE:
        op.execute(
            f"CREATE TRIGGER {table}_change_log AFTER INSERT OR UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION counter_app_log_change('{key}')"
        )


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name == "postgresql":
        for table, _key in SYNCABLE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_change_log ON {table}")
        op.execute("DROP FUNCTION IF EXISTS counter_app_log_change()")
        op.execute("DROP TABLE IF EXISTS counter_push")
        op.execute("DROP TABLE IF EXISTS change_log")
    op.drop_table('code_lease')
    op.drop_table('sync_state')
    op.drop_table('outbox')
