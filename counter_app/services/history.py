"""Appending to a dossier's history — the only way events are written.

Guarantee: events are only ever inserted (the database refuses UPDATE/DELETE on the log); each
gets the next `seq` of its dossier inside the caller's transaction, so the story reads in the
order it happened even when several events share the same minute.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.models import DossierEvent


def append_event(session: Session, dossier_id: str, *, at: datetime, actor_id: str | None, kind: str,
                 from_status: int | None = None, to_status: int | None = None, detail: dict | None = None) -> DossierEvent:
    last = session.scalar(select(func.max(DossierEvent.seq)).where(DossierEvent.dossier_id == dossier_id))
    event = DossierEvent(dossier_id=dossier_id, seq=(last or 0) + 1, at=at, actor_id=actor_id, kind=kind,
                         from_status=from_status, to_status=to_status, detail=detail or {})
    session.add(event)
    return event
