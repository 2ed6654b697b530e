"""`python -m bench --size N`: build a demo database with N dossiers and print medians.

Budgets (issue 2): Save-to-receipt-PDF ≤ 60 ms; accent-insensitive search ≤ 30 ms; process start
to login window ≤ 1.5 s. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from counter_app.context import database_for, open_context
from counter_app.services.intake_input import ApplicantInput, DocumentInput, IntakeInput
from counter_app.services.setup import initialise
from bench.common import median_ms
from bench.populate import populate


def _startup_ms(data_dir: Path, runs: int) -> list[float]:
    """Process start → the login window shown: timed to the probe's "login-shown" line, not to the
    process's exit (on quit the app still finishes warming up the print templates)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), COUNTER_APP_STARTUP_PROBE="1")
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        with subprocess.Popen([sys.executable, "-m", "counter_app", "--data-dir", str(data_dir)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
            shown = next((time.perf_counter() for line in proc.stdout if "login-shown" in line), None)
            _out, err = proc.communicate(timeout=60)
        if shown is None:
            raise RuntimeError(f"startup probe failed: {err[-2000:]}")
        out.append((shown - t0) * 1000)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--size", type=int, default=100_000, help="dossiers stored before measuring")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", type=Path, default=None, help="build the database here and keep it")
    args = parser.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="counter-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = database_for(folder)
    t0 = time.perf_counter()
    report = initialise(db, demo=True)
    populate(db, args.size)
    build_s = time.perf_counter() - t0
    ctx = open_context(folder, db=db)
    password = dict((u, p) for u, _r, p in report.created_users).get("tiepnhan1")
    if password:
        ctx.auth.change_password("tiepnhan1", password, "Bench2026x")
    officer = ctx.auth.login("tiepnhan1", "Bench2026x")
    procedure = ctx.catalogue.get("2.000488")
    base = IntakeInput(
        procedure_code=procedure.code,
        applicant=ApplicantInput(name="Nguyễn Thị Ánh Tuyết", id_number="066190001234", date_of_birth="12/05/1990",
                                 sex="female", address="Số 12, đường Lê Duẩn, tỉnh Đắk Lắk", phone="0905123456"),
        documents=tuple(DocumentInput(d.name) for d in procedure.documents),
    )

    rows = []
    codes: list[str] = []

    def save_and_pdf(i):
        code = ctx.intake.receive(replace(base, received_at=datetime.now().strftime("%Y-%m-%d %H:%M")), officer).code
        codes.append(code)
        ctx.printing.receipt(code)

    rows.append(("Save → receipt PDF ready (Mẫu 01)", *median_ms(save_and_pdf, args.runs), 60))
    rows.append(("  of which: receive (validate + write)", *median_ms(lambda i: ctx.intake.receive(base, officer), args.runs), None))
    rows.append(("  of which: render Mẫu 01 PDF", *median_ms(lambda i: ctx.printing.receipt(codes[i % len(codes)]), args.runs), None))
    queries = ["nguyen van an", "tran thi", "Đặng Ngọc", "pham huu dat", "le", "ho thu yen", "bui quoc", "vo kim"]
    rows.append(("Accent-insensitive name search", *median_ms(lambda i: ctx.dossiers.find(queries[i % len(queries)]), args.runs), 30))
    rows.append(("Find by scanned code", *median_ms(lambda i: ctx.dossiers.find(codes[i % len(codes)]), args.runs), None))
    rows.append(("Find by phone", *median_ms(lambda i: ctx.dossiers.find("0905123456"), args.runs), None))
    try:
        startup = _startup_ms(folder, max(5, args.runs // 6))
        rows.append(("Process start → login window shown", statistics.median(startup), max(startup), 1500))
    except Exception as error:  # noqa: BLE001 - report, keep the other figures
        print(f"startup probe failed: {error}", file=sys.stderr)

    from bench.sync_bench import sync_rows  # noqa: PLC0415 - sync figures (issue 3) when PostgreSQL is reachable

    rows.extend(sync_rows())
    from bench.queue_bench import queue_rows  # noqa: PLC0415 - queue figures (issue 4)

    rows.extend(queue_rows())
    from bench.lookup_bench import lookup_rows  # noqa: PLC0415 - public look-up page (issue 5): ≥ 500 req/s

    rows.extend(lookup_rows())
    from bench.tracking_bench import tracking_rows  # noqa: PLC0415 - inbox and look-up by code (issue 5)

    rows.extend(tracking_rows(runs=args.runs))
    print(f"\ncounter_app bench — {args.size:,} dossiers stored (built in {build_s:.1f} s), {args.runs} runs each\n")
    print(f"| {'measure':<42} | {'median ms':>9} | {'max ms':>8} | {'budget ms':>9} |")
    print(f"|{'-' * 44}|{'-' * 11}|{'-' * 10}|{'-' * 11}|")
    for name, median, worst, budget in rows:
        print(f"| {name:<42} | {median:>9.1f} | {worst:>8.1f} | {budget if budget else '':>9} |")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
