"""Translations (issue #10, item 5): the files are complete and up to date, every UI string can be
extracted by ``pyside6-lupdate``, and with English selected no page, form, dialog or window shows a
Chinese character in its chrome — record data (names, free text, 文号, the rules engine's wording)
aside. Switching the language on the sign-in window changes its texts at once.

Record data is told apart two ways: widgets the UI marks as content (``ui.i18n.mark_content``) and
the cells of data tables are skipped, and the test's own records' values are taken out of the texts
before they are read (a label "王检察官, enter your password" is chrome around a name).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from inspector.domain.catalogue import CATALOGUE
from inspector.services import records
from inspector.services.policy import Actor, actor_for
from inspector.store.models import AppUser, Detainee
from inspector.store.repository import today_local
from inspector.store.store import Store
from tests.ui.conftest import STATION, USER, Seeder
from ui import i18n
from ui.forms import open_record_form
from ui.forms.specs import SPECS as FORM_SPECS
from ui.main_window import MainWindow
from ui.sign_in import Prepared, SignInWindow
from ui.views.detainee_page import DetaineePage
from ui.views.document_page import DocumentPage, OralCorrectionPage
from ui.views.step_dialogs import OralCorrectedDialog, StepDialog

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
CJK = re.compile(r"[\u3400-\u9fff]")
TAG = re.compile(r"<[^>]+>")
NOTICE, SUGGESTION, ORAL = "rectification_notice", "procuratorial_suggestion", "oral_correction"


# ---- the files --------------------------------------------------------------------------------------


def messages(path: Path) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every entry of a .ts file."""
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out.append(
                (name, message.findtext("source") or "", translation.text or "", translation.get("type"))
            )
    return out


def test_the_chinese_file_has_no_unfinished_entry() -> None:
    entries = messages(TS_DIR / "inspector_zh_CN.ts")
    assert len(entries) > 1000
    unfinished = [(c, s) for c, s, t, kind in entries if kind is not None or not t]
    assert unfinished == []
    assert [(c, s) for c, s, t, _ in entries if t != s] == []  # the sources are Chinese


def test_the_english_file_translates_every_entry_with_its_placeholders() -> None:
    entries = messages(TS_DIR / "inspector_en.ts")
    assert {(c, s) for c, s, _, _ in entries} == {
        (c, s) for c, s, _, _ in messages(TS_DIR / "inspector_zh_CN.ts")
    }
    unfinished = [(c, s) for c, s, t, kind in entries if kind is not None or not t]
    assert unfinished == []

    def names(text: str) -> list[str]:
        return sorted(set(re.findall(r"\{(\w*)", text)))

    assert [(c, s, t) for c, s, t, _ in entries if names(s) != names(t)] == []
    assert [(c, t) for c, _, t, _ in entries if CJK.search(t)] == []


def test_the_committed_files_are_what_make_translations_makes() -> None:
    """Fails when a string is added, changed or removed (in ui/ or a core label) and ``make
    translations`` was not run, or a .qm is not what lrelease makes of its .ts."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


def _unmarked_chinese(path: Path) -> list[str]:
    """Chinese string literals of ``path`` that lupdate cannot see: not the text of a ``tr``,
    ``translate`` or ``QT_TRANSLATE_NOOP`` call, a docstring, a log message, or on a line marked
    ``# i18n:`` (data compared or stored as it is, a bilingual core error, never-translated names)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    docstrings = {
        node.body[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }

    def marked(node: ast.AST) -> bool:
        first, last = getattr(node, "lineno", 0), getattr(node, "end_lineno", 0) or 0
        return any("# i18n:" in lines[i - 1] for i in range(first, last + 1))

    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)):
            continue
        if node in docstrings or marked(node):
            continue
        parent, seen = parents.get(node), False
        while parent is not None and not seen:
            if isinstance(parent, ast.Call):
                func = parent.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                owner = getattr(getattr(func, "value", None), "id", "")
                seen = name in ("tr", "translate", "QT_TRANSLATE_NOOP") or owner in ("log", "logging")
            if isinstance(parent, ast.stmt):
                seen = seen or marked(parent)
                break
            parent = parents.get(parent)
        if not seen:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_every_chinese_string_of_the_ui_is_visible_to_lupdate() -> None:
    found = [line for path in sorted((ROOT / "ui").rglob("*.py")) for line in _unmarked_chinese(path)]
    assert found == []


def test_every_literal_tr_call_is_in_the_catalogue() -> None:
    """lupdate does not read every ``self.tr('…')`` inside an f-string (台账审查's 需要注意 was never in
    the catalogue, so it stayed Chinese in English): each literal ``self.tr`` (context: its class) and
    ``translate``/``QT_TRANSLATE_NOOP`` call of ``ui/`` must have its entry."""
    known = {(c, s) for c, s, _, _ in messages(TS_DIR / "inspector_en.ts")}
    missing = []
    for path in sorted((ROOT / "ui").rglob("*.py")):

        def walk(node: ast.AST, owner: str | None, path: Path = path) -> None:
            for child in ast.iter_child_nodes(node):
                here = child.name if isinstance(child, ast.ClassDef) else owner
                if isinstance(child, ast.Call):
                    func, args = child.func, child.args
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    literal = [
                        a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)
                    ]
                    key: tuple[str | None, str] | None = None
                    if name == "tr" and args and literal and isinstance(args[0], ast.Constant):
                        key = (owner, literal[0])
                    elif (
                        name in ("translate", "QT_TRANSLATE_NOOP")
                        and len(literal) >= 2
                        and literal[:2] == [getattr(a, "value", None) for a in args[:2]]
                    ):
                        key = (literal[0], literal[1])
                    if key is not None and key not in known:
                        missing.append(f"{path.relative_to(ROOT)}:{child.lineno}: {key}")
                walk(child, here)

        walk(ast.parse(path.read_text(encoding="utf-8")), None)
    assert missing == []


