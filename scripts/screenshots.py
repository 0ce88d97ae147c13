"""Render every page, form and dialog of the app on demo data into docs/screenshots/ (``make screenshots``).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--main docs/screenshot.png]

The demo data is written to a temporary folder (removed at the end; never the user's data folder),
its key derived from a throw-away ``INSPECTOR_PASSPHRASE`` (no OS keyring is touched). Qt runs
offscreen on one 1366 × 768 screen at 96 dpi, with the app's own style and bundled font
(``ui.app.prepare_application``), so the images are those of a typical laptop whatever the machine.
Every shot waits until the background reads are done (bounded in time). Names are stable:
``01-dashboard.png`` … ``09-settings.png`` for the pages (``page-users.png``: 用户, as an
administrator; ``page-ledger.png`` and ``page-leads.png``: 台账审查 and 监督线索 with a ledger
imported), ``form-<kind>.png`` for a new record's form, ``form-<kind>-edit.png`` for an existing one,
``page-*.png``, ``step-*.png``, ``dialog-*.png`` and ``filter-*.png``. ``--main`` gets a copy of the
dashboard (the README's image). PNGs are shrunk with pngquant and optipng when they are installed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import time as dt_time
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1366, 768
ROOT = Path(__file__).resolve().parent.parent

# Before the store is opened: a throw-away key for the throw-away data, no keyring, no data folder
# from the environment, Chinese, and Qt's own clock on Beijing time like the app's dates.
os.environ["INSPECTOR_PASSPHRASE"] = "screenshot-passphrase-不要用于生产"
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("INSPECTOR_DATA_DIR", None)
os.environ["INSPECTOR_LOCALE"] = "zh_CN"
os.environ["TZ"] = "Asia/Shanghai"
time.tzset()

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import screenshot  # noqa: E402  (scripts/screenshot.py: demo data, the sync page)
from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QDate,
    QMessageLogContext,
    QSize,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from inspector.store.store import Store  # noqa: E402

PAGE_NAMES = (
    "dashboard", "patrols", "talks", "mailbox", "corrections", "detainees", "ledger", "leads", "reports",
    "sync", "settings",
)  # fmt: skip
# 台账审查 and 监督线索 are shot with a ledger imported and leads found (ledger_and_leads), under names of
# their own: the other pages keep the numbers they had before these two came in.
LATER_PAGES = ("ledger", "leads")
WAIT_S = 20.0  # the longest any one shot waits for its background work


class Shooter:
    """Saves grabs under stable names into ``out`` and waits for background work before each."""

    def __init__(self, app: QApplication, out: Path) -> None:
        self.app = app
        self.out = out
        self.saved: list[Path] = []
        self.late: list[str] = []

    def settle(self, until: Callable[[], bool] = lambda: True, what: str = "") -> None:
        """Process events until no background job is pending and ``until()`` holds (at most WAIT_S),
        then a few more turns so that queued results, layouts and repaints are done."""
        from ui import workers

        deadline = time.monotonic() + WAIT_S
        while True:
            self.app.processEvents()
            if workers.pending_jobs() == 0 and until():
                break
            if time.monotonic() > deadline:
                self.late.append(what or "?")
                print(f"  still waiting after {WAIT_S:.0f} s: {what or 'background work'}", file=sys.stderr)
                break
            time.sleep(0.01)
        for _ in range(4):
            self.app.processEvents()
            time.sleep(0.01)

    def save(self, name: str, widget: QWidget) -> None:
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        self.saved.append(path)
        print(f"  {path.name}  {widget.width()}×{widget.height()}")


def first_id(store: Store, stmt: Any) -> uuid.UUID:
    with store.session(read_only=True) as s:
        found = s.scalars(stmt.limit(1)).first()
    if found is None:
        raise SystemExit(f"the demo data has no row for {stmt}")
    return uuid.UUID(str(found))


def pages(shot: Shooter, window: Any) -> None:
    numbered = [name for name in PAGE_NAMES if name not in LATER_PAGES]
    for n, name in enumerate(PAGE_NAMES):
        if name in LATER_PAGES:
            continue
        window.show_page(n)
        page = window.pages[n]
        model = getattr(page, "model", None)
        shot.settle(
            lambda page=page, model=model: (
                not getattr(page, "is_loading", False) and (model is None or model.has_loaded)
            ),
            f"page {name}",
        )
        shot.save(f"{numbered.index(name) + 1:02d}-{name}", window)


def users_page(shot: Shooter, store: Store) -> None:
    """用户, as seen by an administrator (one is added to the demo data), and its 新增用户 dialog with a
    user name the rules refuse."""
    from inspector.services import users
    from inspector.services.policy import actor_for
    from inspector.store.models import AppUser
    from ui.main_window import MainWindow

    admin_row = store.repo(AppUser).add({"username": "admin", "display_name": "刘管理员", "role": "admin"})
    admin = actor_for(store, admin_row.id)
    users.reset_password(store, admin, admin_row.id, "Admin-pass-2026")
    users.add_user(
        store, admin, username="zhangli", display_name="张丽", role="clerk", password="Zhang-pass-2026"
    )
    store.sign_in_as(admin_row.id)
    window = MainWindow(store)
    window.resize(QSize(WIDTH, HEIGHT))
    window.show()
    page = window.users_page
    assert page is not None
    window.show_page(window.pages.index(page))
    shot.settle(lambda: page.loaded, "page users")
    shot.save("page-users", window)
    dialog = page.new_user()
    dialog.inputs["username"].setText("张三")  # type: ignore[attr-defined]
    dialog.inputs["display_name"].setText("张三")  # type: ignore[attr-defined]
    dialog.inputs["password"].setText("Zhang-pass-2026")  # type: ignore[attr-defined]
    dialog.inputs["confirm"].setText("Zhang-pass-2026")  # type: ignore[attr-defined]
    shot.settle(what="dialog new user")
    shot.save("dialog-new-user", dialog)
    dialog.reject()
    window.close()
    shot.settle(what="closing the administrator's window")


def filter_bar(shot: Shooter, window: Any) -> None:
    """The register filtered: part of a name typed, 全部 (held or not), admitted within a year."""
    from ui.main_window import DETAINEES, PATROLS

    window.show_page(DETAINEES)
    view = window.pages[DETAINEES]
    view.search_edit.setText("张")
    view.state_combo.setCurrentIndex(view.state_combo.findText("全部"))
    view.date_from.set_value(QDate.currentDate().addYears(-1).toPython())
    view.apply_filters()
    shot.settle(lambda: view.model.has_loaded and not view.model.is_loading, "filtered register")
    shot.save("filter-detainees", window)
    view.clear_filters()

    window.show_page(PATROLS)
    view = window.pages[PATROLS]
    view.search_edit.setText("监控")
    view.apply_filters()
    shot.settle(lambda: view.model.has_loaded and not view.model.is_loading, "filtered patrols")
    shot.save("filter-patrols", window)
    view.clear_filters()
    shot.settle(lambda: not view.model.is_loading, "patrols again")


def dashboard_dialogs(shot: Shooter, window: Any) -> None:
    from ui.main_window import DASHBOARD

    window.show_page(DASHBOARD)
    dashboard = window.pages[DASHBOARD]
    shot.settle(lambda: not dashboard.is_loading, "dashboard")
    if dashboard.agenda_model.rowCount():
        dialog = dashboard.detail_dialog(0)
        dialog.show()
        shot.settle(what="agenda detail")
        shot.save("dialog-agenda-detail", dialog)
        dialog.close()


def open_form(shot: Shooter, window: Any, kind: str, record_id: uuid.UUID | None = None) -> Any:
    from ui.forms import open_record_form

    form = open_record_form(window, window.store, kind, record_id, actor=window.actor)
    shot.settle(lambda: form.is_loaded, f"form {kind}")
    return form


def close_form(shot: Shooter, form: Any) -> None:
    form.close_discarding()
    shot.settle(what="closing a form")


def typed(form: Any, name: str, value: Any) -> None:
    form.editors[name].set_value(value)
    form.field_edited(name)


def forms(shot: Shooter, window: Any) -> None:
    from inspector.store.models import (
        DailyLog,
        Detainee,
        Finding,
        MailboxLetter,
        MailboxOpening,
        Patrol,
        RectificationNotice,
        Talk,
    )
    from ui.forms import FORM_KINDS

    store = window.store
    for kind in FORM_KINDS:
        if kind == "attachment":  # a file added from a record, not a form of its own
            continue
        # a new mailbox_letter: the new 信箱开启 it is registered in opens instead (a letter row, a note)
        form = open_form(shot, window, kind)
        if kind == "patrol":  # a new patrol being typed: areas, ways, a summary, two findings
            typed(form, "areas", ["一监区", "二监区", "监控室"])
            typed(form, "start_time", dt_time(9, 30))
            typed(form, "end_time", dt_time(11, 10))
            typed(form, "methods", ["on_site", "video"])
            typed(form, "summary", "监管秩序总体正常，发现问题两项，已当场向值班民警指出。")
            rows = form.rows_editor
            first = rows.rows[0] if rows.rows else rows.add_row()
            for row, values in (
                (first, {"description": "二监区 203 监室夜间值班民警脱岗约 20 分钟", "location": "二监区"}),
                (
                    rows.add_row(),
                    {"description": "监控室 7 号摄像头画面模糊，存在盲区", "location": "监控室"},
                ),
            ):
                for name, value in values.items():
                    row.editors[name].set_value(value)
            row.editors["severity"].set_value("minor_violation")
            form.validate()
            shot.settle(what="typed patrol")
        shot.save(f"form-{kind}", form)
        close_form(shot, form)

    def newest(model: Any, column: Any, *where: Any) -> uuid.UUID:
        stmt = select(model.id).where(model.deleted_at.is_(None), *where).order_by(column.desc())
        return first_id(store, stmt)

    with_findings = select(Finding.patrol_id).where(
        Finding.patrol_id.is_not(None), Finding.deleted_at.is_(None)
    )
    with_letters = (
        select(MailboxLetter.opening_id).group_by(MailboxLetter.opening_id).having(func.count() >= 2)
    )
    existing = [
        ("patrol", newest(Patrol, Patrol.patrol_date, Patrol.id.in_(with_findings))),
        ("talk", newest(Talk, Talk.talk_at, Talk.issues_raised.is_(True))),
        (
            "mailbox_opening",
            newest(MailboxOpening, MailboxOpening.opened_at, MailboxOpening.id.in_(with_letters)),
        ),
        ("detainee", newest(Detainee, Detainee.admitted_at, Detainee.discharged_on.is_(None))),
        (
            "rectification_notice",
            newest(
                RectificationNotice, RectificationNotice.issued_on, RectificationNotice.state == "replied"
            ),
        ),
        ("daily_log", newest(DailyLog, DailyLog.log_date)),
        ("mailbox_letter", newest(MailboxLetter, MailboxLetter.accepted_on)),  # edited on its own
    ]
    for kind, record_id in existing:
        form = open_form(shot, window, kind, record_id)
        shot.save(f"form-{kind}-edit", form)
        close_form(shot, form)


def correction_pages(shot: Shooter, window: Any) -> None:
    from inspector.store.models import OralCorrection, ProcuratorialSuggestion, RectificationNotice
    from ui.views.document_page import DocumentPage, OralCorrectionPage

    store = window.store

    def doc_id(model: Any, state: str, *where: Any) -> uuid.UUID:
        stmt = select(model.id).where(model.deleted_at.is_(None), model.state == state, *where)
        return first_id(store, stmt.order_by(model.created_at))

    def notice_id(state: str) -> uuid.UUID:
        """A notice in ``state``; 已回复: one waiting for 核实整改 (with 未整改: "replied-verified")."""
        if state == "replied":
            return doc_id(RectificationNotice, state, RectificationNotice.correction_status.is_(None))
        if state == "replied-verified":
            return doc_id(RectificationNotice, "replied", RectificationNotice.correction_status.is_not(None))
        return doc_id(RectificationNotice, state)

    def shown(page: Any, what: str) -> Any:
        page.show()
        page.load()
        shot.settle(lambda: not page.is_loading, what)
        return page

    pages = [
        ("page-notice", RectificationNotice, "replied"),
        ("page-notice-not-corrected", RectificationNotice, "replied-verified"),
        ("page-notice-draft", RectificationNotice, "draft"),
        ("page-notice-overdue", RectificationNotice, "overdue"),
        ("page-notice-closed", RectificationNotice, "closed"),
        ("page-suggestion", ProcuratorialSuggestion, "served"),
    ]
    opened: dict[str, Any] = {}
    for name, model, state in pages:
        kind = "rectification_notice" if model is RectificationNotice else "procuratorial_suggestion"
        record = notice_id(state) if model is RectificationNotice else doc_id(model, state)
        page = shown(DocumentPage(store, kind, record, actor=window.actor, parent=window), name)
        shot.save(name, page)
        opened[state if model is RectificationNotice else "suggestion-" + state] = page

    # Each step's dialog, on a notice at the state where it is the next step.
    steps = [
        ("sign", "draft"),
        ("serve", "issued"),
        ("reply", "served"),
        ("follow_up", "overdue"),
        ("verify", "replied"),
        ("report_upward", "replied-verified"),
        ("request_review", "served"),
        ("decide_review", "review_requested"),
        ("withdraw", "draft"),
    ]
    for action, state in steps:
        if state not in opened:
            page = DocumentPage(
                store,
                "rectification_notice",
                notice_id(state),
                actor=window.actor,
                parent=window,
            )
            opened[state] = shown(page, f"notice {state}")
        dialog = opened[state].step_dialog(action)
        dialog.show()
        shot.settle(what=f"step {action}")
        shot.save(f"step-{action}", dialog)
        dialog.close()

    preview = opened["replied"].preview()
    if preview is not None:
        preview.resize(1100, 720)
        shot.settle(what="notice preview")
        shot.save("dialog-preview-notice", preview)
        preview.close()

    escalated = select(RectificationNotice.oral_correction_id).where(
        RectificationNotice.oral_correction_id.is_not(None)
    )
    with store.session(read_only=True) as s:
        oral = s.scalars(
            select(OralCorrection.id)
            .where(
                OralCorrection.deleted_at.is_(None),
                OralCorrection.corrected.is_(False),
                OralCorrection.id.not_in(escalated),
            )
            .order_by(OralCorrection.follow_up_due.desc())
            .limit(1)
        ).first()
    if oral is not None:
        page = shown(OralCorrectionPage(store, oral, actor=window.actor, parent=window), "oral correction")
        shot.save("page-oral-correction", page)
        dialog = page.corrected_dialog()
        dialog.show()
        shot.settle(what="登记已纠正")
        shot.save("step-oral-corrected", dialog)
        dialog.close()
        page.close()
    for page in opened.values():
        page.close()
    shot.settle(what="closing pages")


def detainee_page(shot: Shooter, window: Any) -> None:
    from inspector.store.models import CustodyEvent, Detainee, Talk
    from ui.views.detainee_page import DetaineePage

    store = window.store
    talked = select(Talk.detainee_id).where(Talk.deleted_at.is_(None))
    events = select(CustodyEvent.detainee_id).where(CustodyEvent.deleted_at.is_(None))
    person = first_id(
        store,
        select(Detainee.id)
        .where(
            Detainee.deleted_at.is_(None),
            Detainee.discharged_on.is_(None),
            Detainee.id.in_(talked),
            Detainee.id.in_(events),
        )
        .order_by(Detainee.admitted_at),
    )
    page = DetaineePage(store, person, actor=window.actor, parent=window)
    page.show()
    shot.settle(lambda: page.overview is not None and not page.is_loading, "detainee page")
    shot.save("page-detainee", page)
    page.close()
    shot.settle(what="closing the detainee page")


def duty_page(shot: Shooter, window: Any) -> None:
    """值班与在岗 (from 日志与报表), this month, the cursor on today."""
    from ui.views.duty_view import DutyPage

    page = DutyPage(window.store, actor=window.actor, parent=window)
    page.resize(QSize(WIDTH, HEIGHT))
    page.show()
    shot.settle(lambda: page.doc is not None, "duty page")
    shot.save("page-duty", page)
    page.close()
    shot.settle(what="closing the duty page")


def stale_form(shot: Shooter, window: Any) -> None:
    """A patrol changed in another window while this form was open: the form's stale-edit panel."""
    from inspector.store.models import Patrol

    store = window.store
    patrol = first_id(
        store, select(Patrol.id).where(Patrol.deleted_at.is_(None)).order_by(Patrol.patrol_date.desc())
    )
    other = open_form(shot, window, "patrol", patrol)
    form = open_form(shot, window, "patrol", patrol)
    typed(other, "summary", "监管秩序正常。")
    typed(other, "end_time", (other.editors["end_time"].value() or other.editors["start_time"].value()))
    other.save()
    shot.settle(lambda: not other.saving, "the other window's save")
    typed(form, "summary", "监管秩序正常；二监区值班记录填写不全，已口头提醒。")
    form.save()
    shot.settle(lambda: form.conflict_panel.isVisible() or not form.saving, "the stale save")
    shot.save("form-patrol-stale", form)
    close_form(shot, form)


