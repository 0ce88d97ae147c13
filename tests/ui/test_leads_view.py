"""监督线索 (issue #15, item 4): the leads listed and filtered by rule and status with their counts; 开始核实,
核实属实; 排除 only with a reason; a verified lead → 纠正违法通知书 opens the notice's page, prefilled from
the lead; the navigation's count of open leads follows; 扫描 from the page; a role that may not edit
sees the writing buttons disabled."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from inspector.domain.idnumber import make_id_number
from inspector.services import leads
from inspector.services import ledger_views as lv
from inspector.services.policy import actor_for
from inspector.store.models import AppUser, CustodyEvent, Detainee, RectificationNotice, SupervisionLead
from inspector.store.store import Store
from tests.conftest import detainee_values
from ui.main_window import LEADS, MainWindow
from ui.views.document_page import DocumentPage
from ui.views.leads_view import ExcludeDialog, LeadsPage

from .conftest import run_now

TODAY = date(2026, 11, 25)


def add(store: Store, n: int, events: tuple[tuple[str, date], ...] = (), **values: Any) -> Any:
    base = detainee_values(
        name=f"人员{n}",
        id_number=make_id_number("110101", date(1990, 1, 1), 11 + 2 * n),
        admitted_at=datetime(2026, 9, 1, 2, tzinfo=UTC),
        stage_started_on=date(2026, 9, 1),
    )
    base.update(values)
    row = store.repo(Detainee).add(base)
    for kind, on in events:
        store.repo(CustodyEvent).add({"detainee_id": row.id, "kind": kind, "occurred_on": on})
    return row


def two_leads(store: Store) -> None:
    """A release after the custody end and a stage without its document date, scanned."""
    add(
        store,
        1,
        (("detention", date(2026, 11, 1)),),
        stage="detention",
        stage_started_on=date(2026, 11, 1),
        discharged_on=date(2026, 11, 20),
        discharge_kind="released",
    )
    add(store, 2, stage="prosecution_review", stage_started_on=None)
    leads.scan(store, actor_for(store), today=TODAY)


def status_of(store: Store, rule: str) -> tuple[str, str | None]:
    with store.session(read_only=True) as s:
        lead = s.scalars(select(SupervisionLead).where(SupervisionLead.rule_code == rule)).one()
        return lead.status, lead.status_reason


def page_for(qtbot: Any, store: Store) -> LeadsPage:
    page = LeadsPage(store, actor=actor_for(store), runner=run_now)
    qtbot.addWidget(page)
    page.resize(1130, 700)
    page.show()
    page.activate()
    return page


def select_rule(page: LeadsPage, rule: str) -> None:
    page.set_filter(rule=rule)
    assert page.current_lead() is not None and page.current_lead()["rule"] == rule  # type: ignore[index]


def test_filters_counts_and_the_steps_of_a_lead(qtbot: Any, store: Store) -> None:
    two_leads(store)
    page = page_for(qtbot, store)
    counts: list[int] = []
    page.openCountChanged.connect(counts.append)
    assert page.model.rowCount() == 2 and page.open_count == 2
    assert page.status_box.currentText() == "未办结（2）"
    assert page.rule_box.itemText(page.rule_box.findData("release_after_custody_end")).endswith("（1）")

    select_rule(page, "stage_without_document")
    assert page.model.rowCount() == 1
    assert "刑事诉讼" in page.detail.toPlainText() or "法律依据" in page.detail.toPlainText()
    assert page.check_button.isEnabled() and not page.verify_button.isEnabled()
    assert page.exclude_button.isEnabled() and not page.raise_button.isEnabled()

    # 排除 needs a reason: the dialog's button waits for it, and nothing is written before.
    dialog = page.exclude()
    assert isinstance(dialog, ExcludeDialog)
    assert not dialog.ok_button.isEnabled() and dialog.error_label.isVisible()
    dialog.reason_edit.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.isVisible() and status_of(store, "stage_without_document") == ("pending", None)
    dialog.reason_edit.setPlainText("看守所已补录移送审查起诉日期")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert status_of(store, "stage_without_document") == ("excluded", "看守所已补录移送审查起诉日期")
    assert counts[-1] == 1 and page.open_count == 1
    # Excluded leads are not open: the default filter no longer lists it; 全部状态 does.
    page.set_filter(rule="stage_without_document", status=None)
    assert page.model.rowCount() == 1 and "已排除" in page.model.data(page.model.index(0, 4))
    assert "看守所已补录移送审查起诉日期" in page.detail.toPlainText()
    assert page.check_button.text() == "重新核实"


def test_the_service_refuses_an_exclusion_without_a_reason(qtbot: Any, store: Store) -> None:
    two_leads(store)
    page = page_for(qtbot, store)
    shown: list[BaseException] = []
    page._failed = shown.append  # type: ignore[method-assign]
    select_rule(page, "stage_without_document")
    page.exclude(reason="")
    assert shown and "理由" in str(shown[0])
    assert status_of(store, "stage_without_document") == ("pending", None)


def test_a_verified_lead_becomes_a_notice_whose_page_opens_prefilled(
    qtbot: Any, store: Store, idle: Any
) -> None:
    two_leads(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.nav_badge(LEADS) == 2, timeout=10_000)
    assert "监督线索 2 条待办" in window.ledger_link.text()

    window.show_page(LEADS)
    page = window.leads_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.set_filter(rule="release_after_custody_end")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.is_loading)
    lead = page.current_lead()
    assert lead is not None
    page.check_button.click()
    qtbot.waitUntil(lambda: page.current_lead() is not None and page.current_lead()["status"] == "checking")
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.current_lead() is not None and page.current_lead()["status"] == "verified")
    qtbot.waitUntil(lambda: window.nav_badge(LEADS) == 1, timeout=10_000)
    assert page.raise_button.isEnabled()
    assert [a.text() for a in page.raise_menu.actions()] == ["问题记录", "口头纠正", "纠正违法通知书"]

    page.raise_as("rectification_notice")
    qtbot.waitUntil(lambda: isinstance(window.acting.last_opened, DocumentPage), timeout=10_000)
    notice_page = window.acting.last_opened
    assert isinstance(notice_page, DocumentPage)
    qtbot.waitUntil(lambda: notice_page.view is not None, timeout=10_000)
    assert notice_page.view is not None
    assert notice_page.view.state == "draft" and notice_page.view.facts == lead["facts"]
    with store.session(read_only=True) as s:
        notice = s.get(RectificationNotice, notice_page.record_id)
        assert notice is not None and notice.violated_provision == lead["legal_basis"]
    qtbot.waitUntil(lambda: page.current_lead() is not None and page.current_lead()["finding_id"] is not None)
    assert not page.raise_button.isVisible() and page.opened_button.isVisible()
    notice_page.close()
    idle()
    window.close()


def test_scan_from_the_page_and_the_open_count(qtbot: Any, store: Store) -> None:
    add(store, 2, stage="prosecution_review", stage_started_on=None)
    page = page_for(qtbot, store)
    assert page.model.rowCount() == 0 and page.empty_label.isVisible()
    page.scan_button.click()
    assert page.model.rowCount() >= 1 and "新线索" in page.note.text()
    assert page.open_count == lv.open_lead_count(store) >= 1
    before = page.model.rowCount()
    page.scan_button.click()  # nothing duplicated
    assert page.model.rowCount() == before


def test_a_role_that_may_not_edit_sees_the_steps_disabled(qtbot: Any, store: Store) -> None:
    two_leads(store)
    admin = store.repo(AppUser).add({"username": "admin2", "display_name": "管理员", "role": "admin"})
    store.sign_in_as(admin.id)
    page = page_for(qtbot, store)
    assert page.current_lead() is not None
    for button in (page.scan_button, page.check_button, page.exclude_button, page.raise_button):
        assert not button.isEnabled() and button.toolTip() == page.refusal
    assert page.exclude() is None


def test_a_verified_lead_as_a_finding_opens_the_finding_form(qtbot: Any, store: Store, idle: Any) -> None:
    two_leads(store)
    (lead,) = leads.list_leads(store, rule="stage_without_document")
    leads.set_status(store, lead["id"], "checking", actor_for(store))
    leads.set_status(store, lead["id"], "verified", actor_for(store))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.show_page(LEADS)
    page = window.leads_page
    qtbot.waitUntil(lambda: page._has_loaded and not page.is_loading, timeout=10_000)
    page.set_filter(rule="stage_without_document", status="verified")
    qtbot.waitUntil(lambda: page.current_lead() is not None and not page.is_loading, timeout=10_000)
    assert page.raise_button.isEnabled()
    page.raise_as("finding")
    qtbot.waitUntil(lambda: window.last_form is not None, timeout=10_000)
    form = window.last_form
    assert form is not None and form.kind == "finding"
    with store.session(read_only=True) as s:
        kept = s.get(SupervisionLead, lead["id"])
        assert kept is not None and kept.finding_id == form.record_id and kept.rectification_notice_id is None
    form.close()
    idle()
    window.close()
