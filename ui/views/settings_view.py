"""设置: the station's settings — the same catalogue, validation and sync as ``inspector settings`` —
each with its explanation, its current value and its default.

The list on the left (filtered by a search and a group) shows every setting; the panel on the right
edits the selected one with an input fit for it (a number, 是/否, a choice, ticks, a list typed as
text, a sentence). 保存 and 恢复默认 go through :mod:`inspector.services.settings` in the background
(the role check, validation with the station's other settings, the synced row and an audit entry in
one transaction); a refusal is shown in red under the input, naming the setting.

Above the list, 本机: the language of the desktop on this laptop (``ui.i18n``), kept in ``QSettings``
and used from the next sign-in; and 备份与恢复 (``ui.views.backup_section``): a backup file now, a
restore from one, and how many daily copies this laptop keeps.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError
from inspector.services import settings
from inspector.services.policy import Actor, Permission, PermissionDeniedError, may
from inspector.station_settings import GROUPS, SettingView
from inspector.store.store import Store
from ui import errors, i18n
from ui.i18n import core_text, error_text
from ui.qt_compat import emit
from ui.style import FIELD_LABEL, RED, TEXT_MUTED, scaled_font
from ui.views.backup_section import BackupSection
from ui.widgets import Page
from ui.workers import Runner, run_in_background

GROUP, LABEL, VALUE, DEFAULT, CHANGED = range(5)
KEY_ROLE = Qt.ItemDataRole.UserRole


class SettingEditor(QWidget):
    """The input for one setting, by its kind; :meth:`value` is what to send to the service."""

    changed = Signal()

    def __init__(self, view: SettingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo: QComboBox | None = None
        self.ticks: QListWidget | None = None
        self.line: QLineEdit | None = None
        self.box: QPlainTextEdit | None = None
        kind = view.kind
        if kind in ("bool", "choice"):
            self.combo = QComboBox()
            choices = ((True, self.tr("是")), (False, self.tr("否"))) if kind == "bool" else view.choices
            for value, label in choices:
                self.combo.addItem(core_text(label), value)
            self.combo.currentIndexChanged.connect(lambda _i: emit(self.changed))
            layout.addWidget(self.combo)
        elif kind in ("multi", "flags"):
            self.ticks = QListWidget()
            self.ticks.setObjectName("settingTicks")
            for value, label in view.choices:
                item = QListWidgetItem(core_text(label))
                item.setData(KEY_ROLE, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.ticks.addItem(item)
            self.ticks.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
            self.ticks.setMaximumHeight(self.ticks.fontMetrics().height() * 14)
            self.ticks.itemChanged.connect(lambda _item: emit(self.changed))
            layout.addWidget(self.ticks)
        elif kind in ("long_text", "json"):
            self.box = QPlainTextEdit()
            self.box.setTabChangesFocus(True)
            self.box.setFixedHeight(84)
            self.box.textChanged.connect(lambda: emit(self.changed))
            layout.addWidget(self.box)
        else:
            self.line = QLineEdit()
            if kind == "int" and view.least is not None and view.most is not None:
                self.line.setPlaceholderText(self.tr("{a}至{b}之间的整数").format(a=view.least, b=view.most))
            elif kind in ("int_list", "text_list"):
                self.line.setPlaceholderText(self.tr("多项用顿号“、”分隔"))
            self.line.textChanged.connect(lambda _t: emit(self.changed))
            layout.addWidget(self.line)
        self.set_value(view.value)

    def input_widget(self) -> QWidget:
        widget = self.combo or self.ticks or self.line or self.box
        assert widget is not None
        return widget

    def set_value(self, value: object) -> None:
        view = self.view
        if self.combo is not None:
            at = self.combo.findData(value)
            self.combo.setCurrentIndex(max(at, 0))
        elif self.ticks is not None:
            for i in range(self.ticks.count()):
                item = self.ticks.item(i)
                stored = item.data(KEY_ROLE)
                if view.kind == "flags":
                    on = isinstance(value, dict) and value.get(stored, True) is not False
                else:
                    on = isinstance(value, list | tuple | set | frozenset) and stored in value
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        elif self.box is not None:
            self.box.setPlainText(settings.edit_text(view, value))
        elif self.line is not None:
            self.line.setText(settings.edit_text(view, value))

    def value(self) -> object:
        """What the input holds, as the service takes it (text is parsed, not judged: the service
        says what is wrong, naming the setting)."""
        view = self.view
        if self.combo is not None:
            return self.combo.currentData()
        if self.ticks is not None:
            items = [self.ticks.item(i) for i in range(self.ticks.count())]
            if view.kind == "flags":
                return {i.data(KEY_ROLE): i.checkState() == Qt.CheckState.Checked for i in items}
            return [i.data(KEY_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]
        if self.box is not None:
            return settings.parse_text(view, self.box.toPlainText())
        assert self.line is not None
        return settings.parse_text(view, self.line.text())


class SettingsView(Page):
    """设置: every station setting, one edited at a time."""

    settingChanged = Signal(str)  # the key saved or reset

    def __init__(self, store: Store, *, actor: Actor, runner: Runner | None = None,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent=parent)
        self._local_settings = settings
        self.set_heading(
            self.tr("设置"), self.tr("检察室设置：保存后下次同步时发往办公室，本检察室的其他电脑随之更新")
        )
        self._store = store
        self.actor = actor
        self._run: Runner = runner or run_in_background
        self.views: list[SettingView] = []
        self.loaded = False
        self._busy = False
        self.editor: SettingEditor | None = None

        self.count_label = QLabel("")
        self.count_label.setObjectName("rowCount")
        self.header.right.addWidget(self.count_label)

        local = QHBoxLayout()
        local.setSpacing(8)
        local_title = QLabel(self.tr("本机"))
        local_title.setObjectName("sectionTitle")
        local_title.setFont(scaled_font(local_title, 1.0, bold=True))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        i18n.mark_content(self.language_combo)  # each language by its own name
        for lang in i18n.LANGUAGES:
            self.language_combo.addItem(i18n.LANGUAGE_NAMES[lang], lang)
        chosen = i18n.stored_language(settings) if settings is not None else i18n.language()
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(chosen), 0))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        language_label = QLabel(self.tr("界面语言："))
        language_label.setBuddy(self.language_combo)
        self.language_note = QLabel(self.tr("只用于这台电脑，下次登录时生效"))
        self.language_note.setStyleSheet(f"color: {TEXT_MUTED};")
        local.addWidget(local_title)
        local.addSpacing(12)
        local.addWidget(language_label)
        local.addWidget(self.language_combo)
        local.addWidget(self.language_note, 1)
        self.body.addLayout(local)

        # 备份与恢复 (this laptop's database): only for a role that may change settings.
        self.backup_section = BackupSection(store, actor=actor, runner=self._run)
        self.body.addWidget(self.backup_section)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("查找设置项（名称、说明或键名）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        self.group_filter = QComboBox()
        self.group_filter.addItem(self.tr("全部分组"), "")
        for group in GROUPS:
            self.group_filter.addItem(core_text(group), group)
        self.group_filter.currentIndexChanged.connect(self._fill)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.group_filter)
        self.body.addLayout(bar)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("分组"), self.tr("设置项"), self.tr("当前值"), self.tr("默认值"), self.tr("已修改")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        heads = header.fontMetrics()
        for column, width in ((GROUP, 96), (LABEL, 230), (VALUE, 140), (DEFAULT, 120), (CHANGED, 56)):
            head = self.table.horizontalHeaderItem(column)
            shown = heads.horizontalAdvance(head.text()) + 24 if head is not None else 0
            self.table.setColumnWidth(column, max(width, shown))  # the heading fits, in any language
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        widest = max(self.table.fontMetrics().horizontalAdvance(core_text(g)) for g in GROUPS)
        self.table.setColumnWidth(GROUP, widest + 20)
        self.table.itemSelectionChanged.connect(self._selected)

        self.panel = QFrame()
        self.panel.setObjectName("panel")
        self.panel.setMinimumWidth(360)
        side = QVBoxLayout(self.panel)
        side.setContentsMargins(18, 14, 18, 14)
        side.setSpacing(6)
        self.title_label = QLabel(self.tr("请在左侧选择一个设置项"))
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setFont(scaled_font(self.title_label, 1.1, bold=True))
        self.title_label.setWordWrap(True)
        self.key_label = QLabel("")
        self.key_label.setStyleSheet(f"color: {TEXT_MUTED};")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = QLabel("")
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.default_label = QLabel("")
        self.default_label.setWordWrap(True)
        self.default_label.setStyleSheet(f"color: {FIELD_LABEL};")
        i18n.mark_content(self.default_label)  # a value (a sentence of the documents, a 文号 pattern)
        self.editor_slot = QVBoxLayout()
        self.editor_slot.setContentsMargins(0, 6, 0, 0)
        self.error_label = QLabel("")
        self.error_label.setObjectName("settingError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {RED};")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(self.tr("恢复默认"))
        self.reset_button.setToolTip(self.tr("删除本检察室对该项的设置，改用默认值"))
        self.reset_button.clicked.connect(self.reset)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        self.result = QLabel("")
        self.result.setObjectName("muted")
        self.result.setWordWrap(True)
        self.permission_note = QLabel("")
        self.permission_note.setWordWrap(True)
        self.permission_note.setStyleSheet(f"color: {TEXT_MUTED};")
        for widget in (self.title_label, self.key_label, self.explanation, self.default_label):
            side.addWidget(widget)
        side.addLayout(self.editor_slot)
        side.addWidget(self.error_label)
        side.addLayout(buttons)
        side.addWidget(self.result)
        side.addWidget(self.permission_note)
        side.addStretch(1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 460])
        self.body.addWidget(split, 1)

        self.allowed = may(actor, Permission.SETTINGS)
        if not self.allowed:
            self.permission_note.setText(error_text(PermissionDeniedError(actor.role, Permission.SETTINGS)))
        self.permission_note.setVisible(not self.allowed)
        self._show_selected(None)

    # ---- reading --------------------------------------------------------------------------------------

    def activate(self) -> None:
        if not self.loaded:
            self.refresh()
        self.backup_section.refresh()  # the last daily copy may be new since the page was last shown

    def refresh(self) -> None:
        store = self._store
        self._run(lambda: settings.list_settings(store), self._loaded, lambda e: errors.show_error(e, self),
                  owner=self)  # fmt: skip

    @Slot(object)
    def _loaded(self, views: list[SettingView]) -> None:
        self.loaded = True
        self.views = views
        self._fill()

    def visible_keys(self) -> list[str]:
        items = (self.table.item(r, LABEL) for r in range(self.table.rowCount()))
        return [str(item.data(KEY_ROLE)) for item in items if item is not None]

    @Slot()
    def _fill(self) -> None:
        keep = self.selected_key()
        words = self.search.text().strip().lower()
        group = self.group_filter.currentData()
        shown = [
            v
            for v in self.views
            if (not group or v.group == group)
            and (not words or any(words in t.lower() for t in _searched(v)))
        ]
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        for row, view in enumerate(shown):
            self._fill_row(row, view)
        self.table.blockSignals(False)
        changed = sum(1 for v in self.views if v.overridden)
        self.count_label.setText(
            self.tr("共 {n} 项，已修改 {k} 项").format(n=len(self.views), k=changed)
            if len(shown) == len(self.views)
            else self.tr("显示 {m} / {n} 项").format(m=len(shown), n=len(self.views))
        )
        keys = [v.key for v in shown]
        if keep in keys:
            self.table.selectRow(keys.index(keep))
        elif shown:
            self.table.selectRow(0)
        self._selected()

    def _fill_row(self, row: int, view: SettingView) -> None:
        current = self.value_text(view, view.value)
        default = self.value_text(view, view.default)
        label = core_text(view.label)
        cells = (core_text(view.group), label, current, default, self.tr("是") if view.overridden else "")
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(KEY_ROLE, view.key)
            tip = (
                self.tr("{label}（{key}）").format(label=label, key=view.key)
                + "\n"
                + core_text(view.explanation)
            )
            item.setToolTip(tip if column == LABEL else text)
            if view.overridden and column in (VALUE, CHANGED):
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)

    def selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), LABEL)
        return str(item.data(KEY_ROLE)) if item is not None else None

    def select_key(self, key: str) -> None:
        if key not in self.visible_keys():
            self.search.clear()
            self.group_filter.setCurrentIndex(0)
        keys = self.visible_keys()
        if key in keys:
            self.table.selectRow(keys.index(key))

    def value_text(self, view: SettingView, value: object) -> str:
        """``value`` as the list shows it, in the UI's language (the service's ``value_text``, whose
        是/否, choice labels and list words are Chinese, for the values that are words)."""
        kind = view.kind
        if kind == "bool" or isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if kind == "choice":
            return next((core_text(label) for stored, label in view.choices if stored == value), str(value))
        sep = self.tr("、")
        if kind == "multi" and isinstance(value, list | tuple | set | frozenset):
            chosen = [core_text(label) for stored, label in view.choices if stored in value]
            if chosen and len(chosen) == len(view.choices) and len(chosen) > 2:
                return self.tr("全部")
            return sep.join(chosen) if chosen else self.tr("（无）")
        if kind == "flags" and isinstance(value, Mapping):
            off = [core_text(label) for stored, label in view.choices if value.get(stored) is False]
            return self.tr("不顺延：{items}").format(items=sep.join(off)) if off else self.tr("全部顺延")
        if isinstance(value, list | tuple):
            return sep.join(str(v) for v in value) if value else self.tr("（无）")
        return settings.value_text(view, value)

    # ---- this laptop ----------------------------------------------------------------------------------

    @Slot(int)
    def _language_chosen(self, _index: int) -> None:
        lang = str(self.language_combo.currentData() or i18n.DEFAULT_LANGUAGE)
        i18n.store_language(self._local_settings, lang)
        now = lang == i18n.language()
        self.language_note.setText(
            self.tr("只用于这台电脑，下次登录时生效")
            if now
            else self.tr("已选择；下次登录时生效（切换用户或重新打开程序）")
        )

    def view_of(self, key: str) -> SettingView | None:
        return next((v for v in self.views if v.key == key), None)

    # ---- the panel ------------------------------------------------------------------------------------

    @Slot()
    def _selected(self) -> None:
        key = self.selected_key()
        if self.editor is not None and self.editor.view.key == key:
            return
        self._show_selected(self.view_of(key) if key is not None else None)

    def _show_selected(self, view: SettingView | None) -> None:
        if self.editor is not None:
            self.editor_slot.removeWidget(self.editor)
            self.editor.hide()
            self.editor.deleteLater()
            self.editor = None
        self.error_label.hide()
        self.result.setText("")
        if view is None:
            self.title_label.setText(self.tr("请在左侧选择一个设置项"))
            for label in (self.key_label, self.explanation, self.default_label):
                label.setText("")
            self.save_button.setEnabled(False)
            self.reset_button.setEnabled(False)
            return
        self.title_label.setText(core_text(view.label))
        self.key_label.setText(view.key)
        self.explanation.setText(core_text(view.explanation))
        self.default_label.setText(self.tr("默认值：{v}").format(v=self.value_text(view, view.default)))
        self.editor = SettingEditor(view)
        self.editor.setEnabled(self.allowed and not self._busy)
        self.editor.changed.connect(self._edited)
        self.editor_slot.addWidget(self.editor)
        self._update_buttons()

    def _edited(self) -> None:
        self.error_label.hide()
        self.result.setText("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        view = self.editor.view if self.editor is not None else None
        ready = view is not None and self.allowed and not self._busy
        self.save_button.setEnabled(ready)
        self.reset_button.setEnabled(ready and view is not None and view.overridden)

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    # ---- saving ---------------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        if self.editor is None or self._busy:
            return
        store, actor, key, value = self._store, self.actor, self.editor.view.key, self.editor.value()

        def work() -> tuple[str, list[SettingView]]:
            settings.set_setting(store, actor, key, value)
            return key, settings.list_settings(store)  # others may read differently now (per-rule 顺延)

        self._start()
        self._run(work, self._saved, self._refused, owner=self)

    @Slot()
    def reset(self) -> None:
        if self.editor is None or self._busy:
            return
        store, actor, key = self._store, self.actor, self.editor.view.key

        def work() -> tuple[str, list[SettingView]]:
            settings.reset_setting(store, actor, key)
            return key, settings.list_settings(store)

        self._start()
        self._run(work, lambda done: self._saved(done, reset=True), self._refused, owner=self)

    def _start(self) -> None:
        self._busy = True
        self.error_label.hide()
        if self.editor is not None:
            self.editor.setEnabled(False)
        self._update_buttons()

    def _finish(self) -> None:
        self._busy = False
        if self.editor is not None:
            self.editor.setEnabled(self.allowed)
        self._update_buttons()

    def _saved(self, done: tuple[str, list[SettingView]], *, reset: bool = False) -> None:
        key, self.views = done
        self._finish()
        view = self.view_of(key)
        if view is not None and self.editor is not None and self.editor.view.key == key:
            self.editor.view = view
            self.editor.set_value(view.value)
        self._fill()
        self.select_key(key)
        self._update_buttons()
        self.error_label.hide()
        self.result.setText(
            self.tr("已恢复默认值；下次同步时发往办公室")
            if reset
            else self.tr("已保存；下次同步时发往办公室")
        )
        emit(self.settingChanged, key)

    def _refused(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, InspectorError):
            self.error_label.setText(error_text(exc))
            self.error_label.show()
        else:
            errors.show_error(exc, self)


def _searched(view: SettingView) -> tuple[str, ...]:
    """What the search box matches: the setting's name and explanation (as stored and as shown), its key."""
    return (view.label, core_text(view.label), view.key, view.explanation, core_text(view.explanation))
