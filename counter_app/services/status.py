"""Dossier status codes of the national public-service portal (kept as they are: 1–10).

"Overdue" is not a status: it is derived (now > due and not finished). While the clock is paused
(a supplement or the fees are awaited from the applicant) time stands still at the pause.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from counter_app.services.errors import QT_TRANSLATE_NOOP


class Status(IntEnum):
    NEW_ONLINE = 1
    RECEIVED = 2
    REFUSED = 3
    PROCESSING = 4
    SUPPLEMENT_REQUESTED = 5
    AWAITING_FEES = 6
    WITHDRAWN = 7
    STOPPED = 8
    RESULT_READY = 9
    RETURNED = 10


# English source labels; the UI translates them (context "Messages"), printed forms use LABELS_VI.
LABELS = {
    Status.NEW_ONLINE: QT_TRANSLATE_NOOP("Messages", "New (online)"),
    Status.RECEIVED: QT_TRANSLATE_NOOP("Messages", "Received"),
    Status.REFUSED: QT_TRANSLATE_NOOP("Messages", "Refused"),
    Status.PROCESSING: QT_TRANSLATE_NOOP("Messages", "Processing"),
    Status.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("Messages", "Supplement requested"),
    Status.AWAITING_FEES: QT_TRANSLATE_NOOP("Messages", "Waiting for fees or taxes"),
    Status.WITHDRAWN: QT_TRANSLATE_NOOP("Messages", "Withdrawn by the applicant"),
    Status.STOPPED: QT_TRANSLATE_NOOP("Messages", "Stopped"),
    Status.RESULT_READY: QT_TRANSLATE_NOOP("Messages", "Result ready"),
    Status.RETURNED: QT_TRANSLATE_NOOP("Messages", "Result returned"),
}

# As printed on forms and shown on the public status page (the national portal's wording).
LABELS_VI = {
    Status.NEW_ONLINE: "Mới đăng ký trực tuyến",
    Status.RECEIVED: "Đã tiếp nhận",
    Status.REFUSED: "Từ chối giải quyết",
    Status.PROCESSING: "Đang giải quyết",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung hồ sơ",
    Status.AWAITING_FEES: "Chờ thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân rút hồ sơ",
    Status.STOPPED: "Dừng giải quyết",
    Status.RESULT_READY: "Đã có kết quả, chờ trả",
    Status.RETURNED: "Đã trả kết quả",
}

FINISHED = frozenset({Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RESULT_READY, Status.RETURNED})


def clock_time(now: datetime, paused_at: datetime | None) -> datetime:
    """The moment lateness is judged at: now, or the pause's start while the clock is paused."""
    return now if paused_at is None else min(now, paused_at)


def is_overdue(status: int, due_at: datetime, now: datetime, paused_at: datetime | None = None) -> bool:
    return Status(status) not in FINISHED and clock_time(now, paused_at) > due_at
