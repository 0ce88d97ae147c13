"""The sign-in window: nobody sees a record before a user of this station has given their password.

It is the app's first window and is built from Qt alone, so it shows about as fast as a bare window.
While the user types, a background job imports the rest of the app and opens the database (when its
key is in the OS keyring), then fills in the station and its users. When the database key needs a
passphrase, a 数据库口令 field comes first and the database is opened with it on 登录.
The password is checked off the GUI thread (:func:`inspector.services.auth.sign_in`, scrypt); a
refusal shows under the password field, with the lockout time when there is one.

A small 中文 / English box chooses the language of this laptop (``ui.i18n``): the window changes at
once, the main window opens in it, and it is kept for the next start.

``signedIn(store, actor)`` is emitted once the user is in; the caller opens the main window.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.qt_compat import emit
from ui.style import AMBER, CARD_BORDER, PAGE_BG, RED, TEXT_MUTED, scaled_font
from ui.workers import Runner, run_in_background

if TYPE_CHECKING:
    from inspector.services.auth import SignInUser
    from inspector.services.dashboard import DashboardData
    from inspector.services.policy import Actor
    from inspector.services.status import Identity
    from inspector.store.store import Store

log = logging.getLogger("inspector.ui.sign_in")

# The 工作台's data read while the password was typed is shown at once if it is at most this old.
PREFETCH_FRESH_S = 60.0


@dataclass(frozen=True)
class Prepared:
    """What the background preparation hands to the window."""

    store: Store
    identity: Identity
    users: list[SignInUser]
    dashboard: DashboardData | None = None  # read ahead, so the 工作台 shows its data on sign-in
    at: float = field(default_factory=time.monotonic)


LAST_USER_KEY = "sign_in/last_user"  # QSettings: the user name last signed in on this laptop


def prepare_core(data_dir: Path, passphrase: str | None = None) -> Prepared:
    """Import the app and open the database: the open store, the station (name, demo data?), its users.

    Runs on a worker thread. Importing the main window's modules here means the GUI thread finds
    them loaded when the password has been checked."""
    import ui.main_window  # noqa: F401  (warms the import cache for the main window)
    from inspector.services import auth
    from inspector.services.dashboard import load_dashboard
    from inspector.services.status import load_identity
    from inspector.store.store import Store

    store = Store.open(data_dir, (lambda _text, _confirm: passphrase) if passphrase else None)
    try:
        identity, users = load_identity(store), auth.sign_in_users(store)
    except BaseException:
        store.close()
        raise
    try:
        dashboard: DashboardData | None = load_dashboard(store)
    except Exception as exc:  # the 工作台 will read it again after sign-in, and show the error then
        log.warning("reading the 工作台 ahead of sign-in failed: %r", exc)
        dashboard = None
    return Prepared(store, identity, users, dashboard)


class SignInWindow(QWidget):
    """User, password, 登录. ``store`` may be given already open (switching user)."""

    signedIn = Signal(object, object)  # (Store, Actor)
    cancelled = Signal()

    def __init__(
        self,
        data_dir: Path,
        *,
        store: Store | None = None,
        needs_passphrase: bool = False,
        settings: QSettings | None = None,
        runner: Runner | None = None,
        prepare: Callable[[Path, str | None], Prepared] = prepare_core,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.store: Store | None = store
        self._settings = settings
        self._run: Runner = runner or run_in_background
        self._prepare = prepare
        self.prepared: Prepared | None = None
        self._busy = False
        self._preparing = False  # the database is being opened in the background
        self._submit_when_open = False
        self._signed_in = False
        self._needs_passphrase = needs_passphrase and store is None
        # Texts that depend on what happened, worked out again when the language changes.
        self._station_text: Callable[[], str] = lambda: self.tr("正在打开数据库…")
        self._message_text: Callable[[], str] = str
        self._demo_password: str | None = None
        self.setObjectName("signIn")
        self.setStyleSheet(
            f"#signIn {{ background: {PAGE_BG}; }}"
            f"#signInCard {{ background: white; border: 1px solid {CARD_BORDER}; border-radius: 6px; }}"
        )
        self.resize(1366, 768)

        card = QFrame()
        card.setObjectName("signInCard")
        card.setFixedWidth(420)
        self.title = title = QLabel()
        title.setFont(scaled_font(self, 1.8, bold=True))
        self.station_label = QLabel()
        self.station_label.setStyleSheet(f"color: {TEXT_MUTED};")
        self.station_label.setWordWrap(True)
        self.demo_hint = QLabel()
        self.demo_hint.setObjectName("demoHint")
        self.demo_hint.setStyleSheet(f"color: {AMBER};")
        self.demo_hint.hide()

        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setObjectName("passphrase")
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("user")
        i18n.mark_content(self.user_combo)  # the users' names
        self.user_combo.setEditable(self._needs_passphrase)  # the users are known once the database opens
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setObjectName("password")
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setStyleSheet(f"color: {RED};")
        self.message.setWordWrap(True)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.password_edit.returnPressed.connect(self.submit)
        self.passphrase_edit.returnPressed.connect(self.password_edit.setFocus)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        i18n.mark_content(self.language_combo)  # each language by its own name
        for lang in i18n.LANGUAGES:
            self.language_combo.addItem(i18n.LANGUAGE_NAMES[lang], lang)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(i18n.language()), 0))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)

        self.passphrase_caption, self.user_caption, self.password_caption = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        if self._needs_passphrase:
            form.addRow(self.passphrase_caption, self.passphrase_edit)
        else:
            self.passphrase_edit.hide()
        form.addRow(self.user_caption, self.user_combo)
        form.addRow(self.password_caption, self.password_edit)
        language_row = QHBoxLayout()
        language_row.addStretch(1)
        language_row.addWidget(self.language_combo)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(self.station_label)
        inner.addWidget(self.demo_hint)
        inner.addSpacing(8)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.sign_in_button)
        inner.addLayout(language_row)

        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)
        if self._needs_passphrase:
            self.setTabOrder(self.passphrase_edit, self.user_combo)
        self.setTabOrder(self.user_combo, self.password_edit)
        self.setTabOrder(self.password_edit, self.sign_in_button)
        self.setTabOrder(self.sign_in_button, self.language_combo)

        last = self._settings.value(LAST_USER_KEY, "") if self._settings is not None else ""
        self._last_user = str(last or "")
        if self._needs_passphrase:
            self.user_combo.setEditText(self._last_user)
            self._station_text = lambda: self.tr("本机没有系统密钥环：请先输入数据库口令")
        self.retranslate()
        if self._needs_passphrase:
            self._set_ready(True)
            self.passphrase_edit.setFocus()
        else:
            self.password_edit.setFocus()
            self._start_preparing()

    # ---- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the window in the language installed now."""
        self.setWindowTitle(self.tr("驻所检察 — 登录"))
        self.title.setText(self.tr("驻所检察"))
        self.station_label.setText(self._station_text())
        self.passphrase_caption.setText(self.tr("数据库口令"))
        self.user_caption.setText(self.tr("用户"))
        self.password_caption.setText(self.tr("密码"))
        self.sign_in_button.setText(self.tr("登录"))
        self.language_combo.setToolTip(self.tr("界面语言（本机）"))
        if self._demo_password is not None:
            self.demo_hint.setText(
                self.tr("演示数据：演示账户 wang，密码 {password}").format(password=self._demo_password)
            )
        self.message.setText(self._message_text())

    @Slot(int)
    def _language_chosen(self, _index: int) -> None:
        lang = str(self.language_combo.currentData() or i18n.DEFAULT_LANGUAGE)
        i18n.store_language(self._settings, lang)
        app = QCoreApplication.instance()
        if app is not None and lang != i18n.language():
            i18n.install(app, lang)
        self.retranslate()

    def _say(self, text: Callable[[], str], color: str = RED) -> None:
        """The line under the form: ``text`` is asked again when the language changes."""
        self._message_text = text
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(text())

    # ---- state ----------------------------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        """The form checks a password at once (the database is open, or its passphrase is asked here);
        while the database is still being opened, 登录 waits for it."""
        return self.sign_in_button.isEnabled() and not self._busy

    def fresh_dashboard(self) -> DashboardData | None:
        """The 工作台's data read while the password was typed, if recent enough to show."""
        prepared = self.prepared
        if prepared is None or prepared.dashboard is None:
            return None
        return prepared.dashboard if time.monotonic() - prepared.at <= PREFETCH_FRESH_S else None

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_ready(self, ready: bool) -> None:
        self.sign_in_button.setEnabled(ready)

    def _start_preparing(self) -> None:
        if self.store is not None:  # switching user: the database is open already
            from inspector.services import auth
            from inspector.services.status import load_identity

            self._prepared(Prepared(self.store, load_identity(self.store), auth.sign_in_users(self.store)))
            return
        self._busy = self._preparing = True
        self._run(
            lambda: self._prepare(self.data_dir, None), self._prepared, self._prepare_failed, owner=self
        )

    def _prepared(self, result: Prepared, *, keep_typed: str | None = None) -> None:
        self._busy = self._preparing = False
        store, identity, users = result.store, result.identity, result.users
        self.prepared = result
        self.store = store
        name = identity.station_name
        self._station_text = lambda: name
        self.station_label.setText(name)
        i18n.mark_content(self.station_label)  # the station's name
        if identity.is_demo and identity.demo_password_documented:
            from inspector.services.status import DEMO_PASSWORD

            self._demo_password = DEMO_PASSWORD
            self.demo_hint.setText(
                self.tr("演示数据：演示账户 wang，密码 {password}").format(password=DEMO_PASSWORD)
            )
            self.demo_hint.show()
        self.user_combo.setEditable(False)
        self.user_combo.clear()
        for user in users:
            self.user_combo.addItem(user.label, user.username)
        index = self.user_combo.findData(keep_typed or self._last_user)
        self.user_combo.setCurrentIndex(max(index, 0))
        if not users:
            self._say(lambda: self.tr("本机没有可登录的用户：请管理员在本机设置用户和密码"))
        self._set_ready(bool(users))
        if self._submit_when_open:  # Enter was pressed while the database was opening
            self._submit_when_open = False
            self.submit()

    @Slot(object)
    def _prepare_failed(self, exc: BaseException) -> None:
        self._busy = self._preparing = self._submit_when_open = False
        self._set_ready(False)
        self._station_text = lambda: self.tr("无法打开数据库")
        i18n.mark_content(self.station_label, False)
        self.station_label.setText(self._station_text())
        self._say(lambda: _message(exc))

    def username(self) -> str:
        data = self.user_combo.currentData()
        return (
            str(data)
            if data is not None and not self.user_combo.isEditable()
            else self.user_combo.currentText()
        )

    # ---- signing in -----------------------------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        if self._preparing and self.password_edit.text():
            self._submit_when_open = True
            self._say(lambda: self.tr("正在打开数据库，打开后即登录…"), TEXT_MUTED)
            return
        if self._busy or not self.is_ready:
            return
        username, password = self.username().strip(), self.password_edit.text()
        passphrase = self.passphrase_edit.text() if self._needs_passphrase and self.store is None else None
        if passphrase is not None and not passphrase:
            self._refuse(lambda: self.tr("请输入数据库口令"), self.passphrase_edit)
            return
        if not username:
            self._refuse(lambda: self.tr("请选择或输入用户"), self.user_combo)
            return
        if not password:
            self._refuse(lambda: self.tr("请输入密码"), self.password_edit)
            return
        self._busy = True
        self._set_ready(False)
        if passphrase is not None:
            # Open the database with the passphrase first; then check the password.
            self._say(lambda: self.tr("正在打开数据库…"), TEXT_MUTED)

            def opened(result: Prepared) -> None:
                self._prepared(result, keep_typed=username)
                self._check_password(username, password)

            self._run(lambda: self._prepare(self.data_dir, passphrase), opened, self._refused, owner=self)
            return
        self._check_password(username, password)

    def _check_password(self, username: str, password: str) -> None:
        store = self.store
        assert store is not None
        self._busy = True
        self._set_ready(False)
        self._say(lambda: self.tr("正在验证…"), TEXT_MUTED)

        def work() -> Actor:
            from inspector.services import auth

            return auth.sign_in(store, username, password)

        self._run(work, self._accepted, self._refused, owner=self)

    @Slot(object)
    def _accepted(self, actor: Actor) -> None:
        self._busy = False
        store = self.store
        self._signed_in = True
        if self._settings is not None:
            self._settings.setValue(LAST_USER_KEY, self.username().strip())
        self.password_edit.clear()
        self._message_text = str
        self.message.clear()
        emit(self.signedIn, store, actor)

    @Slot(object)
    def _refused(self, exc: BaseException) -> None:
        self._busy = False
        self._set_ready(True)
        self.password_edit.clear()
        field = self.password_edit
        if self._needs_passphrase and self.store is None and _is_key_error(exc):
            self.passphrase_edit.clear()
            field = self.passphrase_edit
        self._refuse(lambda: _message(exc), field)

    def _refuse(self, text: Callable[[], str], field: QWidget) -> None:
        self._say(text, RED)
        field.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._signed_in:
            emit(self.cancelled)
        super().closeEvent(event)


def _is_key_error(exc: BaseException) -> bool:
    from inspector.store.engine import DatabaseKeyError
    from inspector.store.keys import KeyUnavailableError

    return isinstance(exc, DatabaseKeyError | KeyUnavailableError)


def _message(exc: BaseException) -> str:
    from inspector.domain.errors import InspectorError
    from inspector.store.engine import DatabaseKeyError

    if isinstance(exc, DatabaseKeyError):
        return QCoreApplication.translate("SignInWindow", "数据库口令不正确，无法解密数据库")
    if isinstance(exc, InspectorError):
        return i18n.error_text(exc)
    from ui import errors

    return errors.user_message(exc)[1]
