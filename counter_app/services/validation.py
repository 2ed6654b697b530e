"""Input validation for the reception counter: free text, names, identifiers, phones, emails, dates.

Pure Python (no Qt, no SQLAlchemy). Every problem is a `FieldError` whose `Message.text` is an
English source string marked with `QT_TRANSLATE_NOOP("Messages", ...)`; the UI translates it.

Unicode policy (decided here, relied on by forms and the CLI):
- Free text, names and emails: format characters (zero-width space/joiner, BOM, soft hyphen)
  are *deleted*, then `text.clean()`: NFC (decomposed Vietnamese is recomposed), trimmed, inner
  spaces collapsed, control characters (tab, newline) -> space. Private-use, surrogate and
  unassigned code points are *rejected* (they do not print reliably; often broken fonts/emoji).
- Identifiers, phone numbers and dates are additionally NFKC-normalised, so full-width digits
  ("０９１２…") become ASCII, and all whitespace and format characters inside them are removed.
  Other characters are never guessed away: they are reported.
- Emails are not NFKC-folded; an IDN domain is checked through its punycode form.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import NamedTuple

from counter_app.services import text
from counter_app.services.errors import QT_TRANSLATE_NOOP, FieldError, Message
from counter_app.services.provinces import LANDLINE_AREA_CODES, MOBILE_PREFIXES, PROVINCE_CODES

MAX_LEN: dict[str, int] = {
    "name": 150, "organisation_name": 300, "address": 300, "email": 254, "phone": 20, "id_number": 20,
    "tax_code": 14, "passport": 20, "notes": 2000, "reason": 1000, "document_name": 300,
    "authorisation_document": 300,
}
MAX_AGE_YEARS = 130

# --- message source strings (literal, for lupdate) -------------------------------------------
REQUIRED = QT_TRANSLATE_NOOP("Messages", "This field is required.")
TOO_LONG = QT_TRANSLATE_NOOP("Messages", "This field can have at most {max_len} characters (it has {length}).")
BAD_CHAR = QT_TRANSLATE_NOOP("Messages", "The character '{char}' ({codepoint}) is not allowed here.")
UNASSIGNED_CHAR = QT_TRANSLATE_NOOP("Messages", "The text contains an unassigned or private-use character ({codepoint}).")
NAME_NO_LETTER = QT_TRANSLATE_NOOP("Messages", "A name must contain at least one letter.")
PID_NOT_DIGITS = QT_TRANSLATE_NOOP("Messages", "A personal identification number may contain only digits.")
PID_LENGTH = QT_TRANSLATE_NOOP("Messages", "A personal identification number must have exactly 12 digits (it has {count}).")
PID_PROVINCE = QT_TRANSLATE_NOOP("Messages", "The first three digits ({code}) are not a province code.")
PID_FUTURE = QT_TRANSLATE_NOOP("Messages", "The birth year encoded in the number ({year}) is in the future.")
PID_CENTURY = QT_TRANSLATE_NOOP("Messages", "The 4th digit indicates birth between {start} and {end}, but the date of birth is in {year}.")
PID_YEAR = QT_TRANSLATE_NOOP("Messages", "Digits 5-6 ({digits}) do not match the year of birth {year}.")
PID_SEX_MALE = QT_TRANSLATE_NOOP("Messages", "The 4th digit indicates a man, but the sex entered is female.")
PID_SEX_FEMALE = QT_TRANSLATE_NOOP("Messages", "The 4th digit indicates a woman, but the sex entered is male.")
TAX_FORMAT = QT_TRANSLATE_NOOP("Messages", "A tax code has 10 digits, 10 digits plus a 3-digit branch number (0100109106-001), or 12 digits for an individual.")
TAX_CHECK_DIGIT = QT_TRANSLATE_NOOP("Messages", "The check digit of tax code {code} is wrong; check the number for typing mistakes.")
TAX_BRANCH = QT_TRANSLATE_NOOP("Messages", "The branch number after the hyphen must be between 001 and 999.")
PASSPORT_CHARS = QT_TRANSLATE_NOOP("Messages", "A passport number may contain only the letters A-Z and digits.")
PASSPORT_LENGTH = QT_TRANSLATE_NOOP("Messages", "A passport number must have 6 to 20 characters (it has {count}).")
PASSPORT_DIGIT = QT_TRANSLATE_NOOP("Messages", "A passport number must contain at least one digit.")
PHONE_CHARS = QT_TRANSLATE_NOOP("Messages", "A phone number may contain only digits, spaces, dots, dashes, brackets and a leading +84.")
PHONE_START = QT_TRANSLATE_NOOP("Messages", "A Vietnamese phone number starts with 0 or +84.")
PHONE_TOO_SHORT = QT_TRANSLATE_NOOP("Messages", "A phone number has 10 digits (mobile) or 11 digits (landline); this one has {count}.")
PHONE_OLD_MOBILE = QT_TRANSLATE_NOOP("Messages", "Numbers starting with {prefix} were 11-digit mobile numbers changed to 10 digits in 2018; ask for the current number.")
PHONE_MOBILE_PREFIX = QT_TRANSLATE_NOOP("Messages", "{prefix} is not a Vietnamese mobile network prefix.")
PHONE_MOBILE_LENGTH = QT_TRANSLATE_NOOP("Messages", "A mobile number must have 10 digits (it has {count}).")
PHONE_AREA_CODE = QT_TRANSLATE_NOOP("Messages", "{prefix} is not a Vietnamese landline area code.")
PHONE_LANDLINE_LENGTH = QT_TRANSLATE_NOOP("Messages", "A landline number must have 11 digits including the area code (it has {count}).")
PHONE_PREFIX = QT_TRANSLATE_NOOP("Messages", "{prefix} is not a Vietnamese phone number prefix.")
EMAIL_FORMAT = QT_TRANSLATE_NOOP("Messages", "Enter an email address like name@example.com.")
EMAIL_LOCAL = QT_TRANSLATE_NOOP("Messages", "The part before @ in the email address is not valid.")
EMAIL_DOMAIN = QT_TRANSLATE_NOOP("Messages", "The domain after @ in the email address is not valid.")
DATE_FORMAT = QT_TRANSLATE_NOOP("Messages", "Enter the date as DD/MM/YYYY.")
DATE_IMPOSSIBLE = QT_TRANSLATE_NOOP("Messages", "{value} is not a real date.")
DATE_FUTURE = QT_TRANSLATE_NOOP("Messages", "The date of birth cannot be in the future.")
DATE_TOO_OLD = QT_TRANSLATE_NOOP("Messages", "The date of birth is more than {years} years ago.")


def _err(field: str, source: str, **args: object) -> FieldError:
    return FieldError(field, Message(source, dict(args)))


# --- free text and names ---------------------------------------------------------------------
# Letters of any script (L*), combining marks (M*) after a base character, decimal digits (Nd)
# and a space are always allowed. Punctuation is an allow-list: the brief's . , - ' / ( ) & : ; # + "
# plus ? ! % @ _ * = [ ] ° and the typographic quotes/dashes/ellipsis Vietnamese keyboards and
# word processors produce. Rejected on purpose: emoji and other symbols, < > { } \ | ~ ^ ` $
# (markup and template characters), and any unassigned/private-use code point.
TEXT_PUNCTUATION = frozenset(".,-'/()&:;#+\"?!%@_*=[]°‘’“”–—…")
# Names (people and organisations): digits are allowed for organisations ("Trường THCS số 2").
NAME_PUNCTUATION = frozenset(".,-'/()&\"‘’“”")


def _drop_format(value: str | None) -> str:
    """NFC without format characters; text.clean() alone would turn "Ng\u200buyễn" into "Ng uyễn"."""
    return text.nfc("".join(ch for ch in (value or "") if unicodedata.category(ch) != "Cf"))


def _check(value: str | None, field: str, required: bool, max_len: int, allowed: frozenset[str],
           multiline: bool = False) -> tuple[str, FieldError | None]:
    raw = _drop_format(value)
    cleaned = text.clean_multiline(raw) if multiline else text.clean(raw)
    if not cleaned:
        return cleaned, (_err(field, REQUIRED) if required else None)
    if len(cleaned) > max_len:
        return cleaned, _err(field, TOO_LONG, max_len=max_len, length=len(cleaned))
    for ch in raw:
        if unicodedata.category(ch) in ("Co", "Cs", "Cn"):
            return cleaned, _err(field, UNASSIGNED_CHAR, codepoint=f"U+{ord(ch):04X}")
    previous = " "
    for ch in cleaned:
        cat = unicodedata.category(ch)
        if not (cat[0] == "L" or cat == "Nd" or ch == " " or ch in allowed or (multiline and ch == "\n")
                or (cat[0] == "M" and previous not in " \n")):
            return cleaned, _err(field, BAD_CHAR, char=ch, codepoint=f"U+{ord(ch):04X}")
        previous = ch
    return cleaned, None


def check_text(value: str | None, field: str, *, required: bool, max_len: int,
               multiline: bool = False) -> tuple[str, FieldError | None]:
    """Cleaned `value` and its first problem, if any. `multiline=True` (notes, reasons) keeps
    line breaks via `text.clean_multiline()`."""
    return _check(value, field, required, max_len, TEXT_PUNCTUATION, multiline)


def check_name(value: str | None, field: str = "applicant.name", *, required: bool = True,
               max_len: int = MAX_LEN["name"]) -> tuple[str, FieldError | None]:
    """A person's or organisation's name: letters of any script, marks, digits, spaces and
    . , - ' / ( ) & " (with typographic quotes); at least one letter."""
    cleaned, problem = _check(value, field, required, max_len, NAME_PUNCTUATION)
    if cleaned and problem is None and not any(unicodedata.category(ch)[0] == "L" for ch in cleaned):
        problem = _err(field, NAME_NO_LETTER)
    return cleaned, problem


