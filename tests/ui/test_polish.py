"""Polish seen at 1366 × 768: a selected row keeps its deadline colour, an elided cell's text is its
tooltip, the dashboard's 待回复文书 shows whole 文号 and its custody panel eight rows, card notes wrap
between phrases, Tab reaches every button and the keyboard's place is visible, file dialogs open in a
sensible folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSize, QStandardPaths, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QImage, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import file_dialogs
from ui.formatting import keep_phrases, phrases, plain_text
from ui.main_window import CORRECTIONS, DASHBOARD, DETAINEES, LEDGER, MainWindow
from ui.models.cell_delegate import CellDelegate, install
from ui.models.record_table_model import RecordTableModel
from ui.models.row_list_model import RowListModel
from ui.style import FOCUS, RED
from ui.widgets import StatCard

LONG = "毕节市七星关区看守所民警在处置监室纠纷时未按规定使用警戒具"


class Rows(RowListModel):
    """Two columns: a text, and a date coloured red (overdue)."""

    HEADERS = ("事由", "届满日")

    def cell(self, row: tuple[str, str], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QColor(RED)
        return None


@pytest.fixture
def table(qtbot: Any) -> QTableView:
    model = Rows()
    model.set_rows([(LONG, "2026-12-01"), ("短", "2026-12-02")])
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    install(view)
    view.setColumnWidth(0, 120)  # the long text is elided, "短" is not
    view.setColumnWidth(1, 120)
    view.resize(300, 160)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def option_for(view: QTableView, index: QModelIndex) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.widget = view
    return option


def red_pixels(image: QImage, top: int, bottom: int) -> int:
    count = 0
    for y in range(top, bottom):
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            if c.red() > 150 and c.green() < 110 and c.blue() < 110:
                count += 1
    return count


# ---- a selected row keeps its colour ----------------------------------------------------------------


def test_a_selected_cell_is_painted_in_its_own_colour(table: QTableView) -> None:
    index = table.model().index(0, 1)
    option = option_for(table, index)
    option.state |= QStyle.StateFlag.State_Selected
    delegate = table.itemDelegate()
    assert isinstance(delegate, CellDelegate)
    delegate.initStyleOption(option, index)
    assert option.palette.color(QPalette.ColorRole.HighlightedText) == QColor(RED)

    plain = table.model().index(0, 0)  # no colour of its own: the selection's text colour
    option = option_for(table, plain)
    before = option.palette.color(QPalette.ColorRole.HighlightedText)
    delegate.initStyleOption(option, plain)
    assert option.palette.color(QPalette.ColorRole.HighlightedText) == before


def test_the_red_date_stays_red_on_the_selected_row(table: QTableView) -> None:
    table.selectRow(0)
    rect = table.visualRect(table.model().index(0, 1))
    image = table.viewport().grab().toImage()
    assert red_pixels(image, rect.top(), rect.bottom()) > 20

    table.setItemDelegate(QStyledItemDelegate(table))  # Qt's own: the selection's colour
    image = table.viewport().grab().toImage()
    assert red_pixels(image, rect.top(), rect.bottom()) == 0


# ---- an elided cell's text is its tooltip -----------------------------------------------------------


def test_an_elided_cell_shows_its_whole_text_as_tooltip(qtbot: Any, table: QTableView) -> None:
    model = table.model()
    delegate = table.itemDelegate()
    assert isinstance(delegate, CellDelegate)
    long_cell, short_cell = model.index(0, 0), model.index(1, 0)
    assert long_cell.data(Qt.ItemDataRole.ToolTipRole) == LONG  # the whole text, from the model
    assert delegate.is_elided(option_for(table, long_cell), long_cell)
    assert not delegate.is_elided(option_for(table, short_cell), short_cell)
    assert not delegate.tooltip_shown(option_for(table, short_cell), short_cell)

    viewport = table.viewport()
    point = table.visualRect(long_cell).center()
    QApplication.sendEvent(viewport, QHelpEvent(QHelpEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == LONG
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())

    table.setColumnWidth(0, 600)  # now it fits: no tooltip repeating it
    assert not delegate.tooltip_shown(option_for(table, long_cell), long_cell)
    point = table.visualRect(long_cell).center()
    QApplication.sendEvent(viewport, QHelpEvent(QHelpEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert not QToolTip.isVisible()


def test_list_cells_give_their_whole_text_as_tooltip(store: Store, seed: Any, sync_runner: Any) -> None:
    from ui.models.record_lists import correction_list

    seed.notice("served", today_local() + timedelta(days=3), facts=LONG, doc_number="测检纠违〔2026〕1号")
    spec = correction_list()
    model = RecordTableModel(store, spec.source, spec.columns, runner=sync_runner)
    model.reload()
    assert model.rowCount() == 1
    tips = [model.index(0, c).data(Qt.ItemDataRole.ToolTipRole) for c in range(model.columnCount())]
    shown = [model.index(0, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]
    assert tips == [s or None for s in shown]  # short ones too: the view decides where they are cut
    assert "测检纠违〔2026〕1号" in tips


# ---- the dashboard at 1366 × 768 --------------------------------------------------------------------


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[None]:
    """The app's font, style and style sheet (``ui.app.prepare_application``), for this test only."""
    from ui.app import load_ui_font
    from ui.style import apply_style

    font, palette, sheet, style = (
        QFont(qapp.font()),
        QPalette(qapp.palette()),
        qapp.styleSheet(),
        qapp.style().name(),
    )
    load_ui_font(qapp)
    apply_style(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.fixture
def laptop(qtbot: Any, store: Store, seed: Any, idle: Any, app_look: None) -> Iterator[MainWindow]:
    today = today_local()
    for i in range(3):
        seed.notice("served", today + timedelta(days=i), doc_number=f"测检刑执纠违〔2026〕{100 + i}号")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(QSize(1366, 768))
    window.show()
    qtbot.waitExposed(window)
    window.show_page(DASHBOARD)
    dashboard = window.pages[DASHBOARD]
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.awaiting_model.has_loaded)
    idle()
    QApplication.processEvents()
    yield window
    idle()


