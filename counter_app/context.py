"""Builds the Qt-free services for one data directory; shared by the GUI's composition root and
the CLI so both run the same code on the same database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.config import DATABASE_FILE, WorkstationSettings
from counter_app.models import now_local
from counter_app.services.auth import AuthService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.db import Database
from counter_app.services.dossiers import DossierQueries
from counter_app.services.intake import IntakeService
from counter_app.services.print_service import PrintService
from counter_app.sync.local_store import enable_outbox, is_counter_store


@dataclass(frozen=True)
class Context:
    data_dir: Path
    db: Database
    workstation: WorkstationSettings
    auth: AuthService
    catalogue: CatalogueService
    intake: IntakeService
    dossiers: DossierQueries
    printing: PrintService

    def close(self) -> None:
        self.db.dispose()


def database_for(data_dir: Path) -> Database:
    return Database.for_file(data_dir / DATABASE_FILE)


def open_context(data_dir: Path, clock: Callable[[], datetime] = now_local, db: Database | None = None) -> Context:
    db = db or database_for(data_dir)
    if db.dialect == "sqlite" and is_counter_store(db):
        enable_outbox(db)  # a joined counter queues every local change for the centre
    dossiers = DossierQueries(db, clock)
    return Context(
        data_dir=data_dir,
        db=db,
        workstation=WorkstationSettings.load(data_dir),
        auth=AuthService(db, clock),
        catalogue=CatalogueService(db),
        intake=IntakeService(db, clock),
        dossiers=dossiers,
        printing=PrintService(db, dossiers, clock),
    )