# --- identifiers -----------------------------------------------------------------------------
def normalise_identifier(value: str | None) -> str:
    """NFKC (full-width digits -> ASCII), without any whitespace, control or format character."""
    folded = unicodedata.normalize("NFKC", value or "")
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch)[0] != "C")


_ASCII_DIGITS = re.compile(r"[0-9]+", re.ASCII)
# 4th digit of a CCCD -> first year of the birth century; even = male, odd = female.
_CENTURY_START = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}


class PersonalIdInfo(NamedTuple):
    province_code: str
    province_name: str
    birth_year: int
    sex: str  # "male" | "female"


def personal_id_info(value: str | None) -> PersonalIdInfo | None:
    """What a structurally valid 12-digit number encodes (None when it is not one)."""
    number = normalise_identifier(value)
    if len(number) != 12 or not _ASCII_DIGITS.fullmatch(number) or number[:3] not in PROVINCE_CODES:
        return None
    marker = int(number[3])
    return PersonalIdInfo(number[:3], PROVINCE_CODES[number[:3]], _CENTURY_START[marker] + int(number[4:6]),
                          "male" if marker % 2 == 0 else "female")


def personal_id_problems(value: str | None, date_of_birth: date | None, sex: str | None,
                         field: str = "applicant.id_number", *, today: date | None = None) -> list[FieldError]:
    """Problems with a personal identification number (CCCD), checked against the date of birth
    and sex when given. `sex` is "male"/"female" (any case); other values are not compared."""
    number = normalise_identifier(value)
    if not number:
        return [_err(field, REQUIRED)]
    if not _ASCII_DIGITS.fullmatch(number):
        return [_err(field, PID_NOT_DIGITS)]
    if len(number) != 12:
        return [_err(field, PID_LENGTH, count=len(number))]
    if number[:3] not in PROVINCE_CODES:
        return [_err(field, PID_PROVINCE, code=number[:3])]
    info = personal_id_info(number)
    problems: list[FieldError] = []
    today = today or date.today()
    if info and info.birth_year > today.year:
        problems.append(_err(field, PID_FUTURE, year=info.birth_year))
    if isinstance(date_of_birth, datetime):
        date_of_birth = date_of_birth.date()
    if date_of_birth is not None:
        start = _CENTURY_START[int(number[3])]
        if not start <= date_of_birth.year <= start + 99:
            problems.append(_err(field, PID_CENTURY, start=start, end=start + 99, year=date_of_birth.year))
        if int(number[4:6]) != date_of_birth.year % 100:
            problems.append(_err(field, PID_YEAR, digits=number[4:6], year=date_of_birth.year))
    stated = (sex or "").strip().lower()
    if info and stated in ("male", "female") and stated != info.sex:
        problems.append(_err(field, PID_SEX_MALE if info.sex == "male" else PID_SEX_FEMALE))
    return problems


