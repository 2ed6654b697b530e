"""Small building blocks for read-only pages: labelled value grids, simple tables, day pickers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class FieldGrid(QWidget):
    """A form of `label: value` rows; values are selectable (an officer may copy a code) and wrap.
    Each value label gets the objectName `<prefix>.<key>` so tests and screen readers find it."""

    def __init__(self, prefix: str, rows: Sequence[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._values: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setLabelAlignment(Qt.AlignRight | Qt.AlignTop)
        layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.DontWrapRows)
        layout.setVerticalSpacing(4)
        for key, caption in rows:
            label = QLabel(caption + ":", self)
            label.setStyleSheet("color: #555;")
            value = QLabel(self)
            value.setObjectName(f"{prefix}.{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
            label.setBuddy(value)
            layout.addRow(label, value)
            self._values[key], self._labels[key] = value, label
        self._layout = layout

    def set_values(self, values: dict[str, str]) -> None:
        """Fill the rows; a row whose value is empty is hidden, so the page shows what matters."""
        for key, widget in self._values.items():
            text = values.get(key, "")
            widget.setText(text)
            self._layout.setRowVisible(self._labels[key], bool(text))

    def value(self, key: str) -> str:
        return self._values[key].text()


def read_only_table(name: str, headers: Sequence[str], parent: QWidget | None = None, stretch: int = -1) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)  # one line per row keeps the history scannable; the tooltip has it all
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(stretch if stretch >= 0 else len(headers) - 1, QHeaderView.Stretch)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


def table_texts(table: QTableWidget) -> list[list[str]]:
    """All cell texts, row by row (for tests and for copying)."""
    return [[(table.item(r, c).text() if table.item(r, c) else "") for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def plain_table(parent: QWidget, name: str, model: QAbstractItemModel, stretch: int, *,
                table: QTableView | None = None) -> QTableView:
    """A read-only, row-selecting table on `model`, one line per row, column `stretch` taking the room."""
    table = table or QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return table


def date_edit(parent: QWidget, name: str, value: date) -> QDateEdit:
    """A day picker as Vietnamese write dates (dd/MM/yyyy), with a calendar to pick from."""
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit
