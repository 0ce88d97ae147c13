"""Render the main window offscreen with data and save it as a PNG (docs/screenshot.png).

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py --data-dir /tmp/shot --out docs/screenshot.png

If ``--data-dir`` has no database, one is created (passphrase from ``INSPECTOR_PASSPHRASE``, set
to a throw-away value if unset; no OS keyring is touched) and filled with demo data: by
``inspector.demo.generate`` when that module exists, else with a small built-in set.
``--page`` picks the page shown (0 = 工作台 … 7 = 同步); ``--all-pages`` saves one PNG per page.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("INSPECTOR_PASSPHRASE", "screenshot-passphrase-不要用于生产")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSize  # noqa: E402

from inspector.domain.idnumber import make_id_number  # noqa: E402
from inspector.store.store import Store  # noqa: E402

STATION = {
    "code": "520502-01",
    "name": "七星关区看守所检察室",
    "procuratorate": "毕节市七星关区人民检察院",
    "higher_procuratorate": "毕节市人民检察院",
    "detention_center": "毕节市七星关区看守所",
    "agency_code": "七",
}

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌波辉宇浩凯鹏飞云峰林海燕春兰晨亮东梅"
CHARGES = [
    "盗窃罪",
    "诈骗罪",
    "故意伤害罪",
    "危险驾驶罪",
    "寻衅滋事罪",
    "贩卖毒品罪",
    "抢劫罪",
    "帮助信息网络犯罪活动罪",
]
AUTHORITIES = [
    "七星关区公安分局",
    "毕节市公安局",
    "七星关区人民检察院",
    "七星关区人民法院",
    "毕节市中级人民法院",
]
STAGES = [
    "detention",
    "investigation",
    "investigation",
    "prosecution_review",
    "first_instance",
    "summary_trial",
    "second_instance",
    "awaiting_execution",
]
AREAS = ["一监区", "二监区", "三监区", "女监区", "医疗室", "禁闭室", "谈话室", "监控室", "伙房", "提讯室"]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def seed_builtin(store: Store, seed: int = 1) -> None:
    """About 150 plausible records across every list (used until inspector.demo exists)."""
    from inspector.store.models import (
        DailyLog,
        Detainee,
        Finding,
        MailboxOpening,
        Patrol,
        ProcuratorialSuggestion,
        RectificationNotice,
        Talk,
    )
    from inspector.store.repository import today_local

    rng = random.Random(seed)
    today = today_local()
    me = str(store.actor.user_id)
    detainees = []
    for _ in range(64):
        birth = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 38))
        seq = rng.randrange(0, 1000)
        admitted = datetime.now(UTC) - timedelta(days=rng.randrange(1, 300), hours=rng.randrange(0, 24))
        stage = rng.choice(STAGES)
        detainees.append(
            store.repo(Detainee).add(
                {
                    "name": _name(rng),
                    "gender": "male" if seq % 2 else "female",
                    "birth_date": birth,
                    "id_number": make_id_number(
                        rng.choice(["520502", "520102", "522401", "530102"]), birth, seq
                    ),
                    "ethnicity": rng.choice(["汉族", "汉族", "汉族", "彝族", "苗族", "布依族"]),
                    "block": rng.choice(AREAS[:4]),
                    "cell": f"{rng.randrange(1, 4)}{rng.randrange(1, 13):02d}",
                    "admitted_at": admitted,
                    "case_authority": rng.choice(AUTHORITIES),
                    "charges": rng.choice(CHARGES),
                    "legal_status": "suspect" if stage in ("detention", "investigation") else "defendant",
                    "stage": stage,
                }
            )
        )
    for week in range(10):
        for _ in range(rng.choice((1, 2, 2, 3))):
            day = today - timedelta(days=7 * week + rng.randrange(0, 5))
            if day > today:
                continue
            start = rng.randrange(8, 16)
            patrol = store.repo(Patrol).add(
                {
                    "patrol_date": day,
                    "start_time": datetime(2000, 1, 1, start, rng.choice((0, 15, 30))).time(),
                    "end_time": datetime(2000, 1, 1, start + 1, rng.choice((0, 20, 40))).time(),
                    "areas": rng.sample(AREAS, rng.randrange(1, 4)),
                    "methods": rng.sample(["on_site", "video", "documents"], rng.randrange(1, 3)),
                    "participant_ids": [me],
                    "summary": "监管秩序正常",
                }
            )
            for _ in range(rng.choice((0, 0, 0, 1, 2))):
                store.repo(Finding).add(
                    {
                        "found_on": day,
                        "description": rng.choice(["值班民警脱岗", "监控存在盲区", "安全检查记录不全"]),
                        "severity": rng.choice(["flaw", "hazard", "minor_violation"]),
                        "source": "patrol",
                        "patrol_id": patrol.id,
                    }
                )
    talk_types = ["new_admission", "routine", "requested", "pre_release", "complainant"]
    for _ in range(36):
        d = rng.choice(detainees)
        store.repo(Talk).add(
            {
                "talk_at": datetime.now(UTC)
                - timedelta(days=rng.randrange(0, 60), hours=rng.randrange(1, 9)),
                "place": "谈话室",
                "detainee_id": d.id,
                "detainee_snapshot": {"name": d.name, "cell": d.cell},
                "talk_type": rng.choice(talk_types),
                "interviewer_ids": [me],
                "issues_raised": rng.random() < 0.25,
                "issues_summary": rng.choice(["反映伙食量不足", "申请约见律师", "反映同监室人员欺凌", None]),
            }
        )
    for week in range(8):
        letters = rng.choice((0, 1, 2, 3))
        store.repo(MailboxOpening).add(
            {
                "opened_at": datetime.now(UTC) - timedelta(days=7 * week + 1, hours=3),
                "mailbox_location": rng.choice(["一监区走廊", "二监区走廊", "女监区"]),
                "opener_ids": [me],
                "letter_count": letters,
                "has_valuable_lead": letters > 2,
                "lead_summary": "反映管教民警态度粗暴" if letters > 2 else None,
            }
        )
    for seq, (state, issued_ago, reply_in) in enumerate(
        [
            ("served", 20, -5),
            ("served", 12, 3),
            ("followed_up", 30, -12),
            ("replied", 60, None),
            ("closed", 90, None),
        ],
        start=1,
    ):
        issued = today - timedelta(days=issued_ago)
        store.repo(RectificationNotice).add(
            {
                "issuer_name": STATION["procuratorate"],
                "addressee": STATION["detention_center"],
                "doc_year": today.year,
                "doc_seq": seq,
                "doc_number": f"七检纠〔{today.year}〕{seq}号",
                "trigger": rng.choice(["serious_violation", "oral_not_corrected"]),
                "facts": rng.choice(["夜间值班民警脱岗两小时", "新收押人员未按规定进行健康检查", "超时提讯"]),
                "state": state,
                "issued_on": issued,
                "served_on": issued + timedelta(days=1),
                "reply_due": today + timedelta(days=reply_in)
                if reply_in is not None
                else issued + timedelta(days=16),
                "replied_on": issued + timedelta(days=10) if reply_in is None else None,
            }
        )
    for seq, (state, reply_in) in enumerate([("served", 25), ("draft", None)], start=1):
        issued = today - timedelta(days=35) if state != "draft" else None
        store.repo(ProcuratorialSuggestion).add(
            {
                "issuer_name": STATION["procuratorate"],
                "addressee": STATION["detention_center"],
                "doc_year": today.year if issued else None,
                "doc_seq": seq if issued else None,
                "doc_number": f"七检建〔{today.year}〕{seq}号" if issued else None,
                "facts_found": "部分监室监控存在盲区，夜间巡查记录不完整",
                "state": state,
                "issued_on": issued,
                "served_on": issued + timedelta(days=1) if issued else None,
                "reply_due": today + timedelta(days=reply_in) if reply_in is not None else None,
            }
        )
    for back in range(1, 6):
        store.repo(DailyLog).add({"log_date": today - timedelta(days=back), "author_id": store.actor.user_id})


def ensure_data(data_dir: Path, seed: int) -> None:
    if Store.exists(data_dir):
        return
    from inspector.station_setup import FirstUser, initialise

    user = FirstUser("wang", "王检察官", "Screenshot-Passw0rd")
    try:
        from inspector.demo import DEMO_STATION, generate  # type: ignore[import-not-found]
    except ImportError:
        with initialise(data_dir, STATION, user, device_name="检察室笔记本") as store:
            seed_builtin(store, seed)
        return
    with initialise(data_dir, DEMO_STATION, user, device_name="检察室笔记本") as store:
        generate(store, seed=seed, scale="small")


def extra_shots(window: Any, settle: Callable[[], None]) -> Iterator[tuple[str, Any]]:
    """(name, QPixmap) of states and dialogs worth looking at besides the pages themselves."""
    from ui.main_window import DASHBOARD

    window.show_page(DASHBOARD)
    settle()
    dashboard = window.pages[DASHBOARD]
    table = dashboard.agenda_table
    table.scrollToBottom()
    settle()
    yield "agenda-end", window.grab()
    table.scrollToTop()
    if dashboard.agenda_model.rowCount():
        dialog = dashboard.detail_dialog(0)
        dialog.show()
        settle()
        yield "agenda-detail", dialog.grab()
        dialog.close()
        settle()

    from ui.documents import qtpdf_available
    from ui.main_window import CORRECTIONS

    if not qtpdf_available():
        print("QtPdf (PySide6-Addons) is not installed: no preview screenshot", file=sys.stderr)
        return
    window.show_page(CORRECTIONS)
    settle()
    page = window.pages[CORRECTIONS]
    preview = None
    for row in range(min(10, page.model.rowCount())):  # the first rows may be oral corrections (no PDF)
        page.table.selectRow(row)
        preview = page.preview_selected()
        if preview is not None:
            break
    if preview is not None:
        preview.resize(1100, 720)
        settle()
        yield "preview", preview.grab()
        preview.close()
        settle()


def sync_shots(data_dir: Path, settle: Callable[[], None], size: QSize) -> Iterator[tuple[str, Any]]:
    """The 同步 page of a copy of ``data_dir`` enrolled to an office that cannot be reached, after a
    real sync attempt, with one conflict (made in the local conflict table), and its dialog."""
    import shutil
    import tempfile
    import uuid

    import keyring

    from inspector.security.memory_keyring import MemoryKeyring
    from inspector.store.models import Detainee
    from inspector.store.models.sync import SyncConflict
    from inspector.sync import local, schema
    from inspector.sync.connection import OfficeTarget, save_password
    from ui import workers
    from ui.main_window import SYNC, MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy)
        store = Store.open(copy)
        previous = keyring.get_keyring()
        keyring.set_keyring(MemoryKeyring())
        try:
            target = OfficeTarget.parse(
                "host=10.52.0.8 port=1 dbname=inspector connect_timeout=2", "qxg_dev_7f3a"
            )
            store.set_meta(local.OFFICE_KEY, target.describe())
            save_password(target, "screenshot")
            with store.session() as s:
                person = s.scalars(select_first(Detainee)).first()
                assert person is not None
                mine = schema.encode_row(local.rows_by_id(s, "detainee", [person.id])[person.id])
                s.add(
                    SyncConflict(
                        id=uuid.uuid4(), table_name="detainee", row_id=person.id, origin="pull",
                        kind="conflict", theirs_version=3, mine=mine,
                        theirs={**mine, "cell": "412", "block": "四监区", "case_authority": "毕节市公安局"},
                    )
                )  # fmt: skip
            window = MainWindow(store)
            window.resize(size)
            window.show()
            window.show_page(SYNC)
            settle()
            page = window.pages[SYNC]
            page.sync_button.click()
            while window.sync.running:
                settle()
            settle()
            yield "sync", window.grab()
            dialog = page.open_conflict(0)
            settle()
            yield "conflict", dialog.grab()
            dialog.close()
            window.close()
            settle()
        finally:
            workers.wait_for_all()
            QCoreApplication.processEvents()
            keyring.set_keyring(previous)
            store.close()


def select_first(model: Any) -> Any:
    from sqlalchemy import select

    return select(model).where(model.deleted_at.is_(None)).order_by(model.name).limit(1)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--out", default=ROOT / "docs" / "screenshot.png", type=Path)
    parser.add_argument("--page", type=int, default=0)
    parser.add_argument("--all-pages", action="store_true", help="also save <out>-<n>.png for every page")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--extras",
        action="store_true",
        help="also save <out>-<name>.png for dialogs and states: the agenda's end, an agenda detail, ...",
    )
    args = parser.parse_args()

    ensure_data(args.data_dir, args.seed)

    from ui import workers
    from ui.app import open_store, prepare_application
    from ui.main_window import MainWindow

    app = prepare_application()
    store = open_store(args.data_dir, show=lambda title, text: print(f"{title}: {text}", file=sys.stderr))
    if store is None:
        return 1
    width, height = (int(v) for v in args.size.lower().split("x"))

    def settle(window: MainWindow) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            app.processEvents()
            if workers.pending_jobs() == 0:
                break
            time.sleep(0.02)
        for _ in range(5):
            app.processEvents()
            time.sleep(0.02)

    try:
        window = MainWindow(store)
        window.resize(QSize(width, height))
        window.show()
        pages = range(len(window.pages)) if args.all_pages else [args.page]
        for n in pages:
            window.show_page(n)
            settle(window)
            out = args.out if n == args.page else args.out.with_name(f"{args.out.stem}-{n}{args.out.suffix}")
            out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(out)):
                print(f"could not write {out}", file=sys.stderr)
                return 1
            print(f"saved {out} (page {n}: {window.pages[n].title})")
        if args.extras:
            for name, image in extra_shots(window, lambda: settle(window)):
                out = args.out.with_name(f"{args.out.stem}-{name}{args.out.suffix}")
                if not image.save(str(out)):
                    print(f"could not write {out}", file=sys.stderr)
                    return 1
                print(f"saved {out} ({name})")
        if args.extras:
            for name, image in sync_shots(args.data_dir, lambda: settle(window), QSize(width, height)):
                out = args.out.with_name(f"{args.out.stem}-{name}{args.out.suffix}")
                image.save(str(out))
                print(f"saved {out} ({name})")
        if (args.all_pages or args.extras) and args.page in pages:
            window.show_page(args.page)
            settle(window)
            window.grab().save(str(args.out))
        window.close()
        settle(window)
    finally:
        workers.wait_for_all()
        QCoreApplication.processEvents()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
