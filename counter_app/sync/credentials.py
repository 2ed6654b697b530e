"""The central database password of a counter, kept out of plain settings.

Guarantees:
- The password is stored in the OS keyring when the `keyring` package finds a real
  backend (Windows Credential Manager, macOS Keychain, Secret Service); otherwise (headless Linux,
  no package) in `central-credentials.json` in the data directory, created with mode 0600 (read
  and write for the user only) and replaced atomically — it never passes through a file with
  wider rights.
- `sync_state` and `workstation.ini` hold the URL without the password; entries are keyed by that
  URL, so one data directory can change centre without mixing passwords.
- Thread-safe for readers; writers are the admin's `join` only. No Qt.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from counter_app.sync import central_link

log = logging.getLogger(__name__)

FILE = "central-credentials.json"
SERVICE = "counter_app central database"


def _keyring():
    """The keyring module when it has a usable (secure, non-null) backend, else None."""
    if os.environ.get("COUNTER_APP_NO_KEYRING"):
        return None
    try:
        import keyring  # noqa: PLC0415 - optional dependency
        from keyring.backends import fail  # noqa: PLC0415
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring configuration means "no keyring"
        return None
    name = type(backend).__module__ + "." + type(backend).__name__
    if isinstance(backend, fail.Keyring) or "null" in name.lower() or "plaintext" in name.lower():
        return None
    if getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def credentials_file(data_dir: Path) -> Path:
    return data_dir / FILE


def _read_file(data_dir: Path) -> dict[str, str]:
    try:
        return json.loads(credentials_file(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_file(data_dir: Path, entries: dict[str, str]) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    target = credentials_file(data_dir)
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # 0600 from birth, not chmod'ed later
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o600) if hasattr(os, "fchmod") else None
        json.dump(entries, handle)
    tmp.replace(target)


def store_password(data_dir: Path, url: str, password: str | None) -> str:
    """Keep `password` for `url`; returns where ("keyring" or the file path). None removes it."""
    key = central_link.without_password(url)
    ring = _keyring()
    if ring is not None:
        try:
            if password is None:
                ring.delete_password(SERVICE, key)
            else:
                ring.set_password(SERVICE, key, password)
            _forget_in_file(data_dir, key)
            return "keyring"
        except Exception as error:  # noqa: BLE001 - locked or broken keyring: fall back to the file
            log.warning("keyring unavailable (%s); keeping the password in a private file", error)
    entries = _read_file(data_dir)
    if password is None:
        entries.pop(key, None)
    else:
        entries[key] = password
    _write_file(data_dir, entries)
    return str(credentials_file(data_dir))


def _forget_in_file(data_dir: Path, key: str) -> None:
    entries = _read_file(data_dir)
    if key in entries:
        del entries[key]
        _write_file(data_dir, entries)


def load_password(data_dir: Path, url: str) -> str | None:
    """The stored password of `url` (keyring first, then the private file), or None."""
    key = central_link.without_password(url)
    ring = _keyring()
    if ring is not None:
        try:
            password = ring.get_password(SERVICE, key)
        except Exception:  # noqa: BLE001
            password = None
        if password is not None:
            return password
    return _read_file(data_dir).get(key)


def full_url(data_dir: Path, url: str) -> str:
    """`url` (as kept in `sync_state`) with its stored password, ready to connect."""
    return central_link.with_password(url, load_password(data_dir, url))
