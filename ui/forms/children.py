"""Child records edited as rows under their parent: a patrol's findings, an opening's letters, a
detainee's custody events. Each row is a line of editors; 添加 (Ctrl+Enter) adds one and puts the
cursor in its first cell, 删除 removes one. They are saved with the parent, in its transaction, as
:class:`~inspector.services.records.ChildChange` s (new, changed, deleted).

A new row nobody typed into is ignored: it is neither checked nor saved.

A saved finding's row (a patrol's, a talk's, a letter's) offers 据此制发 (its button, or Ctrl+J in the
row): an oral correction, a 纠正违法通知书 or a 检察建议书 prefilled from the finding and linked to it
when saved (:func:`ui.actions.raise_from_finding_action`, through the main window's
:class:`~ui.actions.Acting` when the form has one, so its lists and 工作台 are read again). A finding
already raised shows what it was raised as (click: that correction's page) instead; one not saved yet
cannot be raised (the button says to save first).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.catalogue import Field, FieldKind, field_of, kind_label
from inspector.domain.errors import FieldError
from inspector.domain.records import SPECS as VALIDATION
from inspector.services import lookup
from inspector.services.lookup import CorrectionLink, FindingLinks
from inspector.services.policy import Permission, PermissionDeniedError, may
from inspector.services.records import ChildChange, ChildState
from inspector.store.repository import today_local
from ui import errors
from ui.forms.fields import (
    BoolEditor,
    DetaineePicker,
    EditorContext,
    FieldEditor,
    LongTextEditor,
    TextEditor,
    is_blank,
    make_editor,
    normalised,
)
from ui.forms.specs import ChildSpec, spec_text
from ui.i18n import QT_TRANSLATE_NOOP, core_text, error_text, is_english, mark_content
from ui.qt_compat import emit
from ui.style import PRIMARY

if TYPE_CHECKING:
    from ui.actions import Acting
    from ui.forms.record_form import RecordForm

# 据此制发 from a saved finding's row: the kinds, in the menu's order, with their menu texts
# (translated where shown, as the texts below: context ChildRowsEditor).
RAISE_KINDS = (
    ("oral_correction", QT_TRANSLATE_NOOP("ChildRowsEditor", "口头纠正")),
    ("rectification_notice", QT_TRANSLATE_NOOP("ChildRowsEditor", "制发纠正违法通知书")),
    ("procuratorial_suggestion", QT_TRANSLATE_NOOP("ChildRowsEditor", "制发检察建议书")),
)
RAISE_KEYS = "Ctrl+J"  # 据 (jù): the row's 据此制发 menu, or the correction it was raised as
RAISE_TEXT = QT_TRANSLATE_NOOP("ChildRowsEditor", "据此制发")
SAVE_FIRST = QT_TRANSLATE_NOOP(
    "ChildRowsEditor", "请先保存：问题保存后，才能据此制发口头纠正、纠正违法通知书或检察建议书"
)


SHORT_KINDS = {  # a correction's kind on a finding's row
    "rectification_notice": QT_TRANSLATE_NOOP("ChildRowsEditor", "通知书"),
    "procuratorial_suggestion": QT_TRANSLATE_NOOP("ChildRowsEditor", "建议书"),
}


def _t(text: str) -> str:
    """One of the texts above in the UI's language."""
    return QCoreApplication.translate("ChildRowsEditor", text)


def link_text(link: CorrectionLink, *, short: bool = False) -> str:
    """What a finding was raised as: 通知书〔2026〕3号, 建议书（草稿）, 口头纠正（跟踪中）, or in full
    纠正违法通知书 七检刑执纠违〔2026〕3号（已送达）. The core words it in Chinese; in English it is
    worded here from the link's kind, number and state (the 文号 stays as it is)."""
    if not is_english() or not link.state:
        return (link.short or link.label) if short else link.label
    state = core_text(link.state)
    if link.kind not in SHORT_KINDS:  # an oral correction
        kind = core_text(kind_label(link.kind))
        return QCoreApplication.translate("ChildRowsEditor", "{kind}（{state}）").format(
            kind=kind, state=state
        )
    kind = _t(SHORT_KINDS[link.kind]) if short else core_text(kind_label(link.kind))
    number = link.number
    if not number:
        return QCoreApplication.translate("ChildRowsEditor", "{kind}（草稿）").format(kind=kind)
    if short:
        year = number.find("〔")  # i18n: data (七检刑执纠违〔2026〕3号 → 〔2026〕3号)
        return QCoreApplication.translate("ChildRowsEditor", "{kind}{number}").format(
            kind=kind, number=number[year:] if year >= 0 else number
        )
    return QCoreApplication.translate("ChildRowsEditor", "{kind} {number}（{state}）").format(
        kind=kind, number=number, state=state
    )


