"""Appending to a dossier's history — the only way events are written.

Guarantee: events are only ever inserted (the database refuses UPDATE/DELETE on the log); each
gets the next `seq` of its dossier inside the caller's transaction, so the story reads in the
order it happened even when several events share the same minute. On PostgreSQL (READ COMMITTED)
the dossier row is locked first, so two sessions adding events to one dossier at once take turns
instead of both reading the same last `seq`; SQLite already serialises writers.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.models import Dossier, DossierEvent


def append_event(session: Session, dossier_id: str, *, at: datetime, actor_id: str | None, kind: str,
                 from_status: int | None = None, to_status: int | None = None, detail: dict | None = None) -> DossierEvent:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(Dossier.id).where(Dossier.id == dossier_id).with_for_update())
    last = session.scalar(select(func.max(DossierEvent.seq)).where(DossierEvent.dossier_id == dossier_id))
    event = DossierEvent(dossier_id=dossier_id, seq=(last or 0) + 1, at=at, actor_id=actor_id, kind=kind,
                         from_status=from_status, to_status=to_status, detail=detail or {})
    session.add(event)
    return event
