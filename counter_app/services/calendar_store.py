"""The centre's calendar as stored: settings plus the admin-edited day table, cached.

Guarantee: the calendar returned reflects the database as of the call (the cache key includes
every override and setting), while a busy counter does not rebuild holiday tables per dossier.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models import CalendarOverride
from counter_app.services.calendar import SHIPPED_OVERRIDES, CalendarConfig, DayOverride, WorkCalendar
from counter_app.services.centre_settings import CentreSettings


@lru_cache(maxsize=8)
def _calendar(config: CalendarConfig, overrides: tuple[DayOverride, ...]) -> WorkCalendar:
    return WorkCalendar(config, overrides)


def load_calendar(session: Session, settings: CentreSettings) -> WorkCalendar:
    rows = session.execute(select(CalendarOverride.day, CalendarOverride.working, CalendarOverride.note).order_by(CalendarOverride.day))
    overrides = tuple(DayOverride(day, working, note) for day, working, note in rows)
    return _calendar(settings.calendar_config(), overrides)


def seed_shipped_overrides(session: Session) -> int:
    """Copy the shipped facts (2026 swaps and holidays) into the admin-edited table; keeps edits."""
    added = 0
    for fact in SHIPPED_OVERRIDES:
        if session.get(CalendarOverride, fact.day) is None:
            session.add(CalendarOverride(day=fact.day, working=fact.working, note=fact.note))
            added += 1
    return added


def set_day(session: Session, day: date, working: bool, note: str = "") -> None:
    session.merge(CalendarOverride(day=day, working=working, note=note))


def unset_day(session: Session, day: date) -> None:
    row = session.get(CalendarOverride, day)
    if row is not None:
        session.delete(row)
