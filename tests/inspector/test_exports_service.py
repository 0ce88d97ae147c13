"""inspector.services.exports: an export is written and audited, or not there at all."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from inspector.services import exports
from inspector.services.lists import Criteria
from inspector.services.policy import actor_for
from inspector.store.files import OutputPathError
from inspector.store.models import AuditLog, Detainee
from inspector.store.store import Store
from tests.conftest import detainee_values


def _actions(store: Store) -> list[str]:
    with store.session(read_only=True) as s:
        return list(s.scalars(select(AuditLog.action).order_by(AuditLog.seq)))


def test_list_rows_in_the_lists_order_with_their_audit_entry(store: Store, tmp_path: Path) -> None:
    for name, cell in (("甲", "101"), ("乙", "-1"), ("丙", "303")):
        store.repo(Detainee).add(detainee_values(name=name, cell=cell))
    out = tmp_path / "list.xlsx"
    result = exports.export_list_xlsx(
        store,
        actor_for(store),
        out,
        list_key="detainees",
        criteria=Criteria(),
        sort_key="cell",
        descending=True,
        title="在押人员",
        headers=["监室", "姓名"],
        cells=lambda row: [row.record.cell, row.record.name],
    )
    assert result.rows == 3
    rows = [[c.value for c in r] for r in openpyxl.load_workbook(out)["在押人员"].iter_rows()]
    assert rows == [["监室", "姓名"], ["303", "丙"], ["101", "甲"], ["-1", "乙"]]
    assert _actions(store)[-1] == exports.EXPORT_LIST


def test_no_file_without_its_audit_entry(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kw: object) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(exports, "audit_event", broken)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(RuntimeError):
        exports.export_ledgers_xlsx(store, actor_for(store), folder / "all.xlsx")
    assert list(folder.iterdir()) == []


def test_a_folder_is_refused_before_anything_is_read(store: Store, tmp_path: Path) -> None:
    before = _actions(store)
    with pytest.raises(OutputPathError):
        exports.export_ledgers_xlsx(store, actor_for(store), tmp_path)
    with pytest.raises(OutputPathError):  # a missing folder
        exports.export_list_xlsx(
            store, actor_for(store), tmp_path / "missing" / "x.xlsx", list_key="patrols", criteria=None,
            sort_key=None, descending=False, title="巡视检察", headers=[], cells=lambda row: [],
        )  # fmt: skip
    assert _actions(store) == before


@pytest.mark.parametrize(("fmt", "action"), [("json", "export_records"), ("xlsx", "export_ledgers")])
def test_the_command_lines_export_is_audited_too(
    store: Store, tmp_path: Path, fmt: str, action: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspector.cli import main

    data_dir = store.data_dir
    store.close()
    out = tmp_path / f"all.{fmt}"
    assert main(["export", "--format", fmt, "--out", str(out), "--data-dir", str(data_dir)]) == 0
    assert out.is_file()
    with Store.open(data_dir) as reopened, reopened.session(read_only=True) as s:
        entry = s.scalars(select(AuditLog).order_by(AuditLog.seq.desc()).limit(1)).one()
    assert entry.action == action and entry.user_id is not None
    assert entry.detail is not None and entry.detail["file"] == str(out) and entry.detail["format"] == fmt


def test_a_saved_file_is_owner_only_whole_and_audited(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    out = exports.save_file(
        store, actor_for(store), target, "行号,姓名\n".encode(), action=exports.SAVE_REPORT, fmt="csv",
        detail={"report": "roster_import"},
    )  # fmt: skip
    assert out == target and target.read_text(encoding="utf-8") == "行号,姓名\n"
    assert target.stat().st_mode & 0o777 == 0o600
    assert list(folder.iterdir()) == [target]  # no temporary file left beside it
    with store.session(read_only=True) as s:
        entry = s.scalars(select(AuditLog).order_by(AuditLog.seq.desc()).limit(1)).one()
    assert entry.action == "save_report" and entry.detail is not None
    assert entry.detail["report"] == "roster_import" and entry.detail["format"] == "csv"
    with pytest.raises(OutputPathError):
        exports.save_file(
            store, actor_for(store), folder, b"x", action=exports.SAVE_REPORT, fmt="csv", detail={}
        )
