"""The main window: navigation on the left, one page per kind of work, and a status bar that always
says who is signed in, at which station, whether the office is reachable, and what is waiting to sync.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

import inspector
from inspector.services.dashboard import DashboardCounts, DashboardData, RecordLink
from inspector.services.policy import Actor, Permission, PermissionDeniedError, actor_for, may
from inspector.services.status import Identity, SyncStatus, load_identity, load_sync_status
from inspector.store.repository import today_local
from inspector.store.store import Store
from ui import errors
from ui.actions import Acting, install_correction_actions
from ui.documents import correction_request, mailbox_request, register_request, talk_request
from ui.formatting import fmt_datetime
from ui.forms import RecordForm, open_record_form
from ui.i18n import error_text, mark_content
from ui.lock import IdleWatcher, LockScreen
from ui.models.record_lists import correction_list, detainee_list, mailbox_list, patrol_list, talk_list
from ui.qt_compat import emit
from ui.style import AMBER, BADGE, OFFLINE, ONLINE, STYLE_SHEET, scaled_font
from ui.sync_controller import SyncController, SyncOutcome
from ui.undo import Deleter
from ui.views.dashboard_view import DashboardView
from ui.views.leads_view import LeadsPage, ReviewLinks
from ui.views.ledger_view import LedgerPage
from ui.views.records_view import RecordsView, RowDocument
from ui.views.reports_view import ReportsView
from ui.views.roster_import_dialog import open_roster_import
from ui.views.settings_view import SettingsView
from ui.views.sync_view import SyncView
from ui.views.users_view import UsersView
from ui.widgets import Page
from ui.workers import Runner, run_in_background

STATUS_REFRESH_MS = 30_000
DEFAULT_SIZE = QSize(1366, 768)
MINIMUM_SIZE = QSize(1024, 640)
SIDEBAR_WIDTH = 188

# Pages in navigation order; Ctrl+1 … Ctrl+9, then Ctrl+0, follow it. After them, for the roles that may
# use them (so these numbers never change): 设置 (Permission.SETTINGS), then 用户 (Permission.USERS).
DASHBOARD, PATROLS, TALKS, MAILBOX, CORRECTIONS, DETAINEES, LEDGER, LEADS, REPORTS, SYNC = range(10)

# The list pages whose 新建 and rows open a record form (ui.forms), and the page each saved kind is on.
FORM_PAGES = {PATROLS: "patrol", TALKS: "talk", MAILBOX: "mailbox_opening", DETAINEES: "detainee"}
PAGE_OF_KIND = {
    "patrol": PATROLS,
    "talk": TALKS,
    "mailbox_opening": MAILBOX,
    "mailbox_letter": MAILBOX,
    "detainee": DETAINEES,
    "custody_event": DETAINEES,
}


def _station_lines(name: str) -> str:
    """A long official name breaks where it reads naturally: "…人民检察院 / 驻…看守所检察室"."""
    at = name.find("驻")  # i18n: data (the station's official name)
    return f"{name[:at]}\n{name[at:]}" if at > 0 else name


BADGE_ROLE = Qt.ItemDataRole.UserRole + 10  # int: how many things on that page need attention


class NavDelegate(QStyledItemDelegate):
    """Draws a navigation item and, when it has one, a red count of what needs attention."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE)
        if not count:
            return
        text = str(count) if count < 100 else "99+"
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.75, 7.0))
        font.setBold(True)
        metrics = QFontMetrics(font)
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 12)
        rect = option.rect
        badge = QRect(rect.right() - width - 14, rect.center().y() - height // 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BADGE))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class MainWindow(QMainWindow):
    switchUserRequested = Signal()  # 切换用户: the app signs this user out and shows the sign-in window

    def __init__(
        self,
        store: Store,
        *,
        identity: Identity | None = None,
        runner: Runner | None = None,
        settings: QSettings | None = None,
        dashboard_data: DashboardData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``dashboard_data``: the 工作台's data read ahead (while the password was typed), shown at
        once instead of being read again."""
        super().__init__(parent)
        self.store = store
        self.identity = identity or load_identity(store)
        self._run: Runner = runner or run_in_background
        self._runner = runner
        # The signed-in user as the services see them (role included); until the sign-in screen
        # exists, the user the identity names.
        self.actor: Actor = self.identity.actor or actor_for(store)  # raises: no user to act as
        self._settings = settings
        self._status_loading = False
        self.sync_status: SyncStatus | None = None

        title = self.tr("驻所检察 — {station}").format(station=self.identity.station_name)
        if self.identity.is_demo:
            title += self.tr("（演示数据）")
        self.setWindowTitle(title)
        self.setStyleSheet(STYLE_SHEET)
        self.setMinimumSize(MINIMUM_SIZE)
        self._fit_default_size()

        # ---- pages ------------------------------------------------------------------------------
        self.sync = SyncController(store, runner=runner, parent=self)
        self.sync.finished.connect(self._sync_finished)
        self.dashboard = DashboardView(store, runner=runner)
        preview = self.tr("预览和打印…")
        detainees = RecordsView(store, detainee_list(), runner=runner)
        self.register_button = detainees.add_button(
            self.tr("打印台账…"), lambda: detainees.open_preview(register_request(today_local()))
        )
        self.register_button.setToolTip(self.tr("今日在押人员情况检察台账：预览、打印或另存为 PDF"))
        self.detainee_page_button = detainees.add_button(
            self.tr("人员详情"), lambda: self.open_detainee_page(detainees.selected_id())
        )
        self.detainee_page_button.setToolTip(self.tr("选中人员的诉讼环节、羁押期限和全部相关记录"))
        self.roster_import_button: QPushButton | None = None  # only for a role that may add people
        if may(self.actor, Permission.EDIT):
            self.roster_import_button = detainees.add_button(
                self.tr("导入名册…"),
                lambda: open_roster_import(
                    self,
                    store,
                    self.actor,
                    runner=runner,
                    on_imported=lambda: self._form_saved("detainee", None),
                ),
            )
            self.roster_import_button.setToolTip(
                self.tr("从 Excel 或 CSV 文件导入在押人员名册：先预览，再一次导入")
            )
        self.pages: list[Page] = [
            self.dashboard,
            RecordsView(store, patrol_list(), runner=runner),
            RecordsView(store, talk_list(), runner=runner, document=RowDocument(preview, talk_request)),
            RecordsView(store, mailbox_list(), runner=runner, document=RowDocument(preview, mailbox_request)),
            RecordsView(
                store, correction_list(), runner=runner, document=RowDocument(preview, correction_request)
            ),
            detainees,
            LedgerPage(store, actor=self.actor, runner=runner),
            LeadsPage(store, actor=self.actor, runner=runner, open_record=self._open_made_record),
            ReportsView(store, actor=self.actor, runner=runner),
            SyncView(store, runner=runner, controller=self.sync),
        ]
        self.settings_page: SettingsView | None = None
        self.users_page: UsersView | None = None
        if may(self.actor, Permission.SETTINGS):
            self.settings_page = SettingsView(store, actor=self.actor, runner=runner, settings=settings)
            self.settings_page.settingChanged.connect(self._setting_changed)
            self.pages.append(self.settings_page)
        if self.identity.manages_users:
            self.users_page = UsersView(store, actor=self.actor, runner=runner, manages=True)
            self.pages.append(self.users_page)
        # 新建 and 删除 stay in sight for a role that writes no records, disabled, saying why.
        self.may_edit = may(self.actor, Permission.EDIT)
        self.edit_refusal = error_text(PermissionDeniedError(self.actor.role, Permission.EDIT))
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        for page in self.pages:
            self.stack.addWidget(page)
        # Record forms (ui.forms): 新建 (Ctrl+N acts on the page shown) and Enter / double-click on a row.
        self.new_buttons: dict[int, QPushButton] = {}
        self.last_form: RecordForm | None = None
        for index, kind in FORM_PAGES.items():
            page = self.pages[index]
            assert isinstance(page, RecordsView)
            button = page.add_button(self.tr("新建"), partial(self.new_record, kind))
            button.setToolTip(self.tr("新建{kind}（Ctrl+N）").format(kind=page.title))
            self._editing_button(button)
            self.new_buttons[index] = button
            page.openRequested.connect(partial(self.edit_record, kind))
        # Acting from where you are (ui.actions): an agenda row, a 纠正与建议 row, 新建 there.
        self.acting = Acting(store, self, user_id=self.identity.user_id, actor=self.actor, runner=runner)
        self.dashboard.acting = self.acting
        corrections = self.pages[CORRECTIONS]
        assert isinstance(corrections, RecordsView)
        self.new_correction_button = install_correction_actions(corrections, self.acting)
        self._editing_button(self.new_correction_button)
        self.acting.changed.connect(lambda *_: self.dashboard.refresh())
        self.acting.changed.connect(lambda *_: self.refresh_status())
        # 台账审查 and 监督线索: confirmed changes reach 在押人员 and the 工作台; open leads are counted.
        self.ledger_page = self.pages[LEDGER]
        self.leads_page = self.pages[LEADS]
        assert isinstance(self.ledger_page, LedgerPage) and isinstance(self.leads_page, LeadsPage)
        self.ledger_page.changed.connect(lambda: self._form_saved("detainee", None))
        self.ledger_page.changed.connect(self.leads_page.refresh_if_loaded)
        self.leads_page.changed.connect(self._lead_changed)
        self.leads_page.openDetainee.connect(self.open_detainee_page)
        self.leads_page.openCountChanged.connect(self._on_lead_count)
        self.ledger_page.pendingCountChanged.connect(self._on_ledger_count)
        self.ledger_link = ReviewLinks()
        self.ledger_link.ledgerRequested.connect(lambda: self.show_page(LEDGER))
        self.ledger_link.leadsRequested.connect(lambda: self.show_page(LEADS))
        self.dashboard.header.right.addWidget(self.ledger_link, 0, Qt.AlignmentFlag.AlignBottom)

        # 删除 (the Delete key on a list's table) with 撤销 in the status bar for a few seconds.
        self.deleter = Deleter(store, self.actor, self.statusBar(), runner=runner, parent=self)
        self.deleter.changed.connect(self._record_deleted)
        self._delete_keys: list[QShortcut] = []
        self.delete_buttons: dict[int, QPushButton] = {}
        for index in (*FORM_PAGES, CORRECTIONS):
            page = self.pages[index]
            assert isinstance(page, RecordsView)
            button = page.add_button(self.tr("删除"), partial(self.delete_selected, index))
            button.setToolTip(self.tr("删除选中的记录（Delete），删除后可在状态栏撤销"))
            self._editing_button(button)
            self.delete_buttons[index] = button
            key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), page.table)
            key.setContext(Qt.ShortcutContext.WidgetShortcut)
            key.activated.connect(partial(self.delete_selected, index))
            self._delete_keys.append(key)

        # ---- navigation -------------------------------------------------------------------------
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFont(scaled_font(self.nav, 1.1))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for i, page in enumerate(self.pages):
            item = QListWidgetItem(page.title)
            item.setToolTip(
                self.tr("{title}（Ctrl+{n}）").format(title=page.title, n=(i + 1) % 10)
                if i < 10
                else page.title
            )
            self.nav.addItem(item)
        self.nav.setItemDelegate(NavDelegate(self.nav))
        self.nav.currentRowChanged.connect(self._on_nav)

        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        app_title = QLabel(self.tr("驻所检察"))
        app_title.setObjectName("appTitle")
        app_title.setFont(scaled_font(app_title, 1.5, bold=True))
        station = QLabel(_station_lines(self.identity.station_name))
        mark_content(station)
        station.setObjectName("appSubtitle")
        station.setFont(scaled_font(station, 0.9))
        station.setWordWrap(True)
        station.setToolTip(self.identity.station_name)
        footer = QLabel(self.tr("版本 {version}").format(version=inspector.__version__))
        footer.setObjectName("sidebarFooter")
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 18, 0, 12)
        side.setSpacing(0)
        heading = QVBoxLayout()
        heading.setContentsMargins(18, 0, 10, 16)
        heading.setSpacing(4)
        heading.addWidget(app_title)
        heading.addWidget(station)
        side.addLayout(heading)
        side.addWidget(self.nav, 1)
        footer_row = QHBoxLayout()
        footer_row.setContentsMargins(18, 0, 14, 0)
        footer_row.addWidget(footer)
        side.addLayout(footer_row)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(self.stack, 1)
        # The content and, when locked, the lock screen in its place (hidden widgets take no focus).
        self.lock_screen = LockScreen()
        self.lock_screen.unlockRequested.connect(self.unlock)
        self.lock_screen.switchUserRequested.connect(self.request_switch_user)
        self.screens = QStackedWidget()
        self.screens.addWidget(central)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self._hidden_windows: list[QWidget] = []
        self._lock_recorded = threading.Event()

        # ---- status bar -------------------------------------------------------------------------
        # Demo data says so, always in sight: nobody should take it for the station's own records.
        self.demo_label = QLabel(self.tr("演示数据"))
        self.demo_label.setObjectName("demoBadge")
        self.demo_label.setStyleSheet(
            f"QLabel#demoBadge {{ background: {AMBER}; color: #ffffff; font-weight: bold;"
            " border-radius: 3px; padding: 1px 8px; margin: 2px 4px; }"
        )
        self.demo_label.setToolTip(
            self.tr("打开的是演示数据（{path}），不是本检察室的真实记录。").format(path=store.data_dir)
        )
        self.demo_label.setVisible(self.identity.is_demo)
        self.statusBar().addWidget(self.demo_label)
        self.status_label = QLabel()
        mark_content(self.status_label)  # the user's and the station's names, with the sync state
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.statusBar().addWidget(self.status_label, 1)
        self.lock_button = QPushButton(self.tr("锁定"))
        self.lock_button.setObjectName("statusButton")
        self.lock_button.setToolTip(self.tr("锁定窗口，离开时用（Ctrl+L）"))
        self.lock_button.clicked.connect(lambda: self.lock("manual"))
        self.switch_user_button = QPushButton(self.tr("切换用户"))
        self.switch_user_button.setObjectName("statusButton")
        self.switch_user_button.setToolTip(self.tr("退出当前用户，换另一位用户登录"))
        self.switch_user_button.clicked.connect(self.request_switch_user)
        self.statusBar().addPermanentWidget(self.lock_button)
        self.statusBar().addPermanentWidget(self.switch_user_button)
        self.statusBar().setSizeGripEnabled(False)
        self._render_status()

        # ---- keyboard ---------------------------------------------------------------------------
        self._shortcuts: list[QShortcut] = []
        for i in range(min(len(self.pages), 10)):
            self._add_shortcut(QKeySequence(f"Ctrl+{(i + 1) % 10}"), partial(self.show_page, i))
        self._add_shortcut(QKeySequence("F5"), self.refresh_current)
        self._add_shortcut(QKeySequence("Ctrl+N"), self.new_on_current_page)
        # Ctrl+L locks from any of the app's windows (a form in front included).
        self._lock_key = QShortcut(QKeySequence("Ctrl+L"), self)
        self._lock_key.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self._lock_key.activated.connect(lambda: self.lock("manual"))
        self.idle = IdleWatcher(10, self)
        self.idle.idle.connect(lambda: self.lock("idle"))

        self.dashboard.countsLoaded.connect(self._on_counts)
        self.dashboard.countsLoaded.connect(lambda _counts: self.leads_page.load_count())
        self.dashboard.countsLoaded.connect(lambda _counts: self.ledger_page.load_count())
        self.dashboard.openRecord.connect(self.open_record)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)

        if dashboard_data is not None:
            self.dashboard.show_data(dashboard_data)
        self.nav.setCurrentRow(DASHBOARD)
        self.refresh_status()
        self._status_timer.start()
        self.sync.load_settings()
        self._load_idle_minutes()

    # ---- geometry and settings ----------------------------------------------------------------

    def _fit_default_size(self) -> None:
        size = QSize(DEFAULT_SIZE)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry().size()
            size = size.boundedTo(available).expandedTo(MINIMUM_SIZE)
        self.resize(size)

    def restore_state(self) -> None:
        if self._settings is None:
            return
        geometry = self._settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        for form in self.findChildren(RecordForm):
            form.keep_draft_now()  # what is typed in an open form is offered back next time
        self.idle.uninstall()
        self._lock_key.setEnabled(False)
        self._status_timer.stop()
        self.sync.timer.stop()
        self.sync.cancel()
        if self._settings is not None:
            self._settings.setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)

    def _add_shortcut(self, keys: QKeySequence, slot: Callable[[], object]) -> None:
        if keys.isEmpty():
            return
        shortcut = QShortcut(keys, self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)

    def _editing_button(self, button: QPushButton) -> None:
        if not self.may_edit:
            button.setEnabled(False)
            button.setToolTip(self.edit_refusal)

    @Slot(str)
    def _setting_changed(self, key: str) -> None:
        """A station setting was saved on 设置: what it changes is read again."""
        if key.startswith("security."):
            self._load_idle_minutes()
        self.dashboard.refresh()

    # ---- idle lock and switching user --------------------------------------------------------------

    def _load_idle_minutes(self) -> None:
        from inspector.services.auth import security_policy

        store = self.store

        def apply(minutes: int) -> None:
            self.idle.set_minutes(minutes)
            if not self.is_locked:
                self.idle.start()

        self._run(lambda: security_policy(store).idle_lock_minutes, apply, owner=self)

    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self, reason: str = "manual") -> None:
        """Hide every record: drafts of open forms are kept first, the app's other windows are hidden
        and the lock screen asks for the same user's password."""
        if self.is_locked:
            return
        from inspector.services.auth import record_lock

        for form in self.findChildren(RecordForm):
            form.keep_draft_now()
        self._hidden_windows = [
            w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible() and self._owns(w)
        ]
        for window in self._hidden_windows:
            window.hide()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        self.idle.stop()
        self.lock_screen.prepare(self.identity.user_name, self.identity.station_name)
        self.screens.setCurrentWidget(self.lock_screen)
        self.statusBar().hide()
        self.lock_screen.password_edit.setFocus()
        store, actor = self.store, self.actor
        recorded = self._lock_recorded = threading.Event()

        def write() -> None:
            try:
                record_lock(store, actor, reason)
            finally:
                recorded.set()

        self._run(write, lambda _none: None, owner=self)

    def _owns(self, window: QWidget) -> bool:
        """``window`` (a form, a detainee page, a dialog) was opened from this main window."""
        parent = window.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    @Slot(str)
    def unlock(self, password: str) -> None:
        """Check ``password`` off the GUI thread; the content comes back if it is the user's."""
        from inspector.services.auth import unlock

        if not self.is_locked:
            return
        self.lock_screen.set_busy(True)
        store, actor, recorded = self.store, self.actor, self._lock_recorded

        def check() -> None:
            recorded.wait(10)  # the lock's audit entry comes before the unlock's
            unlock(store, actor, password)

        self._run(check, self._unlocked, self._unlock_refused, owner=self)

    def _unlocked(self, _none: object) -> None:
        self.screens.setCurrentIndex(0)
        self.statusBar().show()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        for window in self._hidden_windows:
            window.show()
        self._hidden_windows = []
        self.idle.start()
        self.refresh_status()

    def _unlock_refused(self, exc: BaseException) -> None:
        from inspector.domain.errors import InspectorError

        if not isinstance(exc, InspectorError):
            self.lock_screen.set_busy(False)
            errors.show_error(exc, self)
            return
        self.lock_screen.refuse(error_text(exc))

    @Slot()
    def request_switch_user(self) -> None:
        """切换用户: the app (``ui.app``) signs this user out and shows the sign-in window."""
        emit(self.switchUserRequested)

    # ---- pages ------------------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.nav.setCurrentRow(index)

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    @Slot(int)
    def _on_nav(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            return
        self.stack.setCurrentIndex(index)
        self.pages[index].activate()

    def page_index(self, key: str) -> int | None:
        """The index of the list page whose ``RecordList.key`` is ``key`` (e.g. ``detainees``)."""
        for i, page in enumerate(self.pages):
            if isinstance(page, RecordsView) and page.key == key:
                return i
        return None

    @Slot(object)
    def open_record(self, link: RecordLink) -> None:
        """Show the page that lists the record and select its row (if it is in the list)."""
        index = self.page_index(link.page)
        if index is None:
            index = {"leads": LEADS, "ledger": LEDGER}.get(link.page)  # pages that are not lists
        if index is None:
            return
        self.show_page(index)
        page = self.pages[index]
        if link.record_id is not None and isinstance(page, RecordsView):
            page.select_record(link.record_id)

    def open_detainee_page(self, detainee_id: uuid.UUID | None) -> QWidget | None:
        """人员详情: the page of a detainee (the row selected in 在押人员) — stages, deadlines and every
        record about the person. A record opened there shows in its correction page or its form."""
        from ui.actions import CORRECTION_KINDS
        from ui.forms import FORM_KINDS
        from ui.views.detainee_page import DetaineePage

        if detainee_id is None:
            self.statusBar().showMessage(self.tr("请先在列表中选中一名在押人员"), 5000)
            return None
        page = DetaineePage(self.store, detainee_id, actor=self.actor, runner=self._runner, parent=self)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def open_there(kind: str, record_id: object) -> None:
            if kind in CORRECTION_KINDS and isinstance(record_id, uuid.UUID):
                self.acting.open_correction(kind, record_id)
            elif kind in FORM_KINDS:
                self.edit_record(kind, record_id)
            else:
                self.statusBar().showMessage(self.tr("这类记录还没有可以打开的页面"), 5000)

        page.openRecord.connect(open_there)
        page.changed.connect(self._form_saved)
        page.show()
        return page

    # ---- record forms ---------------------------------------------------------------------------

    @Slot()
    def new_on_current_page(self) -> None:
        """Ctrl+N: a new record of the page shown (纠正与建议: its 新建 menu, to choose the kind)."""
        if self.stack.currentIndex() in (*FORM_PAGES, CORRECTIONS) and not self.may_edit:
            self.statusBar().showMessage(self.edit_refusal, 5000)
            return
        if self.stack.currentIndex() == CORRECTIONS:
            self.new_correction_button.showMenu()
            return
        kind = FORM_PAGES.get(self.stack.currentIndex())
        if kind is not None:
            self.new_record(kind)

    def new_record(self, kind: str) -> None:
        self.edit_record(kind, None)

    def edit_record(self, kind: str, record_id: object) -> None:
        """The form of record ``record_id`` of ``kind`` (a new one if None)."""
        if record_id is not None and not isinstance(record_id, uuid.UUID):
            return
        form = open_record_form(self, self.store, kind, record_id, actor=self.actor, runner=self._runner)
        form.saved.connect(self._form_saved)
        self.last_form = form

    @Slot(str, object)
    def delete_selected(self, index: int) -> None:
        """删除 on a list: the selected record, after one confirmation; 撤销 in the status bar."""
        page = self.pages[index]
        assert isinstance(page, RecordsView)
        if not self.may_edit:
            self.statusBar().showMessage(self.edit_refusal, 5000)
            return
        record_id = page.selected_id()
        if record_id is None:
            self.statusBar().showMessage(self.tr("请先在列表中选中要删除的记录"), 5000)
            return
        kind = FORM_PAGES.get(index)
        if kind is None:  # 纠正与建议 lists three kinds
            row = page.selected_row()
            kind = getattr(getattr(row, "record", None), "kind", None)
        if kind is None:
            return
        row_index = page.table.currentIndex()
        what = page.model.index(row_index.row(), 0).data() or ""
        self.deleter.delete(self, kind, record_id, str(what))

    def _record_deleted(self, kind: str, record_id: object) -> None:
        self._form_saved(kind, record_id)
        self.pages[CORRECTIONS].refresh()

    def _form_saved(self, kind: str, record_id: object) -> None:
        """After a save: the record's list, the 工作台 and the pending count are read again."""
        index = PAGE_OF_KIND.get(kind)
        if index is not None:
            self.pages[index].refresh()
        self.dashboard.refresh()
        self.refresh_status()

    @Slot()
    def refresh_current(self) -> None:
        self.current_page().refresh()
        self.refresh_status()

    @Slot(object)
    def _on_counts(self, counts: DashboardCounts) -> None:
        item = self.nav.item(CORRECTIONS)
        title = self.pages[CORRECTIONS].title
        overdue = counts.overdue_replies
        item.setData(BADGE_ROLE, overdue)
        item.setToolTip(
            self.tr("{title}（Ctrl+{n}）：{k} 份文书逾期未回复").format(
                title=title, n=CORRECTIONS + 1, k=overdue
            )
            if overdue
            else f"{title}（Ctrl+{CORRECTIONS + 1}）"
        )

    @Slot(int)
    def _on_lead_count(self, n: int) -> None:
        item = self.nav.item(LEADS)
        title = self.pages[LEADS].title
        item.setData(BADGE_ROLE, n)
        item.setToolTip(
            self.tr("{title}（Ctrl+{n}）：{k} 条线索待核实或核实中").format(title=title, n=LEADS + 1, k=n)
            if n
            else f"{title}（Ctrl+{LEADS + 1}）"
        )
        self.ledger_link.set_open_count(n)

    @Slot(int)
    def _on_ledger_count(self, n: int) -> None:
        item = self.nav.item(LEDGER)
        title = self.pages[LEDGER].title
        item.setData(BADGE_ROLE, n)
        item.setToolTip(
            self.tr("{title}（Ctrl+{n}）：{k} 份台账的变动待确认").format(title=title, n=LEDGER + 1, k=n)
            if n
            else f"{title}（Ctrl+{LEDGER + 1}）"
        )
        self.ledger_link.set_pending_imports(n)

    def _lead_changed(self, kind: str, record_id: object) -> None:
        """A lead moved or became a finding, an oral correction or a notice."""
        if kind != "supervision_lead":
            self.pages[CORRECTIONS].refresh()
        self.dashboard.refresh()
        self.refresh_status()

    def _open_made_record(self, kind: str, record_id: uuid.UUID) -> None:
        """What 据此制发 on 监督线索 made: a correction's page, or a finding's form."""
        from ui.actions import CORRECTION_KINDS

        if kind in CORRECTION_KINDS:
            self.acting.open_correction(kind, record_id)
        else:
            self.edit_record(kind, record_id)

    def nav_badge(self, index: int) -> int:
        return int(self.nav.item(index).data(BADGE_ROLE) or 0)

    # ---- status bar -------------------------------------------------------------------------------

    @Slot()
    def refresh_status(self) -> None:
        """Re-read the pending-change count and last sync time (in the background)."""
        if self._status_loading:
            return
        self._status_loading = True
        store = self.store
        online = self.sync.online
        self._run(
            lambda: load_sync_status(store, online=online), self._on_status, self._status_failed, owner=self
        )

    def _on_status(self, status: SyncStatus) -> None:
        self._status_loading = False
        self.sync_status = status
        self._render_status()
        item = self.nav.item(SYNC)
        item.setData(BADGE_ROLE, status.conflicts)
        title = self.pages[SYNC].title
        item.setToolTip(
            self.tr("{title}（Ctrl+{n}）：{k} 条冲突待处理").format(
                title=title, n=(SYNC + 1) % 10, k=status.conflicts
            )
            if status.conflicts
            else f"{title}（Ctrl+{(SYNC + 1) % 10}）"
        )

    @Slot(object)
    def _sync_finished(self, outcome: SyncOutcome) -> None:
        """After every sync (manual or automatic): the status bar, and the page on screen."""
        self._status_loading = False  # a newer reading supersedes one in flight
        self.refresh_status()
        if outcome.ok:
            page = self.current_page()
            if page is not self.pages[SYNC]:
                page.refresh()
        if outcome.automatic and outcome.error is not None and not outcome.cancelled:
            self.statusBar().showMessage(self.tr("自动同步未完成：{m}").format(m=outcome.message), 15_000)

    def _status_failed(self, exc: BaseException) -> None:
        self._status_loading = False
        errors.show_error(exc, self)

    def _status_parts(self) -> list[str]:
        status = self.sync_status
        user = self.identity.user_name or self.tr("（未登录）")
        if status is None:
            last, pending = "…", "…"
        else:
            last = fmt_datetime(status.last_sync_at) if status.last_sync_at else self.tr("从未同步")
            pending = str(status.pending)
        online = status is not None and status.online
        return [
            user,
            self.identity.station_name,
            "● " + (self.tr("在线") if online else self.tr("离线")),
            self.tr("上次同步 {when}").format(when=last),
            self.tr("待同步 {n} 条").format(n=pending),
        ]

    def status_text(self) -> str:
        """The status line as plain text."""
        return " · ".join(self._status_parts())

    def _render_status(self) -> None:
        parts = [p.replace("&", "&amp;").replace("<", "&lt;") for p in self._status_parts()]
        online = self.sync_status is not None and self.sync_status.online
        colour = ONLINE if online else OFFLINE
        parts[2] = f'<span style="color:{colour}">●</span> ' + parts[2][2:]
        self.status_label.setText('<span style="color:#b8c0cc">&nbsp;·&nbsp;</span>'.join(parts))
