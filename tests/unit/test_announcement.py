"""The board's spoken call: Vietnamese number reading, segment lists, the shipped recordings, WAV assembly."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.paths import resource_path
from counter_app.services import announcement
from counter_app.services.announcement import (
    ALL_SEGMENTS,
    build_wav,
    number_slugs,
    number_words,
    pause_ms,
    phrase,
    segments,
    voice_dir,
    wav_duration_ms,
)

SHIPPED = resource_path("voice", "vi")


@pytest.mark.parametrize(("n", "reading"), [
    (0, "không"), (1, "một"), (4, "bốn"), (5, "năm"), (10, "mười"), (11, "mười một"), (14, "mười bốn"),
    (15, "mười lăm"), (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"),
    (55, "năm mươi lăm"), (99, "chín mươi chín"), (100, "một trăm"), (101, "một trăm linh một"),
    (104, "một trăm linh bốn"), (105, "một trăm linh năm"), (110, "một trăm mười"), (111, "một trăm mười một"),
    (115, "một trăm mười lăm"), (121, "một trăm hai mươi mốt"), (999, "chín trăm chín mươi chín"),
    (1000, "một nghìn"), (1005, "một nghìn không trăm linh năm"), (1010, "một nghìn không trăm mười"),
    (1023, "một nghìn không trăm hai mươi ba"), (1100, "một nghìn một trăm"), (2000, "hai nghìn"),
    (9999, "chín nghìn chín trăm chín mươi chín"),
])
def test_number_words_follow_vietnamese_reading_rules(n, reading):
    """mười/mươi, mốt, tư, lăm, linh and "không trăm" are used where Vietnamese puts them."""
    assert " ".join(number_words(n)) == reading


@pytest.mark.parametrize("bad", [-1, 10000, True, 1.0, "5"])
def test_number_words_rejects_out_of_range(bad):
    """Only integers 0..9999 are read."""
    with pytest.raises(ValueError):
        number_words(bad)


_UNITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
          "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def _parse_reading(words: list[str]) -> int:
    """An independent reader of Vietnamese cardinals, to check readings round-trip."""
    total = group = 0
    for word in words:
        if word == "nghìn":
            total, group = total + group * 1000, 0
        elif word == "trăm":
            group *= 100
        elif word == "mười":
            group += 10
        elif word == "mươi":
            group = group - group % 100 + group % 100 * 10
        elif word != "linh":
            group += _UNITS[word]
    return total + group


@given(st.integers(min_value=0, max_value=9999))
def test_every_number_reads_back_to_itself_with_known_segments(n):
    """Every reading names its own number and uses only segments that exist as shipped files."""
    assert _parse_reading(number_words(n)) == n
    for slug in number_slugs(n):
        assert slug in ALL_SEGMENTS
        assert (SHIPPED / f"{slug}.wav").is_file(), slug


@given(st.integers(min_value=0, max_value=9999))
def test_special_forms_appear_only_in_their_places(n):
    """"mốt"/"tư" only after "mươi", "lăm" only after mười/mươi, "linh" only after "trăm"."""
    words = number_words(n)
    for before, word in zip(["^", *words], words):
        if word in ("mốt", "tư"):
            assert before == "mươi"
        if word == "lăm":
            assert before in ("mười", "mươi")
        if word == "linh":
            assert before == "trăm"


def test_every_segment_is_shipped_in_one_format_with_real_sound():
    """Each slug has a 22050 Hz mono 16-bit WAV of audible, non-trivial length; the folder stays small."""
    total = 0
    for slug in ALL_SEGMENTS:
        path = SHIPPED / f"{slug}.wav"
        total += path.stat().st_size
        with wave.open(str(path), "rb") as reader:
            assert (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) == (1, 2, 22050), slug
            frames = reader.readframes(reader.getnframes())
            assert reader.getnframes() / 22050 >= 0.1, slug
        samples = memoryview(frames).cast("h")
        assert max(abs(s) for s in samples) > 0.2 * 32768, slug
    assert total < 1_500_000
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    assert all(f"`{slug}.wav`" in readme for slug in ALL_SEGMENTS)


def test_phrase_and_segments_of_a_call():
    """The displayed text and the spoken segments of "A1023 to counter 5"."""
    assert phrase("A1023", 5) == "Mời số A1023 đến quầy 5"
    assert segments("A1023", 5) == ["chime", "moi_so", "letter_a", "mot", "nghin", "khong", "tram", "hai",
                                    "muoi_ngang", "ba", "den_quay", "nam"]


def test_zero_padded_ticket_is_read_as_a_number_after_its_letters():
    """"AB007" at counter 12 → "a bê bảy … mười hai" (the padding is not read)."""
    assert phrase(" ab007 ", 12) == "Mời số AB007 đến quầy 12"
    assert segments("AB007", 12) == ["chime", "moi_so", "letter_a", "letter_b", "bay", "den_quay", "muoi", "hai"]


@pytest.mark.parametrize(("number", "counter"), [
    ("", 1), ("A", 1), ("1023", 1), ("A12", 1), ("A12345", 1), ("ABCDE001", 1), ("Á001", 1), ("A-001", 1),
    (None, 1), (1023, 1), ("A001", 0), ("A001", 1000), ("A001", True), ("A001", "5"),
])
def test_bad_calls_are_rejected(number, counter):
    """Malformed tickets and counters outside 1..999 raise ValueError, for text and segments alike."""
    with pytest.raises(ValueError):
        segments(number, counter)
    with pytest.raises(ValueError):
        phrase(number, counter)


def _duration_s(path: Path) -> float:
    with wave.open(str(path), "rb") as reader:
        return reader.getnframes() / reader.getframerate()


def test_build_wav_is_the_parts_plus_the_pauses():
    """The call is a valid WAV in the segments' format, as long as its parts and pauses together."""
    slugs = segments("B1023", 12)
    wav = build_wav(slugs, SHIPPED)
    with wave.open(io.BytesIO(wav), "rb") as reader:
        assert (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) == (1, 2, 22050)
        frames = reader.getnframes()
    expected = sum(_duration_s(SHIPPED / f"{slug}.wav") for slug in slugs)
    expected += sum(pause_ms(a, b) for a, b in zip(slugs, slugs[1:])) / 1000
    assert frames / 22050 == pytest.approx(expected, abs=0.002 * len(slugs))
    assert wav_duration_ms(wav) == pytest.approx(expected * 1000, abs=2 * len(slugs))


