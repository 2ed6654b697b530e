"""Plain data that the form templates print: built by services, never by templates themselves.

Every string is already NFC-clean and in Vietnamese as it must appear on paper; templates only
lay it out. Dates and times are naive local datetimes (the centre's wall clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FormTitle:
    """Configurable number and title of a legal form (form numbering after 2025 is unsettled)."""

    number: str  # e.g. "Mẫu số 01"
    title: str  # e.g. "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"


@dataclass(frozen=True)
class FormHeader:
    """The common header of every form.

    Left: `parent_body` (e.g. "UBND TỈNH ĐẮK LẮK"), `unit_name` (e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH
    CÔNG" or "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ") and "Số: `document_number`".
    Right: the national motto and "`place`, ngày … tháng … năm …" from `issued_at`.
    """

    parent_body: str
    unit_name: str
    document_number: str
    place: str
    issued_at: datetime


@dataclass(frozen=True)
class ApplicantBlock:
    """Who submits. `id_label` names the identifier kind as printed ("Số định danh cá nhân",
    "Mã số doanh nghiệp/Mã số thuế", "Số hộ chiếu")."""

    kind: str  # "individual" | "organisation"
    name: str
    id_label: str
    id_number: str
    address: str
    phone: str
    email: str = ""
    representative_name: str = ""  # authorised representative, if any
    representative_id: str = ""
    authorisation_document: str = ""  # e.g. "Giấy ủy quyền số 12/GUQ ngày 20/11/2026"
    representative_id_label: str = "Số định danh cá nhân"  # printed before representative_id


@dataclass(frozen=True)
class DocumentLine:
    """One submitted (or missing) document with its counts."""

    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0


@dataclass(frozen=True)
class ReceiptData:
    """Everything Mẫu 01 prints. Two A5 copies are produced: the kept copy and the applicant's."""

    form: FormTitle
    header: FormHeader
    dossier_code: str
    receiving_unit: str
    applicant: ApplicantBlock
    procedure_code: str
    procedure_name: str
    documents: tuple[DocumentLine, ...]
    sets: int
    limit_text: str  # e.g. "15 ngày làm việc", "8 giờ làm việc", "Trong ngày"
    received_at: datetime
    due_at: datetime
    return_method: str  # printed label, e.g. "Tại Bộ phận Tiếp nhận và Trả kết quả"
    ledger_book: str
    ledger_entry: str
    officer_name: str
    tracking_url: str  # encoded in the QR code
    fee_text: str = ""


@dataclass(frozen=True)
class SupplementData:
    """Mẫu 02: what the applicant must add or fix, listed once and completely."""

    form: FormTitle
    header: FormHeader
    applicant: ApplicantBlock
    procedure_name: str
    items: tuple[DocumentLine, ...]  # what to add or fix
    item_notes: tuple[str, ...] = ()  # free notes (e.g. "Tờ khai thiếu chữ ký"), listed after items
    reason: str = ""
    officer_name: str = ""
    officer_phone: str = ""
    dossier_code: str = ""  # empty at reception; set when a department asks during processing


@dataclass(frozen=True)
class RefusalData:
    """Mẫu 03: refusal to receive, with the reasons."""

    form: FormTitle
    header: FormHeader
    applicant: ApplicantBlock
    procedure_name: str
    reasons: tuple[str, ...]
    officer_name: str = ""
    dossier_code: str = ""
    receiving_unit: str = ""  # named in the refusal sentence; empty -> "Bộ phận Tiếp nhận và Trả kết quả"


@dataclass(frozen=True)
class TicketData:
    """One walk-in queue ticket, printed on the kiosk's 80 mm thermal roll.

    `ticket_number` is the group prefix plus the day's number ("A1023"); `status_url` (the ticket's
    live status page) goes into the QR code; `estimated_wait_minutes` is None while there are too
    few recent service times to estimate from.
    """

    centre_name: str
    ticket_number: str
    group_name: str
    issued_at: datetime
    waiting_ahead: int
    estimated_wait_minutes: int | None
    status_url: str
    priority: bool = False
    priority_reason: str = ""
    footer: str = "Vui lòng chờ đến lượt. Số của quý khách sẽ được gọi trên màn hình và loa."
