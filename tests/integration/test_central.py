"""The central PostgreSQL database: set-up as owner, an app role without DDL, and every intake
service working through that role, concurrently and all-or-nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, make_url, select, text
from sqlalchemy.exc import DatabaseError, ProgrammingError

from counter_app import cli
from counter_app.context import open_context
from counter_app.migrations import HEAD
from counter_app.models import Dossier, DossierDocument, DossierEvent, Procedure, User
from counter_app.services import schema
from counter_app.services.setup import DEMO_USERS
from counter_app.services.central import CentralSetupError, init_central
from counter_app.services.db import Database
from counter_app.services.status import Status
from tests.factories import intake
from tests.pdf_tools import pdf_text

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
OFFICER = "tiepnhan1"
INSUFFICIENT_PRIVILEGE = "42501"


@pytest.fixture
def app_ctx(central, tmp_path, clock):
    """Services of a counter connected as the app role (no DDL rights), on the settable test clock."""
    ctx = open_context(tmp_path, clock=clock, db=Database(central.app_url))
    yield ctx
    ctx.close()


def _count(db: Database, table, *where) -> int:
    with db.reader() as session:
        return session.scalar(select(func.count()).select_from(table).where(*where))


def test_central_init_creates_head_schema_and_is_idempotent(pg_server, make_database, capsys):
    """`central init --demo` on a fresh database reaches HEAD with demo data; running it again changes nothing."""
    url, role = make_database(), pg_server.role_name("init")
    assert cli.main(["--lang", "en", "central", "init", url, "--demo", "--app-role", role]) == 0
    first = capsys.readouterr().out
    assert f"schema {HEAD}" in first and "tiepnhan1" in first and "one-time passwords" in first
    app_url = next(line.strip() for line in first.splitlines() if line.strip().startswith(f"postgresql+psycopg://{role}:"))

    db = Database(url)
    try:
        assert schema.current_revision(db) == HEAD
        procedures, users = _count(db, Procedure), _count(db, User)
        assert procedures > 0 and users == len(DEMO_USERS)
        with db.reader() as session:
            indexes = set(session.scalars(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_trgm'")))
        assert indexes == {"ix_dossier_search_name_trgm", "ix_reception_slip_search_name_trgm"}

        assert cli.main(["--lang", "en", "central", "init", url, "--demo", "--app-role", role]) == 0
        second = capsys.readouterr().out
        assert "0 procedures added" in second and "one-time passwords" not in second
        assert "password unchanged" in second
        assert (schema.current_revision(db), _count(db, Procedure), _count(db, User)) == (HEAD, procedures, users)
    finally:
        db.dispose()
    assert cli.main(["--lang", "en", "db", "check", "--url", app_url]) == 0
    assert capsys.readouterr().out.strip() == f"OK {HEAD}"


def test_without_pg_trgm_the_schema_still_reaches_head(pg_server, make_database):
    """An owner who may not create the pg_trgm extension still gets the schema at HEAD, without the index."""
    admin_url = make_database()
    owner = pg_server.role_name("noext")
    admin = Database(admin_url)
    try:
        with admin.transaction() as session:
            session.execute(text(f"CREATE ROLE {owner} LOGIN CREATEROLE"))
            session.execute(text(f"GRANT CREATE ON SCHEMA public TO {owner}"))
    finally:
        admin.dispose()
    owner_url = pg_server.url(make_url(admin_url).database, user=owner)
    report = init_central(owner_url, demo=False, app_role=pg_server.role_name("noext_app"))
    assert (report.revision, report.trigram_index, report.owner) == (HEAD, False, owner)


def test_trigram_index_serves_name_search(central, pg_url):
    """On PostgreSQL `LIKE '%key%'` on the folded name can use the pg_trgm GIN index."""
    db = Database(pg_url)
    try:
        with db.reader() as session:
            session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(session.scalars(text("EXPLAIN SELECT id FROM dossier WHERE search_name LIKE '%tuyet%'")))
        assert "ix_dossier_search_name_trgm" in plan
    finally:
        db.dispose()


def test_app_role_has_data_rights_but_no_ddl(app_ctx, clock):
    """The app role inserts and reads dossiers, but CREATE/DROP/TRUNCATE are refused and history stays append-only."""
    officer = app_ctx.auth.get(OFFICER)
    clock.now = datetime(2026, 12, 2, 8, 15)
    code = app_ctx.intake.receive(intake(app_ctx), officer).code
    assert app_ctx.dossiers.find(code)[0].reference == code

    for statement in ("CREATE TABLE intruder (id integer)", "DROP TABLE dossier", "TRUNCATE dossier_event CASCADE",
                      "CREATE SCHEMA intruder", "ALTER TABLE dossier ADD COLUMN x integer",
                      "UPDATE alembic_version SET version_num = '9999'"):
        with pytest.raises(ProgrammingError) as caught:
            with app_ctx.db.transaction() as session:
                session.execute(text(statement))
        assert caught.value.orig.sqlstate == INSUFFICIENT_PRIVILEGE, statement
    for statement in ("UPDATE dossier_event SET kind = 'x'", "DELETE FROM dossier_event"):
        with pytest.raises(DatabaseError, match="append-only"):
            with app_ctx.db.transaction() as session:
                session.execute(text(statement))
    assert schema.current_revision(app_ctx.db) == HEAD


def test_intake_flow_through_the_app_role(app_ctx):
    """Receive, supplement request, refusal, find by code/phone/accent-insensitive name, detail and receipt PDF on PostgreSQL."""
    officer = app_ctx.auth.get(OFFICER)
    received = app_ctx.intake.receive(intake(app_ctx), officer, counter_number=3)
    assert received.code == "000.00.06.H15-261126-0001"
    assert received.due_at == datetime(2026, 12, 10, 9, 30)

    supplement = app_ctx.intake.request_supplement(intake(app_ctx, documents=intake(app_ctx).documents[1:]), officer,
                                                   notes="Tờ khai chưa ký\nThiếu ảnh")
    refusal = app_ctx.intake.refuse(intake(app_ctx), officer, "Không thuộc thẩm quyền")
    assert supplement.number.endswith("-261126-BS0001") and refusal.number.endswith("-261126-TC0001")
    assert app_ctx.dossiers.slip(supplement.number).notes == ("Tờ khai chưa ký", "Thiếu ảnh")

    assert [f.reference for f in app_ctx.dossiers.find(received.code)] == [received.code]
    assert [f.kind for f in app_ctx.dossiers.find(refusal.number)] == ["refusal"]
    by_phone = {f.reference for f in app_ctx.dossiers.find("0905 123 456")}
    assert {received.code, supplement.number, refusal.number} <= by_phone
    for typed in ("ánh tuyết", "ANH TUYET", "Nguyen Thi Anh"):
        assert received.code in {f.reference for f in app_ctx.dossiers.find(typed)}, typed
    assert app_ctx.dossiers.find("Không Có Người Này") == []

    detail = app_ctx.dossiers.dossier(received.code)
    assert detail.status == Status.RECEIVED and detail.counter_number == 3
    assert detail.applicant_name == "Nguyễn Thị Ánh Tuyết" and detail.officer_username == OFFICER
    assert [(e.kind, e.from_status, e.to_status) for e in detail.events] == [("received", None, 2)]

    pdf = app_ctx.printing.receipt(received.code)
    assert pdf.startswith(b"%PDF") and received.code in pdf_text(pdf)
    app_ctx.printing.log("receipt", received.code, "receipt.pdf", ok=True, user_id=officer.id)
    assert [e.kind for e in app_ctx.dossiers.dossier(received.code).events] == ["received", "printed"]


def test_threads_receiving_at_once_get_consecutive_codes(app_ctx, clock):
    """Eight threads receiving 80 dossiers through the app role get 80 distinct consecutive codes."""
    clock.now = datetime(2026, 11, 27, 9, 0)
    officer = app_ctx.auth.get(OFFICER)
    with ThreadPoolExecutor(max_workers=8) as pool:
        issued = list(pool.map(lambda _: app_ctx.intake.receive(intake(app_ctx), officer).code, range(80)))
    assert len(set(issued)) == 80 and all("-261127-" in code for code in issued)
    assert sorted(int(c[-4:]) for c in issued) == list(range(1, 81))


def test_killed_process_mid_receive_leaves_no_half_dossier(central, app_ctx, clock, tmp_path):
    """SIGKILL while a receive transaction is open on PostgreSQL leaves no dossier, documents, events nor used code."""
    before = tuple(_count(app_ctx.db, table) for table in (Dossier, DossierDocument, DossierEvent))
    script = textwrap.dedent(
        f"""
        import os, signal
        from datetime import datetime
        from pathlib import Path
        from counter_app.context import open_context
        from counter_app.services.db import Database
        import counter_app.services.intake as intake_module
        from tests.factories import intake

        ctx = open_context(Path({str(tmp_path)!r}), clock=lambda: datetime(2026, 11, 30, 10, 0),
                           db=Database({central.app_url!r}))
        officer = ctx.auth.get("tiepnhan1")

        def die(*args, **kwargs):
            # The dossier and its documents are flushed in the open transaction: die now.
            os.kill(os.getpid(), signal.SIGKILL)

        intake_module.append_event = die
        ctx.intake.receive(intake(ctx), officer)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == -9, proc.stderr
    after = tuple(_count(app_ctx.db, table) for table in (Dossier, DossierDocument, DossierEvent))
    assert after == before
    assert _count(app_ctx.db, Dossier, Dossier.code.like("%-261130-%")) == 0
    clock.now = datetime(2026, 11, 30, 10, 5)
    assert app_ctx.intake.receive(intake(app_ctx), app_ctx.auth.get(OFFICER)).code.endswith("-261130-0001")


