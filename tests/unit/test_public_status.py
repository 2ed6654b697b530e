"""The public status of a dossier on a real embedded database: what it shows, what it hides (masked
name, no personal data), how it reads scans, and that odd input never reaches the database."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event

from counter_app.lookup_pages import not_found_page, status_json, status_page
from counter_app.services.public_status import CentreHeader, PublicStatus, PublicStatusQueries, code_from_scan, mask_name
from counter_app.services.status import Status
from tests.factories import APPLICANT, intake

CODE = "000.00.06.H15-261126-0001"
HEADER = CentreHeader(parent_body="ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", centre_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH")
# What the applicant declared that must never leave through the public status (factories.APPLICANT).
PERSONAL = ("Nguyễn Thị Ánh Tuyết", "Ánh Tuyết", "Tuyết", "066190001234", "0905123456", "0905 123 456", "tuyet@example.vn",
            "Lê Duẩn", "Tân Lợi", "1990-05-12", "12/05/1990", "female", "tiepnhan1")


@pytest.fixture
def received(ctx, officer):
    return ctx.intake.receive(intake(ctx), officer, counter_number=3)


@pytest.fixture
def queries(ctx, clock) -> PublicStatusQueries:
    return PublicStatusQueries(ctx.db, clock)


def statements(db) -> list[str]:
    """Every SQL statement the read engine runs from now on (a real listener, not a mock)."""
    seen: list[str] = []
    event.listen(db.read_engine, "before_cursor_execute", lambda _c, _cur, sql, *_a: seen.append(sql))
    return seen


# ---- masking --------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "masked"), [
    ("Nguyễn Thị Ánh Tuyết", "Nguyễn T** Á** T****"),
    ("Trần Văn Bình", "Trần V** B***"),
    ("Lê An", "Lê A*"),
    ("Tuyết", "T****"),  # one word: only its first letter (keeping it would show the whole name)
    ("Ư", "Ư"),
    ("  Đặng   Ngọc\tẤn  ", "Đặng N*** Ấ*"),
    ("Hoàng\u200bThị Thu", "Hoàng T** T**"),  # a zero-width space separates words like a space
    ("Công ty TNHH Thương mại Ánh Dương", "Công t* T*** T***** m** Á** D****"),  # organisations alike
    ("Hộ kinh doanh Trần Thị Bình", "Hộ k*** d**** T*** T** B***"),
    ("", ""),
    (None, ""),
])
def test_mask_name_keeps_the_first_word_and_initials(name, masked):
    assert mask_name(name) == masked


def test_mask_name_of_decomposed_input_is_the_nfc_mask():
    """Decomposed Vietnamese (NFD, as some keyboards and PDFs give it) masks exactly like NFC: one
    star per letter, marks never split off their letter, NFC out."""
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    assert decomposed != "Nguyễn Thị Ánh Tuyết"
    masked = mask_name(decomposed)
    assert masked == "Nguyễn T** Á** T****"
    assert unicodedata.is_normalized("NFC", masked)


def test_mask_name_keeps_a_mark_without_a_precomposed_letter_on_its_letter():
    """A letter + mark with no NFC form (x + acute + dot below) counts as one letter: one initial,
    no stray mark left behind, no extra star."""
    assert mask_name("Lò X\u0301\u0323ay") == unicodedata.normalize("NFC", "Lò X\u0323\u0301**")
    assert mask_name("Lò ax\u0301\u0323y") == "Lò a**"


@given(st.lists(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Mn")), min_size=1, max_size=8)
                .filter(lambda w: unicodedata.category(w[0]) != "Mn"), min_size=2, max_size=6))
def test_mask_name_hides_every_letter_after_the_first_of_later_words(words):
    """For any name: same number of words, the first word unchanged, every later word = its first
    letter (with marks) + stars; nothing else of them survives."""
    name = unicodedata.normalize("NFC", " ".join(words))
    masked = mask_name(name).split(" ")
    assert len(masked) == len(name.split(" ")) and masked[0] == name.split(" ")[0]
    for original, shown in zip(name.split(" ")[1:], masked[1:], strict=True):
        head = shown.rstrip("*")
        assert original.startswith(head) and set(shown[len(head):]) <= {"*"}
        assert unicodedata.category(head[0]) != "Mn" and all(unicodedata.category(c) == "Mn" for c in head[1:])


# ---- reading scans --------------------------------------------------------------------------
@pytest.mark.parametrize(("scanned", "code"), [
    (CODE, CODE),
    (f"  {CODE.lower()} \n", CODE),
    (f"https://dichvucong.example.gov.vn/tra-cuu-ho-so?ma={CODE}", CODE),
    (f"https://dichvucong.example.gov.vn/tra-cuu-ho-so?lang=vi&ma={CODE.lower()}#top", CODE),
    (f"https://tracuu.example.vn/ho-so/{CODE}/trang-thai", CODE),  # {code} in the path of a custom template
    (f"http://x.vn/?ma={CODE.replace('-', '%2D')}", CODE),
    ("", ""),
])
def test_code_from_scan_reads_bare_codes_and_tracking_urls(scanned, code):
    assert code_from_scan(scanned) == code


# ---- look-ups -------------------------------------------------------------------------------
def test_lookup_shows_the_public_facts_of_a_received_dossier(queries, received, clock):
    status = queries.lookup(received.code)
    assert status == PublicStatus(
        code=CODE, procedure_name=status.procedure_name, department_name="Sở Tư pháp", status=Status.RECEIVED,
        status_label="Đã tiếp nhận", received_at=datetime(2026, 11, 26, 9, 30), due_at=datetime(2026, 12, 10, 9, 30),
        last_update=datetime(2026, 11, 26, 9, 30), masked_name="Nguyễn T** Á** T****", overdue=False, finished=False)
    assert status.procedure_name.startswith("Cấp Phiếu lý lịch tư pháp")


def test_lookup_is_one_statement_and_accepts_typed_variants(ctx, queries, received):
    """Lower case and stray spaces find the dossier; a hit is a single SQL statement."""
    seen = statements(ctx.db)
    assert queries.lookup(f"  {received.code.lower()}\t").code == received.code
    queries_run = [sql for sql in seen if sql.strip().upper() != "BEGIN"]  # the SQLite read engine's deferred BEGIN
    assert len(queries_run) == 1 and "dossier.code" in queries_run[0]


@pytest.mark.parametrize("typed", [
    "000.00.06.H15-261126-0002",  # well formed, no such dossier
    "000.00.06.H15-261126-BS0001",  # shaped like a slip number: not a dossier
])
def test_unknown_codes_are_not_found(queries, received, typed):
    assert queries.lookup(typed) is None


@pytest.mark.parametrize("typed", [
    "", "   ", None, "Nguyễn Thị Ánh Tuyết", "066190001234", "0905123456", "' OR 1=1 --", "<script>alert(1)</script>",
    "000.00.06.H15-２６１１２６-0001",  # full-width digits: \d matches them, a code never has them
    "A" * 40 + "-261126-" + "1" * 30,  # longer than any stored code
])
def test_text_not_shaped_like_a_code_never_reaches_the_database(ctx, queries, received, typed):
    seen = statements(ctx.db)
    assert queries.lookup(typed) is None
    assert seen == []


def test_status_due_and_last_update_follow_the_dossier_s_life(ctx, queries, received, officer, passwords, clock):
    """Through the real tracking service: accepted → "Đang giải quyết" with that time as last update;
    an apology moves the appointment shown; past it the dossier is overdue; a finished one never is."""
    department = ctx.auth.login("chuyenvien", passwords["chuyenvien"])
    ctx.tracking.hand_over([received.code], officer)
    clock.now = datetime(2026, 11, 26, 14, 5)
    ctx.tracking.accept(received.code, department)
    status = queries.lookup(received.code)
    assert (status.status, status.status_label, status.last_update) == (4, "Đang giải quyết", datetime(2026, 11, 26, 14, 5))
    clock.now = datetime(2026, 12, 9, 10, 0)
    ctx.tracking.apologize(received.code, department, "Cần xác minh thêm thông tin tại địa phương", date(2026, 12, 17))
    moved = queries.lookup(received.code)
    assert (moved.due_at, moved.overdue, moved.last_update) == (datetime(2026, 12, 17, 17, 0), False, clock.now)
    clock.now = datetime(2026, 12, 17, 17, 1)
    assert queries.lookup(received.code).overdue
    ctx.tracking.ready(received.code, department)
    done = queries.lookup(received.code)
    assert (done.finished, done.overdue, done.status_label) == (True, False, "Đã có kết quả, chờ trả")
    assert done.last_update == clock.now


def test_no_personal_data_in_the_status_the_page_or_the_json(queries, received):
    """Only the masked name of the applicant leaves: not the name, identifier, birth date, phone,
    e-mail, address, nor the officer."""
    status = queries.lookup(received.code)
    assert {f.name for f in dataclasses.fields(PublicStatus)} == {
        "code", "procedure_name", "department_name", "status", "status_label", "received_at", "due_at", "last_update",
        "masked_name", "overdue", "finished"}
    assert APPLICANT.name == PERSONAL[0]
    for text in (repr(status), status_page(HEADER, status), str(status_json(status)), not_found_page(HEADER, received.code)):
        leaked = [p for p in PERSONAL if p in text]
        assert leaked == [], leaked
    assert "Nguyễn T** Á** T****" in status_page(HEADER, status)


def test_centre_header_comes_from_the_settings(queries):
    assert queries.centre() == CentreHeader("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH")
