"""The centre's shared rules, declared once with types and defaults, stored in the `setting` table.

Per-workstation values (counter number, printer) live in `counter_app.config` instead.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models import Setting
from counter_app.printing.documents import FormTitle
from counter_app.services.calendar import CalendarConfig, CountingRule

FORM_TITLES_DEFAULT = {
    "receipt": ("Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    "supplement": ("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
    "refusal": ("Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
    "apology": ("Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
    "control_sheet": ("Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
    "ledger": ("Mẫu số 06", "SỔ THEO DÕI HỒ SƠ"),
    "handover": ("", "DANH SÁCH BÀN GIAO HỒ SƠ"),
    "return": ("", "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ"),
}


@dataclass(frozen=True)
class CentreSettings:
    """Shared rules of one centre. Every key has a default so a new database works at once."""

    agency_id: str = "000.00.00.H00"
    centre_name: str = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    parent_body: str = "ỦY BAN NHÂN DÂN TỈNH"
    receiving_unit: str = "Bộ phận Tiếp nhận và Trả kết quả"
    place: str = ""
    tracking_url_template: str = "https://dichvucong.example.gov.vn/tra-cuu-ho-so?ma={code}"
    # The queue ticket's QR: {ticket} = printed number ("A001"), {day} = YYYY-MM-DD (numbers restart
    # daily, so the pair names one ticket), {id} = the ticket's UUID.
    queue_status_url_template: str = "https://dichvucong.example.gov.vn/tra-cuu-so-thu-tu?ve={ticket}&ngay={day}"
    counting_rule: str = CountingRule.WORKING_HOURS.value
    morning: str = "07:00-11:30"
    afternoon: str = "13:30-17:00"
    saturday_morning: bool = False
    cutoff: str = "15:00"
    form_titles: dict[str, tuple[str, str]] = field(default_factory=lambda: dict(FORM_TITLES_DEFAULT))
    # Walk-in queue (`services.queue`): one priority ticket after every N normal ones while both
    # wait (0 = priority always first); nobody waits beyond the ageing cap (minutes); no-show is
    # allowed after this many calls; tickets waiting at closing are carried over (with priority).
    queue_priority_every: int = 2
    queue_ageing_minutes: int = 30
    queue_no_show_after_calls: int = 2
    queue_carry_over: bool = False
    # After a supplement requested during processing, the limit "restart"s from zero when the
    # complete dossier is back, or the due date is "extend"ed by the paused working time
    # (provinces differ; a procedure's own `supplement_clock` wins).
    supplement_clock: str = "restart"
    # Where notices to applicants go (`services.notices.GATEWAYS`): "outbox" writes files.
    notice_gateway: str = "outbox"

    def tracking_url(self, code: str) -> str:
        return self.tracking_url_template.replace("{code}", code)

    def queue_status_url(self, ticket: str, day: date, ticket_id: str = "") -> str:
        """The queue ticket's live status URL (placeholders filled literally, like `tracking_url`)."""
        return (self.queue_status_url_template.replace("{ticket}", ticket)
                .replace("{day}", day.isoformat()).replace("{id}", ticket_id))

    def form_title(self, kind: str) -> FormTitle:
        number, title = self.form_titles.get(kind, FORM_TITLES_DEFAULT[kind])
        return FormTitle(number=number, title=title)

    def calendar_config(self) -> CalendarConfig:
        return CalendarConfig(
            sessions=(_span(self.morning), _span(self.afternoon)),
            saturday_morning=self.saturday_morning,
            cutoff=_time(self.cutoff),
        )


def _time(text: str) -> time:
    hours, minutes = text.strip().split(":")
    return time(int(hours), int(minutes))


def _span(text: str) -> tuple[time, time]:
    start, end = text.split("-")
    return _time(start), _time(end)


def load(session: Session) -> CentreSettings:
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    values = {}
    for f in fields(CentreSettings):
        if f.name in stored:
            decoded = json.loads(stored[f.name])
            if f.name == "form_titles":
                decoded = {**FORM_TITLES_DEFAULT, **{k: tuple(v) for k, v in decoded.items()}}
            values[f.name] = decoded
    return replace(CentreSettings(), **values)


def save(session: Session, settings: CentreSettings) -> None:
    settings.calendar_config()  # raises ValueError on unreadable or overlapping session times
    if settings.supplement_clock not in ("restart", "extend"):
        raise ValueError(f"supplement_clock must be restart or extend, not {settings.supplement_clock!r}")
    for key, value in asdict(settings).items():
        session.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
