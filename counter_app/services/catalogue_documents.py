"""The document mini-syntax of the catalogue's `documents` cell (docs/catalogue-format.md):
`[* | (không bắt buộc)] Name [B:n; BS:n; BP:n]`, one per line or separated by " | ".

`parse_document` and `format_document` are inverses (property-tested); no database, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counter_app.services import text
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, ServiceError

MAX_DOCUMENT_NAME = 500
MAX_COUNT = 99


class DocumentSyntaxError(ServiceError):
    """A document entry of the `documents` cell does not follow the mini-syntax."""


# --- Document mini-syntax ------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentSpec:
    """One required document with the number of originals, certified copies and photocopies."""

    name: str
    originals: int = 1
    certified_copies: int = 0
    photocopies: int = 0
    required: bool = True


_OPTIONAL_RE = re.compile(r"^\(\s*(?:không|khong)\s+(?:bắt|bat)\s+(?:buộc|buoc)\s*\)\s*", re.IGNORECASE)
_BULLET_RE = re.compile(r"^[-–—•+]\s+")
_COUNTS_RE = re.compile(r"\[([^\[\]]*)\]\s*$")
_COUNT_ITEM_RE = re.compile(r"^\s*([A-Za-z]+)\s*[:=]\s*(\d+)\s*$")
_COUNT_KEYS = {"B": "originals", "BS": "certified_copies", "BP": "photocopies"}


def _doc_error(text_: str, **args) -> DocumentSyntaxError:
    return DocumentSyntaxError(Message(text_, args))


def parse_document(entry: str) -> DocumentSpec:
    """Parse one entry `[*|(không bắt buộc)] Name [B:n; BS:n; BP:n]` (counts optional: 1 original).

    Raises `DocumentSyntaxError` for an empty name, a malformed or unknown count, a repeated key,
    or counts that are all zero.
    """
    entry = text.clean(entry)
    entry = _BULLET_RE.sub("", entry)
    required = True
    if entry.startswith("*"):
        required = False
        entry = entry[1:].lstrip()
    else:
        optional = _OPTIONAL_RE.match(entry)
        if optional:
            required = False
            entry = entry[optional.end():]
    counts = {"originals": 1, "certified_copies": 0, "photocopies": 0}
    match = _COUNTS_RE.search(entry)
    if match:
        name = entry[: match.start()].strip()
        counts = {"originals": 0, "certified_copies": 0, "photocopies": 0}
        seen: set[str] = set()
        items = [item for item in re.split(r"[;,]", match.group(1)) if item.strip()]
        if not items:
            raise _doc_error(
                QT_TRANSLATE_NOOP("Messages", "Document \"{document}\": the brackets hold no counts."),
                document=entry,
            )
        for item in items:
            parsed = _COUNT_ITEM_RE.match(item)
            key = parsed.group(1).upper() if parsed else ""
            if not parsed or key not in _COUNT_KEYS:
                raise _doc_error(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "Document \"{document}\": \"{item}\" is not a count; write B:n, BS:n or BP:n.",
                    ),
                    document=entry, item=item.strip(),
                )
            if key in seen:
                raise _doc_error(
                    QT_TRANSLATE_NOOP("Messages", "Document \"{document}\": {key} is given twice."),
                    document=entry, key=key,
                )
            seen.add(key)
            value = int(parsed.group(2))
            if value > MAX_COUNT:
                raise _doc_error(
                    QT_TRANSLATE_NOOP(
                        "Messages", "Document \"{document}\": a count must be at most {max}."
                    ),
                    document=entry, max=MAX_COUNT,
                )
            counts[_COUNT_KEYS[key]] = value
        if not any(counts.values()):
            raise _doc_error(
                QT_TRANSLATE_NOOP(
                    "Messages", "Document \"{document}\": at least one count must be above zero."
                ),
                document=entry,
            )
    else:
        name = entry
        if "[" in name or "]" in name:
            raise _doc_error(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Document \"{document}\": unbalanced brackets; write counts as [B:n; BS:n; BP:n] at the end.",
                ),
                document=entry,
            )
    if not name:
        raise _doc_error(
            QT_TRANSLATE_NOOP("Messages", "A document entry has no name: \"{document}\"."),
            document=entry,
        )
    if len(name) > MAX_DOCUMENT_NAME:
        raise _doc_error(
            QT_TRANSLATE_NOOP(
                "Messages", "Document \"{document}\": the name is longer than {max} characters."
            ),
            document=name[:60] + "…", max=MAX_DOCUMENT_NAME,
        )
    return DocumentSpec(name=name, required=required, **counts)


def split_documents(cell: str) -> list[str]:
    lines = text.nfc(cell).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [part for line in lines for part in (p.strip() for p in line.split("|")) if text.clean(part)]


def parse_documents(cell: str) -> tuple[DocumentSpec, ...]:
    """All documents of a `documents` cell: one per line, or separated by " | "."""
    return tuple(parse_document(entry) for entry in split_documents(cell))


def format_document(spec: DocumentSpec) -> str:
    """The mini-syntax text of `spec` (what `parse_document` reads back to an equal spec)."""
    counts = [
        f"{key}:{getattr(spec, attr)}" for key, attr in _COUNT_KEYS.items() if getattr(spec, attr)
    ]
    prefix = "" if spec.required else "* "
    return f"{prefix}{spec.name} [{'; '.join(counts)}]" if counts else f"{prefix}{spec.name}"