def test_self_tr_is_only_called_on_self() -> None:
    """``widget.tr(…)`` on another object is filed by lupdate under a context named after the variable,
    which the running code never asks for: such a call stays Chinese."""
    bad = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")
            ):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bad == []


def test_core_errors_show_in_the_ui_language(english: None) -> None:
    from inspector.domain.errors import FieldError, InspectorError, ValidationError
    from inspector.services.policy import Permission, PermissionDeniedError

    assert (
        i18n.error_text(InspectorError("身份证号有误", "the ID number is wrong")) == "the ID number is wrong"
    )
    required = FieldError("name", "姓名为必填项", "name is required", "required", {"label": "姓名"})
    assert i18n.error_text(required) == "Name is required"
    assert i18n.error_text(ValidationError("detainee", [required])) == "Name is required"
    refused = PermissionDeniedError("assistant", Permission.SIGN)
    assert refused.code == "permission_denied" and refused.params["role"] == "assistant"
    assert (
        i18n.error_text(refused)
        == "Procurator's assistant: may not sign documents: awaiting a procurator's signature"
    )


def test_what_a_finding_was_raised_as_reads_in_the_ui_language(english: None) -> None:
    from inspector.services.lookup import CorrectionLink
    from ui.forms.children import link_text

    signed = CorrectionLink(NOTICE, uuid.uuid4(), "纠正违法通知书 七检刑执纠违〔2026〕3号（已送达）",
                            "通知书〔2026〕3号", "七检刑执纠违〔2026〕3号", "已送达")  # fmt: skip
    draft = CorrectionLink(SUGGESTION, uuid.uuid4(), "检察建议书（草稿）", "建议书（草稿）", None, "草稿")
    oral = CorrectionLink(ORAL, uuid.uuid4(), "口头纠正（跟踪中）", "口头纠正（跟踪中）", state="跟踪中")
    assert link_text(signed) == "Rectification notice 七检刑执纠违〔2026〕3号 (Served)"
    assert link_text(signed, short=True) == "Notice 〔2026〕3号"
    assert [link_text(draft), link_text(draft, short=True)] == [
        "Procuratorial suggestion (draft)",
        "Suggestion (draft)",
    ]
    assert link_text(oral, short=True) == "Oral correction (Following up)"


# ---- English chrome ---------------------------------------------------------------------------------


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    """The English translators for one test; afterwards the translators (and the default locale) of
    before."""
    before, language, locale = i18n.installed(), i18n.language(), QLocale()
    i18n.install(qapp, "en")
    assert QCoreApplication.translate("SignInWindow", "登录") == "Sign in"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    try:
        yield
    finally:
        for translator in i18n.installed():
            qapp.removeTranslator(translator)
        i18n._translators[:] = before
        for translator in before:
            qapp.installTranslator(translator)
        i18n._language = language
        QLocale.setDefault(locale)


def _is_content(widget: QWidget, root: QWidget) -> bool:
    w: QWidget | None = widget
    while w is not None:
        if w.property(i18n.CONTENT_PROPERTY):
            return True
        if w is root:
            return False
        w = w.parentWidget()
    return False


def _texts(w: QWidget) -> Iterator[tuple[str, str]]:
    if w.isWindow():
        yield "window title", w.windowTitle()
    if w.toolTip():
        yield "tooltip", w.toolTip()
    if isinstance(w, QLabel):
        yield "label", TAG.sub("", w.text())
    if isinstance(w, QAbstractButton):
        yield "button", w.text()
        menu = getattr(w, "menu", lambda: None)()
        if menu is not None:
            for action in menu.actions():
                yield "menu item", action.text()
    if isinstance(w, QGroupBox):
        yield "group box", w.title()
    if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
        yield "placeholder", w.placeholderText()
    if isinstance(w, QAbstractSpinBox):
        yield "special value", w.specialValueText()
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield "combo item", w.itemText(i)
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield "tab", w.tabText(i)
    if isinstance(w, QListWidget):
        for i in range(w.count()):
            item = w.item(i)
            yield "list item", item.text()
            yield "list item tooltip", item.toolTip()
    elif isinstance(w, QAbstractItemView) and w.model() is not None:
        model = w.model()
        for column in range(model.columnCount()):
            head = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            yield "column header", str(head or "")


def chrome_problems(root: QWidget, data: Iterable[str]) -> list[str]:
    """Every visible text of ``root`` and its visible widgets with a Chinese character once the
    record data in it is taken out: ``"<widget class> <what>: <text>"``."""
    words = sorted({d for d in data if d}, key=len, reverse=True)
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if _is_content(widget, root):
            continue
        for what, text in _texts(widget):
            for word in words:
                text = text.replace(word, "")
            if CJK.search(text):
                problems.append(f"{type(widget).__name__} {widget.objectName()!r} {what}: {text!r}")
    return problems


def station_data(store: Store) -> list[str]:
    """The test station's and users' names, and the seeded records' values (record data)."""
    out = [*STATION.values(), USER.display_name]
    with store.session(read_only=True) as s:
        out += [u.display_name for u in s.query(AppUser)]
        for person in s.query(Detainee):
            out += [person.name, person.cell or "", person.case_authority or "", person.charges or ""]
    return out


