"""Alembic environment: always driven from code (`counter_app.services.schema`), never an .ini."""

from alembic import context

from counter_app.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
