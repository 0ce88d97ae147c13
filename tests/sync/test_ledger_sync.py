"""The ledger review syncs like every record: a profile, an import with its change report and the
leads reach the office and the station's other laptop; a lead moved on the other laptop comes back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from inspector.domain.idnumber import make_id_number
from inspector.services import leads
from inspector.services import ledger_import as li
from inspector.services.policy import actor_for
from inspector.store.models import Detainee
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office

pytestmark = pytest.mark.pg


def test_profiles_imports_and_leads_reach_the_office_and_the_other_laptop(
    office: Office, laptops: Callable[..., Laptop], tmp_path: Path
) -> None:
    a = laptops()
    me = actor_for(a.store)
    number = make_id_number("110101", date(1990, 1, 1), 13)
    held = detainee_values(name="人员1", id_number=number, admitted_at=datetime(2026, 11, 1, 2, tzinfo=UTC))
    a.store.repo(Detainee).add({**held, "stage": "prosecution_review", "stage_started_on": None})
    path = tmp_path / "出所.csv"
    path.write_bytes(
        f"姓名,身份证号,出所日期,出所方式,出所凭证\n人员1,{number},2026-11-20,释放,\n".encode("gbk")
    )
    imported = li.import_ledger(a.store, path, me, profile="出所日报", today=date(2026, 11, 25))
    leads.scan(a.store, me, today=date(2026, 11, 25))
    a.sync()
    assert office.scalar("SELECT count(*) FROM records.ledger_profile") == 1
    assert office.scalar("SELECT status FROM records.ledger_import") == "pending"
    assert office.scalar("SELECT count(*) FROM records.supervision_lead") == 2
    b = laptops("QXG", second=True)
    assert li.load_import(b.store, imported.import_id)["report"]["counts"] == {"release": 1}
    (lead,) = leads.list_leads(b.store, rule="release_without_paper")
    leads.set_status(b.store, lead["id"], "checking", actor_for(b.store))
    b.sync()
    a.sync()
    assert leads.list_leads(a.store, rule="release_without_paper")[0]["status"] == "checking"
