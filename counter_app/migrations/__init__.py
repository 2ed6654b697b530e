"""Alembic migrations of counter_app.

`HEAD` names the newest revision so that start-up can check the schema with one query, without
importing Alembic; `tests/unit/test_schema.py` proves it equals Alembic's own head.
"""

HEAD = "0009"