def test_schema_check_refuses_empty_older_and_newer_central_database(make_database):
    """An empty, older or newer-stamped PostgreSQL database is refused with advice for the central database."""
    db = Database(make_database())
    try:
        with pytest.raises(schema.SchemaMismatch) as caught:
            schema.check(db)
        assert "central database has no schema" in caught.value.message.text
        assert "counter-app central init URL" in caught.value.message.text
        with db.transaction() as session:
            session.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
            session.execute(text("INSERT INTO alembic_version VALUES ('0001')"))
        with pytest.raises(schema.SchemaMismatch) as caught:
            schema.check(db)
        assert "older" in caught.value.message.text and "central init" in caught.value.message.text
        with db.transaction() as session:
            session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(schema.SchemaMismatch) as caught:
            schema.check(db)
        assert "newer" in caught.value.message.text
        assert caught.value.message.args == {"current": "9999", "head": HEAD}
    finally:
        db.dispose()


def test_central_errors_go_to_stderr_with_a_non_zero_exit(pg_server, pg_url, central, capsys):
    """A non-PostgreSQL URL, a missing database and an unfit app role are refused on stderr."""
    assert cli.main(["--lang", "en", "central", "init", "sqlite:///x.db"]) == 1
    assert "must be a PostgreSQL URL" in capsys.readouterr().err
    missing = pg_server.url(f"counter_test_{pg_server.run}_missing")
    assert cli.main(["--lang", "en", "db", "check", "--url", missing]) == 1
    assert "database error" in capsys.readouterr().err
    assert cli.main(["--lang", "en", "central", "init", pg_url, "--app-role", "Bad-Name"]) == 1
    assert "Invalid role name" in capsys.readouterr().err
    with pytest.raises(CentralSetupError, match="cannot be the app's role"):
        init_central(pg_url, demo=False, app_role=pg_server.user)
