"""The one way to run work off the GUI thread: :func:`run_in_background`.

``fn`` runs on a ``QThreadPool`` thread; its result or its exception comes back to the GUI thread
through a queued signal and is handed to ``on_done`` or ``on_error``. Nothing is swallowed: an
exception always reaches ``on_error`` (by default :func:`ui.errors.show_error`, a plain Chinese
dialog) and is logged with its traceback.

Work that touches the database opens its own short session inside ``fn``: a read uses
``store.session(read_only=True)``, which reads a snapshot and never waits for a writer; only a write
uses ``store.session()``, which takes the write lock. Each call makes a new ``Session`` over a pooled
engine, so this is thread-safe. ORM objects loaded there are detached (``expire_on_commit=False``)
and safe to read on the GUI thread.

If ``owner`` is given and has been deleted by the time the work finishes (its window was closed),
the result is dropped instead of being delivered to a dead widget.

Qt objects must only be deleted on their own thread. Two things here could otherwise be deleted on
the worker thread when its last Python reference went away there: the delivery object (the worker
emits on it, the GUI thread deletes it) and whatever the work's closure captured (a widget, often).
So the delivery is parented to the application (C++ owns it, only ``deleteLater`` on the GUI thread
deletes it), and the closure is held by the delivery and let go on the GUI thread after delivery.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from ui import errors
from ui.qt_compat import emit

log = logging.getLogger("inspector.ui.workers")

T = TypeVar("T")

OnError = Callable[[BaseException], None]


class Runner(Protocol):
    """Anything with :func:`run_in_background`'s signature (tests pass a synchronous one)."""

    def __call__(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: OnError | None = None,
        *,
        owner: QObject | None = None,
    ) -> None: ...


class _Delivery(QObject):
    """Lives on the GUI thread; the worker emits on it and Qt queues the call to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: OnError,
        owner: QObject | None,
    ) -> None:
        super().__init__(QCoreApplication.instance())  # owned by C++: see the module doc
        self.work: Callable[[], Any] | None = work
        self._on_done = on_done
        self._on_error = on_error
        self._owner = owner
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    def _owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        try:
            if self._owner_gone():
                log.debug("background result dropped: its owner was deleted")
                return
            self._on_done(result)
        finally:
            _finished(self)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        try:
            if self._owner_gone():
                log.warning("background error after its owner was deleted: %r", exc)
                return
            self._on_error(exc)
        finally:
            _finished(self)


class _Job(QRunnable):
    def __init__(self, delivery: _Delivery) -> None:
        super().__init__()
        self._delivery = delivery

    def run(self) -> None:
        work = self._delivery.work
        assert work is not None
        try:
            result = work()
        except BaseException as exc:  # every failure goes to on_error, none is swallowed
            del work
            errors.log_exception(exc, "background job")
            emit(self._delivery.failed, exc)
        else:
            del work  # the closure is let go on the GUI thread (_finished), not here
            emit(self._delivery.done, result)


# Deliveries waiting for their job: keeps them alive, and lets tests wait for quiet.
_pending: set[_Delivery] = set()


def _finished(delivery: _Delivery) -> None:
    delivery.work = None  # on the GUI thread: whatever the closure captured is released here
    _pending.discard(delivery)
    delivery.deleteLater()


def _default_on_error(exc: BaseException) -> None:
    errors.show_error(exc)


def run_in_background(
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: OnError | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Run ``fn()`` on the thread pool; call ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    Must be called from the GUI thread. ``on_error`` defaults to showing the error to the user.
    """
    delivery = _Delivery(fn, on_done, on_error or _default_on_error, owner)
    _pending.add(delivery)
    QThreadPool.globalInstance().start(_Job(delivery))


def pending_jobs() -> int:
    """Jobs started and not yet delivered (running, queued, or with a result on its way)."""
    return len(_pending)


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Block until every running job has finished (used at shutdown, before the store closes)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