@pytest.fixture
def records_made(store: Store, seed: Seeder) -> dict[str, Any]:
    """A little of everything the pages show."""
    me = actor_for(store)
    person = seed.detainee(1, cell="105")
    seed.talk(person)
    seed.opening()
    state = records.load_for_edit(store, "patrol", actor=me)
    patrol = records.save(
        store,
        "patrol",
        None,
        {**state.values, "areas": ["一监区"], "methods": ["on_site"]},
        None,
        me,
        children=[
            records.ChildChange({"description": "监控有盲区", "severity": "hazard", "location": "103监室"})
        ],
    )
    notice = records.save(
        store,
        NOTICE,
        None,
        {
            "trigger": "serious_violation",
            "addressee": "测试区看守所",
            "issuer_name": "测试区人民检察院",
            "facts": "监室值班人员脱岗",
        },
        None,
        me,
    )
    suggestion = seed.suggestion("served")
    oral = records.save(
        store,
        ORAL,
        None,
        {
            "issued_on": today_local(),
            "addressee_unit": "测试区看守所",
            "source": "patrol",
            "facts": "放风时间不足",
            "issuer_ids": [str(me.user_id)],
        },
        None,
        me,
    )
    return {
        "me": me,
        "person": person,
        "patrol": patrol.record_id,
        "notice": notice.record_id,
        "suggestion": suggestion.id,
        "oral": oral.record_id,
        "data": [
            "一监区",
            "监控有盲区",
            "103监室",
            "测试区看守所",
            "测试区人民检察院",
            "监室值班人员脱岗",
            "放风时间不足",
            "监控存在盲区",
        ],
    }


def walk_main_window(qtbot: Any, window: MainWindow, data: list[str], idle: Callable[[], None]) -> list[str]:
    problems = []
    for index, _page in enumerate(window.pages):
        window.show_page(index)
        idle()
        qtbot.wait(20)
        problems += [f"page {index}: {p}" for p in chrome_problems(window, data)]
    return problems


def test_every_page_in_english_for_a_procurator(
    qtbot: Any, store: Store, records_made: dict[str, Any], idle: Callable[[], None], english: None
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    idle()
    assert window.nav.item(0).text() == "Dashboard"
    data = station_data(store) + records_made["data"]
    assert walk_main_window(qtbot, window, data, idle) == []
    window.lock()
    idle()
    assert window.lock_screen.unlock_button.text() == "Unlock"
    assert chrome_problems(window, data) == []


def test_settings_and_users_in_english_for_an_administrator(
    qtbot: Any, store: Store, records_made: dict[str, Any], idle: Callable[[], None], english: None
) -> None:
    admin = store.repo(AppUser).add({"username": "admin1", "display_name": "管理员甲", "role": "admin"})
    store.sign_in_as(admin.id)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    idle()
    assert window.settings_page is not None and window.users_page is not None
    data = station_data(store) + records_made["data"]
    assert walk_main_window(qtbot, window, data, idle) == []
    assert window.new_buttons and all(not b.isEnabled() for b in window.new_buttons.values())
    assert not CJK.search(next(iter(window.new_buttons.values())).toolTip())  # why: in English


def test_every_record_form_in_english(
    qtbot: Any, store: Store, records_made: dict[str, Any], idle: Callable[[], None], english: None
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    me: Actor = records_made["me"]
    data = station_data(store) + records_made["data"]
    problems = []
    person: Detainee = records_made["person"]
    opened: list[tuple[str, Any]] = [(kind, None) for kind in FORM_SPECS if kind in CATALOGUE]
    opened += [("patrol", records_made["patrol"]), (NOTICE, records_made["notice"]), ("detainee", person.id)]
    assert {"patrol", "talk", "mailbox_opening", "custody_event", "daily_log"} <= {k for k, _ in opened}
    for kind, record_id in opened:
        form = open_record_form(host, store, kind, record_id, actor=me)
        qtbot.waitUntil(lambda f=form: f.is_loaded, timeout=10_000)
        idle()
        form.validate()  # the problems under the fields, and the hint beside 保存
        problems += [f"{kind}: {p}" for p in chrome_problems(form, data)]
        form.close()
        idle()
    assert problems == []


def test_correction_pages_and_step_dialogs_in_english(
    qtbot: Any, store: Store, records_made: dict[str, Any], idle: Callable[[], None], english: None
) -> None:
    me: Actor = records_made["me"]
    data = station_data(store) + records_made["data"]
    problems = []
    pages: list[Any] = [
        DocumentPage(store, NOTICE, records_made["notice"], actor=me),
        DocumentPage(store, SUGGESTION, records_made["suggestion"], actor=me),
        OralCorrectionPage(store, records_made["oral"], actor=me),
    ]
    for page in pages:
        qtbot.addWidget(page)
        page.show()
        page.load()
        qtbot.waitUntil(lambda p=page: p.view is not None and not p.is_loading, timeout=10_000)
        idle()
        problems += [f"{type(page).__name__}: {p}" for p in chrome_problems(page, data)]
    assert pages[0].action_texts()[0] == "Sign"
    dialogs: list[Any] = [
        StepDialog(store, NOTICE, uuid.uuid4(), action, actor=me, base_version=None)
        for action in (
            "sign",
            "serve",
            "reply",
            "verify",
            "follow_up",
            "request_review",
            "decide_review",
            "withdraw",
            "report_upward",
        )
    ]
    dialogs.append(StepDialog(store, SUGGESTION, uuid.uuid4(), "report_upward", actor=me, base_version=None))
    dialogs.append(OralCorrectedDialog(store, uuid.uuid4(), actor=me, base_version=None))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{dialog.objectName()}: {p}" for p in chrome_problems(dialog, data)]
        dialog.reject()
    idle()
    assert problems == []


def test_the_detainee_page_in_english(
    qtbot: Any, store: Store, records_made: dict[str, Any], idle: Callable[[], None], english: None
) -> None:
    from datetime import timedelta

    from inspector.store.models import CustodyEvent, RectificationNotice

    person = records_made["person"]
    store.repo(CustodyEvent).add({"detainee_id": person.id, "kind": "detention",
                                  "occurred_on": today_local() - timedelta(days=10)})  # fmt: skip
    store.repo(CustodyEvent).add({"detainee_id": person.id, "kind": "investigation_extended",
                                  "occurred_on": today_local() - timedelta(days=8), "extension_days": 3,
                                  "legal_basis": "刑事诉讼法第九十一条"})  # fmt: skip
    store.repo(RectificationNotice).add({"trigger": "serious_violation", "addressee": "测试区看守所",
                                         "issuer_name": "测试区人民检察院", "facts": "监室值班人员脱岗",
                                         "detainee_id": person.id})  # fmt: skip
    page = DetaineePage(store, person.id)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.overview is not None, timeout=10_000)
    idle()
    data = station_data(store) + records_made["data"]
    assert chrome_problems(page, data) == []
    # the stages: the register's stage without an event leading to it reads in English too
    from ui.views.detainee_page import StagesModel

    stages = [
        str(page.stages_model.index(r, StagesModel.WHAT).data()) for r in range(page.stages_model.rowCount())
    ]
    assert [t for t in stages if CJK.search(t)] == []
    # 相关记录: each record's summary in English, its record data aside
    model = page.timeline_model
    summaries = [str(model.index(r, model.SUMMARY).data()) for r in range(model.rowCount())]
    assert any("extended by 3 day(s)" in t and "Criminal Procedure Law" in t for t in summaries), summaries
    assert any("no number" in t for t in summaries), summaries
    problems = []
    for text in summaries:
        for word in sorted(data, key=len, reverse=True):
            text = text.replace(word, "")
        if CJK.search(text):
            problems.append(text)
    assert problems == []


def test_the_duty_roster_in_english(
    qtbot: Any, store: Store, records_made: dict[str, Any], idle: Callable[[], None], english: None
) -> None:
    from inspector.services import duty
    from ui.views.duty_view import DutyPage, StaffDialog

    me: Actor = records_made["me"]
    duty.add_staff_from_users(store, me)
    page = DutyPage(store, actor=me)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.doc is not None, timeout=10_000)
    idle()
    data = station_data(store) + records_made["data"]
    assert chrome_problems(page, data) == []
    # the key legend names the letters the English cells show, and those letters set the state
    legend = [w.text() for w in page.findChildren(QLabel) if "on site" in w.text()]
    assert any("S on site · D on duty · L leave · O out ·" in t for t in legend), legend
    from PySide6.QtTest import QTest

    with qtbot.waitSignal(page.grid.stateKey) as said:
        QTest.keyClick(page.grid, Qt.Key.Key_L)
    assert said.args == ["leave"]
    page.staff_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, StaffDialog)
    idle()
    assert chrome_problems(dialog, data) == []
    dialog.accept()
    idle()