def ledger_and_leads(shot: Shooter, window: Any, folder: Path) -> None:
    """台账审查 and 监督线索 on the demo data: a GBK 出所 ledger (two people held, one released without
    the paper it rests on, one the register does not know) through 导入台账… and its report, then 扫描
    on 监督线索, a lead verified, and the 排除 dialog. Writes to the demo data."""
    from datetime import timedelta

    from inspector.store.models import Detainee
    from inspector.store.repository import today_local
    from ui.main_window import LEADS, LEDGER

    with window.store.session(read_only=True) as s:
        held = s.scalars(
            select(Detainee)
            .where(Detainee.deleted_at.is_(None), Detainee.discharged_on.is_(None))
            .where(Detainee.id_number.is_not(None))
            .order_by(Detainee.admitted_at)
            .limit(3)
        ).all()
    day = (today_local() - timedelta(days=1)).isoformat()
    rows = [
        "七星关区看守所出所登记台账,,,,,,",
        "序号,姓名,身份证号码,出所日期,出所方式,出所凭证,去向",
        f"1,{held[0].name},{held[0].id_number},{day},释放,,",
        f"2,{held[1].name},{held[1].id_number},{day},取保候审,取保候审决定书,",
        f"3,{held[2].name},{held[2].id_number},{day},转所,换押证,毕节市看守所",
        f"4,曹雪梅,520502198905061328,{day},释放,释放证明书,",
    ]
    path = folder / "出所登记.csv"
    path.write_bytes("\r\n".join(rows).encode("gbk"))

    window.show_page(LEDGER)
    page = window.ledger_page
    shot.settle(lambda: not page.is_loading, "台账审查")
    dialog = page.open_import(path)
    assert dialog is not None
    shot.settle(lambda: dialog.table is not None, "the ledger's columns")
    dialog.set_profile("七星关出所登记")
    shot.save("dialog-ledger-import", dialog)
    dialog.import_button.click()
    shot.settle(lambda: page.loaded is not None and not page.is_loading, "the change report")
    shot.save("page-ledger", window)

    window.show_page(LEADS)
    leads = window.leads_page
    shot.settle(lambda: not leads.is_loading, "监督线索")
    leads.scan_button.click()
    shot.settle(lambda: not leads.busy and not leads.is_loading, "the lead scan")
    if leads.current_lead() is not None:
        leads.check_button.click()
        shot.settle(lambda: not leads.busy and not leads.is_loading, "a lead checked")
    shot.save("page-leads", window)
    exclude = leads.exclude()
    if exclude is not None:
        shot.settle(what="the exclude dialog")
        shot.save("dialog-lead-exclude", exclude)
        exclude.reject()


def roster_import(shot: Shooter, window: Any, folder: Path) -> None:
    """导入名册 on a GBK roster of a few new people, one already on the register (updated) and two rows
    that cannot be imported: the columns, the preview, importing, and the result. Writes to the demo data."""
    import csv
    from datetime import date

    from inspector.domain.enums import LegalStatus, Stage
    from inspector.domain.idnumber import make_id_number
    from inspector.store.models import Detainee
    from ui.main_window import DETAINEES
    from ui.views.roster_import_dialog import COMMIT, DONE, MAPPING, PREVIEW, RosterImportDialog

    with window.store.session(read_only=True) as s:
        known = s.scalars(
            select(Detainee)
            .where(Detainee.deleted_at.is_(None), Detainee.discharged_on.is_(None))
            .where(Detainee.id_number.is_not(None))
            .order_by(Detainee.admitted_at)
            .limit(1)
        ).one()
    police = "毕节市公安局七星关分局"
    names = ["周建国", "吴海涛", "郑晓东", "王志强", "冯德明", "陈立伟", "褚明辉", "卫建华"]
    tail = [police, "盗窃", "侦查羁押", "犯罪嫌疑人"]
    rows = [
        [str(n + 1), name, make_id_number("520502", date(1975 + 3 * n, 1 + n, 3 + n), 11 + 2 * n)]
        for n, name in enumerate(names)
    ]
    for n, row in enumerate(rows):
        row += [f"2026-11-{20 + n % 8:02d}", f"{201 + n}", *tail]
    rows.append(
        ["9", "蒋文斌", "52050219800101001X", "2026-11-26", "209", police, "诈骗", "侦查羁押", "犯罪嫌疑人"]
    )
    born = date(1988, 5, 6)
    rows.append(["10", "沈永福", make_id_number("520502", born, 31), "2026-11-31", "210", police, "故意伤害"])
    rows[-1] += ["审查逮捕", "犯罪嫌疑人"]
    admitted = f"{known.admitted_at.astimezone():%Y-%m-%d %H:%M}"
    stage = Stage(known.stage).label
    status = LegalStatus(known.legal_status).label
    rows.append(
        ["11", known.name, known.id_number, admitted, "301", known.case_authority, known.charges or ""]
    )
    rows[-1] += [stage, status]
    path = folder / "七星关区看守所在押人员名册.csv"
    header = "序号 姓名 身份证号码 入所日期 监室 办案单位 涉嫌罪名 诉讼环节 法律身份".split()  # noqa: SIM905
    with path.open("w", encoding="gbk", newline="") as out:
        csv.writer(out).writerows([header, *rows])

    window.show_page(DETAINEES)
    button = window.roster_import_button
    assert button is not None
    button.click()
    dialog = window.findChild(RosterImportDialog)
    assert dialog is not None
    shot.settle(what="the roster import dialog")
    shot.save("dialog-roster-file", dialog)
    dialog.load(path)
    shot.settle(lambda: dialog.step() == MAPPING, "the roster's columns")
    shot.save("dialog-roster-mapping", dialog)
    dialog.update_radio.setChecked(True)
    dialog.next_button.click()
    shot.settle(lambda: dialog.step() == PREVIEW and dialog.busy is None, "the roster's preview")
    shot.save("dialog-roster-preview", dialog)
    dialog.only_valid_box.setChecked(True)
    dialog._begin("commit", "", determinate=True)  # the progress page as it looks half-way
    dialog._show_step(COMMIT)
    dialog._progressed(4, 9)
    shot.settle(what="the roster's progress")
    shot.save("dialog-roster-importing", dialog)
    dialog._end()
    dialog._show_step(PREVIEW)
    dialog.next_button.click()
    shot.settle(lambda: dialog.step() == DONE and dialog.busy is None, "the roster's import")
    shot.save("dialog-roster-done", dialog)
    dialog.accept()
    shot.settle(what="closing the roster import")


