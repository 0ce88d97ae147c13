"""The one form every record kind is edited in, built from the field catalogue and a small spec.

Reading and saving run in the background (``ui.workers``): the form opens at once with 正在读取…,
fills itself from :func:`inspector.services.records.load_for_edit` (or a prefilled ``EditState``),
and saves only the changed fields with the version it loaded through
:func:`inspector.services.records.save`. Problems show under their field while typing (the record's
validation spec, the catalogue's required fields, and what an editor knows, e.g. a detainee typed but
not chosen) and 保存 stays disabled until there are none. A record changed elsewhere since it was
opened is never overwritten: the form lists 您的修改 beside 当前内容 and lets the user reload.

Typing is never lost: while something changed, the form's values are kept as a local draft every few
seconds and when it is closed; opening the same form again offers the draft back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.catalogue import Field, FieldKind, field_of, kind_label, label
from inspector.domain.errors import FieldError, InspectorError, ValidationError
from inspector.domain.records import SPECS as VALIDATION
from inspector.domain.validation import SHANGHAI
from inspector.services import attachments, drafts, lookup, records
from inspector.services.attachments import AttachmentInfo
from inspector.services.drafts import Draft
from inspector.services.policy import Actor, Permission, PermissionDeniedError, may
from inspector.services.records import EditState, Saved, StaleEditError
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors
from ui.formatting import fmt_date, fmt_datetime, fmt_time
from ui.forms.attachments import AttachmentPanel
from ui.forms.children import ChildRowsEditor
from ui.forms.fields import DetaineePicker, EditorContext, FieldEditor, is_blank, make_editor, normalised
from ui.forms.specs import FormSpec, MadeUnderParentError, spec_for, spec_text
from ui.i18n import core_text, error_text
from ui.qt_compat import emit
from ui.style import (
    AMBER_TINT,
    CARD_BORDER,
    FIELD_LABEL,
    PAGE_BG,
    PRIMARY,
    RED,
    RED_TINT,
    TEXT,
    TEXT_MUTED,
    required_mark,
)
from ui.workers import Runner, run_in_background

AUTOSAVE_MS = 4_000
LABEL_WIDTH = 112
MIN_HEIGHT = 300  # a form is never shorter than this, however few its fields

FORM_STYLE = f"""
QDialog#recordForm {{ background: {PAGE_BG}; }}
QWidget#formBody {{ background: {PAGE_BG}; }}
QScrollArea#formScroll {{ border: none; background: {PAGE_BG}; }}
QFrame#formCard {{ background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 6px; }}
QFrame#formCard QLabel {{ background: transparent; }}
QLabel#groupTitle {{ color: {TEXT}; font-weight: bold; padding-top: 2px; }}
QLabel#fieldLabel {{ color: {FIELD_LABEL}; padding-top: 5px; }}
QLabel#columnHead {{ color: {FIELD_LABEL}; }}
QLabel#fieldError {{ color: {RED}; }}
QLabel#fieldNote {{ color: {TEXT_MUTED}; }}
QLabel#formHint {{ color: {TEXT_MUTED}; }}
QLabel#formHint[level="error"] {{ color: {RED}; }}
QFrame#banner {{ border-radius: 4px; }}
QFrame#banner[level="info"] {{ background: #eef5ff; border: 1px solid #c5dafa; }}
QFrame#banner[level="warning"] {{ background: {AMBER_TINT}; border: 1px solid #f0d29a; }}
QFrame#banner[level="error"] {{ background: {RED_TINT}; border: 1px solid #efb8b8; }}
QFrame#banner QLabel {{ background: transparent; border: none; }}
QPushButton#primary {{
    background: {PRIMARY}; color: #ffffff; border: 1px solid #174a88; border-radius: 4px; padding: 5px 18px;
}}
QPushButton#primary:disabled {{ background: #9fb6d3; border-color: #9fb6d3; }}
"""


class Banner(QFrame):
    """A line of text across the top of the form, with buttons (a draft to restore, an error)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 8, 8, 8)
        self.row.addWidget(self.text, 1)
        self.buttons: list[QPushButton] = []
        self.setVisible(False)

    def show_message(
        self, text: str, level: str = "info", actions: list[tuple[str, Callable[[], None]]] | None = None
    ) -> None:
        for b in self.buttons:
            self.row.removeWidget(b)
            b.deleteLater()
        self.buttons = []
        self.text.setText(text)
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        for caption, slot in actions or []:
            button = QPushButton(caption)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons.append(button)
        self.setVisible(True)

    def clear(self) -> None:
        for b in self.buttons:
            self.row.removeWidget(b)
            b.deleteLater()
        self.buttons = []
        self.text.clear()
        self.setVisible(False)


@dataclass(frozen=True)
class Conflict:
    """One field of a record that changed elsewhere: what this form has, and what the record has now."""

    kind: str
    record_id: uuid.UUID | None  # None: the form's own record
    field: str
    mine: Any
    theirs: Any
    base: Any = None  # what the form had loaded before either side changed it


@dataclass(frozen=True)
class _Loaded:
    state: EditState
    draft: Draft | None
    users: list[lookup.UserOption]
    labels: dict[uuid.UUID, str]
    attachments: list[AttachmentInfo] | None = None  # None: a new record (nothing to attach to yet)


