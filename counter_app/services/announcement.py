"""The display board's spoken call, "Mời số A1023 đến quầy 5", assembled from recorded segments.

No speech engine at run time: each word is a small WAV in `resources/voice/vi/` (made by
`scripts/make_voice.py`, replaceable by human recordings of the same names and format), and a
call is the chime plus those segments glued together with short pauses. No Qt here; the board's
player lives in `counter_app.ui.announcer`.

Reading choice: the ticket's letters are read by their Vietnamese names, then its number as one
cardinal number, without the zero padding ("A007" → "a bảy", "B1023" → "bê một nghìn không trăm
hai mươi ba"). That is how Vietnamese queue systems usually call a ticket, and it is what a waiting
person matches against the big digits on the board and on the ticket. Numbers are read in the
Northern standard: "linh" (not "lẻ") after "trăm", "nghìn" (not "ngàn"), "mốt"/"tư"/"lăm" after
"mươi", "mười lăm", "mười bốn".
"""

from __future__ import annotations

import io
import re
import wave
from collections.abc import Iterable, Sequence
from pathlib import Path

from counter_app.paths import resource_path

CHIME = "chime"

# Segment slug → what the recording says. `scripts/make_voice.py` generates exactly these.
PHRASE_TEXT: dict[str, str] = {"moi_so": "mời số", "den_quay": "đến quầy"}
NUMBER_TEXT: dict[str, str] = {
    "khong": "không", "mot": "một", "hai": "hai", "ba": "ba", "bon": "bốn", "nam": "năm",
    "sau": "sáu", "bay": "bảy", "tam": "tám", "chin": "chín",
    "muoi": "mười",        # ten: "mười", "mười lăm"
    "muoi_ngang": "mươi",  # the tens word: "hai mươi"
    "mot_sac": "mốt",      # one after "mươi": "hai mươi mốt"
    "tu": "tư",            # four after "mươi": "hai mươi tư"
    "lam": "lăm",          # five after "mười"/"mươi": "mười lăm", "hai mươi lăm"
    "linh": "linh", "tram": "trăm", "nghin": "nghìn",
}
LETTER_TEXT: dict[str, str] = {
    f"letter_{letter.lower()}": name
    for letter, name in zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        ["a", "bê", "xê", "dê", "e", "ép", "giê", "hát", "i", "gi", "ca", "e lờ", "em mờ", "en nờ",
         "o", "pê", "quy", "e rờ", "ét xì", "tê", "u", "vê", "vê kép", "ích xì", "i dài", "dét"],
        strict=True,
    )
}
SEGMENT_TEXT: dict[str, str] = {**PHRASE_TEXT, **NUMBER_TEXT, **LETTER_TEXT}
ALL_SEGMENTS: tuple[str, ...] = (CHIME, *SEGMENT_TEXT)

_WORD_SLUG = {text: slug for slug, text in NUMBER_TEXT.items()}
_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_TICKET = re.compile(r"(?P<letters>[A-Z]{1,4})(?P<digits>[0-9]{3,4})")
MAX_NUMBER = 9999
MAX_COUNTER = 999

# Pauses (ms) inserted between segments: after the chime, between phrase parts, inside a part.
CHIME_PAUSE_MS = 300
PART_PAUSE_MS = 160
WORD_PAUSE_MS = 40


def _tens_and_units(n: int) -> list[str]:
    """1..99 as spoken after a hundred or on its own (no "linh")."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return [_DIGITS[units]]
    words = ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if units == 0:
        return words
    if units == 5:
        return [*words, "lăm"]
    if tens >= 2 and units == 1:
        return [*words, "mốt"]
    if tens >= 2 and units == 4:
        return [*words, "tư"]
    return [*words, _DIGITS[units]]


def _below_thousand(n: int, *, full: bool) -> list[str]:
    """0..999; `full` reads the hundreds even when zero ("không trăm …"), as after "nghìn"."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0 and not full:
        return _tens_and_units(rest)
    words = [_DIGITS[hundreds], "trăm"]
    if rest == 0:
        return words
    if rest < 10:
        return [*words, "linh", _DIGITS[rest]]
    return [*words, *_tens_and_units(rest)]


