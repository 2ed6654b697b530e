"""queue: ticket↔dossier links without a foreign key to `dossier`

Revision ID: 0007
Revises: 0006

`ticket_dossier.dossier_id` loses its foreign key: on a joined counter the queue lives on the
  central database while a new dossier is written to the counter's local store first and reaches
  the centre by sync seconds (or, offline, hours) later. The link must be recordable at once;
  it names the dossier by id, as the sync does.
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("ticket_dossier") as batch:
        batch.drop_constraint("fk_ticket_dossier_dossier_id_dossier", type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("ticket_dossier") as batch:
        batch.create_foreign_key("fk_ticket_dossier_dossier_id_dossier", "dossier", ["dossier_id"], ["id"])
