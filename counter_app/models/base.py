"""Declarative base and column helpers shared by every table.

Every synchronisable row is keyed by a UUID (text, so SQLite and PostgreSQL agree) so that rows
made on different counters never collide; timestamps are naive local wall-clock datetimes of the
centre, stored to the minute where the law says so.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def uuid_pk() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_id)


def now_local() -> datetime:
    """The centre's wall-clock time, to the second (forms print minutes)."""
    return datetime.now().replace(microsecond=0)
