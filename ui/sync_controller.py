"""Running office sync from the desktop: one sync at a time, in the background, with progress and Cancel.

:class:`SyncController` (owned by the main window) runs :func:`inspector.sync.run.sync_now` through
:func:`ui.workers.run_in_background`. The core reports progress through a plain callback on the worker
thread; the controller re-emits it as a Qt signal, which Qt queues to the GUI thread.

Cancel: the core has no cancel parameter. Its progress callback is called between batches (push) and
pages (pull), each already committed on both sides; the callback raises :class:`SyncCancelled` there
once Cancel is pressed, which the core's failure model treats like a cut connection (a frozen batch is
sent again, byte for byte, next time). So Cancel takes effect at the next such point, not mid-statement.

"联网时自动同步": a per-laptop setting in the local database (``local_meta`` key :data:`AUTO_SYNC_KEY`);
when it is on, a sync is tried every :data:`AUTO_SYNC_MS` (failures are shown on the 同步 page and in
the status bar, not in dialogs: being offline is normal).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from inspector.domain.errors import InspectorError
from inspector.services.status import SyncStatus, load_sync_status
from inspector.store.store import Store
from inspector.sync import conflicts as sync_conflicts
from inspector.sync import local as sync_local
from inspector.sync.conflicts import ConflictView
from inspector.sync.errors import (
    AuthFailedError,
    NotEnrolledError,
    OfficeChangedError,
    OfficeUnreachableError,
    ProtocolError,
    SyncError,
    UpgradeRequiredError,
)
from inspector.sync.reseed import ReseedReport, reseed_now
from inspector.sync.run import SyncProgress, SyncReport, sync_now
from ui import errors
from ui.i18n import QT_TRANSLATE_NOOP, error_text
from ui.qt_compat import emit
from ui.workers import Runner, run_in_background

log = logging.getLogger("inspector.ui.sync")

AUTO_SYNC_KEY = "ui.auto_sync"  # local_meta: bool (the core has no setting for it yet)
AUTO_SYNC_MS = 10 * 60_000
# translated where shown (context Sync): the placeholders are words
ENROLL_COMMAND = QT_TRANSLATE_NOOP(
    "Sync", 'inspector enroll --office-url "host=办公室服务器地址 dbname=数据库名" --device 设备登录名'
)


class SyncCancelled(Exception):
    """Raised from the progress callback when the user pressed Cancel."""


# ---- what the 同步 page shows (read in the background) ------------------------------------------------


@dataclass(frozen=True)
class SyncPageData:
    status: SyncStatus
    enrolled: bool
    office: dict[str, Any] | None  # url, role, options (never a password)
    auto_sync: bool
    conflicts: list[ConflictView]
    device_name: str


def load_sync_page(store: Store, *, online: bool = False) -> SyncPageData:
    office = store.meta(sync_local.OFFICE_KEY)
    return SyncPageData(
        status=load_sync_status(store, online=online),
        enrolled=bool(office),
        office=dict(office) if isinstance(office, dict) else None,
        auto_sync=bool(store.meta(AUTO_SYNC_KEY, False)),
        conflicts=sync_conflicts.list_conflicts(store),
        device_name=str(store.meta("device_name") or ""),
    )


def office_text(office: dict[str, Any] | None) -> str:
    """Where this laptop syncs, e.g. ``10.1.2.3:5432/inspector（登录名 dev_…）``."""
    if not office:
        return ""
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(str(office.get("url", "")))
    except Exception:  # a malformed URL is shown as stored
        params = {}
    host = params.get("host") or params.get("hostaddr") or "localhost"
    port = params.get("port") or "5432"
    where = f"{host}:{port}/{params.get('dbname', '')}" if params else str(office.get("url", ""))
    return QCoreApplication.translate("Sync", "{where}（设备登录名 {role}）").format(
        where=where, role=office.get("role", "")
    )


# ---- one sync's outcome ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncOutcome:
    finished_at: datetime
    automatic: bool
    report: SyncReport | None = None
    error: BaseException | None = None
    cancelled: bool = False
    reseeded: ReseedReport | None = None  # this sync began with a re-seed
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def office_changed(self) -> bool:
        """The office database was restored or replaced: a person may choose to re-seed it."""
        return isinstance(self.error, OfficeChangedError)

    @property
    def ok(self) -> bool:
        return self.report is not None

    @property
    def level(self) -> str:
        """ok / warning (done, but conflicts wait) / error / cancelled."""
        if self.cancelled:
            return "cancelled"
        if self.report is None:
            return "error"
        return "warning" if self.report.open_conflicts else "ok"

    @property
    def online(self) -> bool | None:
        """What the attempt says about the network: True (reached the office), False, None (unknown)."""
        if self.report is not None:
            return True
        if isinstance(self.error, OfficeUnreachableError):
            return False
        if isinstance(
            self.error, AuthFailedError | UpgradeRequiredError | OfficeChangedError | ProtocolError
        ):
            return True
        return None

    @property
    def message(self) -> str:
        return outcome_message(self)


def error_message(exc: BaseException) -> str:
    """What a sync failure means and what to do, in plain words (the UI's language)."""
    if isinstance(exc, SyncCancelled):
        return QCoreApplication.translate("Sync", "已取消同步。已经完成的部分都已保存，下次同步会接着进行。")
    if isinstance(exc, OfficeUnreachableError):
        return QCoreApplication.translate(
            "Sync", "无法连接办公室数据库：网络不可达。数据已安全保存在本机，联网后将自动同步。"
        )
    if isinstance(exc, AuthFailedError):
        return QCoreApplication.translate(
            "Sync",
            "办公室数据库拒绝了本机的登录（设备密码不对、本机已被停用，或本机的密钥环中没有设备密码）。"
            "数据已安全保存在本机。请联系管理员重新发放注册口令，然后重新注册本机（inspector enroll）。",
        )
    if isinstance(exc, UpgradeRequiredError):
        return QCoreApplication.translate("Sync", "版本不一致，暂不能同步：{detail}").format(
            detail=error_text(exc)
        )
    if isinstance(exc, NotEnrolledError):
        return QCoreApplication.translate(
            "Sync", "本机尚未在办公室数据库注册，无法同步。注册方法见本页下方。"
        )
    if isinstance(exc, OfficeChangedError | ProtocolError):
        return error_text(exc)
    if isinstance(exc, InspectorError):
        return error_text(exc)
    return errors.user_message(exc)[1]


def outcome_message(outcome: SyncOutcome) -> str:
    if outcome.error is not None:
        return error_message(outcome.error)
    report = outcome.report
    if report is None:
        return ""
    text = ""
    if outcome.reseeded is not None:
        text += QCoreApplication.translate("Sync", "已重新上传本机全部 {n} 条记录。").format(
            n=outcome.reseeded.rows_queued
        )
        for lease in outcome.reseeded.leases_refused:
            text += QCoreApplication.translate(
                "Sync", "号段 {block} 已被办公室发给其他设备，请管理员核对这些文号。"
            ).format(block=lease.label)
    text += QCoreApplication.translate("Sync", "同步完成：上传 {up} 条修改，下载 {down} 条记录。").format(
        up=report.pushed.accepted, down=report.pulled.applied
    )
    if report.open_conflicts:
        text += QCoreApplication.translate(
            "Sync", "有 {n} 条记录在本机和办公室都修改过，请在下方“冲突”中逐一处理。"
        ).format(n=report.open_conflicts)
    return text


def progress_text(progress: SyncProgress) -> str:
    return error_text(progress)


# ---- the controller -----------------------------------------------------------------------------------


class SyncController(QObject):
    """One sync at a time for the whole window (the 同步 page's button and the automatic timer)."""

    started = Signal(bool)  # automatic?
    progressed = Signal(object)  # SyncProgress, on the GUI thread
    finished = Signal(object)  # SyncOutcome
    autoSyncChanged = Signal(bool)

    _progress_from_worker = Signal(object)

    def __init__(
        self,
        store: Store,
        *,
        runner: Runner | None = None,
        sync: Callable[..., SyncReport] = sync_now,
        reseed: Callable[[Store], ReseedReport] = reseed_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._run: Runner = runner or run_in_background
        self._sync = sync
        self._reseed = reseed
        self._cancel = threading.Event()
        self.running = False
        self.automatic = False
        self.cancel_requested = False
        self.last: SyncOutcome | None = None
        self.online = False
        self.auto_sync = False
        self._progress_from_worker.connect(self._relay_progress)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MS)
        self.timer.timeout.connect(self._auto_tick)

    # ---- running ------------------------------------------------------------------------------------

    def start(self, *, automatic: bool = False, reseed: bool = False) -> bool:
        """Start a sync in the background; False if one is already running.

        ``reseed``: after the office database was restored from a backup, first queue every record of
        this laptop again (:mod:`inspector.sync.reseed`) — asked for by a person, never automatic.
        """
        if self.running:
            return False
        self.running = True
        self.automatic = automatic
        self.cancel_requested = False
        self._cancel.clear()
        cancel, relay, store, sync = self._cancel, self._progress_from_worker, self._store, self._sync
        do_reseed = self._reseed if reseed and not automatic else None

        def progress(p: SyncProgress) -> None:  # on the worker thread
            if cancel.is_set():
                raise SyncCancelled()
            emit(relay, p)

        emit(self.started, automatic)

        # Another writer of this app holding SQLite's write lock only makes the sync wait its turn
        # (writers begin IMMEDIATE), it never fails it.
        def work() -> tuple[SyncReport, ReseedReport | None]:
            reseeded = do_reseed(store) if do_reseed is not None else None
            return sync(store, progress=progress), reseeded

        self._run(work, self._done, self._failed, owner=self)
        return True

    def cancel(self) -> None:
        """Stop at the next safe point (between batches or pages)."""
        if self.running:
            self.cancel_requested = True
            self._cancel.set()

    @Slot(object)
    def _relay_progress(self, progress: SyncProgress) -> None:
        if self.running:
            emit(self.progressed, progress)

    def _done(self, result: tuple[SyncReport, ReseedReport | None]) -> None:
        report, reseeded = result
        self._finish(SyncOutcome(datetime.now(UTC), self.automatic, report=report, reseeded=reseeded))

    def _failed(self, exc: BaseException) -> None:
        cancelled = isinstance(exc, SyncCancelled)
        outcome = SyncOutcome(datetime.now(UTC), self.automatic, error=exc, cancelled=cancelled)
        if not cancelled and not isinstance(exc, SyncError):
            errors.show_error(exc)  # a bug, not a network state: always shown
        self._finish(outcome)

    def _finish(self, outcome: SyncOutcome) -> None:
        self.running = False
        self.last = outcome
        if outcome.online is not None:
            self.online = outcome.online
        log.info("sync finished: %s", outcome.message)
        emit(self.finished, outcome)

    # ---- automatic sync -------------------------------------------------------------------------------

    def set_auto_sync(self, enabled: bool, *, save: bool = True) -> None:
        """Turn automatic sync on or off (and store the choice in the local database)."""
        self.auto_sync = enabled
        if enabled:
            self.timer.start()
        else:
            self.timer.stop()
        emit(self.autoSyncChanged, enabled)
        if save:
            store = self._store
            self._run(lambda: store.set_meta(AUTO_SYNC_KEY, bool(enabled)), lambda _r: None, owner=self)

    def load_settings(self) -> None:
        """Read the automatic-sync setting (in the background) and start the timer if it is on."""
        store = self._store
        self._run(
            lambda: (bool(store.meta(AUTO_SYNC_KEY, False)), bool(store.meta(sync_local.OFFICE_KEY))),
            self._settings_loaded,
            owner=self,
        )

    def _settings_loaded(self, values: tuple[bool, bool]) -> None:
        auto, enrolled = values
        self.set_auto_sync(auto and enrolled, save=False)

    @Slot()
    def _auto_tick(self) -> None:
        if self.auto_sync and not self.running:
            self.start(automatic=True)
