"""`counter-app queue issue|call|groups|close-day` for scripting and outside hardware (wired in `cli.py`).

Exit codes follow `cli.py`: 0 success (also `call` when nobody waits: it prints nothing);
1 refused (unknown group, paused counter…). Acts without a login: events carry no actor and
`detail` is left as the service writes it. No Qt.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path


def add_parsers(sub) -> None:
    queue = sub.add_parser("queue", help="the walk-in queue").add_subparsers(dest="action", required=True)
    issue = queue.add_parser("issue", help="issue a ticket of GROUP and print its number")
    issue.add_argument("group")
    issue.add_argument("--priority", action="store_true")
    issue.add_argument("--reason", default="", help="priority reason (elderly, disabled, pregnant…)")
    issue.add_argument("--json", action="store_true")
    call = queue.add_parser("call", help="call the next ticket to counter N; prints nothing when none waits")
    call.add_argument("--counter", type=int, required=True)
    call.add_argument("--groups", default="", help="comma-separated group codes (default: every active group)")
    call.add_argument("--json", action="store_true")
    groups = queue.add_parser("groups", help="list the service groups")
    groups.add_argument("--json", action="store_true")
    close = queue.add_parser("close-day", help="close the day's tickets still waiting (or carry them over)")
    close.add_argument("--day", type=date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    carry = close.add_mutually_exclusive_group()
    carry.add_argument("--carry-over", dest="carry", action="store_true", default=None,
                       help="carry waiting tickets to the next working day with priority")
    carry.add_argument("--no-carry-over", dest="carry", action="store_false",
                       help="close them (default: the centre's queue_carry_over setting)")
    close.add_argument("--json", action="store_true")


def _default(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _dump(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=_default))


def run(args, data_dir: Path, context) -> int:
    ctx = context(data_dir)
    try:
        service = ctx.queue  # the central database's queue on a joined counter
        if args.action == "groups":
            groups = service.groups()
            if args.json:
                _dump([asdict(g) for g in groups])
            else:
                for g in groups:
                    print(f"{g.code}\t{g.name}")
        elif args.action == "close-day":
            result = service.close_day(args.day, carry_over=args.carry)
            _dump(result) if args.json else print(f"closed {result['closed']}, carried over {result['carried_over']}")
        elif args.action == "issue":
            ticket = service.issue(args.group, priority=args.priority, priority_reason=args.reason)
            _dump(asdict(ticket)) if args.json else print(ticket.display)
        else:
            wanted = [g.strip().upper() for g in args.groups.split(",") if g.strip()]
            ticket = service.call_next(args.counter, None, wanted or None)
            if ticket is not None:
                _dump(asdict(ticket)) if args.json else print(ticket.display)
            elif args.json:
                _dump(None)
        return 0
    finally:
        ctx.close()
