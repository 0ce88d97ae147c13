"""PDF benchmarks for official documents. Prints the figures, then the ratios, last.

    .venv/bin/python bench/pdf_bench.py                     # everything; generates the `large` demo (~5 min)
    .venv/bin/python bench/pdf_bench.py --large-dir DIR     # reuse (or create and keep) a large demo in DIR
    .venv/bin/python bench/pdf_bench.py --quick             # monthly report on a 10,000-detainee demo instead

Measured:
* one 纠正违法通知书, warm (fonts registered, modules imported): median of 30 builds — target < 100 ms;
* the same notice cold, in a fresh subprocess: imports, font resolution and registration included —
  target < 600 ms (the whole interpreter start-up is printed too);
* 100 notices through the builders vs. a minimal raw reportlab script writing the same 100 documents
  (same registered fonts, the same text runs drawn with ``canvas.drawString`` at the same positions,
  computed beforehand, outside its timing) — target ratio ≤ 1.3;
* the monthly report (counts + PDF) of the ``large`` demo (100,000 detainees, ~500,000 records) —
  target < 3 s.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.pdfgen import canvas  # noqa: E402

from inspector.documents.layout import BODY_SIZE, PAGE_H, PAGE_W  # noqa: E402
from inspector.documents.official import NoticeDoc, build_notice, compose_notice  # noqa: E402

FACTS = (
    "你所{cell}监室在押人员{name}于2026年3月8日被使用手铐、脚镣约束，期间未履行审批手续，"
    "且连续使用械具时间超过规定期限。经调看监控录像核实，{name}自3月8日14时至3月9日10时持续被约束，"
    "其间未见医生检查记录，亦未见值班民警定时查看的登记，管教民警对其进食、饮水和如厕的安排均无记录。"
)
NAMES = ["张三", "李喆", "王堃", "朱镕", "陈成", "赵六", "刘洋", "杨帆", "黄河", "周正"]


def notice(i: int) -> NoticeDoc:
    return NoticeDoc(
        issuer_name="毕节市七星关区人民检察院",
        addressee="毕节市七星关区看守所",
        doc_number=f"七检刑执纠违〔2026〕{i + 1}号",
        discovery=f"2026年3月{1 + i % 28}日巡视检察",
        facts=FACTS.format(cell=101 + i % 40, name=NAMES[i % len(NAMES)]),
        violated_provision="《中华人民共和国看守所条例》第十七条",
        basis_provision="《人民检察院刑事诉讼规则》第五百五十二条",
        correction_requests="立即停止违规使用械具，对相关责任人员依规处理\n建立健全械具使用审批和登记制度",
        reply_period_days=15,
        issued_on=date(2026, 3, 12),
        copy_to=["毕节市人民检察院", "毕节市公安局"],
    )


COLD = """
import time
t0 = time.perf_counter()
import sys
sys.path.insert(0, {root!r})
from bench.pdf_bench import notice
from inspector.documents.official import build_notice
t1 = time.perf_counter()
data = build_notice(notice(0))
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, len(data))
"""


def measure_cold(runs: int = 3) -> tuple[float, float, float]:
    """Medians of (imports + build, the build alone incl. font loading, the whole process) in seconds."""
    inner, build, wall = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", COLD.format(root=str(ROOT))], capture_output=True, text=True, check=True
        )
        wall.append(time.perf_counter() - start)
        imports, b, _ = out.stdout.split()
        inner.append(float(imports) + float(b))
        build.append(float(b))
    return statistics.median(inner), statistics.median(build), statistics.median(wall)


def measure_warm(runs: int = 30) -> float:
    build_notice(notice(0))
    times = []
    for i in range(runs):
        doc = notice(i)
        t = time.perf_counter()
        build_notice(doc)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def raw_reportlab(pages_per_doc: list[list[tuple[list, list]]]) -> list[bytes]:
    """The minimal script: a canvas per document, ``drawString`` per run, ``line`` per rule."""
    out = []
    for pages in pages_per_doc:
        buf = io.BytesIO()
        first_font = pages[0][0][0].font
        c = canvas.Canvas(
            buf, pagesize=(PAGE_W, PAGE_H), initialFontName=first_font, initialFontSize=BODY_SIZE
        )
        for texts, rules in pages:
            for op in texts:
                c.setFont(op.font, op.size)
                c.drawString(op.x, op.y, op.text, charSpace=op.char_space)
            for r in rules:
                c.setLineWidth(r.width)
                c.line(r.x1, r.y1, r.x2, r.y2)
            c.showPage()
        c.save()
        out.append(buf.getvalue())
    return out


def measure_batch(n: int = 100, rounds: int = 5) -> tuple[float, float]:
    """(builders seconds, raw reportlab seconds) for ``n`` notices: best of ``rounds``, interleaved."""
    docs = [notice(i) for i in range(n)]
    prepared = [compose_notice(d).flatten() for d in docs]  # the raw script's input, not timed
    ours, raw = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        for d in docs:
            build_notice(d)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        raw_reportlab(prepared)
        raw.append(time.perf_counter() - t)
    return min(ours), min(raw)


def open_large(large_dir: Path | None, quick: bool) -> tuple[object, Path, bool]:
    """An open store holding the large demo (or a 10,000-detainee one with ``--quick``)."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    from inspector.station_setup import FirstUser, initialise
    from inspector.store.store import Store

    temporary = large_dir is None
    data_dir = Path(tempfile.mkdtemp(prefix="pdf-bench-")) if large_dir is None else large_dir
    backend = PlaintextKeyring()  # benchmark data only: the key sits in a file next to it
    backend.file_path = str(data_dir.parent / f".{data_dir.name}-keyring.cfg")
    keyring.set_keyring(backend)
    if Store.exists(data_dir):
        return Store.open(data_dir), data_dir, temporary
    from inspector.demo import DEMO_STATION, DemoConfig, generate_with

    store = initialise(data_dir, DEMO_STATION, FirstUser("bench", "王检察官", "bench-pass-1"))
    config = DemoConfig.large(detainees=10_000, years=1) if quick else DemoConfig.large()
    print(f"generating the {'quick' if quick else 'large'} demo in {data_dir} …", flush=True)
    summary = generate_with(store, config, progress=lambda m: print("  " + m, flush=True))
    print(f"  {sum(summary.counts.values()):,} records in {summary.seconds:.0f} s", flush=True)
    return store, data_dir, temporary


