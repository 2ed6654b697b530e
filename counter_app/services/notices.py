"""Notices to applicants (result ready, apology, supplement needed) through a pluggable gateway.

The default gateway, "outbox", writes each notice as one JSON line to `<data folder>/notices/
outbox.jsonl` and to the log: this machine has no network, and a centre's SMS, e-mail or Zalo
connector can pick the file up. A gateway is a class with a `name` and `send(notice)`;
register more in `GATEWAYS`.

Guarantee: a notice is sent only after the action it reports has been committed, and a failing
gateway never undoes or blocks that action (the caller records the failure in the history).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    kind: str  # "result_ready" | "apology" | "supplement"
    dossier_code: str
    phone: str
    email: str
    text: str  # Vietnamese, ready to send
    at: datetime


class NoticeGateway(Protocol):
    name: str

    def send(self, notice: Notice) -> None: ...


class OutboxFileGateway:
    """Appends notices to a JSON-lines file (flushed and fsynced: a crash keeps what was sent)."""

    name = "outbox"

    def __init__(self, folder: Path):
        self.path = folder / "notices" / "outbox.jsonl"
        self._lock = threading.Lock()

    def send(self, notice: Notice) -> None:
        line = json.dumps({**asdict(notice), "at": notice.at.isoformat(timespec="seconds")}, ensure_ascii=False)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(line + "\n")
                out.flush()
                os.fsync(out.fileno())
        log.info("notice %s for %s written to %s", notice.kind, notice.dossier_code, self.path)


GATEWAYS: dict[str, type] = {OutboxFileGateway.name: OutboxFileGateway}


def gateway_for(name: str, data_dir: Path) -> NoticeGateway:
    """The configured gateway; an unknown name falls back to the outbox file (and says so)."""
    kind = GATEWAYS.get(name)
    if kind is None:
        log.warning("unknown notice gateway %r; writing notices to the outbox file", name)
        kind = OutboxFileGateway
    return kind(data_dir)


class ConfiguredGateway:
    """The gateway the centre's settings name, chosen when the first notice goes out (so building
    the services never touches the database)."""

    def __init__(self, name_of: Callable[[], str], data_dir: Path):
        self._name_of = name_of
        self._data_dir = data_dir
        self._gateway: NoticeGateway | None = None

    def _chosen(self) -> NoticeGateway:
        if self._gateway is None:
            self._gateway = gateway_for(self._name_of(), self._data_dir)
        return self._gateway

    @property
    def name(self) -> str:
        return self._chosen().name

    def send(self, notice: Notice) -> None:
        self._chosen().send(notice)


def result_ready_text(code: str, centre: str) -> str:
    return (f"{centre}: hồ sơ {code} đã có kết quả. Mời ông/bà mang Giấy tiếp nhận hồ sơ và hẹn trả kết quả "
            "đến nhận kết quả.")


def apology_text(code: str, department: str, new_due: datetime) -> str:
    return (f"{department} xin lỗi ông/bà: hồ sơ {code} chưa giải quyết đúng hẹn; "
            f"hẹn trả kết quả mới: {new_due:%H:%M} ngày {new_due:%d/%m/%Y}.")


def supplement_text(code: str) -> str:
    return f"Hồ sơ {code} cần bổ sung, hoàn thiện. Mời ông/bà đến Bộ phận Tiếp nhận và Trả kết quả để nhận phiếu yêu cầu."
