"""The applicant part of the intake page: who is applying, and who represents them.

Fields (objectName → service field): `intake.kind` applicant.kind, `intake.name` applicant.name,
`intake.id_type` applicant.id_type, `intake.id_number` applicant.id_number,
`intake.date_of_birth` applicant.date_of_birth (DD/MM/YYYY typed, so an impossible date gets a
message), `intake.sex` applicant.sex, `intake.address`, `intake.phone`, `intake.email`; the
check box `intake.representative` opening `intake.rep_name` representative.name,
`intake.rep_id` representative.id_number, `intake.rep_document` representative.document.

Guarantees: the identifier type follows the applicant kind until the officer picks one; the
representative's fields count only while the group is open. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.intake_input import ID_TYPES, KINDS, ApplicantInput
from counter_app.services.validation import MAX_LEN
from counter_app.ui.field_error import FieldWithError
from counter_app.ui.labels import applicant_kind_label, id_type_label, sex_label

DEFAULT_ID_TYPE = {"individual": "personal_id", "organisation": "tax_code"}


def _line(parent: QWidget, name: str, max_len: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setMaxLength(max_len + 100)  # a little over the limit: the validator explains instead of truncating silently
    edit.setPlaceholderText(placeholder)
    return edit


def _combo(parent: QWidget, name: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    # Let the column shrink: a long item is elided in the closed box, shown whole in the list.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    for value, text in items:
        combo.addItem(text, value)
    return combo


class ApplicantForm(QWidget):
    """Emits `identity_entered(id_number, phone)` when the officer leaves the identifier or phone
    field, so the page can look up earlier guidance for a repeat visit."""

    identity_entered = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = _combo(self, "intake.kind", [(k, applicant_kind_label(k)) for k in KINDS])
        self.name = _line(self, "intake.name", MAX_LEN["organisation_name"])
        self.id_type = _combo(self, "intake.id_type", [(t, id_type_label(t)) for t in ID_TYPES])
        self.id_number = _line(self, "intake.id_number", MAX_LEN["id_number"])
        self.date_of_birth = _line(self, "intake.date_of_birth", 20, self.tr("DD/MM/YYYY"))
        self.sex = _combo(self, "intake.sex",
                          [("", self.tr("Not stated")), ("male", sex_label("male")), ("female", sex_label("female"))])
        self.address = _line(self, "intake.address", MAX_LEN["address"])
        self.phone = _line(self, "intake.phone", MAX_LEN["phone"], self.tr("e.g. 0912 345 678"))
        self.email = _line(self, "intake.email", MAX_LEN["email"], self.tr("optional"))
        self.representative = QCheckBox(self.tr("Authorised &representative"), self)
        self.representative.setObjectName("intake.representative")
        self.rep_name = _line(self, "intake.rep_name", MAX_LEN["name"])
        self.rep_id = _line(self, "intake.rep_id", MAX_LEN["id_number"])
        self.rep_document = _line(self, "intake.rep_document", MAX_LEN["authorisation_document"],
                                  self.tr("e.g. Giấy ủy quyền số 12/GUQ ngày 20/11/2026"))

        self.fields: dict[str, FieldWithError] = {
            name: FieldWithError(widget) for name, widget in (
                ("applicant.kind", self.kind), ("applicant.name", self.name), ("applicant.id_type", self.id_type),
                ("applicant.id_number", self.id_number), ("applicant.date_of_birth", self.date_of_birth),
                ("applicant.sex", self.sex), ("applicant.address", self.address), ("applicant.phone", self.phone),
                ("applicant.email", self.email), ("representative.name", self.rep_name),
                ("representative.id_number", self.rep_id), ("representative.document", self.rep_document),
            )
        }
        self._build_layout()
        self._id_type_touched = False
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.id_type.activated.connect(self._on_id_type_activated)
        self.id_type.currentIndexChanged.connect(self._on_id_type_changed)
        self.representative.toggled.connect(self._on_representative_toggled)
        self.id_number.editingFinished.connect(self._emit_identity)
        self.phone.editingFinished.connect(self._emit_identity)
        self._on_representative_toggled(False)
        self._on_id_type_changed()

    def _build_layout(self) -> None:
        f = self.fields
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._name_label = QLabel(self.tr("Full &name:"))
        rows = [
            (QLabel(self.tr("Applicant &kind:")), f["applicant.kind"]),
            (self._name_label, f["applicant.name"]),
            (QLabel(self.tr("&Identifier type:")), f["applicant.id_type"]),
            (QLabel(self.tr("Identifier n&umber:")), f["applicant.id_number"]),
            (QLabel(self.tr("Date of &birth:")), f["applicant.date_of_birth"]),
            (QLabel(self.tr("Se&x:")), f["applicant.sex"]),
            (QLabel(self.tr("A&ddress:")), f["applicant.address"]),
            (QLabel(self.tr("P&hone:")), f["applicant.phone"]),
            (QLabel(self.tr("&E-mail:")), f["applicant.email"]),
        ]
        buddies = [self.kind, self.name, self.id_type, self.id_number, self.date_of_birth, self.sex, self.address,
                   self.phone, self.email]
        for (label, field), buddy in zip(rows, buddies):
            label.setBuddy(buddy)
            form.addRow(label, field)

        self._rep_body = QFrame(self)
        self._rep_body.setFrameShape(QFrame.Shape.StyledPanel)
        rep_form = QFormLayout(self._rep_body)
        for text, key, buddy in ((self.tr("Na&me:"), "representative.name", self.rep_name),
                                 (self.tr("Identi&fier:"), "representative.id_number", self.rep_id),
                                 (self.tr("Authorisation &letter:"), "representative.document", self.rep_document)):
            label = QLabel(text)
            label.setBuddy(buddy)
            rep_form.addRow(label, f[key])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.representative)
        layout.addWidget(self._rep_body)
        layout.addStretch(1)

    # --- API -------------------------------------------------------------------------------------
    def focus_chain(self) -> list[QWidget]:
        return [self.kind, self.name, self.id_type, self.id_number, self.date_of_birth, self.sex, self.address,
                self.phone, self.email, self.representative, self.rep_name, self.rep_id, self.rep_document]

    def applicant_input(self) -> ApplicantInput:
        rep = self.representative.isChecked()
        person = self.kind.currentData() == "individual"
        return ApplicantInput(
            kind=self.kind.currentData(),
            name=self.name.text(),
            id_type=self.id_type.currentData(),
            id_number=self.id_number.text(),
            date_of_birth=(self.date_of_birth.text().strip() or None) if person else None,
            sex=(self.sex.currentData() or None) if person else None,
            address=self.address.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            representative_name=self.rep_name.text() if rep else "",
            representative_id=self.rep_id.text() if rep else "",
            authorisation_document=self.rep_document.text() if rep else "",
        )

    def open_representative(self) -> None:
        self.representative.setChecked(True)

    def reset(self) -> None:
        for edit in (self.name, self.id_number, self.date_of_birth, self.address, self.phone, self.email,
                     self.rep_name, self.rep_id, self.rep_document):
            edit.clear()
        self.kind.setCurrentIndex(0)
        self.sex.setCurrentIndex(0)
        self._id_type_touched = False
        self._on_kind_changed()
        self.representative.setChecked(False)

    # --- behaviour -------------------------------------------------------------------------------
    def _on_kind_changed(self, *_args) -> None:
        kind = self.kind.currentData()
        if not self._id_type_touched:
            self.id_type.setCurrentIndex(self.id_type.findData(DEFAULT_ID_TYPE[kind]))
        person = kind == "individual"
        # An organisation has no birth date or sex: disabled fields also drop out of the Tab order.
        self.date_of_birth.setEnabled(person)
        self.sex.setEnabled(person)
        self._name_label.setText(self.tr("Full &name:") if person else self.tr("Organisation &name:"))

    def _on_representative_toggled(self, open_: bool) -> None:
        self._rep_body.setVisible(open_)  # hidden fields also drop out of the Tab order

    def _on_id_type_activated(self, _index: int) -> None:
        self._id_type_touched = True

    def _on_id_type_changed(self, _index: int = 0) -> None:
        hints = {
            "personal_id": self.tr("12 digits, e.g. 066190001234"),
            "tax_code": self.tr("10 digits, or 10 + branch: 0100109106-001"),
            "passport": self.tr("letters and digits, e.g. C1234567"),
        }
        self.id_number.setPlaceholderText(hints.get(self.id_type.currentData(), ""))

    def _emit_identity(self) -> None:
        self.identity_entered.emit(self.id_number.text(), self.phone.text())