LINK_WIDTH = 150  # a correction's short name on the row is elided to this (in full in the tooltip)


def _row_field(spec: Field) -> Field:
    """In a row, long texts are typed on one line."""
    if spec.kind is FieldKind.LONG_TEXT:
        return Field(spec.name, FieldKind.TEXT, spec.label, spec.help, spec.required, spec.max_length)
    return spec


@dataclass
class ChildRow:
    record_id: uuid.UUID | None
    version: str | None
    original: dict[str, Any]  # what the row started with (loaded values, or a new row's defaults)
    editors: dict[str, FieldEditor]
    delete_button: QToolButton
    error_label: QLabel
    deleted: bool = False
    widgets: list[QWidget] = field(default_factory=list)
    raise_button: QToolButton | None = None  # a finding's 据此制发 (or the correction it was raised as)
    links: tuple[CorrectionLink, ...] = ()
    links_read: bool = False

    def values(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def changed(self) -> dict[str, Any]:
        now = self.values()
        return {k: v for k, v in now.items() if normalised(v) != normalised(self.original.get(k))}

    @property
    def is_new(self) -> bool:
        return self.record_id is None

    def untouched(self) -> bool:
        """A new row still as it was added (ignored when saving)."""
        return self.is_new and not self.changed()


class ChildRowsEditor(QWidget):
    """The rows of one child kind, with a header of column labels and an 添加 button under them."""

    edited = Signal()

    def __init__(self, spec: ChildSpec, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.ctx = ctx
        self.rows: list[ChildRow] = []
        self.fields = [_row_field(f) for f in (field_of(spec.kind, c) for c in spec.columns) if f]
        self.raises = spec.kind == "finding"  # a saved finding can be raised as a correction
        self._links_seq = 0
        self._watching: Acting | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        for col, f in enumerate(self.fields):
            head = QLabel(
                core_text(f.label) + (' <span style="color:#c62828">*</span>' if f.required else "")
            )
            head.setObjectName("columnHead")
            head.setTextFormat(Qt.TextFormat.RichText)
            head.setToolTip(core_text(f.help))
            self.grid.addWidget(head, 0, col)
            if f.name == spec.stretch:
                self.grid.setColumnStretch(col, 1)
        self._fit_columns()
        outer.addLayout(self.grid)
        title, add = spec_text(spec.title), spec_text(spec.add_label)
        self.empty_label = QLabel(
            self.tr("（无{title}。按 Ctrl+Enter 或点“{add}”添加）").format(title=title, add=add)
        )
        self.empty_label.setObjectName("fieldNote")
        outer.addWidget(self.empty_label)
        self.add_button = QPushButton(self.tr("＋ {add}（Ctrl+Enter）").format(add=add))
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip("Ctrl+Enter")
        self.add_button.clicked.connect(lambda _checked=False: self.add_row(focus=True))
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addLayout(buttons)
        self._next_grid_row = 1
        self._update_empty()
        if self.raises:
            shortcut = QShortcut(QKeySequence(RAISE_KEYS), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.raise_focused_row)

    @property
    def _delete_column(self) -> int:
        return len(self.fields) + (1 if self.raises else 0)

    def _fit_columns(self) -> None:
        """Each column is as wide as its editors will be, rows or not: the heads stand where the rows
        will appear (with no rows, a grid would squeeze them to their text and push the ones after the
        stretching column to the far right)."""
        for col, f in enumerate(self.fields):
            sample = self._editor(f)
            self.grid.setColumnMinimumWidth(col, max(sample.sizeHint().width(), sample.minimumWidth()))
            sample.deleteLater()
        delete = QToolButton()
        delete.setText(self.tr("删除"))
        self.grid.setColumnMinimumWidth(self._delete_column, delete.sizeHint().width())
        delete.deleteLater()
        if self.raises:  # as wide as 据此制发 with its menu's arrow
            raise_button = QToolButton()
            raise_button.setText(_t(RAISE_TEXT))
            raise_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            raise_button.setMenu(QMenu(raise_button))
            self.grid.setColumnMinimumWidth(len(self.fields), raise_button.sizeHint().width())
            raise_button.deleteLater()

    def _editor(self, f: Field) -> FieldEditor:
        editor = make_editor(f, self.ctx)
        if isinstance(editor, TextEditor | LongTextEditor):
            editor.setMinimumWidth(80)
        if isinstance(editor, DetaineePicker):
            editor.setMinimumWidth(180)
        return editor

    # ---- rows ----------------------------------------------------------------------------------------

    def defaults(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            if f.default == "today":
                out[f.name] = today_local()
            else:
                out[f.name] = self.spec.defaults.get(f.name)
        if self.spec.serial is not None:
            numbers = [
                n
                for r in self.rows
                if not r.deleted and isinstance(n := r.editors[self.spec.serial].value(), int)
            ]
            out[self.spec.serial] = max(numbers, default=0) + 1
        return out

    def add_row(
        self,
        values: Mapping[str, Any] | None = None,
        *,
        record_id: uuid.UUID | None = None,
        version: str | None = None,
        original: Mapping[str, Any] | None = None,
        focus: bool = False,
    ) -> ChildRow:
        """A row showing ``values`` (a new row's defaults if None); ``original`` is what it is
        compared with to find changes (defaults to ``values``)."""
        shown = dict(values) if values is not None else self.defaults()
        editors: dict[str, FieldEditor] = {}
        grid_row = self._next_grid_row
        widgets: list[QWidget] = []
        for col, f in enumerate(self.fields):
            editor = self._editor(f)
            editor.set_value(shown.get(f.name))
            editor.edited.connect(self._edited)
            align = Qt.AlignmentFlag.AlignTop
            if isinstance(editor, BoolEditor):  # a tick box sits in the middle of its column
                editor.setFixedHeight(QLineEdit().sizeHint().height())
                align |= Qt.AlignmentFlag.AlignHCenter
            self.grid.addWidget(editor, grid_row, col, align)
            editors[f.name] = editor
            widgets.append(editor)
        raise_button: QToolButton | None = None
        if self.raises:
            raise_button = QToolButton()
            raise_button.setObjectName("raiseFromFinding")
            raise_button.setFixedHeight(QLineEdit().sizeHint().height())
            raise_button.setAutoRaise(False)
            self.grid.addWidget(raise_button, grid_row, len(self.fields), Qt.AlignmentFlag.AlignTop)
            widgets.append(raise_button)
        delete = QToolButton()
        delete.setText(self.tr("删除"))
        delete.setFixedHeight(QLineEdit().sizeHint().height())
        delete.setToolTip(self.tr("删除这一行（保存后生效）"))
        self.grid.addWidget(delete, grid_row, self._delete_column, Qt.AlignmentFlag.AlignTop)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        self.grid.addWidget(error, grid_row + 1, 0, 1, self._delete_column + 1)
        widgets += [delete, error]
        if self.isVisible():  # shown now, not at the next event loop turn: the cursor can go there
            for w in widgets[:-1]:
                w.show()
        self._next_grid_row += 2
        if original is None and values is None:
            # a new row starts as its editors show its defaults (an unticked box is False, not None),
            # so a row nobody typed into stays untouched
            original = {name: editor.value() for name, editor in editors.items()}
        row = ChildRow(
            record_id, version, dict(original if original is not None else shown), editors, delete, error
        )
        row.widgets = widgets
        row.raise_button = raise_button
        if raise_button is not None:
            raise_button.clicked.connect(lambda _checked=False, r=row: self._open_first_link(r))
            self._show_raise(row)
        delete.clicked.connect(lambda _checked=False, r=row: self.remove_row(r))
        self.rows.append(row)
        self._update_empty()
        if focus:
            self.focus_row(row)
        emit(self.edited)
        return row

    def focus_row(self, row: ChildRow) -> None:
        first = next(iter(row.editors.values()))
        first.focus_widgets()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_row(self, row: ChildRow) -> None:
        """A new row goes at once; a saved one is deleted when the parent is saved."""
        row.deleted = True
        for w in row.widgets:
            w.setVisible(False)
        if row.is_new:
            for w in row.widgets:
                self.grid.removeWidget(w)
                w.deleteLater()
            self.rows.remove(row)
        self._update_empty()
        emit(self.edited)

    def clear(self) -> None:
        for row in list(self.rows):
            for w in row.widgets:
                self.grid.removeWidget(w)
                w.deleteLater()
        self.rows = []
        self._update_empty()

    def load(self, children: list[ChildState]) -> None:
        self.clear()
        serial = self.spec.serial
        if serial is not None:  # letters in their numbered order
            children = sorted(
                children, key=lambda c: (c.values.get(serial) is None, c.values.get(serial) or 0)
            )
        for child in children:
            self.add_row(child.values, record_id=child.record_id, version=child.version)
        if self.raises:
            self._watch_acting()
            self.refresh_links()

    def live_rows(self) -> list[ChildRow]:
        return [r for r in self.rows if not r.deleted]

    def _edited(self) -> None:
        emit(self.edited)

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self.live_rows())

    # ---- checking and saving -------------------------------------------------------------------------

    def row_errors(self, row: ChildRow) -> list[FieldError]:
        """What is wrong with a row the user typed into (the service fills the parent's link, the
        date and the source of a finding)."""
        if row.deleted or row.untouched():
            return []
        values = row.values()
        shown = set(row.editors)
        out = [
            e
            for e in VALIDATION[self.spec.kind].errors(values, today=today_local(), partial=True)
            if e.field in shown
        ]
        flagged = {e.field for e in out}
        for f in self.fields:
            if f.name in flagged:
                continue
            problem = row.editors[f.name].problem()
            if problem:
                out.append(FieldError(f.name, problem, problem))
            elif f.required and is_blank(values.get(f.name)):
                text = self.tr("请填写{label}").format(label=core_text(f.label))
                out.append(FieldError(f.name, text, text, "required", {"label": f.label}))
        return out

    def show_errors(self) -> bool:
        """Show each row's problems under it; True when every row is fine."""
        ok = True
        for row in self.live_rows():
            errors = self.row_errors(row)
            text = self.tr("；").join(dict.fromkeys(error_text(e) for e in errors))
            row.error_label.setText(text)
            row.error_label.setVisible(bool(text))
            ok = ok and not errors
        return ok

    def changes(self) -> list[ChildChange]:
        out: list[ChildChange] = []
        for row in self.rows:
            if row.is_new:
                if row.deleted or row.untouched():
                    continue
                values = {k: v for k, v in row.values().items() if not is_blank(v)}
                out.append(ChildChange(values))
            elif row.deleted:
                out.append(ChildChange({}, row.record_id, row.version, delete=True))
            else:
                changed = row.changed()
                if changed:
                    out.append(ChildChange(changed, row.record_id, row.version))
        return out

    def dirty(self) -> bool:
        return bool(self.changes())

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.live_rows():
            for editor in row.editors.values():
                out += editor.focus_widgets()
            if row.raise_button is not None:
                out.append(row.raise_button)
            out.append(row.delete_button)
        out.append(self.add_button)
        return out

    # ---- drafts --------------------------------------------------------------------------------------

    def snapshot(self) -> list[dict[str, Any]]:
        return [
            {
                "record_id": r.record_id,
                "version": r.version,
                "values": r.values(),
                "deleted": r.deleted,
            }
            for r in self.rows
            if not (r.is_new and (r.deleted or r.untouched()))
        ]

    def restore(self, rows: list[Mapping[str, Any]]) -> None:
        """Put a draft's rows back: saved rows keep the version the draft was typed against."""
        by_id = {r.record_id: r for r in self.rows if r.record_id is not None}
        for item in rows:
            record_id = item.get("record_id")
            values = dict(item.get("values") or {})
            if isinstance(record_id, uuid.UUID):
                row = by_id.get(record_id)
                if row is None:
                    continue  # deleted since: nothing to put the draft's values on
                row.version = item.get("version") or row.version
                for name, editor in row.editors.items():
                    if name in values:
                        editor.set_value(values[name])
                if item.get("deleted"):
                    self.remove_row(row)
            else:
                self.add_row(values, original=self.defaults())
        emit(self.edited)

    def detainee_labels(self) -> dict[uuid.UUID, str]:
        out: dict[uuid.UUID, str] = {}
        for row in self.rows:
            for editor in row.editors.values():
                if isinstance(editor, DetaineePicker):
                    out.update(editor.labels())
        return out

    # ---- 据此制发: a saved finding raised as a correction ----------------------------------------------

    def _form(self) -> RecordForm | None:
        from ui.forms.record_form import RecordForm

        form = self.window()
        return form if isinstance(form, RecordForm) else None

    def _acting(self) -> Acting | None:
        """The main window's way to act, when the form was opened over it (its parents)."""
        from ui.actions import Acting

        widget = self.window().parentWidget()
        while widget is not None:
            acting = getattr(widget, "acting", None)
            if isinstance(acting, Acting):
                return acting
            widget = widget.parentWidget()
        return None

    def _watch_acting(self) -> None:
        """Whatever the window writes (a correction saved, a step taken) may change what a finding
        was raised as: read the links again."""
        acting = self._acting()
        if acting is not None and self._watching is None:
            self._watching = acting
            acting.changed.connect(self._written_elsewhere)

    def _written_elsewhere(self, kind: str, _record_id: object) -> None:
        if kind in {k for k, _ in RAISE_KINDS} | {"finding"}:
            self.refresh_links()

    def refresh_links(self) -> None:
        """Read, in the background, what each saved finding was raised as (and its version now)."""
        ids = [r.record_id for r in self.rows if r.record_id is not None and not r.deleted]
        if not ids:
            return
        self._links_seq += 1
        token, store = self._links_seq, self.ctx.store
        self.ctx.runner(
            lambda: lookup.finding_links(store, ids),
            lambda found: self._links_read(token, found),
            self._links_failed,
            owner=self,
        )

    def _links_failed(self, exc: BaseException) -> None:
        errors.show_error(exc, self)

    def _links_read(self, token: int, found: dict[uuid.UUID, FindingLinks]) -> None:
        if token != self._links_seq:
            return  # a newer read is on its way
        for row in self.rows:
            if row.record_id is None or row.record_id not in found:
                continue
            now = found[row.record_id]
            row.links, row.links_read = now.links, True
            # Raising a correction links the finding to it (a new version): a row whose values are
            # still those it was loaded with takes the new version, so saving it is not refused as
            # stale; values changed elsewhere keep the old one (the save then shows both).
            if all(normalised(now.values.get(k)) == normalised(row.original.get(k)) for k in row.editors):
                row.version = now.version
            self._show_raise(row)

    def _may_write(self) -> bool:
        form = self._form()
        return form is not None and may(form.actor, Permission.EDIT)

    def _show_raise(self, row: ChildRow) -> None:
        """The row's button: 据此制发 (a menu), disabled until the finding is saved, or the correction
        it was raised as."""
        button = row.raise_button
        if button is None:
            return
        button.setMenu(None)  # type: ignore[arg-type]
        button.setStyleSheet("")
        mark_content(button, bool(row.links))  # a correction's name and number, as the core words it
        if row.links:
            first = row.links[0]
            shown = link_text(first, short=True)
            text = button.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, LINK_WIDTH)
            button.setText(text)
            button.setEnabled(True)
            button.setStyleSheet(f"QToolButton#raiseFromFinding {{ color: {PRIMARY}; }}")
            names = self.tr("、").join(link_text(link) for link in row.links)
            button.setToolTip(
                self.tr("已据此问题制发：{names}。点击打开（{keys}）").format(names=names, keys=RAISE_KEYS)
            )
            button.setAccessibleName(self.tr("已制发：{names}").format(names=names))
            if len(row.links) > 1:
                menu = QMenu(button)
                for link in row.links:
                    action = menu.addAction(self.tr("打开{what}").format(what=link_text(link)))
                    action.triggered.connect(lambda _checked=False, lk=link: self.open_link(lk))
                button.setMenu(menu)
                button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            else:
                button.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
            return
        button.setText(_t(RAISE_TEXT))
        button.setAccessibleName(_t(RAISE_TEXT))
        if row.record_id is None:
            button.setEnabled(False)
            button.setToolTip(_t(SAVE_FIRST))
            return
        if not row.links_read:
            button.setEnabled(False)
            button.setToolTip(self.tr("正在读取这个问题已制发的纠正…"))
            return
        if not self._may_write():
            form = self._form()
            role = form.actor.role if form is not None else ""
            button.setEnabled(False)
            button.setToolTip(error_text(PermissionDeniedError(role, Permission.EDIT)))
            return
        menu = QMenu(button)
        for kind, text in RAISE_KINDS:
            action = menu.addAction(_t(text))
            action.setObjectName(f"raise-{kind}")
            action.triggered.connect(lambda _checked=False, r=row, k=kind: self.raise_correction(r, k))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setEnabled(True)
        button.setToolTip(
            self.tr(
                "以这个问题为据，新建口头纠正、纠正违法通知书或检察建议书（内容已预先填好）（{keys}）"
            ).format(keys=RAISE_KEYS)
        )

    def row_of(self, widget: QWidget | None) -> ChildRow | None:
        """The live row ``widget`` is in (an editor, or a widget inside one)."""
        if widget is None:
            return None
        for row in self.live_rows():
            if any(w is widget or w.isAncestorOf(widget) for w in row.widgets):
                return row
        return None

    def raise_focused_row(self) -> None:
        """Ctrl+J: the 据此制发 menu of the row the cursor is in, or the correction it was raised as;
        a row not saved yet says to save first."""
        row = self.row_of(QApplication.focusWidget())
        button = row.raise_button if row is not None else None
        if row is None or button is None:
            return
        if not button.isEnabled():
            QToolTip.showText(button.mapToGlobal(QPoint(0, button.height())), button.toolTip(), button)
        elif button.menu() is not None and button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup:
            button.showMenu()
        elif row.links:
            self.open_link(row.links[0])

    def raise_correction(self, row: ChildRow, kind: str) -> None:
        """A new ``kind`` prefilled from the row's saved finding (the main window's action when there is
        one: the correction's page opens once it is saved and the lists are read again)."""
        finding_id = row.record_id
        if finding_id is None:
            return
        acting = self._acting()
        if acting is not None:
            acting.raise_from_finding(finding_id, kind)
            return
        form = self._form()
        if form is None:
            return
        from ui.actions import raise_from_finding_action

        raise_from_finding_action(
            form, self.ctx.store, finding_id, kind, form.actor, runner=self.ctx.runner, on_saved=self._raised
        )

    def _raised(self, kind: str, record_id: object) -> None:
        """A correction raised here was saved (no main window to tell): its link, and its page."""
        self.refresh_links()
        if isinstance(record_id, uuid.UUID):
            self.open_link(CorrectionLink(kind, record_id, ""))

    def _open_first_link(self, row: ChildRow) -> None:
        """The button of a finding already raised: the correction's page (the menu lists them all)."""
        if row.links:
            self.open_link(row.links[0])

    def open_link(self, link: CorrectionLink) -> None:
        """The page of a correction a finding was raised as."""
        acting = self._acting()
        if acting is not None:
            acting.open_correction(link.kind, link.record_id)
            return
        form = self._form()
        if form is None:
            return
        from ui.actions import open_correction

        open_correction(
            form,
            self.ctx.store,
            link.kind,
            link.record_id,
            actor=form.actor,
            runner=self.ctx.runner,
            on_changed=lambda *_: self.refresh_links(),
        )
