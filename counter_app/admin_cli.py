"""`counter-app calendar|settings|workstation`: the administrator's day table, the centre's shared
settings and this machine's settings (wired in `cli.py`). Errors raise like the other commands and
`cli.main` reports them; no Qt.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path


def add_parsers(sub) -> None:
    cal = sub.add_parser("calendar", help="the admin-edited days off and make-up working days").add_subparsers(dest="action", required=True)
    cal_list = cal.add_parser("list", help="working calendar facts of a year")
    cal_list.add_argument("--year", type=int, default=None)
    cal_set = cal.add_parser("set", help="make a day a day off or a working day (wins over the holiday list)")
    cal_set.add_argument("day", help="YYYY-MM-DD")
    kind = cal_set.add_mutually_exclusive_group(required=True)
    kind.add_argument("--off", action="store_true")
    kind.add_argument("--working", action="store_true")
    cal_set.add_argument("--note", default="")
    cal_unset = cal.add_parser("unset", help="remove an edited day (the holiday list applies again)")
    cal_unset.add_argument("day", help="YYYY-MM-DD")

    cen = sub.add_parser("settings", help="the centre's shared settings").add_subparsers(dest="action", required=True)
    cen.add_parser("show", help="print every setting as JSON")
    cen_set = cen.add_parser("set", help="change one setting, e.g. agency_id or tracking_url_template")
    cen_set.add_argument("key")
    cen_set.add_argument("value")

    dep = sub.add_parser("department", help="departments: who signs their apology letters (Mẫu 04)").add_subparsers(
        dest="action", required=True)
    dep.add_parser("list", help="departments with their heads").add_argument("--json", action="store_true")
    dep_set = dep.add_parser("set-head", help="the head's title and name printed on Mẫu 04")
    dep_set.add_argument("code")
    dep_set.add_argument("--title", required=True, help='e.g. "GIÁM ĐỐC"; a "\\n" starts a new line')
    dep_set.add_argument("--name", required=True)
    clock = sub.add_parser("supplement-clock", help="per procedure: restart or extend the limit after a supplement")
    clock.add_argument("procedure", help="procedure code")
    clock.add_argument("mode", choices=("restart", "extend", "default"))
    ws = sub.add_parser("workstation", help="this machine's settings").add_subparsers(dest="action", required=True)
    ws.add_parser("show")
    ws_set = ws.add_parser("set")
    ws_set.add_argument("--counter", type=int)
    ws_set.add_argument("--printer", help="printer name; empty for the system default")
    ws_set.add_argument("--dialog", choices=("yes", "no"), help="show the print dialog before printing")
    ws_set.add_argument("--pdf-dir", help="write prints as PDF files to this folder instead of a printer; empty to print")



def run(args, data_dir: Path, context, print_json) -> int:
    if args.command == "calendar":
        return _calendar(args, data_dir, context)
    if args.command == "settings":
        return _settings(args, data_dir, context, print_json)
    if args.command == "department":
        return _department(args, data_dir, context, print_json)
    if args.command == "supplement-clock":
        mode = None if args.mode == "default" else args.mode
        changed = context(data_dir, args.central).catalogue.set_supplement_clock(args.procedure, mode)
        print(f"{args.procedure}: {args.mode} ({changed} version(s))")
        return 0
    return _workstation(args, data_dir, print_json)


def _calendar(args, data_dir: Path, context) -> int:
    from counter_app.services import calendar_store, centre_settings  # noqa: PLC0415

    ctx = context(data_dir, args.central)
    if args.action == "list":
        year = args.year or datetime.now().year
        with ctx.db.reader() as session:
            calendar = calendar_store.load_calendar(session, centre_settings.load(session))
        day = date(year, 1, 1)
        while day.year == year:
            name = calendar.holiday_name(day)
            if name or (day.weekday() >= 5 and calendar.is_working_day(day)):
                print(f"{day:%Y-%m-%d} {'làm việc' if calendar.is_working_day(day) else 'nghỉ':<9} {name or ''}")
            day = date.fromordinal(day.toordinal() + 1)
        return 0
    day = date.fromisoformat(args.day)
    with ctx.db.transaction() as session:
        if args.action == "unset":
            calendar_store.unset_day(session, day)
        else:
            calendar_store.set_day(session, day, working=args.working, note=args.note)
    print(f"{day:%Y-%m-%d} OK")
    return 0


def _settings(args, data_dir: Path, context, print_json) -> int:
    from dataclasses import fields, replace  # noqa: PLC0415

    from counter_app.services import centre_settings  # noqa: PLC0415

    ctx = context(data_dir, args.central)
    with ctx.db.transaction() as session:
        current = centre_settings.load(session)
        if args.action == "show":
            print_json(asdict(current))
            return 0
        kinds = {f.name: f.type for f in fields(current)}
        if args.key not in kinds or args.key == "form_titles":
            raise ValueError(f"unknown or structured setting: {args.key}; known: {', '.join(sorted(kinds))}")
        value = args.value.strip().lower() in ("1", "yes", "true", "có") if kinds[args.key] == "bool" else args.value
        centre_settings.save(session, replace(current, **{args.key: value}))
    print(f"{args.key} = {value}")
    return 0


def _department(args, data_dir: Path, context, print_json) -> int:
    ctx = context(data_dir, args.central)
    if args.action == "set-head":
        ctx.catalogue.set_department_head(args.code, args.title.replace("\\n", "\n"), args.name)
        print(f"{args.code.upper()}: {args.title} {args.name}")
        return 0
    departments = ctx.tracking_reads.departments()
    if args.json:
        print_json([asdict(d) for d in departments])
    else:
        for d in departments:
            print(f"{d.code:<10} {d.name:<45} {d.head_title.replace(chr(10), ' / ')} {d.head_name}")
    return 0


def _workstation(args, data_dir: Path, print_json) -> int:
    from dataclasses import replace  # noqa: PLC0415

    from counter_app.config import WorkstationSettings  # noqa: PLC0415

    settings = WorkstationSettings.load(data_dir)
    if args.action == "set":
        changes = {}
        if args.counter is not None:
            if not 1 <= args.counter <= 999:
                raise ValueError("counter number must be 1..999")
            changes["counter_number"] = args.counter
        if args.printer is not None:
            changes["printer_name"] = args.printer
        if args.dialog is not None:
            changes["print_without_dialog"] = args.dialog == "no"
        if args.pdf_dir is not None:
            changes["pdf_output_dir"] = args.pdf_dir
        settings = replace(settings, **changes)
        settings.save(data_dir)
    print_json(asdict(settings))
    return 0
