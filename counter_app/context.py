"""Builds the Qt-free services for one data directory; shared by the GUI's composition root and
the CLI so both run the same code on the same database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.config import DATABASE_FILE, WorkstationSettings
from counter_app.models import now_local
from counter_app.services import centre_settings
from counter_app.services.auth import AuthService
from counter_app.services.catalogue import CatalogueService
from counter_app.services.db import Database
from counter_app.services.dossiers import DossierQueries
from counter_app.services.intake import IntakeService
from counter_app.services.print_service import PrintService
from counter_app.services.notices import ConfiguredGateway
from counter_app.services.public_status import PublicStatusQueries
from counter_app.services.timeliness import TimelinessQueries
from counter_app.services.queue import QueueService
from counter_app.services.tracking import TrackingService
from counter_app.services.tracking_reads import TrackingQueries
from counter_app.sync import central_link
from counter_app.sync.join import central_url_of
from counter_app.sync.local_store import enable_outbox, is_counter_store

# The queue on the central database answers a counter's click or gives up quickly: a lost
# network shows "connection lost" within seconds instead of a frozen queue panel.
QUEUE_CONNECT_TIMEOUT_S = 3
QUEUE_SERVER_OPTIONS = "-c statement_timeout=5000 -c idle_in_transaction_session_timeout=8000"


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
    queue: QueueService
    tracking: TrackingService
    tracking_reads: TrackingQueries
    public_status: PublicStatusQueries  # the kiosk's and the public page's read-only look-up
    timeliness: TimelinessQueries  # every department's timeliness, for supervisors

    def close(self) -> None:
        self.queue.close()
        if self.queue.db is not self.db:
            self.queue.db.dispose()
        self.db.dispose()


def database_for(data_dir: Path) -> Database:
    return Database.for_file(data_dir / DATABASE_FILE)


def queue_database(db: Database, data_dir: Path, joined_store: bool) -> Database:
    """The database the walk-in queue lives on: the central one on a joined counter's store (the
    queue tables are not synced — every counter, kiosk and board must see one queue, and only one
    arbiter may decide who is called), else `db` itself."""
    joined = central_url_of(db, data_dir) if joined_store else None
    if joined is None:
        return db
    url = central_link.parse(joined[0]).update_query_dict(
        {"connect_timeout": str(QUEUE_CONNECT_TIMEOUT_S), "options": QUEUE_SERVER_OPTIONS})
    return Database(url.render_as_string(hide_password=False))


def open_context(data_dir: Path, clock: Callable[[], datetime] = now_local, db: Database | None = None) -> Context:
    db = db or database_for(data_dir)
    joined_store = db.dialect == "sqlite" and is_counter_store(db)
    if joined_store:
        enable_outbox(db)  # a joined counter queues every local change for the centre
    dossiers = DossierQueries(db, clock)
    tracking_reads = TrackingQueries(db, clock)

    def gateway_name() -> str:
        with db.reader() as session:
            return centre_settings.load(session).notice_gateway

    notice_gateway = ConfiguredGateway(gateway_name, data_dir)
    return Context(
        data_dir=data_dir,
        db=db,
        workstation=WorkstationSettings.load(data_dir),
        auth=AuthService(db, clock),
        catalogue=CatalogueService(db),
        intake=IntakeService(db, clock),
        dossiers=dossiers,
        printing=PrintService(db, dossiers, clock, tracking_reads),
        queue=QueueService(queue_database(db, data_dir, joined_store), clock),
        tracking=TrackingService(db, clock, notice_gateway),
        tracking_reads=tracking_reads,
        public_status=PublicStatusQueries(db, clock),
        timeliness=TimelinessQueries(db, clock),
    )