def setup_dialog(shot: Shooter) -> None:
    try:
        from ui.setup_dialog import SetupDialog
    except ImportError:
        return
    from ui.qt_compat import emit

    # The folder is only shown (nothing is made before 创建, which is not clicked): the usual one.
    dialog = SetupDialog(Path("~/.local/share/inspector"), ask_passphrase=lambda _text, _confirm: None)
    station = {**screenshot.STATION, "code": "QXG", "name": "七星关区人民检察院驻七星关区看守所检察室"}
    user = {"username": "wang", "display_name": "王检察官"}
    user |= {"password": "Passw0rd-2026", "password_confirm": "Passw0rd-2026"}
    for name, text in {**station, **user}.items():
        edit = dialog.inputs.get(name)
        if edit is not None:
            edit.setText(text)
            emit(edit.textEdited, text)  # as typed
    dialog.show()
    shot.settle(what="setup dialog")
    shot.save("dialog-setup", dialog)
    dialog.done(0)
    dialog.deleteLater()
    shot.settle(what="closing the setup dialog")


def sign_in_and_lock(shot: Shooter, window: Any) -> None:
    """The sign-in window (after a wrong password) and the main window locked (Ctrl+L)."""
    from ui.sign_in import SignInWindow

    password = "Screenshot-Passw0rd"  # scripts/screenshot.py's demo user
    sign_in = SignInWindow(window.store.data_dir, store=window.store)
    sign_in.resize(QSize(WIDTH, HEIGHT))
    sign_in.show()
    shot.settle(lambda: sign_in.is_ready, "sign-in window")
    sign_in.password_edit.setText("not-the-password")
    sign_in.submit()
    shot.settle(lambda: sign_in.is_ready and bool(sign_in.message.text()), "a refused password")
    shot.save("dialog-sign-in", sign_in)
    sign_in.close()
    sign_in.deleteLater()
    window.lock("manual")
    shot.settle(what="locking")
    shot.save("dialog-locked", window)
    window.unlock(password)
    shot.settle(lambda: not window.is_locked, "unlocking")


