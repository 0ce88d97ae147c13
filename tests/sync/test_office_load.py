"""The load bench's machinery as a correctness check (no timing): laptops in separate processes,
two per station, syncing at once, converge with the office — nothing lost, nothing twice, no deadlock."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.pg


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "bench" / "office_load.py"
    spec = importlib.util.spec_from_file_location("office_load_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_four_laptops_syncing_at_once_converge(pg_url: str) -> None:
    bench = _bench()
    args = argparse.Namespace(rounds=3, adds=30, edits=10, max_seconds=120, setup_timeout=300)
    r = bench.run(pg_url, 4, args)
    assert r["errors"] == 0
    assert r["syncs"] == 12 and r["ops"] == r["accepted"] == 4 * (3 * 30 + 2 * 10)
    assert r["made"] == r["office_rows"] == r["office_distinct"] == 4 * 3 * 30
    assert r["equal"] == 4, r["mismatches"]
    assert r["deadlocks"] == 0 and r["conflicts"] == 0
