"""Deterministic demo data, written through the repositories (so it passes the same validation as input).

``generate(store)`` fills a freshly initialised store: three more users, detainees with their custody
events, and the office's work — patrols, talks, mailbox openings and letters, findings, oral corrections,
纠正违法通知书 and 检察建议书 in every state, incidents, pre-holiday inspections, delivery-for-execution
checks, lawyer-meeting checks and daily logs.

Everything is drawn from one ``random.Random(seed)`` in a fixed order and dated relative to ``today``:
the same seed and ``today`` give the same records (ids included). The only values that differ between two
runs are the ones the store itself stamps (``station_id``, ``created_at``/``updated_at``, ``created_by``,
``device_id``). No record is dated after the day before ``today`` (``created_at`` is the real time of
writing: the repositories stamp it). 文号 of the years for which the device holds a number block (``init``
grants one for the current year) are taken from that block, so documents signed later continue the
sequence.

Scales:

* ``small`` — 300 detainees (about 210 held, every stage, two custody deadlines just past and several
  within the centre's 7-day warning window), 8 weeks of work ending yesterday, documents over the last
  six months; under a second.
* ``large`` — 100,000 detainees admitted over five years and about 590,000 other records, for benchmarks.
  Detainees are produced week by week in admission order; rows are buffered and flushed table by table
  (parents first) every ``flush_rows`` rows, and only the detainees still held stay in memory. To keep the
  volume near its target, 换押 is not recorded as separate events and detainees discharged more than a
  year ago keep only their key custody events (``DemoConfig.full_history_days``). See docs/benchmarks.md
  for timings.
"""

from __future__ import annotations

import random
import time as _time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any, Literal

from sqlalchemy import func, select

from inspector.demo import vocab as v
from inspector.demo.dates import (
    SPRING_FESTIVAL,
    add_months,
    at,
    cn_date,
    is_workday,
    monday,
    workday_on_or_before,
    workdays,
)
from inspector.demo.ledgers import LedgerWork, make_ledger_work
from inspector.demo.roster import Roster, make_roster
from inspector.demo.timeline import (
    STAGE_CHANGE_KINDS,
    Person,
    Post,
    Serials,
    Step,
    Timeline,
    age_on,
    draw_path,
    new_id,
    plan_targeted,
)
from inspector.documents.numbering import NumbersExhaustedError, issue_number, numbering_settings
from inspector.documents.official import notice_basis_for
from inspector.domain import lifecycle
from inspector.domain.idnumber import make_id_number
from inspector.domain.validation import local_date
from inspector.services.status import DEMO_META_KEY
from inspector.store.base import Synced
from inspector.store.models import (
    AppUser,
    CustodyEvent,
    DailyLog,
    Detainee,
    DutyPlan,
    DutySignIn,
    ExecutionDeliveryCheck,
    Finding,
    Incident,
    LawyerMeetingCheck,
    LedgerImport,
    MailboxLetter,
    MailboxOpening,
    NumberBlock,
    OralCorrection,
    Patrol,
    PreholidayInspection,
    ProcuratorialSuggestion,
    RectificationNotice,
    StaffMember,
    Station,
    SupervisionLead,
    Talk,
)
from inspector.store.repository import Actor, Repository, today_local
from inspector.store.store import Store

Row = dict[str, Any]
Progress = Callable[[str], None]

DEMO_STATION: dict[str, str] = {
    "code": "BJ-QXG-ZSJCS",
    "name": "毕节市七星关区人民检察院驻七星关区看守所检察室",
    "procuratorate": "毕节市七星关区人民检察院",
    "higher_procuratorate": "毕节市人民检察院",
    "detention_center": "毕节市七星关区看守所",
    "agency_code": "七",
}

# Parents before children: each flush writes the tables in this order, one transaction each.
WRITE_ORDER: tuple[type[Synced], ...] = (
    AppUser,
    Detainee,
    CustodyEvent,
    MailboxOpening,
    MailboxLetter,
    Talk,
    Patrol,
    OralCorrection,
    RectificationNotice,
    ProcuratorialSuggestion,
    Finding,
    LedgerImport,
    SupervisionLead,
    Incident,
    PreholidayInspection,
    ExecutionDeliveryCheck,
    LawyerMeetingCheck,
    DailyLog,
    StaffMember,
    DutyPlan,
    DutySignIn,
)

# The events an archived (long-discharged) detainee keeps.
ARCHIVE_KINDS = frozenset(
    {
        "detention",
        "arrest",
        "judgment_effective",
        "released",
        "delivered_for_execution",
        "serve_in_center_decided",
    }
)

DOCUMENT_STATES = (
    "draft",
    "approved",
    "issued",
    "served",
    "replied",
    "overdue",
    "followed_up",
    "reported_upward",
    "review_requested",
    "closed",
    "withdrawn",
)

NOTICE_VERIFIED_NOTE = "经实地查看、查阅台账核实，所列问题已整改到位"
# A suggestion for a serious gap in custody management or a major safety hazard (Rules 2019 art 624(三)).
SUGGESTION_BASIS = "《人民检察院刑事诉讼规则》第六百二十四条"
"""What a closed notice's 核实整改 found (also how the oral correction it escalated was verified)."""

# Held population of the small demo by stage (plus the scripted deadline cases below).
SMALL_HELD: tuple[tuple[str, int], ...] = (
    ("detention", 10),
    ("arrest_review", 7),
    ("investigation", 58),
    ("prosecution_review", 28),
    ("supplementary_investigation", 9),
    ("first_instance", 24),
    ("summary_trial", 8),
    ("fast_track_trial", 5),
    ("second_instance", 9),
    ("retrial", 3),
    ("awaiting_execution", 12),
    ("serving_in_center", 20),
    ("own_case_detention", 1),
    ("supervision_detention", 1),
)
LARGE_HELD: tuple[tuple[str, int], ...] = tuple((stage, 1) for stage, _ in SMALL_HELD)


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]  # table name -> rows written
    seconds: float


@dataclass(frozen=True)
class DemoConfig:
    """How much to make. ``generate`` maps ``scale`` to one of these; benchmarks may scale ``large``."""

    detainees: int  # total, targeted ones included
    held: tuple[tuple[str, int], ...]  # detainees planned "in stage S now", by stage
    admission_span: tuple[int, int]  # other detainees admitted between today-a and today-b days
    work_weeks: int  # weeks of patrols, talks, mailbox ... ending at today
    keep_everyone: bool  # keep every detainee in memory (small only)
    flush_rows: int
    handover_events: bool  # a custody_handover event beside each change of organ (small only)
    # Detainees discharged more than this many days ago keep only their key events (拘留, 逮捕, 判决生效,
    # the way out), as an archive would; None keeps every event. Keeps the large set near its target size.
    full_history_days: int | None

    @classmethod
    def small(cls) -> DemoConfig:
        return cls(300, SMALL_HELD, (720, 45), 8, True, 50_000, True, None)

    @classmethod
    def large(cls, detainees: int = 100_000, years: int = 5) -> DemoConfig:
        return cls(detainees, LARGE_HELD, (years * 365, 1), years * 52, False, 60_000, False, 365)


