"""Tests of the working calendar and due dates (DOMAIN.md, "Due date (ngày hẹn trả)")."""

from __future__ import annotations

import time as clock
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from counter_app.services import calendar as calendar_module
from counter_app.services.calendar import (
    SHIPPED_OVERRIDES,
    CalendarConfig,
    CountingRule,
    DayOverride,
    LimitUnit,
    WorkCalendar,
)

WD = LimitUnit.WORKING_DAYS
CD = LimitUnit.CALENDAR_DAYS
WH = LimitUnit.WORKING_HOURS
CIVIL = CountingRule.CIVIL
HOURS = CountingRule.WORKING_HOURS

CAL = WorkCalendar()
SAT_CAL = WorkCalendar(CalendarConfig(saturday_morning=True))


def dt(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm)


# -- 2026 facts ---------------------------------------------------------------------------------

EXPECTED_WEEKDAYS_OFF_2026 = {
    date(2026, 1, 1),
    *(date(2026, 2, d) for d in range(16, 21)),
    date(2026, 4, 27),
    date(2026, 4, 30),
    date(2026, 5, 1),
    date(2026, 8, 31),
    date(2026, 9, 1),
    date(2026, 9, 2),
    date(2026, 11, 24),
}


def _days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


def test_2026_calendar_matches_domain_facts_exactly() -> None:
    """The 2026 weekdays off and weekend working days are exactly DOMAIN.md's facts."""
    days = _days_of(2026)
    weekdays_off = {d for d in days if d.weekday() < 5 and not CAL.is_working_day(d)}
    weekend_worked = {d for d in days if d.weekday() >= 5 and CAL.is_working_day(d)}
    assert weekdays_off == EXPECTED_WEEKDAYS_OFF_2026
    assert weekend_worked == {date(2026, 8, 22)}


