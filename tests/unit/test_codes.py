"""Dossier codes: format, daily restart, and no duplicates under concurrent issue."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from sqlalchemy import select

from counter_app.models import Dossier
from counter_app.services import codes
from counter_app.services.db import Database
from tests.factories import intake


def test_format_has_agency_date_and_four_digits():
    """`<agency>-<YYMMDD>-<NNNN>`, the sequence growing past four digits when needed."""
    assert codes.format_code("000.00.06.H56", date(2023, 10, 27), 361) == "000.00.06.H56-231027-0361"
    assert codes.format_code("X", date(2026, 1, 2), 12345) == "X-260102-12345"
    assert codes.looks_like_code("000.00.06.H56-231027-0361")
    assert codes.looks_like_code("000.00.06.H56-231027-BS0001")
    assert not codes.looks_like_code("Nguyễn Văn An")
    assert not codes.looks_like_code("0905123456")


def test_sequences_are_per_agency_scope_and_day(ctx):
    """Each (agency, scope, day) has its own counter."""
    with ctx.db.transaction() as session:
        a = [codes.next_number(session, "A", codes.DOSSIER, date(2026, 1, 5)) for _ in range(3)]
        b = codes.next_number(session, "B", codes.DOSSIER, date(2026, 1, 5))
        c = codes.next_number(session, "A", codes.SUPPLEMENT, date(2026, 1, 5))
        d = codes.next_number(session, "A", codes.DOSSIER, date(2026, 1, 6))
    assert (a, b, c, d) == ([1, 2, 3], 1, 1, 1)


def test_threads_receiving_at_once_never_share_a_code(ctx, officer):
    """Eight threads receiving 80 dossiers on one SQLite file get 80 distinct consecutive codes."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        issued = list(pool.map(lambda _: ctx.intake.receive(intake(ctx), officer).code, range(80)))
    assert len(set(issued)) == 80
    assert sorted(int(c[-4:]) for c in issued) == list(range(1, 81))


def test_processes_issuing_at_once_never_share_a_code(data_dir):
    """Four processes taking 50 numbers each from one SQLite file get 200 distinct numbers."""
    script = textwrap.dedent(
        f"""
        import sys
        from datetime import date
        from pathlib import Path
        from counter_app.services.db import Database
        from counter_app.services import codes
        db = Database.for_file(Path({str(data_dir / "counter_app.sqlite3")!r}))
        for _ in range(50):
            with db.transaction() as session:
                print(codes.issue_dossier_code(session, "P", date(2026, 3, 2)), flush=True)
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [p.communicate(timeout=120)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    issued = [code for out in outputs for code in out]
    assert len(issued) == 200 and len(set(issued)) == 200


def test_killed_process_mid_save_leaves_no_half_dossier(data_dir):
    """SIGKILL while a dossier transaction is open leaves no dossier, documents or events behind."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from counter_app.context import open_context
        import counter_app.services.intake as intake_module
        from tests.factories import intake

        ctx = open_context(Path({str(data_dir)!r}))
        officer = ctx.auth.get("tiepnhan1")
        def die(*args, **kwargs):
            # The dossier and its documents are flushed in the open transaction: die now.
            os.kill(os.getpid(), signal.SIGKILL)

        intake_module.append_event = die
        ctx.intake.receive(intake(ctx), officer)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    db = Database.for_file(data_dir / "counter_app.sqlite3")
    with db.reader() as session:
        assert session.scalars(select(Dossier)).all() == []
    db.dispose()