def measure_monthly(store: object) -> tuple[float, float, dict[str, int]]:
    from sqlalchemy import func, select

    from inspector.documents.monthly import build_monthly_report, load_monthly_report
    from inspector.store.models import Detainee
    from inspector.store.repository import today_local
    from inspector.store.store import Store

    assert isinstance(store, Store)
    with store.session() as s:
        detainees = int(s.scalar(select(func.count()).select_from(Detainee)) or 0)
        from inspector.store.base import Base, synced_tables

        records = 0
        for name in synced_tables():
            table = Base.metadata.tables[name]
            records += int(s.scalar(select(func.count()).select_from(table)) or 0)
    today = today_local()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    best_total, best_counts = float("inf"), 0.0
    for _ in range(3):
        t = time.perf_counter()
        doc = load_monthly_report(store, year, month)
        t_counts = time.perf_counter() - t
        build_monthly_report(doc)
        total = time.perf_counter() - t
        if total < best_total:
            best_total, best_counts = total, t_counts
    return best_total, best_counts, {"detainees": detainees, "records": records, "month": year * 100 + month}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--large-dir", type=Path, help="data dir holding (or to receive) the large demo")
    ap.add_argument("--quick", action="store_true", help="10,000-detainee demo for the monthly report")
    ap.add_argument("--skip-monthly", action="store_true")
    args = ap.parse_args()

    cold_inner, cold_build, cold_wall = measure_cold()
    warm = measure_warm()
    ours, raw = measure_batch()
    monthly: tuple[float, float, dict[str, int]] | None = None
    if not args.skip_monthly:
        store, data_dir, temporary = open_large(args.large_dir, args.quick)
        try:
            monthly = measure_monthly(store)
        finally:
            store.close()  # type: ignore[attr-defined]
            if temporary:
                import shutil

                shutil.rmtree(data_dir, ignore_errors=True)

    print()
    print(f"notice, warm (median of 30):                 {warm * 1000:7.1f} ms   (target < 100 ms)")
    print(f"notice, cold in a subprocess (imports+fonts): {cold_inner * 1000:7.1f} ms   (target < 600 ms)")
    print(f"    of which the first build (font loading):  {cold_build * 1000:7.1f} ms")
    print(f"    whole process incl. interpreter start:    {cold_wall * 1000:7.1f} ms")
    print(f"100 notices, builders:                        {ours * 1000:7.1f} ms")
    print(f"100 notices, raw reportlab drawString:        {raw * 1000:7.1f} ms")
    if monthly is not None:
        total, counts, info = monthly
        label = f"{info['detainees']:,} detainees, {info['records']:,} records, month {info['month']}"
        print(f"monthly report ({label}):")
        parts = f"counts {counts * 1000:.0f} ms + PDF {(total - counts) * 1000:.0f} ms"
        print(f"    {parts} = {total * 1000:.0f} ms   (target < 3000 ms)")
    print()
    ratios = {
        "warm_notice_vs_100ms": round(warm / 0.100, 3),
        "cold_notice_vs_600ms": round(cold_inner / 0.600, 3),
        "builders_vs_raw_reportlab_100_notices": round(ours / raw, 3),
    }
    if monthly is not None:
        ratios["monthly_report_vs_3s"] = round(monthly[0] / 3.0, 3)
    print("ratios (≤ 1 meets the target; builders vs raw target ≤ 1.3):")
    print(json.dumps(ratios, ensure_ascii=False))
    ok = ratios["builders_vs_raw_reportlab_100_notices"] <= 1.3 and warm < 0.1 and cold_inner < 0.6
    if monthly is not None:
        ok = ok and monthly[0] < 3.0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
