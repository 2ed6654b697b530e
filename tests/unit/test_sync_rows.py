"""Sync payloads: row values survive the trip through JSON, whichever database wrote them."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from decimal import Decimal

from counter_app.models import Base
from counter_app.sync import rows

PROCEDURE = Base.metadata.tables["procedure"]
EVENT = Base.metadata.tables["dossier_event"]
OVERRIDE = Base.metadata.tables["calendar_override"]


def test_payload_is_json_safe_and_round_trips():
    """Dates, datetimes, Decimal, booleans and JSON columns come back as the same Python values."""
    values = {"id": "e1", "dossier_id": "d1", "seq": 2, "at": datetime(2026, 11, 26, 9, 30, 5), "actor_id": None,
              "kind": "status", "from_status": 2, "to_status": 4, "detail": {"counter": 3, "note": "Đã nhận"}}
    payload = json.loads(json.dumps(rows.to_payload(EVENT, values)))
    assert payload["at"] == "2026-11-26T09:30:05"
    assert rows.from_payload(EVENT, payload) == values
    fee = rows.to_payload(PROCEDURE, {"fee": Decimal("150000"), "current": True, "effective_from": date(2026, 1, 1)})
    assert fee == {"fee": "150000", "current": True, "effective_from": "2026-01-01"}
    assert rows.from_payload(PROCEDURE, fee) == {"fee": Decimal("150000"), "current": True,
                                                 "effective_from": date(2026, 1, 1)}


def test_postgresql_and_sqlite_spellings_are_read_alike():
    """Timestamps with a space or a T, with or without an offset; booleans as 0/1; unknown columns dropped."""
    assert rows.parse_datetime("2026-11-26 09:30:00") == rows.parse_datetime("2026-11-26T09:30:00") \
        == datetime(2026, 11, 26, 9, 30)
    aware = datetime(2026, 11, 26, 2, 30, tzinfo=timezone.utc)
    assert rows.parse_datetime("2026-11-26T02:30:00+00:00") == aware.astimezone().replace(tzinfo=None)
    assert rows.parse_datetime("2026-11-26T09:30:00.250000") == datetime(2026, 11, 26, 9, 30, 0, 250000)
    assert rows.from_payload(OVERRIDE, {"day": "2026-12-24", "working": 0, "note": "", "extra": 1}) == \
        {"day": date(2026, 12, 24), "working": False, "note": ""}
    assert rows.from_payload(PROCEDURE, {"fee": 12.0, "version": "3"}) == {"fee": Decimal("12.0"), "version": 3}
    assert rows.row_id(OVERRIDE, {"day": date(2026, 12, 24)}) == "2026-12-24"