def test_shipped_overrides_alone_give_the_2026_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even if the holidays package knew nothing of 2026, the shipped overrides keep the facts."""
    monkeypatch.setattr(calendar_module, "_package_holidays", lambda year: ({}, frozenset()))
    bare = WorkCalendar()
    days = _days_of(2026)
    weekdays_off = {d for d in days if d.weekday() < 5 and not bare.is_working_day(d)}
    assert weekdays_off == EXPECTED_WEEKDAYS_OFF_2026 - {date(2026, 1, 1)}
    assert {d for d in days if d.weekday() >= 5 and bare.is_working_day(d)} == {date(2026, 8, 22)}


def test_shipped_overrides_carry_vietnamese_notes() -> None:
    """Every shipped override has a Vietnamese note, and holiday_name shows it for days off."""
    assert all(o.note for o in SHIPPED_OVERRIDES)
    assert "Tết" in (CAL.holiday_name(date(2026, 2, 17)) or "")
    assert "Hùng Vương" in (CAL.holiday_name(date(2026, 4, 27)) or "")
    assert "Văn hóa" in (CAL.holiday_name(date(2026, 11, 24)) or "")
    assert CAL.holiday_name(date(2026, 8, 22)) is None
    assert CAL.holiday_name(date(2026, 3, 10)) is None


# -- worked examples (working-hours rule) -------------------------------------------------------

def test_domain_worked_example_received_just_before_tet() -> None:
    """Fri 13/2/2026 10:00 + 3 working days skips Tết 16–20/2 and is due Wed 25/2/2026 10:00."""
    assert CAL.due(dt(2026, 2, 13, 10), 3, WD) == dt(2026, 2, 25, 10)


def test_tet_days_have_no_sessions() -> None:
    """Each Tết day 16–20/2/2026 is a rest day with no sessions."""
    for d in range(16, 21):
        assert not CAL.is_working_day(date(2026, 2, d))
        assert CAL.sessions_on(date(2026, 2, d)) == []


def test_hung_kings_substitute_day_27_4() -> None:
    """Fri 24/4/2026 16:00 + 1 working day skips Mon 27/4 and ends Tue 28/4 16:00."""
    assert CAL.due(dt(2026, 4, 24, 16), 1, WD) == dt(2026, 4, 28, 16)


def test_30_4_and_1_5() -> None:
    """Wed 29/4/2026 09:00 + 2 working days skips 30/4, 1/5 and the weekend: Tue 5/5 09:00."""
    assert CAL.due(dt(2026, 4, 29, 9), 2, WD) == dt(2026, 5, 5, 9)


def test_swap_22_8_counts_and_31_8_does_not() -> None:
    """Sat 22/8/2026 is a full working day and Mon 31/8 is not."""
    assert CAL.is_working_day(date(2026, 8, 22))
    assert len(CAL.sessions_on(date(2026, 8, 22))) == 2
    assert not CAL.is_working_day(date(2026, 8, 31))
    assert CAL.due(dt(2026, 8, 21, 9), 1, WD) == dt(2026, 8, 22, 9)
    assert CAL.due(dt(2026, 8, 21, 9), 5, WD) == dt(2026, 8, 27, 9)


def test_national_day_1_9_and_2_9() -> None:
    """Fri 28/8/2026 09:00 + 1 working day skips 31/8, 1/9 and 2/9: Thu 3/9 09:00."""
    assert CAL.due(dt(2026, 8, 28, 9), 1, WD) == dt(2026, 9, 3, 9)


def test_culture_day_24_11() -> None:
    """Mon 23/11/2026 10:00 + 1 working day skips Culture Day 24/11: Wed 25/11 10:00."""
    assert CAL.due(dt(2026, 11, 23, 10), 1, WD) == dt(2026, 11, 25, 10)


# -- clock start --------------------------------------------------------------------------------

def test_receipt_before_seven_starts_at_seven_and_ends_at_session_end() -> None:
    """Received 06:15 starts at 07:00; one working day then ends 17:00 the same day."""
    assert CAL.clock_start(dt(2026, 1, 5, 6, 15)) == dt(2026, 1, 5, 7)
    assert CAL.due(dt(2026, 1, 5, 6, 15), 1, WD) == dt(2026, 1, 5, 17)


def test_receipt_in_lunch_break_starts_at_1330() -> None:
    """Received 12:00 (lunch) starts at 13:30; one working day then ends 11:30 next day, not 13:30."""
    assert CAL.clock_start(dt(2026, 1, 5, 12)) == dt(2026, 1, 5, 13, 30)
    assert CAL.clock_start(dt(2026, 1, 5, 11, 30)) == dt(2026, 1, 5, 13, 30)
    assert CAL.due(dt(2026, 1, 5, 12), 1, WD) == dt(2026, 1, 6, 11, 30)


def test_receipt_after_17_starts_next_working_day() -> None:
    """Received at or after 17:00 starts 07:00 the next working day."""
    assert CAL.clock_start(dt(2026, 1, 5, 17)) == dt(2026, 1, 6, 7)
    assert CAL.clock_start(dt(2026, 1, 9, 19, 45)) == dt(2026, 1, 12, 7)


def test_weekend_receipt_starts_monday() -> None:
    """Received Saturday starts Monday 07:00; 2 working hours are due Monday 09:00."""
    assert CAL.clock_start(dt(2026, 1, 10, 9)) == dt(2026, 1, 12, 7)
    assert CAL.due(dt(2026, 1, 10, 9), 2, WH) == dt(2026, 1, 12, 9)


def test_inside_session_starts_at_receipt_and_drops_seconds() -> None:
    """Inside a session the clock starts at receipt, to the minute."""
    assert CAL.clock_start(datetime(2026, 1, 5, 9, 41, 59, 999)) == dt(2026, 1, 5, 9, 41)


def test_after_cutoff_flag_working_hours_rule() -> None:
    """With the after-15:00 flag, receipt at 15:00 starts 07:00 next day; 14:59 does not."""
    assert CAL.clock_start(dt(2026, 1, 5, 15), after_cutoff=True) == dt(2026, 1, 6, 7)
    assert CAL.clock_start(dt(2026, 1, 5, 14, 59), after_cutoff=True) == dt(2026, 1, 5, 14, 59)
    assert CAL.clock_start(dt(2026, 1, 5, 15)) == dt(2026, 1, 5, 15)
    assert CAL.due(dt(2026, 1, 5, 15, 30), 1, WD, after_cutoff=True) == dt(2026, 1, 6, 17)


def test_after_cutoff_flag_civil_rule() -> None:
    """Civil rule with the flag: receipt at/after 15:00 counts as received next working day."""
    assert CAL.due(dt(2026, 1, 5, 15, 30), 1, WD, CIVIL) == dt(2026, 1, 6, 17)
    assert CAL.due(dt(2026, 1, 5, 15, 30), 1, WD, CIVIL, after_cutoff=True) == dt(2026, 1, 7, 17)
    assert CAL.due(dt(2026, 1, 5, 14, 59), 1, WD, CIVIL, after_cutoff=True) == dt(2026, 1, 6, 17)
    # Friday after the cutoff is treated as Monday, so one working day ends Tuesday.
    assert CAL.due(dt(2026, 1, 9, 16), 1, WD, CIVIL, after_cutoff=True) == dt(2026, 1, 13, 17)


def test_same_day_limit() -> None:
    """A 0-day limit ("trong ngày") is due at the close of the clock-start day."""
    assert CAL.due(dt(2026, 1, 5, 10), 0, WD) == dt(2026, 1, 5, 17)
    assert CAL.due(dt(2026, 1, 5, 18), 0, WD) == dt(2026, 1, 6, 17)
    assert CAL.due(dt(2026, 1, 5, 10), 0, WD, CIVIL) == dt(2026, 1, 5, 17)
    assert CAL.due(dt(2026, 1, 10, 10), 0, WD, CIVIL) == dt(2026, 1, 12, 17)


# -- civil rule ---------------------------------------------------------------------------------

def test_civil_rule_does_not_count_receipt_day() -> None:
    """Civil rule: receipt day excluded, due at the close of the N-th working day after it."""
    assert CAL.due(dt(2026, 2, 13, 10), 3, WD, CIVIL) == dt(2026, 2, 25, 17)
    assert CAL.due(dt(2026, 1, 9, 8), 1, WD, CIVIL) == dt(2026, 1, 12, 17)
    assert CAL.due(dt(2026, 8, 21, 8), 1, WD, CIVIL) == dt(2026, 8, 22, 17)


def test_civil_hours_run_from_the_moment() -> None:
    """Civil rule with an hour limit runs from the moment of receipt (Civil Code art. 147(1))."""
    assert CAL.due(dt(2026, 1, 5, 10), 4, WH, CIVIL) == dt(2026, 1, 5, 16)


def test_calendar_day_limit_ending_on_sunday_moves_to_monday() -> None:
    """6 calendar days from Mon 5/1/2026 end Sun 11/1, so the due time is Mon 12/1 17:00."""
    assert CAL.due(dt(2026, 1, 5, 10), 6, CD, CIVIL) == dt(2026, 1, 12, 17)
    assert CAL.due(dt(2026, 1, 5, 10), 6, CD) == dt(2026, 1, 12, 17)
    assert CAL.due(dt(2026, 1, 5, 10), 4, CD, CIVIL) == dt(2026, 1, 9, 17)


def test_calendar_day_limit_working_hours_rule_counts_from_clock_start() -> None:
    """Under the working-hours rule, calendar days count from the clock-start date."""
    # Received Friday 18:00 -> clock starts Monday 12/1; +2 days = Wed 14/1.
    assert CAL.due(dt(2026, 1, 9, 18), 2, CD) == dt(2026, 1, 14, 17)
    # Ending in Tết moves to the first working day after it.
    assert CAL.due(dt(2026, 2, 12, 10), 5, CD) == dt(2026, 2, 23, 17)


# -- configuration and overrides ----------------------------------------------------------------

def test_saturday_morning_config() -> None:
    """A Saturday-morning centre works Saturday 07:00–11:30 only."""
    sat = date(2026, 1, 10)
    assert SAT_CAL.sessions_on(sat) == [(dt(2026, 1, 10, 7), dt(2026, 1, 10, 11, 30))]
    assert SAT_CAL.due(dt(2026, 1, 10, 9), 1, WD) == dt(2026, 1, 12, 14, 30)
    assert SAT_CAL.clock_start(dt(2026, 1, 10, 12)) == dt(2026, 1, 12, 7)
    assert SAT_CAL.due(dt(2026, 1, 10, 9), 0, WD) == dt(2026, 1, 10, 11, 30)
    assert SAT_CAL.next_working_day(date(2026, 1, 9)) == sat
    assert not SAT_CAL.is_working_day(date(2026, 1, 11))
    assert len(SAT_CAL.sessions_on(date(2026, 8, 22))) == 2  # make-up day is a full day


def test_override_makes_a_weekday_a_day_off() -> None:
    """An admin day off wins over the weekday rule and shows its note."""
    cal = WorkCalendar(overrides=[DayOverride(date(2026, 3, 10), False, "Nghỉ đột xuất")])
    assert not cal.is_working_day(date(2026, 3, 10))
    assert cal.holiday_name(date(2026, 3, 10)) == "Nghỉ đột xuất"
    assert cal.due(dt(2026, 3, 9, 10), 1, WD) == dt(2026, 3, 11, 10)


def test_override_makes_a_package_holiday_a_working_day() -> None:
    """An admin working day wins over the holidays package."""
    cal = WorkCalendar(overrides=[DayOverride(date(2026, 1, 1), True, "Làm việc")])
    assert cal.is_working_day(date(2026, 1, 1))
    assert cal.holiday_name(date(2026, 1, 1)) is None
    assert not CAL.is_working_day(date(2026, 1, 1))


def test_override_can_undo_a_shipped_fact() -> None:
    """Later overrides win over earlier ones, so admins can correct a shipped fact."""
    cal = WorkCalendar(overrides=(*SHIPPED_OVERRIDES, DayOverride(date(2026, 11, 24), True)))
    assert cal.is_working_day(date(2026, 11, 24))


def test_package_holidays_without_overrides() -> None:
    """With no overrides, the holidays package still supplies holidays and the 22/8 swap."""
    cal = WorkCalendar(overrides=())
    assert not cal.is_working_day(date(2027, 2, 8))
    assert cal.holiday_name(date(2026, 2, 17))
    assert cal.is_working_day(date(2026, 8, 22))


# -- minutes arithmetic -------------------------------------------------------------------------

def test_working_minutes_between() -> None:
    """Only session minutes count, and reversing the bounds negates the count."""
    assert CAL.working_minutes_between(dt(2026, 1, 5, 10), dt(2026, 1, 5, 14)) == 120
    assert CAL.working_minutes_between(dt(2026, 1, 9, 16), dt(2026, 1, 12, 8)) == 120
    assert CAL.working_minutes_between(dt(2026, 1, 5, 14), dt(2026, 1, 5, 10)) == -120


def test_add_working_minutes_boundaries() -> None:
    """Counting forward ends at a session end; counting back ends at a session start."""
    assert CAL.add_working_minutes(dt(2026, 1, 5, 11), 30) == dt(2026, 1, 5, 11, 30)
    assert CAL.add_working_minutes(dt(2026, 1, 5, 11), 31) == dt(2026, 1, 5, 13, 31)
    assert CAL.add_working_minutes(dt(2026, 1, 5, 14), -30) == dt(2026, 1, 5, 13, 30)
    assert CAL.add_working_minutes(dt(2026, 1, 6, 7), -60) == dt(2026, 1, 5, 16)
    assert CAL.add_working_minutes(dt(2026, 1, 5, 20), 0) == dt(2026, 1, 5, 20)


# -- validation and speed -----------------------------------------------------------------------

@pytest.mark.parametrize("limit", [-1, 3651, True, 1.5])
def test_bad_limits_are_refused(limit: object) -> None:
    """Negative, too large or non-integer limits raise ValueError."""
    with pytest.raises(ValueError):
        CAL.due(dt(2026, 1, 5, 10), limit, WD)  # type: ignore[arg-type]


def test_aware_datetimes_are_refused() -> None:
    """Timezone-aware datetimes raise ValueError: everything is naive local time."""
    aware = datetime(2026, 1, 5, 10, tzinfo=timezone.utc)
    with pytest.raises(ValueError):
        CAL.due(aware, 1, WD)
    with pytest.raises(ValueError):
        CAL.working_minutes_between(dt(2026, 1, 5, 10), aware)


def test_bad_config_and_unit_are_refused() -> None:
    """Overlapping or inverted sessions and unknown units raise ValueError."""
    with pytest.raises(ValueError):
        CalendarConfig(sessions=((time(7), time(12)), (time(11), time(17))))
    with pytest.raises(ValueError):
        CalendarConfig(sessions=((time(17), time(7)),))
    with pytest.raises(ValueError):
        CAL.due(dt(2026, 1, 5, 10), 1, "weeks")  # type: ignore[arg-type]


def test_string_units_and_rules_are_accepted() -> None:
    """Stored string values of unit and rule work like the enums."""
    assert CAL.due(dt(2026, 2, 13, 10), 3, "working-days", "civil") == dt(2026, 2, 25, 17)  # type: ignore[arg-type]


def test_long_limits_are_fast() -> None:
    """60 and 3650 working days are computed day by day, well under a second."""
    began = clock.perf_counter()
    CAL.due(dt(2026, 1, 5, 10), 60, WD)
    CAL.due(dt(2026, 1, 5, 10), 3650, WD)
    CAL.due(dt(2026, 1, 5, 10), 3650, WD, CIVIL)
    assert clock.perf_counter() - began < 1.0


# -- properties ---------------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2025, 12, 1), max_value=datetime(2027, 6, 30)).map(
    lambda d: d.replace(second=0, microsecond=0)
)
calendars = st.sampled_from([CAL, SAT_CAL])
units = st.sampled_from(list(LimitUnit))
rules = st.sampled_from(list(CountingRule))
limits = st.integers(min_value=0, max_value=60)


def _inside_session(cal: WorkCalendar, moment: datetime) -> bool:
    return cal.is_working_day(moment.date()) and any(
        s <= moment <= e for s, e in cal.sessions_on(moment.date())
    )


@settings(deadline=None, max_examples=200)
@given(cal=calendars, received=moments, a=limits, b=limits, unit=units, rule=rules, flag=st.booleans())
def test_due_is_monotonic_in_limit(cal: WorkCalendar, received: datetime, a: int, b: int,
                                   unit: LimitUnit, rule: CountingRule, flag: bool) -> None:
    """A longer limit never gives an earlier due time."""
    low, high = sorted((a, b))
    assert cal.due(received, low, unit, rule, flag) <= cal.due(received, high, unit, rule, flag)


@settings(deadline=None, max_examples=200)
@given(cal=calendars, r1=moments, r2=moments, limit=limits, unit=units, rule=rules, flag=st.booleans())
def test_due_is_monotonic_in_received(cal: WorkCalendar, r1: datetime, r2: datetime, limit: int,
                                      unit: LimitUnit, rule: CountingRule, flag: bool) -> None:
    """A later receipt never gives an earlier due time."""
    early, late = sorted((r1, r2))
    assert cal.due(early, limit, unit, rule, flag) <= cal.due(late, limit, unit, rule, flag)


@settings(deadline=None, max_examples=200)
@given(cal=calendars, received=moments, limit=limits, unit=units, rule=rules, flag=st.booleans())
def test_due_lies_in_a_working_session(cal: WorkCalendar, received: datetime, limit: int,
                                       unit: LimitUnit, rule: CountingRule, flag: bool) -> None:
    """The due time is inside, or at the end of, a session on a working day, after receipt."""
    due = cal.due(received, limit, unit, rule, flag)
    assert _inside_session(cal, due)
    assert due >= received


@settings(deadline=None, max_examples=200)
@given(cal=calendars, received=moments, limit=st.integers(min_value=1, max_value=60), flag=st.booleans())
def test_working_days_are_exact_session_minutes(cal: WorkCalendar, received: datetime, limit: int,
                                                flag: bool) -> None:
    """Under the working-hours rule, clock start to due is exactly limit × 480 session minutes."""
    start = cal.clock_start(received, flag)
    due = cal.due(received, limit, WD, HOURS, flag)
    assert cal.working_minutes_between(start, due) == limit * 480 == limit * cal.standard_day_minutes


@settings(deadline=None, max_examples=200)
@given(cal=calendars, start=moments, minutes=st.integers(min_value=-30_000, max_value=30_000))
def test_add_then_measure_is_identity(cal: WorkCalendar, start: datetime, minutes: int) -> None:
    """working_minutes_between(start, add_working_minutes(start, m)) == m, both directions."""
    assert cal.working_minutes_between(start, cal.add_working_minutes(start, minutes)) == minutes


@settings(deadline=None, max_examples=200)
@given(cal=calendars, start=moments, end=moments)
def test_measure_then_add_is_identity(cal: WorkCalendar, start: datetime, end: datetime) -> None:
    """Adding the measured minutes lands back on end when end is a reachable session moment."""
    sessions = cal.sessions_on(end.date())
    assume(sessions)
    # Move `end` strictly inside one of that day's sessions (built, not filtered, so Hypothesis
    # does not discard most examples): reachable whether counting forwards or backwards.
    s, e = sessions[end.minute % len(sessions)]
    span = int((e - s).total_seconds() // 60)
    end = s + timedelta(minutes=1 + (end.hour * 60 + end.minute) % (span - 1))
    minutes = cal.working_minutes_between(start, end)
    assume(minutes != 0)
    assert cal.add_working_minutes(start, minutes) == end
