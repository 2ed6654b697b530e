"""Plain data printed by the tracking forms (Mẫu 04, 05, 06, the hand-over list and the return slip).

Built by services, never by the templates themselves; the templates only lay the values out, and
still normalise every string to NFC and escape it. Dates and times are naive local datetimes (the
centre's wall clock). Optional values are empty strings (or None where noted), never absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from counter_app.printing.documents import ApplicantBlock, FormHeader, FormTitle

MARKS = ("Trước hạn", "Đúng hạn", "Quá hạn")  # the receiver's timeliness mark, as printed


@dataclass(frozen=True)
class ApologyData:
    """Mẫu 04 PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ, issued in the processing department's name.

    `header.unit_name` is the department in capitals ("SỞ TƯ PHÁP") and `header.document_number`
    its "…/PXL" number; `department_name` is the department as it reads inside a sentence
    ("Sở Tư pháp"). `original_due_at` is the appointment that was missed, `new_due_at` the one
    promised now (a due date may be moved only once).
    """

    form: FormTitle
    header: FormHeader
    department_name: str
    applicant: ApplicantBlock
    dossier_code: str
    procedure_name: str
    received_at: datetime
    original_due_at: datetime
    new_due_at: datetime
    reason: str
    head_title: str  # e.g. "GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" (a newline starts a new line)
    head_name: str
    recipients: tuple[str, ...]  # e.g. ("Như trên;", "Bộ phận Tiếp nhận và Trả kết quả;", "Lưu: VT.")
    tracking_url: str  # encoded in the QR code


@dataclass(frozen=True)
class ControlRow:
    """One hand-over on the control sheet: who gave the dossier to whom, when, and the receiver's mark.

    `mark` is one of MARKS, or "" while the step is not judged yet.
    """

    step: int
    from_unit: str
    from_person: str
    to_unit: str
    to_person: str
    at: datetime
    mark: str = ""
    note: str = ""


@dataclass(frozen=True)
class ControlSheetData:
    """Mẫu 05 PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ: the append-only hand-over history of one dossier.

    `due_at` is the current appointment; when it differs from `original_due_at` the sheet says it
    was rescheduled (lateness is always judged against the original).
    """

    form: FormTitle
    header: FormHeader
    dossier_code: str
    procedure_name: str
    applicant_name: str
    processing_unit: str
    cooperating_units: tuple[str, ...]
    received_at: datetime
    due_at: datetime
    original_due_at: datetime
    rows: tuple[ControlRow, ...]


@dataclass(frozen=True)
class LedgerRow:
    """One dossier in the ledger. `returned_at` is None (and `return_method` "") until the result is returned."""

    number: int
    dossier_code: str
    procedure_name: str
    applicant_name: str
    address_phone: str
    department_name: str
    received_at: datetime
    due_at: datetime
    returned_at: datetime | None = None
    return_method: str = ""  # e.g. "Trực tiếp", "Bưu chính", "Trực tuyến"
    note: str = ""  # e.g. "Quá hạn"


@dataclass(frozen=True)
class LedgerData:
    """Mẫu 06 SỔ THEO DÕI HỒ SƠ for one field (lĩnh vực) over a period, printed on A4 landscape."""

    form: FormTitle
    header: FormHeader
    field_name: str
    period_from: date
    period_to: date
    rows: tuple[LedgerRow, ...]


@dataclass(frozen=True)
class HandoverRow:
    """One dossier handed from the counter to a department."""

    number: int
    dossier_code: str
    procedure_name: str
    applicant_name: str
    received_at: datetime
    due_at: datetime
    sets: int = 1
    note: str = ""


@dataclass(frozen=True)
class HandoverListData:
    """DANH SÁCH BÀN GIAO HỒ SƠ: a batch of paper dossiers handed to one department (A4 portrait).

    `list_number` is printed and encoded as Code128 so the department confirms the whole batch
    with one scan; `to_person` is "" until someone in the department receives it.
    """

    form: FormTitle
    header: FormHeader
    list_number: str
    from_unit: str
    from_person: str
    to_unit: str
    to_person: str
    handed_at: datetime
    rows: tuple[HandoverRow, ...]


@dataclass(frozen=True)
class ReturnAckData:
    """PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ: who collected the result, when and how (A5).

    `authorisation_document` is "" when the applicant collects in person; `mark` is one of MARKS,
    judged against the original due date.
    """

    form: FormTitle
    header: FormHeader
    dossier_code: str
    procedure_name: str
    applicant: ApplicantBlock
    collector_name: str
    collector_id_label: str
    collector_id_number: str
    authorisation_document: str
    received_at: datetime
    due_at: datetime
    returned_at: datetime
    method: str  # printed label, e.g. "Trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả"
    mark: str
    officer_name: str
    note: str = ""
