"""The hall's display board on the real demo database: it refreshes by itself, announces each new
call once, survives a lost database, scales to the screen, and is saved as a screenshot."""

from __future__ import annotations

import shutil
import wave
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import QApplication
from ui_helpers import child, make_active, press

from counter_app.services import announcement
from counter_app.services.db import Database
from counter_app.services.queue import QueueService
from counter_app.ui import display_board
from counter_app.ui.announcer import Announcer
from counter_app.ui.call_tracker import AFTER_OUTAGE_MAX, CallTracker
from counter_app.ui.display_board import DisplayBoard, build_display
from counter_app.ui.task_runner import SyncTaskRunner, ThreadTaskRunner

REPO = Path(__file__).resolve().parents[2]
ARTIFACT = REPO / "test-artifacts" / "display-board.png"
UNREACHABLE = "postgresql+psycopg://x@127.0.0.1:1/none?connect_timeout=1"
FAST = 50  # ms between reads in tests that drive the inline runner through the event loop


class RecordingAnnouncer:
    """Stands in for the loudspeaker: records what would have been said."""

    def __init__(self):
        self.calls: list[tuple[str, int]] = []

    def announce(self, number: str, counter: int) -> None:
        self.calls.append((number, counter))


def headline(board) -> str:
    return child(board, "display.headline").text()


def text(board, name: str) -> str:
    return child(board, name).text()


def call(ctx, clock, counter: int, group: str, officer=None, seconds: int = 20):
    """Issue one ticket of `group` and call it to `counter`, a little later on the clock."""
    clock.now += timedelta(seconds=seconds)
    ctx.queue.issue(group)
    return ctx.queue.call_next(counter, officer, [group])


@pytest.fixture
def speaker():
    return RecordingAnnouncer()


@pytest.fixture
def board(qtbot, ctx, speaker):
    """A board with the inline runner, reading every 50 ms by its own timer."""
    widget = DisplayBoard(ctx.queue, SyncTaskRunner(), speaker, interval_ms=FAST)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    yield widget
    widget.stop()


def test_a_call_appears_and_is_announced_once_by_itself(qtbot, ctx, clock, officer, speaker):
    """With the real thread runner, a call made elsewhere reaches the headline, the current calls and
    the last calls within a second with no user action, and is announced exactly once."""
    holder = QObject()
    runner = ThreadTaskRunner(holder)
    board = DisplayBoard(ctx.queue, runner, speaker)
    qtbot.addWidget(board)
    board.show()
    try:
        qtbot.waitUntil(lambda: text(board, "display.waiting.A.count") == "0", timeout=1500)
        assert headline(board) == "Please wait to be called"
        ticket = call(ctx, clock, 5, "A", officer)
        assert ticket.display == "A001"
        qtbot.waitUntil(lambda: "A001" in headline(board), timeout=1500)
        assert headline(board) == "Number A001 to counter 5"
        assert (text(board, "display.current.1.number"), text(board, "display.current.1.counter")) == ("A001", "5")
        assert (text(board, "display.last.1.number"), text(board, "display.last.1.counter"),
                text(board, "display.last.1.time")) == ("A001", "5", "09:30")
        qtbot.waitUntil(lambda: speaker.calls == [("A001", 5)], timeout=1500)
        qtbot.wait(1200)  # two more reads: the same call is not said again
        assert speaker.calls == [("A001", 5)]
        assert board.is_flashing() or board._flash_timer.isActive()
    finally:
        board.stop()
        runner.wait_idle()
        QApplication.processEvents()  # deliver the last read before the board goes