def _ids_in(values: Mapping[str, Any], kind: str, kinds: tuple[FieldKind, ...]) -> list[object]:
    out: list[object] = []
    for name, value in values.items():
        f = field_of(kind, name)
        if f is None or f.kind not in kinds or value is None:
            continue
        out += list(value) if isinstance(value, list | tuple) else [value]
    return out


class RecordForm(QDialog):
    """Edit one record (``record_id``) or a new one of ``kind``. Emits :attr:`saved` and closes when
    the record is saved."""

    saved = Signal(str, object)  # kind, record id
    loaded = Signal()  # filled in and ready to type into
    draftStored = Signal()  # a draft was written (autosave or on close)

    def __init__(
        self,
        store: Store,
        kind: str,
        record_id: uuid.UUID | None = None,
        *,
        actor: Actor,
        runner: Runner | None = None,
        prefill: EditState | None = None,
        from_finding: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if prefill is not None and prefill.kind != kind:
            raise ValueError(f"a {prefill.kind} prefill cannot open a {kind} form")
        spec = spec_for(kind)
        is_new = record_id is None and (prefill is None or prefill.record_id is None)
        if is_new and not spec.new_alone(prefill.links if prefill is not None else {}):
            raise MadeUnderParentError(spec)  # a letter: open_record_form opens its 开箱记录 instead
        super().__init__(parent)
        self.setObjectName("recordForm")
        self.setStyleSheet(FORM_STYLE)
        self.store = store
        self.kind = kind
        self.spec: FormSpec = spec
        self.record_id = record_id if record_id is not None else (prefill.record_id if prefill else None)
        self.actor = actor
        self._run: Runner = runner or run_in_background
        self._prefill = prefill
        links = dict(prefill.links) if prefill is not None else {}
        self.from_finding: uuid.UUID | None = from_finding or links.pop("from_finding", None)
        links.pop("from_finding", None)
        self.links: dict[str, Any] = links
        self.state: EditState | None = None
        self.version: str | None = None
        self.original: dict[str, Any] = {}
        self.editors: dict[str, FieldEditor] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.rows_editor: ChildRowsEditor | None = None
        self.attachment_panel: AttachmentPanel | None = None
        self.ctx: EditorContext | None = None
        self.touched: set[str] = set()
        self.server_errors: dict[str, list[str]] = {}
        self.conflicts: list[Conflict] = []
        self.stale = False  # a save was refused as stale: reload before saving again
        self.reloading = False
        self.is_loaded = False
        self.saving = False
        self.draft_offer: Draft | None = None
        self.close_question: QMessageBox | None = None
        self._finished = False
        self._draft_busy = False
        self._draft_exists = False
        self._save_waiting = False
        self._last_draft: dict[str, Any] | None = None
        self._setting = False

        title = self.tr("新建{kind}") if self.record_id is None else self.tr("修改{kind}")
        self.setWindowTitle(title.format(kind=self.spec.title))
        self.setSizeGripEnabled(True)
        self._build_frame()
        self.fit_size()

        self._shortcuts: list[QShortcut] = []
        self._shortcut("Ctrl+S", self.save_if_valid)
        self._shortcut("Ctrl+Return", self.add_child_row)
        self._shortcut("Ctrl+Enter", self.add_child_row)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self._load()

    # ---- frame -----------------------------------------------------------------------------------

    def _build_frame(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 12)
        outer.setSpacing(10)
        self.banner = Banner()
        outer.addWidget(self.banner)
        self.conflict_panel = self._build_conflict_panel()
        outer.addWidget(self.conflict_panel)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("formScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.body.setObjectName("formBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 6, 0)
        self.body_layout.setSpacing(12)
        self.loading_label = QLabel(self.tr("正在读取…"))
        self.loading_label.setObjectName("fieldNote")
        self.body_layout.addWidget(self.loading_label)
        self.body_layout.addStretch(1)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.hint = QLabel()
        self.hint.setObjectName("formHint")
        self.hint.setWordWrap(True)
        buttons.addWidget(self.hint, 1)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setToolTip("Esc")
        self.cancel_button.clicked.connect(lambda _checked=False: self.reject())
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("primary")
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

    def _build_conflict_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("banner")
        panel.setProperty("level", "warning")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 8, 12, 8)
        self.conflict_text = QLabel()
        self.conflict_text.setWordWrap(True)
        layout.addWidget(self.conflict_text)
        self.conflict_table = QTableWidget(0, 3)
        self.conflict_table.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("您的修改"), self.tr("当前内容")]
        )
        self.conflict_table.verticalHeader().setVisible(False)
        self.conflict_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflict_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.conflict_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.conflict_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.conflict_table)
        row = QHBoxLayout()
        row.addStretch(1)
        self.keep_mine_button = QPushButton(self.tr("重新载入，保留我的修改"))
        self.keep_mine_button.setAutoDefault(False)
        self.keep_mine_button.setToolTip(
            self.tr("载入这条记录现在的版本；表中仍是您填写的内容，再次保存即以您的修改为准")
        )
        self.keep_mine_button.clicked.connect(lambda _checked=False: self.reload(take_theirs=False))
        self.take_theirs_button = QPushButton(self.tr("改用当前内容"))
        self.take_theirs_button.setAutoDefault(False)
        self.take_theirs_button.setToolTip(self.tr("载入这条记录现在的版本，他人修改过的字段改为当前内容"))
        self.take_theirs_button.clicked.connect(lambda _checked=False: self.reload(take_theirs=True))
        row.addWidget(self.keep_mine_button)
        row.addWidget(self.take_theirs_button)
        layout.addLayout(row)
        panel.setVisible(False)
        return panel

    def fit_size(self) -> None:
        """As tall as the content, up to the screen's height less 60 px (then it scrolls), at least
        MIN_HEIGHT. Before the fields are read in, a guess from how many there are."""
        outer = self.layout()
        if self.is_loaded and outer is not None:
            # the banner and the hint wrap their text: their height at this width, not their size hint
            width = self.width() if self.isVisible() else self.spec.width
            total = (
                outer.totalHeightForWidth(width)
                if outer.hasHeightForWidth()
                else outer.totalSizeHint().height()
            )
            item = outer.itemAt(outer.indexOf(self.scroll_area))  # as the layout counts it
            chrome = total - (item.sizeHint().height() if item is not None else 0)
            frame = 2 * self.scroll_area.frameWidth()
            wanted = chrome + frame + self.body.sizeHint().height()
        else:
            wanted = 180 + 44 * len(self.spec.field_names()) + (160 if self.spec.child else 0)
        height = max(wanted, MIN_HEIGHT)
        screen = self.screen() if self.isVisible() else QGuiApplication.primaryScreen()
        if screen is not None:
            height = min(height, max(screen.availableGeometry().height() - 60, MIN_HEIGHT))
        if not self.isVisible():
            self.resize(self.spec.width, height)
            return
        # Shown already (the fields arrive after the form opens): it keeps its centre, on the screen.
        before = self.frameGeometry()
        extra = before.height() - self.height()  # the window's title bar and borders
        self.resize(self.width(), height)
        if screen is not None:
            area = screen.availableGeometry()
            top = before.center().y() - (height + extra) // 2
            top = max(area.top(), min(top, area.bottom() + 1 - height - extra))
            self.move(before.x(), top)

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)

    # ---- loading ---------------------------------------------------------------------------------

    def _load(self) -> None:
        store, kind, record_id, actor, prefill = (
            self.store,
            self.kind,
            self.record_id,
            self.actor,
            self._prefill,
        )
        child_kind = self.spec.child.kind if self.spec.child else ""
        with_attachments = self.spec.attachments

        def work() -> _Loaded:
            if prefill is not None:
                state = prefill
            else:
                state = records.load_for_edit(store, kind, record_id, actor=actor)
            draft = drafts.find_draft(store, actor.user_id, kind, record_id)
            values: list[Mapping[str, Any]] = [state.values]
            if draft is not None:
                values.append(draft.values.get("fields") or {})
            users = lookup.user_options(
                store, [i for v in values for i in _ids_in(v, kind, (FieldKind.USERS, FieldKind.USER))]
            )
            people = [i for v in values for i in _ids_in(v, kind, (FieldKind.DETAINEE,))]
            people += [
                i for c in state.children for i in _ids_in(c.values, child_kind, (FieldKind.DETAINEE,))
            ]
            if "detainee_id" in state.links:
                people.append(state.links["detainee_id"])
            files = None
            if with_attachments and state.record_id is not None:
                files = attachments.list_attachments(store, kind, state.record_id)
            return _Loaded(state, draft, users, lookup.detainee_labels(store, people), files)

        self._run(work, self._loaded, self._load_failed, owner=self)

    def _load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, InspectorError):
            errors.show_error(exc, self)
        message = error_text(exc) if isinstance(exc, InspectorError) else self.tr("读取记录时出错。")
        self.loading_label.setText("")
        self.banner.show_message(self.tr("{message} 请关闭此窗口后重试。").format(message=message), "error")

    def _loaded(self, result: _Loaded) -> None:
        state = result.state
        self.state = state
        self.version = state.version
        if self.record_id is None:
            self.links = {**state.links, **self.links}
            self.links.pop("from_finding", None)
        self.original = dict(state.values)
        labels = dict(result.labels)
        if result.draft is not None:
            for key, text in (result.draft.values.get("labels") or {}).items():
                labels.setdefault(uuid.UUID(str(key)), str(text))
        self.ctx = EditorContext(
            self.store,
            self._run,
            users=result.users,
            detainee_labels=labels,
            multiline_lists=self.spec.multiline_lists,
            tall=self.spec.tall,
        )
        self._setting = True
        try:
            self._build_fields()
            for name, editor in self.editors.items():
                editor.set_value(self.original.get(name))
            if self.rows_editor is not None:
                self.rows_editor.load(state.children)
                if self.record_id is None and self.spec.starter_row:
                    self.rows_editor.add_row()
            if self.attachment_panel is not None:
                if self.record_id is not None and result.attachments is not None:
                    self.attachment_panel.set_record(self.kind, self.record_id, result.attachments)
                else:
                    self.attachment_panel.set_unsaved()
        finally:
            self._setting = False
        self.loading_label.setVisible(False)
        for card in self.body.findChildren(QFrame, "formCard"):
            card.show()  # at once (a widget added to a shown layout appears only at the next turn)
        self.is_loaded = True
        if not may(self.actor, Permission.EDIT):
            refusal = error_text(PermissionDeniedError(self.actor.role, Permission.EDIT))
            self.banner.show_message(
                self.tr("{refusal}：本窗口只能查看，不能保存。").format(refusal=refusal), "error"
            )
        elif result.draft is not None and self._draft_matches(result.draft):
            self._offer_draft(result.draft)
        self.validate()
        self.fit_size()
        self._focus_first()
        self.autosave_timer.start()
        emit(self.loaded)

    def _build_fields(self) -> None:
        assert self.ctx is not None
        fields = self._shown_fields()
        columns = max(1, self.spec.columns)
        row = QHBoxLayout()
        row.setSpacing(12)
        stacks = [QVBoxLayout() for _ in range(columns)]
        for stack in stacks:
            stack.setSpacing(12)
            row.addLayout(stack, 1)
        link_names = {f.name for f in self._link_fields()}
        groups: list[tuple[str, int, list[Field]]] = []
        if link_names:
            groups.append(("", 0, [f for f in fields if f.name in link_names]))
        for group in self.spec.groups:
            groups.append((group.title, group.column, [f for f in fields if f.name in group.fields]))
        for title, column, group_fields in groups:
            if group_fields:
                stacks[min(column, columns - 1)].addWidget(self._group_card(title, group_fields))
        for stack in stacks:
            stack.addStretch(1)
        self.body_layout.insertLayout(0, row)
        if self.spec.child is not None:
            card = QFrame()
            card.setObjectName("formCard")
            layout = QVBoxLayout(card)
            layout.setContentsMargins(16, 12, 16, 12)
            heading = QLabel(spec_text(self.spec.child.title))
            heading.setObjectName("groupTitle")
            layout.addWidget(heading)
            self.rows_editor = ChildRowsEditor(self.spec.child, self.ctx)
            self.rows_editor.edited.connect(self._children_edited)
            layout.addWidget(self.rows_editor)
            self.body_layout.insertWidget(1, card)
        if self.spec.attachments:
            self.body_layout.insertWidget(2 if self.spec.child is not None else 1, self._attachment_card())

    def _attachment_card(self) -> QFrame:
        """附件: the saved record's attachments (added and deleted at once, not by 保存); a new record
        says they can be added once it is saved."""
        card = QFrame()
        card.setObjectName("formCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        heading = QLabel(self.tr("附件"))
        heading.setObjectName("groupTitle")
        layout.addWidget(heading)
        self.attachment_panel = AttachmentPanel(self.store, self.actor, runner=self._run)
        self.attachment_panel.changed.connect(self.fit_size)
        layout.addWidget(self.attachment_panel)
        return card

    def _group_card(self, title: str, fields: list[Field]) -> QFrame:
        assert self.ctx is not None
        card = QFrame()
        card.setObjectName("formCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        if title:
            heading = QLabel(spec_text(title))
            heading.setObjectName("groupTitle")
            layout.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        for f in fields:
            caption = QLabel(required_mark(core_text(f.label), f.required))
            caption.setObjectName("fieldLabel")
            caption.setTextFormat(Qt.TextFormat.RichText)
            caption.setMinimumWidth(LABEL_WIDTH)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if f.help:
                caption.setToolTip(core_text(f.help))
            editor = make_editor(f, self.ctx)
            editor.edited.connect(lambda name=f.name: self.field_edited(name))
            caption.setBuddy(editor.focus_widgets()[0])
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.setVisible(False)
            box.addWidget(error)
            form.addRow(caption, cell)
            self.editors[f.name] = editor
            self.error_labels[f.name] = error
            self.captions[f.name] = caption
        layout.addLayout(form)
        return card

    def given(self) -> dict[str, Any]:
        """What a new record is saved with besides its fields: its links (e.g. the oral correction
        a notice escalates) and prefilled values the form has no field for."""
        out = {k: v for k, v in self.original.items() if k not in self.editors and not is_blank(v)}
        out.update({k: v for k, v in self.links.items() if v is not None})
        return out

    def _link_fields(self) -> list[Field]:
        """Links a new record needs that the caller did not give (e.g. whose custody event)."""
        if self.record_id is not None:
            return []
        return [f for f in self.spec.links if self.given().get(f.name) is None]

    def _shown_fields(self) -> list[Field]:
        by_name = {f.name: f for f in self.spec_fields()}
        out = list(self._link_fields())
        out += [by_name[n] for n in self.spec.field_names() if n in by_name]
        return out

    def spec_fields(self) -> list[Field]:
        out = []
        for name in self.spec.field_names():
            f = field_of(self.kind, name)
            if f is not None:
                out.append(f)
        return out

    def field_spec(self, name: str) -> Field | None:
        for f in self._shown_fields():
            if f.name == name:
                return f
        return None

    def focus_chain(self) -> list[QWidget]:
        """Where Tab goes, top to bottom: a message's buttons, the fields, the child rows, then
        取消 and 保存 (widgets hidden or disabled are skipped)."""
        chain: list[QWidget] = list(self.banner.buttons)
        if self.conflict_panel.isVisible():
            chain += [self.keep_mine_button, self.take_theirs_button]
        for editor in self.editors.values():
            chain += editor.focus_widgets()
        if self.rows_editor is not None:
            chain += self.rows_editor.focus_widgets()
        if self.attachment_panel is not None:
            chain += self.attachment_panel.focus_widgets()
        chain += [self.cancel_button, self.save_button]
        return [w for w in chain if w.isVisibleTo(self) and w.isEnabled()]

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab follow :meth:`focus_chain` (a form's widgets are made in another order,
        and child rows are added later)."""
        chain = self.focus_chain()
        index = self._chain_index(chain, QApplication.focusWidget())
        if not chain or index is None:
            return super().focusNextPrevChild(next)
        target = chain[(index + (1 if next else -1)) % len(chain)]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        if self.scroll_area.isAncestorOf(target):
            self.scroll_area.ensureWidgetVisible(target)
        return True

    def _chain_index(self, chain: list[QWidget], widget: QWidget | None) -> int | None:
        """The place in ``chain`` of ``widget``, or of the field it is part of (e.g. the third box of
        a group whose first box is in the chain)."""
        editors: list[FieldEditor] = list(self.editors.values())
        if self.rows_editor is not None:
            editors += [e for row in self.rows_editor.live_rows() for e in row.editors.values()]
        while widget is not None and widget is not self:
            if widget in chain:
                return chain.index(widget)
            if isinstance(widget, FieldEditor) and widget in editors:
                inside = [w for w in widget.focus_widgets() if w in chain]
                if inside:
                    return chain.index(inside[-1])
            widget = widget.parentWidget()
        return None

    def _focus_first(self) -> None:
        values = self.values()
        target = next(
            (
                e
                for name, e in self.editors.items()
                if e.field.required and is_blank(values.get(name)) and e.isEnabled()
            ),
            next(iter(self.editors.values()), None),
        )
        if target is not None:
            target.focus_widgets()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- values ----------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def changes(self) -> dict[str, Any]:
        """What :func:`records.save` is sent: every value of a new record (with its links), or the
        fields of a loaded record that differ from what was loaded."""
        values = self.values()
        if self.record_id is None:
            out = {k: v for k, v in values.items() if not is_blank(v)}
            for key, value in self.given().items():
                out.setdefault(key, value)
            return out
        return {k: v for k, v in values.items() if normalised(v) != normalised(self.original.get(k))}

    def dirty(self) -> bool:
        if not self.is_loaded:
            return False
        values = self.values()
        fields_changed = any(normalised(v) != normalised(self.original.get(k)) for k, v in values.items())
        return fields_changed or (self.rows_editor is not None and self.rows_editor.dirty())

    # ---- checking --------------------------------------------------------------------------------

    def field_errors(self) -> dict[str, list[str]]:
        """Every problem, by field (``""`` for a problem with no field on this form)."""
        values = self.values()
        check = dict(values)
        if self.record_id is None:
            check.update({k: v for k, v in self.given().items() if k not in check})
        spec = VALIDATION.get(self.kind)
        found: list[FieldError] = []
        if spec is not None:
            found = spec.errors(check, today=today_local(), partial=self.record_id is not None)
        out: dict[str, list[str]] = {}
        for e in found:
            key = e.field if e.field in self.editors else ""
            out.setdefault(key, [])
            text = error_text(e)
            if text not in out[key]:
                out[key].append(text)
        for name, editor in self.editors.items():
            problem = editor.problem()
            if problem:  # e.g. a name typed in the picker but nobody chosen: that is the one thing to say
                out[name] = [problem]
            elif editor.field.required and is_blank(values.get(name)) and name not in out:
                out[name] = [self.tr("请填写{label}").format(label=core_text(editor.field.label))]
        for name, messages in self.server_errors.items():
            for m in messages:
                if m not in out.get(name, []):
                    out.setdefault(name if name in self.editors else "", []).append(m)
        return out

    def validate(self) -> bool:
        """Show each field's problems under it; enable 保存 when there are none. True if valid."""
        if not self.is_loaded:
            return False
        problems = self.field_errors()
        values = self.values()
        for name, label_widget in self.error_labels.items():
            messages = problems.get(name, [])
            # An empty required field is only pointed out once the user has been there.
            show = bool(messages) and (
                name in self.touched or not is_blank(values.get(name)) or name in self.server_errors
            )
            label_widget.setText(self.tr("；").join(messages) if show else "")
            label_widget.setVisible(show)
        rows_ok = self.rows_editor.show_errors() if self.rows_editor is not None else True
        ok = not problems and rows_ok
        self._update_buttons(ok, problems, rows_ok)
        return ok

    def _update_buttons(self, ok: bool, problems: dict[str, list[str]], rows_ok: bool) -> None:
        allowed = may(self.actor, Permission.EDIT)
        changed = self.record_id is None or self.dirty()
        busy = self.saving or self.reloading or self.stale
        self.save_button.setEnabled(ok and allowed and changed and not busy and self.is_loaded)
        level = ""
        if self.saving:
            text = self.tr("正在保存…")
        elif self.reloading:
            text = self.tr("正在载入当前内容…")
        elif self.stale:
            text, level = self.tr("记录已被他人修改：请先重新载入，再保存"), "error"
        elif not allowed:
            text, level = self.tr("没有修改权限"), "error"
        elif problems or not rows_ok:
            names = [core_text(self.editors[n].field.label) for n in self.editors if n in problems]
            if not rows_ok and self.spec.child is not None:
                names.append(spec_text(self.spec.child.title))
            text = self.tr("还需填写或改正：{names}").format(names=self.tr("、").join(names)) if names else ""
            if "" in problems:
                text = (text + self.tr("；") if text else "") + self.tr("；").join(problems[""])
            level = "error"
        elif not changed:
            text = self.tr("没有修改")
        else:
            text = self.tr("按 Ctrl+S 保存")
        self.hint.setText(text)
        if self.hint.property("level") != level:
            self.hint.setProperty("level", level)
            self.hint.style().unpolish(self.hint)
            self.hint.style().polish(self.hint)

    def field_edited(self, name: str) -> None:
        """A field was changed by the user (subclasses add behaviour, e.g. the ID number)."""
        if self._setting:
            return
        self.touched.add(name)
        self.server_errors.pop(name, None)
        self.validate()

    def _children_edited(self) -> None:
        if self._setting:
            return
        self.server_errors.pop("", None)
        self.validate()

    def add_child_row(self) -> None:
        """Ctrl+Enter: a new child row, with the cursor in its first cell."""
        if self.rows_editor is None or not self.is_loaded:
            return
        row = self.rows_editor.add_row(focus=True)
        first = next(iter(row.editors.values()))
        QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(first))

    # ---- saving ----------------------------------------------------------------------------------

    def save_if_valid(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def save(self) -> None:
        """Send the changes in the background; on success emit :attr:`saved` and close."""
        if not self.is_loaded or self.saving:
            return
        if self._draft_busy:  # a draft being written must not land after the save discards it
            self._save_waiting = True
            return
        self.saving = True
        self.autosave_timer.stop()
        self.validate()
        store, kind, record_id, actor = self.store, self.kind, self.record_id, self.actor
        changes, version, from_finding = self.changes(), self.version, self.from_finding
        children = self.rows_editor.changes() if self.rows_editor is not None else []

        def work() -> Saved:
            saved = records.save(
                store, kind, record_id, changes, version, actor, children=children, from_finding=from_finding
            )
            drafts.discard_draft(store, actor.user_id, kind, record_id)
            return saved

        self._run(work, self._saved, self._save_failed, owner=self)

    def _saved(self, saved: Saved) -> None:
        self.saving = False
        self._finished = True
        self.autosave_timer.stop()
        emit(self.saved, self.kind, saved.record_id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self.autosave_timer.start()
        if isinstance(exc, StaleEditError):
            self.show_conflicts(exc)
        elif isinstance(exc, ValidationError):
            self._show_validation(exc)
        elif isinstance(exc, PermissionDeniedError):
            self.banner.show_message(self.tr("未保存：{reason}。").format(reason=error_text(exc)), "error")
        elif isinstance(exc, InspectorError):
            self.banner.show_message(self.tr("未保存：{reason}").format(reason=error_text(exc)), "error")
        else:
            errors.show_error(exc, self)
        self.validate()

    def _show_validation(self, exc: ValidationError) -> None:
        if exc.record_kind == self.kind:
            self.server_errors = {}
            for e in exc.errors:
                key = e.field if e.field in self.editors else ""
                self.server_errors.setdefault(key, []).append(error_text(e))
            if "" in self.server_errors:
                reason = self.tr("；").join(self.server_errors[""])
                self.banner.show_message(self.tr("未保存：{reason}").format(reason=reason), "error")
        else:
            kind = core_text(kind_label(exc.record_kind))
            text = self.tr("未保存（{kind}）：{reason}").format(kind=kind, reason=error_text(exc))
            self.banner.show_message(text, "error")

    # ---- a record changed elsewhere ---------------------------------------------------------------

    def show_conflicts(self, exc: StaleEditError) -> None:
        """List the record's fields as this form has them and as they are now; nothing was written."""
        conflicts: list[Conflict] = []
        if exc.kind == self.kind and exc.record_id == self.record_id:
            mine = self.values()
            names = [n for n in self.editors if n in exc.theirs]
            for name in names:
                theirs, before = exc.theirs.get(name), normalised(self.original.get(name))
                changed_here = normalised(mine[name]) != before
                changed_there = normalised(theirs) != before
                if name in exc.fields or changed_here or changed_there:
                    conflicts.append(
                        Conflict(self.kind, None, name, mine[name], theirs, self.original.get(name))
                    )
        elif self.rows_editor is not None:
            row = next((r for r in self.rows_editor.rows if r.record_id == exc.record_id), None)
            mine_row = row.values() if row is not None else {}
            for name in mine_row:
                theirs = exc.theirs.get(name)
                original = row.original.get(name) if row is not None else None
                if name in exc.fields or normalised(theirs) != normalised(original):
                    conflicts.append(
                        Conflict(exc.kind, exc.record_id, name, mine_row[name], theirs, original)
                    )
        self.conflicts = conflicts
        self.stale = True
        self.conflict_text.setText(
            self.tr(
                "未保存：这条{kind}在您打开之后已被修改（在其他窗口或由同步带来）。"
                "下表是您填写的内容和记录现在的内容。请选择重新载入后再保存；不会覆盖他人的修改。"
            ).format(kind=core_text(kind_label(exc.kind)))
        )
        self._fill_conflict_table()
        self.conflict_panel.setVisible(True)
        self.keep_mine_button.setEnabled(True)
        self.take_theirs_button.setEnabled(True)

    def _fill_conflict_table(self) -> None:
        table = self.conflict_table
        table.setRowCount(len(self.conflicts))
        for i, c in enumerate(self.conflicts):
            cells = [core_text(label(c.kind, c.field)), self.display(c.kind, c.field, c.mine),
                     self.display(c.kind, c.field, c.theirs)]  # fmt: skip
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(i, j, item)
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + sum(table.rowHeight(i) for i in range(table.rowCount()))
        table.setFixedHeight(min(height + 4, 220))

    def display(self, kind: str, name: str, value: Any) -> str:
        """A value as the user reads it (choice labels, names, dates)."""
        f = field_of(kind, name)
        if value is None or value == "" or value == []:
            return self.tr("（空）")
        if f is None:
            return str(value)
        users = {str(u.id): u.name for u in (self.ctx.users if self.ctx else [])}
        people = self.ctx.detainee_labels if self.ctx else {}
        if f.kind is FieldKind.CHOICE:
            return core_text(f.choice_label(value))
        if f.kind is FieldKind.MULTI_CHOICE:
            return self.tr("、").join(core_text(f.choice_label(v)) for v in value)
        if f.kind in (FieldKind.USERS, FieldKind.USER):
            ids = value if isinstance(value, list | tuple) else [value]
            return "、".join(users.get(str(v), str(v)[:8]) for v in ids)
        if f.kind is FieldKind.DETAINEE:
            key = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
            return people.get(key, str(value)[:8])
        if f.kind is FieldKind.BOOL:
            return self.tr("是") if value else self.tr("否")
        if isinstance(value, datetime):
            return fmt_datetime(value)
        if isinstance(value, date):
            return fmt_date(value)
        if isinstance(value, time):
            return fmt_time(value)
        if isinstance(value, list | tuple):
            return "、".join(str(v) for v in value)
        return str(value)

    def reload(self, *, take_theirs: bool) -> None:
        """Load the record as it is now and base the next save on it. The form keeps what the user
        typed, or (``take_theirs``) takes the current content for the fields listed."""
        if self.record_id is None:
            return
        self.keep_mine_button.setEnabled(False)
        self.take_theirs_button.setEnabled(False)
        self.reloading = True
        self.validate()
        store, kind, record_id = self.store, self.kind, self.record_id

        def work() -> EditState:
            return records.load_for_edit(store, kind, record_id)

        self._run(work, lambda state: self._reloaded(state, take_theirs), self._reload_failed, owner=self)

    def _reload_failed(self, exc: BaseException) -> None:
        self.reloading = False
        self.validate()
        self.keep_mine_button.setEnabled(True)
        self.take_theirs_button.setEnabled(True)
        if isinstance(exc, InspectorError):
            self.banner.show_message(error_text(exc), "error")
        else:
            errors.show_error(exc, self)

    def _reloaded(self, state: EditState, take_theirs: bool) -> None:
        self.reloading = False
        self.stale = False
        self.state = state
        self.version = state.version
        self.original = dict(state.values)
        if self.rows_editor is not None:
            fresh = {c.record_id: c for c in state.children}
            for row in self.rows_editor.rows:
                if row.record_id is not None and row.record_id in fresh:
                    row.version = fresh[row.record_id].version
                    row.original = dict(fresh[row.record_id].values)
        if take_theirs:  # the fields changed elsewhere take the current content; one's own others stay
            for c in self.conflicts:
                now = self._current(c, state)
                if normalised(now) == normalised(c.base):
                    continue
                if c.record_id is None and c.field in self.editors:
                    self.editors[c.field].set_value(now)
                elif c.record_id is not None and self.rows_editor is not None:
                    match = next((r for r in self.rows_editor.rows if r.record_id == c.record_id), None)
                    if match is not None and c.field in match.editors:
                        match.editors[c.field].set_value(now)
        self.take_theirs_button.setEnabled(not take_theirs)  # still possible after keeping one's own
        self.conflict_text.setText(
            self.tr("已载入记录的当前内容。")
            + (
                self.tr("他人修改过的字段已改为当前内容，您的其他修改仍在表中。")
                if take_theirs
                else self.tr("表中仍是您填写的内容，")
            )
            + self.tr("确认无误后按 Ctrl+S 保存。")
        )
        self.conflicts = [
            Conflict(c.kind, c.record_id, c.field, c.mine, self._current(c, state), c.base)
            for c in self.conflicts
        ]
        self._fill_conflict_table()
        self.validate()

    def _current(self, c: Conflict, state: EditState) -> Any:
        if c.record_id is None:
            return state.values.get(c.field)
        child = next((x for x in state.children if x.record_id == c.record_id), None)
        return child.values.get(c.field) if child is not None else c.theirs

    # ---- drafts ----------------------------------------------------------------------------------

    def _links_key(self) -> dict[str, str]:
        keys = {k: str(v) for k, v in self.links.items() if v is not None}
        if self.from_finding is not None:
            keys["from_finding"] = str(self.from_finding)
        return keys

    def _draft_matches(self, draft: Draft) -> bool:
        """A draft belongs to this form only if it was typed for the same origin (e.g. the same
        finding a notice is raised from)."""
        return (draft.values.get("links") or {}) == self._links_key()

    def snapshot(self) -> dict[str, Any]:
        """What a draft keeps: the values, the rows, the version they were typed against."""
        labels: dict[str, str] = {}
        for editor in self.editors.values():
            if isinstance(editor, DetaineePicker):
                labels.update({str(k): v for k, v in editor.labels().items()})
        if self.rows_editor is not None:
            labels.update({str(k): v for k, v in self.rows_editor.detainee_labels().items()})
        return {
            "version": self.version,
            "fields": self.values(),
            "children": self.rows_editor.snapshot() if self.rows_editor is not None else [],
            "links": self._links_key(),
            "labels": labels,
        }

    def _offer_draft(self, draft: Draft) -> None:
        self.draft_offer = draft
        self._draft_exists = True
        when = fmt_datetime(draft.saved_at)
        self.banner.show_message(
            self.tr("有一份未保存完的草稿（{when}）。恢复后可继续填写。").format(when=when),
            "info",
            [(self.tr("恢复草稿"), self.restore_draft), (self.tr("放弃"), self.discard_offered_draft)],
        )

    def restore_draft(self) -> None:
        draft = self.draft_offer
        if draft is None:
            return
        self.draft_offer = None
        self.banner.clear()
        values = draft.values
        fields = values.get("fields") or {}
        self._setting = True
        try:
            for name, value in fields.items():
                if name in self.editors:
                    self.editors[name].set_value(value)
            if self.rows_editor is not None:
                if self.record_id is None:
                    self.rows_editor.clear()
                self.rows_editor.restore(values.get("children") or [])
        finally:
            self._setting = False
        if values.get("version") is not None:
            self.version = values["version"]  # a changed record is then refused, not overwritten
        self.touched |= set(fields)
        self._last_draft = self.snapshot()
        self.validate()
        self._focus_first()

    def discard_offered_draft(self) -> None:
        self.draft_offer = None
        self.banner.clear()
        self._discard_draft()

    def autosave(self) -> None:
        """Keep a draft while the form holds changes (every few seconds, from the timer)."""
        if not self.is_loaded or self.saving or self._finished or self.draft_offer is not None:
            return
        if not self.dirty():
            return
        snapshot = self.snapshot()
        if snapshot == self._last_draft or self._draft_busy:
            return
        self._store_draft(snapshot)

    def _store_draft(self, snapshot: dict[str, Any], *, closing: bool = False) -> None:
        store, user, kind, record_id = self.store, self.actor.user_id, self.kind, self.record_id

        def work() -> None:
            drafts.save_draft(store, user, kind, record_id, snapshot)

        if closing:  # the window is going away: the write finishes on its own
            self._run(work, lambda _none: None, errors.show_error)
            return
        self._draft_busy = True
        self._last_draft = snapshot
        self._run(work, lambda _none: self._draft_stored(), self._draft_failed, owner=self)

    def _draft_stored(self) -> None:
        self._draft_busy = False
        self._draft_exists = True
        if not self._finished:
            self.hint.setText(
                self.tr("草稿已自动保存（{time}）").format(time=f"{datetime.now(SHANGHAI):%H:%M}")
            )
        emit(self.draftStored)
        if self._save_waiting:
            self._save_waiting = False
            self.save()

    def _draft_failed(self, exc: BaseException) -> None:
        self._draft_busy = False
        self._last_draft = None
        errors.show_error(exc, self)

    def _discard_draft(self) -> None:
        store, user, kind, record_id = self.store, self.actor.user_id, self.kind, self.record_id
        self._draft_exists = False
        self._run(
            lambda: drafts.discard_draft(store, user, kind, record_id), lambda _none: None, errors.show_error
        )

    # ---- closing ---------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, 取消 or the window's close button: asks only when something changed."""
        if self._finished or not self.dirty() or not may(self.actor, Permission.EDIT):
            if self.is_loaded and self._draft_exists and self.draft_offer is None and not self._finished:
                self._discard_draft()  # nothing changed any more: an old autosave is not wanted
            self._close(rejected=True)
            return
        if self.close_question is not None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("关闭{title}").format(title=self.windowTitle()))
        box.setText(self.tr("这份记录有尚未保存的修改。"))
        box.setInformativeText(self.tr("保存草稿后，下次打开时可以恢复继续填写。"))
        keep = box.addButton(self.tr("保存草稿并关闭"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(self.tr("放弃修改"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("继续编辑"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(stay)
        self.close_question = box

        def answered(button: Any) -> None:
            self.close_question = None
            if button is keep:
                self.close_keeping_draft()
            elif button is drop:
                self.close_discarding()

        box.buttonClicked.connect(answered)
        box.open()

    def keep_draft_now(self) -> None:
        """Write a draft at once if the form holds changes (the main window closes, the screen
        locks); the write finishes in the background even if the form goes away."""
        if self.is_loaded and not self._finished and self.dirty() and may(self.actor, Permission.EDIT):
            self._store_draft(self.snapshot(), closing=True)

    def close_keeping_draft(self) -> None:
        self._store_draft(self.snapshot(), closing=True)
        self._close(rejected=True)

    def close_discarding(self) -> None:
        self._discard_draft()
        self._close(rejected=True)

    def _close(self, *, rejected: bool) -> None:
        self._finished = True
        self.autosave_timer.stop()
        if rejected:
            super().reject()
        else:
            super().accept()
