"""Row values <-> JSON payloads, by table metadata, for SQLite and PostgreSQL alike.

Guarantees:
- `to_payload` gives a dict of plain JSON values for every column present: datetimes and dates
  as ISO strings, Decimal as a string (no float rounding), booleans as booleans, JSON columns as
  they are.
- `from_payload` turns a payload back into the Python values the column types expect, whatever
  wrote it: our own outbox, or PostgreSQL's `to_jsonb(NEW)` (timestamps with `T` or a space,
  with or without a UTC offset — an offset is converted to the local wall clock, as the schema
  stores naive local times). Columns the table does not have are dropped, so a newer peer's extra
  column never breaks an older one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Numeric, Table


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def to_payload(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """Every column of `row` that `table` has, as JSON-safe values."""
    return {c.name: _json_value(row[c.name]) for c in table.columns if c.name in row}


def parse_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    text = str(value).strip().replace(" ", "T", 1)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone().replace(tzinfo=None)
    return parsed


def parse_date(value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _python_value(column_type, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return parse_datetime(value)
    if isinstance(column_type, Date):
        return parse_date(value)
    if isinstance(column_type, Numeric) and not isinstance(column_type, Integer):
        return Decimal(str(value))
    if isinstance(column_type, Boolean):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "t", "true", "yes")
        return bool(value)
    if isinstance(column_type, Integer):
        return int(value)
    if isinstance(column_type, JSON):
        return json.loads(value) if isinstance(value, str) and value[:1] in ("{", "[") else value
    return value


def from_payload(table: Table, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The payload's columns as the Python values `table`'s column types expect."""
    return {c.name: _python_value(c.type, payload[c.name]) for c in table.columns if c.name in payload}


def primary_key(table: Table) -> str:
    """The single primary-key column name of a syncable table."""
    (column,) = table.primary_key.columns
    return column.name


def row_id(table: Table, values: Mapping[str, Any]) -> str:
    """The primary key as text, as the central trigger writes it (`to_jsonb(NEW) ->> key`)."""
    value = _json_value(values[primary_key(table)])
    return value if isinstance(value, str) else json.dumps(value)
