"""The agenda's 监督线索待核实 and 台账待确认 lines: double-click (or Enter) opens their page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from inspector.agenda.ledger_items import LEADS_KIND, LEDGER_KIND
from inspector.domain.idnumber import make_id_number
from inspector.services import leads
from inspector.services import ledger_import as li
from inspector.services.policy import actor_for
from inspector.store.models import Detainee
from inspector.store.repository import today_local
from inspector.store.store import Store
from tests.conftest import detainee_values
from ui.main_window import DASHBOARD, LEADS, LEDGER, MainWindow
from ui.models.agenda_model import WHAT


def _lead_and_import(store: Store, tmp_path: Path) -> None:
    today = today_local()
    gone = today - timedelta(days=1)
    number = make_id_number("110101", datetime(1990, 1, 1).date(), 13)
    store.repo(Detainee).add(
        detainee_values(
            name="人员1",
            id_number=number,
            admitted_at=datetime.combine(today - timedelta(days=60), datetime.min.time(), tzinfo=UTC),
            stage_started_on=today - timedelta(days=60),
        )
    )
    path = tmp_path / "出所登记.csv"
    path.write_text(
        f"姓名,身份证号,出所日期,出所方式,出所凭证\n人员1,{number},{gone},释放,\n", encoding="utf-8"
    )
    li.import_ledger(store, path, actor_for(store))
    leads.scan(store, actor_for(store), rules=["release_without_paper"])


def test_the_agenda_opens_the_leads_and_ledger_pages(
    qtbot: Any, store: Store, tmp_path: Path, idle: Any
) -> None:
    _lead_and_import(store, tmp_path)
    w = MainWindow(store)
    qtbot.addWidget(w)
    dashboard = w.pages[DASHBOARD]
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=20_000)
    idle()
    model = dashboard.agenda_model
    rows = {model.item(r).kind: r for r in range(model.rowCount())}
    assert model.item(rows[LEADS_KIND]).title == "监督线索待核实1条"
    assert model.item(rows[LEDGER_KIND]).title == "台账待确认1份"
    table = dashboard.agenda_table
    for kind, page in ((LEADS_KIND, LEADS), (LEDGER_KIND, LEDGER)):
        w.show_page(DASHBOARD)
        rect = table.visualRect(model.index(rows[kind], WHAT))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert w.stack.currentIndex() == page, kind
    idle()