# ---- this session's pages: roster import, backup & recovery, ledger review, leads -------------------


def test_the_roster_import_dialog_in_english(
    qtbot: Any, store: Store, records_made: dict[str, Any], tmp_path: Path, idle: Callable[[], None],
    english: None,
) -> None:  # fmt: skip
    import csv
    import io

    from tests.ui.conftest import run_now
    from ui.views.roster_import_dialog import DONE, MAPPING, PREVIEW, RosterImportDialog

    rows = [
        ["序号", "姓名", "身份证号码", "入所日期", "监室", "诉讼环节", "法律身份", "备注"],
        ["1", "张三", "110101199003074514", "2026/3/1", "101", "审查起诉", "犯罪嫌疑人", ""],
        ["2", "李四", "11010119900307451X", "2026-03-02", "103", "侦查羁押", "犯罪嫌疑人", ""],
        ["3", "王五", "", "2026-13-02", "104", "侦查羁押", "犯罪嫌疑人", ""],
    ]
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    path = tmp_path / "名册.csv"
    path.write_bytes(buf.getvalue().encode("gbk"))
    data = station_data(store) + records_made["data"] + [c for r in rows[1:] for c in r] + [path.name]
    dialog = RosterImportDialog(store, records_made["me"], runner=run_now)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    problems = [f"file: {p}" for p in chrome_problems(dialog, data)]
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.step() == MAPPING)
    problems += [f"mapping: {p}" for p in chrome_problems(dialog, data)]
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step() == PREVIEW)
    problems += [f"preview: {p}" for p in chrome_problems(dialog, data)]
    reasons = [dialog.rows_model.index(i, 3).data() for i in range(dialog.rows_model.rowCount())]
    problems += [f"reason: {r}" for r in reasons if r and CJK.search(r)]
    dialog.only_valid_box.setChecked(True)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step() == DONE)
    problems += [f"done: {p}" for p in chrome_problems(dialog, data)]
    problems += (
        [f"report: {dialog.report_text.toPlainText()}"]
        if CJK.search(dialog.report_text.toPlainText().replace("李四", "").replace("王五", ""))
        else []
    )
    dialog.close()
    idle()
    assert problems == [], "\n".join(problems)