def number_words(n: int) -> list[str]:
    """The Vietnamese reading of 0..9999 as words, e.g. 1005 → ["một", "nghìn", "không", "trăm", "linh", "năm"].

    Raises ValueError outside 0..9999 (ticket numbers restart every day and never get there).
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_NUMBER:
        raise ValueError(f"number out of range 0..{MAX_NUMBER}: {n!r}")
    if n == 0:
        return ["không"]
    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return _below_thousand(rest, full=False)
    words = [_DIGITS[thousands], "nghìn"]
    return words if rest == 0 else [*words, *_below_thousand(rest, full=True)]


def number_slugs(n: int) -> list[str]:
    """`number_words(n)` as segment slugs."""
    return [_WORD_SLUG[word] for word in number_words(n)]


def _parse(number: str, counter: int) -> tuple[str, str, int]:
    """(display ticket, letters, value) of a valid call; ValueError otherwise."""
    if not isinstance(number, str):
        raise ValueError(f"ticket number must be text: {number!r}")
    ticket = number.strip().upper()
    match = _TICKET.fullmatch(ticket)
    if match is None:
        raise ValueError(f"not a ticket number (1-4 letters A-Z and 3-4 digits, e.g. A007): {number!r}")
    if isinstance(counter, bool) or not isinstance(counter, int) or not 1 <= counter <= MAX_COUNTER:
        raise ValueError(f"counter out of range 1..{MAX_COUNTER}: {counter!r}")
    return ticket, match["letters"], int(match["digits"])


def phrase(number: str, counter: int) -> str:
    """The call as text, for the board and for logs: "Mời số A1023 đến quầy 5"."""
    ticket, _letters, _value = _parse(number, counter)
    return f"Mời số {ticket} đến quầy {counter}"


def segments(number: str, counter: int) -> list[str]:
    """The segment slugs of the spoken call, chime first; ValueError for a bad ticket or counter.

    "A1023", 5 → chime, moi_so, letter_a, mot, nghin, khong, tram, hai, muoi_ngang, ba, den_quay, nam.
    """
    _ticket, letters, value = _parse(number, counter)
    return [
        CHIME, "moi_so",
        *(f"letter_{letter.lower()}" for letter in letters),
        *number_slugs(value),
        "den_quay", *number_slugs(counter),
    ]


def _part(slug: str) -> str:
    if slug == CHIME:
        return "chime"
    if slug in PHRASE_TEXT:
        return slug
    return "letters" if slug.startswith("letter_") else "number"


def pause_ms(previous: str, following: str) -> int:
    """The silence between two consecutive segments: long after the chime, short inside a part."""
    if previous == CHIME:
        return CHIME_PAUSE_MS
    return WORD_PAUSE_MS if _part(previous) == _part(following) else PART_PAUSE_MS


def voice_dir(data_dir: Path | None = None) -> Path:
    """Where the segments are read from: `<data_dir>/voice/vi` when that folder exists (an IT admin's
    own recordings; it must hold the whole set, in one format), else the shipped `resources/voice/vi`."""
    if data_dir is not None:
        override = Path(data_dir) / "voice" / "vi"
        if override.is_dir():
            return override
    return resource_path("voice", "vi")


def build_wav(segment_slugs: Iterable[str], voice_dir: Path) -> bytes:
    """One in-memory WAV of the segments in order, with `pause_ms` of silence between them.

    Every segment must be `<voice_dir>/<slug>.wav` and all must share one format (channels,
    sample width, rate); a missing file raises FileNotFoundError naming it; a file that is not a PCM
    WAV, a format mismatch or an empty list raises ValueError. Pure function; safe from any thread.
    """
    slugs: Sequence[str] = list(segment_slugs)
    if not slugs:
        raise ValueError("no segments to build")
    shape, parts = None, []
    for slug in slugs:  # read everything first: a bad file must not leave a half-written WAV
        path = Path(voice_dir) / f"{slug}.wav"
        if not path.is_file():
            raise FileNotFoundError(f"voice segment {slug!r} is missing: {path}")
        try:
            with wave.open(str(path), "rb") as source:
                this = (source.getnchannels(), source.getsampwidth(), source.getframerate())
                parts.append(source.readframes(source.getnframes()))
        except (wave.Error, EOFError) as exc:
            raise ValueError(f"voice segment {path} is not a PCM WAV file: {exc}") from exc
        if shape is not None and this != shape:
            raise ValueError(f"voice segment {path} is {this} (channels, bytes, Hz); expected {shape}")
        shape = this
    channels, width, rate = shape
    silence = b"\x80" if width == 1 else b"\x00"  # 8-bit WAV samples are unsigned
    out = io.BytesIO()
    with wave.open(out, "wb") as target:
        target.setnchannels(channels)
        target.setsampwidth(width)
        target.setframerate(rate)
        for index, frames in enumerate(parts):
            if index:
                pause = rate * pause_ms(slugs[index - 1], slugs[index]) // 1000
                target.writeframes(silence * (pause * channels * width))
            target.writeframes(frames)
    return out.getvalue()


def wav_duration_ms(wav: bytes) -> int:
    """Playing time of an in-memory WAV, from its header (rounded up to a whole millisecond)."""
    with wave.open(io.BytesIO(wav), "rb") as reader:
        frames, rate = reader.getnframes(), reader.getframerate()
    return -(-frames * 1000 // rate)
