"""pg_trgm indexes for name search on PostgreSQL (no-op on SQLite)

Revision ID: 0002
Revises: 0001

On PostgreSQL: `CREATE EXTENSION IF NOT EXISTS pg_trgm` and GIN trigram indexes on
`dossier.search_name` and `reception_slip.search_name`, which serve `LIKE '%key%'` name search.
Without pg_trgm (contrib missing, or no right to create it) the migration still succeeds and only
logs a warning. SQLite already has its FTS5 trigram table from 0001.
"""
from typing import Sequence, Union

from alembic import op

from counter_app.migrations.trigram import drop_trigram_indexes, ensure_trigram_indexes


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    ensure_trigram_indexes(op.get_bind())


def downgrade() -> None:
    """Downgrade schema (the extension is left installed: other objects may use it)."""
    drop_trigram_indexes(op.get_bind())
