"""用户: the station's users, for an administrator — add a user, set a password on this laptop, change a
user's name or role, deactivate and reactivate (never delete: records keep their author).

Everything goes through :mod:`inspector.services.users` in the background; each button opens a small
dialog that checks what is typed as it is typed (the core's rules: :func:`username_errors`, the
password's minimum length) and, when the service still refuses (a name taken meanwhile, the last
administrator), shows the reason under the field it names and stays open. What each role may do is
read from the services' policy (:func:`role_summary`), the table the services check.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.errors import InspectorError, ValidationError
from inspector.domain.records import USERNAME_MAX, username_errors
from inspector.services import users
from inspector.services.policy import ROLES, Actor, Permission, may, role_label, role_summary
from inspector.services.users import UserView, password_errors
from inspector.store.store import Store
from ui import errors
from ui.i18n import core_text, error_text
from ui.qt_compat import emit
from ui.style import FIELD_LABEL, GREY, RED, TEXT_MUTED, required_mark, scaled_font
from ui.widgets import Page
from ui.workers import Runner, run_in_background

NAME_MAX = 32  # APP_USER's 姓名

USERNAME, NAME, ROLE, STATE, PASSWORD = range(5)


# ---- dialogs ------------------------------------------------------------------------------------------


class UserDialog(QDialog):
    """A heading, a form whose every input has its problem shown in red under it, and OK / 取消.

    Problems show for an input once it has been typed in (all of them when OK is pressed); OK stays
    disabled while there are any. Subclasses give the inputs (:meth:`add_input`), the checks
    (:meth:`problems`) and what OK does (:meth:`work`, run in the background)."""

    userSaved = Signal(object)  # UserView

    def __init__(self, *, runner: Runner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self._run: Runner = runner or run_in_background
        self._busy = False
        self.inputs: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._refused: dict[str, str] = {}  # the service's last word about a field, until it changes
        self.saved: UserView | None = None

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(20, 16, 20, 14)
        self.layout_.setSpacing(8)
        self.heading = QLabel("")
        self.heading.setObjectName("sectionTitle")
        self.heading.setFont(scaled_font(self.heading, 1.15, bold=True))
        self.heading.setWordWrap(True)
        self.layout_.addWidget(self.heading)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {TEXT_MUTED};")
        self.note.hide()
        self.layout_.addWidget(self.note)
        self.form = QGridLayout()
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(4)
        self.form.setColumnStretch(1, 1)
        self.layout_.addLayout(self.form)

        self.general_error = QLabel("")
        self.general_error.setObjectName("dialogError")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {RED};")
        self.general_error.hide()
        self.layout_.addWidget(self.general_error)
        self.layout_.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton("")
        self.ok_button.setObjectName("primary")
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def fit_height(self) -> None:
        """Grow to the height the contents need at this width: Qt sizes a window from its layout's
        minimum, which leaves no room for the second line of a wrapped label (the note, a refusal)."""
        needed = self.heightForWidth(self.width()) if self.layout_.hasHeightForWidth() else -1
        needed = max(needed, self.layout_.minimumSize().height())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_height()

    def set_texts(self, title: str, heading: str, ok_text: str, note: str = "") -> None:
        self.setWindowTitle(title)
        self.heading.setText(heading)
        self.ok_button.setText(ok_text)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    # ---- inputs ---------------------------------------------------------------------------------------

    def add_input(
        self, name: str, label: str, widget: QWidget, *, required: bool = True, hint: str = ""
    ) -> None:
        row = self.form.rowCount()
        caption = QLabel(required_mark(label, required))
        caption.setTextFormat(Qt.TextFormat.RichText)
        caption.setStyleSheet(f"color: {FIELD_LABEL};")
        caption.setBuddy(widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.addWidget(caption, row, 0)
        self.form.addWidget(widget, row, 1)
        problem = QLabel("")
        problem.setObjectName(f"error-{name}")
        problem.setWordWrap(True)
        problem.setStyleSheet(f"color: {RED};")
        problem.hide()
        self.form.addWidget(problem, row + 1, 1)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {TEXT_MUTED};")
            self.form.addWidget(note, row + 2, 1)
        self.form.setRowMinimumHeight(row + 1, 0)
        self.inputs[name] = widget
        self.error_labels[name] = problem
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _text, n=name: self._changed(n))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, n=name: self._changed(n))

    def text(self, name: str) -> str:
        widget = self.inputs[name]
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def problems(self) -> dict[str, str]:
        """Field name → what is wrong with it now (as typed)."""
        return {}

    def error_text(self, name: str) -> str:
        """The problem shown under ``name`` ('' if none is shown)."""
        label = self.error_labels[name]
        return label.text() if not label.isHidden() else ""

    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self._refused.pop(name, None)
        self.general_error.hide()
        self._show_problems()

    def _show_problems(self, every: bool = False) -> dict[str, str]:
        found = {**self.problems(), **self._refused}
        for name, label in self.error_labels.items():
            text = found.get(name, "") if every or name in self._touched or name in self._refused else ""
            label.setText(text)
            label.setVisible(bool(text))
        self.ok_button.setEnabled(not found and not self._busy)
        if self.isVisible():
            self.fit_height()
        return found

    # ---- OK -------------------------------------------------------------------------------------------

    def work(self) -> Callable[[], UserView]:
        raise NotImplementedError

    @Slot()
    def submit(self) -> None:
        if self._busy or self._show_problems(every=True):
            return
        job = self.work()
        self._set_busy(True)
        self.general_error.hide()
        self._run(job, self._done, self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in self.inputs.values():
            widget.setEnabled(not busy)
        self._show_problems()

    def _done(self, view: UserView) -> None:
        self._set_busy(False)
        self.saved = view
        emit(self.userSaved, view)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            general = []
            for problem in exc.errors:
                if problem.field in self.error_labels:
                    self._refused[problem.field] = error_text(problem)
                else:
                    general.append(error_text(problem))
            self._show_problems(every=True)
            if general:
                self.show_refusal(self.tr("；").join(general))
        elif isinstance(exc, InspectorError):
            self.show_refusal(error_text(exc))
        else:
            errors.show_error(exc, self)

    def show_refusal(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()
        if self.isVisible():
            self.fit_height()

    def refusal(self) -> str:
        return self.general_error.text() if not self.general_error.isHidden() else ""


def _password_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


def _role_combo(current: str | None) -> QComboBox:
    combo = QComboBox()
    for role in ROLES:
        combo.addItem(core_text(role.label), role.value)
        combo.setItemData(combo.count() - 1, core_text(role_summary(role.value)), Qt.ItemDataRole.ToolTipRole)
    at = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(at if at >= 0 else 0)
    return combo


class _RoleInputs:
    """The 角色 input of a dialog, with what the chosen role may do under it (from the policy)."""

    def __init__(self, dialog: UserDialog, current: str | None) -> None:
        self.combo = _role_combo(current)
        dialog.add_input("role", QCoreApplication.translate("UserDialog", "角色"), self.combo)
        self.summary = QLabel(core_text(role_summary(str(self.combo.currentData()))))
        self.summary.setObjectName("roleSummary")  # one line: a wrapped one may be given no height
        self.summary.setStyleSheet(f"color: {TEXT_MUTED};")
        dialog.form.addWidget(self.summary, dialog.form.rowCount(), 1)
        self.combo.currentIndexChanged.connect(
            lambda _i: self.summary.setText(core_text(role_summary(str(self.combo.currentData()))))
        )

    def value(self) -> str:
        return str(self.combo.currentData())


class NewUserDialog(UserDialog):
    """新增用户: 用户名, 姓名, 角色, 密码 twice."""

    def __init__(self, store: Store, actor: Actor, *, runner: Runner | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(runner=runner, parent=parent)
        self.set_texts(
            self.tr("新增用户"),
            self.tr("新增用户"),
            self.tr("新增"),
            self.tr("用户信息会同步到办公室和本检察室的其他电脑；密码只保存在本机，"
                    "在其他电脑上登录需在那里另设密码。"),
        )  # fmt: skip
        self._store, self._actor = store, actor
        username = QLineEdit()
        username.setMaxLength(USERNAME_MAX + 8)  # a longer name is said to be too long, not cut
        username.setPlaceholderText(self.tr("登录时输入，如 zhangsan"))
        self.add_input("username", self.tr("用户名"), username,
                       hint=self.tr("英文字母、数字和 . _ -，以字母开头；之后不能修改"))  # fmt: skip
        display = QLineEdit()
        display.setPlaceholderText(self.tr("文书和记录中显示的姓名"))
        self.add_input("display_name", self.tr("姓名"), display)
        self.role = _RoleInputs(self, None)
        self.add_input("password", self.tr("密码"), _password_edit(self.tr("至少8个字符")))
        self.add_input("confirm", self.tr("确认密码"), _password_edit(self.tr("再输入一遍")))
        self._show_problems()

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for problem in username_errors(self.text("username")):
            found.setdefault("username", error_text(problem))
        name = self.text("display_name").strip()
        if not name:
            found["display_name"] = self.tr("请填写姓名")
        elif len(name) > NAME_MAX:
            found["display_name"] = self.tr("姓名不能超过{n}个字").format(n=NAME_MAX)
        found.update(_password_problems(self))
        return found

    def work(self) -> Callable[[], UserView]:
        store, actor = self._store, self._actor
        values = {
            "username": self.text("username").strip(),
            "display_name": self.text("display_name").strip(),
            "role": self.role.value(),
            "password": self.text("password"),
        }
        return lambda: users.add_user(store, actor, **values)


def _password_problems(dialog: UserDialog) -> dict[str, str]:
    found: dict[str, str] = {}
    password = dialog.text("password")
    for problem in password_errors(password):
        found["password"] = error_text(problem)
    if dialog.text("confirm") != password:
        found["confirm"] = QCoreApplication.translate("UserDialog", "两次输入的密码不一致")
    return found


class PasswordDialog(UserDialog):
    """重设密码 (or a first password on this laptop for a user from the office)."""

    def __init__(self, store: Store, actor: Actor, user: UserView, *, runner: Runner | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(runner=runner, parent=parent)
        title = self.tr("重设密码") if user.has_password else self.tr("设置本机密码")
        self.set_texts(
            title,
            self.tr("{title}：{name}（{username}）").format(
                title=title, name=user.display_name, username=user.username
            ),
            self.tr("保存密码"),
            self.tr("新密码只在本机有效，立即生效；该用户输错密码的次数和锁定一并清除。"),
        )
        self._store, self._actor, self.user = store, actor, user
        self.add_input("password", self.tr("新密码"), _password_edit(self.tr("至少8个字符")))
        self.add_input("confirm", self.tr("确认密码"), _password_edit(self.tr("再输入一遍")))
        self._show_problems()

    def problems(self) -> dict[str, str]:
        return _password_problems(self)

    def work(self) -> Callable[[], UserView]:
        store, actor, user_id, password = self._store, self._actor, self.user.user_id, self.text("password")
        return lambda: users.reset_password(store, actor, user_id, password)


class EditUserDialog(UserDialog):
    """修改: a user's 姓名 and 角色 (the 用户名 stays: it is how they sign in everywhere)."""

    def __init__(self, store: Store, actor: Actor, user: UserView, *, runner: Runner | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(runner=runner, parent=parent)
        self.set_texts(
            self.tr("修改用户"),
            self.tr("修改用户：{username}").format(username=user.username),
            self.tr("保存"),
        )
        self._store, self._actor, self.user = store, actor, user
        display = QLineEdit(user.display_name)
        self.add_input("display_name", self.tr("姓名"), display)
        self.role = _RoleInputs(self, user.role)
        if user.user_id == actor.user_id:
            self.role.combo.setEnabled(False)
            self.role.combo.setToolTip(self.tr("不能修改自己（当前登录用户）的角色"))
        self._show_problems()

    def problems(self) -> dict[str, str]:
        name = self.text("display_name").strip()
        if not name:
            return {"display_name": self.tr("请填写姓名")}
        if len(name) > NAME_MAX:
            return {"display_name": self.tr("姓名不能超过{n}个字").format(n=NAME_MAX)}
        return {}

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        if self.user.user_id == self._actor.user_id:
            self.role.combo.setEnabled(False)

    def work(self) -> Callable[[], UserView]:
        store, actor, user = self._store, self._actor, self.user
        name, role = self.text("display_name").strip(), self.role.value()
        return lambda: users.update_user(
            store, actor, user.user_id, display_name=name, role=role, base_version=user.version
        )


class ActiveDialog(UserDialog):
    """停用 or 启用 a user, said in full before it is done."""

    def __init__(self, store: Store, actor: Actor, user: UserView, *, runner: Runner | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(runner=runner, parent=parent)
        who = self.tr("{name}（{username}）").format(name=user.display_name, username=user.username)
        if user.active:
            self.set_texts(
                self.tr("停用用户"),
                self.tr("停用 {who}？").format(who=who),
                self.tr("停用"),
                self.tr("停用后该用户不能再登录（所有电脑，同步后生效）；其录入和签发的记录照旧"
                        "保留并显示其姓名。可随时重新启用。"),
            )  # fmt: skip
        else:
            self.set_texts(
                self.tr("启用用户"),
                self.tr("重新启用 {who}？").format(who=who),
                self.tr("启用"),
                self.tr("启用后该用户可以用原密码登录（本机没有其密码的，先用“设置本机密码…”设置）。"),
            )
        self._store, self._actor, self.user = store, actor, user
        self.error_labels["active"] = self.general_error  # the service's refusal names this field
        self._show_problems()

    def work(self) -> Callable[[], UserView]:
        store, actor, user = self._store, self._actor, self.user
        return lambda: users.set_active(
            store, actor, user.user_id, not user.active, base_version=user.version
        )


# ---- the page -----------------------------------------------------------------------------------------


class UsersView(Page):
    """用户: the station's users (deactivated ones in grey) and what each role may do."""

    def __init__(self, store: Store, *, actor: Actor, runner: Runner | None = None,
                 manages: bool | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        """``manages``: whether ``actor`` may manage users (services.users.may_manage_users; the main
        window knows it from the identity); by default, whether their role has the users permission."""
        super().__init__(parent=parent)
        self._manages = may(actor, Permission.USERS) if manages is None else manages
        self.set_heading(
            self.tr("用户"), self.tr("本检察室的用户和角色；用户信息同步到办公室，密码只保存在本机")
        )
        self._store = store
        self.actor = actor
        self._runner = runner
        self._run: Runner = runner or run_in_background
        self.users: list[UserView] = []
        self.loaded = False
        self.last_dialog: UserDialog | None = None

        self.count_label = QLabel("")
        self.count_label.setObjectName("rowCount")
        self.header.right.addWidget(self.count_label)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.new_button = QPushButton(self.tr("新增用户…"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_user)
        self.password_button = QPushButton(self.tr("重设密码…"))
        self.password_button.setToolTip(self.tr("为选中的用户设置本机登录密码"))
        self.password_button.clicked.connect(self.reset_password)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.setToolTip(self.tr("修改选中用户的姓名或角色（Enter）"))
        self.edit_button.clicked.connect(self.edit_user)
        self.active_button = QPushButton(self.tr("停用"))
        self.active_button.clicked.connect(self.toggle_active)
        for button in (self.new_button, self.password_button, self.edit_button, self.active_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.body.addLayout(bar)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态"), self.tr("本机密码")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((USERNAME, 160), (NAME, 160), (ROLE, 130), (STATE, 90)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        for keys in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit_user)
        self.body.addWidget(self.table, 1)

        self.result = QLabel("")
        self.result.setObjectName("muted")
        self.result.setWordWrap(True)
        self.body.addWidget(self.result)
        self.body.addWidget(self._roles_panel())

        if not self._manages:  # the main window shows this page only to those who may manage users
            for button in (self.new_button, self.password_button, self.edit_button, self.active_button):
                button.setEnabled(False)
        self._update_buttons()

    def _roles_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("panel")
        grid = QGridLayout(panel)
        grid.setContentsMargins(18, 12, 18, 12)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        heading = QLabel(self.tr("各角色可以做什么"))
        heading.setObjectName("sectionTitle")
        heading.setFont(scaled_font(heading, 1.05, bold=True))
        grid.addWidget(heading, 0, 0, 1, 2)
        self.role_lines: dict[str, QLabel] = {}
        for i, role in enumerate(ROLES, start=1):
            name = QLabel(core_text(role.label))
            name.setStyleSheet(f"color: {FIELD_LABEL}; font-weight: bold;")
            what = QLabel(core_text(role_summary(role.value)))
            what.setWordWrap(True)
            grid.addWidget(name, i, 0)
            grid.addWidget(what, i, 1)
            self.role_lines[role.value] = what
        grid.setColumnStretch(1, 1)
        return panel

    # ---- reading --------------------------------------------------------------------------------------

    def activate(self) -> None:
        if not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        store, actor = self._store, self.actor
        self._run(lambda: users.list_users(store, actor), self._show, lambda e: errors.show_error(e, self),
                  owner=self)  # fmt: skip

    @Slot(object)
    def _show(self, found: list[UserView], select: uuid.UUID | None = None) -> None:
        keep = select or self.selected_id()
        self.loaded = True
        self.users = found
        self.table.setRowCount(len(found))
        grey = QColor(GREY)
        for row, user in enumerate(found):
            state = self.tr("在用") if user.active else self.tr("停用")
            password = self.tr("有") if user.has_password else self.tr("无")
            cells = (user.username, user.display_name, core_text(role_label(user.role)), state, password)
            tips = {ROLE: core_text(role_summary(user.role))}
            if not user.has_password:
                tips[PASSWORD] = self.tr(
                    "该用户在本机没有密码（例如从办公室同步而来），不能在本机登录；可用“设置本机密码…”设置"
                )
            if user.user_id == self.actor.user_id:
                tips[USERNAME] = self.tr("当前登录的用户")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.user_id)
                item.setToolTip(tips.get(column, text))
                if not user.active:
                    item.setForeground(grey)
                self.table.setItem(row, column, item)
        active = sum(1 for u in found if u.active)
        self.count_label.setText(self.tr("共 {n} 人，在用 {k} 人").format(n=len(found), k=active))
        at = next((i for i, u in enumerate(found) if u.user_id == keep), 0 if found else -1)
        if at >= 0:
            self.table.selectRow(at)
        self._update_buttons()

    def selected_user(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.users[row] if 0 <= row < len(self.users) else None

    def selected_id(self) -> uuid.UUID | None:
        user = self.selected_user()
        return user.user_id if user is not None else None

    def select_user(self, username: str) -> None:
        at = next((i for i, u in enumerate(self.users) if u.username == username), -1)
        if at >= 0:
            self.table.selectRow(at)

    def _update_buttons(self) -> None:
        allowed = self._manages
        user = self.selected_user()
        for button in (self.password_button, self.edit_button, self.active_button):
            button.setEnabled(allowed and user is not None)
        if user is None:
            self.active_button.setText(self.tr("停用"))
            self.active_button.setToolTip(self.tr("停用选中的用户：不能再登录，记录保留"))
            return
        self.password_button.setText(self.tr("重设密码…") if user.has_password else self.tr("设置本机密码…"))
        self.active_button.setText(self.tr("停用…") if user.active else self.tr("启用…"))
        if user.active and user.user_id == self.actor.user_id:
            self.active_button.setEnabled(False)
            self.active_button.setToolTip(self.tr("不能停用自己（当前登录用户）"))
        elif user.active:
            self.active_button.setToolTip(self.tr("停用选中的用户：不能再登录，记录保留"))
        else:
            self.active_button.setToolTip(self.tr("重新启用选中的用户"))

    # ---- acting ---------------------------------------------------------------------------------------

    def _open(self, dialog: UserDialog, done: str) -> UserDialog:
        def saved(view: UserView) -> None:
            self.result.setText(done.format(name=view.display_name, username=view.username))
            store, actor = self._store, self.actor
            self._run(lambda: users.list_users(store, actor), lambda found: self._show(found, view.user_id),
                      lambda e: errors.show_error(e, self), owner=self)  # fmt: skip

        dialog.userSaved.connect(saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def new_user(self) -> UserDialog:
        dialog = NewUserDialog(self._store, self.actor, runner=self._runner, parent=self)
        return self._open(dialog, self.tr("已新增用户 {name}（{username}），可以在本机登录"))

    @Slot()
    def reset_password(self) -> UserDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = PasswordDialog(self._store, self.actor, user, runner=self._runner, parent=self)
        return self._open(dialog, self.tr("已设置 {name}（{username}）在本机的新密码"))

    @Slot()
    def edit_user(self) -> UserDialog | None:
        user = self.selected_user()
        if user is None or not self._manages:
            return None
        dialog = EditUserDialog(self._store, self.actor, user, runner=self._runner, parent=self)
        return self._open(dialog, self.tr("已保存 {name}（{username}）的修改"))

    @Slot()
    def toggle_active(self) -> UserDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = ActiveDialog(self._store, self.actor, user, runner=self._runner, parent=self)
        done = (
            self.tr("已停用 {name}（{username}）") if user.active else self.tr("已启用 {name}（{username}）")
        )
        return self._open(dialog, done)