# Tax code (MST), Circular 105/2020/TT-BTC art. 5: N1N2 N3..N9 N10[-N11N12N13]; N10 is a check digit
# whose algorithm the circular does not spell out; the one in general use (tax registration software,
# public validators): with weights
# 31,29,23,19,17,13,7,5,3 on N1..N9, N10 = 10 - (sum mod 11). When sum mod 11 == 0 the result
# would be 10, so no code is issued with that prefix (we reject it); sum mod 11 == 10 gives 0.
# Verified on published codes: 0100109106 (Viettel), 0100112437 (Vietcombank), 0300588569 (Vinamilk).
# Since 1 July 2025 (Circular 86/2024/TT-BTC) an individual's tax code is the 12-digit personal
# identification number, so 12-digit codes get the CCCD structure checks.
_TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_TAX_FORM = re.compile(r"[0-9]{10}(-[0-9]{3})?|[0-9]{12}", re.ASCII)


def tax_check_digit(first_nine: str) -> int | None:
    """The check digit for the first nine digits of a tax code; None if no code can have them."""
    check = 10 - sum(int(d) * w for d, w in zip(first_nine, _TAX_WEIGHTS)) % 11
    return None if check == 10 else check


def normalise_tax_code(value: str | None) -> str:
    """Identifier normalisation, Unicode dashes -> '-', and 13 bare digits -> 'NNNNNNNNNN-NNN'."""
    code = normalise_identifier(value).translate(_DASHES)
    if len(code) == 13 and _ASCII_DIGITS.fullmatch(code):
        code = f"{code[:10]}-{code[10:]}"
    return code


