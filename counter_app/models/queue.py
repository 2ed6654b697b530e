"""The walk-in queue: service groups, tickets, the small waiting set, the event log, counters.

- `queue_ticket` keeps every ticket of every day (history); it is never scanned to call someone.
- `queue_waiting` holds only the tickets waiting right now (rows are deleted when called), so a
  call reads and locks a few rows, never the day's history or dead row versions of it.
- `queue_event` is append-only (triggers refuse UPDATE/DELETE, as for `dossier_event`); waiting
  and service times are derived from it.
- Days are the centre's local calendar days (Asia/Ho_Chi_Minh): the app's clock returns naive
  local wall-clock time, so `clock().date()` is already the Vietnamese day.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.models.base import Base, now_local, uuid_pk


class ServiceGroup(Base):
    """A kiosk button: ticket prefix `code` ("A"), name, the catalogue fields it covers."""

    __tablename__ = "service_group"
    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(150))
    field_codes: Mapped[str] = mapped_column(Text, default="")  # comma-separated field codes
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class QueueTicket(Base):
    """One ticket; `display` = group prefix + the group's number of the day ("A1023")."""

    __tablename__ = "queue_ticket"
    __table_args__ = (UniqueConstraint("agency", "day", "group_code", "number"),)
    id: Mapped[str] = uuid_pk()
    agency: Mapped[str] = mapped_column(String(60))
    day: Mapped[date] = mapped_column(Date, index=True)
    group_code: Mapped[str] = mapped_column(String(4))
    number: Mapped[int] = mapped_column(Integer)
    display: Mapped[str] = mapped_column(String(16))
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    priority_reason: Mapped[str] = mapped_column(String(200), default="")
    # waiting | called | serving | transferred | finished | no_show | cancelled | closed
    status: Mapped[str] = mapped_column(String(20), index=True)
    counter_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    calls: Mapped[int] = mapped_column(Integer, default=0)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    called_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    outcome: Mapped[str] = mapped_column(String(200), default="")
    carried_over: Mapped[bool] = mapped_column(Boolean, default=False)


class QueueWaiting(Base):
    """A ticket waiting right now. `target_counter` set: only that counter calls it (transfer,
    supervisor's reassignment); it then goes before that counter's other tickets."""

    __tablename__ = "queue_waiting"
    ticket_id: Mapped[str] = mapped_column(ForeignKey("queue_ticket.id"), primary_key=True)
    group_code: Mapped[str] = mapped_column(String(4), index=True)
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    number: Mapped[int] = mapped_column(Integer, default=0)  # ties within one second: issue order
    target_counter: Mapped[int | None] = mapped_column(Integer, nullable=True)


class QueueEvent(Base):
    """One appended fact: issued, called, recalled, no_show, started, transferred, finished,
    paused, resumed, cancelled, reassigned, dossier_linked, closed, carried_over."""

    __tablename__ = "queue_event"
    id: Mapped[str] = uuid_pk()
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("queue_ticket.id"), nullable=True, index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=now_local, index=True)
    seq: Mapped[int] = mapped_column(Integer, default=1)  # order within the ticket (or counter's own events)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    counter_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(30))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


class CounterState(Base):
    """What a counter is doing: idle | serving | paused, since when, why (pause), which ticket.
    `normal_streak` counts normal tickets called since its last priority one (interleave)."""

    __tablename__ = "counter_state"
    counter_number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(10), default="idle")
    since: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(200), default="")
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("queue_ticket.id"), nullable=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    normal_streak: Mapped[int] = mapped_column(Integer, default=0)


class TicketDossier(Base):
    """One visit (ticket) may produce several dossiers. `dossier_id` has no foreign key: on a
    joined counter the dossier reaches the (central) queue's database by sync, after the link."""

    __tablename__ = "ticket_dossier"
    ticket_id: Mapped[str] = mapped_column(ForeignKey("queue_ticket.id"), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(36), primary_key=True)
