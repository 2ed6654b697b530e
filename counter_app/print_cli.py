"""`counter-app print DOCUMENT …`: any form as a PDF file, logged like a print at the counter."""

from __future__ import annotations

from datetime import date
from pathlib import Path


# CLI name → PrintService kind
PRINT_KINDS = {"receipt": "receipt", "supplement": "supplement", "refusal": "refusal", "apology": "apology",
               "control-sheet": "control_sheet", "handover-list": "handover", "return": "return", "ledger": "ledger"}


def add_parser(sub) -> None:
    prn = sub.add_parser("print", help="write a form as PDF")
    prn.add_argument("document", choices=tuple(PRINT_KINDS))
    prn.add_argument("reference", nargs="?", default="",
                     help="dossier code; the slip number for supplement/refusal; the list number for handover-list")
    prn.add_argument("--field", default="", help="ledger: the field's code (e.g. TP-LLTP)")
    prn.add_argument("--from", dest="start", type=date.fromisoformat, help="ledger: first day received, YYYY-MM-DD")
    prn.add_argument("--to", dest="end", type=date.fromisoformat, help="ledger: last day received, YYYY-MM-DD")
    prn.add_argument("-o", "--output", required=True, type=Path)


def run(args, data_dir: Path, context) -> int:
    kind = PRINT_KINDS[args.document]
    reference = args.reference
    if kind == "ledger":
        if not (args.field and args.start and args.end):
            raise ValueError("print ledger needs --field F --from YYYY-MM-DD --to YYYY-MM-DD")
        if args.end < args.start:
            raise ValueError("--to is before --from")
        from counter_app.services.tracking_print import ledger_reference  # noqa: PLC0415

        reference = ledger_reference(args.field, args.start, args.end)
    elif not reference:
        raise ValueError(f"print {args.document} needs a reference (see --help)")
    ctx = context(data_dir, args.central)
    pdf = ctx.printing.render(kind, reference)
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(pdf)
    except OSError as error:
        ctx.printing.log(kind, reference, str(args.output), ok=False, error=str(error))
        raise
    ctx.printing.log(kind, reference, str(args.output), ok=True)
    print(args.output)
    return 0
