"""`counter-app dossier ACTION …`: the inbox and counter actions after intake, for scripting and for
departments' own systems (wired into `cli.py`'s `dossier` group next to `create` and `show`).

Who acts: `--as USERNAME`, without a password. The command line works with the local database's
trust — whoever may run it on a data folder (or holds a `--central` URL) can already write that
database — exactly like the `officer` named in `dossier create`'s JSON. The account must exist and
be active; its role and department are then checked by the services as in the application.

Exit codes follow `cli.py`: 0 done; 1 refused, the translated reason on stderr; 2 usage (argparse,
also a malformed `--new-due` or `--item`). Human output uses the portal's Vietnamese labels unless
`--lang en`; `--json` prints the service's result. No Qt.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime

from counter_app.services.auth import Role, UserInfo
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, NotFound, PermissionDenied
from counter_app.services.intake_input import DocumentInput
from counter_app.services.lifecycle import MARK_LABELS, MARK_LABELS_VI, Mark
from counter_app.services.status import LABELS, LABELS_VI, Status
from counter_app.services.text import clean
from counter_app.services.tracking import Collector

AS_HELP = ("acting account; no password is asked: the command line has the local database's trust (like the officer "
           "of `dossier create`). The account must exist and be active; its role and department are checked")
_DUE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y", "%d/%m/%Y %H:%M")
_ITEM = re.compile(r"^(?P<name>.*?)(?::(?P<o>\d{1,3})(?:,(?P<c>\d{1,3}))?(?:,(?P<p>\d{1,3}))?)?$", re.DOTALL)

# The few words of the human output (the messages themselves come translated from the services).
_WORDS = {
    "vi": {"due": "hẹn trả", "ref": "số", "list": "Danh sách bàn giao", "dossiers": "hồ sơ", "late": "bàn giao trễ hạn",
           "none": "Không có hồ sơ.", "head": ("MÃ HỒ SƠ", "HẸN TRẢ", "CÒN LẠI (giờ LV)", "TRẠNG THÁI", "GHI CHÚ"),
           "transit": "chờ nhận", "near": "sắp đến hạn", "overdue": "quá hạn", "apology": "cần phiếu xin lỗi",
           "moved": "đã hẹn lại", "paused": "tạm dừng tính thời gian", "no_apology": "Quá hạn, chưa có phiếu xin lỗi", "no_explain": "Quá hạn, chưa giải trình",
           "received": "nhận", "deadline": "hạn bàn giao", "late_flag": "TRỄ",
           "period": "Kết quả giải quyết từ {since} đến {until}",
           "columns": ("CƠ QUAN", "ĐANG GQ", "TẠM DỪNG", "SẮP HẠN", "QUÁ HẠN", "CHƯA XIN LỖI", "ĐÃ GQ", "TRƯỚC HẠN",
                       "ĐÚNG HẠN", "TRỄ HẠN", "ĐÚNG HẠN %")},
    "en": {"due": "due", "ref": "no.", "list": "Hand-over list", "dossiers": "dossier(s)", "late": "handed over late",
           "none": "No dossiers.", "head": ("CODE", "DUE", "LEFT (work h)", "STATUS", "FLAGS"),
           "transit": "to accept", "near": "near due", "overdue": "overdue", "apology": "apology needed",
           "moved": "rescheduled", "paused": "clock paused", "no_apology": "Late without an apology", "no_explain": "Late without an explanation",
           "received": "received", "deadline": "hand-over by", "late_flag": "LATE",
           "period": "Results completed {since} to {until}",
           "columns": ("DEPARTMENT", "OPEN", "PAUSED", "NEAR DUE", "OVERDUE", "NO APOLOGY", "COMPLETED", "EARLY",
                       "ON TIME", "LATE", "ON TIME %")},
}


def new_due(text: str) -> date | datetime:
    """`--new-due`: a date (the end of that working day) or a date and time."""
    value = text.strip()
    for layout in _DUE_FORMATS:
        try:
            moment = datetime.strptime(value, layout)
        except ValueError:
            continue
        return moment if "%H" in layout else moment.date()
    raise argparse.ArgumentTypeError(f"invalid date {text!r}: use YYYY-MM-DD, YYYY-MM-DDTHH:MM or DD/MM/YYYY [HH:MM]")


def supplement_item(text: str) -> DocumentInput:
    """`--item "name[:originals,certified,photocopies]"`; a colon not followed by counts stays in the name."""
    found = _ITEM.match(clean(text))
    name = found["name"].strip() if found else ""
    if not name:
        raise argparse.ArgumentTypeError(f"invalid item {text!r}: use \"name[:originals,certified,photocopies]\"")
    return DocumentInput(name, *(int(found[k] or 0) for k in ("o", "c", "p")))


def add_actions(dos) -> None:
    """Add the actions and the read commands to the `dossier` subparsers (`dos`)."""

    def command(name: str, text: str, *, code: bool = True, acting: bool = True) -> argparse.ArgumentParser:
        parser = dos.add_parser(name, help=text, description=text)
        if code:
            parser.add_argument("code", help="dossier code")
        if acting:
            parser.add_argument("--as", dest="as_user", metavar="USERNAME", required=True, help=AS_HELP)
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        return parser

    handover = command("handover", "send received paper dossiers of one department with a hand-over list", code=False)
    handover.add_argument("codes", nargs="+", metavar="CODE")
    handover.add_argument("--note", default="")
    accept = command("accept", "the department confirms receipt of a dossier, or of a whole hand-over list", code=False)
    which = accept.add_mutually_exclusive_group(required=True)
    which.add_argument("code", nargs="?", help="dossier code")
    which.add_argument("--list", dest="list_number", metavar="LIST_NUMBER", help="accept every dossier of this list")
    supplement = command("request-supplement", "ask for a supplement (Mẫu 02 through the counter); the clock pauses")
    supplement.add_argument("--item", action="append", type=supplement_item, default=[],
                            metavar="NAME[:ORIGINALS,CERTIFIED,PHOTOCOPIES]", help="a document to add (repeatable)")
    supplement.add_argument("--notes", default="", help="what to fix, and why")
    command("supplement-received", "the complete dossier is back at the counter; the clock restarts")
    for name, text in (("await-fees", "wait for fees or taxes"), ("fees-paid", "fees or taxes are paid"),
                       ("ready", "the result is ready and back at the centre")):
        command(name, text).add_argument("--note", default="")
    for name, text in (("stop", "stop processing"), ("refuse", "refuse after appraisal"),
                       ("withdraw", "withdrawn at the applicant's request")):
        command(name, text).add_argument("--reason", required=True)
    apologize = command("apologize", "Mẫu 04: the department's apology and a new return date (once only)")
    apologize.add_argument("--reason", required=True)
    apologize.add_argument("--new-due", required=True, type=new_due, metavar="YYYY-MM-DD[THH:MM]",
                           help="a working day (also DD/MM/YYYY); a date alone means the end of that day")
    command("explain", "the written explanation of a late dossier").add_argument("--text", required=True)
    ret = command("return", "hand the result to the applicant or an authorised person")
    ret.add_argument("--collector-id", "--id", dest="collector_id", default="", metavar="ID",
                     help="identifier shown by the collector (the applicant's must match the dossier's)")
    ret.add_argument("--authorised", action="store_true", help="an authorised person collects (with --name, --id, --document)")
    ret.add_argument("--name", default="", help="the authorised person's full name")
    ret.add_argument("--document", default="", help="the authorisation document")
    ret.add_argument("--method", choices=("counter", "post", "online"), default="counter")
    ret.add_argument("--note", default="", help="required by post: the postal reference")
    ret.add_argument("--keep-receipt", action="store_true", help="the receipt (Mẫu 01) was not taken back")

    inbox = command("inbox", "a department's open dossiers, soonest due first", code=False)
    inbox.add_argument("--department", default="", metavar="CODE",
                       help="for supervisors and admins (default: every department); officers see their own")
    command("late", "late dossiers without an apology or without an explanation", code=False, acting=False)
    timeliness = command("timeliness", "every department: open, paused, near due, overdue, without apology now; "
                                       "results early / on time / late in the period", code=False)
    timeliness.add_argument("--from", dest="since", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                            help="first day of the period (default: the 1st of this month)")
    timeliness.add_argument("--to", dest="until", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                            help="last day of the period (default: today)")
    command("handover-queue", "received dossiers still at the centre", code=False, acting=False).add_argument(
        "--department", default="", metavar="CODE")


def acting_user(ctx, username: str) -> UserInfo:
    """The account named by `--as`: refused when unknown or disabled (its role is checked later, by the service)."""
    name = clean(username).lower()
    user = ctx.auth.get(name)  # NotFound: "No such user"
    if not user.active:
        raise PermissionDenied(Message(QT_TRANSLATE_NOOP("Messages", "The account {name} is disabled."), {"name": name}))
    return user


def _department_id(ctx, code: str) -> str | None:
    if not code.strip():
        return None
    wanted = clean(code).upper()
    for department in ctx.tracking_reads.departments():
        if department.code.upper() == wanted:
            return department.id
    raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No department with code {code}."), {"code": code}))


def _act(ctx, args, user: UserInfo):
    t, a = ctx.tracking, args
    match a.action:
        case "handover":
            return t.hand_over(a.codes, user, a.note)
        case "accept":
            return t.accept_list(a.list_number, user) if a.list_number else t.accept(a.code, user)
        case "request-supplement":
            return t.request_supplement(a.code, user, tuple(a.item), a.notes)
        case "supplement-received":
            return t.supplement_received(a.code, user)
        case "await-fees" | "fees-paid" | "ready":
            return getattr(t, a.action.replace("-", "_"))(a.code, user, a.note)
        case "stop" | "refuse" | "withdraw":
            return getattr(t, a.action)(a.code, user, a.reason)
        case "apologize":
            return t.apologize(a.code, user, a.reason, a.new_due)
        case "explain":
            return t.explain(a.code, user, a.text)
        case "return":
            collector = Collector(a.authorised, a.name, a.collector_id, a.document)
            return t.return_result(a.code, user, collector, a.method, a.note, receipt_taken_back=not a.keep_receipt)
    raise AssertionError(a.action)


def run(args, open_context: Callable, dump: Callable[[object], None]) -> int:
    """Run one of `ACTIONS`; service refusals propagate to `cli.main`, which prints them and exits 1."""
    ctx = open_context()
    words = _WORDS[args.lang]
    try:
        if args.action == "late":
            rows = {"without_apology": ctx.tracking_reads.late_without_apology(),
                    "without_explanation": ctx.tracking_reads.late_without_explanation()}
            if args.json:
                dump({key: [asdict(r) for r in value] for key, value in rows.items()})
            else:
                _print_late(rows, words, args.lang)
            return 0
        if args.action == "handover-queue":
            rows = ctx.tracking_reads.handover_queue(_department_id(ctx, args.department))
            if args.json:
                dump([asdict(r) for r in rows])
            else:
                for r in rows:
                    flag = f"  {words['late_flag']}" if r.late else ""
                    print(f"{r.code}  {r.department_name}  {words['received']} {_when(r.received_at)}  "
                          f"{words['deadline']} {_when(r.deadline)}{flag}  {r.applicant_name}")
            return 0
        user = acting_user(ctx, args.as_user)
        if args.action == "inbox":
            rows = _inbox(ctx, user, args.department)
            dump([asdict(r) for r in rows]) if args.json else _print_inbox(rows, words, args.lang)
            return 0
        if args.action == "timeliness":
            view = ctx.timeliness.department_timeliness(user, args.since, args.until)
            if args.json:
                dump({"since": view.since, "until": view.until, "departments": [
                    {**asdict(r), "on_time": r.on_time, "on_time_ratio": r.on_time_ratio} for r in view.departments]})
            else:
                _print_timeliness(view, words)
            return 0
        result = _act(ctx, args, user)
        if args.json:
            dump([asdict(r) for r in result] if isinstance(result, list) else asdict(result))
        elif args.action == "handover":
            print(f"{words['list']} {result.list_number} → {result.department_name}: {len(result.codes)} {words['dossiers']}")
            if result.late_codes:
                print(f"{words['late']}: {', '.join(result.late_codes)}")
        else:
            for one in result if isinstance(result, list) else [result]:
                print(_result_line(one, words, args.lang))
        return 0
    finally:
        ctx.close()


def _inbox(ctx, user: UserInfo, department: str) -> list:
    reads = ctx.tracking_reads
    wanted = _department_id(ctx, department)
    if user.role is Role.DEPARTMENT or wanted:
        return reads.inbox(user, wanted)
    reads.inbox(user, None)  # the service's role check (reception may not read inboxes)
    rows = [row for d in reads.departments() for row in reads.inbox(user, d.id)]
    return sorted(rows, key=lambda r: (r.due_at, r.code))


def _when(moment: datetime | None) -> str:
    return f"{moment:%d/%m/%Y %H:%M}" if moment else ""


def _status(status: int, lang: str) -> str:
    return (LABELS_VI if lang == "vi" else LABELS)[Status(status)]


def _result_line(result, words: dict, lang: str) -> str:
    parts = [result.code, _status(result.status, lang), f"{words['due']} {_when(result.due_at)}"]
    if result.reference:
        parts.append(f"{words['ref']} {result.reference}")
    if result.mark:
        parts.append((MARK_LABELS_VI if lang == "vi" else MARK_LABELS)[Mark(result.mark)])
    return "  ".join(parts)


def _hours(minutes: int) -> str:
    """Working time left as hours and minutes, negative once past due: "37h30", "-2h05"."""
    hours, rest = divmod(abs(minutes), 60)
    return f"{'-' if minutes < 0 else ''}{hours}h{rest:02d}"


def _print_inbox(rows: list, words: dict, lang: str) -> None:
    if not rows:
        print(words["none"])
        return
    width = max(len(r.code) for r in rows)
    status_width = max(len(_status(r.status, lang)) for r in rows)
    head = words["head"]
    print(f"{head[0]:<{width}}  {head[1]:<16}  {head[2]:>16}  {head[3]:<{status_width}}  {head[4]}")
    for r in rows:
        flags = [words[key] for key, on in (("transit", r.location == "transit"), ("paused", r.paused_at is not None),
                                            ("overdue", r.overdue), ("near", r.near_due and not r.overdue),
                                            ("apology", r.needs_apology), ("moved", r.rescheduled)) if on]
        print(f"{r.code:<{width}}  {_when(r.due_at):<16}  {_hours(r.minutes_left):>16}  "
              f"{_status(r.status, lang):<{status_width}}  {', '.join(flags)}")


def _print_late(groups: dict, words: dict, lang: str) -> None:
    for key, title in (("without_apology", words["no_apology"]), ("without_explanation", words["no_explain"])):
        print(f"{title} ({len(groups[key])}):")
        for r in groups[key]:
            print(f"  {r.code}  {r.department_name}  {words['due']} {_when(r.original_due_at)}  {_status(r.status, lang)}"
                  f"  {r.applicant_name}")


def _print_timeliness(view, words: dict) -> None:
    print(words["period"].format(since=f"{view.since:%d/%m/%Y}", until=f"{view.until:%d/%m/%Y}"))
    head = words["columns"]
    name_width = max([len(head[0])] + [len(r.department_name) for r in view.departments])
    widths = [len(h) for h in head[1:]]
    print(f"{head[0]:<{name_width}}  " + "  ".join(head[1:]))
    for r in view.departments:
        ratio = "—" if r.on_time_ratio is None else f"{r.on_time_ratio:.0%}"
        values = (r.open, r.paused, r.near_due, r.overdue, r.overdue_without_apology, r.completed, r.early, r.on_time,
                  r.late, ratio)
        print(f"{r.department_name:<{name_width}}  " + "  ".join(f"{v:>{w}}" for v, w in zip(values, widths, strict=True)))
