"""Statuses and the ticket view shared by `services.queue` and its helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, ServiceError

WAITING, CALLED, SERVING, TRANSFERRED = "waiting", "called", "serving", "transferred"
FINISHED, NO_SHOW, CANCELLED, CLOSED = "finished", "no_show", "cancelled", "closed"
IDLE, PAUSED = "idle", "paused"  # counter states, plus SERVING

# A status inside a refusal ("Ticket A001 is being served; …") is translated with its sentence.
STATUS_WORDS = {
    WAITING: QT_TRANSLATE_NOOP("Messages", "waiting"),
    CALLED: QT_TRANSLATE_NOOP("Messages", "called to a counter"),
    SERVING: QT_TRANSLATE_NOOP("Messages", "being served"),
    TRANSFERRED: QT_TRANSLATE_NOOP("Messages", "transferred and waiting"),
    FINISHED: QT_TRANSLATE_NOOP("Messages", "finished"),
    NO_SHOW: QT_TRANSLATE_NOOP("Messages", "marked as a no-show"),
    CANCELLED: QT_TRANSLATE_NOOP("Messages", "cancelled"),
    CLOSED: QT_TRANSLATE_NOOP("Messages", "closed at the end of the day"),
}


def status_word(status: str) -> Message:
    return Message(STATUS_WORDS.get(status, status))


@dataclass(frozen=True)
class GroupInfo:
    code: str
    name: str
    field_codes: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class TicketInfo:
    id: str
    display: str
    group_code: str
    group_name: str
    day: date
    priority: bool
    status: str
    counter_number: int | None
    calls: int
    issued_at: datetime
    called_at: datetime | None
    ahead: int = 0  # people waiting ahead when issued
    estimated_wait_minutes: int = 0


def error(text: str, **args) -> ServiceError:
    return ServiceError(Message(text, args))