def optimise(paths: list[Path]) -> None:
    """Shrink the PNGs in place with pngquant (lossy palette, text stays sharp) and optipng."""
    pngquant, optipng = shutil.which("pngquant"), shutil.which("optipng")
    if pngquant is None and optipng is None:
        print("pngquant / optipng not installed: the PNGs stay as Qt wrote them")
        return
    names = [str(p) for p in paths]
    if pngquant is not None:
        subprocess.run(
            [pngquant, "--force", "--skip-if-larger", "--strip", "--quality=80-98", "--ext", ".png", *names],
            check=False,
        )
    if optipng is not None:
        subprocess.run([optipng, "-quiet", "-o2", "-strip", "all", *names], check=False)


def offscreen_screen(folder: Path) -> None:
    """Qt offscreen with one 1366 × 768 screen at 96 dpi (the plain offscreen platform is 800 × 800,
    and forms and pages fit their size to the screen). Set before the QApplication is made."""
    screen = {"name": "laptop", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = folder / "offscreen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def quiet_qt(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages, less the offscreen platform's "does not support …" for every window shown."""
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--main", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-optimise", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="inspector-screenshots-"))
    try:
        return shoot(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def shoot(args: argparse.Namespace, folder: Path) -> int:
    """The shots, with the demo data and Qt's screen set-up in ``folder``."""
    started = time.monotonic()
    from ui import errors, workers
    from ui.app import open_store, prepare_application
    from ui.main_window import MainWindow

    offscreen_screen(folder)
    qInstallMessageHandler(quiet_qt)
    # Refusals the shots provoke (the unreachable office, the stale save) are logged as warnings:
    # not shown. An unexpected error is, and a message box meant for the user is printed instead.
    logging.getLogger("inspector").setLevel(logging.ERROR)
    messages: list[str] = []

    def show_message(title: str, text: str, _parent: object = None) -> None:
        messages.append(f"{title}: {text}")
        print(f"  message box: {title}: {text}", file=sys.stderr)

    errors.show_message = show_message
    data = folder / "data"
    print(f"demo data in {data}")
    screenshot.ensure_data(data, args.seed)
    app = prepare_application()
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    shot = Shooter(app, args.out)
    store = open_store(data, show=show_message)
    if store is None:
        return 1
    try:
        window = MainWindow(store)
        store.sign_in_as(window.identity.user_id)  # the demo user, as if signed in (its window: later)
        window.resize(QSize(WIDTH, HEIGHT))
        window.show()
        pages(shot, window)
        filter_bar(shot, window)
        dashboard_dialogs(shot, window)
        forms(shot, window)
        correction_pages(shot, window)
        detainee_page(shot, window)
        duty_page(shot, window)
        setup_dialog(shot)
        sign_in_and_lock(shot, window)
        size = QSize(WIDTH, HEIGHT)
        for name, image in screenshot.sync_shots(data, lambda: shot.settle(what="sync"), size):
            path = args.out / ("08-sync-conflict.png" if name == "sync" else f"dialog-{name}.png")
            image.save(str(path))
            shot.saved.append(path)
            print(f"  {path.name}")
        users_page(shot, store)  # writes to the demo data: an administrator
        store.sign_in_as(window.identity.user_id)
        roster_import(shot, window, folder)  # writes to the demo data
        ledger_and_leads(shot, window, folder)  # writes to the demo data
        stale_form(shot, window)  # last: it writes to the demo data
        window.close()
        shot.settle(what="closing")
    finally:
        workers.wait_for_all()
        QCoreApplication.processEvents()
        store.close()
    if not args.no_optimise:
        optimise(shot.saved)
    if args.main:
        shutil.copyfile(args.out / "01-dashboard.png", args.main)
    total = sum(p.stat().st_size for p in shot.saved)
    took = time.monotonic() - started
    print(f"{len(shot.saved)} screenshots in {args.out} ({total / 1e6:.1f} MB), {took:.0f} s")
    if shot.late:
        print("gave up waiting for: " + ", ".join(shot.late), file=sys.stderr)
    if messages:
        print(f"{len(messages)} message box(es) came up: see above", file=sys.stderr)
    return 1 if shot.late or messages else 0


if __name__ == "__main__":
    raise SystemExit(main())
