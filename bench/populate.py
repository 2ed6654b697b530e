"""Fill a demo database with N realistic dossiers quickly (bulk insert, same columns the service writes).

The rows are what `IntakeService.receive` would store — folded search names, normalised phones,
valid-looking identifiers, real procedures of the demo catalogue, one 'received' event each — but
written in bulk, because receiving 100,000 dossiers one by one would take longer than the bench.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import insert, select

from counter_app.models import Dossier, DossierEvent, Procedure, User, new_id
from counter_app.services.db import Database
from counter_app.services.text import fold

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Kim", "Xuân", "Hoài"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phúc", "Quân",
         "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Uyên", "Việt", "Xuân", "Yến", "Ánh", "Đạt", "Ấn"]
PREFIXES = ["090", "091", "093", "094", "096", "097", "098", "086", "088", "032", "035", "038", "070", "077", "081", "085"]


def populate(db: Database, size: int, agency: str = "000.00.06.H15", seed: int = 7) -> None:
    rng = random.Random(seed)
    with db.reader() as session:
        procedures = session.execute(select(Procedure.id, Procedure.limit_value, Procedure.limit_unit)).all()
        officer = session.scalar(select(User.id).where(User.username == "tiepnhan1"))
    start = datetime(2022, 1, 3, 7, 30)
    per_day = max(1, size // 1000 + 1)
    batch_d, batch_e = [], []
    for i in range(size):
        day_index, seq = divmod(i, per_day)
        received = start + timedelta(days=day_index, minutes=rng.randint(0, 540))
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        year = rng.randint(1950, 2005)
        female = rng.random() < 0.5
        century_digit = (0 if year < 2000 else 2) + (1 if female else 0)
        id_number = f"{rng.choice(['001', '079', '066', '048']):s}{century_digit}{year % 100:02d}{rng.randint(0, 999999):06d}"
        proc_id, limit_value, limit_unit = rng.choice(procedures)
        dossier_id = new_id()
        due = received + timedelta(days=limit_value)
        batch_d.append(dict(
            id=dossier_id, code=f"{agency}-{received:%y%m%d}-{seq + 1:04d}", agency=agency,
            status=rng.choice([2, 4, 4, 4, 9, 10, 10, 10]), procedure_id=proc_id, sets=1, return_method="counter",
            received_at=received, limit_value=limit_value, limit_unit=limit_unit, counting_rule="working-hours",
            after_cutoff=True, due_at=due, original_due_at=due, ledger_book=str(received.year), ledger_entry=i + 1,
            officer_id=officer, counter_number=rng.randint(1, 6), notes="", created_at=received,
            applicant_kind="individual", applicant_name=name, id_type="personal_id", id_number=id_number,
            date_of_birth=None, sex="female" if female else "male", address="Số 1, đường Lê Duẩn, tỉnh Đắk Lắk",
            phone=f"{rng.choice(PREFIXES)}{rng.randint(0, 9999999):07d}", email="", representative_name="",
            representative_id="", authorisation_document="", search_name=fold(name),
        ))
        batch_e.append(dict(id=new_id(), dossier_id=dossier_id, seq=1, at=received, actor_id=officer, kind="received",
                            from_status=None, to_status=2, detail={}))
        if len(batch_d) == 5000 or i == size - 1:
            with db.transaction() as session:
                session.execute(insert(Dossier), batch_d)
                session.execute(insert(DossierEvent), batch_e)
            batch_d, batch_e = [], []
