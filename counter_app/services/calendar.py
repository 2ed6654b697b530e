"""Working calendar and due dates (ngày hẹn trả) of the one-stop counter.

Pure Python (no Qt, no database). Working days are Mon–Fri (plus Saturday mornings where the
centre receives then) minus public holidays from the `holidays` package, corrected by
admin-edited `DayOverride`s which always win. Due dates follow one of two counting rules
(DOMAIN.md, "Due date"): the *working-hours* rule of provincial systems, or the *civil* rule of
Civil Code arts. 147–148.

All datetimes are naive local time and are handled to the minute: seconds and microseconds are
dropped on the way in, because the law and the forms (Mẫu 01, Mẫu 05) work in minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Iterable

import holidays

from counter_app.services.calendar_facts import SHIPPED_OVERRIDES, DayOverride

__all__ = [
    "MAX_LIMIT",
    "SHIPPED_OVERRIDES",
    "CalendarConfig",
    "CountingRule",
    "DayOverride",
    "LimitUnit",
    "WorkCalendar",
]

MAX_LIMIT = 3650
# A calendar with no working day for a whole year is a configuration error, not a long wait.
_MAX_IDLE_DAYS = 400
_ONE_DAY = timedelta(days=1)


class LimitUnit(StrEnum):
    """Unit of a procedure's legal time limit."""

    WORKING_DAYS = "working-days"
    CALENDAR_DAYS = "calendar-days"
    WORKING_HOURS = "working-hours"


class CountingRule(StrEnum):
    """How a limit is turned into a due time (chosen per deployment, or per procedure)."""

    WORKING_HOURS = "working-hours"
    CIVIL = "civil"


@dataclass(frozen=True)
class CalendarConfig:
    """Session times of one centre.

    Guarantees: sessions are non-empty, each starts before it ends, and they are in order without
    overlap (checked on construction, `ValueError` otherwise). One standard working day is the
    sum of the session lengths (8 h by default).
    """

    sessions: tuple[tuple[time, time], ...] = ((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0)))
    saturday_morning: bool = False
    cutoff: time = time(15, 0)

    def __post_init__(self) -> None:
        if not self.sessions:
            raise ValueError("at least one working session is needed")
        previous_end: time | None = None
        for start, end in self.sessions:
            if start.tzinfo is not None or end.tzinfo is not None or self.cutoff.tzinfo is not None:
                raise ValueError("session times must be naive local times")
            if start >= end:
                raise ValueError(f"session {start}-{end} does not start before it ends")
            if previous_end is not None and start < previous_end:
                raise ValueError("sessions must be in order and must not overlap")
            previous_end = end


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds()) // 60


