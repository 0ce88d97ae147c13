"""导入台账: a progress bar while the ledger is compared with the register, and 取消 that stops it —
nothing kept (no import, no 台账格式); the dialog stays to say so and can import again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from inspector.services.policy import actor_for
from inspector.store.models import LedgerImport, LedgerProfile
from inspector.store.store import Store
from ui.views.ledger_view import LedgerImportDialog

from .conftest import run_now
from .test_ledger_view import add, pid


def _ledger(tmp_path: Path, rows: int) -> Path:
    lines = ["序号,姓名,身份证号码,出所日期,出所方式,出所凭证"]
    lines += [f"{n},在押{n},{pid(n)},2026-11-20,释放,释放证明书" for n in range(1, rows + 1)]
    path = tmp_path / "出所登记.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _kept(store: Store) -> tuple[int, int]:
    with store.session(read_only=True) as s:
        return (
            s.scalar(select(func.count()).select_from(LedgerImport)) or 0,
            s.scalar(select(func.count()).select_from(LedgerProfile)) or 0,
        )


def test_cancel_stops_the_import_and_keeps_nothing(qtbot: Any, store: Store, tmp_path: Path) -> None:
    for n in range(1, 41):
        add(store, n)
    dialog = LedgerImportDialog(store, actor_for(store), runner=run_now, path=_ledger(tmp_path, 400))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_profile("看守所出所")
    assert not dialog.progress.isVisible()
    seen: list[tuple[int, int, bool]] = []

    def on_progress(done: int, total: int) -> None:  # 取消 pressed once half the rows are read
        seen.append((dialog.progress.value(), dialog.progress.maximum(), dialog.progress.isVisible()))
        if done >= 200 and dialog.cancel_button.isEnabled():
            dialog.cancel_button.click()

    dialog._relay.progressed.connect(on_progress)
    imported: list[object] = []
    dialog.imported.connect(imported.append)
    dialog.import_button.click()
    assert seen[0] == (0, 800, True)  # the bar counts the rows read, then compared
    assert max(v for v, _, _ in seen) < 800  # stopped before the end
    assert dialog.isVisible() and not imported
    assert "已取消" in dialog.status.text() and not dialog.progress.isVisible()
    assert dialog.cancel_button.isEnabled() and dialog.import_button.isEnabled()
    assert _kept(store) == (0, 0)

    dialog._relay.progressed.disconnect(on_progress)
    dialog.import_button.click()  # again, to the end
    assert len(imported) == 1 and not dialog.isVisible()
    assert _kept(store) == (1, 1)


def test_cancel_when_nothing_runs_closes_the_dialog(qtbot: Any, store: Store, tmp_path: Path) -> None:
    dialog = LedgerImportDialog(store, actor_for(store), runner=run_now, path=_ledger(tmp_path, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.cancel_button.click()
    assert not dialog.isVisible() and _kept(store) == (0, 0)
