"""The administrator's side of joining this workstation to a central database from the GUI.

`CentralAccess` is what the workstation settings dialog may do about the central database for
one data folder and one logged-in user: read the current link (for display) and join.

Guarantees:
- `join` refuses anyone but an administrator (`PermissionDenied`) before anything is read or
  written; then it is `counter_app.sync.join.join` with the separate password field merged into
  the URL. A non-`ServiceError` failure comes back as `JoinFailed` with the password scrubbed.
- Nothing returned or raised here holds the password: `CentralLink.url` and `JoinReport.central_url`
  are without it, and the password itself only reaches `sync.credentials` (keyring or 0600 file).
- Every method blocks (local database, network): call from a worker thread (`TaskRunner`). No Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from counter_app.services.auth import Role, UserInfo
from counter_app.services.central import postgres_url
from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, PermissionDenied, ServiceError
from counter_app.sync.join import JoinReport, join as join_centre
from counter_app.sync.tables import CENTRAL_URL, COUNTER_NUMBER, sync_state

log = logging.getLogger(__name__)

JoinFunction = Callable[..., JoinReport]  # join(data_dir, url, counter_number, *, replace=False)


class JoinFailed(ServiceError):
    """Joining stopped on an unexpected error (network, database); its reason holds no password."""


@dataclass(frozen=True)
class CentralLink:
    url: str  # without password
    counter_number: int


def merged_url(url: str, password: str) -> str:
    """`url` with `password` (when given) set as its password; refuses a non-PostgreSQL URL."""
    parsed = postgres_url(url)
    if password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


class CentralAccess:
    """The central-database actions of the settings dialog, bound to a data folder and a user."""

    def __init__(self, db: Database, data_dir: Path, user: UserInfo, join: JoinFunction = join_centre):
        self._db, self._data_dir, self._user, self._join = db, data_dir, user, join

    def link(self) -> CentralLink | None:
        """The central database this store has joined (URL without password), or None (standalone)."""
        with self._db.reader() as session:
            state = dict(session.execute(select(sync_state.c.key, sync_state.c.value)
                                         .where(sync_state.c.key.in_((CENTRAL_URL, COUNTER_NUMBER)))).all())
        if not state.get(CENTRAL_URL) or not state.get(COUNTER_NUMBER):
            return None
        return CentralLink(state[CENTRAL_URL], int(state[COUNTER_NUMBER]))

    def join(self, url: str, password: str, counter_number: int, replace: bool = False) -> JoinReport:
        if self._user.role != Role.ADMIN:  # only an administrator may attach a workstation
            raise PermissionDenied(Message(QT_TRANSLATE_NOOP(
                "Messages", "Only an administrator may join this workstation to a central database.")))
        full = merged_url(url, password)
        try:
            return self._join(self._data_dir, full, counter_number, replace=replace)
        except ServiceError:
            raise
        except Exception as error:  # noqa: BLE001 - shown beside the form, never with the password
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            secret = postgres_url(full).password
            if secret:
                reason = reason.replace(secret, "***")
            log.warning("joining the central database failed: %s", reason)  # no traceback: it may quote the URL
            raise JoinFailed(Message(QT_TRANSLATE_NOOP(
                "Messages", "Joining the central database failed: {reason}"), {"reason": reason})) from error
