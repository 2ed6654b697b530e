"""`counter-app`: the administrator's command line, running the same services as the GUI.

Exit codes: 0 success; 1 refused (invalid input, not found, not allowed) with the reason on
stderr, in Vietnamese unless `--lang en`; 2 usage errors (argparse). Nothing is half-written: each
command runs in one service transaction.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from counter_app.paths import default_data_dir


def _json_default(value):
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(type(value).__name__)


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=_json_default))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="counter-app", description="Quầy tiếp nhận hồ sơ — công cụ quản trị.")
    p.add_argument("--data-dir", type=Path, default=None, help="folder of the embedded database and workstation settings")
    p.add_argument("--central", metavar="URL", default=None,
                   help="act on this central PostgreSQL database instead of the data folder's (accounts, catalogue, "
                        "calendar, settings, dossiers); use the owner's or the app's URL")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of messages (default vi)")
    sub = p.add_subparsers(dest="command")

    sub.add_parser("gui", help="open the counter application (the default)")
    kiosk = sub.add_parser("kiosk", help="open the ticket kiosk (full screen, touch)")
    display = sub.add_parser("display", help="open the queue display board (full screen, with voice)")
    for screen in (kiosk, display):
        screen.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")

    db = sub.add_parser("db", help="database").add_subparsers(dest="action", required=True)
    init = db.add_parser("init", help="create or upgrade the database")
    init.add_argument("--demo", action="store_true", help="add the demo centre, catalogue, counters and accounts")
    upg = db.add_parser("upgrade", help="upgrade the schema to this program's version")
    chk = db.add_parser("check", help="check that the schema matches this program")
    for command in (upg, chk):
        command.add_argument("--url", default=None,
                             help="act on this central database (postgresql://owner@host/db) instead of the data folder's file")

    cen_db = sub.add_parser("central", help="the central PostgreSQL database").add_subparsers(dest="action", required=True)
    cen_init = cen_db.add_parser("init", help="create or upgrade the central schema as its owner and set up the app's role")
    cen_init.add_argument("url", help="owner's URL, e.g. postgresql://owner@db-host:5432/counter")
    cen_init.add_argument("--demo", action="store_true", help="add the demo centre, catalogue, counters and accounts")
    cen_init.add_argument("--app-role", default="counter_app", help="login role the app connects as (no DDL rights)")
    cen_init.add_argument("--reset-app-password", action="store_true",
                          help="give an existing app role a new generated password (printed once)")

    cat = sub.add_parser("catalog", help="procedure catalogue").add_subparsers(dest="action", required=True)
    imp = cat.add_parser("import", help="import procedures from CSV or XLSX (see docs/catalogue-format.md)")
    imp.add_argument("file", type=Path)
    lst = cat.add_parser("list", help="list current procedures")
    lst.add_argument("--json", action="store_true")

    usr = sub.add_parser("user", help="staff accounts").add_subparsers(dest="action", required=True)
    add = usr.add_parser("add", help="add an account (must change its password at first login)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--role", required=True, choices=("reception", "department", "supervisor", "admin"))
    add.add_argument("--phone", default="")
    add.add_argument("--department", default="", metavar="CODE",
                     help="a department officer's department code (e.g. STP); they act on its dossiers only")
    add.add_argument("--password", default=None, help="initial password (default: generated and printed)")
    ulist = usr.add_parser("list", help="list accounts")
    ulist.add_argument("--json", action="store_true")

    due = sub.add_parser("due-date", help="compute a due time")
    due.add_argument("--received", required=True, help='"YYYY-MM-DD HH:MM"')
    due.add_argument("--limit", required=True, type=int)
    due.add_argument("--unit", required=True, choices=("working-days", "calendar-days", "working-hours"))
    due.add_argument("--rule", choices=("working-hours", "civil"), default="working-hours")
    due.add_argument("--after-cutoff", action="store_true", help="received after 15:00 counts from the next working day")

    dos = sub.add_parser("dossier", help="dossiers").add_subparsers(dest="action", required=True)
    create = dos.add_parser("create", help="receive a dossier from JSON (schema: docs/dossier-json.md)")
    create.add_argument("--json", dest="json_file", required=True, help="JSON file, or - for standard input")
    create.add_argument("--counter", type=int, default=None)
    show = dos.add_parser("show", help="show a dossier and its history")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    from counter_app.dossier_cli import add_actions as add_dossier_actions  # noqa: PLC0415

    add_dossier_actions(dos)  # handover, accept, …, return, inbox, late, handover-queue

    from counter_app.admin_cli import add_parsers as add_admin_parsers  # noqa: PLC0415

    add_admin_parsers(sub)  # calendar, settings, workstation
    from counter_app.sync.commands import add_parsers as add_sync_parsers  # noqa: PLC0415

    add_sync_parsers(sub)  # join, sync status|now|run
    from counter_app.queue_cli import add_parsers as add_queue_parsers  # noqa: PLC0415

    add_queue_parsers(sub)  # queue issue|call|groups
    from counter_app.lookup_cli import add_parsers as add_lookup_parsers  # noqa: PLC0415

    add_lookup_parsers(sub)  # lookup-server

    from counter_app.print_cli import add_parser as add_print_parser  # noqa: PLC0415

    add_print_parser(sub)  # print receipt|…|ledger
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in (None, "gui"):
        from counter_app.app import main as gui_main  # noqa: PLC0415 - Qt only when the GUI is wanted

        extra = ["--data-dir", str(args.data_dir)] if args.data_dir else []
        return gui_main(extra)
    if args.command in ("kiosk", "display"):
        from counter_app.app import screen_main  # noqa: PLC0415

        return screen_main(args.command, args.data_dir, windowed=args.windowed, central=args.central)
    from counter_app.services.errors import ServiceError, ValidationFailed  # noqa: PLC0415

    data_dir = args.data_dir or default_data_dir()
    try:
        return _COMMANDS[args.command](args, data_dir)
    except ValidationFailed as error:
        for problem in error.errors:
            print(f"{problem.field}: {_say(problem.message, args.lang)}", file=sys.stderr)
        return 1
    except ServiceError as error:
        print(_say(error.message, args.lang), file=sys.stderr)
        return 1
    except (OSError, ValueError, json.JSONDecodeError) as error:
        print(str(error), file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a database the admin pointed at may refuse in many ways
        from sqlalchemy.exc import DBAPIError, SQLAlchemyError  # noqa: PLC0415

        if not isinstance(error, SQLAlchemyError):
            raise
        reason = error.orig if isinstance(error, DBAPIError) else error
        print(f"database error: {str(reason).strip()}", file=sys.stderr)
        return 1


def _say(message, lang: str) -> str:
    if lang == "en":
        return message.english()
    global _translator_ready
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415 - Qt's translator, only for messages

    from counter_app.i18n import install_translators, translate_message  # noqa: PLC0415

    if not _translator_ready:
        install_translators(QCoreApplication.instance() or QCoreApplication([]), "vi")
        _translator_ready = True
    return translate_message(message)


_translator_ready = False


def _context(data_dir: Path, central: str | None = None, *, check: bool = True):
    from counter_app.context import open_context  # noqa: PLC0415
    from counter_app.services import schema  # noqa: PLC0415
    from counter_app.services.db import Database  # noqa: PLC0415

    # On the central database the change reaches every counter through the change log.
    ctx = open_context(data_dir, db=Database(central) if central else None)
    if check:
        schema.check(ctx.db)
    return ctx


def _cmd_db(args, data_dir: Path) -> int:
    from counter_app.context import database_for  # noqa: PLC0415
    from counter_app.services import schema, setup  # noqa: PLC0415

    if args.action in ("check", "upgrade") and args.url:
        from counter_app.services.central import postgres_url  # noqa: PLC0415
        from counter_app.services.db import Database  # noqa: PLC0415

        db = Database(postgres_url(args.url).render_as_string(hide_password=False))
    else:
        db = database_for(data_dir)
    if args.action in ("check", "upgrade"):
        try:
            if args.action == "upgrade":
                schema.upgrade(db)
            else:
                schema.check(db)
            print(f"OK {schema.current_revision(db)}")
            return 0
        finally:
            db.dispose()
    report = setup.initialise(db, demo=args.demo)
    print(f"Database: {data_dir}  schema {report.revision}")
    if args.demo:
        print(f"Demo catalogue: {report.procedures_added} procedures added")
    if report.created_users:
        print("Demo accounts — one-time passwords, shown only now; each must be changed at first login:")
        for username, role, password in report.created_users:
            print(f"  {username:<12} {role:<11} {password}")
    return 0


def _cmd_central(args, data_dir: Path) -> int:
    from counter_app.services.central import init_central, postgres_url  # noqa: PLC0415

    report = init_central(args.url, demo=args.demo, app_role=args.app_role, reset_password=args.reset_app_password)
    print(f"Central database: {postgres_url(args.url).render_as_string(hide_password=True)}  schema {report.revision}"
          f"  (owner {report.owner})")
    if not report.trigram_index:
        print("warning: no pg_trgm index (contrib not installed, or the owner may not create extensions): "
              "name search works without it, by a scan; fix that and run this command again", file=sys.stderr)
    if args.demo:
        print(f"Demo catalogue: {report.procedures_added} procedures added")
    if report.created_users:
        print("Demo accounts — one-time passwords, shown only now; each must be changed at first login:")
        for username, role, password in report.created_users:
            print(f"  {username:<12} {role:<11} {password}")
    state = "created" if report.app_role_created else "updated"
    print(f"App role {report.app_role} ({state}; data rights only, no DDL).")
    if report.app_password:
        print("App connection URL — the password is shown only now and is not stored anywhere:")
    else:
        print("App connection URL (password unchanged; --reset-app-password makes a new one):")
    print(f"  {report.app_url}")
    return 0


def _cmd_catalog(args, data_dir: Path) -> int:
    ctx = _context(data_dir, args.central)
    if args.action == "import":
        from counter_app.services.catalogue_import import CatalogueImportError, import_catalogue  # noqa: PLC0415

        try:
            with ctx.db.transaction() as session:
                report = import_catalogue(session, args.file)
        except CatalogueImportError as error:
            for problem in error.errors:
                print(f"row {problem.row}, {problem.column}: {_say(problem.message, args.lang)}", file=sys.stderr)
            return 1
        print(f"added {report.added}, new versions {report.new_versions}, unchanged {report.unchanged}")
        return 0
    procedures = ctx.catalogue.procedures()
    if args.json:
        _print_json([
            {"code": p.code, "version": p.version, "name": p.name, "field": p.field_name, "department": p.department_name,
             "limit": p.limit_value, "unit": p.limit_unit.value, "rule": p.counting_rule, "after_cutoff": p.after_cutoff,
             "fee": p.fee, "demo": p.demo, "documents": [asdict(d) for d in p.documents]}
            for p in procedures
        ])
    else:
        for p in procedures:
            print(f"{p.code:<14} {p.limit_text:<18} {p.name}")
    return 0


def _cmd_user(args, data_dir: Path) -> int:
    ctx = _context(data_dir, args.central)
    if args.action == "add":
        user, password = ctx.auth.add_user(args.username, args.name, args.role, args.password, args.phone,
                                           department=args.department)
        print(f"{user.username} ({user.role.value}) created.")
        if args.password is None:
            print(f"One-time password (change at first login): {password}")
        return 0
    users = ctx.auth.list_users()
    if args.json:
        _print_json([{"username": u.username, "full_name": u.full_name, "role": u.role.value,
                      "must_change_password": u.must_change_password} for u in users])
    else:
        for u in users:
            print(f"{u.username:<14} {u.role.value:<11} {u.full_name}")
    return 0


def _cmd_due(args, data_dir: Path) -> int:
    from counter_app.context import database_for  # noqa: PLC0415
    from counter_app.services import centre_settings, schema  # noqa: PLC0415
    from counter_app.services.calendar import CountingRule, LimitUnit, WorkCalendar  # noqa: PLC0415
    from counter_app.services.calendar_store import load_calendar  # noqa: PLC0415

    received = datetime.strptime(args.received.strip(), "%Y-%m-%d %H:%M")
    calendar = WorkCalendar()  # shipped facts when there is no database yet
    db = database_for(data_dir) if data_dir.exists() else None
    if db is not None and schema.current_revision(db) == schema.head_revision():
        with db.reader() as session:
            calendar = load_calendar(session, centre_settings.load(session))
    due = calendar.due(received, args.limit, LimitUnit(args.unit), CountingRule(args.rule), args.after_cutoff)
    print(due.strftime("%Y-%m-%dT%H:%M"))
    return 0


def _cmd_dossier(args, data_dir: Path) -> int:
    if args.action not in ("create", "show"):
        from counter_app.dossier_cli import run  # noqa: PLC0415

        return run(args, lambda: _context(data_dir, args.central), _print_json)
    ctx = _context(data_dir, args.central)
    if args.action == "create":
        from counter_app.services.intake_json import intake_from_json  # noqa: PLC0415

        text = sys.stdin.read() if args.json_file == "-" else Path(args.json_file).read_text(encoding="utf-8")
        intake, officer_name = intake_from_json(json.loads(text), ctx.catalogue)
        officer = ctx.auth.get(officer_name)
        received = ctx.intake.receive(intake, officer, args.counter)
        print(received.code)
        return 0
    detail = ctx.dossiers.dossier(args.code)
    if args.json:
        _print_json(_dossier_json(detail))
    else:
        print(f"{detail.code}  [{detail.status}]  {detail.procedure_name}")
        print(f"  {detail.applicant_name} · {detail.id_number} · {detail.phone}")
        print(f"  nhận {detail.received_at:%d/%m/%Y %H:%M} · hẹn trả {detail.due_at:%d/%m/%Y %H:%M}")
        for e in detail.events:
            move = f" {e.from_status}→{e.to_status}" if e.to_status else ""
            print(f"  {e.at:%d/%m/%Y %H:%M}  {e.kind}{move}  {e.actor}")
    return 0


def _dossier_json(d) -> dict:
    return {
        "code": d.code, "status": d.status, "overdue": d.overdue,
        "received_at": d.received_at, "due_at": d.due_at, "original_due_at": d.original_due_at,
        "limit": d.limit_value, "unit": d.limit_unit, "rule": d.counting_rule,
        "procedure": {"code": d.procedure_code, "version": d.procedure_version, "name": d.procedure_name,
                      "field": d.field_name, "department": d.department_name},
        "applicant": {"kind": d.applicant_kind, "name": d.applicant_name, "id_type": d.id_type, "id_number": d.id_number,
                      "date_of_birth": d.date_of_birth, "sex": d.sex, "address": d.address, "phone": d.phone,
                      "email": d.email, "representative_name": d.representative_name,
                      "representative_id": d.representative_id, "authorisation_document": d.authorisation_document},
        "documents": [asdict(x) for x in d.documents],
        "sets": d.sets, "return_method": d.return_method,
        "ledger": {"book": d.ledger_book, "entry": d.ledger_entry},
        "officer": {"username": d.officer_username, "full_name": d.officer_name},
        "counter": d.counter_number,
        "events": [{"at": e.at, "actor": e.actor, "kind": e.kind, "from_status": e.from_status,
                    "to_status": e.to_status, "detail": e.detail} for e in d.events],
        "prints": [asdict(p) for p in d.prints],
    }


def _cmd_print(args, data_dir: Path) -> int:
    from counter_app.print_cli import run  # noqa: PLC0415

    return run(args, data_dir, _context)


def _cmd_admin(args, data_dir: Path) -> int:
    from counter_app.admin_cli import run  # noqa: PLC0415

    return run(args, data_dir, _context, _print_json)


def _cmd_sync(args, data_dir: Path) -> int:
    from counter_app.sync.commands import run  # noqa: PLC0415

    return run(args, data_dir)


def _cmd_queue(args, data_dir: Path) -> int:
    from counter_app.queue_cli import run  # noqa: PLC0415

    return run(args, data_dir, _context)


def _cmd_lookup(args, data_dir: Path) -> int:
    from counter_app.lookup_cli import run  # noqa: PLC0415

    return run(args, data_dir)


_COMMANDS = {
    "calendar": _cmd_admin, "settings": _cmd_admin, "workstation": _cmd_admin, "department": _cmd_admin,
    "supplement-clock": _cmd_admin,
    "db": _cmd_db, "central": _cmd_central, "catalog": _cmd_catalog, "user": _cmd_user, "due-date": _cmd_due,
    "dossier": _cmd_dossier, "print": _cmd_print, "join": _cmd_sync, "sync": _cmd_sync,
    "queue": _cmd_queue, "lookup-server": _cmd_lookup,
}

if __name__ == "__main__":
    sys.exit(main())
