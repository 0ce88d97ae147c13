"""Starting the desktop app: ``run_gui(data_dir)`` (what ``inspector`` with no sub-command runs).

Order of events: Qt application (Fusion, high-DPI, bundled CJK font, the translators of this
laptop's language: ``ui.i18n``) → exception
hooks → the sign-in window (``ui.sign_in``), which opens the encrypted store in the background while
the user types (its 数据库口令 field first when the key is not in a keyring) → main window for the
signed-in user. On the first run, when the data folder has no database, the setup form
(``ui.setup_dialog``) makes it and its first user goes straight to the main window. 切换用户 and the
idle lock's 切换用户 sign the user out and bring the sign-in window back over the same open store.

When opening the database finds its key gone from the keyring and a recovery code was made for it,
the recovery window (``ui.recovery_dialog``) opens over the sign-in window; once the code has put
the key back, the opening is tried again. 设置 → 从备份恢复… (``ui.views.backup_section``) asks
:meth:`Desktop.restore_backup` to close the main window and the store, put the backup in place in
the background, and start again from the sign-in window.

Only Qt and a few light modules are imported before the first window shows; the core (SQLAlchemy,
the models, the services) and the main window are imported off the GUI thread meanwhile.
``INSPECTOR_SMOKE_QUIT_MS`` makes the app quit by itself with exit code 0 after that many
milliseconds (the packaging smoke test runs it offscreen).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
    Slot,
)
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit

from inspector.domain.errors import InspectorError
from inspector.store import location
from ui import errors, i18n, platform_check, workers
from ui.i18n import resources_dir
from ui.sign_in import Prepared, SignInWindow, prepare_core
from ui.style import apply_style
from ui.workers import OnError

if TYPE_CHECKING:
    from inspector.services.dashboard import DashboardData
    from inspector.services.policy import Actor
    from inspector.store.backup import RestoreInfo
    from inspector.store.keys import PassphrasePrompt
    from inspector.store.store import Store
    from ui.main_window import MainWindow
    from ui.recovery_dialog import RecoverKeyDialog
    from ui.views.backup_section import RestoreProgressDialog, RestoreRequest

log = logging.getLogger("inspector.ui")

APP_NAME = "Inspector"
UI_FONT_FILE = "wqy-microhei.ttc"
UI_FONT_FAMILY = "WenQuanYi Micro Hei"
UI_FONT_POINTS = 10.5
MAX_PASSPHRASE_TRIES = 3
SMOKE_QUIT_ENV = "INSPECTOR_SMOKE_QUIT_MS"
# e.g. "en_US" or "zh_CN": overrides the language chosen on this laptop (tests, screenshots)
LOCALE_ENV = "INSPECTOR_LOCALE"

ShowMessage = Callable[[str, str], None]

__all__ = ["LOCALE_ENV", "Desktop", "install_translators", "prepare_application", "resources_dir", "run_gui"]


# ---- Qt application -------------------------------------------------------------------------------


def load_ui_font(app: QGuiApplication, fonts_dir: Path | None = None) -> str | None:
    """Register the bundled UI font and make it the application font; None if it is missing.

    Without the file the system font stays (only its size is set), so the app still starts.
    """
    path = (fonts_dir or resources_dir() / "fonts") / UI_FONT_FILE
    font = QFont(app.font())
    family: str | None = None
    if path.is_file():
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = UI_FONT_FAMILY if UI_FONT_FAMILY in families else families[0]
            font = QFont(family)
        else:
            log.warning("could not load the UI font %s; using the system font", path)
    else:
        log.warning("UI font %s not found; using the system font", path)
    font.setPointSizeF(UI_FONT_POINTS)
    app.setFont(font)
    return family


def install_translators(app: QCoreApplication, locale: QLocale | str) -> list[QTranslator]:
    """Qt's own strings (dialog buttons: 确定/取消, file dialogs: 查找范围) and the app's
    ``resources/translations/inspector_<lang>.qm`` for ``locale`` (see :func:`ui.i18n.install`)."""
    return i18n.install(app, locale)


def chosen_locale(settings: QSettings | None) -> str:
    """``INSPECTOR_LOCALE`` if set, else the language chosen on this laptop (zh_CN by default)."""
    forced = os.environ.get(LOCALE_ENV, "").strip()
    return forced or i18n.stored_language(settings)


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationVersion(_version())
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    return app


def _version() -> str:
    import inspector

    return str(inspector.__version__)


def _setup_logging() -> None:
    root = logging.getLogger("inspector")
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    try:
        path = errors.log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


# ---- opening the store ----------------------------------------------------------------------------


def ask_passphrase_dialog(text: str, confirm: bool) -> str | None:
    """The GUI :data:`~inspector.store.keys.PassphrasePrompt`: a password field; None if cancelled."""
    title = QCoreApplication.translate("App", "驻所检察 — 数据库口令")
    label = QCoreApplication.translate(
        "App", "本机没有可用的系统密钥环，数据库由口令保护。\n请输入数据库口令："
    )
    first, ok = QInputDialog.getText(None, title, label, QLineEdit.EchoMode.Password)
    if not ok or not first:
        return None
    if confirm:
        again_label = QCoreApplication.translate("App", "请再输入一次：")
        again, ok = QInputDialog.getText(None, title, again_label, QLineEdit.EchoMode.Password)
        if not ok:
            return None
        if again != first:
            from inspector.store.keys import KeyUnavailableError

            raise KeyUnavailableError("两次输入的口令不一致", "the two passphrases differ")  # i18n: both
    return first


def _message_dialog(title: str, text: str) -> None:
    errors.show_message(title, text, None)


def open_store(
    data_dir: Path,
    *,
    ask_passphrase: PassphrasePrompt = ask_passphrase_dialog,
    show: ShowMessage = _message_dialog,
    tries: int = MAX_PASSPHRASE_TRIES,
) -> Store | None:
    """Open the database, or tell the user (in Chinese) why not and return None (the screenshot
    scripts' way in; the app itself opens it from the sign-in window).

    ``ask_passphrase`` is only called when the database key is passphrase-derived and
    ``INSPECTOR_PASSPHRASE`` is not set (i.e. there is no keyring holding it). A wrong passphrase
    may be typed again, ``tries`` times in all.
    """
    from inspector.domain.errors import InspectorError
    from inspector.store.engine import DatabaseKeyError
    from inspector.store.keys import KeyUnavailableError
    from inspector.store.store import Store

    title = QCoreApplication.translate("App", "无法打开数据库")
    if not Store.exists(data_dir):
        show(
            QCoreApplication.translate("App", "尚未建立数据库"),
            QCoreApplication.translate(
                "App",
                "数据目录 {path} 中还没有数据库。\n\n"
                "请先在命令行运行 inspector init 建立本检察室的数据库，"
                "或运行 inspector demo 生成演示数据，然后再打开本程序。",
            ).format(path=data_dir),
        )
        return None

    asked = 0
    cancelled = False

    def prompt(text: str, confirm: bool) -> str | None:
        nonlocal asked, cancelled
        asked += 1
        answer = ask_passphrase(text, confirm)
        cancelled = not answer
        return answer

    for attempt in range(1, tries + 1):
        asked_before = asked
        try:
            return Store.open(data_dir, prompt)
        except DatabaseKeyError as exc:
            errors.log_exception(exc, "open store")
            typed = asked > asked_before
            if typed and attempt < tries:
                left = tries - attempt
                again = QCoreApplication.translate(
                    "App", "口令不正确，无法解密数据库。请重新输入（还可以再试 {n} 次）。"
                )
                show(title, again.format(n=left))
                continue
            wrong = QCoreApplication.translate("App", "口令不正确，已连续 {n} 次输入错误。")
            show(title, i18n.error_text(exc) if not typed else wrong.format(n=tries))
            return None
        except KeyUnavailableError as exc:
            if cancelled:
                log.info("passphrase prompt cancelled; not opening the store")
                return None
            errors.log_exception(exc, "open store")
            show(title, i18n.error_text(exc))
            return None
        except InspectorError as exc:
            errors.log_exception(exc, "open store")
            show(title, i18n.error_text(exc))
            return None
        except Exception as exc:
            errors.log_exception(exc, "open store")
            show(*errors.user_message(exc))
            return None
    return None


def set_up_store(data_dir: Path, *, ask_passphrase: PassphrasePrompt = ask_passphrase_dialog) -> Store | None:
    """First run (no database in ``data_dir``): the setup form, which makes the database as
    ``inspector init`` does. The new, open store; None if the user cancelled (nothing is left behind).
    """
    from ui.setup_dialog import SetupDialog

    dialog = SetupDialog(data_dir, ask_passphrase=ask_passphrase)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted and dialog.busy:
            # The event loop was stopped (the smoke test's timer) while the database was being made:
            # let the work finish, so that no thread outlives the app; the database is kept for next time.
            workers.wait_for_all()
            QCoreApplication.processEvents()
            if dialog.store is not None:
                dialog.store.close()
            return None
        return dialog.store if accepted else None
    finally:
        dialog.deleteLater()


# ---- run ------------------------------------------------------------------------------------------


def _smoke_quit_ms() -> int | None:
    value = os.environ.get(SMOKE_QUIT_ENV, "").strip()
    if not value:
        return None
    try:
        return max(0, int(value))
    except ValueError:
        log.warning("%s=%r is not a number of milliseconds; ignored", SMOKE_QUIT_ENV, value)
        return None


def prepare_application() -> QApplication:
    """The QApplication with everything the app looks like: style, locale and translators (the
    language chosen on this laptop, ``INSPECTOR_LOCALE`` overriding it), UI font."""
    app = _application()
    install_translators(app, QLocale(chosen_locale(QSettings())))
    load_ui_font(app)
    apply_style(app)
    return app


class Desktop(QObject):
    """Which window is up: the sign-in window, or the main window of the signed-in user.

    The store stays open from the first sign-in to the end; switching user closes the main window
    (drafts of open forms kept), writes the sign-out and shows the sign-in window again."""

    def __init__(
        self, data_dir: Path, *, store: Store | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.store = store
        self.settings = settings
        self.window: MainWindow | None = None
        self.sign_in_window: SignInWindow | None = None
        self.recovery_dialog: RecoverKeyDialog | None = None  # 输入恢复码 (a key lost from the keyring)
        self.restore_dialog: RestoreProgressDialog | None = None  # a backup being put in place
        self.failed = False

    def start(self) -> None:
        """The main window straight away for a store already signed in (the setup form's first user),
        else the sign-in window."""
        if self.store is not None and self.store.actor.user_id is not None:
            self._open_main_window(self.store)
        else:
            self.show_sign_in()

    def show_sign_in(self) -> None:
        # A language chosen in 设置 applies from the next sign-in.
        if self.settings is not None:
            wanted = chosen_locale(self.settings)
            app = QCoreApplication.instance()
            if app is not None and i18n.language_of(wanted) != i18n.language():
                install_translators(app, wanted)
        needs = self.store is None and location.needs_passphrase(self.data_dir)
        # Opening the database with a key the keyring has lost offers its recovery code (_sign_in_runner).
        window = SignInWindow(
            self.data_dir,
            store=self.store,
            needs_passphrase=needs,
            settings=self.settings,
            runner=self._sign_in_runner,
            prepare=_prepare_or_key_missing,
        )
        window.signedIn.connect(self._signed_in)
        self.sign_in_window = window
        window.show()

    # ---- a database key lost from the keyring ----------------------------------------------------

    def _sign_in_runner(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: OnError | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """The sign-in window's background runner: when opening the database finds the key missing
        from the keyring (and a recovery code can bring it back), the recovery dialog comes first and
        the opening is tried again after it; cancelled, the window says why it cannot open."""

        def failed(exc: BaseException) -> None:
            from inspector.services.backups import KeyMissingError

            if isinstance(exc, KeyMissingError) and (owner is None or shiboken6.isValid(owner)):
                self.offer_recovery(
                    exc,
                    retry=lambda: self._sign_in_runner(fn, on_done, on_error, owner=owner),
                    give_up=lambda: (on_error or errors.show_error)(exc),
                )
                return
            (on_error or errors.show_error)(exc)

        workers.run_in_background(fn, on_done, failed, owner=owner)

    def offer_recovery(
        self, exc: BaseException, *, retry: Callable[[], None], give_up: Callable[[], None]
    ) -> None:
        """输入恢复码: the recovery dialog over the sign-in window; ``retry`` once the key is back."""
        from ui.recovery_dialog import RecoverKeyDialog

        dialog = RecoverKeyDialog(
            self.data_dir, reason=i18n.error_text(exc) if isinstance(exc, InspectorError) else "",
            parent=self.sign_in_window,
        )  # fmt: skip
        self.recovery_dialog = dialog

        def finished(result: int) -> None:
            self.recovery_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                log.info("database key recovered from its recovery code")
                retry()
            else:
                give_up()

        dialog.finished.connect(finished)
        dialog.open()

    @Slot(object, object)
    def _signed_in(self, store: Store, _actor: Actor) -> None:
        self.store = store
        ahead = self.sign_in_window.fresh_dashboard() if self.sign_in_window is not None else None
        self._open_main_window(store, ahead)

    def _open_main_window(self, store: Store, dashboard: DashboardData | None = None) -> None:
        from ui.main_window import MainWindow

        try:
            window = MainWindow(store, settings=self.settings, dashboard_data=dashboard)
        except Exception as exc:
            errors.log_exception(exc, "main window")
            _message_dialog(*errors.user_message(exc))
            self.failed = True
            QCoreApplication.exit(1)
            return
        window.switchUserRequested.connect(self.switch_user)
        if window.settings_page is not None:  # 设置 → 备份与恢复 → 从备份恢复…
            window.settings_page.backup_section.restoreRequested.connect(self.restore_backup)
        window.restore_state()
        window.show()
        self.window = window
        if self.sign_in_window is not None:
            self.sign_in_window.hide()
            self.sign_in_window.deleteLater()
            self.sign_in_window = None

    @Slot()
    def switch_user(self) -> None:
        from inspector.services.auth import sign_out

        window, store = self.window, self.store
        if window is None or store is None:
            return
        actor = window.actor
        self.show_sign_in()  # before the main window closes, so the app does not quit in between
        window.close()
        window.deleteLater()
        self.window = None
        workers.run_in_background(lambda: sign_out(store, actor), lambda _none: None)

    # ---- restoring a backup ----------------------------------------------------------------------

    @Slot(object)
    def restore_backup(self, request: RestoreRequest) -> None:
        """从备份恢复: the database is replaced, so the app starts again from the sign-in window.

        The main window closes (drafts kept), the user is signed out, background work finishes and
        the store closes; then the backup is put in place in the background
        (:func:`inspector.services.backups.restore_backup`, the current database kept aside) and a
        small window says how it went; 重新登录 opens the sign-in window on the restored database.
        If the restore is refused before the store closes, the same open store is kept."""
        from inspector.services import backups
        from inspector.services.auth import sign_out
        from ui.views.backup_section import RestoreProgressDialog

        window, store = self.window, self.store
        if window is None or store is None:
            return
        actor = window.actor
        progress = RestoreProgressDialog(request.path)
        progress.continueRequested.connect(self._after_restore)
        self.restore_dialog = progress
        progress.show()  # before the main window closes, so the app does not quit in between
        window.close()
        window.deleteLater()
        self.window = None
        workers.wait_for_all()  # nothing else may be using the store when it closes
        data_dir = self.data_dir
        closed = [False]

        def work() -> RestoreInfo:
            backups.check_restore(store, actor, request.path, lose_pending=request.lose_pending)
            sign_out(store, actor)
            store.close()
            closed[0] = True
            return backups.restore_backup(data_dir, request.path, actor, passphrase=request.passphrase)

        def done(info: RestoreInfo) -> None:
            self.store = None
            progress.succeeded(info)

        def failed(exc: BaseException) -> None:
            if closed[0]:
                self.store = None  # closed: the sign-in window opens the database again from disk
            progress.failed(exc)

        workers.run_in_background(work, done, failed)

    @Slot()
    def _after_restore(self) -> None:
        progress = self.restore_dialog
        self.restore_dialog = None
        if self.store is not None:
            self.store.sign_in_as(None)
        self.show_sign_in()
        if progress is not None:
            progress.close()
            progress.deleteLater()

    def close(self) -> None:
        """At the end: windows closed, background work finished, the store closed."""
        if self.window is not None:
            self.window.close()
        if self.sign_in_window is not None:
            self.sign_in_window.close()
        for dialog in (self.recovery_dialog, self.restore_dialog):
            if dialog is not None:
                dialog.done(0)
        workers.wait_for_all()
        QCoreApplication.processEvents()  # deliver the last results before the store goes away
        workers.wait_for_all()
        store = self.store
        if store is None and self.sign_in_window is not None:
            store = self.sign_in_window.store  # opened in the background, nobody signed in
        if store is not None:
            store.close()


def _prepare_or_key_missing(data_dir: Path, passphrase: str | None) -> Prepared:
    """The sign-in window's preparation; a key missing from the keyring that its recovery code can
    bring back is told apart (:class:`~inspector.services.backups.KeyMissingError`)."""
    from inspector.services.backups import KeyMissingError, can_recover
    from inspector.store.keys import KeyUnavailableError

    try:
        return prepare_core(data_dir, passphrase)
    except KeyUnavailableError as exc:
        if passphrase is None and can_recover(data_dir):
            raise KeyMissingError(exc) from exc
        raise


def run_gui(data_dir: Path) -> int:
    """Run the desktop app on ``data_dir``; returns the process exit code."""
    _setup_logging()
    if not platform_check.ready_for_gui():  # Linux: names the system libraries Qt's xcb plugin lacks
        return 1
    app = prepare_application()
    hooks = errors.install_exception_hooks()

    smoke_ms = _smoke_quit_ms()
    if smoke_ms is not None:
        # Set before anything can block, so that a dialog cannot hang the smoke test either.
        QTimer.singleShot(smoke_ms, lambda: app.exit(0))

    try:
        store = None
        if not location.exists(data_dir):
            store = set_up_store(data_dir)
            if store is None:
                return 1
        desktop = Desktop(data_dir, store=store, settings=QSettings())
        try:
            desktop.start()
            code = app.exec()
        finally:
            desktop.close()
        return 1 if desktop.failed else int(code)
    finally:
        hooks.uninstall()
