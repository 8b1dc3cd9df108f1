"""The Qt binding keeps the reference counts of None, True and False.

PySide6 6.12.0 on Python 3.11 dropped one reference to None too many in ordinary calls
(`QLabel.setText`, `processEvents`, `QModelIndex.data`), and `Signal.emit` did the same to True;
after a few minutes of use the count reached zero and the window died with
`Fatal Python error: none_dealloc`. These are the calls apdesk makes most often, each run a
thousand times: a sound binding leaves every count within a handful of where it was (caches
filled on a first call add a few), a defective one moves it by about a thousand.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QTableView

from apdesk.ui.widgets.row_table import RowTableModel

CALLS = 1000
TOLERANCE = 25  # far below one per call, far above what first-call caches add


def counts() -> dict[str, int]:
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
            "False": sys.getrefcount(False)}  # fmt: skip


def drift(call: Callable[[], object]) -> dict[str, int]:
    call()  # fill any first-call cache before counting
    before = counts()
    for _ in range(CALLS):
        call()
    after = counts()
    return {name: after[name] - before[name] for name in before}


class Names(RowTableModel[str]):
    def cell(self, row: str, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return row
        if role == Qt.ItemDataRole.UserRole:
            return None
        return None


class Emitter(QObject):
    flag = Signal(bool)
    value = Signal(object)


@pytest.fixture
def parts(qapp: QApplication) -> dict[str, object]:
    model = Names(["Name"])
    model.set_rows(["Ada Ash", "Ben Birch"])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    emitter = Emitter()
    emitter.flag.connect(lambda _on: None)
    emitter.value.connect(lambda _v: None)
    return {"model": model, "proxy": proxy, "view": view, "emitter": emitter,
            "label": QLabel(), "combo": QComboBox(), "line": QLineEdit()}  # fmt: skip


def calls(qapp: QApplication, p: dict[str, object]) -> dict[str, Callable[[], object]]:
    label, combo, line = p["label"], p["combo"], p["line"]
    model, proxy, emitter = p["model"], p["proxy"], p["emitter"]
    assert isinstance(label, QLabel) and isinstance(combo, QComboBox)
    assert isinstance(line, QLineEdit) and isinstance(model, Names)
    assert isinstance(proxy, QSortFilterProxyModel) and isinstance(emitter, Emitter)
    index = model.index(0, 0)
    return {
        "QLabel.setText": lambda: label.setText("Ada Ash"),
        "QLineEdit.setText": lambda: line.setText("Ada"),
        "QComboBox.addItem": lambda: combo.addItem("Riverside PRU", None),
        "QComboBox.currentData": combo.currentData,
        "QApplication.processEvents": qapp.processEvents,
        "QModelIndex.data(UserRole)": lambda: index.data(Qt.ItemDataRole.UserRole),
        "QModelIndex.data(Display)": lambda: index.data(),
        "proxy.index().data()": lambda: proxy.index(0, 0).data(),
        "Signal.emit(True)": lambda: emitter.flag.emit(True),
        "Signal.emit(False)": lambda: emitter.flag.emit(False),
        "Signal.emit(None)": lambda: emitter.value.emit(None),
        "QWidget.setEnabled(True)": lambda: label.setEnabled(True),
        "QWidget.isVisible": label.isVisible,
    }


NAMES = [
    "QLabel.setText", "QLineEdit.setText", "QComboBox.addItem", "QComboBox.currentData",
    "QApplication.processEvents", "QModelIndex.data(UserRole)", "QModelIndex.data(Display)",
    "proxy.index().data()", "Signal.emit(True)", "Signal.emit(False)", "Signal.emit(None)",
    "QWidget.setEnabled(True)", "QWidget.isVisible",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_a_thousand_calls_leave_none_true_and_false_counted(
    qapp: QApplication, parts: dict[str, object], name: str
) -> None:
    moved = drift(calls(qapp, parts)[name])
    assert all(abs(delta) <= TOLERANCE for delta in moved.values()), (name, moved)


def test_every_probed_call_is_listed(qapp: QApplication, parts: dict[str, object]) -> None:
    assert sorted(calls(qapp, parts)) == sorted(NAMES)
