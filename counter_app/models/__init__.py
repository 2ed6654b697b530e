"""SQLAlchemy 2 typed ORM tables; no Qt. Importing this package registers every table."""

from counter_app.models.base import Base, new_id, now_local
from counter_app.models.catalogue import Department, Field, Procedure, ProcedureDocument
from counter_app.models.centre import CalendarOverride, Counter, DaySequence, Setting, User
from counter_app.models.dossier import (
    Dossier,
    DossierDocument,
    DossierEvent,
    PrintLog,
    ReceptionSlip,
)
from counter_app.models.queue import (
    CounterState,
    QueueEvent,
    QueueTicket,
    QueueWaiting,
    ServiceGroup,
    TicketDossier,
)

__all__ = [
    "Base", "new_id", "now_local", "Department", "Field", "Procedure", "ProcedureDocument",
    "CalendarOverride", "Counter", "DaySequence", "Setting", "User", "Dossier", "DossierDocument",
    "DossierEvent", "PrintLog", "ReceptionSlip", "CounterState", "QueueEvent", "QueueTicket",
    "QueueWaiting", "ServiceGroup", "TicketDossier",
]
