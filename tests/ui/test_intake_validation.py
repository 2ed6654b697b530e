"""Every validation message of the intake page appears in red under the right field, the first
invalid field gets the focus, the form is kept as typed, and nothing is saved."""

from __future__ import annotations

import pytest
from factories import APPLICANT, PROCEDURE
from intake_support import fill_valid, focused, key, make_page, saved_for_applicant, shortcut
from PySide6.QtCore import Qt
from ui_helpers import child, type_text

from counter_app.i18n import translate_message
from counter_app.services import validation as v
from counter_app.services.errors import Message

LONG_ADDRESS = ("Số 12 đường Lê Duẩn phường Tân Lợi " * 20)[:399] + "X"
INCOMPLETE = ("The dossier is incomplete ({count} required documents not ticked: {names}). "
              "Request a supplement instead.")
SETS = "The number of sets must be a whole number from 1 to {max}."


@pytest.fixture
def page(qtbot, ctx, officer, tmp_path):
    return make_page(qtbot, ctx, officer, tmp_path / "prints")


def set_text(name: str, value: str):
    return lambda page: child(page, name).setText(value)


def untick_all(page) -> None:
    for n in range(1, page.checklist.row_count() + 1):
        child(page, f"intake.documents.{n}.received").setChecked(False)


def type_zero_sets(page) -> None:
    sets = child(page, "intake.sets")
    sets.setFocus()
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    type_text(sets.lineEdit(), "0")  # Ctrl+Enter follows while the box still shows the 0 typed


def representative_without_letter(page) -> None:
    child(page, "intake.representative").setChecked(True)
    child(page, "intake.rep_name").setText("Lê Văn Cường")
    child(page, "intake.rep_id").setText("079085001234")


def no_procedure(page) -> None:
    page.picker.reset()


def documents_message(ctx) -> Message:
    names = [d.name for d in ctx.catalogue.get(PROCEDURE).documents if d.required]
    return Message(INCOMPLETE, {"count": len(names), "names": "; ".join(names)})


CASES = [
    ("empty name", set_text("intake.name", "   "), "intake.name", Message(v.REQUIRED)),
    ("11-digit id", set_text("intake.id_number", "06619000123"), "intake.id_number", Message(v.PID_LENGTH, {"count": 11})),
    ("birth year digits disagree", set_text("intake.date_of_birth", "12/05/1991"), "intake.id_number",
     Message(v.PID_YEAR, {"digits": "90", "year": 1991})),
    ("province code 000", set_text("intake.id_number", "000190001234"), "intake.id_number",
     Message(v.PID_PROVINCE, {"code": "000"})),
    ("impossible date", set_text("intake.date_of_birth", "31/02/1990"), "intake.date_of_birth",
     Message(v.DATE_IMPOSSIBLE, {"value": "31/02/1990"})),
    ("future date", set_text("intake.date_of_birth", "01/01/2027"), "intake.date_of_birth", Message(v.DATE_FUTURE)),
    ("unreadable date", set_text("intake.date_of_birth", "12 tháng 5"), "intake.date_of_birth", Message(v.DATE_FORMAT)),
    ("old 11-digit mobile", set_text("intake.phone", "0123 456 789"), "intake.phone",
     Message(v.PHONE_OLD_MOBILE, {"prefix": "012"})),
    ("phone with letters", set_text("intake.phone", "09o5 123 456"), "intake.phone", Message(v.PHONE_CHARS)),
    ("bad e-mail", set_text("intake.email", "tuyet@@example.vn"), "intake.email", Message(v.EMAIL_FORMAT)),
    ("400-character address", set_text("intake.address", LONG_ADDRESS), "intake.address",
     Message(v.TOO_LONG, {"max_len": 300, "length": 400})),
    ("emoji in the name", set_text("intake.name", "Nguyễn Thị 😀 Tuyết"), "intake.name",
     Message(v.BAD_CHAR, {"char": "😀", "codepoint": "U+1F600"})),
    ("private-use character in the name", set_text("intake.name", "Nguyễn Thị\ue000 Tuyết"), "intake.name",
     Message(v.UNASSIGNED_CHAR, {"codepoint": "U+E000"})),
    ("required document not ticked", untick_all, "intake.documents", None),
    ("zero sets", type_zero_sets, "intake.sets", Message(SETS, {"max": 50})),
    ("representative without authorisation letter", representative_without_letter, "intake.rep_document",
     Message(v.REQUIRED)),
    ("no procedure", no_procedure, "intake.procedure_search", Message("Choose a procedure.")),
]


