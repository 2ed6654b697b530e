"""Finding dossiers from the main window: scanning a code, searching names without accents."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import OTHER_APPLICANT, child, make_active, press, receive, type_text

from counter_app.app import run_gui
from counter_app.services.status import Status
from counter_app.ui.detail_widgets import table_texts
from counter_app.ui.dialogs import RecordingDialogs
from counter_app.ui.found_table_model import COL_APPLICANT, COL_CODE, COL_IDENTIFIER, COL_STATUS
from counter_app.ui.task_runner import SyncTaskRunner


@pytest.fixture
def window(qtbot, ctx, officer):
    window = run_gui(ctx, SyncTaskRunner(), officer, dialogs=RecordingDialogs())
    qtbot.addWidget(window)
    make_active(qtbot, window)
    return window


def test_scanned_code_opens_the_dossier_with_its_history(qtbot, ctx, officer, window):
    """A scanner typing the code + Enter into the find box opens that dossier with its history."""
    received = receive(ctx, officer)
    window.show_find()
    query = child(window, "find.query")
    qtbot.keyClicks(query, received.code)
    press(query, Qt.Key_Return)

    assert window.tabs.currentWidget() is window.dossier_page
    assert child(window, "dossier.code").text() == received.code
    assert child(window, "dossier.applicant_name").text() == "Nguyễn Thị Ánh Tuyết"
    assert child(window, "dossier.status").text().startswith("Received")
    history = table_texts(child(window, "dossier.history"))
    assert len(history) == 1
    assert history[0][1] == "Nguyễn Văn An"  # the receiving officer
    assert history[0][2] == "Received at the counter"
    assert history[0][3] == "Received"
    documents = table_texts(child(window, "dossier.documents"))
    assert [row[0] for row in documents] == [d.name for d in ctx.dossiers.dossier(received.code).documents]
    assert window.dossier_page.current() == ("dossier", received.code)
    assert received.code in window.tabs.tabText(window.tabs.indexOf(window.dossier_page))


def test_f3_and_ctrl_f_focus_the_find_box(qtbot, window):
    """F3 and Ctrl+F bring the Find page forward with the cursor in the search box."""
    for key, modifiers in ((Qt.Key_F3, Qt.NoModifier), (Qt.Key_F, Qt.ControlModifier)):
        window.show_intake()
        qtbot.keyClick(window, key, modifiers)
        assert window.tabs.currentWidget() is window.find_page
        assert child(window, "find.query").hasFocus()


def test_name_search_is_accent_insensitive(qtbot, ctx, officer, window):
    """"nguyen thi" finds "Nguyễn Thị Ánh Tuyết" (and not another applicant); the identifier is masked."""
    mine = receive(ctx, officer)
    receive(ctx, officer, applicant=vars(OTHER_APPLICANT))
    window.show_find()
    query = child(window, "find.query")
    qtbot.keyClicks(query, "nguyen thi")
    press(query, Qt.Key_Return)

    model = window.find_page.model
    assert model.rowCount() == 1
    assert window.tabs.currentWidget() is window.find_page  # several may match a name: no auto-open
    index = lambda col: model.index(0, col)  # noqa: E731
    assert model.data(index(COL_CODE)) == mine.code
    assert model.data(index(COL_APPLICANT)) == "Nguyễn Thị Ánh Tuyết"
    assert model.data(index(COL_IDENTIFIER)) == "••••••••1234"
    assert model.data(index(COL_STATUS)) == "Received"

    results = child(window, "find.results")
    assert results.hasFocus()
    press(results, Qt.Key_Return)  # Enter opens the selected hit
    assert window.tabs.currentWidget() is window.dossier_page
    assert child(window, "dossier.code").text() == mine.code


def test_vietnamese_typed_query_finds_the_same_dossier(qtbot, ctx, officer, window):
    """A query typed with Vietnamese marks ("Nguyễn thị") finds the same applicant as without."""
    mine = receive(ctx, officer)
    window.show_find()
    query = child(window, "find.query")
    type_text(query, "Nguyễn thị")
    assert query.text() == "Nguyễn thị"
    press(query, Qt.Key_Return)
    assert [window.find_page.model.item(r).reference for r in range(window.find_page.model.rowCount())] == [mine.code]


def test_double_click_opens_a_hit(qtbot, ctx, officer, window):
    """Double-clicking a row of the results opens that dossier."""
    mine = receive(ctx, officer)
    window.show_find()
    qtbot.keyClicks(child(window, "find.query"), "0905123456")
    press(child(window, "find.query"), Qt.Key_Return)
    results = child(window, "find.results")
    assert results.model().rowCount() == 1
    rect = results.visualRect(results.model().index(0, COL_APPLICANT))
    qtbot.mouseClick(results.viewport(), Qt.LeftButton, pos=rect.center())  # a real double-click starts with a press
    qtbot.mouseDClick(results.viewport(), Qt.LeftButton, pos=rect.center())
    assert child(window, "dossier.code").text() == mine.code


def test_unknown_code_says_nothing_found(qtbot, ctx, window):
    """A scan of a code that does not exist stays on Find and says so; nothing is opened."""
    window.show_find()
    query = child(window, "find.query")
    code = "000.00.06.H15-261126-9999"
    qtbot.keyClicks(query, code)
    press(query, Qt.Key_Return)
    assert window.tabs.currentWidget() is window.find_page
    assert code in child(window, "find.summary").text()
    assert window.dossier_page.current() is None
    assert ctx.dossiers.find(code) == []


def test_received_dossier_is_reported_and_becomes_current(qtbot, ctx, officer, window):
    """After the intake page reports a received dossier, the status bar says so and F5 targets it."""
    received = receive(ctx, officer)
    window._on_intake_dossier_received(received.code)  # what IntakePage.dossier_received triggers
    assert f"Received {received.code}" in child(window, "status.last_action").text()
    assert window.dossier_page.current() == ("dossier", received.code)
    assert ctx.dossiers.dossier(received.code).status == Status.RECEIVED