def test_the_custody_panel_shows_eight_rows(laptop: MainWindow) -> None:
    assert laptop.size() == QSize(1366, 768)
    custody = laptop.pages[DASHBOARD].custody_table
    rows = custody.viewport().height() // custody.verticalHeader().defaultSectionSize()
    assert rows >= 8


def test_awaiting_documents_show_the_whole_number(laptop: MainWindow) -> None:
    dashboard = laptop.pages[DASHBOARD]
    view, model = dashboard.awaiting_table, dashboard.awaiting_model
    assert model.rowCount() == 3
    delegate = view.itemDelegate()
    assert isinstance(delegate, CellDelegate)
    for row in range(3):
        number = model.index(row, 0)
        assert str(number.data()).startswith("测检刑执纠违〔2026〕10")
        assert not delegate.is_elided(option_for(view, number), number), number.data()
    shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    right = max(view.columnViewportPosition(c) + view.columnWidth(c) for c in shown)
    assert right <= view.viewport().width()  # every column in sight, none scrolled away


# ---- card notes wrap between phrases ----------------------------------------------------------------


def wrapped_lines(label: Any, width: int) -> list[str]:
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(plain_text(label.text()[line.textStart() : line.textStart() + line.textLength()]))
    layout.endLayout()
    return lines


def test_card_notes_break_only_between_phrases(qtbot: Any) -> None:
    note = "还差 1 次（每周不少于 1 次）"
    assert phrases(note) == ["还差 1 次", "（每周不少于 1 次）"]
    assert phrases("2 人已逾期，最早 12月3日 到期") == ["2 人已逾期，", "最早 12月3日 到期"]
    assert phrases("Met (at least 2 a week)") == ["Met ", "(at ", "least ", "2 ", "a ", "week)"]
    assert plain_text(keep_phrases(note)) == note

    card = StatCard("本周信箱开启", note)
    qtbot.addWidget(card)
    assert card.note() == note
    metrics = card.note_label.fontMetrics()
    widest = max(metrics.horizontalAdvance(p) for p in phrases(note))
    whole = metrics.horizontalAdvance(note)
    assert card.note_label.minimumWidth() >= widest  # never narrower than a phrase
    for width in (widest, (widest + whole) // 2, whole - 2):
        lines = wrapped_lines(card.note_label, width)
        assert [line.strip() for line in lines] == [p.strip() for p in phrases(note)], width
        # Without the marks Qt breaks inside the bracket: the first line runs into it.
        assert len(wrapped_lines(_Plain(note, card.note_label), width)[0].strip()) > len("还差 1 次")
    assert wrapped_lines(card.note_label, whole + 2) == [note]


class _Plain:
    """A label's text and font, without the phrase marks (how Qt wraps CJK by itself)."""

    def __init__(self, text: str, label: Any) -> None:
        self._text, self._font = text, label.font()

    def text(self) -> str:
        return self._text

    def font(self) -> Any:
        return self._font


# ---- Tab reaches every button; the keyboard's place is visible --------------------------------------


def tab_walk(qtbot: Any, start: QWidget, presses: int = 40) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        assert widget is not None
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


@pytest.mark.parametrize("page", [DETAINEES, CORRECTIONS])
def test_tab_reaches_every_button_of_a_list_page(
    qtbot: Any, laptop: MainWindow, page: int, idle: Any
) -> None:
    laptop.show_page(page)
    view = laptop.pages[page]
    qtbot.waitUntil(lambda: view.model.has_loaded)
    idle()
    laptop.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is laptop)
    seen = tab_walk(qtbot, view.search_edit)
    buttons = [b for b in view.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]
    assert len(buttons) >= 2
    for button in buttons:
        assert button in seen, button.text()
    for stop in (view.date_from, view.date_to, view.state_combo, view.table):
        assert stop in seen
    after_table = seen[seen.index(view.table) + 1]
    assert after_table is not view.table  # Tab leaves the table (arrows move inside it)
    assert seen.count(view.search_edit) >= 2  # and comes round again