def generate(
    store: Store,
    *,
    seed: int = 1,
    scale: Literal["small", "large"] = "small",
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Fill an initialised store with demo data. ``today`` defaults to the Asia/Shanghai date; it may not
    be later than that (the repositories refuse records dated in the future)."""
    if scale == "small":
        config = DemoConfig.small()
    elif scale == "large":
        config = DemoConfig.large()
    else:
        raise ValueError(f"unknown scale {scale!r}: expected 'small' or 'large'")
    return generate_with(store, config, seed=seed, today=today, progress=progress)


def generate_with(
    store: Store,
    config: DemoConfig,
    *,
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    real_today = today_local()
    today = today or real_today
    if today > real_today:
        raise ValueError(f"today={today} is in the future: records dated after {real_today} are refused")
    started = _time.perf_counter()
    demo = _Demo(store, config, seed, today, progress)
    mark_demo(store)
    demo.run()
    return DemoSummary(dict(demo.writer.counts), _time.perf_counter() - started)


def mark_demo(store: Store) -> None:
    """Mark ``store`` as holding demo data (local to this laptop; never synced)."""
    store.set_meta(DEMO_META_KEY, True)


def is_demo(store: Store) -> bool:
    return bool(store.meta(DEMO_META_KEY, False))


# --- writing ---------------------------------------------------------------------------------------------


class _Writer:
    """Buffers rows per table and writes them through the repositories, parents first."""

    def __init__(self, store: Store, actor: Actor, flush_rows: int, on_flush: Callable[[], None]) -> None:
        self.repos: dict[type[Synced], Repository[Any]] = {m: store.repo(m) for m in WRITE_ORDER}
        self.buffers: dict[type[Synced], list[Row]] = {m: [] for m in WRITE_ORDER}
        self.counts: Counter[str] = Counter()
        self.actor = actor
        self.flush_rows = flush_rows
        self.pending = 0
        self.on_flush = on_flush

    def add(self, model: type[Synced], row: Row) -> None:
        self.buffers[model].append(row)
        self.pending += 1

    def maybe_flush(self) -> None:
        if self.pending >= self.flush_rows:
            self.flush()

    def flush(self) -> None:
        for model in WRITE_ORDER:
            rows = self.buffers[model]
            if rows:
                # Rows with the same NULL columns together: the ORM bulk INSERT leaves NULLs out of the
                # parameters and runs one statement per run of equal key sets, so mixed rows would be
                # inserted nearly one by one (docs/benchmarks.md).
                rows.sort(key=_null_pattern)
                repo = self.repos[model]
                self.counts[repo.table_name] += repo.add_many(rows, actor=self.actor)
                self.buffers[model] = []
        self.pending = 0
        self.on_flush()

    @property
    def written(self) -> int:
        return sum(self.counts.values())


def _null_pattern(row: Row) -> tuple[bool, ...]:
    return tuple(value is None for value in row.values())


def _cum(pairs: Sequence[tuple[str, int]]) -> tuple[list[str], list[int]]:
    return [k for k, _ in pairs], list(accumulate(w for _, w in pairs))


# --- the generator -----------------------------------------------------------------------------------------


class _Demo:
    def __init__(
        self, store: Store, config: DemoConfig, seed: int, today: date, progress: Progress | None
    ) -> None:
        self.store = store
        self.cfg = config
        self.rng = random.Random(seed)
        self.today = today
        self.cutoff = today - timedelta(days=1)
        self.progress = progress
        self.t0 = _time.perf_counter()
        station = store.repo(Station).get(store.station_id)
        if station is None:
            raise ValueError("the store has no station: initialise it first (station_setup.initialise)")
        if store.repo(Detainee).count(include_deleted=True):
            raise ValueError("the store already holds detainees: demo data goes into a new store")
        self.station = station
        self.serials = Serials()
        with store.session() as s:
            self.numbering = numbering_settings(s, store.station_id)
            blocks = s.execute(
                select(NumberBlock.doc_type, NumberBlock.year).where(NumberBlock.voided_at.is_(None))
            )
            self.blocks: set[tuple[str, int]] = {(t, y) for t, y in blocks}
        self.timeline = Timeline(
            self.rng, self.serials, self.cutoff, station.detention_center, handovers=config.handover_events
        )
        self.writer = _Writer(store, store.actor, config.flush_rows, self._report)
        self.work_start = monday(self.cutoff) - timedelta(weeks=config.work_weeks - 1)
        self.day: dict[date, Counter[str]] = {}
        self.places: dict[date, set[str]] = {}
        self.population_delta: Counter[date] = Counter()
        self.serving_delta: Counter[date] = Counter()
        self.pool: list[Person] = []
        self.everyone: list[Person] = []
        self.persons_made = 0
        self.id_numbers: set[str] = set()
        self.rare_names = 0
        self.surnames = _cum(v.SURNAMES)
        self.ethnicities = _cum(v.ETHNICITIES)
        self.regions = _cum(v.REGIONS)
        self.charges = _cum([(c, w) for c, w, _ in v.CHARGES])
        self.charge_kind = {c: k for c, _, k in v.CHARGES}
        self.police = _cum(v.POLICE)
        self.letter_categories = _cum(v.LETTER_CATEGORY_WEIGHTS)
        self.letter_serial: Counter[int] = Counter()
        self.scripted: dict[str, Person] = {}
        self.procurators: list[uuid.UUID] = []
        self.chief: tuple[uuid.UUID, str] = (uuid.UUID(int=0), "")
        self.seed = seed
        self.roster: Roster | None = None
        self.user_names: dict[uuid.UUID, str] = {}

    # --- helpers ----------------------------------------------------------------------------------

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(
                f"在押人员 detainees {self.persons_made:,}/{self.cfg.detainees:,} · "
                f"记录 records {self.writer.written:,} · {_time.perf_counter() - self.t0:.1f} s"
            )

    def id(self) -> uuid.UUID:
        return new_id(self.rng)

    def tally(self, d: date, key: str, n: int = 1) -> None:
        c = self.day.get(d)
        if c is None:
            c = self.day[d] = Counter()
        c[key] += n

    def in_window(self, d: date) -> bool:
        return self.work_start <= d <= self.cutoff

    def pick(self, options: tuple[list[str], list[int]]) -> str:
        return self.rng.choices(options[0], cum_weights=options[1])[0]

    def person_name(self, gender: str) -> str:
        rng = self.rng
        surname = self.pick(self.surnames)
        chars = v.MALE_GIVEN if gender == "male" else v.FEMALE_GIVEN
        given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.75 else "")
        self.rare_names += 1
        if self.rare_names % 47 == 5:  # about 2% of names carry a rare character
            given = given[:-1] + rng.choice(v.RARE_GIVEN)
        return surname + given

    def staff_name(self) -> str:
        return self.person_name("male" if self.rng.random() < 0.7 else "female")

    def officers(self, *, chief_p: float = 0.0) -> list[str]:
        ids = [str(u) for u in self.procurators]
        self.rng.shuffle(ids)
        if self.rng.random() < chief_p:
            ids.append(str(self.chief[0]))
        return ids

    def workday_in(self, start: date, end: date) -> date | None:
        days = [d for d in workdays(max(start, self.work_start), min(end, self.cutoff))]
        return self.rng.choice(days) if days else None

    def next_workday(self, d: date, within: int) -> date:
        d = d + timedelta(days=self.rng.randint(0, within))
        while not is_workday(d):
            d += timedelta(days=1)
        return d

    # --- run ---------------------------------------------------------------------------------------

    def run(self) -> None:
        self.make_users()
        targeted = self.make_targeted()
        forward_total = self.cfg.detainees - len(targeted)
        far, near = self.cfg.admission_span
        first_day = self.cutoff - timedelta(days=far - 1)
        last_day = self.today - timedelta(days=near)
        span_days = (last_day - first_day).days + 1
        start_week = monday(min([first_day, *(p.d0 for p, _, _ in targeted)]))
        weeks = (monday(self.cutoff) - start_week).days // 7 + 1
        # how many forward admissions fall before each day: a smooth spread over the span
        self.shortfall_weeks = self.pick_shortfall_weeks()
        t_index = 0
        admitted = 0
        for w in range(weeks):
            week = start_week + timedelta(weeks=w)
            lo = max((week - first_day).days, 0)
            hi = min((week + timedelta(days=7) - first_day).days, span_days)
            upto = forward_total * hi // span_days if hi > 0 else 0
            n_forward = max(upto - admitted, 0)
            admitted += n_forward
            batch: list[tuple[date, int, Person, list[Step] | None, Post | None]] = []
            for _ in range(n_forward):
                d0 = first_day + timedelta(days=self.rng.randrange(lo, hi))
                p = self.new_person()
                p.d0 = d0
                batch.append((d0, p.index, p, None, None))
            while t_index < len(targeted) and targeted[t_index][0].d0 < week + timedelta(days=7):
                p, steps, post = targeted[t_index]
                batch.append((p.d0, p.index, p, steps, post))
                t_index += 1
            batch.sort(key=lambda b: (b[0], b[1]))
            for _, _, p, planned, planned_post in batch:
                if planned is None:
                    planned, planned_post = draw_path(self.rng, p)
                self.admit(p, planned, planned_post)
            if week >= self.work_start:
                self.week_of_work(week)
            self.pool = [p for p in self.pool if p.discharged_on is None or p.discharged_on >= week]
            self.writer.maybe_flush()
        self.documents()
        if self.cfg.keep_everyone:
            self.small_incidents()
        self.preholiday_inspections()
        self.make_roster()
        self.daily_logs()
        self.writer.flush()
        self.ledger_work()

    def pick_shortfall_weeks(self) -> set[date]:
        """Weeks with a single patrol (a shortfall for the weekly-target check)."""
        last_full = monday(self.cutoff) - timedelta(weeks=1)
        if self.cfg.work_weeks <= 8:
            return {last_full - timedelta(weeks=2)}
        weeks = [self.work_start + timedelta(weeks=i) for i in range(self.cfg.work_weeks)]
        return {w for w in weeks if self.rng.random() < 0.04} | {last_full - timedelta(weeks=2)}

    # --- users -------------------------------------------------------------------------------------

    def make_users(self) -> None:
        existing = {u.username for u in self.store.repo(AppUser).list(include_deleted=True)}
        users = (
            ("wangrong", "王镕", "procurator"),
            ("chensiqi", "陈思琪", "procurator"),
            ("zhaojianhua", "赵建华", "chief_procurator"),
        )
        for username, display, role in users:
            uid = self.id()
            name = username
            while name in existing:
                name += "2"
            existing.add(name)
            self.writer.add(AppUser, {"id": uid, "username": name, "display_name": display, "role": role})
            self.user_names[uid] = display
            if role == "chief_procurator":
                self.chief = (uid, display)
            else:
                self.procurators.append(uid)
        self.writer.flush()

    # --- detainees ---------------------------------------------------------------------------------

    def new_person(self) -> Person:
        rng = self.rng
        charge = self.pick(self.charges)
        kind = self.charge_kind[charge]
        juvenile = rng.random() < 0.13 and kind != "drive"
        male = rng.random() < (0.9 if juvenile else 0.88)
        if charge == "危险驾驶罪":
            police = "毕节市公安局交通警察支队七星关大队"
        elif charge in ("贩卖毒品罪", "容留他人吸毒罪") and rng.random() < 0.5:
            police = "毕节市公安局禁毒支队"
        else:
            police = self.pick(self.police)
        gang = kind != "drive" and rng.random() < 0.2
        self.persons_made += 1
        return Person(
            self.id(), self.persons_made, "male" if male else "female", juvenile, charge, kind, gang, police
        )

    def make_targeted(self) -> list[tuple[Person, list[Step], Post | None]]:
        """Detainees placed in a given stage now, including the scripted deadline cases."""
        out: list[tuple[Person, list[Step], Post | None]] = []
        ref = self.today

        def plan(target: str, **kw: Any) -> Person:
            p = self.new_person()
            steps, post, p.d0 = plan_targeted(self.rng, p, target, ref, **kw)
            out.append((p, steps, post))
            return p

        for stage, n in self.cfg.held:
            for _ in range(n):
                plan(stage)
        # scripted deadline cases (heuristic limits: see the module docstring of the tests)
        t = self.today
        overdue_inv = plan("investigation", e=_elapsed_for(t - timedelta(days=2), months=2, ref=t), ext=())
        overdue_inv.warning_notice_sent_on = None
        overdue_pr = plan(
            "prosecution_review", e=_elapsed_for(t - timedelta(days=1), months=1, ref=t), ext=()
        )
        near_inv = plan("investigation", e=_elapsed_for(t + timedelta(days=3), months=2, ref=t), ext=())
        near_pr = plan("prosecution_review", e=_elapsed_for(t + timedelta(days=5), months=1, ref=t), ext=())
        near_fast = plan("fast_track_trial", e=8)
        near_exec = plan("awaiting_execution", e=30, notice_at=4)  # notice 26 days ago: due in 4 days
        self.scripted = {
            "overdue_investigation": overdue_inv,
            "overdue_prosecution": overdue_pr,
            "near_investigation": near_inv,
            "near_prosecution": near_pr,
            "near_fast_track": near_fast,
            "near_execution": near_exec,
        }
        for p, days_left in ((overdue_inv, -2), (near_inv, 3), (near_pr, 5)):
            p.warning_notice_sent_on = t + timedelta(days=days_left - 7)
        gang = self.new_person()
        gang.gang = True
        gang.charge, gang.charge_kind = "盗窃罪", "light"
        gang.notes = "多次盗窃，流窜作案，提请批准逮捕期限延长至三十日"
        steps, post, gang.d0 = plan_targeted(self.rng, gang, "detention", ref, e=26)
        out.append((gang, steps, post))
        self.scripted["near_detention"] = gang
        if self.cfg.keep_everyone:  # a death in custody five months ago (incident and register)
            dead = self.new_person()
            dead.juvenile = False
            death_day = self.cutoff - timedelta(days=150)
            steps, post, dead.d0 = plan_targeted(self.rng, dead, "investigation", death_day, e=30, ext=())
            steps[-1].days = 30
            steps.append(Step("discharged", release_kind="death", release_note="在押期间死亡"))
            out.append((dead, steps, None))
            self.scripted["death"] = dead
        out.sort(key=lambda x: (x[0].d0, x[0].index))
        return out

    def identity(self, p: Person) -> None:
        rng = self.rng
        t = self.today
        birth: date | None = None
        if p.juvenile:
            lo = _years_before(t, 18) + timedelta(days=1)
            hi = min(_years_before(t, 16), _years_before(p.d0, 16))
            if lo <= hi:
                birth = lo + timedelta(days=rng.randrange((hi - lo).days + 1))
        if birth is None:
            p.juvenile = False
            age = rng.choices((18, 25, 30, 40, 50), cum_weights=(12, 45, 72, 92, 100))[0]
            age += rng.randrange(5 if age == 18 else 10 if age < 50 else 16)
            birth = _years_before(p.d0, age) - timedelta(days=rng.randrange(365))
        p.birth = birth
        p.name = self.person_name(p.gender)
        p.ethnicity = self.pick(self.ethnicities)
        region = self.pick(self.regions)
        for _ in range(50):
            seq = rng.randrange(500) * 2 + (1 if p.gender == "male" else 0)
            number = make_id_number(region, birth, seq)
            if number not in self.id_numbers:
                break
        self.id_numbers.add(number)
        p.id_number = number
        if p.juvenile:
            p.block = v.JUVENILE_BLOCK[0]
            p.cell = "503" if p.gender == "female" else rng.choice(("501", "502"))
        elif p.gender == "female":
            p.block, p.cell = v.FEMALE_BLOCK[0], rng.choice(v.FEMALE_BLOCK[1])
        else:
            block, cells = rng.choice(v.MALE_BLOCKS)
            p.block, p.cell = block, rng.choice(cells)
        if p.juvenile:
            p.serve_block, p.serve_cell = p.block, p.cell
        else:
            p.serve_block = v.SERVING_BLOCK[0]
            p.serve_cell = "605" if p.gender == "female" else rng.choice(v.SERVING_BLOCK[1][:4])
        items = [{"item": it, "qty": 1} for it in rng.sample(v.PROPERTY, rng.randint(1, 4))]
        items.append({"item": "现金", "amount": rng.randint(0, 800)})
        p.property_items = items
        if rng.random() < 0.08:
            p.admission_check = (
                rng.choice(v.INJURIES)
                + "，押解民警及本人已作出说明，已拍照并由押解民警、收押民警和本人签字确认"
            )

    def admit(self, p: Person, steps: list[Step], post: Post | None) -> None:
        self.identity(p)
        self.timeline.materialise(p, steps, post)
        self.write_person(p)
        self.pool.append(p)
        if self.cfg.keep_everyone:
            self.everyone.append(p)

    def write_person(self, p: Person) -> None:
        rng = self.rng
        w = self.writer
        now_block, now_cell = p.cell_on(p.discharged_on or self.cutoff)
        assert p.admitted_at is not None
        w.add(
            Detainee,
            {
                "id": p.id,
                "name": p.name,
                "gender": p.gender,
                "birth_date": p.birth,
                "id_number": p.id_number,
                "ethnicity": p.ethnicity,
                "block": now_block,
                "cell": now_cell,
                "admitted_at": p.admitted_at,
                "admission_documents": p.admission_documents,
                "admission_check": p.admission_check,
                "case_authority": p.authority,
                "charges": p.charge,
                "case_no": p.case_no,
                "legal_status": p.legal_status,
                "stage": p.stage,
                "stage_started_on": p.stage_started_on,
                "multiple_or_gang": p.gang,
                "warning_notice_sent_on": p.warning_notice_sent_on,
                "sentence_kind": p.sentence_kind,
                "sentence_text": p.sentence_text,
                "sentence_months": p.sentence_months,
                "term_start": p.term_start,
                "term_end": p.term_end,
                "judgment_effective_on": p.judgment_effective_on,
                "execution_notice_received_on": p.notice_on,
                "property_items": p.property_items,
                "discharged_on": p.discharged_on,
                "discharge_kind": p.discharge_kind,
                "discharge_documents": p.discharge_documents,
                "notes": p.notes,
            },
        )
        events = p.events
        archive = self.cfg.full_history_days
        if (
            archive is not None
            and p.discharged_on is not None
            and (self.today - p.discharged_on).days > archive
        ):
            events = [ev for ev in events if ev.kind in ARCHIVE_KINDS]
        for ev in events:
            w.add(
                CustodyEvent,
                {
                    "id": self.id(),
                    "detainee_id": p.id,
                    "kind": ev.kind,
                    "occurred_on": ev.on,
                    "extension_months": ev.extension_months,
                    "extension_days": ev.extension_days,
                    "legal_basis": ev.legal_basis,
                    "authority": ev.authority,
                    "document_no": ev.document_no,
                    "note": ev.note,
                },
            )
            if ev.kind in STAGE_CHANGE_KINDS:
                self.tally(ev.on, "handovers")
        self.population_delta[p.d0] += 1
        self.tally(p.d0, "admissions")
        if p.discharged_on is not None:
            self.population_delta[p.discharged_on] -= 1
            self.tally(p.discharged_on, "discharges")
        if p.serve_decided_on is not None:
            self.serving_delta[p.serve_decided_on] += 1
            if p.discharged_on is not None:
                self.serving_delta[p.discharged_on] -= 1
        # the talks every detainee gets, when they fall in the work window
        talk_day = self.next_workday(p.d0 + timedelta(days=1), 2)
        if self.in_window(talk_day) and p.held_on(talk_day):
            self.talk(p, talk_day, "new_admission")
        transfer_talk: uuid.UUID | None = None
        if p.delivered_on is not None:
            day = workday_on_or_before(p.delivered_on - timedelta(days=rng.randint(1, 3)))
            if self.in_window(day) and p.held_on(day):
                transfer_talk = self.talk(p, day, "pre_prison_transfer")
        elif p.discharge_kind == "released" and p.term_end is not None and p.discharged_on is not None:
            last = workday_on_or_before(p.discharged_on - timedelta(days=1))
            if rng.random() < 0.6 and self.in_window(last) and p.held_on(last):
                self.talk(p, last, "pre_release")
        self.delivery_check(p, transfer_talk)

    def delivery_check(self, p: Person, transfer_talk: uuid.UUID | None) -> None:
        rng = self.rng
        j = p.judgment_effective_on
        if j is None:
            return
        recent = j >= self.work_start - timedelta(days=120) or p.discharged_on is None
        if not (self.cfg.keep_everyone is False or recent):
            return
        row: Row = {
            "id": self.id(),
            "detainee_id": p.id,
            "judgment_effective_on": j,
            "documents_received_on": p.notice_on,
            "delivery_due": None,
            "sentence_kind": p.sentence_kind,
            "term_end": p.term_end,
            "reference_date": p.notice_on,
            "remaining_term_days": None,
            "decision": None,
            "pre_transfer_talk_id": transfer_talk,
            "escort_plan_noted": False,
            "property_check": [],
            "delivered_on": p.delivered_on,
            "receiving_institution": p.receiving_institution,
            "prison_refused": False,
            "refusal_escalated_on": None,
            "outside_execution_form_sent_on": None,
            "note": None,
        }
        if p.discharged_on == j and p.discharge_kind == "released" and p.sentence_kind != "probation":
            return  # released at the judgment (term served, fine only, no punishment): nothing to deliver
        if p.sentence_kind in ("probation", "fine_only", "none"):
            if p.sentence_kind != "probation":
                return
            sent = j + timedelta(days=rng.randint(1, 3))
            row["outside_execution_form_sent_on"] = sent if sent <= self.cutoff else None
            row["note"] = "判处缓刑，已向社区矫正机构所在地检察院送达监外执行罪犯出所告知表"
        else:
            if p.notice_on is not None and p.term_end is not None:
                row["remaining_term_days"] = (p.term_end - p.notice_on).days
                serve = p.serve_decided_on is not None or p.sentence_kind == "detention_sentence"
                if p.sentence_kind == "detention_sentence":
                    row["decision"] = "detention_sentence_in_center"
                elif serve:
                    row["decision"] = "serve_in_center"
                else:
                    row["delivery_due"] = p.notice_on + timedelta(days=30)
                    juvenile = age_on(p.birth, p.notice_on) < 18
                    row["decision"] = "deliver_to_juvenile_institution" if juvenile else "deliver_to_prison"
            if p.delivered_on is not None:
                row["escort_plan_noted"] = True
                checks = [{"item": it["item"], "outcome": "handed_over"} for it in p.property_items]
                if rng.random() < 0.03 and checks:
                    checks[0]["outcome"] = "missing"
                    row["note"] = f"{checks[0]['item']}未找到，已要求看守所查明"
                row["property_check"] = checks
                if rng.random() < 0.01:
                    row["prison_refused"] = True
                    row["refusal_escalated_on"] = p.delivered_on
                    row["note"] = "监狱以体检不合格为由拒收，已报告检察长，经协调后次日收押"
        self.writer.add(ExecutionDeliveryCheck, row)

    # --- talks -------------------------------------------------------------------------------------

    def talk(
        self,
        p: Person,
        day: date,
        talk_type: str,
        *,
        letter_id: uuid.UUID | None = None,
        issue: str | None = None,
    ) -> uuid.UUID:
        rng = self.rng
        interviewers = self.officers()
        if issue is None and talk_type in ("complainant", "requested", "routine") and rng.random() < 0.2:
            issue = rng.choice(v.TALK_ISSUES)[0]
        qa = [v.TALK_OPENERS[talk_type]]
        if talk_type != "new_admission" and "打骂" not in qa[0]:
            qa.append("问：在所内有无被打骂、体罚、虐待的情况？\n答：没有。")
        qa.append("问：伙食、放风、就医能否保障？\n答：" + ("基本可以。" if issue else "都可以。"))
        if issue:
            qa.append("问：还有什么要反映的？\n答：" + issue + "。")
        qa.append("问：以上所说是否属实？\n答：属实。")
        tid = self.id()
        self.writer.add(
            Talk,
            {
                "id": tid,
                "talk_at": at(day, rng.randint(9, 16), rng.randrange(60)),
                "place": rng.choice(v.TALK_PLACES),
                "detainee_id": p.id,
                "detainee_snapshot": p.snapshot(day),
                "talk_type": talk_type,
                "interviewer_ids": interviewers,
                "recorder_id": uuid.UUID(interviewers[-1]),
                "qa_text": "\n".join(qa),
                "issues_raised": issue is not None,
                "issues_summary": issue,
                "handling_opinion": rng.choice(v.HANDLING) if issue else None,
                "detainee_signed": rng.random() < 0.97,
                "fingerprinted": rng.random() < 0.95,
                "confidential": talk_type == "complainant" and rng.random() < 0.5,
                "linked_letter_id": letter_id,
            },
        )
        self.tally(day, "talks")
        self.tally(day, "talk:" + talk_type)
        if issue is not None and rng.random() < 0.4:
            basis = dict(v.TALK_ISSUES).get(issue)
            self.finding(
                day,
                issue.removeprefix("反映"),
                "talk",
                p.cell_on(day)[0],
                [p],
                talk_id=tid,
                legal_basis=basis,
            )
        return tid

    def held(self, d: date, *, where: Callable[[Person], bool] | None = None) -> Person | None:
        pool = self.pool
        if not pool:
            return None
        for _ in range(40):
            p = pool[self.rng.randrange(len(pool))]
            if p.held_on(d) and (where is None or where(p)):
                return p
        return None

    # --- findings and oral corrections -----------------------------------------------------------------

    def finding(
        self,
        day: date,
        description: str,
        source: str,
        location: str | None,
        persons: Sequence[Person] = (),
        *,
        severity: str | None = None,
        patrol_id: uuid.UUID | None = None,
        talk_id: uuid.UUID | None = None,
        letter_id: uuid.UUID | None = None,
        oral: bool = True,
        links: Row | None = None,
        legal_basis: str | None = None,
    ) -> uuid.UUID:
        rng = self.rng
        severity = severity or rng.choice(("flaw", "hazard", "minor_violation"))
        fid = self.id()
        row: Row = {
            "id": fid,
            "found_on": day,
            "description": description,
            "location": location,
            "detainee_ids": [str(p.id) for p in persons],
            "evidence": None,
            "severity": severity,
            "source": source,
            "patrol_id": patrol_id,
            "talk_id": talk_id,
            "letter_id": letter_id,
            "oral_correction_id": None,
            "rectification_notice_id": None,
            "procuratorial_suggestion_id": None,
            "resolved_on": None,
            "found_at": None,
        }
        if source == "video":
            row["evidence"] = "监控录像截图三张"
        if links:
            row.update(links)
        elif oral and severity in ("flaw", "hazard", "minor_violation") and rng.random() < 0.7:
            oid, corrected_on = self.oral_correction(day, description, source, legal_basis)
            row["oral_correction_id"] = oid
            row["resolved_on"] = corrected_on
        self.writer.add(Finding, row)
        self.tally(day, "findings")
        return fid

    def oral_correction(
        self,
        found: date,
        facts: str,
        source: str,
        legal_basis: str | None,
        *,
        corrected: bool | None = None,
        through_notice: date | None = None,
    ) -> tuple[uuid.UUID, date | None]:
        """An oral correction; ``through_notice``: not corrected in time, but the notice escalating it
        was verified 已整改 on that day, which records it as corrected (as the app's 核实整改 does)."""
        rng = self.rng
        issued = found if rng.random() < 0.6 else self.next_workday(found + timedelta(days=1), 1)
        issued = min(issued, self.cutoff)
        if corrected is None:
            corrected = rng.random() < 0.85
        corrected_on = issued + timedelta(days=rng.randint(1, 6)) if corrected else None
        if corrected_on is not None and corrected_on > self.cutoff:
            corrected_on = None
        how = "实地查看并调看监控，确认已整改" if corrected_on else None
        if through_notice is not None:
            corrected_on = through_notice
            how = f"经纠正违法通知书督促整改，核实整改到位：{NOTICE_VERIFIED_NOTE}"
        oid = self.id()
        self.writer.add(
            OralCorrection,
            {
                "id": oid,
                "issued_on": issued,
                "issuer_ids": self.officers(),
                "addressee_unit": self.station.detention_center,
                "addressee_person": rng.choice(v.ORAL_ADDRESSEES) + self.staff_name(),
                "source": source,
                "facts": facts,
                "legal_basis": legal_basis,
                "follow_up_due": issued + timedelta(days=7),
                "corrected": corrected_on is not None,
                "corrected_on": corrected_on,
                "verified_how": how,
            },
        )
        self.tally(issued, "oral_corrections")
        if corrected_on is not None and through_notice is None:
            self.tally(corrected_on, "corrections_verified")
        return oid, corrected_on

    def template_finding(self, item: str | None = None) -> tuple[str, str, str, str, str, str | None]:
        options = [f for f in v.FINDINGS if item is None or f[4] == item] or list(v.FINDINGS)
        return self.rng.choice(options)

    # --- a week of work ----------------------------------------------------------------------------

    def week_of_work(self, week: date) -> None:
        rng = self.rng
        days = [d for d in workdays(week, week + timedelta(days=6)) if self.in_window(d)]
        if not days:  # a holiday week (春节, 国庆): the duty staff still work
            days = [week + timedelta(days=i) for i in range(7) if self.in_window(week + timedelta(days=i))]
        if not days:
            return
        n = 1 if week in self.shortfall_weeks else rng.choice((2, 2, 3))
        for day in sorted(rng.sample(days, min(n, len(days)))):
            self.patrol(day)
        for _ in range(rng.randint(2, 4)):
            day = rng.choice(days)
            talk_type = rng.choices(
                ("routine", "requested", "complainant", "injury", "confinement", "gang_related", "other"),
                (40, 15, 15, 6, 6, 6, 4),
            )[0]
            if talk_type == "injury":
                p = self.held(day, where=lambda q: q.admission_check is not None) or self.held(day)
            elif talk_type == "gang_related":
                p = self.held(day, where=lambda q: q.gang) or self.held(day)
            else:
                p = self.held(day)
            if p is not None:
                self.talk(p, day, talk_type)
        self.mailbox(week, days)
        for _ in range(rng.randint(1, 3) if self.cfg.keep_everyone else rng.randint(1, 2)):
            self.lawyer_meeting(rng.choice(days))
        if not self.cfg.keep_everyone:
            if rng.random() < 0.04:
                self.incident(rng.choice(days), rng.choice(("self_harm", "injury", "disorder", "other")))
            if week < self.today - timedelta(days=230):
                if rng.random() < 0.35:
                    self.notice(
                        rng.choices(("closed", "reported_upward", "withdrawn"), (85, 8, 7))[0], days[-1]
                    )
                if rng.random() < 0.15:
                    self.suggestion(
                        rng.choices(("closed", "reported_upward", "withdrawn"), (85, 8, 7))[0], days[-1]
                    )

    def patrol(self, day: date) -> None:
        rng = self.rng
        start = time(rng.choice((9, 9, 10, 14, 15)), rng.choice((0, 10, 20, 30, 40)))
        end = time(start.hour + rng.randint(1, 2), rng.choice((0, 15, 30, 45)))
        blocks = rng.sample(v.ALL_BLOCKS, rng.randint(2, 4))
        places = rng.sample(v.KEY_PLACES, rng.randint(1, 3))
        methods = ["on_site"]
        methods += [m for m in ("video", "documents", "briefing") if rng.random() < 0.5]
        with_talk = rng.random() < 0.3
        if with_talk:
            methods.append("talk")
        segments: list[Row] = []
        if "video" in methods:
            for _ in range(rng.randint(1, 3)):
                block, cells = rng.choice(v.MALE_BLOCKS)
                night = day - timedelta(days=1)
                h = rng.choice((21, 22, 23))
                segments.append(
                    {
                        "camera": f"{block}{rng.choice(cells)}监室",
                        "from": f"{night.isoformat()} {h}:00",
                        "to": f"{night.isoformat()} {h + 1}:00",
                        "seen": rng.choice(v.VIDEO_SEEN),
                    }
                )
        checklist = {item: "ok" for item in v.PATROL_CHECKLIST}
        if rng.random() < 0.3:
            checklist["lawyer_meeting"] = "not_checked"
        issue_item = rng.choice(v.PATROL_CHECKLIST) if rng.random() < 0.25 else None
        if issue_item is not None:
            checklist[issue_item] = "issue"
        pid = self.id()
        self.writer.add(
            Patrol,
            {
                "id": pid,
                "patrol_date": day,
                "start_time": start,
                "end_time": end,
                "areas": blocks + places,
                "methods": methods,
                "video_segments": segments,
                "checklist": checklist,
                "participant_ids": self.officers(chief_p=0.1),
                "summary": "巡视"
                + "、".join(blocks + places)
                + ("，发现问题已当场指出" if issue_item else "，未发现异常"),
            },
        )
        self.tally(day, "patrols")
        self.tally(day, "video_reviews", len(segments))
        self.places.setdefault(day, set()).update(blocks + places)
        if issue_item is not None:
            desc, location, severity, _, _, basis = self.template_finding(issue_item)
            p = self.held(day)
            cell = p.cell_on(day)[1] if p else "103"
            self.finding(
                day,
                desc.format(cell=cell),
                "video" if "监控" in desc else "patrol",
                location,
                [p] if p and "{cell}" in desc else [],
                severity=severity,
                patrol_id=pid,
                legal_basis=basis,
            )
        if with_talk:
            p = self.held(day)
            if p is not None:
                self.talk(p, day, "during_patrol")

    def mailbox(self, week: date, days: list[date]) -> None:
        rng = self.rng
        wednesday = [d for d in days if d.weekday() == 2]
        day = wednesday[0] if wednesday else rng.choice(days)
        zero_week = self.cfg.keep_everyone and week == self.work_start + timedelta(weeks=2)
        count = 0 if zero_week or rng.random() < 0.12 else rng.randint(1, 4 if self.cfg.keep_everyone else 3)
        # the small demo always shows a confidential 举报 letter (in its fifth week)
        showcase = self.cfg.keep_everyone and week == self.work_start + timedelta(weeks=5)
        if showcase:
            count = max(count, 2)
        oid = self.id()
        letters: list[Row] = []
        writers: list[Person | None] = []
        lead = False
        for _ in range(count):
            category = "report" if showcase and not letters else self.pick(self.letter_categories)
            p = self.held(day) if rng.random() < 0.85 else None
            if day.year not in self.letter_serial and date(day.year, 1, 1) < self.work_start:
                # the register did not start with the demo: continue a plausible running number
                self.letter_serial[day.year] = (self.work_start - date(day.year, 1, 1)).days // 4
            self.letter_serial[day.year] += 1
            age = (self.cutoff - day).days
            review_due = day + timedelta(days=15)
            status, replied, transferred_to, transferred_on = "registered", None, None, None
            r = rng.random()
            if age >= 15:
                if r < 0.6:
                    status, replied = "closed", day + timedelta(days=rng.randint(3, 14))
                elif r < 0.85:
                    status, replied = "answered", day + timedelta(days=rng.randint(3, min(17, age)))
                elif r < 0.95:
                    status, transferred_to = "transferred", self.station.detention_center
                    transferred_on = day + timedelta(days=rng.randint(1, 3))
                else:
                    status = "in_review"  # past its 15-day review date: an overdue item
            elif age >= 6:
                if r < 0.5:
                    status = "in_review"
                elif r < 0.8:
                    status, replied = "answered", day + timedelta(days=rng.randint(2, age))
                else:
                    status, transferred_to = "transferred", self.station.detention_center
                    transferred_on = day + timedelta(days=rng.randint(1, 3))
            if category in ("report", "accusation") and rng.random() < 0.3:
                lead = True
            lid = self.id()
            writers.append(p)
            letters.append(
                {
                    "id": lid,
                    "opening_id": oid,
                    "serial_no": self.letter_serial[day.year],
                    "block": p.cell_on(day)[0] if p else None,
                    "detainee_id": p.id if p else None,
                    "category": category,
                    "subject": rng.choice(v.LETTER_SUBJECTS[category]),
                    "confidential": category in ("report", "accusation") and (rng.random() < 0.6 or showcase),
                    "accepted_on": day,
                    "status": status,
                    "handling": None if status == "registered" else "已登记，按规定办理",
                    "transferred_to": transferred_to,
                    "transferred_on": transferred_on,
                    "review_due": review_due,
                    "result": v.LETTER_RESULTS[category] if replied else None,
                    "replied_on": replied,
                }
            )
        self.writer.add(
            MailboxOpening,
            {
                "id": oid,
                "opened_at": at(day, rng.choice((9, 10, 15)), rng.randrange(60)),
                "mailbox_location": rng.choice(v.MAILBOX_LOCATIONS),
                "opener_ids": self.officers(),
                "letter_count": count,
                "has_valuable_lead": lead,
                "lead_summary": "来信反映有价值线索，已按规定移送" if lead else None,
            },
        )
        self.tally(day, "mailbox_openings")
        self.tally(day, "letters", count)
        for letter in letters:
            self.writer.add(MailboxLetter, letter)
        for letter, person in zip(letters, writers, strict=True):
            if person is None:
                continue
            if letter["category"] == "meeting_request":
                talk_day = self.next_workday(day + timedelta(days=1), 2)
                if talk_day <= self.cutoff and person.held_on(talk_day):
                    self.talk(person, talk_day, "requested", letter_id=letter["id"])
            elif letter["category"] == "accusation" and rng.random() < 0.4:
                desc = letter["subject"].removeprefix("控告").removeprefix("反映")
                self.finding(
                    day,
                    f"来信反映：{desc}",
                    "mailbox",
                    person.cell_on(day)[0],
                    [person],
                    letter_id=letter["id"],
                )

    def lawyer_meeting(self, day: date) -> None:
        rng = self.rng
        p = self.held(day, where=lambda q: q.segment_on(day)[2] != "convict")
        if p is None:
            return
        hour = rng.randint(9, 15)
        requested = at(day, hour, rng.randrange(60))
        r = rng.random()
        arranged: datetime | None
        refusal = None
        late = False
        if r < 0.93:  # same afternoon or the next working hours: within 48 hours
            if rng.random() < 0.4:
                arranged = at(day, hour + 2, rng.randrange(60))
            else:
                arranged = at(day + timedelta(days=1), rng.randint(9, 16), rng.randrange(60))
        elif r < 0.98:  # three days later: beyond 48 hours
            arranged, late = at(day + timedelta(days=3), rng.randint(9, 11), rng.randrange(60)), True
        else:
            arranged, refusal = None, "律师未携带律师执业证书原件，看守所未安排会见"
        if arranged is not None and local_date(arranged) > self.cutoff:
            arranged, late = at(day, hour + 2, rng.randrange(60)), False
        self.writer.add(
            LawyerMeetingCheck,
            {
                "id": self.id(),
                "detainee_id": p.id,
                "lawyer_name": self.staff_name(),
                "law_firm": rng.choice(v.LAW_FIRMS),
                "requested_at": requested,
                "arranged_at": arranged,
                "monitored": False,
                "police_present": False,
                "refusal_reason": refusal,
                "note": "超过四十八小时安排会见" if late else None,
            },
        )
        self.tally(day, "lawyer_checks")

    # --- incidents ---------------------------------------------------------------------------------

    def incident(self, day: date, kind: str, person: Person | None = None) -> None:
        rng = self.rng
        if person is None and kind != "public_health":
            person = self.held(day)
        if person is None and kind != "public_health":
            return
        hour = rng.randint(2, 5) if kind == "abnormal_death" else rng.randint(0, 23)
        occurred = at(day, hour, rng.randrange(60))
        cell = person.cell_on(day)[1] if person else ""
        description = v.INCIDENTS[kind].format(name=person.name if person else "", cell=cell)
        row: Row = {
            "id": self.id(),
            "kind": kind,
            "occurred_at": occurred,
            "detainee_ids": [str(person.id)] if person else [],
            "description": description,
            "reported_to_office_at": occurred + timedelta(minutes=rng.randint(10, 60)),
            "on_site_at": occurred + timedelta(minutes=rng.randint(40, 150)),
            "reported_to_chief_at": occurred + timedelta(minutes=rng.randint(60, 180)),
            "autopsy_at": None,
            "register_form_sent_on": None,
            "circuit_inspection_requested": False,
            "facility_conclusion": "看守所已调查处理并作出书面说明",
            "family_objection": None,
            "own_investigation": None,
            "conclusion_notified_on": None,
            "fault_assessment": None,
        }
        if kind == "abnormal_death":
            row.update(
                autopsy_at=occurred + timedelta(hours=rng.randint(10, 22)),
                register_form_sent_on=day + timedelta(days=1),
                circuit_inspection_requested=True,
                facility_conclusion="经尸体检验，系心源性猝死",
                family_objection="家属对死亡原因提出异议",
                own_investigation="本院依法调查，调取监控录像和病历资料，询问同监室人员，未发现殴打、体罚虐待情形",
                conclusion_notified_on=day + timedelta(days=35),
                fault_assessment="看守所值班民警巡视不及时，发现异常后处置延误，存在执法过错",
            )
        self.writer.add(Incident, row)
        self.tally(day, "incidents")
        if kind in ("injury", "disorder", "self_harm") and person is not None:
            self.finding(
                day,
                description,
                "other",
                person.cell_on(day)[0],
                [person],
                severity="hazard",
                legal_basis="《人民检察院刑事诉讼规则》第六百六十二条",
            )

    def small_incidents(self) -> None:
        t = self.cutoff
        for offset, kind in ((18, "self_harm"), (44, "injury"), (70, "disorder"), (100, "public_health")):
            day = workday_on_or_before(t - timedelta(days=offset))
            held = [p for p in self.everyone if p.held_on(day)]
            person = self.rng.choice(held) if held and kind != "public_health" else None
            if kind == "public_health" or person is not None:
                self.incident(day, kind, person)
        dead = self.scripted.get("death")
        if dead is not None and dead.discharged_on is not None:
            self.incident(dead.discharged_on, "abnormal_death", dead)

    # --- documents -------------------------------------------------------------------------------------

    def _numbered(self, state: str) -> bool:
        return state not in ("draft", "approved")

    def _doc_dates(self, state: str, served: date, reply_due: Callable[[date], date]) -> Row:
        """Approval, issue, service and reply dates consistent with ``state``; ``served`` anchors them."""
        rng = self.rng
        c = self.cutoff
        out: Row = {
            "approved_on": None,
            "issued_on": None,
            "served_on": None,
            "reply_due": None,
            "replied_on": None,
            "follow_ups": [],
        }
        if state == "draft":
            return out
        if state == "approved":
            out["approved_on"] = min(served, c)
            return out
        issued = workday_on_or_before(served - timedelta(days=rng.randint(0, 2)))
        out["approved_on"] = workday_on_or_before(issued - timedelta(days=rng.randint(0, 1)))
        out["issued_on"] = issued
        if state == "issued":
            return out
        out["served_on"] = served
        due = reply_due(served)
        out["reply_due"] = due
        if state in ("replied", "closed"):
            span = max((min(due, c) - served).days, 1)
            out["replied_on"] = served + timedelta(days=rng.randint(max(span // 2, 1), span))
        if state in ("followed_up", "reported_upward"):
            out["follow_ups"] = [
                {"on": (due + timedelta(days=2)).isoformat(), "how": "电话督促", "note": "要求尽快书面回复"}
            ]
        if state == "reported_upward":
            out["follow_ups"].append(
                {"on": (due + timedelta(days=9)).isoformat(), "how": "书面督促", "note": "发函督促，仍未回复"}
            )
        return out

    def _anchor(self, days_ago: int) -> date:
        return workday_on_or_before(self.today - timedelta(days=days_ago))

    def documents(self) -> None:
        """Both document kinds in every state, dated relative to today, then numbered in issue order."""
        # (state, trigger, days ago, what 核实整改 found: None before it is verified)
        notices: list[tuple[str, str, int, str | None]] = [
            ("draft", "overdue_custody", 1, None),
            ("approved", "serious_violation", 2, None),
            ("issued", "oral_not_corrected", 5, None),
            ("served", "serious_violation", 10, None),
            ("replied", "oral_not_corrected", 40, None),  # awaiting 核实整改
            ("replied", "serious_violation", 32, "not_corrected"),  # verified 未整改: awaiting 上报
            ("overdue", "serious_violation", 24, None),
            ("followed_up", "oral_not_corrected", 38, None),
            ("reported_upward", "major_incident", 75, None),
            ("review_requested", "serious_violation", 9, None),
            ("closed", "oral_not_corrected", 90, None),
            ("closed", "serious_violation", 160, None),
            ("withdrawn", "serious_violation", 62, None),
        ]
        suggestions: list[tuple[str, int]] = [
            ("draft", 1),
            ("approved", 3),
            ("issued", 6),
            ("served", 20),
            ("replied", 50),
            ("overdue", 75),
            ("followed_up", 100),
            ("reported_upward", 160),
            ("review_requested", 12),
            ("closed", 175),
            ("withdrawn", 60),
        ]
        made: list[tuple[type[Synced], Row, list[Row]]] = []
        for state, trigger, days_ago, outcome in notices:
            made.append(self._notice_rows(state, self._anchor(days_ago), trigger, outcome))
        for state, days_ago in suggestions:
            made.append(self._suggestion_rows(state, self._anchor(days_ago)))
        self._number_and_write(made)

    def notice(self, state: str, served: date) -> None:
        trigger = self.rng.choice(("serious_violation", "oral_not_corrected", "serious_violation"))
        self._number_and_write([self._notice_rows(state, served, trigger)])

    def suggestion(self, state: str, served: date) -> None:
        self._number_and_write([self._suggestion_rows(state, served)])

    def _number_and_write(self, made: list[tuple[type[Synced], Row, list[Row]]]) -> None:
        made.sort(key=lambda m: (m[1]["issued_on"] or date.max, m[1]["id"]))
        for model, row, findings in made:
            if self._numbered(row["state"]):
                year = row["issued_on"].year
                doc_type = model.__tablename__  # type: ignore[attr-defined]
                seq = self.take_number(doc_type, year)
                row.update(doc_year=year, doc_seq=seq, doc_number=self.numbering.format(doc_type, year, seq))
            self.writer.add(model, row)
            if row["replied_on"] is not None:
                self.tally(row["replied_on"], "replies")
            for f in findings:
                self.writer.add(Finding, f)
                self.tally(f["found_on"], "findings")

    def take_number(self, doc_type: str, year: int) -> int:
        """The next 文号 sequence number, in issue order. Where this device holds a number block for the
        year (``init`` grants one for the current year), the number is taken from it, as signing does,
        so documents signed later in the demo database continue the sequence instead of colliding."""
        if (doc_type, year) in self.blocks:
            try:
                with self.store.session() as s:
                    return issue_number(s, doc_type, year)
            except NumbersExhaustedError:
                self.blocks.discard((doc_type, year))
                with self.store.session() as s:
                    last = s.scalar(
                        select(func.max(NumberBlock.last_seq)).where(
                            NumberBlock.doc_type == doc_type, NumberBlock.year == year
                        )
                    )
                self.serials.advance_to("doc:" + doc_type, year, int(last or 0))
        return self.serials.next("doc:" + doc_type, year)

    def _doc_base(self, state: str, dates: Row) -> Row:
        rng = self.rng
        approved = dates["approved_on"] is not None
        served = dates["served_on"] is not None
        return {
            "id": self.id(),
            "state": state,
            "issuer_name": self.station.procuratorate,
            "addressee": self.station.detention_center,
            "doc_year": None,
            "doc_seq": None,
            "doc_number": None,
            "approved_by": self.chief[1] if approved else None,
            **dates,
            "service_method": ("announced" if rng.random() < 0.2 else "written") if served else None,
            "receiver_name": self.staff_name() if served else None,
            "reply_text": None,
            "adopted": None,
            "copy_to": [self.station.higher_procuratorate or v.CITY_PROCURATORATE, v.CITY_POLICE],
        }

    def _doc_finding(
        self, found: date, description: str, source: str, links: Row, persons: Sequence[Person]
    ) -> Row:
        return {
            "id": self.id(),
            "found_on": found,
            "description": description,
            "location": None,
            "detainee_ids": [str(p.id) for p in persons],
            "evidence": None,
            "severity": "serious_violation",
            "source": source,
            "patrol_id": None,
            "talk_id": None,
            "letter_id": None,
            "oral_correction_id": None,
            "rectification_notice_id": None,
            "procuratorial_suggestion_id": None,
            "resolved_on": None,
            "found_at": None,
            **links,
        }

    def _notice_rows(
        self, state: str, anchor: date, trigger: str, outcome: str | None = None
    ) -> tuple[type[Synced], Row, list[Row]]:
        """A notice in ``state``; a 'replied' one with ``outcome`` (not_corrected / partly) was verified
        as not (fully) corrected and waits for 上报, without it it waits for 核实整改."""
        rng = self.rng
        dates = self._doc_dates(state, anchor, lambda s: s + timedelta(days=15))
        row = self._doc_base(state, dates)
        center = self.station.detention_center
        person: Person | None = None
        oral_id: uuid.UUID | None = None
        violated: str | None
        found = workday_on_or_before((dates["approved_on"] or anchor) - timedelta(days=rng.randint(2, 6)))
        if trigger == "overdue_custody":
            person = self.scripted.get("overdue_investigation") if state == "draft" else None
            if person is not None:
                deadline = add_months(person.stage_started_on, 2)
                facts_t, violated, requests = v.OVERDUE_NOTICE
                facts = facts_t.format(
                    name=person.name,
                    charge=person.charge,
                    arrest=cn_date(person.stage_started_on),
                    deadline=cn_date(deadline),
                    police=person.police,
                    center=center,
                )
                row["addressee"] = person.police
                found = self.cutoff
            else:
                trigger = "serious_violation"
        if trigger != "overdue_custody":
            options = [n for n in v.NOTICE_FACTS if n[0] == trigger]
            _, facts_t, violated, requests = rng.choice(options)
            held = self.held(found) if self.pool else None
            name = held.name if held else self.person_name("male")
            cell = held.cell_on(found)[1] if held else "203"
            issue_t = rng.choice(v.FINDINGS)
            issue = issue_t[0].format(cell=cell)
            if trigger == "oral_not_corrected":  # the provision the uncorrected finding breached
                violated = issue_t[5]
            oral_day = workday_on_or_before(found - timedelta(days=rng.randint(9, 14)))
            facts = facts_t.format(
                center=center, cell=cell, name=name, oral_date=cn_date(oral_day), issue=issue
            )
            if trigger == "oral_not_corrected":
                through = self._verify_day(dates["replied_on"]) if state == "closed" else None
                oral_id, _ = self.oral_correction(
                    oral_day, issue, "patrol", violated, corrected=False, through_notice=through
                )
            person = held if "{name}" in facts_t else None
        row.update(
            trigger=trigger,
            oral_correction_id=oral_id,
            detainee_id=person.id if person else None,
            discovery=f"本院驻所检察室于{cn_date(found)}在巡视检察中发现",
            facts=facts,
            violated_provision=violated,
            basis_provision=notice_basis_for(trigger),
            correction_requests=requests,
            reply_period_days=15,
            correction_status=None,
            reported_upward_on=None,
            review_requested_on=None,
            review_decided_on=None,
            review_result=None,
        )
        served = dates["served_on"]
        # As in the app: the reply is registered first, then 核实整改 sets correction_status (已整改 closes
        # the notice; 未整改 / 部分整改 leave it 已回复, to be reported upward).
        if state == "closed":
            row.update(reply_text=v.NOTICE_REPLY_DONE, adopted=True, correction_status="corrected")
            self._verified(row, "corrected", NOTICE_VERIFIED_NOTE)
        elif state == "replied" and outcome is not None:
            row.update(reply_text=v.NOTICE_REPLY_NOT_DONE, correction_status=outcome)
            self._verified(row, outcome, "经实地查看核实，所列问题尚未整改到位")
        elif state == "replied":  # awaiting 核实整改
            row["reply_text"] = v.NOTICE_REPLY_CLAIMED
        if state == "reported_upward":
            row["reported_upward_on"] = min(dates["reply_due"] + timedelta(days=16), self.cutoff)
        if state in ("review_requested", "withdrawn"):
            row["review_requested_on"] = served + timedelta(days=rng.randint(3, 5))
        if state == "withdrawn":
            row["review_decided_on"] = row["review_requested_on"] + timedelta(days=6)
            row["review_result"] = "经复查，原认定事实有误，决定撤回本通知书"
        links = {"rectification_notice_id": row["id"], "oral_correction_id": oral_id}
        finding = self._doc_finding(
            found,
            facts,
            "ledger" if trigger == "overdue_custody" else "patrol",
            links,
            [person] if person else [],
        )
        if state == "closed":
            finding["resolved_on"] = row["verified_on"]
        row.pop("verified_on", None)
        return RectificationNotice, row, [finding]

    def _verify_day(self, replied_on: date) -> date:
        return min(replied_on + timedelta(days=3), self.cutoff)

    def _verified(self, row: Row, outcome: str, note: str) -> None:
        """核实整改 a few days after the reply, kept in the notice's history as the app keeps it."""
        on = self._verify_day(row["replied_on"])
        row["verified_on"] = on
        entry = {"on": on.isoformat(), "how": lifecycle.VERIFY_HOW, "note": note}
        row["follow_ups"] = [*row["follow_ups"], entry]

    def _suggestion_rows(self, state: str, anchor: date) -> tuple[type[Synced], Row, list[Row]]:
        rng = self.rng
        dates = self._doc_dates(state, anchor, lambda s: add_months(s, 2))
        row = self._doc_base(state, dates)
        facts_t, cause, recommendations = rng.choice(v.SUGGESTIONS)
        facts = facts_t.format(center=self.station.detention_center)
        served = dates["served_on"]
        row.update(
            case_source="本院驻所检察室在日常巡视检察中发现",
            facts_found=facts,
            problems=facts,
            cause_analysis=cause,
            legal_basis=SUGGESTION_BASIS,
            recommendations=list(recommendations),
            objection_period_days=7,
            reply_period_months=2,
            effect_evaluation=None,
            revisit_on=None,
            escalated_on=None,
            escalated_to=None,
        )
        if state in ("replied", "closed"):  # adopted is what the verification found (closed only)
            row.update(reply_text="已采纳建议，制定整改方案并逐项落实", adopted=state == "closed" or None)
        if state == "closed":
            row["effect_evaluation"] = "经回访，建议事项已落实到位，整改效果良好"
            row["revisit_on"] = min(row["replied_on"] + timedelta(days=30), self.cutoff)
        if state == "reported_upward":
            row["escalated_on"] = min(dates["reply_due"] + timedelta(days=10), self.cutoff)
            row["escalated_to"] = self.station.higher_procuratorate or v.CITY_PROCURATORATE
        if state in ("review_requested", "withdrawn"):
            objection = served + timedelta(days=rng.randint(3, 5))
            row["follow_ups"] = [
                {
                    "on": objection.isoformat(),
                    "how": "异议",
                    "note": "被建议单位对建议第一项提出异议，申请复查",
                }
            ]
        if state == "withdrawn":
            row["effect_evaluation"] = "经复查，建议所依据的事实已发生变化，决定撤回本建议"
        found = workday_on_or_before((dates["approved_on"] or anchor) - timedelta(days=rng.randint(3, 10)))
        finding = self._doc_finding(found, facts, "patrol", {"procuratorial_suggestion_id": row["id"]}, [])
        finding["severity"] = "hazard"
        if state == "closed":
            finding["resolved_on"] = row["revisit_on"]
        return ProcuratorialSuggestion, row, [finding]

    # --- pre-holiday inspections and daily logs ------------------------------------------------------

    def preholiday_inspections(self) -> None:
        rng = self.rng
        start = self.work_start if not self.cfg.keep_everyone else self.today - timedelta(days=400)
        for year in range(start.year, self.today.year + 1):
            for holiday, day in (
                ("spring_festival", SPRING_FESTIVAL.get(year)),
                ("national_day", date(year, 10, 1)),
            ):
                if day is None:
                    continue
                inspected = workday_on_or_before(day - timedelta(days=rng.randint(3, 8)))
                if not start <= inspected <= self.cutoff:
                    continue
                checklist = {item: "ok" for item in v.PREHOLIDAY_CHECKLIST}
                issue = rng.choice(v.PREHOLIDAY_CHECKLIST) if rng.random() < 0.6 else None
                if issue:
                    checklist[issue] = "issue"
                pid = self.id()
                label = "春节" if holiday == "spring_festival" else "国庆节"
                self.writer.add(
                    PreholidayInspection,
                    {
                        "id": pid,
                        "holiday": holiday,
                        "holiday_year": year,
                        "inspected_on": inspected,
                        "joint_units": [
                            self.station.name,
                            v.ARMED_POLICE,
                            "毕节市公安局七星关分局",
                            self.station.detention_center,
                        ],
                        "areas": list(v.ALL_BLOCKS + v.KEY_PLACES),
                        "checklist": checklist,
                        "summary": f"{label}前联合武警中队、公安分局对看守所进行全面安全大检查"
                        + ("，发现问题已当场反馈" if issue else "，未发现安全隐患"),
                        "joint_meeting_notes": "召开节前安全工作联席会议，部署节日期间值班备勤和应急处置工作",
                    },
                )
                if issue:
                    desc = {
                        "fire_safety": "部分灭火器压力不足",
                        "security_facilities": "围墙周界报警装置灵敏度下降",
                        "contraband_search": "清监发现私藏药品",
                    }.get(issue, "节前检查发现管理薄弱环节")
                    self.finding(inspected, desc, "other", "看守所", severity="hazard")

    def _short_day(self, days: list[date]) -> date | None:
        """A working day with one person on site (the roster and the daily logs agree on it)."""
        return days[len(days) // 2] if self.cfg.keep_everyone and days else None

    def make_roster(self) -> None:
        """值班与在岗: the staff, the plan to the end of next month, the sign-ins (inspector.demo.roster)."""
        me = self.store.actor.user_id
        mine = None
        if me is not None:
            user = self.store.repo(AppUser).get(me)
            mine = (me, user.display_name) if user is not None else None
        self.roster = make_roster(
            rng=random.Random(f"roster-{self.seed}"),
            station_id=self.store.station_id,
            start=self.work_start,
            today=self.today,
            short_day=self._short_day(workdays(self.work_start, self.cutoff)),
            procurators=[(u, self.user_names[u]) for u in self.procurators],
            chief=self.chief,
            me=mine,
            new_id=self.id,
            add=self.writer.add,
        )

    def ledger_work(self) -> None:
        """台账审查 and 监督线索: two imports and the leads of yesterday's scan (inspector.demo.ledgers)."""
        work = LedgerWork(
            store=self.store,
            user_id=self.procurators[0],
            new_id=self.id,
            add=self.writer.add,
            flush=self.writer.flush,
            oral_finding=self.lead_finding,
        )
        make_ledger_work(work, self.today)

    def lead_finding(
        self, day: date, facts: str, legal_basis: str, detainee_id: uuid.UUID | None
    ) -> tuple[uuid.UUID, uuid.UUID]:
        """A verified lead raised as an oral correction: the finding (source 台账审查) and the correction."""
        oid, corrected_on = self.oral_correction(day, facts, "ledger", legal_basis, corrected=False)
        links: Row = {
            "oral_correction_id": oid,
            "resolved_on": corrected_on,
            "detainee_ids": [str(detainee_id)] if detainee_id is not None else [],
            "evidence": "监督线索（台账审查）",
        }
        fid = self.finding(day, facts, "ledger", None, severity="minor_violation", links=links)
        return fid, oid

    def daily_logs(self) -> None:
        rng = self.rng
        days = workdays(self.work_start, self.cutoff)
        if not days:
            return
        population, serving = 0, 0
        pop_days = sorted(self.population_delta)
        serve_days = sorted(self.serving_delta)
        pi = si = 0
        short_day = self._short_day(days)
        for i, day in enumerate(days):
            while pi < len(pop_days) and pop_days[pi] <= day:
                population += self.population_delta[pop_days[pi]]
                pi += 1
            while si < len(serve_days) and serve_days[si] <= day:
                serving += self.serving_delta[serve_days[si]]
                si += 1
            c = self.day.get(day, Counter())
            signed = self.roster.signed_users.get(day) if self.roster is not None else None
            staff = [str(u) for u in self.procurators]
            if signed is not None:  # who signed in (with an account), as the roster has it
                staff = signed
            elif day == short_day:
                staff = staff[:1]
            elif rng.random() < 0.15:
                staff.append(str(self.chief[0]))
            talks = {k.removeprefix("talk:"): n for k, n in sorted(c.items()) if k.startswith("talk:")}
            counts = {
                "population": population,
                "serving_in_center": serving,
                "admissions": c["admissions"],
                "discharges": c["discharges"],
                "handovers": c["handovers"],
                "patrols": c["patrols"],
                "video_reviews": c["video_reviews"],
                "talks": {"total": c["talks"], **talks},
                "mailbox": {"openings": c["mailbox_openings"], "letters": c["letters"]},
                "issues_found": c["findings"],
                "oral_corrections": c["oral_corrections"],
                "lawyer_meeting_checks": c["lawyer_checks"],
                "incidents": c["incidents"],
            }
            parts = [f"在押{population}人，新收押{c['admissions']}人，出所{c['discharges']}人"]
            if c["patrols"]:
                parts.append(f"巡视{c['patrols']}次")
            if c["talks"]:
                parts.append(f"个别谈话{c['talks']}人次")
            if c["mailbox_openings"]:
                parts.append(f"开启检察官信箱，收信{c['letters']}封")
            if c["oral_corrections"]:
                parts.append(f"口头纠正{c['oral_corrections']}件")
            feedback = []
            if c["replies"]:
                feedback.append(f"收到书面回复{c['replies']}件")
            if c["corrections_verified"]:
                feedback.append(f"口头纠正整改到位{c['corrections_verified']}件")
            if day.weekday() == 0:
                other = "周检察：审查上周收押、出所、换押台账"
            elif day.day <= 3 and i > 0 and days[i - 1].month != day.month:
                other = "月检察：核对在押人员羁押期限，审查留所服刑人员台账"
            else:
                other = None
            self.writer.add(
                DailyLog,
                {
                    "id": self.id(),
                    "log_date": day,
                    "author_id": self.procurators[i % len(self.procurators)],
                    "staff_on_duty": staff,
                    "counts": counts,
                    "places_inspected": sorted(self.places.get(day, set())),
                    "supervision_summary": "；".join(parts) + "。",
                    "adoption_feedback": "；".join(feedback) + "。" if feedback else None,
                    "other_work": other,
                    "confirmed": i < len(days) - 1,
                },
            )


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return d.replace(year=d.year - years, day=28)


def _elapsed_for(deadline: date, *, months: int, ref: date) -> int:
    """Days in a stage for which its start + ``months`` months is ``deadline`` (or the nearest later day)."""
    best = 1
    for e in range(1, 400):
        end = add_months(ref - timedelta(days=e), months)
        if end <= deadline:
            return e if end == deadline else best
        best = e
    return best


__all__ = [
    "DEMO_META_KEY",
    "DEMO_STATION",
    "DemoConfig",
    "DemoSummary",
    "generate",
    "generate_with",
    "is_demo",
    "mark_demo",
]