def test_history_is_not_announced_and_a_recall_is(qtbot, ctx, clock, officer, speaker):
    """Calls made before the board started are shown, not said; a recall of the same ticket (even in
    the same second) is said again, and a ticket taken into service leaves the current calls."""
    first = call(ctx, clock, 5, "A", officer)
    call(ctx, clock, 2, "B", officer)
    board = DisplayBoard(ctx.queue, SyncTaskRunner(), speaker, interval_ms=FAST)
    qtbot.addWidget(board)
    assert headline(board) == "Number B001 to counter 2"
    assert text(board, "display.current.2.number") == "A001"
    assert speaker.calls == []

    ctx.queue.recall(first.id, 5, officer)  # the clock has not moved: same time as the call
    qtbot.waitUntil(lambda: speaker.calls == [("A001", 5)], timeout=1500)
    assert headline(board) == "Number A001 to counter 5"
    assert text(board, "display.current.1.number") == "A001"  # recalled: the newest current call
    clock.now += timedelta(minutes=1)
    ctx.queue.recall(first.id, 5, officer)
    qtbot.waitUntil(lambda: len(speaker.calls) == 2, timeout=1500)

    ctx.queue.start(first.id, 5, officer)
    qtbot.waitUntil(lambda: text(board, "display.current.1.number") == "B001", timeout=1500)
    assert text(board, "display.current.2.number") == ""
    assert text(board, "display.last.1.number") == "A001"  # still among the last calls
    board.stop()


def test_waiting_counts_per_group_update_by_themselves(qtbot, ctx, clock, board):
    """Each active group has a tile with its name and waiting count; issuing and calling move them."""
    assert text(board, "display.waiting.A.name") == "A · Tư pháp"
    assert text(board, "display.waiting.B.name") == "B · Đầu tư, Doanh nghiệp"
    assert text(board, "display.waiting.B.count") == "0"
    for _ in range(3):
        ctx.queue.issue("B")
    qtbot.waitUntil(lambda: text(board, "display.waiting.B.count") == "3", timeout=1500)
    ctx.queue.call_next(4, None, ["B"])
    qtbot.waitUntil(lambda: text(board, "display.waiting.B.count") == "2", timeout=1500)
    assert text(board, "display.waiting.A.count") == "0"


def test_a_lost_database_shows_the_banner_keeps_the_data_and_recovers(qtbot, ctx, clock, speaker):
    """While the (central) database is unreachable the board shows the banner over its last data,
    dimmed; when it is back the banner goes, the data is fresh, and of the calls made meanwhile only
    the newest few still waiting are announced — no flood of stale calls."""
    queue = QueueService(ctx.queue.db, clock)
    board = DisplayBoard(queue, SyncTaskRunner(), speaker, interval_ms=FAST)
    qtbot.addWidget(board)
    board.show()
    banner = child(board, "connection_banner")
    first = call(ctx, clock, 1, "A")
    qtbot.waitUntil(lambda: speaker.calls == [("A001", 1)], timeout=1500)
    assert not banner.isVisible()

    lost = Database(UNREACHABLE)
    try:
        queue.db = lost
        qtbot.waitUntil(banner.isVisible, timeout=3000)
        assert board.content.graphicsEffect().isEnabled()  # dimmed
        assert headline(board) == "Number A001 to counter 1"  # the last data stays
        ctx.queue.start(first.id, 1, None)
        served = call(ctx, clock, 2, "C")  # called and taken into service during the outage
        ctx.queue.start(served.id, 2, None)
        meanwhile = [call(ctx, clock, counter, "D") for counter in (3, 4, 5, 6)]
        qtbot.wait(3 * FAST)
        assert speaker.calls == [("A001", 1)]
    finally:
        queue.db = ctx.queue.db
        lost.dispose()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=3000)
    assert not board.content.graphicsEffect().isEnabled()
    assert headline(board) == "Number D004 to counter 6"
    assert text(board, "display.current.1.number") == "D004"
    newest = [(ticket.display, ticket.counter_number) for ticket in meanwhile[-AFTER_OUTAGE_MAX:]]
    assert speaker.calls == [("A001", 1), *newest]
    call(ctx, clock, 7, "E")
    qtbot.waitUntil(lambda: speaker.calls[-1] == ("E001", 7), timeout=1500)
    board.stop()


def test_a_board_started_without_its_database_recovers_silently(qtbot, ctx, clock, speaker):
    """A board switched on while the database is down shows the banner; once it is up it shows the
    day's calls without reading them out (they are history to it)."""
    call(ctx, clock, 3, "A")
    lost = Database(UNREACHABLE)
    queue = QueueService(lost, clock)
    board = DisplayBoard(queue, SyncTaskRunner(), speaker, interval_ms=FAST)
    qtbot.addWidget(board)
    board.show()
    assert child(board, "connection_banner").isVisible()
    queue.db = ctx.queue.db
    lost.dispose()
    qtbot.waitUntil(lambda: headline(board) == "Number A001 to counter 3", timeout=3000)
    assert not child(board, "connection_banner").isVisible()
    assert speaker.calls == []
    board.stop()


