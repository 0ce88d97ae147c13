"""Forms: one generic dialog (:class:`RecordForm`) built from the field catalogue and a small spec
per record kind (:mod:`ui.forms.specs`), with subclasses only for behaviour (:class:`DetaineeForm`).

:func:`open_record_form` is the entry point the pages use.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from inspector.services.policy import Actor
from inspector.services.records import EditState
from inspector.store.store import Store
from ui.forms.detainee_form import DetaineeForm
from ui.forms.record_form import RecordForm
from ui.forms.specs import SPECS as FORM_SPECS
from ui.workers import Runner

__all__ = ["FORM_KINDS", "NEW_FORM_KINDS", "DetaineeForm", "RecordForm", "open_record_form"]

FORM_CLASSES: dict[str, type[RecordForm]] = {"detainee": DetaineeForm}
FORM_KINDS: tuple[str, ...] = tuple(FORM_SPECS)
# Kinds a new record is typed in its own form (not a letter: it is a row of its 开箱记录).
NEW_FORM_KINDS: tuple[str, ...] = tuple(k for k, spec in FORM_SPECS.items() if spec.created_under is None)


def open_record_form(
    parent: QWidget | None,
    store: Store,
    kind: str,
    record_id: uuid.UUID | None = None,
    *,
    actor: Actor,
    runner: Runner | None = None,
    prefill: EditState | None = None,
    from_finding: uuid.UUID | None = None,
) -> RecordForm:
    """Open the form of record ``record_id`` of ``kind`` (a new one if None) and return it.

    ``prefill``: a new record's values from elsewhere (e.g.
    :func:`inspector.services.documents.raise_from_finding`); its ``links`` (``from_finding``,
    ``oral_correction_id`` …) are saved with it. The form reads and saves in the background, emits
    ``saved(kind, record_id)`` when the record is saved, and deletes itself when closed.

    A new letter without its opening (``prefill.links["opening_id"]``) is not made on its own: the form
    of a new 检察官信箱开启 opens instead, with a letter row to type into and a line saying why.
    """
    spec = FORM_SPECS[kind]
    is_new = record_id is None and (prefill is None or prefill.record_id is None)
    if is_new and spec.created_under is not None and not spec.new_alone(prefill.links if prefill else {}):
        form = open_record_form(
            parent, store, spec.created_under[0], actor=actor, runner=runner, from_finding=from_finding
        )
        note = spec.made_under_text(opened=True)

        def with_a_row() -> None:
            if form.rows_editor is not None and not form.rows_editor.live_rows():
                form.rows_editor.add_row(focus=True)
            if not form.banner.isVisible():  # a draft offered back keeps its banner
                form.banner.show_message(note, "info")
            form.validate()
            form.fit_size()

        form.loaded.connect(with_a_row)
        if form.is_loaded:  # read at once (a runner that does not wait)
            with_a_row()
        return form
    cls = FORM_CLASSES.get(kind, RecordForm)
    form = cls(
        store,
        kind,
        record_id,
        actor=actor,
        runner=runner,
        prefill=prefill,
        from_finding=from_finding,
        parent=parent,
    )
    form.setWindowFlag(Qt.WindowType.Window, True)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    form.show()
    form.raise_()
    form.activateWindow()
    return form