def test_backup_and_recovery_in_english(
    qtbot: Any, store: Store, records_made: dict[str, Any], tmp_path: Path, idle: Callable[[], None],
    english: None,
) -> None:  # fmt: skip
    from inspector.services.backups import BackupSummary
    from tests.ui.conftest import run_now
    from ui.recovery_dialog import RecoverKeyDialog, RecoveryCodeDialog
    from ui.views.backup_section import RestoreConfirmDialog, RestoreProgressDialog
    from ui.views.settings_view import SettingsView

    data = station_data(store) + records_made["data"]
    view = SettingsView(store, actor=records_made["me"], runner=run_now)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.activate()
    idle()
    section = view.backup_section
    assert section.isVisible()
    problems = [f"settings: {p}" for p in chrome_problems(section, data)]
    section.keep_edit.setText("0")
    section.save_keep()
    problems += [f"keep: {p}" for p in chrome_problems(section, data)]
    summary = BackupSummary(
        path=tmp_path / "b.zip", created_at=None, schema_revision="0042", app_version="1.0",
        station_code="UT01", station_name=STATION["name"], same_database=True, key_source="keyring",
        size=2048,
    )  # fmt: skip
    dialogs: list[Any] = [
        RestoreConfirmDialog(summary, 5),
        RestoreProgressDialog(tmp_path / "b.zip"),
        RecoveryCodeDialog("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ"),
        RecoverKeyDialog(tmp_path, reason="keyring", runner=run_now),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{type(dialog).__name__}: {p}" for p in chrome_problems(dialog, data)]
    dialogs[3].recover()  # no code typed: the message under the field
    problems += [f"recover: {p}" for p in chrome_problems(dialogs[3], data)]
    from types import SimpleNamespace

    from inspector.domain.errors import InspectorError

    dialogs[1].succeeded(SimpleNamespace(manifest={"created_at": "2026-11-20T09:30:00+08:00"},
                                         kept_aside=tmp_path / "replaced"))  # fmt: skip
    problems += [f"restored: {p}" for p in chrome_problems(dialogs[1], data)]
    dialogs[1].failed(InspectorError("备份文件已损坏", "the backup file is damaged"))
    problems += [f"not restored: {p}" for p in chrome_problems(dialogs[1], data)]
    section.ask_save_path = lambda _parent, name: tmp_path / name
    section.back_up()
    qtbot.waitUntil(lambda: not section.busy, timeout=30_000)
    assert section.result_text() and str(tmp_path) in section.result_text()
    problems += [f"backed up: {p}" for p in chrome_problems(section, data)]
    for dialog in dialogs:
        dialog.hide()
    idle()
    assert problems == [], "\n".join(problems)


def test_the_ledger_review_page_in_english(
    qtbot: Any, store: Store, records_made: dict[str, Any], tmp_path: Path, idle: Callable[[], None],
    english: None,
) -> None:  # fmt: skip
    from datetime import date

    from inspector.domain.idnumber import make_id_number
    from tests.ui.conftest import run_now
    from ui.views.ledger_view import LedgerPage

    person = records_made["person"]
    stranger = make_id_number("110101", date(1985, 1, 1), 29)
    lines = [
        "测试区看守所出所登记台账,,,,,",
        "序号,姓名,身份证号码,出所日期,出所方式,出所凭证",
        f"1,{person.name},{person.id_number},2026-11-20,释放,",
        f"2,外人,{stranger},2026-11-21,释放,释放证明书",
    ]
    path = tmp_path / "出所登记.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    data = (
        station_data(store)
        + records_made["data"]
        + ["外人", path.name, path.stem, "测试区看守所出所登记台账"]
    )
    page = LedgerPage(store, actor=records_made["me"], runner=run_now)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    problems = [f"empty: {p}" for p in chrome_problems(page, data)]
    dialog = page.open_import(path)
    assert dialog is not None
    problems += [f"import dialog: {p}" for p in chrome_problems(dialog, data)]
    dialog.import_button.click()
    idle()
    assert page.loaded is not None and page.groups
    problems += [f"report: {p}" for p in chrome_problems(page, data)]
    # the selected item's detail: its headings in English (the report's own lines are its content)
    from PySide6.QtWidgets import QTreeWidgetItem

    chosen: QTreeWidgetItem = page.item_row(page.groups[0].items[0].n)
    page.tree.setCurrentItem(chosen)
    detail = page.detail.toPlainText()
    assert "Needs attention" in detail and "ID number: " in detail, detail
    assert page.tree.topLevelItem(0).text(0).endswith(" (1)")
    # The kinds of change and the states are the UI's; an item's notes and flags (column 4) are the
    # import's report as the core wrote and kept it (record content, Chinese: see docs/i18n.md).
    for group in page.groups:
        for item in group.items:
            row = page.item_row(item.n)
            for column in range(4):
                text = row.text(column).replace(item.name or "", "")
                if CJK.search(text):
                    problems.append(f"item {group.kind} column {column}: {text}")
    idle()
    assert problems == [], "\n".join(problems)


def test_the_leads_page_in_english(
    qtbot: Any, store: Store, records_made: dict[str, Any], idle: Callable[[], None], english: None
) -> None:
    from datetime import UTC, date, datetime

    from inspector.domain.idnumber import make_id_number
    from inspector.services import leads
    from inspector.store.models import CustodyEvent
    from tests.conftest import detainee_values
    from tests.ui.conftest import run_now
    from ui.views.leads_view import LeadsPage

    released = store.repo(Detainee).add(
        detainee_values(
            name="人员一", id_number=make_id_number("110101", date(1990, 1, 1), 13),
            admitted_at=datetime(2026, 9, 1, 2, tzinfo=UTC), stage="detention",
            stage_started_on=date(2026, 11, 1), discharged_on=date(2026, 11, 20), discharge_kind="released",
        )
    )  # fmt: skip
    store.repo(CustodyEvent).add(
        {"detainee_id": released.id, "kind": "detention", "occurred_on": date(2026, 11, 1)}
    )
    store.repo(Detainee).add(
        detainee_values(
            name="人员二", id_number=make_id_number("110101", date(1990, 1, 1), 15),
            admitted_at=datetime(2026, 9, 1, 2, tzinfo=UTC), stage="prosecution_review",
            stage_started_on=None,
        )
    )  # fmt: skip
    leads.scan(store, records_made["me"], today=date(2026, 11, 25))
    data = station_data(store) + records_made["data"]
    page = LeadsPage(store, actor=records_made["me"], runner=run_now)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    idle()
    assert page.model.rowCount() >= 2
    problems = []
    for row in range(page.model.rowCount()):
        page.table.selectRow(row)
        idle()
        problems += [f"lead {row}: {p}" for p in chrome_problems(page, data)]
        # a lead's title and facts are kept with the lead as the scan wrote them (record content)
        for column in (0, 1, 3, 4):
            text = str(page.model.data(page.model.index(row, column)) or "")
            for word in sorted(data, key=len, reverse=True):
                text = text.replace(word, "") if word else text
            if CJK.search(text):
                problems.append(f"lead {row} column {column}: {text}")
    dialog = page.exclude()
    assert dialog is not None
    problems += [f"exclude: {p}" for p in chrome_problems(dialog, data)]
    dialog.reject()
    idle()
    assert problems == [], "\n".join(problems)


# ---- the sign-in window -----------------------------------------------------------------------------


