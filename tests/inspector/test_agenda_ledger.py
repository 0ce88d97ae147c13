"""台账审查 and 监督线索 on the agenda: the leads still 待核实 (amber once the oldest has waited longer than
``lead_check_days``) and the ledger imports awaiting confirmation, one counted line each, in English too."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from inspector.agenda import AgendaItem, build_agenda
from inspector.agenda.ledger_items import LEADS_KIND, LEDGER_KIND
from inspector.domain.idnumber import make_id_number
from inspector.rules import text as T
from inspector.services import leads
from inspector.services import ledger_import as li
from inspector.services.policy import actor_for
from inspector.station_settings import set_setting
from inspector.store.models import Detainee
from inspector.store.store import Store
from tests.conftest import detainee_values

ENGLISH = T.Renderer(template=lambda code, zh: T.ENGLISH[code], day=lambda d: d.isoformat())


def _id(n: int) -> str:
    return make_id_number("110101", date(1990, 1, 1), 11 + 2 * n)


def _setup(store: Store, tmp_path: Path) -> li.ImportResult:
    """Two people released on 20 November by a ledger without their papers, imported (待确认), and the
    two leads the scan of the 21st finds (待核实)."""
    for n in (1, 2):
        store.repo(Detainee).add(
            detainee_values(
                name=f"人员{n}",
                id_number=_id(n),
                admitted_at=datetime(2026, 9, 1, 2, tzinfo=UTC),
                stage_started_on=date(2026, 9, 1),
            )
        )
    path = tmp_path / "出所登记_20261120.csv"
    path.write_text(
        f"姓名,身份证号,出所日期,出所方式,出所凭证\n人员1,{_id(1)},2026-11-20,释放,\n人员2,{_id(2)},2026-11-20,释放,\n",
        encoding="utf-8",
    )
    imported = li.import_ledger(store, path, actor_for(store), today=date(2026, 11, 20))
    scanned = leads.scan(store, actor_for(store), today=date(2026, 11, 21), rules=["release_without_paper"])
    assert scanned.new == 2
    return imported


def _one(store: Store, on: date, kind: str) -> AgendaItem | None:
    found = [i for i in build_agenda(store, on).items if i.kind == kind]
    assert len(found) <= 1
    return found[0] if found else None


def test_leads_to_verify_are_counted_and_turn_amber_after_the_settings_days(
    store: Store, tmp_path: Path
) -> None:
    _setup(store, tmp_path)
    fresh = _one(store, date(2026, 11, 23), LEADS_KIND)
    assert fresh is not None and fresh.level == "info"
    assert fresh.title == "监督线索待核实2条" and fresh.subject == "最早发现于2026年11月21日"
    assert fresh.due == date(2026, 11, 24) and fresh.days_left == 1
    assert isinstance(fresh.title, T.Text) and fresh.title.render(ENGLISH) == "2 supervision leads to verify"
    assert fresh.rule.render(ENGLISH) == (  # type: ignore[attr-defined]
        "Verify a supervision lead within 3 days of finding it (local requirement)"
    )

    late = _one(store, date(2026, 11, 25), LEADS_KIND)  # found on the 21st: more than 3 days ago
    assert late is not None and late.level == "warning" and late.days_left == -1
    assert late.subject == "2条待核实已超过3日，最早发现于2026年11月21日"
    assert late.subject.render(ENGLISH) == (  # type: ignore[attr-defined]
        "2 waiting more than 3 days, the oldest found on 2026-11-21"
    )

    set_setting(store, "lead_check_days", 7)
    patient = _one(store, date(2026, 11, 25), LEADS_KIND)
    assert patient is not None and patient.level == "info" and patient.title == "监督线索待核实2条"


def test_leads_being_worked_are_no_longer_on_the_agenda(store: Store, tmp_path: Path) -> None:
    _setup(store, tmp_path)
    first, second = leads.list_leads(store)
    leads.set_status(store, first["id"], "checking", actor_for(store))
    item = _one(store, date(2026, 11, 25), LEADS_KIND)
    assert item is not None and item.title == "监督线索待核实1条"
    leads.set_status(store, second["id"], "excluded", actor_for(store), reason="手续齐全，台账漏记")
    assert _one(store, date(2026, 11, 25), LEADS_KIND) is None


def test_ledger_imports_awaiting_confirmation_until_confirmed(store: Store, tmp_path: Path) -> None:
    assert _one(store, date(2026, 11, 20), LEDGER_KIND) is None
    imported = _setup(store, tmp_path)
    item = _one(store, date(2026, 11, 21), LEDGER_KIND)
    assert item is not None and item.level == "info" and item.record_table == "ledger_import"
    assert item.title == "台账待确认1份" and item.title.render(ENGLISH) == "1 ledger imports to confirm"  # type: ignore[attr-defined]
    assert item.subject.startswith("出所登记_20261120.csv（")
    li.confirm(store, imported.import_id, actor_for(store))
    assert _one(store, date(2026, 11, 21), LEDGER_KIND) is None