def test_a_failing_announcer_never_stops_the_board(qtbot, ctx, clock):
    """A voice fault (bad segment, no audio device) is logged; the board keeps showing calls."""

    class Broken:
        def announce(self, number, counter):
            raise RuntimeError("no audio device")

    board = DisplayBoard(ctx.queue, SyncTaskRunner(), Broken(), interval_ms=FAST)
    qtbot.addWidget(board)
    call(ctx, clock, 1, "A")
    qtbot.waitUntil(lambda: headline(board) == "Number A001 to counter 1", timeout=1500)
    call(ctx, clock, 2, "B")
    qtbot.waitUntil(lambda: headline(board) == "Number B001 to counter 2", timeout=1500)
    board.stop()


def test_the_newest_call_flashes_for_a_few_seconds(qtbot, ctx, clock, speaker, monkeypatch):
    """A new call highlights the headline, which ends plain once the flash time is over."""
    monkeypatch.setattr(display_board, "FLASH_MS", 1000)
    board = DisplayBoard(ctx.queue, SyncTaskRunner(), speaker, interval_ms=FAST)
    qtbot.addWidget(board)
    assert not board.is_flashing()
    call(ctx, clock, 1, "A")
    qtbot.waitUntil(board.is_flashing, timeout=1500)
    qtbot.waitUntil(lambda: not board._flash_timer.isActive(), timeout=3000)
    assert not board.is_flashing()
    board.stop()


def test_clock_shows_time_and_vietnamese_date(board):
    """The clock reads the centre's clock: HH:MM and the date as dd/mm/yyyy."""
    assert text(board, "display.time") == "09:30"
    assert text(board, "display.date") == "26/11/2026"


def test_fonts_follow_the_screen_and_a_long_call_fits(qtbot, ctx, clock, board):
    """At 1366x768 every font is smaller than at 1920x1080 (the window keeps the size it is given),
    and the headline of a long call fits on one line at both sizes."""
    for counter in range(1, 13):
        call(ctx, clock, counter, "D")
    qtbot.waitUntil(lambda: headline(board) == "Number D012 to counter 12", timeout=1500)
    sizes = {}
    for width, height in ((1920, 1080), (1366, 768)):
        board.resize(width, height)
        QApplication.processEvents()
        assert (board.width(), board.height()) == (width, height)
        label = child(board, "display.headline")
        assert QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.contentsRect().width()
        sizes[width] = {name: child(board, name).font().pixelSize()
                        for name in ("display.headline", "display.current.1.number", "display.last.1.number",
                                     "display.waiting.A.count", "display.time")}
    assert all(sizes[1366][name] < sizes[1920][name] for name in sizes[1920])
    assert sizes[1920]["display.current.1.number"] >= 80  # readable across a hall


def test_keys_toggle_full_screen_and_quit_but_esc_does_nothing(qtbot, board):
    """F11 toggles full screen, Esc leaves the board as it is, Ctrl+Q closes it."""
    make_active(qtbot, board)
    press(board, Qt.Key_F11)
    qtbot.waitUntil(board.isFullScreen, timeout=1000)
    press(board, Qt.Key_F11)
    qtbot.waitUntil(lambda: not board.isFullScreen(), timeout=1000)
    press(board, Qt.Key_Escape)
    assert board.isVisible()
    press(board, Qt.Key_Q, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not board.isVisible(), timeout=1000)
    assert not board._poll._timer.isActive()  # a closed board stops reading


def test_the_mouse_cursor_hides_when_idle(qtbot, ctx, speaker, monkeypatch):
    """After a few idle seconds the cursor is hidden; moving the mouse brings it back."""
    monkeypatch.setattr(display_board, "CURSOR_IDLE_MS", 50)
    board = DisplayBoard(ctx.queue, SyncTaskRunner(), speaker, interval_ms=FAST)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.cursor().shape() == Qt.BlankCursor, timeout=1000)
    move = QMouseEvent(QMouseEvent.MouseMove, QPointF(10, 10), QPointF(10, 10), Qt.NoButton, Qt.NoButton,
                       Qt.NoModifier)
    QApplication.sendEvent(board, move)
    assert board.cursor().shape() != Qt.BlankCursor
    board.stop()