def test_tab_goes_through_the_dashboards_tables(qtbot: Any, laptop: MainWindow) -> None:
    dashboard = laptop.pages[DASHBOARD]
    laptop.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is laptop)
    seen = tab_walk(qtbot, dashboard.agenda_table, presses=6)
    assert seen[:3] == [dashboard.agenda_table, dashboard.custody_table, dashboard.awaiting_table]


def focus_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    ring = QColor(FOCUS).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == ring)


def test_a_combo_box_reached_by_tab_shows_a_focus_ring(qtbot: Any, laptop: MainWindow, idle: Any) -> None:
    laptop.show_page(DETAINEES)
    view = laptop.pages[DETAINEES]
    qtbot.waitUntil(lambda: view.model.has_loaded)
    idle()
    laptop.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is laptop)
    combo = view.state_combo
    assert focus_pixels(combo) == 0
    view.date_to.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(view.date_to, Qt.Key.Key_Tab)  # as a user comes to it
    assert QApplication.focusWidget() is combo
    assert focus_pixels(combo) >= 2 * (combo.width() + combo.height())  # a ring all round

    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert focus_pixels(combo) == 0
    button = QApplication.focusWidget()
    assert isinstance(button, (QAbstractButton, QTableView))


# ---- file dialogs open in 文档, or where the last file went ----------------------------------------


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    docs = tmp_path / "文档"
    docs.mkdir()

    def location(kind: QStandardPaths.StandardLocation) -> str:
        return str(docs) if kind == QStandardPaths.StandardLocation.DocumentsLocation else ""

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(location))
    file_dialogs.forget()
    yield docs
    file_dialogs.forget()


def test_file_dialogs_start_in_documents_then_where_the_last_file_went(
    documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert file_dialogs.start_directory() == documents
    asked: list[str] = []
    target = tmp_path / "别处" / "通知书.pdf"
    target.parent.mkdir()

    def save(parent: Any, caption: str, path: str, filters: str) -> tuple[str, str]:
        asked.append(path)
        return str(target), filters

    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", staticmethod(save))
    assert file_dialogs.save_file_name(None, "另存为 PDF", "通知书.pdf", "PDF 文件 (*.pdf)") == target
    assert asked == [str(documents / "通知书.pdf")]  # proposed in 文档
    assert file_dialogs.start_directory() == target.parent  # the next one opens there

    opened: list[str] = []
    monkeypatch.setattr(
        file_dialogs.QFileDialog,
        "getOpenFileName",
        staticmethod(lambda parent, caption, path, filters: (opened.append(path), ("", ""))[1]),
    )
    assert file_dialogs.open_file_name(None, "选择回复扫描件", "PDF (*.pdf)") is None  # cancelled
    assert opened == [str(target.parent)] and file_dialogs.start_directory() == target.parent

    target.parent.rmdir()  # the folder went away: 文档 again
    assert file_dialogs.start_directory() == documents


def test_without_documents_file_dialogs_start_at_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda kind: str(tmp_path / "gone")))
    monkeypatch.setattr(Path, "home", staticmethod(lambda: tmp_path))
    file_dialogs.forget()
    assert file_dialogs.start_directory() == tmp_path


def test_a_narrow_window_keeps_the_header_buttons_whole(qtbot: Any, laptop: MainWindow, idle: Any) -> None:
    """At 1024 px the 在押人员 header holds six buttons; the subtitle wraps instead of squeezing them."""
    laptop.resize(QSize(1024, 700))
    laptop.show_page(DETAINEES)
    view = laptop.pages[DETAINEES]
    qtbot.waitUntil(lambda: view.model.has_loaded)
    idle()
    QApplication.processEvents()
    buttons = [b for b in view.header.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 5
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
    assert view.header.subtitle_label.height() > view.header.subtitle_label.fontMetrics().height()  # wrapped


def test_a_page_with_room_to_spare_keeps_its_header_at_the_top(qtbot: Any, laptop: MainWindow) -> None:
    """台账审查 before any import has room to spare: the header stays as tall as its text."""
    laptop.show_page(LEDGER)
    page = laptop.pages[LEDGER]
    qtbot.waitUntil(lambda: page.empty_label.isVisible())
    QApplication.processEvents()
    assert page.header.height() <= page.header.sizeHint().height() + 2
    assert page.header.title_label.y() < 10
