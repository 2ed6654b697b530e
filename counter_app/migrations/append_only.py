"""Append-only triggers shared by migrations: history tables refuse UPDATE and DELETE.

Kept stable on purpose: migrations 0001 and 0005 call it, so a change here would change what
those revisions create. Write a new helper instead of editing this one.
"""

from alembic import op


def make_append_only(table: str) -> None:
    """History is evidence: refuse UPDATE and DELETE on `table` at the database level."""
    if op.get_bind().dialect.name == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    else:
        op.execute(
            f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{table} is append-only'; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
        )
