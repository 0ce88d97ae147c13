"""Regenerate the sample documents in this folder: one PDF of each kind and a PNG of its first page.

    .venv/bin/python docs/samples/make_samples.py        (needs pdftoppm from poppler-utils for the PNGs)

The 纠正违法通知书 and 检察建议书 are built from the hand-written content below; every other kind comes
from the ``small`` demo (seed 1) created in a temporary folder and dated up to ``SAMPLE_DAY``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

SAMPLE_DAY = date(2026, 6, 30)


def notice_and_suggestion() -> dict[str, bytes]:
    from inspector.documents.official import NoticeDoc, SuggestionDoc, build_notice, build_suggestion

    notice = NoticeDoc(
        issuer_name="毕节市七星关区人民检察院",
        addressee="毕节市七星关区看守所",
        doc_number="七检刑执纠违〔2026〕3号",
        discovery="2026年3月10日巡视检察",
        facts=(
            "你所一监区103监室在押人员李喆于2026年3月8日被使用手铐、脚镣约束，期间未履行审批手续，"
            "且连续使用械具时间超过规定期限。经调看监控录像核实，李喆自3月8日14时至3月9日10时持续被约束，"
            "其间未见医生检查记录，亦未见值班民警定时查看的登记。"
        ),
        violated_provision="《中华人民共和国看守所条例》第十七条",
        basis_provision="《人民检察院刑事诉讼规则》第五百五十二条",
        correction_requests="立即停止违规使用械具，对相关责任人员依规处理\n建立健全械具使用审批和登记制度",
        reply_period_days=15,
        issued_on=date(2026, 3, 12),
        copy_to=["毕节市人民检察院", "毕节市公安局"],
    )
    suggestion = SuggestionDoc(
        issuer_name="毕节市七星关区人民检察院",
        addressee="毕节市七星关区看守所",
        doc_number="七检刑执建〔2026〕1号",
        case_source="本院在2026年3月对你所开展的月检察中，对监室安全管理和监控设施运行情况进行了专项检察",
        facts_found=(
            "你所二监区201、203、205监室的监控探头存在盲区，部分时段录像缺失，录像保存期限不足三个月；"
            "3月份夜间巡查记录有6次漏记，值班民警交接班记录与监控录像显示的时间不一致"
        ),
        problems="上述问题反映出你所在安全防范和监控管理方面存在漏洞，容易导致监管安全事故",
        legal_basis="你所上述做法不符合《中华人民共和国看守所条例》第十六条关于对监室实行二十四小时值班、巡视的规定",
        recommendations=[
            "对全部监室监控设备进行排查，消除监控盲区，确保录像完整保存",
            "健全夜间巡查登记制度，落实巡查责任",
        ],
        objection_period_days=10,
        reply_period_months=2,
        issued_on=date(2026, 3, 20),
        copy_to=["毕节市人民检察院"],
    )
    return {"notice": build_notice(notice), "suggestion": build_suggestion(suggestion)}


def from_demo(work: Path) -> dict[str, bytes]:
    import keyring
    from keyrings.alt.file import PlaintextKeyring
    from sqlalchemy import func, select

    from inspector.demo import DEMO_STATION, generate
    from inspector.documents.render import render_pdf
    from inspector.station_setup import FirstUser, initialise
    from inspector.store.models import DailyLog, MailboxOpening, OralCorrection, Talk
    from inspector.store.repository import today_local

    backend = PlaintextKeyring()  # sample data only
    backend.file_path = str(work / "keyring.cfg")
    keyring.set_keyring(backend)
    store = initialise(work / "data", DEMO_STATION, FirstUser("wang", "王检察官", "sample-pass-1"))
    day = min(SAMPLE_DAY, today_local())
    generate(store, seed=1, scale="small", today=day)
    with store.session() as s:
        oral = s.scalar(select(OralCorrection.id).order_by(func.length(OralCorrection.facts).desc()))
        talk = s.scalar(select(Talk.id).order_by(func.length(Talk.qa_text).desc()))
        opening = s.scalar(select(MailboxOpening.id).order_by(MailboxOpening.letter_count.desc()))
        log_day = s.scalar(select(DailyLog.log_date).order_by(DailyLog.log_date.desc()))
    month = f"{day.year}-{day.month:02d}"
    keys = {
        "oral": str(oral),
        "talk": str(talk),
        "mailbox": str(opening),
        "daily-log": log_day.isoformat() if log_day else day.isoformat(),
        "monthly-report": month,
        "register": day.isoformat(),
        "duty-roster": month,
    }
    try:
        return {kind: render_pdf(store, kind, key) for kind, key in keys.items()}
    finally:
        store.close()


def _shrink(png: Path) -> None:
    """Grey scale, 16 levels: a page of black text stays legible and the file small."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(png) as img:
        small = img.convert("L").quantize(16)
    small.save(png, optimize=True)


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="inspector-samples-"))
    try:
        docs = {**notice_and_suggestion(), **from_demo(work)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for kind, data in docs.items():
        pdf = HERE / f"{kind}.pdf"
        pdf.write_bytes(data)
        if shutil.which("pdftoppm"):
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "60",
                    "-png",
                    "-singlefile",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    str(pdf),
                    str(HERE / kind),
                ],
                check=True,
            )
            _shrink(HERE / f"{kind}.png")
        print(f"{pdf.name}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
