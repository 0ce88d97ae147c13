"""What each role sees in the main window: signed in as a procurator, the chief, an assistant, a clerk
or an administrator, the pages they may use and the buttons that work for them follow the services'
policy (sign, edit, settings, users); a button a role may not use is disabled and says why."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QKeySequence

from inspector.services import records
from inspector.services.policy import Permission, actor_for, may
from inspector.store.models import AppUser
from inspector.store.store import Store
from ui.actions import open_correction
from ui.main_window import PATROLS, REPORTS, MainWindow

BASE = ["工作台", "巡视检察", "个别谈话", "检察官信箱", "纠正与建议", "在押人员", "台账审查", "监督线索"]
BASE += ["日志与报表", "同步"]
ROLES = ["procurator", "chief_procurator", "assistant", "clerk", "admin"]
NOTICE = "rectification_notice"


def signed_in_window(qtbot: Any, store: Store, role: str) -> MainWindow:
    user = store.repo(AppUser).add({"username": f"u_{role}", "display_name": f"{role}用户", "role": role})
    store.sign_in_as(user.id)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("role", ROLES)
def test_pages_and_buttons_follow_the_role(qtbot: Any, store: Store, role: str, idle: Any) -> None:
    window = signed_in_window(qtbot, store, role)
    actor = window.actor
    assert actor.role == role
    editing, signing = may(actor, Permission.EDIT), may(actor, Permission.SIGN)
    assert editing == (role != "admin") and signing == (role in ("procurator", "chief_procurator"))

    # 设置 for whoever may change settings, 用户 for an administrator — and, while the station has
    # none (every role here but admin), for a 检察官 or 检察长; for others not at all.
    manages = role in ("admin", "procurator", "chief_procurator")
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    expected = BASE + (["设置"] if may(actor, Permission.SETTINGS) else []) + (["用户"] if manages else [])
    assert titles == expected
    assert (window.settings_page is not None) == (role in ("procurator", "chief_procurator", "admin"))
    assert (window.users_page is not None) == manages

    # 新建 and 删除 on every list page, and 新建 on 纠正与建议.
    buttons = [*window.new_buttons.values(), *window.delete_buttons.values(), window.new_correction_button]
    assert len(buttons) == 4 + 5 + 1
    for button in buttons:
        assert button.isEnabled() == editing, button.text()
        if not editing:
            assert button.toolTip() == "管理员不能录入或修改记录"

    # 日志与报表: writing for whoever edits, 审批 only for whoever signs.
    reports = window.pages[REPORTS]
    assert reports.write_log_button.isEnabled() == editing  # type: ignore[attr-defined]
    assert reports.submit_report_button.isEnabled() == editing  # type: ignore[attr-defined]
    assert reports.approve_report_button.isEnabled() == signing  # type: ignore[attr-defined]
    if not signing:
        assert reports.approve_report_button.toolTip() == "待检察官审批"  # type: ignore[attr-defined]
    idle()
    window.close()


def test_with_an_administrator_a_procurator_has_no_users_page(qtbot: Any, store: Store, idle: Any) -> None:
    store.repo(AppUser).add({"username": "admin1", "display_name": "李管理员", "role": "admin"})
    window = signed_in_window(qtbot, store, "procurator")
    assert window.users_page is None
    assert "用户" not in [window.nav.item(i).text() for i in range(window.nav.count())]
    idle()
    window.close()


def test_an_administrator_is_told_why_ctrl_n_and_delete_do_nothing(
    qtbot: Any, store: Store, idle: Any
) -> None:
    window = signed_in_window(qtbot, store, "admin")
    window.show_page(PATROLS)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keySequence(window, QKeySequence("Ctrl+N"))
    assert window.last_form is None
    assert window.statusBar().currentMessage() == "管理员不能录入或修改记录"
    window.statusBar().clearMessage()
    window.delete_selected(PATROLS)
    assert window.statusBar().currentMessage() == "管理员不能录入或修改记录"
    idle()
    window.close()


def _draft_notice(store: Store) -> Any:
    me = actor_for(store)  # wang, the procurator from the fixture
    state = records.load_for_edit(store, NOTICE, actor=me)
    values = {**state.values, "trigger": "serious_violation", "facts": "值班民警脱岗二十分钟"}
    return records.save(store, NOTICE, None, values, None, me).record_id


@pytest.mark.parametrize(
    ("role", "actions", "note"),
    [
        ("procurator", ["签发", "撤回"], None),
        ("assistant", ["撤回"], "待检察官签发"),
        ("clerk", ["撤回"], "待检察官签发"),
        ("admin", [], "管理员不能录入或修改记录"),
    ],
)
def test_a_draft_notice_page_offers_what_the_role_may_do(
    qtbot: Any, store: Store, role: str, actions: list[str], note: str | None, idle: Any
) -> None:
    notice_id = _draft_notice(store)
    window = signed_in_window(qtbot, store, role)
    page = open_correction(window, store, NOTICE, notice_id, actor=window.actor)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.view is not None and not page.is_loading, timeout=10_000)  # type: ignore[attr-defined]
    idle()
    assert page.action_texts() == actions  # type: ignore[attr-defined]
    notes = [
        label.text()
        for name in ("signWaiting", "mayNotEdit")
        for label in page.findChildren(type(page.title_label), name)  # type: ignore[attr-defined]
    ]
    assert notes == ([note] if note else [])
    assert page.edit_button.isVisibleTo(page) == (role != "admin")  # type: ignore[attr-defined]
    page.close()
    window.close()
