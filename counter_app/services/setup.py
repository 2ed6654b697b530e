"""Creating a database: schema, shipped calendar facts, centre settings, and the demo centre.

`initialise()` is idempotent: running it again upgrades the schema and adds what is missing,
never overwrites an administrator's edits, and never resets a password.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from counter_app.models import Counter, Department, ServiceGroup, Setting, User
from counter_app.paths import resource_path
from counter_app.services import centre_settings, schema
from counter_app.services.auth import AuthService
from counter_app.services.calendar_store import seed_shipped_overrides
from counter_app.services.catalogue_import import import_catalogue
from counter_app.services.db import Database

DEMO_SETTINGS = centre_settings.CentreSettings(
    agency_id="000.00.06.H15",
    centre_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH",
    parent_body="ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
    receiving_unit="Bộ phận Tiếp nhận và Trả kết quả - Trung tâm Phục vụ hành chính công tỉnh",
    place="Đắk Lắk",
)

# username, full name, role, phone, department code — demo people, not real officials.
DEMO_USERS = (
    ("admin", "Quản trị Hệ thống", "admin", "0262 3812 345", ""),
    ("giamsat", "Trần Thị Minh Hằng", "supervisor", "0905 123 456", ""),
    ("tiepnhan1", "Nguyễn Văn An", "reception", "0912 345 678", ""),
    ("tiepnhan2", "Lê Thị Thu Trang", "reception", "0987 654 321", ""),
    ("chuyenvien", "Phạm Quốc Bảo", "department", "0935 222 333", "STP"),
    ("chuyenvien2", "Võ Thị Hồng Nhung", "department", "0935 444 555", "SXD"),
)
# department code, head's title and name on apology letters (Mẫu 04) — demo only.
DEMO_HEADS = (("STP", "GIÁM ĐỐC", "Hoàng Văn Minh"), ("SXD", "GIÁM ĐỐC", "Đặng Thị Lan"))

# counter number, name, field codes served (empty = every field)
DEMO_COUNTERS = (
    (1, "Quầy 1 - Tư pháp, Nội vụ", ""),
    (2, "Quầy 2 - Kế hoạch, Đầu tư, Công Thương", ""),
    (3, "Quầy 3 - Xây dựng, Giao thông", ""),
    (4, "Quầy 4 - Tài nguyên, Môi trường, Nông nghiệp", ""),
    (5, "Quầy 5 - Y tế, Giáo dục, Văn hóa", ""),
    (6, "Quầy 6 - Trả kết quả", ""),
)

# queue service groups: ticket prefix, kiosk button, field codes covered (empty = none in particular)
DEMO_GROUPS = (
    ("A", "Tư pháp", "TP-LLTP,TP-CT,TP-CC,TP-HT,NV-VL"),
    ("B", "Đầu tư, Doanh nghiệp", "TC-DN,CT-LTHH,CT-XDAU,CT-XTTM"),
    ("C", "Xây dựng, Đất đai", "XD-HDXD,XD-VT,NMT-DD,NMT-MT,NMT-CL,CA-GPLX"),
    ("D", "Y tế, Giáo dục", "YT-DUOC,YT-ATTP,YT-KCB,GD-VBCC,GD-CSGD,VH-LH,VH-NTBD"),
    ("E", "Trả kết quả", ""),
)


@dataclass(frozen=True)
class InitReport:
    revision: str
    created_users: tuple[tuple[str, str, str], ...]  # (username, role, one-time password)
    procedures_added: int


def initialise(db: Database, *, demo: bool = False) -> InitReport:
    schema.upgrade(db)
    with db.transaction() as session:
        seed_shipped_overrides(session)
        if session.scalar(select(func.count()).select_from(Setting)) == 0:
            centre_settings.save(session, DEMO_SETTINGS if demo else centre_settings.CentreSettings())
    created: list[tuple[str, str, str]] = []
    added = 0
    if demo:
        with db.transaction() as session:
            report = import_catalogue(session, resource_path("demo", "catalogue.csv"), demo=True)
            added = report.added
            for number, name, fields_served in DEMO_COUNTERS:
                if session.scalar(select(Counter.id).where(Counter.number == number)) is None:
                    session.add(Counter(number=number, name=name, field_codes=fields_served))
            session.flush()
            for code, title, head in DEMO_HEADS:
                department = session.scalar(select(Department).where(Department.code == code))
                if department is not None and not department.head_name:
                    department.head_title, department.head_name = title, head
            for position, (code, name, field_codes) in enumerate(DEMO_GROUPS):
                if session.get(ServiceGroup, code) is None:
                    session.add(ServiceGroup(code=code, name=name, field_codes=field_codes, position=position))
        auth = AuthService(db)
        with db.reader() as session:
            existing = set(session.scalars(select(User.username)))
        for username, full_name, role, phone, department in DEMO_USERS:
            if username not in existing:
                _, password = auth.add_user(username, full_name, role, phone=phone, must_change=True, department=department)
                created.append((username, role, password))
    return InitReport(schema.current_revision(db) or "", tuple(created), added)


