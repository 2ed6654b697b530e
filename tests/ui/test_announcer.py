"""The board's announcer: calls play in order, one at a time, never cut off, without a sound device too."""

from __future__ import annotations

import logging
import time
import wave
from pathlib import Path

import pytest

from counter_app.services import announcement
from counter_app.ui import announcer as announcer_module
from counter_app.ui.announcer import Announcer

RATE = 22050


@pytest.fixture
def short_voice(tmp_path, monkeypatch) -> Path:
    """Every segment as 20 ms of tone, and short pauses, so a call lasts a few hundred ms."""
    folder = tmp_path / "voice"
    folder.mkdir()
    tone = b"".join((8000 if i % 20 < 10 else -8000).to_bytes(2, "little", signed=True) for i in range(RATE // 50))
    for slug in announcement.ALL_SEGMENTS:
        with wave.open(str(folder / f"{slug}.wav"), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(RATE)
            writer.writeframes(tone)
    monkeypatch.setattr(announcement, "CHIME_PAUSE_MS", 30)
    monkeypatch.setattr(announcement, "PART_PAUSE_MS", 20)
    monkeypatch.setattr(announcement, "WORD_PAUSE_MS", 5)
    monkeypatch.setattr(announcer_module, "END_MARGIN_MS", 40)
    return folder


class RecordingPlayer:
    """Records every play with its start time; optionally claims to play `late_ms` past the WAV."""

    def __init__(self, late_ms: int | None = 0):
        self.plays: list[tuple[float, int]] = []
        self.stops = 0
        self.late_ms = late_ms  # None: stuck, says it plays forever

    def play(self, wav: bytes, duration_ms: int) -> None:
        assert announcement.wav_duration_ms(wav) == duration_ms
        self.plays.append((time.monotonic(), duration_ms))

    def stop(self) -> None:
        self.stops += 1

    def is_playing(self) -> bool:
        if not self.plays:
            return False
        if self.late_ms is None:
            return True
        started, duration = self.plays[-1]
        return time.monotonic() < started + (duration + self.late_ms) / 1000


def _record(announcer: Announcer) -> list[tuple[str, str, float]]:
    events: list[tuple[str, str, float]] = []
    announcer.started.connect(lambda text: events.append(("started", text, time.monotonic())))
    announcer.finished.connect(lambda text: events.append(("finished", text, time.monotonic())))
    return events


def _wait_idle(qtbot, announcer: Announcer, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: announcer.pending() == 0, timeout=timeout)


def test_quick_calls_play_in_order_one_at_a_time_never_cut_off(qtbot, short_voice):
    """Three calls made at once play in call order; each starts only after the previous one's full length."""
    player = RecordingPlayer()
    announcer = Announcer(voice_dir=short_voice, player=player)
    events = _record(announcer)
    announcer.announce("A001", 1)
    announcer.announce("B1023", 12)
    announcer.announce("C015", 3)
    assert announcer.pending() == 3
    assert len(player.plays) == 1  # only the first is playing
    _wait_idle(qtbot, announcer)
    texts = ["Mời số A001 đến quầy 1", "Mời số B1023 đến quầy 12", "Mời số C015 đến quầy 3"]
    assert [(kind, text) for kind, text, _ in events] == [
        (kind, text) for text in texts for kind in ("started", "finished")]
    assert len(player.plays) == 3
    for (start, duration), (next_start, _) in zip(player.plays, player.plays[1:]):
        assert next_start - start >= duration / 1000  # the next never starts before this one ends


def test_duplicate_waiting_call_is_not_queued_twice(qtbot, short_voice):
    """Pressing "call" twice for a ticket still waiting queues it once; a call already playing may be repeated."""
    player = RecordingPlayer()
    announcer = Announcer(voice_dir=short_voice, player=player)
    events = _record(announcer)
    announcer.announce("A001", 1)   # plays at once
    announcer.announce("A002", 2)
    announcer.announce("a002", 2)   # same call, still waiting: dropped
    announcer.announce("A002", 3)   # another counter: a different call
    announcer.announce("A001", 1)   # the playing one, called again (a recall): queued
    assert announcer.pending() == 4
    _wait_idle(qtbot, announcer)
    assert [text for kind, text, _ in events if kind == "started"] == [
        "Mời số A001 đến quầy 1", "Mời số A002 đến quầy 2", "Mời số A002 đến quầy 3", "Mời số A001 đến quầy 1"]


def test_a_player_still_playing_is_waited_for(qtbot, short_voice):
    """When the device starts late and still plays past the WAV's length, the next call waits for it."""
    player = RecordingPlayer(late_ms=250)
    announcer = Announcer(voice_dir=short_voice, player=player)
    announcer.announce("A001", 1)
    announcer.announce("A002", 1)
    _wait_idle(qtbot, announcer)
    (first, duration), (second, _) = player.plays
    assert second - first >= (duration + 250) / 1000
    assert player.stops == 0


def test_a_stuck_player_does_not_stop_the_queue(qtbot, short_voice, monkeypatch):
    """A player that never reports the end is stopped after a bounded wait and the queue goes on."""
    monkeypatch.setattr(announcer_module, "LATE_WAIT_MS", 200)
    player = RecordingPlayer(late_ms=None)
    announcer = Announcer(voice_dir=short_voice, player=player)
    announcer.announce("A001", 1)
    announcer.announce("A002", 1)
    _wait_idle(qtbot, announcer)
    assert len(player.plays) == 2
    assert player.stops == 2


def test_a_failing_player_or_missing_recordings_keep_the_turns(qtbot, short_voice, tmp_path, monkeypatch, caplog):
    """A player that raises, or a voice folder without the files, still gives each call its turn, silently."""
    monkeypatch.setattr(announcer_module, "SILENT_MS", 50)

    class BrokenPlayer:
        def play(self, wav, duration_ms):
            raise RuntimeError("sound system gone")

        def stop(self):
            pass

    broken = Announcer(voice_dir=short_voice, player=BrokenPlayer())
    events = _record(broken)
    broken.announce("A001", 1)
    broken.announce("A002", 1)
    _wait_idle(qtbot, broken)
    assert [kind for kind, _, _ in events] == ["started", "finished", "started", "finished"]

    player = RecordingPlayer()
    silent = Announcer(voice_dir=tmp_path / "nothing-here", player=player)
    events = _record(silent)
    with caplog.at_level(logging.ERROR, logger="counter_app.ui.announcer"):
        silent.announce("A001", 1)
    _wait_idle(qtbot, silent)
    assert [kind for kind, _, _ in events] == ["started", "finished"]
    assert player.plays == []
    assert "chime" in caplog.text


def test_bad_call_is_refused_and_nothing_queued(qtbot, short_voice):
    """A malformed ticket raises ValueError and leaves the queue as it was."""
    announcer = Announcer(voice_dir=short_voice, player=RecordingPlayer())
    with pytest.raises(ValueError):
        announcer.announce("A1", 1)
    with pytest.raises(ValueError):
        announcer.announce("A001", 0)
    assert announcer.pending() == 0


def test_default_qt_player_without_sound_device_advances_by_timer(qtbot, short_voice, caplog):
    """The real QtMultimedia player on a machine with no audio device neither hangs nor blocks the queue."""
    from PySide6.QtMultimedia import QMediaDevices

    announcer = Announcer(voice_dir=short_voice)
    events = _record(announcer)
    began = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="counter_app.ui.announcer"):
        announcer.announce("A001", 1)
        announcer.announce("B002", 2)
        _wait_idle(qtbot, announcer)
    assert [kind for kind, _, _ in events] == ["started", "finished", "started", "finished"]
    assert time.monotonic() - began < 5
    if QMediaDevices.defaultAudioOutput().isNull():
        assert caplog.text.count("Announcements are silent") == 1  # warned once, not per call


def test_real_recordings_make_a_call_of_a_few_seconds(qtbot):
    """With the shipped voice a call takes a few seconds, and building it takes milliseconds."""
    player = RecordingPlayer()
    announcer = Announcer(player=player)
    began = time.perf_counter()
    announcer.announce("AB1023", 12)
    assert time.perf_counter() - began < 0.2
    (_, duration), = player.plays
    assert 3000 < duration < 12000
    announcer.clear()