def test_pauses_separate_parts_more_than_words():
    """Longest after the chime, then between phrase parts, shortest between words of one number."""
    assert pause_ms("chime", "moi_so") > pause_ms("moi_so", "letter_a") > pause_ms("mot", "nghin") > 0
    assert pause_ms("letter_a", "mot") == pause_ms("moi_so", "letter_a")


def test_missing_segment_is_named(tmp_path):
    """A missing recording raises FileNotFoundError naming the segment."""
    (tmp_path / "chime.wav").write_bytes((SHIPPED / "chime.wav").read_bytes())
    with pytest.raises(FileNotFoundError, match="moi_so"):
        build_wav(["chime", "moi_so"], tmp_path)
    with pytest.raises(FileNotFoundError, match="den_quay"):
        build_wav(["den_quay", "chime"], tmp_path)


def test_mismatched_or_broken_segment_is_a_value_error(tmp_path):
    """Recordings in another format, or not WAV at all, are refused with the file named."""
    (tmp_path / "chime.wav").write_bytes((SHIPPED / "chime.wav").read_bytes())
    with wave.open(str(tmp_path / "mot.wav"), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(44100)
        writer.writeframes(b"\x00\x00" * 100)
    (tmp_path / "hai.wav").write_bytes(b"not a wav")
    with pytest.raises(ValueError, match="mot.wav"):
        build_wav(["chime", "mot"], tmp_path)
    with pytest.raises(ValueError, match="hai.wav"):
        build_wav(["chime", "hai"], tmp_path)
    with pytest.raises(ValueError):
        build_wav([], tmp_path)


def test_voice_dir_prefers_the_data_folder_override(tmp_path):
    """`<data_dir>/voice/vi` wins when it exists; otherwise the shipped recordings are used."""
    assert voice_dir(None) == SHIPPED
    assert voice_dir(tmp_path) == SHIPPED
    override = tmp_path / "voice" / "vi"
    override.mkdir(parents=True)
    assert voice_dir(tmp_path) == override
    assert announcement.voice_dir() == SHIPPED
