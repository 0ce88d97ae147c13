"""Child records edited as rows under their parent: a patrol's findings, an opening's letters, a
detainee's custody events. Each row is a line of editors; 添加 (Ctrl+Enter) adds one and puts the
cursor in its first cell, 删除 removes one. They are saved with the parent, in its transaction, as
:class:`~inspector.services.records.ChildChange` s (new, changed, deleted).

A new row nobody typed into is ignored: it is neither checked nor saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from inspector.domain.catalogue import Field, FieldKind, field_of
from inspector.domain.errors import FieldError
from inspector.domain.records import SPECS as VALIDATION
from inspector.services.records import ChildChange, ChildState
from inspector.store.repository import today_local
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
from ui.forms.specs import ChildSpec
from ui.qt_compat import emit


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
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        for col, f in enumerate(self.fields):
            head = QLabel(f.label + (' <span style="color:#c62828">*</span>' if f.required else ""))
            head.setObjectName("columnHead")
            head.setTextFormat(Qt.TextFormat.RichText)
            head.setToolTip(f.help)
            self.grid.addWidget(head, 0, col)
            if f.name == spec.stretch:
                self.grid.setColumnStretch(col, 1)
        self._fit_columns()
        outer.addLayout(self.grid)
        self.empty_label = QLabel(f"（无{spec.title}。按 Ctrl+Enter 或点“{spec.add_label}”添加）")
        self.empty_label.setObjectName("fieldNote")
        outer.addWidget(self.empty_label)
        self.add_button = QPushButton(f"＋ {spec.add_label}（Ctrl+Enter）")
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip("Ctrl+Enter")
        self.add_button.clicked.connect(lambda _checked=False: self.add_row(focus=True))
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addLayout(buttons)
        self._next_grid_row = 1
        self._update_empty()

    def _fit_columns(self) -> None:
        """Each column is as wide as its editors will be, rows or not: the heads stand where the rows
        will appear (with no rows, a grid would squeeze them to their text and push the ones after the
        stretching column to the far right)."""
        for col, f in enumerate(self.fields):
            sample = self._editor(f)
            self.grid.setColumnMinimumWidth(col, max(sample.sizeHint().width(), sample.minimumWidth()))
            sample.deleteLater()
        delete = QToolButton()
        delete.setText("删除")
        self.grid.setColumnMinimumWidth(len(self.fields), delete.sizeHint().width())
        delete.deleteLater()

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
        delete = QToolButton()
        delete.setText("删除")
        delete.setFixedHeight(QLineEdit().sizeHint().height())
        delete.setToolTip("删除这一行（保存后生效）")
        self.grid.addWidget(delete, grid_row, len(self.fields), Qt.AlignmentFlag.AlignTop)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        self.grid.addWidget(error, grid_row + 1, 0, 1, len(self.fields) + 1)
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
                out.append(FieldError(f.name, f"请填写{f.label}", f"{f.name} is required"))
        return out

    def show_errors(self) -> bool:
        """Show each row's problems under it; True when every row is fine."""
        ok = True
        for row in self.live_rows():
            errors = self.row_errors(row)
            text = "；".join(dict.fromkeys(e.message_zh for e in errors))
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