def test_call_tracker_rules():
    """Pure rules: the first read primes; a same-key repeat counts; after an outage at most
    AFTER_OUTAGE_MAX calls newer than the last seen and still waiting are announced, oldest first."""
    at = datetime(2026, 11, 26, 9, 0)

    def event(number, counter, minute):
        return {"number": number, "counter": counter, "at": at + timedelta(minutes=minute)}

    tracker = CallTracker()
    history = [event("A001", 1, 0)]
    assert tracker.new_calls(history) == []
    assert tracker.new_calls(history) == []
    recall = [event("A001", 1, 0), *history]  # recalled in the same second
    assert tracker.new_calls(recall) == [("A001", 1, at)]
    assert tracker.new_calls(recall) == []

    tracker.connection_lost()
    during = [event(f"B00{n}", n, n) for n in range(1, 7)]
    last = list(reversed(during)) + recall
    still_called = [{"number": e["number"], "counter": e["counter"]} for e in during if e["number"] != "B006"]
    assert [c[0] for c in tracker.new_calls(last, still_called)] == ["B003", "B004", "B005"]
    assert [c[0] for c in tracker.new_calls([event("C001", 9, 10), *last])] == ["C001"]


def test_screenshot_with_a_few_calls(qtbot, ctx, clock, officer, board):
    """The board at 1920x1080 with a few calls, saved to test-artifacts/display-board.png (not blank)."""
    tickets = {}
    for group, counter in (("A", 5), ("B", 2), ("C", 7), ("A", 12), ("D", 3)):
        tickets[counter] = call(ctx, clock, counter, group, officer, seconds=90)
    ctx.queue.start(tickets[7].id, 7, officer)
    for group in "AABBBCDDE":
        ctx.queue.issue(group)
    qtbot.waitUntil(lambda: text(board, "display.waiting.B.count") == "3", timeout=1500)
    board.resize(1920, 1080)
    QApplication.processEvents()
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    assert board.grab().save(str(ARTIFACT))
    with Image.open(ARTIFACT) as image:
        assert image.size == (1920, 1080)
        colours = image.convert("RGB").getcolors(1 << 20) or ()
        assert len(colours) > 50
        amber = sum(n for n, (r, g, b) in colours if r > 200 and g > 180 and b < 120)
        assert amber > 5000  # the headline's yellow type is there


class RecordingPlayer:
    """Stands in for the sound device under the real Announcer: keeps every WAV it was given."""

    def __init__(self):
        self.played: list[bytes] = []

    def play(self, wav: bytes, duration_ms: int) -> None:
        self.played.append(wav)

    def stop(self) -> None:
        pass


def test_the_real_announcer_says_the_call_with_the_data_folder_voice(qtbot, ctx, clock):
    """`build_display` wires the real Announcer to the voice in `<data folder>/voice/vi`: a new call
    reaches the player as "Mời số A001 đến quầy 5" built from those recordings."""
    own = ctx.data_dir / "voice" / "vi"
    shutil.copytree(announcement.voice_dir(None), own)
    with wave.open(str(own / "chime.wav"), "wb") as chime:  # the admin's own, shorter chime
        chime.setnchannels(1)
        chime.setsampwidth(2)
        chime.setframerate(22050)
        chime.writeframes(b"\x00\x00" * 2205)
    player = RecordingPlayer()
    board = build_display(ctx, SyncTaskRunner(), player=player)
    qtbot.addWidget(board)
    assert isinstance(board.announcer, Announcer)
    with qtbot.waitSignal(board.announcer.started, timeout=2000) as said:
        call(ctx, clock, 5, "A")
    assert said.args == ["Mời số A001 đến quầy 5"]
    assert player.played == [announcement.build_wav(announcement.segments("A001", 5), own)]
    assert player.played[0] != announcement.build_wav(announcement.segments("A001", 5), announcement.voice_dir(None))
    board.stop()
