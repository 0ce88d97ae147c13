"""Acting from where you are (docs/ui.md, "Acting from where you are"): from an agenda row, a list row
or a finding to the record or the new, prefilled record it asks for.

* :func:`open_form` — the record form (``ui.forms.open_record_form``), new or existing, prefilled.
* :func:`raise_from_finding_action` — a new oral correction, notice or suggestion prefilled from a
  finding (``documents.raise_from_finding``), saved with the link to the finding.
* :func:`escalate_oral_action` — a new 纠正违法通知书 prefilled from an oral correction that was not
  corrected (``documents.escalate_oral``).
* :func:`new_talk_action` — a new 新收押 talk with the detainee filled in.
* :func:`open_correction` — the page of a notice, suggestion or oral correction.
* :func:`agenda_action` / :meth:`Acting.open_agenda_item` — what an agenda item leads to.

Every read the actions need (the prefilled values, the signed-in user's role) runs in the background.
:class:`Acting` is the main window's: it resolves the signed-in :class:`Actor` once and tells the
window (``changed``) when something was written, so lists and the 工作台 refresh.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QWidget

from inspector.agenda import AgendaItem
from inspector.domain.enums import TalkType
from inspector.services import documents, records
from inspector.services.document_views import correction_kind
from inspector.services.policy import Actor, actor_for
from inspector.services.records import EditState
from inspector.store.store import Store
from ui import errors
from ui.i18n import core_text
from ui.qt_compat import emit
from ui.views.records_view import RecordsView
from ui.workers import Runner, run_in_background

NOTICE = "rectification_notice"
SUGGESTION = "procuratorial_suggestion"
ORAL = "oral_correction"
CORRECTION_KINDS = (ORAL, NOTICE, SUGGESTION)

OnSaved = Callable[[str, uuid.UUID], None]

__all__ = [
    "Acting",
    "agenda_action",
    "escalate_oral_action",
    "install_correction_actions",
    "new_talk_action",
    "open_correction",
    "open_form",
    "raise_from_finding_action",
]


def _runner(runner: Runner | None) -> Runner:
    return runner or run_in_background


def open_form(
    parent: QWidget | None,
    store: Store,
    kind: str,
    record_id: uuid.UUID | None = None,
    *,
    actor: Actor,
    runner: Runner | None = None,
    prefill: EditState | None = None,
    from_finding: uuid.UUID | None = None,
    on_saved: OnSaved | None = None,
) -> QDialog:
    """The record form of ``kind`` (new when ``record_id`` is None), shown; ``on_saved(kind, id)``
    after the save."""
    from ui.forms import open_record_form  # here: the forms use these actions (据此制发…)

    form = open_record_form(
        parent,
        store,
        kind,
        record_id,
        actor=actor,
        runner=runner,
        prefill=prefill,
        from_finding=from_finding,
    )
    if on_saved is not None:
        form.saved.connect(on_saved)
    return form


def _prefilled(
    parent: QWidget | None,
    store: Store,
    load: Callable[[], EditState],
    *,
    actor: Actor,
    runner: Runner | None,
    on_saved: OnSaved | None,
    on_open: Callable[[QDialog], None] | None,
    from_finding: Callable[[EditState], uuid.UUID | None] = lambda state: None,
) -> None:
    """Read the prefilled values in the background, then open the form on them."""

    def show(state: EditState) -> None:
        form = open_form(
            parent,
            store,
            state.kind,
            None,
            actor=actor,
            runner=runner,
            prefill=state,
            from_finding=from_finding(state),
            on_saved=on_saved,
        )
        if on_open is not None:
            on_open(form)

    def failed(exc: BaseException) -> None:
        errors.show_error(exc, parent)

    _runner(runner)(load, show, failed, owner=parent)


def raise_from_finding_action(
    parent: QWidget | None,
    store: Store,
    finding_id: uuid.UUID,
    kind: str,
    actor: Actor,
    *,
    runner: Runner | None = None,
    on_saved: OnSaved | None = None,
    on_open: Callable[[QDialog], None] | None = None,
) -> None:
    """A new oral correction / 纠正违法通知书 / 检察建议书 (``kind``) prefilled from the finding; saving
    it links the finding to it."""
    _prefilled(
        parent,
        store,
        lambda: documents.raise_from_finding(store, finding_id, kind, actor),
        actor=actor,
        runner=runner,
        on_saved=on_saved,
        on_open=on_open,
        from_finding=lambda state: finding_id,
    )


def _finding_link(state: EditState) -> uuid.UUID | None:
    value = state.links.get("from_finding")
    return value if isinstance(value, uuid.UUID) else None


def escalate_oral_action(
    parent: QWidget | None,
    store: Store,
    oral_id: uuid.UUID,
    actor: Actor,
    *,
    runner: Runner | None = None,
    on_saved: OnSaved | None = None,
    on_open: Callable[[QDialog], None] | None = None,
) -> None:
    """制发纠正违法通知书 from an oral correction: the notice form, prefilled (facts, addressee, the
    oral correction it escalates, the finding behind it)."""

    # The prefill's links (the oral correction, the finding) are saved with the notice by the form.
    _prefilled(
        parent,
        store,
        lambda: documents.escalate_oral(store, oral_id, actor),
        actor=actor,
        runner=runner,
        on_saved=on_saved,
        on_open=on_open,
        from_finding=_finding_link,
    )


def new_talk_action(
    parent: QWidget | None,
    store: Store,
    detainee_id: uuid.UUID,
    actor: Actor,
    *,
    runner: Runner | None = None,
    on_saved: OnSaved | None = None,
    on_open: Callable[[QDialog], None] | None = None,
) -> None:
    """A new 新收押 talk with the detainee filled in (the agenda's 新收押人员谈话)."""

    def load() -> EditState:
        state = records.load_for_edit(store, "talk", actor=actor)
        values = dict(state.values)
        values.update(detainee_id=detainee_id, talk_type=TalkType.NEW_ADMISSION.value)
        return replace(state, values=values)

    _prefilled(parent, store, load, actor=actor, runner=runner, on_saved=on_saved, on_open=on_open)


def open_correction(
    parent: QWidget | None,
    store: Store,
    kind: str,
    record_id: uuid.UUID,
    *,
    actor: Actor,
    runner: Runner | None = None,
    on_changed: OnSaved | None = None,
) -> QDialog:
    """The page of a notice or suggestion (its life cycle and next step) or of an oral correction."""
    from ui.views.document_page import DocumentPage, OralCorrectionPage

    page: DocumentPage | OralCorrectionPage
    if kind == ORAL:
        page = OralCorrectionPage(store, record_id, actor=actor, runner=runner, parent=parent)
    elif kind in (NOTICE, SUGGESTION):
        page = DocumentPage(store, kind, record_id, actor=actor, runner=runner, parent=parent)
    else:
        raise ValueError(f"{kind} has no correction page")
    if on_changed is not None:
        page.changed.connect(on_changed)
    page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    page.open()
    page.load()
    return page


# ---- the agenda ---------------------------------------------------------------------------------------

CUSTODY_KINDS = frozenset({"custody", "delivery", "custody_issue", "expiry_notice"})
DUTY_KINDS = frozenset({"duty_staff", "holiday_duty"})  # the roster: 值班与在岗 at that day


def agenda_action(item: AgendaItem) -> str | None:
    """What an agenda item leads to: ``new_talk`` (a new 新收押 talk for the detainee), ``document``
    (the notice or suggestion at its next step), ``oral`` (the oral correction to follow up),
    ``detainee`` (the detainee's record), ``duty`` (值班与在岗 at the day the roster leaves short), or
    None (no action of its own: show it in its list)."""
    if item.kind in DUTY_KINDS and item.due is not None:
        return "duty"
    if item.record_id is None:
        return None
    if item.kind == "new_arrival_talk" and item.record_table == "detainee":
        return "new_talk"
    if item.record_table in (NOTICE, SUGGESTION):
        return "document"
    if item.record_table == ORAL:
        return "oral"
    if item.kind in CUSTODY_KINDS and item.record_table == "detainee":
        return "detainee"
    return None


class Acting(QObject):
    """The main window's way to act: knows the store, the signed-in user and the window.

    ``changed(kind, record_id)`` is emitted whenever an action wrote something (a step, a saved
    form), so the lists and the 工作台 can be read again."""

    changed = Signal(str, object)

    def __init__(
        self,
        store: Store,
        window: QWidget,
        *,
        user_id: uuid.UUID | None = None,
        actor: Actor | None = None,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self.user_id = user_id
        self.actor: Actor | None = actor
        self.runner = runner
        self._waiting: list[Callable[[Actor], None]] = []
        self.last_opened: QDialog | None = None

    # ---- the signed-in user ---------------------------------------------------------------------

    def with_actor(self, then: Callable[[Actor], None]) -> None:
        """Call ``then(actor)``, reading the signed-in user's role first if not known yet."""
        if self.actor is not None:
            then(self.actor)
            return
        self._waiting.append(then)
        if len(self._waiting) > 1:
            return  # already being read
        store, user_id = self.store, self.user_id
        _runner(self.runner)(
            lambda: actor_for(store, user_id), self._actor_loaded, self._actor_failed, owner=self
        )

    def _actor_loaded(self, actor: Actor) -> None:
        self.actor = actor
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then(actor)

    def _actor_failed(self, exc: BaseException) -> None:
        self._waiting = []
        errors.show_error(exc, self.window)

    def _changed(self, kind: str, record_id: object) -> None:
        emit(self.changed, kind, record_id)

    def _opened(self, dialog: QDialog) -> None:
        self.last_opened = dialog

    # ---- actions ----------------------------------------------------------------------------------

    def open_duty(self, day: date) -> None:
        """值班与在岗 at ``day``'s month with that day selected."""
        from ui.views.duty_view import DutyPage  # loaded on first use

        def go(actor: Actor) -> None:
            page = DutyPage(self.store, actor=actor, runner=self.runner, day=day, parent=self.window)
            page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            page.show()
            self._opened(page)

        self.with_actor(go)

    def open_correction(self, kind: str, record_id: uuid.UUID) -> None:
        def go(actor: Actor) -> None:
            self._opened(
                open_correction(
                    self.window,
                    self.store,
                    kind,
                    record_id,
                    actor=actor,
                    runner=self.runner,
                    on_changed=self._changed,
                )
            )

        self.with_actor(go)

    def open_correction_id(self, record_id: uuid.UUID, kind: str | None = None) -> None:
        """The page of the correction ``record_id`` (its kind read first if not given)."""
        if kind is not None:
            self.open_correction(kind, record_id)
            return
        store = self.store
        _runner(self.runner)(
            lambda: correction_kind(store, record_id),
            lambda found: self.open_correction(found, record_id),
            lambda exc: errors.show_error(exc, self.window),
            owner=self,
        )

    def new_record(self, kind: str) -> None:
        """A new, empty record form of ``kind`` (新建)."""
        self.with_actor(
            lambda actor: self._opened(
                open_form(
                    self.window,
                    self.store,
                    kind,
                    actor=actor,
                    runner=self.runner,
                    on_saved=self._after_new_correction if kind in CORRECTION_KINDS else self._changed,
                )
            )
        )

    def _after_new_correction(self, kind: str, record_id: object) -> None:
        """A new correction saved from 新建: show its page (its next step is there)."""
        self._changed(kind, record_id)
        if isinstance(record_id, uuid.UUID):
            self.open_correction(kind, record_id)

    def raise_from_finding(self, finding_id: uuid.UUID, kind: str) -> None:
        self.with_actor(
            lambda actor: raise_from_finding_action(
                self.window,
                self.store,
                finding_id,
                kind,
                actor,
                runner=self.runner,
                on_saved=self._after_new_correction,
                on_open=self._opened,
            )
        )

    def open_agenda_item(self, item: AgendaItem, fallback: Callable[[], None]) -> None:
        """Open what the agenda item asks for (see :func:`agenda_action`); ``fallback()`` otherwise."""
        action = agenda_action(item)
        record_id = item.record_id
        if action == "duty" and item.due is not None:
            self.open_duty(item.due)
            return
        if action is None or record_id is None:
            fallback()
            return
        if action in ("document", "oral"):
            self.open_correction(item.record_table or ORAL, record_id)
        elif action == "new_talk":
            self.with_actor(
                lambda actor: new_talk_action(
                    self.window,
                    self.store,
                    record_id,
                    actor,
                    runner=self.runner,
                    on_saved=self._changed,
                    on_open=self._opened,
                )
            )
        elif action == "detainee":
            self.with_actor(
                lambda actor: self._opened(
                    open_form(
                        self.window,
                        self.store,
                        "detainee",
                        record_id,
                        actor=actor,
                        runner=self.runner,
                        on_saved=self._changed,
                    )
                )
            )


# ---- the 纠正与建议 list --------------------------------------------------------------------------------

NEW_KINDS = ((ORAL, "口头纠正"), (NOTICE, "纠正违法通知书"), (SUGGESTION, "检察建议书"))  # i18n: core labels


def install_correction_actions(view: RecordsView, acting: Acting) -> QPushButton:
    """On the 纠正与建议 list (a ``RecordsView``): 新建 with a menu (口头纠正 / 纠正违法通知书 / 检察建议书),
    and Enter or double-click on a row (``openRequested``) opens its page."""
    button = view.add_button(QCoreApplication.translate("Actions", "新建"), lambda: None)
    button.setObjectName("primary")
    menu = QMenu(button)
    for kind, label in NEW_KINDS:
        action = menu.addAction(core_text(label))
        action.setObjectName(f"new-{kind}")
        action.triggered.connect(lambda _checked=False, k=kind: acting.new_record(k))
    button.setMenu(menu)
    button.setToolTip(QCoreApplication.translate("Actions", "新建口头纠正、纠正违法通知书或检察建议书"))

    def open_row(record_id: object) -> None:
        if not isinstance(record_id, uuid.UUID):
            return
        row = view.selected_row()
        kind = getattr(getattr(row, "record", None), "kind", None) if row is not None else None
        acting.open_correction_id(record_id, kind if row is not None and row.id == record_id else None)

    view.openRequested.connect(open_row)  # the row's page (预览和打印 stays on its button and the page)
    acting.changed.connect(lambda *_: view.refresh())
    return button