def _prepared_window(qtbot: Any, store: Store, data_dir: Path) -> SignInWindow:
    from inspector.services import auth
    from inspector.services.status import load_identity

    def prepare(_data_dir: Path, _passphrase: str | None) -> Prepared:
        return Prepared(store, load_identity(store), auth.sign_in_users(store))

    window = SignInWindow(data_dir, prepare=prepare)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.prepared is not None, timeout=10_000)
    return window


def test_the_sign_in_window_in_english(
    qtbot: Any, store: Store, data_dir: Path, idle: Callable[[], None], english: None
) -> None:
    window = _prepared_window(qtbot, store, data_dir)
    assert window.sign_in_button.text() == "Sign in"
    assert chrome_problems(window, station_data(store)) == []
    idle()


def test_switching_the_language_on_the_sign_in_window_changes_its_texts(
    qtbot: Any, qapp: Any, store: Store, data_dir: Path, idle: Callable[[], None], english: None
) -> None:
    i18n.install(qapp, "zh_CN")
    window = _prepared_window(qtbot, store, data_dir)
    assert window.sign_in_button.text() == "登录" and window.windowTitle() == "驻所检察 — 登录"
    assert chrome_problems(window, station_data(store))  # Chinese now
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    assert i18n.language() == "en"
    assert window.sign_in_button.text() == "Sign in" and window.windowTitle() == "Inspector — sign in"
    assert window.user_caption.text() == "User" and window.password_caption.text() == "Password"
    assert chrome_problems(window, station_data(store)) == []
    # a message said in one language is said again in the other
    window.password_edit.clear()
    window.submit()
    assert window.message.text() == "Enter the password"
    window.language_combo.setCurrentIndex(window.language_combo.findData("zh_CN"))
    assert window.sign_in_button.text() == "登录" and window.message.text() == "请输入密码"
    idle()