def tax_code_problems(value: str | None, field: str = "applicant.id_number", *,
                      today: date | None = None) -> list[FieldError]:
    """Problems with an enterprise, branch or personal tax code."""
    code = normalise_tax_code(value)
    if not code:
        return [_err(field, REQUIRED)]
    if not _TAX_FORM.fullmatch(code):
        return [_err(field, TAX_FORMAT)]
    if len(code) == 12:
        return personal_id_problems(code, None, None, field, today=today)
    problems = []
    if tax_check_digit(code[:9]) != int(code[9]):
        problems.append(_err(field, TAX_CHECK_DIGIT, code=code[:10]))
    if code.endswith("-000"):
        problems.append(_err(field, TAX_BRANCH))
    return problems


def normalise_passport(value: str | None) -> str:
    """Identifier normalisation, upper-cased."""
    return normalise_identifier(value).upper()


def passport_problems(value: str | None, field: str = "applicant.id_number") -> list[FieldError]:
    """Problems with a passport number: 6-20 characters, A-Z and digits, at least one digit."""
    # Check the ASCII set before upper-casing: "ı".upper() == "I" must not sneak through.
    number = normalise_identifier(value)
    if not number:
        return [_err(field, REQUIRED)]
    if not re.fullmatch(r"[A-Za-z0-9]+", number, re.ASCII):
        return [_err(field, PASSPORT_CHARS)]
    problems = []
    if not 6 <= len(number) <= 20:
        problems.append(_err(field, PASSPORT_LENGTH, count=len(number)))
    if not any(ch.isdigit() for ch in number):
        problems.append(_err(field, PASSPORT_DIGIT))
    return problems


# --- phone numbers ---------------------------------------------------------------------------
_PHONE_JUNK = frozenset(".-()[]") | frozenset("‐‑‒–—―−")


def _strip_country_code(number: str) -> str:
    for prefix in ("+84", "0084"):
        if number.startswith(prefix):
            rest = number[len(prefix):]
            return "0" + (rest[1:] if rest.startswith("0") else rest)  # "+84 (0)912..."
    if number.startswith("84") and len(number) in (11, 12) and number.isdigit():
        return "0" + number[2:]
    return number


def _phone_pass(number: str) -> str:
    folded = unicodedata.normalize("NFKC", number)
    kept = "".join(ch for ch in folded
                   if not ch.isspace() and ch not in _PHONE_JUNK and unicodedata.category(ch)[0] != "C")
    return _strip_country_code(kept)


def normalise_phone(value: str | None) -> str:
    """NFKC; drop whitespace, format characters, dots, dashes and brackets; +84/0084/84 -> 0.
    Idempotent: the pass repeats until nothing changes (a deletion can enable an NFKC composition)."""
    number, previous = _phone_pass(value or ""), value or ""
    while number != previous:
        number, previous = _phone_pass(number), number
    return number


