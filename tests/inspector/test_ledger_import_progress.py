"""A ledger import reports its progress by rows and stops when cancelled, keeping nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.domain.idnumber import make_id_number
from inspector.services import ledger_import as li
from inspector.services.policy import actor_for
from inspector.store.models import Detainee, LedgerImport, LedgerProfile
from inspector.store.store import Store

TODAY = date(2026, 11, 25)


def _ledger(tmp_path: Path, rows: int) -> Path:
    lines = ["姓名,身份证号,入所日期,收押凭证"]
    for n in range(rows):
        number = make_id_number("110101", date(1990, 1, 1), 11 + 2 * (n % 400))
        lines.append(f"人员{n},{number if n < 400 else ''},2026-11-20,拘留证")
    path = tmp_path / "入所登记.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _kept(store: Store) -> tuple[int, int, int]:
    with store.session(read_only=True) as s:
        return (
            s.scalar(select(func.count()).select_from(LedgerImport)) or 0,
            s.scalar(select(func.count()).select_from(LedgerProfile)) or 0,
            s.scalar(select(func.count()).select_from(Detainee)) or 0,
        )


def test_progress_goes_by_rows_to_the_end(store: Store, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = li.import_ledger(
        store,
        _ledger(tmp_path, 450),
        actor_for(store),
        today=TODAY,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert len(result.report["items"]) == 450
    assert {t for _, t in seen} == {900}  # every row read, then compared
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[0] == 0 and done[-1] == 900 and len(done) >= 9
    assert _kept(store)[0] == 1


def test_a_cancel_while_comparing_keeps_nothing(store: Store, tmp_path: Path) -> None:
    seen: list[int] = []

    def cancel() -> bool:  # the rows are read; stop in the comparison with the register
        return bool(seen) and seen[-1] >= 600

    with pytest.raises(li.LedgerCancelledError) as raised:
        li.import_ledger(
            store,
            _ledger(tmp_path, 450),
            actor_for(store),
            profile="看守所入所",
            today=TODAY,
            progress=lambda d, _t: seen.append(d),
            cancel=cancel,
        )
    assert "已取消" in raised.value.message_zh and "名册未作任何改动" in raised.value.message_zh
    assert seen[-1] == 650  # stopped at the next look after 600 of 900
    assert _kept(store) == (0, 0, 0)  # no import, no profile, nobody added


def test_a_cancel_after_the_last_row_keeps_nothing_either(store: Store, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def cancel() -> bool:  # every row compared: the look just before the import would be kept
        return bool(seen) and seen[-1] == (3, 6)

    with pytest.raises(li.LedgerCancelledError):
        li.import_ledger(
            store,
            _ledger(tmp_path, 3),
            actor_for(store),
            profile="p",
            today=TODAY,
            progress=lambda d, t: seen.append((d, t)),
            cancel=cancel,
        )
    assert _kept(store)[:2] == (0, 0)