def test_the_chosen_language_is_kept_for_this_laptop(
    qtbot: Any,
    store: Store,
    data_dir: Path,
    tmp_path: Path,
    deferred: Any,
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    from PySide6.QtCore import QSettings

    from ui import app as ui_app

    monkeypatch.delenv(ui_app.LOCALE_ENV, raising=False)
    settings = QSettings(str(tmp_path / "inspector.ini"), QSettings.Format.IniFormat)
    assert i18n.stored_language(settings) == "zh_CN" and ui_app.chosen_locale(settings) == "zh_CN"  # default
    window = SignInWindow(data_dir, settings=settings, runner=deferred)
    qtbot.addWidget(window)
    window.language_combo.setCurrentIndex(window.language_combo.findData("zh_CN"))
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    assert settings.value(i18n.LANGUAGE_KEY) == "en"
    assert ui_app.chosen_locale(settings) == "en"
    monkeypatch.setenv(ui_app.LOCALE_ENV, "zh_CN")
    assert ui_app.chosen_locale(settings) == "zh_CN"  # INSPECTOR_LOCALE overrides the choice


def test_qt_own_dialogs_speak_chinese_by_default(qapp: Any) -> None:
    """qtbase_zh_CN is loaded with the app's catalogue: file dialogs say 查找范围, buttons 取消."""
    before, language, locale = i18n.installed(), i18n.language(), QLocale()
    try:
        i18n.install(qapp, "zh_CN")
        names = {Path(t.filePath()).name for t in i18n.installed()}
        assert names == {"qtbase_zh_CN.qm", "qt_gaps_zh_CN.qm", "inspector_zh_CN.qm"}
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        # Qt's own file dialog (no native one on a bare X server): every label in Chinese
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert labels and not [text for text in labels if re.search("[A-Za-z]{2}", text)], labels
        dialog.deleteLater()
    finally:
        for translator in i18n.installed():
            qapp.removeTranslator(translator)
        i18n._translators[:] = before
        for translator in before:
            qapp.installTranslator(translator)
        i18n._language = language
        QLocale.setDefault(locale)
    assert QApplication.instance() is qapp


# ---- the rules engine's and the agenda's sentences --------------------------------------------------


def _masked(value: Any, key: str = "") -> Any:
    """A text with its record data (any plain string among its parameters) replaced by "·": what is
    left is the catalogue's words, labels, citations and dates."""
    from inspector.rules.text import Label, Text

    if isinstance(value, Text):
        return Text(value.code, **{k: _masked(v, k) for k, v in value.params.items()})
    if isinstance(value, Label) or key == "sep":
        return value
    if isinstance(value, str):
        return "·"
    if isinstance(value, tuple | list):
        return tuple(_masked(v) for v in value)
    return value


def _english_words(value: Any) -> str:
    """``value`` as the English UI renders it, its record data masked; plain strings (record data as
    a whole, e.g. a subject that is a person's name) as nothing."""
    from inspector.rules.text import Text

    return i18n.rules_text(_masked(value)) if isinstance(value, Text) else ""


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The demo station (every kind of agenda item, custody in every stage), made once."""
    import keyring

    from inspector.demo import DEMO_STATION, generate
    from inspector.security.memory_keyring import MemoryKeyring
    from inspector.station_setup import FirstUser, initialise

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    store = initialise(
        tmp_path_factory.mktemp("demo-english") / "data",
        DEMO_STATION,
        FirstUser("wang", "王检察官", "demo-pw-1"),
    )
    generate(store, seed=3, today=today_local())
    try:
        yield store
    finally:
        store.close()
        keyring.set_keyring(previous)


def test_every_agenda_sentence_reads_in_english(demo_store: Store, english: None) -> None:
    """Every item of the demo's agenda — title, subject, rule, legal basis, explanation — and the
    conventions: no Chinese once the record data in them is masked; in Chinese, exactly the core's words."""
    from inspector.agenda import build_agenda
    from inspector.rules.text import Text

    agenda = build_agenda(demo_store)
    kinds = {item.kind for item in agenda.items}
    assert {"custody", "delivery", "expiry_notice", "duty_staff", "letter_review"} <= kinds, kinds
    problems = []
    for item in agenda.items:
        for what in ("title", "subject", "rule", "basis", "explanation"):
            value = getattr(item, what)
            assert isinstance(value, Text) or what == "subject", (item.kind, what, value)
            shown = _english_words(value)
            if CJK.search(shown):
                problems.append(f"{item.kind} {what}: {shown}")
    for line in agenda.conventions:
        if CJK.search(_english_words(line)):
            problems.append(f"convention: {_english_words(line)}")
    assert problems == []
    custody = next(i for i in agenda.items if i.kind == "custody")
    assert i18n.rules_text(custody.title) in (
        "Detention beyond the time limit",
        "Custody time limit about to expire",
        "Custody time limit expires",
        "Possible detention beyond the time limit",
    )
    assert "Criminal Procedure Law, art. " in i18n.rules_text(custody.basis) or not custody.basis


def test_every_custody_explanation_reads_in_english(demo_store: Store, english: None) -> None:
    """The rules engine's explanation, basis and issues for every detainee of the demo (every stage),
    and for each stage of their custody, as the detainee page shows them."""
    from inspector.services.detainee_views import detainee_overview
    from inspector.store.models import Detainee

    with demo_store.session(read_only=True) as s:
        people = [d.id for d in s.query(Detainee).filter(Detainee.deleted_at.is_(None)).limit(400)]
    problems: list[str] = []
    stages: set[str] = set()
    for person in people:
        overview = detainee_overview(demo_store, person)
        current = overview.current
        stages.add(current.stage)
        for what, value in (("basis", current.basis), ("explanation", current.explanation)):
            if CJK.search(_english_words(value)):
                problems.append(f"{current.stage} {what}: {_english_words(value)}")
        for issue in current.issues:
            if CJK.search(_english_words(issue)):
                problems.append(f"{current.stage} issue: {_english_words(issue)}")
        for row in overview.stages:
            if CJK.search(_english_words(row.explanation)):
                problems.append(f"{row.stage} row: {_english_words(row.explanation)}")
    assert len(stages) >= 8, stages
    assert sorted(set(problems))[:20] == []


def _held(store: Store, seed: Seeder, i: int, stage: str, event: str, days_ago: int) -> Detainee:
    """A detainee in ``stage`` since an ``event`` ``days_ago`` days ago (its limit near or passed)."""
    from datetime import UTC, datetime, time, timedelta

    from inspector.domain.validation import SHANGHAI
    from inspector.store.models import CustodyEvent

    on = today_local() - timedelta(days=days_ago)
    admitted = datetime.combine(on - timedelta(days=5), time(10), tzinfo=SHANGHAI).astimezone(UTC)
    person = seed.detainee(i, admitted_at=admitted, stage=stage, stage_started_on=on)
    store.repo(CustodyEvent).add(
        {
            "detainee_id": person.id,
            "kind": event,
            "occurred_on": on,
            "legal_basis": "《中华人民共和国刑事诉讼法》第九十一条",
        }
    )
    return person


@pytest.fixture
def custody_made(store: Store, seed: Seeder, records_made: dict[str, Any]) -> list[Detainee]:
    """People whose custody limit has passed or is near (超期羁押 on the agenda, the custody panel),
    and a roster short of staff (duty warnings)."""
    from inspector.services import duty

    duty.add_staff_from_users(store, records_made["me"])
    return [
        _held(store, seed, 11, "investigation", "arrest", 75),  # overdue
        _held(store, seed, 12, "investigation", "arrest", 57),  # about to expire
        _held(store, seed, 13, "arrest_review", "arrest_requested", 9),  # overdue, 7 days
        _held(store, seed, 14, "prosecution_review", "transferred_for_prosecution", 27),
    ]


def _record_data(store: Store) -> list[str]:
    """Record data the agenda names: numbers and addressees of documents, staff, lawyers, letters."""
    from inspector.store.models import (
        OralCorrection,
        ProcuratorialSuggestion,
        RectificationNotice,
        StaffMember,
    )

    out: list[str] = ["《中华人民共和国刑事诉讼法》第九十一条"]
    with store.session(read_only=True) as s:
        for model in (RectificationNotice, ProcuratorialSuggestion):
            out += [r.doc_number or "" for r in s.query(model)] + [r.addressee or "" for r in s.query(model)]
        out += [r.addressee_unit or "" for r in s.query(OralCorrection)]
        out += [r.name for r in s.query(StaffMember)]
    return out


def test_the_dashboard_agenda_and_its_detail_in_english(
    qtbot: Any,
    store: Store,
    records_made: dict[str, Any],
    custody_made: list[Detainee],
    idle: Callable[[], None],
    english: None,
) -> None:
    """Every agenda row (what, its grey rule line, its tooltip), the custody panel's tooltips, and the
    detail dialog of every item — title, rule, legal basis, explanation, conventions — in English."""
    from ui.main_window import DASHBOARD
    from ui.models.agenda_model import DETAIL_ROLE, WHAT, WHO

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    dashboard = window.pages[DASHBOARD]
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=20_000)
    idle()
    data = station_data(store) + records_made["data"] + _record_data(store)
    words = sorted({d for d in data if d}, key=len, reverse=True)

    def chinese(text: str) -> bool:
        for word in words:
            text = text.replace(word, "")
        return bool(CJK.search(text.replace("…", "")))

    model = dashboard.agenda_model
    kinds = {model.item(r).kind for r in range(model.rowCount())}
    assert {"custody", "duty_staff", "oral_follow_up"} <= kinds, kinds
    problems = []
    for r in range(model.rowCount()):
        for column, role in (
            (WHAT, Qt.ItemDataRole.DisplayRole),
            (WHAT, DETAIL_ROLE),
            (WHAT, Qt.ItemDataRole.ToolTipRole),
        ):
            text = str(model.data(model.index(r, column), role) or "")
            if chinese(text):
                problems.append(f"row {r} ({model.item(r).kind}): {text!r}")
        who = str(model.data(model.index(r, WHO)) or "")
        if chinese(who):
            problems.append(f"row {r} subject: {who!r}")
    panel = dashboard.custody_model
    assert panel.rowCount() >= 2
    for r in range(panel.rowCount()):
        tip = str(panel.data(panel.index(r, 0), Qt.ItemDataRole.ToolTipRole) or "")
        if chinese(tip):
            problems.append(f"custody panel {r}: {tip!r}")
    for r in range(model.rowCount()):
        dialog = dashboard.detail_dialog(r)
        dialog.show()
        problems += [f"detail {r}: {p}" for p in chrome_problems(dialog, data)]
        if chinese(dialog.explanation.toPlainText()):
            problems.append(f"detail {r} explanation: {dialog.explanation.toPlainText()!r}")
        dialog.close()
    idle()
    assert problems == []
    first = model.item(0)
    assert model.data(model.index(0, WHAT)) == "Detention beyond the time limit" and first.title == "超期羁押"


