"""Text hygiene shared by every layer: NFC normalisation, clean-up and accent folding for search.

Guarantees: `clean()` returns NFC text with no control characters and collapsed inner spaces;
`fold()` maps Vietnamese text to plain lower-case ASCII-ish keys ("Đ"/"đ" -> "d") so that
"nguyen van an" matches "Nguyễn Văn Ấn".
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(text: str) -> str:
    """The NFC form of `text` (decomposed Vietnamese renders with misplaced marks)."""
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """NFC, without control or format characters (zero-width, BOM), trimmed, inner spaces collapsed."""
    if not text:
        return ""
    text = nfc(text)
    kept = "".join(
        ch if not unicodedata.category(ch).startswith("C") else " "
        for ch in text
    )
    return _SPACES.sub(" ", kept).strip()


def clean_multiline(text: str | None) -> str:
    """Like `clean()` but keeps line breaks (for notes and reasons); blank lines are dropped."""
    if not text:
        return ""
    lines = (clean(line) for line in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def fold(text: str | None) -> str:
    """Search key: lower case, no diacritics, 'đ' -> 'd', spaces collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text.translate(_D_MAP))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", text.lower()).strip()