@pytest.mark.parametrize(("case", "spoil", "field", "message"), CASES, ids=[c[0] for c in CASES])
def test_each_problem_is_shown_under_its_field(page, ctx, case, spoil, field, message):
    """Receive with one bad input: its message is shown in red under that field, focus goes there,
    the form keeps what was typed and nothing is saved."""
    fill_valid(page)
    spoil(page)
    if not page.focusWidget() or not page.isAncestorOf(focused()):
        page.focus_first()
    shortcut(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    expected = translate_message(message or documents_message(ctx))
    label = child(page, f"{field}.error")
    assert label.isVisible()
    assert label.text() == expected
    shown = [w.objectName() for w in page.findChildren(type(label)) if w.objectName().endswith(".error") and w.isVisible()]
    assert shown == [f"{field}.error"], "only the spoiled field complains"
    target = page.checklist.first_focus() if field == "intake.documents" else child(page, field)
    assert focused() is target
    assert child(page, "intake.message").text() == page.tr("Nothing was saved. Correct the fields marked in red.")
    assert saved_for_applicant(ctx) == [] and ctx.dossiers.find(APPLICANT.id_number) == []
    assert child(page, "intake.address").text() == (LONG_ADDRESS if case.startswith("400") else APPLICANT.address)


def test_all_problems_at_once_and_focus_on_the_first(page, ctx):
    """Several bad fields are all reported in one go; the first one on screen gets the focus; fixing
    them and receiving again clears every message."""
    fill_valid(page)
    child(page, "intake.name").setText("")
    child(page, "intake.phone").setText("12345")
    child(page, "intake.email").setText("không-phải-email")
    page.focus_first()
    shortcut(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    for name in ("intake.name", "intake.phone", "intake.email"):
        assert child(page, f"{name}.error").isVisible(), name
    assert focused() is child(page, "intake.name")
    assert saved_for_applicant(ctx) == []

    child(page, "intake.name").setText(APPLICANT.name)
    child(page, "intake.phone").setText(APPLICANT.phone)
    child(page, "intake.email").setText("")
    shortcut(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not any(w.isVisible() for w in page.findChildren(type(child(page, "intake.name.error")))
                   if w.objectName().endswith(".error"))
    assert [f.kind for f in saved_for_applicant(ctx)] == ["dossier"]


def test_zero_width_characters_are_removed_not_rejected(page, ctx):
    """A zero-width space pasted into the name is dropped (policy of `validation`), so the name is
    stored and printed clean."""
    fill_valid(page)
    child(page, "intake.name").setText("Nguyễn Thị Ánh\u200b Tuyết")
    with_received = []
    page.dossier_received.connect(with_received.append)
    page.presenter.receive()
    assert len(with_received) == 1
    assert ctx.dossiers.dossier(with_received[0]).applicant_name == "Nguyễn Thị Ánh Tuyết"


def test_typing_in_a_red_field_corrects_it_and_the_summary_goes_with_the_last(page, ctx):
    """The officer corrects the fields in red: each message goes as its field is typed in, and the
    "nothing was saved" line goes once no field is red any more (nothing is saved until Ctrl+Enter)."""
    fill_valid(page)
    child(page, "intake.name").setText("")
    child(page, "intake.phone").setText("12345")
    page.focus_first()
    shortcut(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    message = child(page, "intake.message")
    assert message.text() == page.tr("Nothing was saved. Correct the fields marked in red.")

    type_text(child(page, "intake.name"), APPLICANT.name)
    assert not child(page, "intake.name.error").isVisible()
    assert child(page, "intake.phone.error").isVisible() and message.text() != ""  # the phone is still wrong
    phone = child(page, "intake.phone")
    phone.selectAll()
    type_text(phone, APPLICANT.phone)
    assert not child(page, "intake.phone.error").isVisible() and message.text() == ""
    assert saved_for_applicant(ctx) == []
    shortcut(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [f.kind for f in saved_for_applicant(ctx)] == ["dossier"]
