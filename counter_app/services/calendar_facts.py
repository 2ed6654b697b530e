"""Calendar facts shipped with the application: the 2026 days off and make-up working days.

The `holidays` package is the built-in holiday source, but the Vietnamese government fixes Tết
and day swaps by yearly decision, and package releases can lag or guess. These entries restate
the 2026 facts of DOMAIN.md ("Due date") so that the calendar is right even if the installed
package is older, newer or wrong. Administrators add later years through the admin-edited
calendar; these shipped entries are only the baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DayOverride:
    """One admin-edited calendar day: `working` says whether the centre works that day.

    An override always wins over the `holidays` package and over the weekday rule, both ways:
    it can make a weekday a day off and a Saturday or Sunday a (full) working day.
    """

    day: date
    working: bool
    note: str = ""


def _off(day: date, note: str) -> DayOverride:
    return DayOverride(day=day, working=False, note=note)


SHIPPED_OVERRIDES: tuple[DayOverride, ...] = (
    # Tết Bính Ngọ: five days, 29 Chạp (giao thừa) to mùng 4.
    _off(date(2026, 2, 16), "Nghỉ Tết Nguyên đán Bính Ngọ (giao thừa, 29 tháng Chạp)"),
    _off(date(2026, 2, 17), "Nghỉ Tết Nguyên đán Bính Ngọ (mùng 1 Tết)"),
    _off(date(2026, 2, 18), "Nghỉ Tết Nguyên đán Bính Ngọ (mùng 2 Tết)"),
    _off(date(2026, 2, 19), "Nghỉ Tết Nguyên đán Bính Ngọ (mùng 3 Tết)"),
    _off(date(2026, 2, 20), "Nghỉ Tết Nguyên đán Bính Ngọ (mùng 4 Tết)"),
    # 10/3 lunar fell on Sunday 26/4, so the substitute day off is Monday 27/4.
    _off(date(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4/2026)"),
    _off(date(2026, 4, 30), "Ngày Chiến thắng (30/4)"),
    _off(date(2026, 5, 1), "Ngày Quốc tế Lao động (1/5)"),
    # Government swap: Monday 31/8 off to join the National Day break, worked on Saturday 22/8.
    DayOverride(
        day=date(2026, 8, 22),
        working=True,
        note="Làm việc bù cho ngày nghỉ thứ Hai 31/8/2026 (hoán đổi ngày làm việc)",
    ),
    _off(date(2026, 8, 31), "Nghỉ hoán đổi ngày làm việc (làm bù thứ Bảy 22/8/2026)"),
    _off(date(2026, 9, 1), "Nghỉ lễ Quốc khánh (ngày liền kề)"),
    _off(date(2026, 9, 2), "Quốc khánh (2/9)"),
    _off(date(2026, 11, 24), "Ngày Văn hóa Việt Nam (24/11)"),
)
