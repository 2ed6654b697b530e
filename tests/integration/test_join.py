"""`counter-app join` (CLI and the settings dialog) and `sync status|now`: schema check, credentials
kept safely, catalogue pulled."""

from __future__ import annotations

import json
import os
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from sqlalchemy import func, select, text

from counter_app import cli
from counter_app.sync.central_access import CentralAccess
from counter_app.config import WorkstationSettings
from counter_app.context import database_for, open_context
from counter_app.models import Procedure
from counter_app.services import schema
from counter_app.services.auth import Role, UserInfo
from counter_app.services.db import Database
from counter_app.sync import central_link, credentials
from counter_app.sync.join import check_central_schema
from counter_app.ui.task_runner import SyncTaskRunner
from counter_app.ui.workstation_dialog import WorkstationDialog
from tests.factories import intake
from tests.integration.test_central_leases import _dead_url

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.setenv("COUNTER_APP_NO_KEYRING", "1")


def test_join_pulls_the_catalogue_and_keeps_the_password_out_of_settings(central, tmp_path, capsys):
    """Joining an empty data folder as counter 5 loads the catalogue, records the URL without its
    password, keeps the password in a 0600 file, and saves the workstation's counter number."""
    data = tmp_path / "counter5"
    assert cli.main(["--lang", "en", "--data-dir", str(data), "join", central.app_url, "--counter", "5"]) == 0
    assert "as counter 5" in capsys.readouterr().out
    db = database_for(data)
    try:
        with db.reader() as session:
            state = {k: v for k, v in session.execute(text("SELECT key, value FROM sync_state"))}
            procedures = session.scalar(select(func.count()).select_from(Procedure))
        assert procedures > 0
        assert state["counter_number"] == "5"
        password = central.app_password
        assert password and password not in state["central_url"]
        assert password not in WorkstationSettings.path(data).read_text(encoding="utf-8")
        assert WorkstationSettings.load(data).counter_number == 5
        assert stat.S_IMODE(os.stat(credentials.credentials_file(data)).st_mode) == 0o600
        assert credentials.load_password(data, state["central_url"]) == password
    finally:
        db.dispose()

    assert cli.main(["--lang", "en", "--data-dir", str(data), "sync", "now"]) == 0
    capsys.readouterr()
    assert cli.main(["--lang", "en", "--data-dir", str(data), "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["online"] is True and status["pending"] == 0 and status["last_sync"]
    assert {"offline_since", "last_error"} <= set(status)

    # A dossier received at the counter is queued and pushed by `sync now`.
    ctx = open_context(data)
    try:
        assert ctx.db.url.startswith("sqlite")
    finally:
        ctx.close()


def test_join_refuses_a_central_schema_it_does_not_match(make_database, tmp_path, capsys):
    """A central database at an older revision is refused, naming the command to run; nothing is written locally."""
    url = make_database()
    old = Database(url)
    try:
        schema.upgrade(old, "0002")
    finally:
        old.dispose()
    data = tmp_path / "d"
    assert cli.main(["--lang", "en", "--data-dir", str(data), "join", url, "--counter", "2"]) == 1
    assert "counter-app central init URL" in capsys.readouterr().err
    assert not (data / "counter_app.sqlite3").exists()
    with pytest.raises(schema.SchemaMismatch):
        check_central_schema(url)


def test_sync_now_fails_when_the_centre_is_unreachable(central, tmp_path, capsys):
    """`sync now` exits 1 and `sync status` says offline, with the error, when the centre is down."""
    data = tmp_path / "c"
    assert cli.main(["--lang", "en", "--data-dir", str(data), "join", central.app_url, "--counter", "6"]) == 0
    db = database_for(data)
    try:
        with db.transaction() as session:
            dead = _dead_url("postgresql+psycopg://x@127.0.0.1:5432/nothere").replace("+psycopg", "")
            session.execute(text("UPDATE sync_state SET value = :v WHERE key = 'central_url'"), {"v": dead})
    finally:
        db.dispose()
    assert check_central_schema(dead) is False
    capsys.readouterr()
    assert cli.main(["--lang", "en", "--data-dir", str(data), "sync", "now"]) == 1
    assert cli.main(["--lang", "en", "--data-dir", str(data), "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert status["online"] is False and status["offline_since"] and status["last_error"]


def test_sync_commands_refuse_a_standalone_folder(data_dir, capsys):
    """A data folder that never joined gets the command to run."""
    assert cli.main(["--lang", "en", "--data-dir", str(data_dir), "sync", "status"]) == 1
    assert "counter-app join URL --counter N" in capsys.readouterr().err


def test_a_counter_number_belongs_to_one_workstation(central, tmp_path, capsys):
    """A second workstation joining as the same counter is refused (its pushes would skip the first
    one's changes); with --replace it takes the number over and the old store can no longer push."""
    first, second = tmp_path / "first", tmp_path / "second"
    assert cli.main(["--lang", "en", "--data-dir", str(first), "join", central.app_url, "--counter", "7"]) == 0
    capsys.readouterr()
    assert cli.main(["--lang", "en", "--data-dir", str(second), "join", central.app_url, "--counter", "7"]) == 1
    assert "already used by another workstation" in capsys.readouterr().err
    assert cli.main(["--lang", "en", "--data-dir", str(second), "join", central.app_url, "--counter", "7",
                     "--replace"]) == 0
    capsys.readouterr()
    ctx = open_context(first)  # the replaced workstation still has a dossier to push
    try:
        ctx.intake.receive(intake(ctx), ctx.auth.get("tiepnhan1"))
    finally:
        ctx.close()
    assert cli.main(["--lang", "en", "--data-dir", str(first), "sync", "now"]) == 1  # refused: nothing lost
    capsys.readouterr()
    assert cli.main(["--lang", "en", "--data-dir", str(first), "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending"] > 0 and "already used by another workstation" in status["last_error"]


def test_administrator_joins_from_the_workstation_dialog(central, tmp_path, qtbot):
    """The settings dialog's Join (URL without password + password field, counter 9) attaches an
    empty data folder to the real central database; sync_state and workstation.ini hold the URL
    without the password, the password is kept privately and is shown nowhere in the dialog."""
    data = tmp_path / "gui"
    data.mkdir()
    db = database_for(data)
    schema.upgrade(db)  # an empty local store, as a fresh install before any seeding
    plain, password = central_link.without_password(central.app_url), central.app_password
    admin = UserInfo("admin-id", "admin", "Admin", Role.ADMIN, "", False)
    try:
        dialog = WorkstationDialog(WorkstationSettings(counter_number=1), None,
                                   central=CentralAccess(db, data, admin), runner=SyncTaskRunner())
        qtbot.addWidget(dialog)
        status = dialog.findChild(QLabel, "workstation.central_status")
        assert any(word in status.text().lower() for word in ("standalone", "độc lập"))
        dialog.counter.setValue(9)
        dialog.findChild(QLineEdit, "workstation.central_url").setText(plain)
        dialog.findChild(QLineEdit, "workstation.central_password").setText(password)
        qtbot.mouseClick(dialog.findChild(QWidget, "workstation.join"), Qt.LeftButton)

        error = dialog.findChild(QLabel, "workstation.join_error")
        assert error.isHidden(), error.text()
        assert "counter 9" in status.text() or "quầy 9" in status.text()
        shown = " ".join(w.text() for kind in (QLabel, QLineEdit) for w in dialog.findChildren(kind))
        assert password not in shown
        with db.reader() as session:
            state = {k: v for k, v in session.execute(text("SELECT key, value FROM sync_state"))}
            procedures = session.scalar(select(func.count()).select_from(Procedure))
        assert state["central_url"] == plain and password not in state["central_url"]
        assert state["counter_number"] == "9" and procedures > 0
        assert password not in WorkstationSettings.path(data).read_text(encoding="utf-8")
        assert credentials.load_password(data, plain) == password
    finally:
        db.dispose()


def test_join_takes_over_a_demo_store_but_never_strands_dossiers(central, data_dir, ctx, officer, capsys):
    """A standalone store with only the demo catalogue and accounts may join (the centre's replace
    them); once it holds a dossier, joining is refused and nothing changes."""
    ctx.intake.receive(intake(ctx), officer)
    assert cli.main(["--lang", "en", "--data-dir", str(data_dir), "join", central.app_url, "--counter", "11"]) == 1
    assert "standalone database with data" in capsys.readouterr().err
    assert schema.current_revision(ctx.db) == schema.head_revision()
    with ctx.db.reader() as session:
        assert session.execute(text("SELECT count(*) FROM sync_state WHERE key = 'central_url'")).scalar() == 0


def test_join_from_a_fresh_demo_store(central, tmp_path, capsys):
    """`db init --demo` then `join`: the demo catalogue gives way to the centre's."""
    data = tmp_path / "demo"
    assert cli.main(["--data-dir", str(data), "db", "init", "--demo"]) == 0
    capsys.readouterr()
    assert cli.main(["--lang", "en", "--data-dir", str(data), "join", central.app_url, "--counter", "12"]) == 0


def test_accounts_added_on_the_central_database_reach_the_counters(central, pg_url, tmp_path, capsys):
    """`--central URL user add` writes to the centre; a counter that joins (or syncs) has the account."""
    assert cli.main(["--lang", "en", "--central", pg_url, "user", "add", "tiepnhan7", "--name", "Võ Thị Hồng",
                     "--role", "reception"]) == 0
    capsys.readouterr()
    assert cli.main(["--central", pg_url, "user", "list", "--json"]) == 0
    assert "tiepnhan7" in capsys.readouterr().out
    data = tmp_path / "c13"
    assert cli.main(["--lang", "en", "--data-dir", str(data), "join", central.app_url, "--counter", "13"]) == 0
    ctx = open_context(data)
    try:
        assert ctx.auth.get("tiepnhan7").full_name == "Võ Thị Hồng"
    finally:
        ctx.close()