def _naive_minute(value: datetime, name: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValueError(f"{name} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is not None:
        raise ValueError(f"{name} must be a naive local datetime, not timezone-aware")
    return value.replace(second=0, microsecond=0)


def _as_date(value: date) -> date:
    # A datetime is a date too; reduce it so that dictionary look-ups by day match.
    return date(value.year, value.month, value.day)


def _package_holidays(year: int) -> tuple[dict[date, str], frozenset[date]]:
    """Holidays (Vietnamese names) and weekend make-up working days that `holidays.VN` knows."""
    source = holidays.VN(years=year, language="vi")
    names = {day: str(name) for day, name in source.items() if day.year == year}
    workdays = frozenset(d for d in getattr(source, "weekend_workdays", ()) if d.year == year)
    return names, workdays


@dataclass
class _YearFacts:
    names: dict[date, str] = field(default_factory=dict)
    weekend_workdays: frozenset[date] = frozenset()


class WorkCalendar:
    """Working days, sessions and due dates for one centre.

    Guarantees:
    - `overrides` win over the holiday package and the weekday rule; when several overrides name
      the same day, the last one wins (pass `(*SHIPPED_OVERRIDES, *admin_days)`).
    - A make-up working Saturday or Sunday (an override, or a swap the package knows) has the
      full sessions; an ordinary Saturday of a `saturday_morning` centre has the first only.
    - Every due time returned lies inside, or exactly at the end of, a session on a working day,
      and `due` is non-decreasing in both `limit` and `received`.
    - Work is done day by day, never minute by minute.
    """

    def __init__(
        self,
        config: CalendarConfig = CalendarConfig(),
        overrides: Iterable[DayOverride] = SHIPPED_OVERRIDES,
    ) -> None:
        self.config = config
        self._overrides: dict[date, DayOverride] = {}
        for override in overrides:
            self._overrides[_as_date(override.day)] = override
        self._years: dict[int, _YearFacts] = {}

    # -- days ------------------------------------------------------------------------------

    @property
    def standard_day_minutes(self) -> int:
        """Working minutes of one standard working day (480 with the default sessions)."""
        return sum(_minutes(datetime.combine(date.min, e) - datetime.combine(date.min, s))
                   for s, e in self.config.sessions)

    def _year(self, year: int) -> _YearFacts:
        facts = self._years.get(year)
        if facts is None:
            names, workdays = _package_holidays(year)
            facts = self._years[year] = _YearFacts(names, workdays)
        return facts

    def is_working_day(self, d: date) -> bool:
        """Whether the centre works on `d` (overrides first, then weekday and holiday rules)."""
        d = _as_date(d)
        override = self._overrides.get(d)
        if override is not None:
            return override.working
        facts = self._year(d.year)
        if d in facts.names:
            return False
        weekday = d.weekday()
        if weekday == 6:
            return d in facts.weekend_workdays
        if weekday == 5:
            return self.config.saturday_morning or d in facts.weekend_workdays
        return True

    def holiday_name(self, d: date) -> str | None:
        """Name of the holiday or day off on `d`, or None (also for make-up working days)."""
        d = _as_date(d)
        override = self._overrides.get(d)
        if override is not None:
            if override.working:
                return None
            return override.note or self._year(d.year).names.get(d) or "Ngày nghỉ"
        return self._year(d.year).names.get(d)

    def _is_full_day(self, d: date) -> bool:
        # Only an ordinary Saturday is short; a swapped-in Saturday replaces a full weekday.
        if d.weekday() != 5:
            return True
        return d in self._overrides or d in self._year(d.year).weekend_workdays

    def sessions_on(self, d: date) -> list[tuple[datetime, datetime]]:
        """The sessions of `d` as datetimes, in order; [] on rest days."""
        d = _as_date(d)
        if not self.is_working_day(d):
            return []
        sessions = self.config.sessions if self._is_full_day(d) else self.config.sessions[:1]
        return [(datetime.combine(d, s), datetime.combine(d, e)) for s, e in sessions]

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after `d`."""
        d = _as_date(d)
        for _ in range(_MAX_IDLE_DAYS):
            d += _ONE_DAY
            if self.is_working_day(d):
                return d
        raise ValueError(f"no working day within {_MAX_IDLE_DAYS} days after {d}")

    def _day_end(self, d: date) -> datetime:
        """End of the last session of working day `d`."""
        return self.sessions_on(d)[-1][1]

    def _first_start(self, d: date) -> datetime:
        return self.sessions_on(d)[0][0]

    # -- clock -----------------------------------------------------------------------------

    def clock_start(self, received: datetime, after_cutoff: bool = False) -> datetime:
        """When the working-hours clock starts for a dossier received at `received`.

        Inside a session: `received` itself; before or between sessions: the next session start
        that day; after the last session or on a rest day: the first session of the next working
        day. With `after_cutoff`, receipt at or after the cutoff on a working day also moves to
        the next working day.
        """
        received = _naive_minute(received, "received")
        day = received.date()
        if after_cutoff and self.is_working_day(day) and received.time() >= self.config.cutoff:
            return self._first_start(self.next_working_day(day))
        for start, end in self.sessions_on(day):
            if received < end:
                return max(start, received)
        return self._first_start(self.next_working_day(day))

    def working_minutes_between(self, start: datetime, end: datetime) -> int:
        """Session minutes in [start, end); negative (minus [end, start)) when end < start."""
        start = _naive_minute(start, "start")
        end = _naive_minute(end, "end")
        if end < start:
            return -self.working_minutes_between(end, start)
        total = 0
        d = start.date()
        while d <= end.date():
            for s, e in self.sessions_on(d):
                lo, hi = max(s, start), min(e, end)
                if hi > lo:
                    total += _minutes(hi - lo)
            d += _ONE_DAY
        return total

    def add_working_minutes(self, start: datetime, minutes: int) -> datetime:
        """The moment `minutes` session minutes after `start` (before it, if negative).

        A count that ends exactly at a session boundary returns the boundary on the side it
        came from (a session's end going forward, a session's start going back), so 8 h from
        07:00 is 17:00 the same day, not 07:00 the next. Zero returns `start` unchanged.
        Inverse of `working_minutes_between`: between(start, add(start, m)) == m.
        """
        start = _naive_minute(start, "start")
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            raise ValueError("minutes must be an integer")
        if minutes == 0:
            return start
        forward = minutes > 0
        remaining = abs(minutes)
        d = start.date()
        idle = 0
        while True:
            sessions = self.sessions_on(d)
            idle = 0 if sessions else idle + 1
            if idle > _MAX_IDLE_DAYS:
                raise ValueError(f"no working day within {_MAX_IDLE_DAYS} days of {d}")
            for s, e in (sessions if forward else reversed(sessions)):
                lo, hi = (max(s, start), e) if forward else (s, min(e, start))
                available = _minutes(hi - lo)
                if available <= 0:
                    continue
                if remaining <= available:
                    return lo + timedelta(minutes=remaining) if forward else hi - timedelta(minutes=remaining)
                remaining -= available
            d = d + _ONE_DAY if forward else d - _ONE_DAY

    # -- due dates -------------------------------------------------------------------------

    def due(
        self,
        received: datetime,
        limit: int,
        unit: LimitUnit,
        rule: CountingRule = CountingRule.WORKING_HOURS,
        after_cutoff: bool = False,
    ) -> datetime:
        """The due time (ngày hẹn trả) of a dossier received at `received`.

        Raises ValueError for a limit that is not an integer in 0..MAX_LIMIT, an unknown unit or
        rule, or a timezone-aware `received`.
        """
        received = _naive_minute(received, "received")
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise ValueError("limit must be an integer")
        if not 0 <= limit <= MAX_LIMIT:
            raise ValueError(f"limit must be between 0 and {MAX_LIMIT}, got {limit}")
        unit = LimitUnit(unit)
        rule = CountingRule(rule)
        # Civil Code art. 147(1): a limit in hours runs from the moment itself, so both rules
        # count hours the same way; only day limits differ.
        if rule is CountingRule.WORKING_HOURS or unit is LimitUnit.WORKING_HOURS:
            return self._due_working_hours(received, limit, unit, after_cutoff)
        return self._due_civil(received, limit, unit, after_cutoff)

    def _due_working_hours(self, received: datetime, limit: int, unit: LimitUnit,
                           after_cutoff: bool) -> datetime:
        start = self.clock_start(received, after_cutoff)
        if unit is LimitUnit.WORKING_HOURS:
            return self.add_working_minutes(start, limit * 60)
        if unit is LimitUnit.CALENDAR_DAYS:
            return self._end_of_day_or_next(start.date() + timedelta(days=limit))
        if limit == 0:
            # "Trong ngày": settled by the close of the day the clock starts.
            return self._day_end(start.date())
        return self.add_working_minutes(start, limit * self.standard_day_minutes)

    def _due_civil(self, received: datetime, limit: int, unit: LimitUnit,
                   after_cutoff: bool) -> datetime:
        day = received.date()
        moved = False
        if after_cutoff and self.is_working_day(day) and received.time() >= self.config.cutoff:
            # Received too late to be handed over today: treated as received the next working day.
            day, moved = self.next_working_day(day), True
        if limit == 0:
            # Same day; a receipt after the close (or on a rest day) is settled next working day.
            if not self.is_working_day(day) or (not moved and received >= self._day_end(day)):
                day = self.next_working_day(day)
            return self._day_end(day)
        if unit is LimitUnit.CALENDAR_DAYS:
            # Art. 148(2): a limit ending on a rest day ends on the next working day.
            return self._end_of_day_or_next(day + timedelta(days=limit))
        # Art. 147(2): the receipt day itself is not counted.
        for _ in range(limit):
            day = self.next_working_day(day)
        return self._day_end(day)

    def _end_of_day_or_next(self, d: date) -> datetime:
        if not self.is_working_day(d):
            d = self.next_working_day(d)
        return self._day_end(d)
