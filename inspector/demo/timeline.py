"""One detainee's path through the criminal process: stages, custody events, sentence and discharge.

A path is drawn first as a list of :class:`Step` s (stage + duration, extensions, appeal ...) and what
follows the effective judgment (:class:`Post`); :meth:`Timeline.materialise` then walks it from the day of
detention, emitting custody events and stopping at the cutoff (the day before ``today``) — the stage it
stops in is the detainee's current stage. Every duration stays within the legal limit, so a detainee is
only ever near or past a custody deadline when a caller asks for it (:func:`plan_targeted` with ``e``).

Two ways to get a path:

* forward (:func:`draw_path`): from a given admission day, with realistic branch probabilities;
* targeted (:func:`plan_targeted`): "in stage S since ``e`` days" — the earlier stages are drawn and the
  admission day is computed backwards, so every stage can be shown and deadlines can be placed exactly.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from inspector.demo import vocab as v
from inspector.demo.dates import add_months, at

# Events that change the organ in charge: each comes with a 换押 (counted as one in the daily log).
STAGE_CHANGE_KINDS = frozenset(
    {
        "transferred_for_prosecution",
        "returned_for_investigation",
        "retransferred",
        "indicted",
        "second_instance_accepted",
        "remanded",
    }
)

SUSPECT_STAGES = frozenset(
    {
        "detention",
        "own_case_detention",
        "supervision_detention",
        "arrest_review",
        "investigation",
        "prosecution_review",
        "supplementary_investigation",
    }
)
# 拘留 by the procuratorate in its own case (CPL art 167) and 先行拘留 of a 监察 case (CPL art 170): held
# now only, a few days in, so their limits (14 / 10 days) still run.
OTHER_DETENTIONS = {"own_case_detention": "七检刑拘", "supervision_detention": "七检先拘"}
TRIAL_STAGES = frozenset({"first_instance", "summary_trial", "fast_track_trial"})

CPL = "《中华人民共和国刑事诉讼法》"
DETENTION_DAYS = 3  # 拘留 → 提请审查批准逮捕 (CPL art 91) ...
DETENTION_EXTRA_DAYS = 4  # ... extended by 1 to 4 days in special cases


def new_id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


class Serials:
    """Running numbers per (series, year), for case and document numbers."""

    def __init__(self) -> None:
        self._n: dict[tuple[str, int], int] = {}

    def next(self, series: str, year: int) -> int:
        n = self._n.get((series, year), 0) + 1
        self._n[(series, year)] = n
        return n

    def advance_to(self, series: str, year: int, n: int) -> None:
        """Continue after ``n`` (numbers up to ``n`` are taken elsewhere)."""
        self._n[(series, year)] = max(self._n.get((series, year), 0), n)


@dataclass
class Event:
    kind: str
    on: date
    authority: str | None = None
    document_no: str | None = None
    legal_basis: str | None = None
    note: str | None = None
    extension_months: int | None = None
    extension_days: int | None = None


@dataclass
class Step:
    stage: str
    days: int | None = None  # None: still in this stage at the cutoff
    ext_at: tuple[int, ...] = ()  # offsets of the extension events
    judgment_at: int | None = None  # trial: offset of the first-instance judgment
    appeal_at: int | None = None  # trial: offset of the appeal (the step then ends at the 二审 acceptance)
    resume: bool = False  # prosecution_review after 退补; first_instance after 发回重审
    file_review: tuple[int, int] | None = None  # second instance: 阅卷 start/end offsets
    release_kind: str | None = None  # closing "discharged" step
    release_note: str | None = None


@dataclass
class Post:
    """What follows the effective judgment."""

    kind: str  # "release" (缓刑/罚金/免刑), "detention_sentence" (拘役), "fixed" (有期徒刑)
    months: int = 0
    force: str | None = None  # "deliver" / "serve": fit the term to it
    notice_at: int = 5  # days from the effective judgment to the 执行通知书
    act_at: int = 10  # days from the notice to the delivery or the 留所服刑 decision
    retrial_at: int | None = None  # days from the notice to a 再审 decision
    retrial_days: int | None = None  # None: still in retrial at the cutoff
    open_stage: str | None = None  # awaiting_execution / serving_in_center kept open at the cutoff


@dataclass
class Person:
    id: uuid.UUID
    index: int
    gender: str
    juvenile: bool
    charge: str
    charge_kind: str
    gang: bool
    police: str
    d0: date = date.min
    name: str = ""
    birth: date = date.min
    id_number: str = ""
    ethnicity: str = "汉族"
    admitted_at: datetime | None = None
    block: str = ""
    cell: str = ""
    serve_block: str = ""
    serve_cell: str = ""
    segments: list[tuple[date, str, str]] = field(default_factory=list)  # (start, stage, legal status)
    events: list[Event] = field(default_factory=list)
    authority: str = ""
    case_no: str = ""
    admission_documents: list[dict[str, Any]] = field(default_factory=list)
    admission_check: str | None = None
    property_items: list[dict[str, Any]] = field(default_factory=list)
    sentence_kind: str | None = None
    sentence_text: str | None = None
    sentence_months: int | None = None
    term_start: date | None = None
    term_end: date | None = None
    judgment_effective_on: date | None = None
    notice_on: date | None = None
    serve_decided_on: date | None = None
    delivered_on: date | None = None
    receiving_institution: str | None = None
    discharged_on: date | None = None
    discharge_kind: str | None = None
    discharge_documents: list[dict[str, Any]] = field(default_factory=list)
    warning_notice_sent_on: date | None = None
    retrial: bool = False
    notes: str | None = None

    # --- state at a date ------------------------------------------------------------------------

    @property
    def stage(self) -> str:
        return self.segments[-1][1]

    @property
    def stage_started_on(self) -> date:
        return self.segments[-1][0]

    @property
    def legal_status(self) -> str:
        return self.segments[-1][2]

    def held_on(self, d: date) -> bool:
        return self.d0 <= d and (self.discharged_on is None or d < self.discharged_on)

    def segment_on(self, d: date) -> tuple[date, str, str]:
        current = self.segments[0]
        for seg in self.segments:
            if seg[0] > d:
                break
            current = seg
        return current

    def cell_on(self, d: date) -> tuple[str, str]:
        if self.serve_decided_on is not None and d >= self.serve_decided_on and self.serve_cell:
            return self.serve_block, self.serve_cell
        return self.block, self.cell

    def snapshot(self, d: date) -> dict[str, Any]:
        """The particulars a talk record keeps, as they were on ``d``."""
        start, stage, status = self.segment_on(d)
        block, cell = self.cell_on(d)
        return {
            "name": self.name,
            "gender": self.gender,
            "birth_date": self.birth.isoformat(),
            "block": block,
            "cell": cell,
            "stage": stage,
            "stage_started_on": start.isoformat(),
            "legal_status": status,
            "admitted_on": self.d0.isoformat(),
            "charges": self.charge,
        }


def age_on(birth: date, d: date) -> int:
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


# --- drawing paths -------------------------------------------------------------------------------------


def _investigation(rng: random.Random) -> Step:
    r = rng.random()
    if r < 0.70:
        return Step("investigation", rng.randint(20, 56))
    if r < 0.93:  # art 156: +1 month (limit 3 months >= 89 days)
        return Step("investigation", rng.randint(62, 88), ext_at=(rng.randint(48, 56),))
    # + art 158: +2 months (limit 5 months >= 150 days)
    return Step("investigation", rng.randint(95, 145), ext_at=(rng.randint(48, 56), rng.randint(80, 86)))


def _prosecution(rng: random.Random, resume: bool) -> Step:
    if rng.random() < 0.82:
        return Step("prosecution_review", rng.randint(8, 27), resume=resume)
    return Step("prosecution_review", rng.randint(32, 42), ext_at=(rng.randint(20, 26),), resume=resume)


def _procedure(rng: random.Random, kind: str) -> str:
    weights = {
        "drive": (45, 40, 15),
        "light": (40, 35, 25),
        "medium": (15, 35, 50),
        "heavy": (0, 10, 90),
    }[kind]
    return rng.choices(("fast_track_trial", "summary_trial", "first_instance"), weights)[0]


# The shortest the 一审 审限 can be (CPL art 208): three months from the court's acceptance are at least
# 89 days (February), six (extended by the higher court) at least 181. The stage runs until the judgment
# takes effect or the 二审 accepts the appeal, so both fall within it: a past trial never reads 超期.
FIRST_INSTANCE_DAYS = 89
FIRST_INSTANCE_EXTENDED_DAYS = 181
APPEAL_PERIOD_DAYS = 10  # 上诉期 (CPL art 230): the judgment takes effect the day after
SHORT_TRIAL_DAYS = {"summary_trial": 20, "fast_track_trial": 10}  # CPL arts 220, 225


def _trial(
    rng: random.Random, procedure: str, *, resume: bool = False, appeal_p: float | None = None
) -> Step:
    ext: tuple[int, ...] = ()
    limit = FIRST_INSTANCE_DAYS  # 简易 / 速裁 end well before it; a past one reads as a 一审
    if procedure == "fast_track_trial":
        j, p = rng.randint(3, 9), 0.01
    elif procedure == "summary_trial":
        j, p = rng.randint(8, 19), 0.04
    elif rng.random() < 0.9:
        j, p = rng.randint(25, 85), 0.15
    else:  # extended by the higher court: limit 6 months
        j, p = rng.randint(95, 160), 0.15
        ext = (rng.randint(55, 80),)
        limit = FIRST_INSTANCE_EXTENDED_DAYS
    if appeal_p is not None:
        p = appeal_p
    if rng.random() < p:
        lodged, accepted = rng.randint(3, 9), rng.randint(8, 20)  # appeal; 二审 accepts it
        j = min(j, limit - lodged - accepted)
        appeal = j + lodged
        return Step(procedure, appeal + accepted, ext, j, appeal, resume)
    j = min(j, limit - APPEAL_PERIOD_DAYS - 1)
    return Step(
        procedure, j + APPEAL_PERIOD_DAYS + 1, ext, j, None, resume
    )  # effective after the appeal period


def _second_instance(rng: random.Random) -> Step:
    review = (rng.randint(2, 5), rng.randint(14, 28)) if rng.random() < 0.25 else None
    return Step("second_instance", rng.randint(25, 56), file_review=review)


def _trial_steps(rng: random.Random, kind: str, *, force_appeal: bool = False) -> list[Step]:
    first = _trial(rng, _procedure(rng, kind), appeal_p=1.0 if force_appeal else None)
    steps = [first]
    if first.appeal_at is not None:
        steps.append(_second_instance(rng))
        if not force_appeal and rng.random() < 0.08:  # 发回重审
            steps.append(_trial(rng, "first_instance", resume=True, appeal_p=0.0))
    return steps


def draw_post(rng: random.Random, kind: str) -> Post:
    release_p = {"drive": 0.25, "light": 0.12, "medium": 0.10, "heavy": 0.02}[kind]
    detention_p = {"drive": 0.75, "light": 0.15, "medium": 0.05, "heavy": 0.0}[kind]
    notice_at = rng.randint(2, 9)
    if rng.random() < release_p:
        return Post("release", notice_at=notice_at)
    if rng.random() < detention_p:
        return Post("detention_sentence", rng.randint(1, 6), notice_at=notice_at, act_at=rng.randint(1, 4))
    months = {"drive": (6, 12), "light": (6, 36), "medium": (8, 60), "heavy": (36, 180)}[kind]
    # delivered within the 30 days after the 执行通知书 (Rules 2019 art 625): a past stage never reads 超期
    act = rng.randint(5, 27)
    # No 再审 on a drawn path: the custody events have no kind for a 再审 decision (only its 换押), so a
    # finished one would read as the 交付执行 stage running past its deadline. The retrials of the
    # demo are those held now (plan_targeted), whose register shows the stage.
    return Post("fixed", rng.randint(*months), notice_at=notice_at, act_at=act)


def _discharge(kind: str, note: str) -> Step:
    return Step("discharged", release_kind=kind, release_note=note)


def draw_path(rng: random.Random, p: Person) -> tuple[list[Step], Post | None]:
    """A complete forward path, from detention to discharge.

    The branch rates follow the 少捕慎诉慎押 practice of recent years: many detainees leave before an
    arrest (bail, or the procuratorate does not approve the arrest), some are not prosecuted.
    """
    r = rng.random()
    if r < 0.18:
        kind, note = ("released", "治安拘留处理，释放") if r < 0.03 else ("bail", "变更强制措施为取保候审")
        return [Step("detention", rng.randint(2, 6)), _discharge(kind, note)], None
    steps = [
        Step("detention", rng.randint(7, 25) if p.gang else rng.randint(3, 7)),
        Step("arrest_review", rng.randint(4, 7)),
    ]
    if rng.random() < 0.25:
        return [*steps, _discharge("released", "检察院不批准逮捕，释放")], None
    steps.append(_investigation(rng))
    if rng.random() < 0.04:
        return [*steps, _discharge("bail", "侦查期间变更强制措施为取保候审")], None
    rounds = 0
    while True:
        steps.append(_prosecution(rng, resume=rounds > 0))
        if rounds < 2 and rng.random() < 0.15:
            steps.append(Step("supplementary_investigation", rng.randint(12, 27)))
            rounds += 1
            continue
        break
    if rng.random() < 0.08:
        return [*steps, _discharge("released", "检察院决定不起诉，释放")], None
    steps.extend(_trial_steps(rng, p.charge_kind))
    return steps, draw_post(rng, p.charge_kind)


def _open_elapsed(rng: random.Random, stage: str) -> tuple[int, tuple[int, ...]]:
    """A random elapsed time in ``stage`` (comfortably inside the limit) and matching extension offsets."""
    r = rng.random()
    if stage == "investigation":
        if r < 0.6:
            return rng.randint(1, 40), ()
        if r < 0.9:
            e = rng.randint(58, 75)
            return e, (rng.randint(48, 56),)
        e = rng.randint(95, 125)
        return e, (rng.randint(48, 56), rng.randint(80, 86))
    if stage == "prosecution_review":
        if r < 0.8:
            return rng.randint(1, 18), ()
        return rng.randint(29, 38), (rng.randint(20, 26),)
    if stage == "first_instance":
        if r < 0.85:
            return rng.randint(1, 50), ()
        return rng.randint(62, 120), (rng.randint(55, 60),)
    limits = {
        "detention": 4,
        "own_case_detention": 10,
        "supervision_detention": 6,
        "arrest_review": 4,
        "supplementary_investigation": 18,
        "summary_trial": 12,
        "fast_track_trial": 6,
        "second_instance": 38,
    }
    return rng.randint(1, limits[stage]), ()


_POST_ELAPSED = {"awaiting_execution": 25, "serving_in_center": 45, "retrial": 50}


def plan_targeted(
    rng: random.Random,
    p: Person,
    target: str,
    ref: date,
    *,
    e: int | None = None,
    ext: tuple[int, ...] | None = None,
    notice_at: int | None = None,
) -> tuple[list[Step], Post | None, date]:
    """A path that is in ``target`` since ``e`` days before ``ref`` (random if not given); returns the
    steps, the post-judgment part and the day of detention."""
    if e is None:
        if target in _POST_ELAPSED:
            e = rng.randint(1, _POST_ELAPSED[target])
        else:
            e, drawn_ext = _open_elapsed(rng, target)
            ext = drawn_ext if ext is None else ext
    ext = ext or ()
    start = ref - timedelta(days=e)
    steps: list[Step] = []

    def finish(open_step: Step) -> tuple[list[Step], Post | None, date]:
        steps.append(open_step)
        d0 = start - timedelta(days=sum(s.days or 0 for s in steps[:-1]))
        return steps, None, d0

    gang_detention = rng.randint(7, 25) if p.gang else rng.randint(3, 7)
    if target == "detention" or target in OTHER_DETENTIONS:
        return finish(Step(target))
    steps.append(Step("detention", gang_detention))
    if target == "arrest_review":
        return finish(Step("arrest_review"))
    steps.append(Step("arrest_review", rng.randint(4, 7)))
    if target == "investigation":
        return finish(Step("investigation", ext_at=ext))
    steps.append(_investigation(rng))
    if target == "prosecution_review":
        return finish(Step("prosecution_review", ext_at=ext))
    steps.append(_prosecution(rng, resume=False))
    if target == "supplementary_investigation":
        return finish(Step("supplementary_investigation"))
    if rng.random() < 0.15:
        steps.append(Step("supplementary_investigation", rng.randint(12, 27)))
        steps.append(_prosecution(rng, resume=True))
    if target in TRIAL_STAGES:
        proc = Step(target, None, ext, None, None, False)
        return finish(proc)
    if target == "second_instance":
        first = _trial(rng, _procedure(rng, p.charge_kind), appeal_p=1.0)
        steps.append(first)
        return finish(Step("second_instance"))
    steps.extend(_trial_steps(rng, p.charge_kind))
    # post-judgment targets: place the effective judgment so that the target starts ``e`` days before ref
    if notice_at is None:
        notice_at = rng.randint(2, 9)
    if target == "awaiting_execution":
        post = Post("fixed", rng.randint(18, 120), "deliver", notice_at, 60, open_stage="awaiting_execution")
        judgment = start
    elif target == "serving_in_center":
        act = rng.randint(1, 4)
        kind = "detention_sentence" if rng.random() < 0.3 else "fixed"
        post = Post(kind, rng.randint(1, 6), "serve", notice_at, act, open_stage="serving_in_center")
        judgment = start - timedelta(days=act + notice_at)
    elif target == "retrial":
        retrial_at = rng.randint(3, 10)
        post = Post("fixed", rng.randint(24, 120), "deliver", notice_at, 60, retrial_at, None)
        judgment = start - timedelta(days=retrial_at + notice_at)
    else:
        raise ValueError(f"cannot target stage {target!r}")
    d0 = judgment - timedelta(days=sum(s.days or 0 for s in steps))
    return steps, post, d0


# --- walking a path -------------------------------------------------------------------------------------


_POLICE_ABBR = {
    "毕节市公安局七星关分局": "毕七公",
    "毕节市公安局": "毕公",
    "毕节市公安局禁毒支队": "毕公禁",
    "毕节市公安局交通警察支队七星关大队": "毕公交七",
    "大方县公安局": "大公",
    "毕节市公安局高新技术产业开发区分局": "毕高公",
}


class Timeline:
    """Materialises paths into :class:`Person` records (events, segments, sentence, discharge)."""

    def __init__(
        self, rng: random.Random, serials: Serials, cutoff: date, center: str, *, handovers: bool = True
    ) -> None:
        self.rng = rng
        self.serials = serials
        self.cutoff = cutoff
        self.center = center
        self.handovers = handovers

    def _no(self, pattern: str, series: str, d: date) -> str:
        return pattern.format(y=d.year, n=self.serials.next(series, d.year))

    def _ev(self, p: Person, kind: str, on: date, **kw: Any) -> None:
        if on <= self.cutoff:
            p.events.append(Event(kind, on, **kw))

    def _handover(self, p: Person, on: date, authority: str, note: str) -> None:
        """换押 on a change of the organ in charge (recorded as its own event when ``handovers`` is on)."""
        if self.handovers:
            self._ev(p, "custody_handover", on, authority=authority, note=note)

    def _seg(self, p: Person, start: date, stage: str, status: str) -> None:
        p.segments.append((start, stage, status))

    def _detention_extended(self, p: Person, d: date, days: int | None) -> None:
        """A 拘留 that lasts more than 3 days (until the arrest request, the release, or — still open —
        today) needs the 1-to-4-day extension for special cases (CPL art 91), approved before the 3 days
        run out; the engine reads it from an ``investigation_extended`` event's ``extension_days``. A
        流窜作案、多次作案、结伙作案 suspect (``gang``: 30 days) needs none."""
        if p.gang:
            return
        held = days if days is not None else (self.cutoff + timedelta(days=1) - d).days
        if held <= DETENTION_DAYS:
            return
        extra = min(held - DETENTION_DAYS, DETENTION_EXTRA_DAYS)
        self._ev(
            p,
            "investigation_extended",
            d + timedelta(days=DETENTION_DAYS - 1),
            extension_days=extra,
            legal_basis=CPL + "第九十一条第一款",
            authority=p.police,
            note=f"特殊情况，经县级以上公安机关负责人批准，提请审查批准逮捕的时间延长{_num_cn(extra)}日",
        )

    def materialise(self, p: Person, steps: list[Step], post: Post | None) -> None:
        abbr = _POLICE_ABBR.get(p.police, "毕七公")
        d = p.d0
        p.admitted_at = at(d, self.rng.choice((1, 10, 14, 16, 18, 20, 21, 22, 23)), self.rng.randrange(60))
        court_case = ""
        for step in steps:
            st = step.stage
            if st == "discharged":
                self._discharge(p, d, step.release_kind or "released", step.release_note or "释放")
                return
            status = "suspect" if st in SUSPECT_STAGES else "defendant"
            if st == "detention":
                warrant = self._no(abbr + "（刑）拘字〔{y}〕{n}号", abbr + "拘", d)
                self._ev(
                    p, "detention", d, authority=p.police, document_no=warrant, legal_basis=CPL + "第八十二条"
                )
                p.admission_documents = [{"kind": "拘留证", "number": warrant, "issued_by": p.police}]
                p.authority = p.police
                p.case_no = self._no(abbr + "（刑）立字〔{y}〕{n}号", abbr + "立", d)
                self._detention_extended(p, d, step.days)
            elif st in OTHER_DETENTIONS:
                own = st == "own_case_detention"
                self._ev(
                    p,
                    st,
                    d,
                    authority=v.PROCURATORATE,
                    document_no=self._no(OTHER_DETENTIONS[st] + "〔{y}〕{n}号", OTHER_DETENTIONS[st], d),
                    legal_basis=CPL + ("第一百六十五条" if own else "第一百七十条"),
                    note="检察院直接受理案件，决定拘留"
                    if own
                    else "监察机关移送起诉，已采取留置措施，先行拘留",
                )
                p.authority = v.PROCURATORATE
            elif st == "arrest_review":
                self._ev(
                    p,
                    "arrest_requested",
                    d,
                    authority=p.police,
                    document_no=self._no(abbr + "（刑）提捕字〔{y}〕{n}号", abbr + "提捕", d),
                    legal_basis=CPL + "第九十一条",
                )
            elif st == "investigation":
                self._ev(
                    p,
                    "arrest",
                    d,
                    authority=v.PROCURATORATE,
                    document_no=self._no("七检刑批捕〔{y}〕{n}号", "批捕", d),
                    legal_basis=CPL + "第八十一条",
                    note="批准逮捕，同日执行",
                )
                for i, off in enumerate(step.ext_at):
                    self._ev(
                        p,
                        "investigation_extended",
                        d + timedelta(days=off),
                        extension_months=1 if i == 0 else 2,
                        legal_basis=CPL + ("第一百五十六条" if i == 0 else "第一百五十八条"),
                        authority=v.CITY_PROCURATORATE if i == 0 else v.PROVINCE_PROCURATORATE,
                        document_no=self._no("毕检延押〔{y}〕{n}号", "延押", d + timedelta(days=off)),
                    )
            elif st == "prosecution_review":
                self._ev(
                    p,
                    "retransferred" if step.resume else "transferred_for_prosecution",
                    d,
                    authority=p.police,
                    document_no=self._no(abbr + "（刑）诉字〔{y}〕{n}号", abbr + "诉", d),
                )
                self._handover(p, d, v.PROCURATORATE, "换押：侦查机关→检察院")
                if not step.resume:
                    p.case_no = self._no("七检刑诉受〔{y}〕{n}号", "诉受", d)
                p.authority = v.PROCURATORATE
                for off in step.ext_at:
                    self._ev(
                        p,
                        "prosecution_extended",
                        d + timedelta(days=off),
                        extension_days=15,
                        legal_basis=CPL + "第一百七十二条",
                        authority=v.PROCURATORATE,
                    )
            elif st == "supplementary_investigation":
                self._ev(
                    p,
                    "returned_for_investigation",
                    d,
                    authority=v.PROCURATORATE,
                    legal_basis=CPL + "第一百七十五条",
                )
                self._handover(p, d, p.police, "换押：检察院→侦查机关")
                p.authority = p.police
            elif st in TRIAL_STAGES:
                if st in SHORT_TRIAL_DAYS and self._past_short_limit(d, step):
                    st = "first_instance"
                if step.resume:
                    self._ev(p, "remanded", d, authority=v.CITY_COURT, note="二审裁定发回重审")
                    self._handover(p, d, v.COURT, "换押：发回重审")
                else:
                    self._ev(
                        p,
                        "indicted",
                        d,
                        authority=v.COURT,
                        document_no=self._no("七检刑诉〔{y}〕{n}号", "起诉", d),
                        note="提起公诉，法院受理",
                    )
                    self._handover(p, d, v.COURT, "换押：检察院→法院")
                    if st != "first_instance":
                        note = "适用简易程序" if st == "summary_trial" else "适用速裁程序"
                        self._ev(p, "procedure_converted", d, authority=v.COURT, note=note)
                court_case = self._no("（{y}）" + v.COURT_CODE + "刑初{n}号", "刑初", d)
                p.authority, p.case_no = v.COURT, court_case
                for off in step.ext_at:
                    self._ev(
                        p,
                        "trial_extended",
                        d + timedelta(days=off),
                        extension_months=3,
                        legal_basis=CPL + "第二百零八条",
                        authority=v.CITY_COURT,
                    )
                if step.judgment_at is not None:
                    self._ev(p, "first_judgment", d + timedelta(days=step.judgment_at), authority=v.COURT)
                if step.appeal_at is not None:
                    note = "检察院提出抗诉" if self.rng.random() < 0.1 else "被告人不服一审判决提出上诉"
                    self._ev(p, "appealed", d + timedelta(days=step.appeal_at), note=note)
            elif st == "second_instance":
                self._ev(p, "second_instance_accepted", d, authority=v.CITY_COURT)
                self._handover(p, d, v.CITY_COURT, "换押：二审")
                if step.file_review is not None:
                    a, b = step.file_review
                    self._ev(p, "file_review_start", d + timedelta(days=a), authority=v.CITY_PROCURATORATE)
                    self._ev(p, "file_review_end", d + timedelta(days=b), authority=v.CITY_PROCURATORATE)
                court_case = self._no("（{y}）" + v.CITY_COURT_CODE + "刑终{n}号", "刑终", d)
                p.authority, p.case_no = v.CITY_COURT, court_case
            self._seg(p, d, st, status)
            if step.days is None:
                return
            end = d + timedelta(days=step.days)
            if end > self.cutoff:
                return
            d = end
        if post is not None:
            self._post(p, post, d, p.authority)

    # --- after the judgment -------------------------------------------------------------------------

    def _term_end(self, p: Person, months: int) -> date:
        return add_months(p.d0, months) - timedelta(days=1)

    def _fit_months(self, p: Person, post: Post, notice: date, decision: date) -> tuple[str, int]:
        limit = add_months(notice, 3)
        kind, months = post.kind, max(post.months, 1)
        if post.force == "deliver":
            while self._term_end(p, months) <= limit + timedelta(days=10):
                months += 1
            return kind, months
        if post.force == "serve":
            floor = max(decision, self.cutoff) if post.open_stage == "serving_in_center" else decision
            top = 6 if kind == "detention_sentence" else 300
            candidates = [m for m in range(1, top + 1) if floor < self._term_end(p, m) <= limit]
            if not candidates and kind == "detention_sentence":
                kind = "fixed"
                candidates = [m for m in range(1, 301) if floor < self._term_end(p, m) <= limit]
            if candidates:
                return kind, self.rng.choice(candidates)
            while self._term_end(p, months) <= floor:
                months += 1
        return kind, months

    def _past_short_limit(self, d: date, step: Step) -> bool:
        """Whether a 简易 / 速裁 trial from ``d`` is still running at the cutoff past its 20 / 10 days.

        The limit runs to the 宣判 (docs/domain.md, "Custody periods"), but a short trial still running at
        the cutoff may not have reached its 宣判 when its 20 / 10 days are over: such a trial is tried
        under the 普通程序 instead, so the demo shows no 超期 by accident."""
        running = step.days is None or d + timedelta(days=step.days) > self.cutoff
        return running and (self.cutoff - d).days >= SHORT_TRIAL_DAYS[step.stage]

    def _post(self, p: Person, post: Post, judgment: date, court: str) -> None:
        rng = self.rng
        self._ev(p, "judgment_effective", judgment, authority=court)
        if judgment > self.cutoff:
            return
        p.judgment_effective_on = judgment
        p.notice_on = None  # a retrial's new judgment needs a new notice
        if post.kind == "release":
            r = rng.random()
            if r < 0.6:
                p.sentence_kind, p.sentence_months = "probation", rng.choice((6, 8, 10, 12))
                p.sentence_text = (
                    f"有期徒刑{_months_cn(p.sentence_months)}，缓刑{_months_cn(p.sentence_months * 2)}"
                )
                self._discharge(p, judgment, "outside_execution", "判处缓刑，释放，交社区矫正")
            elif r < 0.85:
                p.sentence_kind, p.sentence_text = "fine_only", f"单处罚金人民币{rng.randint(2, 20) * 1000}元"
                self._discharge(p, judgment, "released", "单处罚金，释放")
            else:
                p.sentence_kind, p.sentence_text = "none", "免予刑事处罚"
                self._discharge(p, judgment, "released", "免予刑事处罚，释放")
            return
        notice = judgment + timedelta(days=post.notice_at)
        decision = notice + timedelta(days=post.act_at)
        kind, months = self._fit_months(p, post, notice, decision)
        p.sentence_kind = "detention_sentence" if kind == "detention_sentence" else "fixed_term"
        p.sentence_months = months
        p.sentence_text = ("拘役" if kind == "detention_sentence" else "有期徒刑") + _months_cn(months)
        p.term_start, p.term_end = p.d0, self._term_end(p, months)
        if p.term_end < judgment:  # pre-trial custody has used up the term
            self._discharge(p, judgment, "released", "刑期已满，释放")
            return
        self._seg(p, judgment, "awaiting_execution", "convict")
        if notice <= self.cutoff:
            p.notice_on = notice
            self._ev(
                p, "execution_notice_received", notice, authority=court, document_no=f"{p.case_no}执行通知书"
            )
        if post.open_stage == "awaiting_execution":
            return
        serve = kind == "detention_sentence" or p.term_end <= add_months(notice, 3)
        if serve:
            if p.term_end < decision:
                self._release_at_term_end(p)
                return
            if decision > self.cutoff:
                return
            p.serve_decided_on = decision
            basis = "拘役由看守所执行" if kind == "detention_sentence" else "剩余刑期三个月以下，留所服刑"
            self._ev(p, "serve_in_center_decided", decision, authority=self.center, note=basis)
            self._seg(p, decision, "serving_in_center", "convict")
            if post.open_stage != "serving_in_center":
                self._release_at_term_end(p)
            return
        if post.retrial_at is not None:
            start = notice + timedelta(days=post.retrial_at)
            if start > self.cutoff:
                return
            p.retrial = True
            self._ev(p, "custody_handover", start, authority=v.COURT, note="决定再审，换押")
            self._seg(p, start, "retrial", "defendant")
            p.case_no = self._no("（{y}）" + v.COURT_CODE + "刑再{n}号", "刑再", start)
            p.authority = v.COURT
            if post.retrial_days is None:
                return
            again = start + timedelta(days=post.retrial_days)
            if again > self.cutoff:
                return
            self._post(p, replace(post, retrial_at=None, force="deliver"), again, v.COURT)
            return
        if decision > self.cutoff:
            return
        p.delivered_on = decision
        if age_on(p.birth, decision) < 18:
            p.receiving_institution = v.JUVENILE_INSTITUTION
        else:
            p.receiving_institution = rng.choice(v.PRISONS)
        self._ev(
            p,
            "delivered_for_execution",
            decision,
            authority=self.center,
            note=f"交付{p.receiving_institution}执行",
        )
        p.discharge_documents = [
            {"kind": "执行通知书", "number": f"{p.case_no}执行通知书"},
            {"kind": "收押回执", "issued_by": p.receiving_institution},
        ]
        self._seg(p, decision, "discharged", "convict")
        p.discharged_on, p.discharge_kind = decision, "delivered"

    def _release_at_term_end(self, p: Person) -> None:
        assert p.term_end is not None
        if p.term_end <= self.cutoff:
            self._discharge(p, p.term_end, "released", "刑满释放")

    def _discharge(self, p: Person, d: date, kind: str, note: str) -> None:
        status = p.segments[-1][2] if p.segments else "suspect"
        if kind != "death":
            self._ev(p, "released", d, authority=self.center, note=note)
        self._seg(p, d, "discharged", status)
        p.discharged_on, p.discharge_kind = d, kind
        if kind in ("released", "outside_execution"):
            p.discharge_documents = [
                {"kind": "释放证明书", "number": self._no("七看释字〔{y}〕{n}号", "释放", d), "note": note}
            ]
        elif kind == "bail":
            p.discharge_documents = [{"kind": "取保候审决定书", "issued_by": p.authority, "note": note}]
        else:
            p.discharge_documents = [{"kind": "死亡证明", "note": note}]


def _months_cn(months: int) -> str:
    years, rest = divmod(months, 12)
    out = ""
    if years:
        out += _num_cn(years) + "年"
    if rest:
        out += _num_cn(rest) + "个月"
    return out or "零个月"


def _num_cn(n: int) -> str:
    if n < 10:
        return v.CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else v.CN_DIGITS[tens]) + "十" + (v.CN_DIGITS[ones] if ones else "")
