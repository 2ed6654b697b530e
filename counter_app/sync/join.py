"""Attaching a workstation to a central database as counter N (`counter-app join URL --counter N`),
and the start-up check of a joined counter against the central schema.

Guarantees of `join()`:
- Nothing local changes unless the central schema matches this program (`schema.check` on the
  central URL): a mismatch raises `SchemaMismatch` naming `counter-app central init URL`.
- The password goes to `credentials` (keyring or a 0600 file), never to `sync_state` or
  `workstation.ini`; `sync_state` keeps the URL without it plus the counter number.
- The local store is created or upgraded to HEAD (no standalone seeding: the catalogue, accounts,
  calendar and settings come from the centre through `SyncEngine.initial_load()`).
- A data folder already holding a standalone database with data, or joined to another centre, is
  refused; joining again to the same centre is harmless (it resumes an interrupted load).
- A counter number already used by another workstation is refused (two stores pushing as one
  counter would skip each other's changes) unless `replace` says this one replaces it.
Runs on the caller's thread (CLI); no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace as with_changes
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from counter_app.config import WorkstationSettings
from counter_app.models import Dossier, ReceptionSlip
from counter_app.services import schema
from counter_app.services.central import postgres_url
from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, ServiceError
from counter_app.sync import central_link, credentials, leases
from counter_app.sync.local_store import write_state
from counter_app.sync.tables import CENTRAL_URL, COUNTER_NUMBER, sync_state


class JoinError(ServiceError):
    """The workstation cannot join as asked; nothing was changed."""


@dataclass(frozen=True)
class JoinReport:
    central_url: str  # without password
    counter_number: int
    revision: str
    rows_loaded: int
    password_kept_in: str  # "keyring", a file path, or "" when the URL had no password


def _central_database(url: str) -> Database:
    """The central database with a short connect timeout, for checks that must not hang."""
    return Database(central_link.parse(url).update_query_dict({"connect_timeout": str(central_link.CONNECT_TIMEOUT)})
                    .render_as_string(hide_password=False))


def unreachable(url: str, error: Exception) -> JoinError:
    reason = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return JoinError(Message(QT_TRANSLATE_NOOP(
        "Messages", "Cannot reach the central database {url}: {reason}"),
        {"url": central_link.without_password(url), "reason": reason}))


def check_central_schema(url: str) -> bool:
    """Raise `SchemaMismatch` when the central schema is not this program's; True when checked,
    False when the centre cannot be reached now (a counter then starts offline)."""
    db = _central_database(url)
    try:
        schema.check(db)
        return True
    except OperationalError:
        return False
    finally:
        db.dispose()


def _state(local: Database) -> dict[str, str]:
    with local.reader() as session:
        return {key: value for key, value in session.execute(select(sync_state.c.key, sync_state.c.value))}


def central_url_of(local: Database, data_dir: Path) -> tuple[str, int] | None:
    """(central URL with password, counter number) of a joined store, or None when standalone."""
    state = _state(local)
    if not state.get(CENTRAL_URL) or not state.get(COUNTER_NUMBER):
        return None
    return credentials.full_url(data_dir, state[CENTRAL_URL]), int(state[COUNTER_NUMBER])


def join(data_dir: Path, url: str, counter_number: int, *, local: Database | None = None,
         replace: bool = False) -> JoinReport:
    from counter_app.context import database_for  # noqa: PLC0415 - avoid a cycle at import time
    from counter_app.sync.engine import SyncEngine  # noqa: PLC0415

    if not 1 <= counter_number <= 999:
        raise JoinError(Message(QT_TRANSLATE_NOOP("Messages", "The counter number must be between 1 and 999.")))
    parsed = postgres_url(url)
    full = parsed.render_as_string(hide_password=False)
    plain = central_link.without_password(full)
    central = _central_database(full)
    try:
        schema.check(central)
    except OperationalError as error:
        raise unreachable(full, error) from error
    finally:
        central.dispose()

    own = local is None
    local = local or database_for(data_dir)
    try:
        _prepare_local(local, plain)
        kept = credentials.store_password(data_dir, full, parsed.password) if parsed.password else ""
        with local.transaction() as session:
            write_state(session, {CENTRAL_URL: plain, COUNTER_NUMBER: str(counter_number)})
        leases.register(local, full)
        engine = SyncEngine(local, full, counter_number)
        try:
            engine.claim_counter(replace=replace)  # refuses a number another workstation pushes as
            loaded = engine.initial_load()
        finally:
            engine.close()
        settings = WorkstationSettings.load(data_dir)
        with_changes(settings, counter_number=counter_number).save(data_dir)
        return JoinReport(plain, counter_number, schema.current_revision(local) or "", loaded, kept)
    finally:
        if own:
            local.dispose()


def _prepare_local(local: Database, plain_url: str) -> None:
    current = schema.current_revision(local)
    if current != schema.head_revision():
        if current is not None and current not in schema.known_revisions():
            schema.check(local)  # newer than this program: raises with the advice
        schema.upgrade(local)
    joined_to = _state(local).get(CENTRAL_URL)
    if joined_to and joined_to != plain_url:
        raise JoinError(Message(QT_TRANSLATE_NOOP(
            "Messages", "This data folder is already joined to {url}. Use another data folder (--data-dir)."),
            {"url": joined_to}))
    if not joined_to:
        # A catalogue and accounts (a fresh demo store) are replaced by the centre's; dossiers or
        # slips would be stranded in a store that then follows another centre, so they are refused.
        with local.reader() as session:
            used = (session.scalar(select(func.count()).select_from(Dossier)) or 0) + \
                   (session.scalar(select(func.count()).select_from(ReceptionSlip)) or 0)
        if used:
            raise JoinError(Message(QT_TRANSLATE_NOOP(
                "Messages", "This data folder holds a standalone database with data. Join with an empty data "
                            "folder (--data-dir).")))