def phone_problems(value: str | None, field: str = "applicant.phone", required: bool = True) -> list[FieldError]:
    """Problems with a Vietnamese mobile (10 digits) or landline (11 digits) number."""
    number = normalise_phone(value)
    if not number:
        return [_err(field, REQUIRED)] if required else []
    if number.startswith("+") and number[1:].isdigit():
        return [_err(field, PHONE_START)]
    if not _ASCII_DIGITS.fullmatch(number):
        return [_err(field, PHONE_CHARS)]
    if not number.startswith("0"):
        return [_err(field, PHONE_START)]
    if len(number) < 4:
        return [_err(field, PHONE_TOO_SHORT, count=len(number))]
    kind = number[1]
    if kind == "1":
        return [_err(field, PHONE_OLD_MOBILE, prefix=number[:3])]
    if kind not in "235789":
        return [_err(field, PHONE_PREFIX, prefix=number[:2])]
    if kind == "2":  # landline: 0 + area code (2 or 3 digits, see provinces.py) + subscriber = 11
        prefix = number[:3] if number[1:3] in LANDLINE_AREA_CODES else number[:4]
        known, length = prefix[1:] in LANDLINE_AREA_CODES, 11
        bad_prefix, bad_length = PHONE_AREA_CODE, PHONE_LANDLINE_LENGTH
    else:
        prefix = number[:3]
        known, length, bad_prefix, bad_length = prefix in MOBILE_PREFIXES, 10, PHONE_MOBILE_PREFIX, PHONE_MOBILE_LENGTH
    problems = [] if known else [_err(field, bad_prefix, prefix=prefix)]
    if len(number) != length:
        problems.append(_err(field, bad_length, count=len(number)))
    return problems


# --- email -----------------------------------------------------------------------------------
# Pragmatic RFC 5322 subset: ASCII dot-atom local part (no quoted strings/comments, <= 64) @ a domain
# of >= 2 labels (no IP literals); labels may be Unicode (IDN) and must encode to punycode LDH labels
# of 1-63 characters, no leading/trailing hyphen; the top-level label is not all digits.
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*", re.ASCII)
_ASCII_LABEL = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?", re.ASCII)


def _domain_ok(domain: str) -> bool:
    labels = domain.split(".")
    try:
        ascii_labels = [label.encode("idna").decode("ascii") for label in labels]
    except UnicodeError:
        return False
    return (len(labels) >= 2
            and all(ch.isalnum() or ch == "-" or unicodedata.category(ch)[0] == "M" for ch in domain.replace(".", ""))
            and all(_ASCII_LABEL.fullmatch(label) for label in ascii_labels)
            and not ascii_labels[-1].isdigit() and len(".".join(ascii_labels)) <= 253)


def normalise_email(value: str | None) -> str:
    """Cleaned email with the domain in lower case (the local part is left as typed)."""
    email = text.clean(_drop_format(value))
    local, at, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}" if at else email


def email_problems(value: str | None, field: str = "applicant.email", required: bool = False) -> list[FieldError]:
    """Problems with an email address (see the subset above); at most 254 characters."""
    email = text.clean(_drop_format(value))
    if not email:
        return [_err(field, REQUIRED)] if required else []
    if len(email) > MAX_LEN["email"]:
        return [_err(field, TOO_LONG, max_len=MAX_LEN["email"], length=len(email))]
    local, _, domain = email.partition("@")
    if not local or not domain or "@" in domain or " " in email:
        return [_err(field, EMAIL_FORMAT)]
    problems = []
    if len(local) > 64 or not _LOCAL.fullmatch(local):
        problems.append(_err(field, EMAIL_LOCAL))
    if not _domain_ok(domain):
        problems.append(_err(field, EMAIL_DOMAIN))
    return problems


# --- dates -----------------------------------------------------------------------------------
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_VN_DATE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})", re.ASCII)


def parse_date_of_birth(value: str | date | None, field: str = "applicant.date_of_birth", today: date | None = None,
                        *, required: bool = False) -> tuple[date | None, FieldError | None]:
    """Parse "YYYY-MM-DD" or "DD/MM/YYYY" (also D/M/YYYY, "." or "-" as separators) or a date.
    Errors: unreadable, impossible (31/02), in the future, more than 130 years ago."""
    today = today or date.today()
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        parsed = value
    else:
        raw = normalise_identifier(value) if isinstance(value, str) else None
        if not raw and (value is None or raw == ""):
            return None, (_err(field, REQUIRED) if required else None)
        if m := _ISO_DATE.fullmatch(raw or ""):
            year, month, day = (int(g) for g in m.groups())
        elif m := _VN_DATE.fullmatch(raw or ""):
            day, month, year = (int(g) for g in m.groups())
        else:
            return None, _err(field, DATE_FORMAT)
        try:
            parsed = date(year, month, day)
        except ValueError:
            return None, _err(field, DATE_IMPOSSIBLE, value=raw)
    if parsed > today:
        return None, _err(field, DATE_FUTURE)
    age = today.year - parsed.year - ((today.month, today.day) < (parsed.month, parsed.day))
    if age > MAX_AGE_YEARS:
        return None, _err(field, DATE_TOO_OLD, years=MAX_AGE_YEARS)
    return parsed, None