def test_the_detainee_page_basis_lines_in_english(
    qtbot: Any,
    store: Store,
    records_made: dict[str, Any],
    custody_made: list[Detainee],
    idle: Callable[[], None],
    english: None,
) -> None:
    from ui.models.agenda_model import DETAIL_ROLE
    from ui.views.detainee_page import StagesModel

    data = station_data(store) + records_made["data"] + _record_data(store)
    problems = []
    basis_lines = []
    for person in custody_made:
        page = DetaineePage(store, person.id)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda p=page: p.overview is not None, timeout=10_000)
        idle()
        page.explain_button.setChecked(True)
        problems += [f"{person.stage}: {p}" for p in chrome_problems(page, data)]
        basis_lines.append(page.basis_label.text())
        for label in (page.basis_label, page.issues_label):
            if CJK.search(label.text()):
                problems.append(f"{person.stage} {label.text()!r}")
        explanation = page.explanation.toPlainText()
        if CJK.search(explanation.replace("《中华人民共和国刑事诉讼法》第九十一条", "")):
            problems.append(f"{person.stage} explanation: {explanation!r}")
        rows = page.stages_model
        for r in range(rows.rowCount()):
            for role in (DETAIL_ROLE, Qt.ItemDataRole.ToolTipRole):
                text = str(rows.data(rows.index(r, StagesModel.WHAT), role) or "")
                for word in data:
                    text = text.replace(word, "") if word else text
                if CJK.search(text):
                    problems.append(f"{person.stage} stage row {r}: {text!r}")
        page.close()
    idle()
    assert problems == []
    assert "Statutory period: 2 months of investigation custody after arrest" in basis_lines[0]
    assert "Criminal Procedure Law, art. 156" in basis_lines[0]


def test_the_dialogs_the_pages_open_in_english(
    qtbot: Any,
    store: Store,
    seed: Seeder,
    data_dir: Path,
    records_made: dict[str, Any],
    sync_runner: Any,
    deferred: Any,
    idle: Callable[[], None],
    english: None,
) -> None:
    """The first-run set-up, the PDF preview's chrome, a sync conflict, and adding a user, resetting
    a password, editing and deactivating one."""
    from types import SimpleNamespace

    from inspector.services import users
    from inspector.sync import conflicts as sync_conflicts
    from tests.ui.test_sync_view import local_conflict
    from ui.documents import correction_request
    from ui.pdf_preview import PdfPreviewDialog
    from ui.setup_dialog import SetupDialog
    from ui.views.conflict_dialog import ConflictDialog
    from ui.views.users_view import ActiveDialog, EditUserDialog, NewUserDialog, PasswordDialog

    me: Actor = records_made["me"]
    person = seed.detainee(40, cell="101")
    data = station_data(store) + records_made["data"]
    problems: list[str] = []

    def walk(dialog: QWidget, name: str) -> None:
        qtbot.addWidget(dialog)
        dialog.show()
        idle()
        problems.extend(f"{name}: {p}" for p in chrome_problems(dialog, data))

    setup = SetupDialog(
        data_dir / "new", ask_passphrase=lambda _text, _confirm: None, confirm_discard=lambda _p: True
    )
    walk(setup, "SetupDialog")
    for edit in setup.inputs.values():  # the problems under emptied fields
        edit.setFocus()
        qtbot.keyClicks(edit, "x")
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    idle()
    problems.extend(f"SetupDialog (empty): {p}" for p in chrome_problems(setup, data))

    notice = seed.notice("served", today_local())
    request = correction_request(
        SimpleNamespace(record=SimpleNamespace(id=notice.id, kind=NOTICE, doc_number=notice.doc_number))
    )
    assert request is not None
    preview = PdfPreviewDialog(store, request)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.pdf is not None or bool(preview.message.text()), timeout=20_000)
    walk(preview, "PdfPreviewDialog")

    local_conflict(store, person.id, cell="305", name="")
    [conflict] = sync_conflicts.list_conflicts(store)
    conflicted = ConflictDialog(store, conflict, runner=sync_runner)
    walk(conflicted, "ConflictDialog")
    conflicted.save()  # keeping the office's empty name is refused, in English
    assert conflicted.error_label.text()
    problems.extend(f"ConflictDialog (refused): {p}" for p in chrome_problems(conflicted, data))

    added = NewUserDialog(store, me, runner=deferred)
    walk(added, "NewUserDialog")
    for name, typed in (("username", "a b/c"), ("password", "short")):
        edit = added.inputs[name]
        edit.setFocus()
        qtbot.keyClicks(edit, typed)
    idle()
    assert any(added.error_text(name) for name in added.inputs)
    problems.extend(f"NewUserDialog (problems): {p}" for p in chrome_problems(added, data))
    [view] = [u for u in users.list_users(store, me) if u.user_id == me.user_id]
    walk(PasswordDialog(store, me, view, runner=deferred), "PasswordDialog")
    walk(EditUserDialog(store, me, view, runner=deferred), "EditUserDialog")
    walk(ActiveDialog(store, me, view, runner=deferred), "ActiveDialog")
    assert problems == []
