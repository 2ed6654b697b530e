"""Unit tests for counter_app.services.validation (pure Python)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.services import validation as v
from counter_app.services.errors import FieldError
from counter_app.services.provinces import LANDLINE_AREA_CODES, MOBILE_PREFIXES, PROVINCE_CODES

TODAY = date(2026, 6, 1)
ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "counter_app" / "services" / "validation.py"
TSV = ROOT / "tests" / "data" / "validation_messages_vi.tsv"

REQUIRED = "This field is required."
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def only(errors: list[FieldError]) -> FieldError:
    """The single error in `errors`."""
    assert len(errors) == 1, errors
    return errors[0]


def assert_error(error: FieldError | None, field: str, text: str, args: dict | None = None) -> None:
    """`error` is on `field`, has exactly `text` and (if given) exactly `args`, and formats."""
    assert error is not None
    assert error.field == field
    assert error.message.text == text
    if args is not None:
        assert dict(error.message.args) == args
    error.message.english()  # every placeholder is filled


# --- message catalogue ----------------------------------------------------------------------
def source_messages() -> list[str]:
    """Message source strings written literally in validation.py."""
    return re.findall(r'QT_TRANSLATE_NOOP\("Messages", "((?:[^"\\]|\\.)*)"\)', SOURCE.read_text("utf-8"))


def test_every_message_constant_is_a_literal_source_string():
    """Each module-level message constant equals a literal QT_TRANSLATE_NOOP string (lupdate sees it)."""
    literals = set(source_messages())
    constants = {n for n in dir(v) if n.isupper() and isinstance(getattr(v, n), str) and n not in ("TEXT_PUNCTUATION",)}
    used = {getattr(v, n) for n in constants if getattr(v, n) in literals}
    assert used == literals


def test_vietnamese_catalogue_covers_every_message_with_same_placeholders():
    """The TSV has one translated line per message source string, placeholders identical."""
    rows = [line.split("\t") for line in TSV.read_text("utf-8").splitlines() if line]
    assert all(len(row) == 2 for row in rows)
    catalogue = dict(rows)
    assert len(catalogue) == len(rows)
    assert set(catalogue) == set(source_messages())
    for english, vietnamese in catalogue.items():
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(vietnamese)), english
        assert vietnamese != english and vietnamese.strip() == vietnamese


def test_max_len_has_the_agreed_limits():
    """MAX_LEN holds the limits other modules rely on."""
    assert v.MAX_LEN["name"] == 150 and v.MAX_LEN["address"] == 300 and v.MAX_LEN["email"] == 254
    assert v.MAX_LEN["phone"] == 20 and v.MAX_LEN["id_number"] == 20 and v.MAX_LEN["notes"] == 2000
    assert v.MAX_LEN["document_name"] == 300 and v.MAX_LEN["authorisation_document"] == 300


def test_province_table_is_the_63_pre_2025_provinces():
    """63 three-digit codes in 001..096, including the documented examples."""
    assert len(PROVINCE_CODES) == 63
    assert all(re.fullmatch(r"0\d\d", c) and 1 <= int(c) <= 96 for c in PROVINCE_CODES)
    assert PROVINCE_CODES["001"] == "Hà Nội" and PROVINCE_CODES["066"] == "Đắk Lắk"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh" and PROVINCE_CODES["096"] == "Cà Mau"
    assert len(LANDLINE_AREA_CODES) == 63 and len(MOBILE_PREFIXES) == 36


# --- check_text / check_name ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Số 12/3, ngõ 45 (phố Huế) ", "Số 12/3, ngõ 45 (phố Huế)"),
        ("Nguye\u0302\u0303n", "Nguyễn"),  # decomposed -> NFC
        ("Ng\u200buyễn\ufeff", "Nguyễn"),  # zero-width and BOM deleted, not turned into spaces
        ("a\tb", "a b"),
        ("Giấy ủy quyền số 12/2025/UQ; “bản sao” – 100%?", "Giấy ủy quyền số 12/2025/UQ; “bản sao” – 100%?"),
        ("Café & Co. #1 + \"x\" : y", "Café & Co. #1 + \"x\" : y"),
        ("北京市 ភ្នំពេញ", "北京市 ភ្នំពេញ"),
    ],
)
def test_check_text_accepts_and_cleans(raw, expected):
    """Allowed text comes back NFC-cleaned with no error."""
    assert v.check_text(raw, "dossier.notes", required=True, max_len=100) == (expected, None)


@pytest.mark.parametrize(
    ("raw", "required", "max_len", "text", "args"),
    [
        ("   ", True, 10, REQUIRED, {}),
        ("\u200b", True, 10, REQUIRED, {}),
        ("abcdefghijk", True, 10, "This field can have at most {max_len} characters (it has {length}).", {"max_len": 10, "length": 11}),
        ("hi 😀", True, 10, "The character '{char}' ({codepoint}) is not allowed here.", {"char": "😀", "codepoint": "U+1F600"}),
        ("a<b>", True, 10, "The character '{char}' ({codepoint}) is not allowed here.", {"char": "<", "codepoint": "U+003C"}),
        ("\u0301abc", True, 10, "The character '{char}' ({codepoint}) is not allowed here.", {"char": "\u0301", "codepoint": "U+0301"}),
        ("ab\ue000", True, 10, "The text contains an unassigned or private-use character ({codepoint}).", {"codepoint": "U+E000"}),
        ("ab\U000e0080", True, 10, "The text contains an unassigned or private-use character ({codepoint}).", {"codepoint": "U+E0080"}),
    ],
)
def test_check_text_rejects(raw, required, max_len, text, args):
    """Empty, too long, disallowed or unassigned characters are reported on the given field."""
    _, error = v.check_text(raw, "dossier.notes", required=required, max_len=max_len)
    assert_error(error, "dossier.notes", text, args)


def test_check_text_optional_empty_and_multiline():
    """An optional empty field has no error; multiline keeps line breaks."""
    assert v.check_text(None, "x", required=False, max_len=5) == ("", None)
    assert v.check_text(" a \r\n\n b ", "x", required=True, max_len=9, multiline=True) == ("a\nb", None)
    assert v.check_text("a\nb", "x", required=True, max_len=9)[0] == "a b"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  nguyễn   văn  an ", "nguyễn văn an"),
        ("H’Hen Niê", "H’Hen Niê"),
        ("O'Brien-Smith, J.", "O'Brien-Smith, J."),
        ("Công ty TNHH Xây dựng & Thương mại (Hà Nội)", "Công ty TNHH Xây dựng & Thương mại (Hà Nội)"),
        ("Trường THCS số 2", "Trường THCS số 2"),
        ("Le\u0302 Thi\u0323 Ho\u0302\u0300ng", "Lê Thị Hồng"),
    ],
)
def test_check_name_accepts(raw, expected):
    """Names of people and organisations in any script are accepted and cleaned."""
    assert v.check_name(raw) == (expected, None)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("", REQUIRED),
        ("123", "A name must contain at least one letter."),
        ("--", "A name must contain at least one letter."),
        ("An: 5", "The character '{char}' ({codepoint}) is not allowed here."),
        ("An@home", "The character '{char}' ({codepoint}) is not allowed here."),
        ("An ❤", "The character '{char}' ({codepoint}) is not allowed here."),
        ("x" * 151, "This field can have at most {max_len} characters (it has {length})."),
    ],
)
def test_check_name_rejects(raw, text):
    """Bad names are reported on applicant.name with the exact source text."""
    assert_error(v.check_name(raw)[1], "applicant.name", text)


def test_check_name_field_and_optional():
    """check_name honours field, required and max_len."""
    assert v.check_name("", required=False) == ("", None)
    assert_error(v.check_name("", "representative.name")[1], "representative.name", REQUIRED)
    assert v.check_name("x" * 200, max_len=v.MAX_LEN["organisation_name"])[1] is None


@given(st.text(max_size=60))
def test_check_text_cleaning_is_idempotent(raw):
    """Cleaning an already cleaned value changes nothing."""
    once, _ = v.check_text(raw, "x", required=False, max_len=100)
    assert v.check_text(once, "x", required=False, max_len=100)[0] == once


# --- personal identification number --------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "dob", "sex"),
    [
        ("001090012345", date(1990, 5, 1), "male"),
        ("079303001234", date(2003, 1, 1), "female"),
        ("066185000001", date(1985, 12, 31), "FEMALE"),
        ("  ０７９ ２０３\u200b ０００１２３ ", date(2003, 2, 3), "male"),
        ("096000000000", date(1900, 1, 1), None),
        ("001090012345", None, None),
        ("001090012345", date(1990, 5, 1), "other"),
        ("001224000000", datetime(2024, 1, 1, 8, 0), "male"),
    ],
)
def test_personal_id_accepts(raw, dob, sex):
    """Well-formed numbers consistent with date of birth and sex have no problems."""
    assert v.personal_id_problems(raw, dob, sex, today=TODAY) == []


@pytest.mark.parametrize(
    ("raw", "dob", "sex", "texts"),
    [
        ("", None, None, [REQUIRED]),
        ("00109001234", None, None, ["A personal identification number must have exactly 12 digits (it has {count})."]),
        ("0010900123456", None, None, ["A personal identification number must have exactly 12 digits (it has {count})."]),
        ("00109001234a", None, None, ["A personal identification number may contain only digits."]),
        ("001-090-012345", None, None, ["A personal identification number may contain only digits."]),
        ("003090012345", None, None, ["The first three digits ({code}) are not a province code."]),
        ("097090012345", None, None, ["The first three digits ({code}) are not a province code."]),
        ("000090012345", None, None, ["The first three digits ({code}) are not a province code."]),
        ("001270012345", None, None, ["The birth year encoded in the number ({year}) is in the future."]),
        ("001490012345", None, None, ["The birth year encoded in the number ({year}) is in the future."]),
        ("001203012345", date(1903, 1, 1), None,
         ["The 4th digit indicates birth between {start} and {end}, but the date of birth is in {year}."]),
        ("001091012345", date(1990, 1, 1), None, ["Digits 5-6 ({digits}) do not match the year of birth {year}."]),
        ("001090012345", date(1990, 1, 1), "female", ["The 4th digit indicates a man, but the sex entered is female."]),
        ("001190012345", date(1990, 1, 1), "Male", ["The 4th digit indicates a woman, but the sex entered is male."]),
        ("001315012345", date(1990, 1, 1), "male", [
            "The 4th digit indicates birth between {start} and {end}, but the date of birth is in {year}.",
            "Digits 5-6 ({digits}) do not match the year of birth {year}.",
            "The 4th digit indicates a woman, but the sex entered is male.",
        ]),
    ],
)
def test_personal_id_rejects(raw, dob, sex, texts):
    """Each structural or consistency problem has its own message on applicant.id_number."""
    errors = v.personal_id_problems(raw, dob, sex, today=TODAY)
    assert [e.message.text for e in errors] == texts
    for error, text in zip(errors, texts):
        assert_error(error, "applicant.id_number", text)


def test_personal_id_message_args_say_which():
    """Century and year mismatches name the encoded and the entered values."""
    century = only(v.personal_id_problems("001203012345", date(1903, 1, 1), None, "x.id", today=TODAY))
    assert_error(century, "x.id", century.message.text, {"start": 2000, "end": 2099, "year": 1903})
    year = only(v.personal_id_problems("001091012345", date(1990, 1, 1), None, today=TODAY))
    assert year.message.args == {"digits": "91", "year": 1990}
    assert only(v.personal_id_problems("097090012345", None, None)).message.args == {"code": "097"}


def test_personal_id_info_decodes_province_year_sex():
    """personal_id_info reads province, birth year and sex; None for malformed numbers."""
    assert v.personal_id_info("079303001234") == v.PersonalIdInfo("079", "Hồ Chí Minh", 2003, "female")
    assert v.personal_id_info("098303001234") is None and v.personal_id_info("1234") is None


CENTURY_DIGIT = {18: 8, 19: 0, 20: 2, 21: 4, 22: 6}


@st.composite
def citizens(draw):
    """(number, date of birth, sex) built from a real province, a birth date and a sex."""
    province = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    dob = draw(st.dates(min_value=date(1800, 1, 1), max_value=TODAY))
    sex = draw(st.sampled_from(["male", "female"]))
    marker = CENTURY_DIGIT[dob.year // 100] + (sex == "female")
    tail = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    return f"{province}{marker}{dob.year % 100:02d}{tail}", dob, sex


@given(citizens())
def test_personal_id_property_consistent_numbers_accepted(citizen):
    """Any number built from province, century/sex digit and birth date is accepted with that data."""
    number, dob, sex = citizen
    assert v.personal_id_problems(number, dob, sex, today=TODAY) == []
    assert v.personal_id_info(number).birth_year == dob.year


@given(citizens())
def test_personal_id_property_mismatching_sex_rejected(citizen):
    """The same number with the other sex is rejected with exactly the sex message."""
    number, dob, sex = citizen
    other = "female" if sex == "male" else "male"
    error = only(v.personal_id_problems(number, dob, other, today=TODAY))
    expected = ("The 4th digit indicates a man, but the sex entered is female." if sex == "male"
                else "The 4th digit indicates a woman, but the sex entered is male.")
    assert_error(error, "applicant.id_number", expected, {})


# --- tax code --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw",
    ["0100109106", "0100112437", "0300588569", "0100109106-001", " 0100109106 – 999 ", "0100109106001",
     "０１００１０９１０６", "001090012345"],
)
def test_tax_code_accepts(raw):
    """Published enterprise codes, branch codes and 12-digit personal codes are accepted."""
    assert v.tax_code_problems(raw, today=TODAY) == []


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("", REQUIRED),
        ("010010910", "A tax code has 10 digits, 10 digits plus a 3-digit branch number (0100109106-001), or 12 digits for an individual."),
        ("0100109106-01", "A tax code has 10 digits, 10 digits plus a 3-digit branch number (0100109106-001), or 12 digits for an individual."),
        ("01001091061", "A tax code has 10 digits, 10 digits plus a 3-digit branch number (0100109106-001), or 12 digits for an individual."),
        ("010010910A", "A tax code has 10 digits, 10 digits plus a 3-digit branch number (0100109106-001), or 12 digits for an individual."),
        ("0100109107", "The check digit of tax code {code} is wrong; check the number for typing mistakes."),
        ("0100109107-002", "The check digit of tax code {code} is wrong; check the number for typing mistakes."),
        ("0100109106-000", "The branch number after the hyphen must be between 001 and 999."),
        ("003090012345", "The first three digits ({code}) are not a province code."),
    ],
)
def test_tax_code_rejects(raw, text):
    """Malformed codes, wrong check digits and branch 000 are reported."""
    assert_error(only(v.tax_code_problems(raw, "organisation.tax_code", today=TODAY)), "organisation.tax_code", text)


def test_tax_check_digit_rules():
    """Check digit = 10 - (weighted sum mod 11); remainder 0 means no valid code; 13 digits get a hyphen."""
    assert v.tax_check_digit("010010910") == 6
    assert v.tax_check_digit("000000000") is None  # sum 0 -> 10 -> never issued
    assert v.tax_check_digit("100000000") == 10 - 31 % 11
    assert v.normalise_tax_code(" 0100109106001 ") == "0100109106-001"
    assert only(v.tax_code_problems("0000000000")).message.args == {"code": "0000000000"}


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 9))
def test_tax_code_property_check_digit(first_nine, digit):
    """A 10-digit code is accepted exactly when its last digit is the computed check digit."""
    accepted = v.tax_code_problems(first_nine + str(digit)) == []
    assert accepted == (v.tax_check_digit(first_nine) == digit)


# --- passport --------------------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "normalised"), [("B1234567", "B1234567"), (" c 0123456 ", "C0123456"),
                                                  ("ｅ１２３４５６", "E123456"), ("123456", "123456"), ("A" * 19 + "1", "A" * 19 + "1")])
def test_passport_accepts(raw, normalised):
    """6-20 ASCII letters/digits with a digit are accepted; normalisation upper-cases."""
    assert v.passport_problems(raw) == []
    assert v.normalise_passport(raw) == normalised


@pytest.mark.parametrize(
    ("raw", "texts"),
    [
        ("", [REQUIRED]),
        ("A1234", ["A passport number must have 6 to 20 characters (it has {count})."]),
        ("A" * 20 + "1", ["A passport number must have 6 to 20 characters (it has {count})."]),
        ("ABCDEFG", ["A passport number must contain at least one digit."]),
        ("ABC", ["A passport number must have 6 to 20 characters (it has {count}).",
                 "A passport number must contain at least one digit."]),
        ("B123-4567", ["A passport number may contain only the letters A-Z and digits."]),
        ("ı1234567", ["A passport number may contain only the letters A-Z and digits."]),
        ("Đ1234567", ["A passport number may contain only the letters A-Z and digits."]),
    ],
)
def test_passport_rejects(raw, texts):
    """Length, character set and missing digit each have their own message."""
    errors = v.passport_problems(raw, "applicant.passport")
    assert [e.message.text for e in errors] == texts
    assert all(e.field == "applicant.passport" for e in errors)


# --- phone -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("0912 345 678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084-912-345-678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("０９１２３４５６７８", "0912345678"),
        ("\u200b0987\u00a0654\u2009321 ", "0987654321"),
        ("(024) 3825 3536", "02438253536"),
        ("+84 28 3829 1234", "02838291234"),
        ("0262 381 2345", "02623812345"),
        ("0523 456 789", "0523456789"),
        ("0599 123 456", "0599123456"),
        ("0879 123 456", "0879123456"),
    ],
)
def test_phone_accepts(raw, normalised):
    """Mobile and landline numbers in common spellings normalise and validate."""
    assert v.normalise_phone(raw) == normalised
    assert v.phone_problems(raw) == []


@pytest.mark.parametrize(
    ("raw", "text", "args"),
    [
        ("", REQUIRED, {}),
        ("091234567", "A mobile number must have 10 digits (it has {count}).", {"count": 9}),
        ("09123456789", "A mobile number must have 10 digits (it has {count}).", {"count": 11}),
        ("0951234567", "{prefix} is not a Vietnamese mobile network prefix.", {"prefix": "095"}),
        ("0311234567", "{prefix} is not a Vietnamese mobile network prefix.", {"prefix": "031"}),
        ("0801234567", "{prefix} is not a Vietnamese mobile network prefix.", {"prefix": "080"}),
        ("0243825353", "A landline number must have 11 digits including the area code (it has {count}).", {"count": 10}),
        ("02003825353", "{prefix} is not a Vietnamese landline area code.", {"prefix": "0200"}),
        ("01234567890", "Numbers starting with {prefix} were 11-digit mobile numbers changed to 10 digits in 2018; ask for the current number.", {"prefix": "012"}),
        ("0412345678", "{prefix} is not a Vietnamese phone number prefix.", {"prefix": "04"}),
        ("091", "A phone number has 10 digits (mobile) or 11 digits (landline); this one has {count}.", {"count": 3}),
        ("912345678", "A Vietnamese phone number starts with 0 or +84.", {}),
        ("+33 1 23 45 67 89", "A Vietnamese phone number starts with 0 or +84.", {}),
        ("0912 345 67x", "A phone number may contain only digits, spaces, dots, dashes, brackets and a leading +84.", {}),
        ("0912/345/678", "A phone number may contain only digits, spaces, dots, dashes, brackets and a leading +84.", {}),
    ],
)
def test_phone_rejects(raw, text, args):
    """Wrong length and unknown prefix have distinct messages on applicant.phone."""
    assert_error(only(v.phone_problems(raw)), "applicant.phone", text, args)


def test_phone_optional_and_both_problems():
    """An optional empty phone is fine; a wrong prefix and a wrong length are both reported."""
    assert v.phone_problems("  ", required=False) == []
    texts = [e.message.text for e in v.phone_problems("095123", "contact.phone")]
    assert texts == ["{prefix} is not a Vietnamese mobile network prefix.",
                     "A mobile number must have 10 digits (it has {count})."]


@given(st.text(max_size=30))
def test_normalise_phone_idempotent_any_text(raw):
    """normalise_phone(normalise_phone(x)) == normalise_phone(x) for any text."""
    once = v.normalise_phone(raw)
    assert v.normalise_phone(once) == once


@given(st.text(alphabet="0123456789+84 .-()０１２３４５６７８９\u200b\u0301e", max_size=20))
def test_normalise_phone_idempotent_phone_like(raw):
    """Idempotent also on phone-like strings full of prefixes and separators."""
    once = v.normalise_phone(raw)
    assert v.normalise_phone(once) == once


# --- email -----------------------------------------------------------------------------------
@pytest.mark.parametrize("raw", ["an.nguyen@example.com", " An.Nguyen+hcc@Sub.Example.VN ", "a_b-c!#$%&'*+/=?^`{|}~@x.org",
                                 "chi@bộ-nội-vụ.việtnam", "x@xn--bcher-kva.example", "1@2.com"])
def test_email_accepts(raw):
    """Dot-atom local parts and ASCII or IDN domains are accepted."""
    assert v.email_problems(raw, required=True) == []


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("an.nguyen", "Enter an email address like name@example.com."),
        ("a@@b.vn", "Enter an email address like name@example.com."),
        ("@b.vn", "Enter an email address like name@example.com."),
        ("a@", "Enter an email address like name@example.com."),
        ("an nguyen@b.vn", "Enter an email address like name@example.com."),
        (".an@b.vn", "The part before @ in the email address is not valid."),
        ("an..nguyen@b.vn", "The part before @ in the email address is not valid."),
        ("nguyễn@b.vn", "The part before @ in the email address is not valid."),
        ("x" * 65 + "@b.vn", "The part before @ in the email address is not valid."),
        ("an@localhost", "The domain after @ in the email address is not valid."),
        ("an@b..vn", "The domain after @ in the email address is not valid."),
        ("an@-b.vn", "The domain after @ in the email address is not valid."),
        ("an@b_c.vn", "The domain after @ in the email address is not valid."),
        ("an@b.123", "The domain after @ in the email address is not valid."),
        ("an@[127.0.0.1]", "The domain after @ in the email address is not valid."),
        ("an@" + "a" * 64 + ".vn", "The domain after @ in the email address is not valid."),
        ("a@" + "b" * 250 + ".vn", "This field can have at most {max_len} characters (it has {length})."),
    ],
)
def test_email_rejects(raw, text):
    """Malformed addresses are reported on applicant.email with the exact source text."""
    assert_error(only(v.email_problems(raw)), "applicant.email", text)


def test_email_optional_required_and_normalise():
    """Empty is fine unless required; normalise_email lower-cases only the domain."""
    assert v.email_problems("") == []
    assert_error(only(v.email_problems(" ", "x.email", required=True)), "x.email", REQUIRED)
    assert v.normalise_email(" An@Example.VN\u200b") == "An@example.vn"


# --- date of birth ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1990-05-01", date(1990, 5, 1)),
        ("01/05/1990", date(1990, 5, 1)),
        ("1/5/1990", date(1990, 5, 1)),
        ("01.05.1990", date(1990, 5, 1)),
        (" ０１/０５/１９９０ ", date(1990, 5, 1)),
        ("29/02/2000", date(2000, 2, 29)),
        ("01/06/2026", TODAY),
        ("02/06/1896", date(1896, 6, 2)),
        (date(1990, 5, 1), date(1990, 5, 1)),
        (datetime(1990, 5, 1, 10, 30), date(1990, 5, 1)),
    ],
)
def test_parse_date_of_birth_accepts(raw, expected):
    """ISO and Vietnamese day-first dates (and date objects) parse."""
    assert v.parse_date_of_birth(raw, today=TODAY) == (expected, None)


@pytest.mark.parametrize(
    ("raw", "text", "args"),
    [
        ("31/02/2000", "{value} is not a real date.", {"value": "31/02/2000"}),
        ("29/02/1900", "{value} is not a real date.", {"value": "29/02/1900"}),
        ("2000-13-01", "{value} is not a real date.", {"value": "2000-13-01"}),
        ("05/1990", "Enter the date as DD/MM/YYYY.", {}),
        ("1990/05/01", "Enter the date as DD/MM/YYYY.", {}),
        ("01/05/90", "Enter the date as DD/MM/YYYY.", {}),
        ("hôm qua", "Enter the date as DD/MM/YYYY.", {}),
        (19900501, "Enter the date as DD/MM/YYYY.", {}),
        ("02/06/2026", "The date of birth cannot be in the future.", {}),
        (date(2030, 1, 1), "The date of birth cannot be in the future.", {}),
        ("01/06/1895", "The date of birth is more than {years} years ago.", {"years": 130}),
    ],
)
def test_parse_date_of_birth_rejects(raw, text, args):
    """Unreadable, impossible, future and too-old dates give the matching message."""
    parsed, error = v.parse_date_of_birth(raw, "representative.date_of_birth", today=TODAY)
    assert parsed is None
    assert_error(error, "representative.date_of_birth", text, args)


def test_parse_date_of_birth_empty():
    """Empty is (None, None) unless required."""
    assert v.parse_date_of_birth(None) == (None, None)
    assert v.parse_date_of_birth(" \u200b ") == (None, None)
    assert_error(v.parse_date_of_birth("", required=True)[1], "applicant.date_of_birth", REQUIRED)


@settings(max_examples=200)
@given(st.dates(min_value=date(1896, 6, 2), max_value=TODAY))
def test_parse_date_of_birth_round_trips_both_formats(day):
    """Any plausible birth date written either way parses back to itself."""
    assert v.parse_date_of_birth(day.isoformat(), today=TODAY) == (day, None)
    assert v.parse_date_of_birth(day.strftime("%d/%m/%Y"), today=TODAY) == (day, None)
