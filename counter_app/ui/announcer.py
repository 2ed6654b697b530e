"""The display board's voice: queue calls as chime + Vietnamese speech, one after another.

The WAV of each call is assembled from recorded segments by `counter_app.services.announcement`
(about 2 ms, so it is done on the GUI thread) and played by a small injectable `Player`; the
default `QtPlayer` uses QtMultimedia and stays silent, with one warning, on a machine without a
sound device.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, QUrl, Signal

from counter_app.services import announcement

log = logging.getLogger(__name__)

END_MARGIN_MS = 300      # after a WAV's own duration, before the next call may start
LATE_WAIT_MS = 2000      # at most this much longer while the player says it is still playing
POLL_MS = 50
SILENT_MS = 3000         # a call whose WAV cannot be built still takes its turn, silently


class Player(Protocol):
    """Plays one WAV at a time. `play` must return at once (no blocking); a new `play` or `stop`
    may end the sound. A player may also offer `is_playing() -> bool`; when it does, the announcer
    waits (up to LATE_WAIT_MS past the WAV's duration) for it to turn False, so a late start on a
    slow audio device is not cut off."""

    def play(self, wav: bytes, duration_ms: int) -> None: ...

    def stop(self) -> None: ...


class QtPlayer(QObject):
    """Plays WAV bytes through QMediaPlayer + QAudioOutput from an in-memory QBuffer.

    Without an audio output device, or after a playback error, it plays nothing and logs one
    warning (the board just stays silent); it never raises. GUI thread only.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._player = None
        self._output = None
        self._buffer: QBuffer | None = None
        self._warned = False

    def _warn_once(self, message: str, *args) -> None:
        if not self._warned:
            self._warned = True
            log.warning(message, *args)

    def _ensure_player(self) -> bool:
        try:
            from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
        except ImportError as exc:  # a build without QtMultimedia
            self._warn_once("Announcements are silent: QtMultimedia is unavailable (%s)", exc)
            return False
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            self._warn_once("Announcements are silent: no audio output device")
            return False
        if self._player is None:
            self._output = QAudioOutput(device, self)
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(self._output)
            self._player.errorOccurred.connect(self._on_player_error)
        else:
            self._output.setDevice(device)  # follow a speaker plugged in or out since last time
        return True

    def play(self, wav: bytes, duration_ms: int) -> None:
        self.stop()
        if not self._ensure_player():
            return
        buffer = QBuffer(self)
        buffer.setData(QByteArray(wav))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._player.setSourceDevice(buffer, QUrl("announcement.wav"))
        old, self._buffer = self._buffer, buffer
        if old is not None:
            old.deleteLater()
        self._player.play()

    def is_playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return (self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
                and self._player.mediaStatus() != QMediaPlayer.MediaStatus.EndOfMedia)

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def _on_player_error(self, _error, message: str) -> None:
        self._warn_once("Announcement playback failed: %s", message)
        self.stop()


@dataclass(frozen=True)
class _Call:
    number: str
    counter: int
    text: str
    wav: bytes | None
    duration_ms: int


class Announcer(QObject):
    """Speaks queue calls in the order `announce` was called, one at a time.

    Guarantees: an announcement is never cut off by the next one — the next starts only after the
    current WAV's duration + END_MARGIN_MS (and, when the player reports it is still playing, up to
    LATE_WAIT_MS more); progression runs on a QTimer, so it does not depend on the audio device
    ever reporting the end. A call equal (same ticket and counter) to one still waiting is not
    queued twice. A call whose segments are missing still takes its turn, silently (`started` and
    `finished` fire as usual), with the error logged. `announce` raises ValueError for a malformed
    ticket or counter. GUI thread only.
    """

    started = Signal(str)
    finished = Signal(str)

    def __init__(self, parent: QObject | None = None, *, voice_dir: Path | None = None,
                 player: Player | None = None):
        super().__init__(parent)
        self._voice_dir = voice_dir if voice_dir is not None else announcement.voice_dir()
        self._player = player if player is not None else QtPlayer(self)
        self._waiting: deque[_Call] = deque()
        self._current: _Call | None = None
        self._late_ms = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5% early: a cut-off
        self._timer.timeout.connect(self._on_timer_timeout)

    def announce(self, number: str, counter: int) -> None:
        """Queue the call "Mời số <number> đến quầy <counter>"; returns at once."""
        slugs = announcement.segments(number, counter)  # ValueError for bad input, before anything else
        text = announcement.phrase(number, counter)
        if any(call.text == text for call in self._waiting):
            return
        try:
            wav = announcement.build_wav(slugs, self._voice_dir)
            duration = announcement.wav_duration_ms(wav)
        except (OSError, ValueError) as exc:  # missing, unreadable or mismatched segment files
            log.error("Announcement %r will be silent: %s", text, exc)
            wav, duration = None, SILENT_MS
        self._waiting.append(_Call(number, counter, text, wav, duration))
        self._start_next()

    def pending(self) -> int:
        """Calls not yet finished, the one playing included."""
        return len(self._waiting) + (self._current is not None)

    def clear(self) -> None:
        """Drop the waiting calls (the one playing finishes normally)."""
        self._waiting.clear()

    def _start_next(self) -> None:
        if self._current is not None or not self._waiting:
            return
        call = self._current = self._waiting.popleft()
        self._late_ms = 0
        self.started.emit(call.text)
        if call.wav is not None:
            try:
                self._player.play(call.wav, call.duration_ms)
            except Exception:  # the board must keep calling even if the sound system breaks
                log.exception("Announcement player failed on %r", call.text)
        self._timer.start(call.duration_ms + END_MARGIN_MS)

    def _still_playing(self) -> bool:
        is_playing = getattr(self._player, "is_playing", None)
        try:
            return bool(is_playing and is_playing())
        except Exception:
            return False

    def _on_timer_timeout(self) -> None:
        call = self._current
        if call is None:
            return
        if call.wav is not None and self._late_ms < LATE_WAIT_MS and self._still_playing():
            self._late_ms += POLL_MS
            self._timer.start(POLL_MS)
            return
        if self._late_ms >= LATE_WAIT_MS:
            try:
                self._player.stop()  # stuck: far past its length, not a real announcement any more
            except Exception:
                log.exception("Announcement player failed to stop")
        self._current = None
        self.finished.emit(call.text)
        self._start_next()
