"""Centre-wide rules and people: shared settings, counters, staff accounts, calendar edits, sequences."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, now_local, uuid_pk


class Setting(Base):
    """A shared rule of the centre (agency identifier, names, URL template, form titles…)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Counter(Base):
    """A numbered service counter (quầy) and the fields it serves (comma-separated field codes)."""

    __tablename__ = "counter"
    id: Mapped[str] = uuid_pk()
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(120))
    field_codes: Mapped[str] = mapped_column(Text, default="")


class User(Base):
    """A staff account. Passwords are argon2 hashes; demo and reset passwords must be changed."""

    __tablename__ = "app_user"
    id: Mapped[str] = uuid_pk()
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(150))
    role: Mapped[str] = mapped_column(String(20))  # auth.Role
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"), nullable=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_local)


class CalendarOverride(Base):
    """An admin-edited day off or make-up working day; wins over the built-in holiday list."""

    __tablename__ = "calendar_override"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200), default="")


class DaySequence(Base):
    """Last number issued for (agency, scope, day); scope separates dossier codes from slips."""

    __tablename__ = "day_sequence"
    __table_args__ = (UniqueConstraint("agency", "scope", "day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency: Mapped[str] = mapped_column(String(60))
    scope: Mapped[str] = mapped_column(String(20))
    day: Mapped[date] = mapped_column(Date)
    last: Mapped[int] = mapped_column(Integer, default=0)
