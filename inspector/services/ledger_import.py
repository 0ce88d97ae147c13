"""The daily review of the detention centre's ledgers (台账审查): import, change report, confirmation.

The centre exports its 入所登记, 出所登记, 留所服刑 and 换押 ledgers every day (``.xlsx``, or ``.csv`` in
UTF-8 / GBK). :func:`import_ledger` reads one (title rows above the header, a header over two rows
with merged group cells, blank lines, full-width digits, dates as text or as Excel serials — see
:func:`read_ledger`), maps its columns to fields by a named **profile** (:class:`LedgerProfile`: chosen
once per station and kind, kept and reused; guessed from the headers the first time) and compares
every row with the register. The result is the **change report**, kept with the import
(``ledger_import.report``): new admissions (each will be due a 新收押谈话), releases and transfers out
(the release day against the custody deadline and the stage; a release without the expected paper is
flagged), stage changes and 换押 (the deadline recomputed), 留所服刑 additions (the remaining term
against the 3-month rule), and the people found on one side only.

Nothing goes into the register until the procurator confirms: :func:`confirm` applies the chosen
items (all, or some by number) in **one** transaction through the services' writer (validated,
audited, captured for sync); an item is applied once; the import reads 已确认 when every item that
can be confirmed is, 部分确认 before that.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.agenda.custody_items import settings_key
from inspector.documents.rules_bridge import rule_settings
from inspector.domain import enums as e
from inspector.domain.errors import InspectorError
from inspector.domain.idnumber import birth_date_from_id, gender_from_id
from inspector.domain.records import DETAINEE, SPECS
from inspector.domain.settings import RuleSettings
from inspector.domain.validation import SHANGHAI, local_date
from inspector.rules.custody import CustodyEventInput, DetaineeCustodyInput, custody_deadline
from inspector.rules.execution import reference_date_for, serve_in_center_decision
from inspector.rules.periods import zh_date
from inspector.security import audit
from inspector.services import records
from inspector.services.policy import Actor, Permission, require
from inspector.services.roster_import import ImportCancelledError, ledger_date, normal_text, read_rows
from inspector.services.xlsx_values import read_xlsx_values
from inspector.store.models import CustodyEvent, CustodyStatus, Detainee, LedgerImport, LedgerProfile
from inspector.store.repository import prepare_row, python_defaults, today_local
from inspector.store.store import Store
from inspector.store.types import utc_now

__all__ = [
    "CONFIRMABLE",
    "FIELDS",
    "ITEM_TYPES",
    "LedgerCancelledError",
    "LedgerError",
    "LedgerTable",
    "build_report",
    "confirm",
    "guess_kind",
    "import_ledger",
    "insert_row",
    "label_of",
    "load_import",
    "map_columns",
    "read_ledger",
    "report_lines",
]

LedgerKind = e.LedgerKind

# field -> (label, other names centres use for its column)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("姓名", ("名字", "在押人员", "在押人员姓名", "罪犯姓名", "人员姓名")),
    "id_number": ("身份证号", ("身份证号码", "公民身份号码", "证件号码", "身份证", "证件号")),
    "gender": ("性别", ()),
    "birth_date": ("出生日期", ("出生年月日", "生日")),
    "ethnicity": ("民族", ()),
    "block": ("监区", ()),
    "cell": ("监室", ("监室号", "仓号", "监号")),
    "admitted_at": ("入所时间", ("入所日期", "收押日期", "收押时间", "入所")),
    "admission_paper": ("收押凭证", ("收押依据", "收押法律文书", "入所凭证", "收押文书")),
    "case_authority": ("办案机关", ("办案单位", "送押机关", "送押单位")),
    "charges": ("涉嫌罪名", ("罪名", "案由")),
    "case_no": ("案号", ("案件编号",)),
    "legal_status": ("法律身份", ("人员类别",)),
    "stage": ("诉讼环节", ("诉讼阶段", "羁押环节", "现诉讼环节", "换押后环节", "新诉讼环节")),
    "stage_started_on": ("本环节起始日", ("环节起始日", "环节开始日期")),
    "discharged_on": ("出所日期", ("出所时间", "释放日期", "离所日期")),
    "discharge_kind": ("出所方式", ("出所原因", "出所类型", "出所性质")),
    "discharge_paper": ("出所凭证", ("出所依据", "出所法律文书", "出所文书", "出所凭证号")),
    "destination": ("去向", ("移送单位", "转往", "接收单位", "交付单位")),
    "sentence_kind": ("刑种", ()),
    "sentence_text": ("刑期", ("判处刑期",)),
    "term_start": ("刑期起日", ("刑期起始日", "刑期起", "刑期起始日期", "刑期起日期")),
    "term_end": ("刑期止日", ("刑期截止日", "刑满日期", "刑期止", "刑期止日期", "刑期截止日期")),
    "judgment_effective_on": ("判决生效日", ("判决生效日期", "生效日期")),
    "execution_notice_received_on": ("收到执行通知书日", ("执行通知书收到日期", "收到执行通知书日期")),
    "serve_decided_on": ("留所服刑日期", ("决定留所服刑日期", "留所日期", "留所服刑决定日")),
    "handover_on": ("换押日期", ("换押时间", "换押日")),
    "handover_no": ("换押证号", ("换押证编号", "换押文书号")),
    "note": ("备注", ()),
}
_DATES = frozenset(
    {
        "birth_date",
        "admitted_at",
        "stage_started_on",
        "discharged_on",
        "term_start",
        "term_end",
        "judgment_effective_on",
        "execution_notice_received_on",
        "serve_decided_on",
        "handover_on",
    }
)
_CHOICES: dict[str, type[e.LabelledEnum]] = {
    "gender": e.Gender,
    "legal_status": e.LegalStatus,
    "stage": e.Stage,
    "sentence_kind": e.SentenceKind,
    "discharge_kind": e.DischargeKind,
}
# Words centres write for a choice, other than its label.
_CHOICE_WORDS: dict[str, dict[str, str]] = {
    "gender": {"男性": "male", "女性": "female"},
    "stage": {
        "刑拘": "detention",
        "拘留": "detention",
        "报捕": "arrest_review",
        "提请逮捕": "arrest_review",
        "逮捕": "investigation",
        "侦查": "investigation",
        "侦查阶段": "investigation",
        "起诉": "prosecution_review",
        "审查起诉阶段": "prosecution_review",
        "退补": "supplementary_investigation",
        "一审阶段": "first_instance",
        "审判": "first_instance",
        "二审阶段": "second_instance",
        "已决": "awaiting_execution",
        "已判决": "awaiting_execution",
        "判决生效": "awaiting_execution",
        "待交付执行": "awaiting_execution",
        "余刑留所": "serving_in_center",
        "留所执行": "serving_in_center",
    },
    "discharge_kind": {
        "刑满释放": "released",
        "无罪释放": "released",
        "投送监狱": "delivered",
        "送监": "delivered",
        "送监执行": "delivered",
        "转所": "transferred",
        "转看守所": "transferred",
        "取保候审": "bail",
        "监视居住": "bail",
        "变更强制措施": "bail",
        "暂予监外执行": "outside_execution",
    },
}
# The paper a release of each kind rests on (any of these words in the 出所凭证 column).
EXPECTED_PAPER: dict[str, tuple[str, ...]] = {
    "released": ("释放证明书", "释放通知书"),
    "delivered": ("执行通知书", "交付执行"),
    "transferred": ("换押证", "提押票", "转押"),
    "bail": ("取保候审决定书", "监视居住决定书", "变更强制措施通知书", "取保", "监视居住"),
    "outside_execution": ("暂予监外执行决定书", "监外执行"),
}
# The custody event that opens each stage (what a 换押 to that stage records).
_STAGE_EVENT = {
    "arrest_review": "arrest_requested",
    "investigation": "arrest",
    "prosecution_review": "transferred_for_prosecution",
    "supplementary_investigation": "returned_for_investigation",
    "first_instance": "indicted",
    "summary_trial": "indicted",
    "fast_track_trial": "indicted",
    "second_instance": "second_instance_accepted",
    "awaiting_execution": "judgment_effective",
    "serving_in_center": "serve_in_center_decided",
}
_LEGAL_STATUS_OF_STAGE = {
    "first_instance": "defendant",
    "summary_trial": "defendant",
    "fast_track_trial": "defendant",
    "second_instance": "defendant",
    "retrial": "defendant",
    "awaiting_execution": "convict",
    "serving_in_center": "convict",
}

ITEM_TYPES: dict[str, str] = {
    "admission": "新收押",
    "release": "出所",
    "transfer_out": "转出",
    "stage_change": "诉讼环节变更",
    "handover": "换押",
    "serving": "留所服刑",
    "ledger_only": "仅台账有",
    "register_only": "仅名册有",
    "unchanged": "无变化",
    "rejected": "无法读取",
}
CONFIRMABLE = frozenset({"admission", "release", "transfer_out", "stage_change", "handover", "serving"})
_REQUIRED: dict[str, tuple[str, ...]] = {
    "admission": ("admitted_at",),
    "release": ("discharged_on",),
    "serving": (),
    "handover": ("handover_on",),
}
HEADER_SCAN_ROWS = 12


class LedgerError(InspectorError):
    """The ledger cannot be read, mapped or confirmed as asked."""


# ---- reading ------------------------------------------------------------------------------------


class LedgerCancelledError(LedgerError):
    """The import was cancelled: no report kept, no profile saved, the register untouched."""

    def __init__(self) -> None:
        super().__init__(
            "已取消导入台账：未保存变动报告，名册未作任何改动",
            "ledger import cancelled: no report kept, the register is unchanged",
        )


Progress = Callable[[int, int], None]  # (rows done, rows in all), called on the worker's thread
Cancel = Callable[[], bool]  # asked between rows; True stops the import
CHUNK = 100  # rows between two progress reports and looks at cancel


def _step(n: int, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise LedgerCancelledError()
    if progress is not None:
        progress(n, total)


@dataclass(frozen=True)
class LedgerTable:
    """A ledger as read: its column names (a two-row header joined), its rows and their line numbers."""

    path: Path
    source: str
    headers: tuple[str, ...]
    alternatives: tuple[tuple[str, ...], ...]  # per column: other names to try (the group + the column)
    rows: list[tuple[Any, ...]]
    lines: list[int]
    sha256: str


def _norm(text: str) -> str:
    return re.sub(r"[\s（）()：:*＊/]", "", normal_text(text)).lower()


_NAMES: dict[str, str] = {}
for _field, (_zh, _aliases) in FIELDS.items():
    for _alias in (_zh, _field, *_aliases):
        _NAMES.setdefault(_norm(_alias), _field)


# Control, zero-width and bidi characters: dropped from every cell, so that the kept report holds
# only text the validation would accept (it is not checked again, string by string, when kept).
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _text(value: Any) -> str:
    if value is None:
        return ""
    text = normal_text(value)
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def _score(row: Sequence[Any]) -> int:
    return sum(1 for v in row if isinstance(v, str) and _norm(v) in _NAMES)


def _looks_like_subheader(row: Sequence[Any], header: Sequence[Any]) -> bool:
    """The second row of a two-row header: only short words (no digits), blank under the header's
    single cells, filled under the merged group cells."""
    filled = [(i, _text(v)) for i, v in enumerate(row) if _text(v)]
    if not filled or any(re.search(r"\d", t) or len(t) > 12 for _, t in filled):
        return False
    return any(i >= len(header) or not _text(header[i]) for i, _ in filled) or _score(row) > 0


def read_ledger(path: Path, *, sheet: str | None = None, cancel: Cancel | None = None) -> LedgerTable:
    """Read a ledger file: the header is the row (among the first few) that names the most known
    columns — title rows above it are skipped —, joined with the row below when that row holds the
    names under merged group cells (刑期 → 起日 / 止日); blank lines are dropped."""
    try:
        source, raw, digest = read_rows(
            path, sheet=sheet, cancel=cancel, what=("台账", "ledger"), xlsx_reader=read_xlsx_values
        )
    except ImportCancelledError:
        raise LedgerCancelledError() from None
    numbered = [(i, row) for i, row in enumerate(raw, start=1) if any(_text(v) for v in row)]
    if not numbered:
        raise LedgerError(f"台账文件 {path} 中没有任何内容", f"the ledger file {path} holds nothing")
    head = numbered[:HEADER_SCAN_ROWS]
    best = max(range(len(head)), key=lambda k: (_score(head[k][1]), -k))
    if _score(head[best][1]) == 0:
        best = 0
    header = list(head[best][1])
    first_data = best + 1
    sub: list[Any] = []
    if first_data < len(numbered) and _looks_like_subheader(numbered[first_data][1], header):
        sub = list(numbered[first_data][1])
        first_data += 1
    width = max(len(header), len(sub))
    names: list[str] = []
    alternatives: list[tuple[str, ...]] = []
    group = ""
    for i in range(width):
        top = _text(header[i]) if i < len(header) else ""
        low = _text(sub[i]) if i < len(sub) else ""
        if top:
            group = top
        if low:
            names.append(low)
            alternatives.append((group + low, group))
        else:
            names.append(top)
            alternatives.append(())
    while names and not names[-1]:
        names.pop()
        alternatives.pop()
    rows = numbered[first_data:]
    return LedgerTable(
        path.expanduser(),
        source,
        tuple(names),
        tuple(alternatives),
        [tuple(r) for _, r in rows],
        [line for line, _ in rows],
        digest,
    )


def map_columns(table: LedgerTable, saved: Mapping[str, str] | None = None) -> dict[int, str]:
    """Column index → field: a profile's ``header → field`` first, then the known names of each
    field (its label, its name, the names centres use; for a two-row header also the group and the
    column joined, e.g. 刑期 + 止日). A field is taken by its first column only."""
    out: dict[int, str] = {}
    saved_norm = {_norm(k): v for k, v in (saved or {}).items()}
    for i, header in enumerate(table.headers):
        for cand in (header, *table.alternatives[i]):
            key = _norm(cand)
            if not key:
                continue
            fname = saved_norm[key] if key in saved_norm else _NAMES.get(key)
            if key in saved_norm and not fname:
                break  # the profile leaves this column out
            if fname is not None and fname in FIELDS and fname not in out.values():
                out[i] = fname
                break
    return out


def parse_mapping(specs: Iterable[str], table: LedgerTable, base: Mapping[int, str]) -> dict[int, str]:
    """``COLUMN=FIELD`` choices (the column by its header or its number from 1; the field by its name
    or label; FIELD empty leaves the column out) over ``base``."""
    out = dict(base)
    for spec in specs:
        column, sep, target = spec.partition("=")
        if not sep:
            raise LedgerError(f"列映射应为“列=字段”：{spec}", f"a mapping must be COLUMN=FIELD: {spec}")
        column = column.strip()
        if column.isdigit() and 1 <= int(column) <= len(table.headers):
            index = int(column) - 1
        elif column in table.headers:
            index = table.headers.index(column)
        else:
            raise LedgerError(f"台账中没有列“{column}”", f"the ledger has no column {column!r}")
        if not target.strip():
            out.pop(index, None)
            continue
        fname = field_name(target.strip())
        out = {i: f for i, f in out.items() if f != fname}
        out[index] = fname
    return out


def field_name(text: str) -> str:
    """A ledger field by its name, label or a known column name."""
    found = _NAMES.get(_norm(text))
    if found is None:
        labels = "、".join(label for label, _ in FIELDS.values())
        raise LedgerError(f"未知的台账字段：{text}（可选：{labels}）", f"unknown ledger field {text!r}")
    return found


def guess_kind(table: LedgerTable, mapping: Mapping[int, str]) -> str:
    """The ledger's kind from its file name, else from the fields it has."""
    name = table.path.stem
    for kind, words in (
        (LedgerKind.HANDOVER, ("换押",)),
        (LedgerKind.SERVING, ("留所",)),
        (LedgerKind.RELEASE, ("出所", "释放")),
        (LedgerKind.ADMISSION, ("入所", "收押")),
    ):
        if any(w in name for w in words):
            return kind.value
    fields = set(mapping.values())
    if "handover_on" in fields:
        return LedgerKind.HANDOVER.value
    if "discharged_on" in fields:
        return LedgerKind.RELEASE.value
    if "serve_decided_on" in fields or ("term_end" in fields and "admitted_at" not in fields):
        return LedgerKind.SERVING.value
    return LedgerKind.ADMISSION.value


def label_of(enum: type[e.LabelledEnum], value: Any) -> str:
    """The Chinese label of a stored choice (the value itself when unknown)."""
    for member in enum:
        if member.value == value:
            return member.label
    return "" if value is None else str(value)


# ---- converting ---------------------------------------------------------------------------------


# field -> every accepted spelling -> the stored value (the value, the label, the centres' words)
_CHOICE_LOOKUP: dict[str, dict[str, str]] = {
    fname: {
        **{m.value: m.value for m in enum},
        **{m.label: m.value for m in enum},
        **_CHOICE_WORDS.get(fname, {}),
    }
    for fname, enum in _CHOICES.items()
}


def _choice(fname: str, text: str) -> str:
    found = _CHOICE_LOOKUP[fname].get(text)
    if found is None:
        raise ValueError(text)
    return found


def _convert(fname: str, raw: Any) -> tuple[Any, str | None]:
    label = FIELDS[fname][0]
    text = _text(raw)
    if not text:
        return None, None
    try:
        if fname in _DATES:
            return ledger_date(raw), None
        if fname in _CHOICES:
            return _choice(fname, text), None
        if fname == "id_number":
            if isinstance(raw, int | float) and len(text) > 15:
                return None, f"{label}被保存成了数字（Excel 只保留 15 位）"
            return text.upper(), None
        return text, None
    except ValueError:
        if fname in _DATES:
            return None, f"{label}不是有效的日期：{text}"
        choices = "、".join(m.label for m in _CHOICES[fname])
        return None, f"{label}取值无效：{text}（可选：{choices}）"


# ---- the register as the report needs it ---------------------------------------------------------


@dataclass
class _Person:
    id: uuid.UUID
    name: str
    id_number: str | None
    row: dict[str, Any]
    events: list[CustodyEventInput]
    cached: tuple[date | None, str] | None = None  # the agenda's cached deadline and basis, if fresh


_COLUMNS = (
    "id",
    "name",
    "id_number",
    "admitted_at",
    "stage",
    "stage_started_on",
    "legal_status",
    "multiple_or_gang",
    "discharged_on",
    "discharge_kind",
    "sentence_kind",
    "sentence_text",
    "term_start",
    "term_end",
    "execution_notice_received_on",
    "judgment_effective_on",
    "case_authority",
)


def _load_people(
    s: Session, station_id: uuid.UUID, ids: set[str], names: set[str], kind: str
) -> list[_Person]:
    cols = [getattr(Detainee, c) for c in _COLUMNS]
    live = (Detainee.station_id == station_id, Detainee.deleted_at.is_(None))
    found: dict[uuid.UUID, _Person] = {}

    def add(rows: Iterable[Any]) -> None:
        for r in rows:
            row = dict(zip(_COLUMNS, r, strict=True))
            found[row["id"]] = _Person(row["id"], row["name"], row["id_number"], row, [])

    id_list, name_list = sorted(ids), sorted(names)
    for n in range(0, len(id_list), 500):
        add(s.execute(select(*cols).where(*live, Detainee.id_number.in_(id_list[n : n + 500]))))
    for n in range(0, len(name_list), 500):
        add(s.execute(select(*cols).where(*live, Detainee.name.in_(name_list[n : n + 500]))))
    if kind == LedgerKind.SERVING:
        add(
            s.execute(
                select(*cols).where(
                    *live, Detainee.discharged_on.is_(None), Detainee.stage == e.Stage.SERVING_IN_CENTER.value
                )
            )
        )
    if kind == LedgerKind.RELEASE and found:
        # The deadlines the agenda keeps (fresh: dropped by triggers whenever a person or an event
        # changes, and under other settings); the rest are computed.
        key = settings_key(rule_settings(s, station_id))
        keys = list(found)
        for n in range(0, len(keys), 500):
            for det, deadline, basis, stage in s.execute(
                select(
                    CustodyStatus.detainee_id,
                    CustodyStatus.deadline,
                    CustodyStatus.basis,
                    CustodyStatus.stage,
                ).where(CustodyStatus.detainee_id.in_(keys[n : n + 500]), CustodyStatus.settings_key == key)
            ):
                if found[det].row["stage"] == stage:
                    found[det].cached = (deadline, basis)
    if kind in (LedgerKind.RELEASE, LedgerKind.HANDOVER, LedgerKind.SERVING) and found:
        keys = list(found)
        for n in range(0, len(keys), 500):
            for ev in s.execute(
                select(
                    CustodyEvent.detainee_id,
                    CustodyEvent.kind,
                    CustodyEvent.occurred_on,
                    CustodyEvent.extension_months,
                    CustodyEvent.extension_days,
                    CustodyEvent.legal_basis,
                ).where(CustodyEvent.detainee_id.in_(keys[n : n + 500]), CustodyEvent.deleted_at.is_(None))
            ):
                try:
                    found[ev[0]].events.append(CustodyEventInput(ev[1], ev[2], ev[3], ev[4], ev[5]))
                except ValueError:
                    continue  # an unknown event kind from a newer laptop: the rules skip it
    return list(found.values())


def _custody(
    person: _Person, settings: RuleSettings, on: date, *, stage: str | None = None,
    started: date | None = None, extra: Sequence[CustodyEventInput] = (),
) -> Any:  # fmt: skip
    row = person.row
    try:
        inp = DetaineeCustodyInput(
            stage=stage or row["stage"],
            stage_started_on=started if stage else row["stage_started_on"],
            admitted_on=local_date(row["admitted_at"]),
            multiple_or_gang=bool(row["multiple_or_gang"]),
            events=tuple(person.events) + tuple(extra),
            discharged_on=None,
            sentence_kind=row["sentence_kind"],
            term_end=row["term_end"],
        )
        return custody_deadline(inp, settings, on)
    except ValueError:
        return None


# ---- the change report --------------------------------------------------------------------------


def _json(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _flag(code: str, text: str) -> dict[str, str]:
    return {"code": code, "text": text}


def build_report(
    s: Session,
    station_id: uuid.UUID,
    table: LedgerTable,
    mapping: Mapping[int, str],
    kind: str,
    *,
    defaults: Mapping[str, Any] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> dict[str, Any]:
    """The change report of a ledger against the register (nothing written): ``{"kind", "items",
    "counts", "mapping"}``; each item has a number ``n``, its ``type`` (:data:`ITEM_TYPES`), the
    person, the ``changes`` confirming it would make, ``flags`` (what the procurator should look at)
    and ``notes``."""
    if kind not in LedgerKind.values():
        raise LedgerError(f"未知的台账类别：{kind}", f"unknown ledger kind {kind!r}")
    today = today or today_local()
    fields = set(mapping.values()) | set(defaults or {})
    if "name" not in fields and "id_number" not in fields:
        raise LedgerError(
            "台账中找不到“姓名”或“身份证号”列（用“列=字段”指定）",
            "the ledger has no name or ID number column",
        )
    missing = [FIELDS[f][0] for f in _REQUIRED[kind] if f not in fields]
    if missing:
        raise LedgerError(
            f"{label_of(LedgerKind, kind)}台账缺少必需的列：{'、'.join(missing)}（用“列=字段”指定）",
            f"the {kind} ledger lacks required columns: {', '.join(missing)}",
        )
    settings = rule_settings(s, station_id)
    parsed: list[tuple[int, dict[str, Any], list[str]]] = []
    total = 2 * len(table.rows)  # read every row, then compare each with the register
    for n, (line, raw) in enumerate(zip(table.lines, table.rows, strict=True)):
        if n % CHUNK == 0:
            _step(n, total, progress, cancel)
        values: dict[str, Any] = dict(defaults or {})
        problems: list[str] = []
        for index, fname in mapping.items():
            value, problem = _convert(fname, raw[index] if index < len(raw) else None)
            if problem is not None:
                problems.append(problem)
            elif value is not None:
                values[fname] = value
        if not values.get("name") and not values.get("id_number"):
            continue  # a blank, a total or a signature line under the table
        parsed.append((line, values, problems))
    ids = {v["id_number"] for _, v, _ in parsed if v.get("id_number")}
    names = {v["name"] for _, v, _ in parsed if v.get("name") and not v.get("id_number")}
    people = _load_people(s, station_id, ids, names, kind)
    by_id = {p.id_number.upper(): p for p in people if p.id_number}
    by_name: dict[str, list[_Person]] = {}
    for p in people:
        by_name.setdefault(p.name, []).append(p)
    items: list[dict[str, Any]] = []
    seen: set[uuid.UUID] = set()
    _step(len(table.rows), total, progress, cancel)
    for n, (line, values, problems) in enumerate(parsed, start=1):
        if n % CHUNK == 0:
            _step(len(table.rows) + n, total, progress, cancel)
        person = _match(values, by_id, by_name)
        item: dict[str, Any] = {
            "line": line,
            "name": values.get("name") or (person.name if person else ""),
            "id_number": values.get("id_number"),
            "detainee_id": person.id.hex if person else None,
            "changes": {},
            "events": [],
            "flags": [],
            "notes": [],
            "applied": False,
        }
        if problems:
            item.update(type="rejected", notes=problems)
        elif person is not None and person.id in seen:
            item.update(type="rejected", notes=["同一人在台账中重复出现"])
        else:
            if person is not None:
                seen.add(person.id)
            _ITEM_BUILDERS[kind](item, values, person, settings, today)
        items.append(item)
    if kind == LedgerKind.SERVING:
        for p in people:
            if (
                p.id not in seen
                and p.row["stage"] == e.Stage.SERVING_IN_CENTER.value
                and p.row["discharged_on"] is None
            ):
                items.append(
                    {
                        "line": None,
                        "name": p.name,
                        "id_number": p.id_number,
                        "detainee_id": p.id.hex,
                        "type": "register_only",
                        "changes": {},
                        "events": [],
                        "flags": [],
                        "notes": ["名册记为留所服刑，留所服刑台账中没有此人：核实是否已出所或已交付执行"],
                        "applied": False,
                    }
                )
    counts: dict[str, int] = {}
    for n, item in enumerate(items, start=1):
        item["n"] = n
        item["confirmable"] = item["type"] in CONFIRMABLE
        counts[item["type"]] = counts.get(item["type"], 0) + 1
    return {
        "kind": kind,
        "counts": counts,
        "mapping": {table.headers[i]: f for i, f in sorted(mapping.items())},
        "items": items,
    }


def _match(
    values: Mapping[str, Any], by_id: Mapping[str, _Person], by_name: Mapping[str, list[_Person]]
) -> _Person | None:
    number = values.get("id_number")
    if number:
        return by_id.get(str(number).upper())
    same = [p for p in by_name.get(str(values.get("name")), []) if p.row["discharged_on"] is None]
    return same[0] if len(same) == 1 else None


def _admission(
    item: dict[str, Any], values: dict[str, Any], person: _Person | None, settings: RuleSettings, today: date
) -> None:
    if person is not None:
        if person.row["discharged_on"] is None:
            item.update(type="unchanged", notes=["已在名册（在押）"])
        else:
            item.update(
                type="ledger_only",
                notes=[
                    f"名册中此人已于{zh_date(person.row['discharged_on'])}出所，台账记为入所：核实是否再次收押"
                ],
            )
        return
    admitted: date = values["admitted_at"]
    new: dict[str, Any] = {
        k: values[k]
        for k in (
            "name",
            "id_number",
            "gender",
            "birth_date",
            "ethnicity",
            "block",
            "cell",
            "case_authority",
            "charges",
            "case_no",
            "legal_status",
            "stage",
            "stage_started_on",
        )
        if values.get(k) is not None
    }
    new["admitted_at"] = datetime.combine(admitted, time(0, 0), tzinfo=SHANGHAI)
    new.setdefault("stage", e.Stage.DETENTION.value)
    new.setdefault("stage_started_on", admitted)
    new.setdefault("legal_status", _LEGAL_STATUS_OF_STAGE.get(new["stage"], "suspect"))
    number = new.get("id_number")
    if isinstance(number, str):
        try:
            new.setdefault("gender", gender_from_id(number))
            new.setdefault("birth_date", birth_date_from_id(number))
        except ValueError:
            pass  # the spec names what is wrong with the number
    if values.get("admission_paper"):
        new["admission_documents"] = [{"name": values["admission_paper"]}]
    errors = [err.message_zh for err in DETAINEE.errors(new, today=today)]
    if errors:
        item.update(type="rejected", notes=errors)
        return
    due = admitted + timedelta(days=settings.new_arrival_talk_days)
    item["type"] = "admission"
    item["changes"] = {k: _json(v) for k, v in new.items()}
    item["notes"].append(
        f"新收押：应于{zh_date(due)}前谈话（新收押人员{settings.new_arrival_talk_days}日内必谈）"
    )
    if not values.get("admission_paper") and "admission_paper" in values:
        item["flags"].append(_flag("admission_without_paper", "入所登记未写明收押凭证"))


def _release(
    item: dict[str, Any], values: dict[str, Any], person: _Person | None, settings: RuleSettings, today: date
) -> None:
    if person is None:
        item.update(type="ledger_only", notes=["名册中没有此人（出所登记有）：核实是否漏登收押"])
        return
    row = person.row
    out: date = values["discharged_on"]
    if row["discharged_on"] is not None:
        note = f"名册已记出所（{zh_date(row['discharged_on'])}）"
        if row["discharged_on"] != out:
            item["flags"].append(_flag("release_date_differs", f"{note}，台账出所日期为{zh_date(out)}"))
        item.update(type="unchanged", notes=[note])
        return
    kind = values.get("discharge_kind") or e.DischargeKind.RELEASED.value
    changes: dict[str, Any] = {"discharged_on": out.isoformat(), "discharge_kind": kind}
    paper = values.get("discharge_paper")
    if paper:
        changes["discharge_documents"] = [{"name": paper}]
    item["changes"] = changes
    item["type"] = "transfer_out" if kind in ("transferred", "delivered") else "release"
    if values.get("destination"):
        item["notes"].append(f"去向：{values['destination']}")
    expected = EXPECTED_PAPER.get(kind, ())
    if expected and not (paper and any(w in paper for w in expected)):
        label = label_of(e.DischargeKind, kind)
        item["flags"].append(
            _flag(
                "release_without_paper",
                f"以“{label}”出所，未见{'或'.join(expected[:2])}"
                + (f"（台账所记：{paper}）" if paper else ""),
            )
        )
    if person.cached is not None:
        limit, basis = person.cached
    else:
        computed = _custody(person, settings, out)
        limit, basis = (computed.deadline, computed.basis) if computed is not None else (None, "")
    if limit is not None:
        item["notes"].append(f"出所时羁押期限：{zh_date(limit)}（{basis or '—'}）")
        if out > limit:
            item["flags"].append(
                _flag(
                    "release_after_custody_end",
                    f"出所日期{zh_date(out)}晚于羁押期限{zh_date(limit)}，超期{(out - limit).days}日",
                )
            )
    term_end = row["term_end"]
    if (
        kind == "released"
        and term_end is not None
        and row["stage"] in ("serving_in_center", "awaiting_execution")
    ):
        if out > term_end + timedelta(days=1):
            item["flags"].append(
                _flag("release_after_term_end", f"刑期止日{zh_date(term_end)}，{zh_date(out)}才释放")
            )
        elif out < term_end:
            item["flags"].append(
                _flag(
                    "release_before_term_end",
                    f"刑期止日{zh_date(term_end)}，提前于{zh_date(out)}释放：核实依据",
                )
            )
    if row["stage"] in ("detention", "arrest_review", "investigation") and kind == "delivered":
        item["flags"].append(
            _flag("release_stage_mismatch", f"诉讼环节为{label_of(e.Stage, row['stage'])}，不应交付执行")
        )


def _handover(
    item: dict[str, Any], values: dict[str, Any], person: _Person | None, settings: RuleSettings, today: date
) -> None:
    if person is None:
        item.update(type="ledger_only", notes=["名册中没有此人（换押台账有）：核实是否漏登收押"])
        return
    row = person.row
    on: date = values["handover_on"]
    if row["discharged_on"] is not None:
        item.update(type="ledger_only", notes=[f"名册中此人已于{zh_date(row['discharged_on'])}出所"])
        return
    new_stage = values.get("stage")
    events: list[dict[str, Any]] = []
    handover = {
        "kind": "custody_handover",
        "occurred_on": on.isoformat(),
        "document_no": values.get("handover_no"),
    }
    already = any(ev.kind == "custody_handover" and ev.occurred_on == on for ev in person.events)
    changes: dict[str, Any] = {}
    if new_stage and new_stage != row["stage"]:
        changes = {"stage": new_stage, "stage_started_on": on.isoformat()}
        status = _LEGAL_STATUS_OF_STAGE.get(new_stage)
        if status and status != row["legal_status"]:
            changes["legal_status"] = status
        opening = _STAGE_EVENT.get(new_stage)
        if new_stage == "prosecution_review" and row["stage"] == "supplementary_investigation":
            opening = "retransferred"
        if opening and not any(ev.kind == opening and ev.occurred_on == on for ev in person.events):
            events.append(
                {"kind": opening, "occurred_on": on.isoformat(), "document_no": values.get("handover_no")}
            )
    if values.get("case_authority") and values["case_authority"] != row["case_authority"]:
        changes["case_authority"] = values["case_authority"]
    if not already:
        events.append(handover)
    if not changes and not events:
        item.update(type="unchanged", notes=[f"名册已记{zh_date(on)}换押"])
        return
    item["type"] = "stage_change" if "stage" in changes else "handover"
    item["changes"] = changes
    item["events"] = events
    before = _custody(person, settings, today)
    extra = [CustodyEventInput(ev["kind"], date.fromisoformat(ev["occurred_on"])) for ev in events]
    after = (
        _custody(person, settings, today, stage=new_stage or row["stage"], started=on, extra=extra)
        if (new_stage and new_stage != row["stage"])
        else _custody(person, settings, today, extra=extra)
    )
    old_text = zh_date(before.deadline) if before is not None and before.deadline else "无"
    if "stage" in changes:
        item["notes"].append(f"诉讼环节：{label_of(e.Stage, row['stage'])} → {label_of(e.Stage, new_stage)}")
    if after is not None and after.deadline is not None:
        item["notes"].append(f"羁押期限重新计算：{old_text} → {zh_date(after.deadline)}（{after.basis}）")
        if after.deadline < today:
            item["flags"].append(
                _flag("overdue_after_handover", f"按新环节计算，羁押期限{zh_date(after.deadline)}已过")
            )


def _serving(
    item: dict[str, Any], values: dict[str, Any], person: _Person | None, settings: RuleSettings, today: date
) -> None:
    if person is None:
        item.update(type="ledger_only", notes=["名册中没有此人（留所服刑台账有）"])
        return
    row = person.row
    if row["discharged_on"] is not None:
        item.update(type="ledger_only", notes=[f"名册中此人已于{zh_date(row['discharged_on'])}出所"])
        return
    changes: dict[str, Any] = {}
    for k in ("sentence_kind", "sentence_text", "term_start", "term_end", "judgment_effective_on",
              "execution_notice_received_on"):  # fmt: skip
        v = values.get(k)
        if v is not None and v != row[k]:
            changes[k] = _json(v)
    decided: date = values.get("serve_decided_on") or today
    events: list[dict[str, Any]] = []
    if row["stage"] != e.Stage.SERVING_IN_CENTER.value:
        changes.update(stage=e.Stage.SERVING_IN_CENTER.value, stage_started_on=decided.isoformat())
        if row["legal_status"] != "convict":
            changes["legal_status"] = "convict"
        if not any(ev.kind == "serve_in_center_decided" for ev in person.events):
            events.append(
                {"kind": "serve_in_center_decided", "occurred_on": decided.isoformat(), "document_no": None}
            )
    sentence_kind = values.get("sentence_kind") or row["sentence_kind"]
    term_end = values.get("term_end") or row["term_end"]
    received = values.get("execution_notice_received_on") or row["execution_notice_received_on"]
    reference = reference_date_for(settings, execution_notice_received_on=received, decision_date=decided)
    check = serve_in_center_decision(sentence_kind, term_end, reference, settings)
    item["notes"].append(check.explanation)
    if check.outcome == "must_deliver":
        item["flags"].append(_flag("serving_over_3_months", check.explanation))
    elif check.outcome in ("unknown", "human_review"):
        item["flags"].append(_flag("serving_needs_review", check.explanation))
    if not changes and not events:
        item["type"] = "unchanged"
        return
    item.update(type="serving", changes=changes, events=events)


_ITEM_BUILDERS = {
    LedgerKind.ADMISSION.value: _admission,
    LedgerKind.RELEASE.value: _release,
    LedgerKind.HANDOVER.value: _handover,
    LedgerKind.SERVING.value: _serving,
}


# ---- profiles and imports -----------------------------------------------------------------------


def insert_row(
    s: Session,
    kind: str,
    values: Mapping[str, Any],
    actor: Actor,
    action: str = "create",
    *,
    unchecked: frozenset[str] = frozenset(),
) -> Any:
    """A new row of a kind that has no form (validated by its spec, audited, captured for sync) in the
    caller's transaction."""
    model = records.model_of(kind)
    if unchecked:  # values this module built from cleaned text: not walked again
        checked = {k: v for k, v in values.items() if k not in unchecked}
        SPECS[kind].validate({**python_defaults(model), **checked}, today=today_local())
    row = prepare_row(model, values, actor.write_actor, today_local(), utc_now(), validate=not unchecked)
    obj = model(**row)
    s.add(obj)
    s.flush()
    audit.record(
        s,
        action,
        user_id=actor.user_id,
        device_id=actor.device_id,
        table_name=kind,
        row_id=obj.id,
        detail={"fields": sorted(k for k, v in values.items() if v is not None)},
    )
    return obj


def _profile(s: Session, station_id: uuid.UUID, name: str) -> LedgerProfile | None:
    return s.scalar(
        select(LedgerProfile).where(
            LedgerProfile.station_id == station_id,
            LedgerProfile.name == name,
            LedgerProfile.deleted_at.is_(None),
        )
    )


def list_profiles(store: Store) -> list[dict[str, Any]]:
    with store.session(read_only=True) as s:
        return [
            {"name": p.name, "kind": p.ledger_kind, "columns": dict(p.columns), "defaults": dict(p.defaults)}
            for p in s.scalars(
                select(LedgerProfile).where(LedgerProfile.deleted_at.is_(None)).order_by(LedgerProfile.name)
            )
        ]


@dataclass(frozen=True)
class ImportResult:
    import_id: uuid.UUID
    kind: str
    table: LedgerTable
    mapping: dict[int, str]
    report: dict[str, Any]
    profile: str | None
    profile_saved: bool


def import_ledger(
    store: Store,
    path: Path,
    actor: Actor,
    *,
    kind: str | None = None,
    profile: str | None = None,
    sheet: str | None = None,
    map_specs: Sequence[str] = (),
    defaults: Mapping[str, str] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportResult:
    """Read a ledger, map it (the named profile, else the headers, then ``map_specs``), build its change
    report and keep the import (待确认) with the report. A profile named for the first time is saved
    with the mapping used; a named profile's mapping is updated when ``map_specs`` change it. The
    register is not touched. ``progress(done, total)`` reports the rows read and compared; ``cancel()``,
    asked between rows and once more before anything is kept, stops it with :class:`LedgerCancelledError`
    — nothing is kept then."""
    require(actor, Permission.EDIT)
    table = read_ledger(path, sheet=sheet, cancel=cancel)
    fixed: dict[str, Any] = {}
    for key, text in (defaults or {}).items():
        fname = field_name(key)
        value, problem = _convert(fname, text)
        if problem is not None:
            raise LedgerError(f"默认值：{problem}", f"default for {fname}: {problem}")
        fixed[fname] = value
    with store.session() as s:
        saved = _profile(s, store.station_id, profile) if profile else None
        if saved is not None and kind is not None and kind != saved.ledger_kind:
            raise LedgerError(
                f"台账格式“{profile}”用于{label_of(LedgerKind, saved.ledger_kind)}台账，不能用于"
                f"{label_of(LedgerKind, kind)}台账",
                f"profile {profile!r} is for {saved.ledger_kind} ledgers, not {kind}",
            )
        base = map_columns(table, saved.columns if saved is not None else None)
        mapping = parse_mapping(map_specs, table, base)
        if saved is not None:
            fixed = {**{k: _convert(k, v)[0] for k, v in saved.defaults.items() if k in FIELDS}, **fixed}
        the_kind = kind or (saved.ledger_kind if saved is not None else guess_kind(table, mapping))
        report = build_report(
            s,
            store.station_id,
            table,
            mapping,
            the_kind,
            defaults=fixed,
            today=today,
            progress=progress,
            cancel=cancel,
        )
        _step(2 * len(table.rows), 2 * len(table.rows), progress, cancel)
        columns = {table.headers[i]: f for i, f in sorted(mapping.items()) if table.headers[i]}
        stored_defaults = {k: _json(v) for k, v in fixed.items()}
        profile_saved = False
        if profile and saved is None:
            saved = insert_row(
                s,
                "ledger_profile",
                {"name": profile, "ledger_kind": the_kind, "columns": columns, "defaults": stored_defaults},
                actor,
            )
            profile_saved = True
        elif saved is not None and (saved.columns != columns or saved.defaults != stored_defaults):
            records.apply_update(
                s, "ledger_profile", saved, {"columns": columns, "defaults": stored_defaults}, actor
            )
            profile_saved = True
        report["file"] = _text(table.path.name)
        report["source"] = table.source
        obj = insert_row(
            s,
            "ledger_import",
            {
                "ledger_kind": the_kind,
                "profile_id": saved.id if saved is not None else None,
                "file_name": table.path.name[:200],
                "sha256": table.sha256,
                "imported_at": utc_now(),
                "imported_by": actor.user_id,
                "row_count": len(table.rows),
                "report": report,
                "status": e.LedgerImportStatus.PENDING.value,
            },
            actor,
            action="ledger_import",
            unchecked=frozenset({"report"}),
        )
        return ImportResult(obj.id, the_kind, table, mapping, report, profile, profile_saved)


def load_import(store: Store, import_id: uuid.UUID | str) -> dict[str, Any]:
    """An import and its report, as the page and ``ledger show`` print it."""
    with store.session(read_only=True) as s:
        obj = _find_import(s, import_id)
        return {
            "id": obj.id,
            "kind": obj.ledger_kind,
            "file_name": obj.file_name,
            "sha256": obj.sha256,
            "imported_at": obj.imported_at,
            "row_count": obj.row_count,
            "status": obj.status,
            "report": obj.report,
        }


def list_imports(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    with store.session(read_only=True) as s:
        return [
            {
                "id": o.id,
                "kind": o.ledger_kind,
                "file_name": o.file_name,
                "imported_at": o.imported_at,
                "row_count": o.row_count,
                "status": o.status,
                "counts": dict((o.report or {}).get("counts", {})),
            }
            for o in s.scalars(
                select(LedgerImport)
                .where(LedgerImport.deleted_at.is_(None))
                .order_by(LedgerImport.imported_at.desc())
                .limit(limit)
            )
        ]


def _find_import(s: Session, import_id: uuid.UUID | str) -> LedgerImport:
    obj: LedgerImport | None = None
    if isinstance(import_id, uuid.UUID):
        obj = s.get(LedgerImport, import_id)
    else:
        text = import_id.strip().replace("-", "").lower()
        if not re.fullmatch(r"[0-9a-f]{4,32}", text):
            raise LedgerError(f"导入编号无效：{import_id}", f"invalid import id {import_id!r}")
        matches = [
            o
            for o in s.scalars(select(LedgerImport).where(LedgerImport.deleted_at.is_(None)))
            if o.id.hex.startswith(text)
        ]
        if len(matches) > 1:
            raise LedgerError(
                f"导入编号“{import_id}”不唯一，请多写几位", f"import id {import_id!r} is ambiguous"
            )
        obj = matches[0] if matches else None
    if obj is None or obj.deleted_at is not None:
        raise LedgerError(f"找不到台账导入 {import_id}", f"no ledger import {import_id}")
    return obj


# ---- confirming ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Confirmed:
    applied: list[int]
    status: str
    detainee_ids: list[uuid.UUID]


def confirm(
    store: Store, import_id: uuid.UUID | str, actor: Actor, *, items: Sequence[int] | None = None
) -> Confirmed:
    """Apply the chosen items of an import's change report to the register (``items`` None: every item
    that can be confirmed and is not yet applied), in one transaction through the services' writer;
    any failure leaves the register and the report as they were."""
    require(actor, Permission.EDIT)
    with store.session() as s:
        obj = _find_import(s, import_id)
        report = dict(obj.report or {})
        all_items = [dict(i) for i in report.get("items", [])]
        by_n = {int(i["n"]): i for i in all_items}
        if items is None:
            chosen = [i for i in all_items if i.get("confirmable") and not i.get("applied")]
        else:
            chosen = []
            for n in items:
                item = by_n.get(int(n))
                if item is None:
                    raise LedgerError(f"变动报告中没有第{n}项", f"the report has no item {n}")
                if not item.get("confirmable"):
                    label = ITEM_TYPES.get(item["type"], item["type"])
                    raise LedgerError(
                        f"第{n}项（{label}）不能确认写入名册",
                        f"item {n} ({item['type']}) cannot be confirmed",
                    )
                if item.get("applied"):
                    raise LedgerError(f"第{n}项已确认过", f"item {n} was already confirmed")
                chosen.append(item)
        touched: list[uuid.UUID] = []
        for item in chosen:
            touched.append(_apply(s, item, actor, obj.id))
            item["applied"] = True
        remaining = [i for i in all_items if i.get("confirmable") and not i.get("applied")]
        applied_any = any(i.get("applied") for i in all_items)
        status = (
            e.LedgerImportStatus.CONFIRMED.value
            if not remaining
            else (e.LedgerImportStatus.PARTLY.value if applied_any else e.LedgerImportStatus.PENDING.value)
        )
        report["items"] = all_items
        records.apply_update(
            s,
            "ledger_import",
            obj,
            {"report": report, "status": status, "confirmed_at": utc_now(), "confirmed_by": actor.user_id},
            actor,
            action="ledger_confirm",
            detail={"items": [int(i["n"]) for i in chosen]},
        )
        return Confirmed([int(i["n"]) for i in chosen], status, touched)


def _value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "admitted_at":
        return datetime.fromisoformat(value)
    if name in _DATES or name == "occurred_on":
        return date.fromisoformat(value)
    return value


def _apply(s: Session, item: Mapping[str, Any], actor: Actor, import_id: uuid.UUID) -> uuid.UUID:
    changes = {k: _value(k, v) for k, v in item.get("changes", {}).items()}
    detail = {"ledger_import": import_id.hex, "item": int(item["n"])}
    if item["type"] == "admission":
        papers = changes.pop("admission_documents", None)
        obj = records.insert_record(s, "detainee", changes, actor, action="ledger_admit")
        person_id: uuid.UUID = obj.id
        if papers:
            records.apply_update(s, "detainee", obj, {"admission_documents": papers}, actor, detail=detail)
    else:
        person_id = uuid.UUID(str(item["detainee_id"]))
        person = s.get(Detainee, person_id)
        if person is None or person.deleted_at is not None:
            raise LedgerError(
                f"第{item['n']}项的人员（{item['name']}）已不在名册中，请重新导入台账",
                f"item {item['n']}: the person is no longer on the register",
            )
        if "discharge_documents" in changes:
            changes["discharge_documents"] = [
                *(person.discharge_documents or []),
                *changes["discharge_documents"],
            ]
        if changes:
            records.apply_update(s, "detainee", person, changes, actor, detail=detail)
    for ev in item.get("events", []):
        values = {
            "detainee_id": person_id,
            "kind": ev["kind"],
            "occurred_on": date.fromisoformat(ev["occurred_on"]),
            "document_no": ev.get("document_no"),
        }
        records.insert_record(s, "custody_event", values, actor, action="ledger_event")
    return person_id


# ---- printing -----------------------------------------------------------------------------------


def report_lines(loaded: Mapping[str, Any]) -> list[str]:
    """The change report as lines of text (``inspector ledger show``; the page prints the same)."""
    report = loaded["report"]
    kind = label_of(LedgerKind, loaded["kind"])
    status = label_of(e.LedgerImportStatus, loaded["status"])
    when = loaded["imported_at"].astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    out = [
        f"台账导入 {loaded['id'].hex[:8]}：{kind}台账 {loaded['file_name']}（{report.get('source', '')}），"
        f"{loaded['row_count']}行，{when}导入，{status}",
    ]
    counts = report.get("counts", {})
    out.append("变动：" + ("，".join(f"{ITEM_TYPES.get(k, k)} {v}" for k, v in counts.items()) or "无"))
    for item in report.get("items", []):
        if item["type"] == "unchanged":
            continue
        mark = "✓" if item.get("applied") else ("·" if item.get("confirmable") else " ")
        where = f"第{item['line']}行" if item.get("line") else "名册"
        head = f"{mark} [{item['n']}] {ITEM_TYPES.get(item['type'], item['type'])} {item['name']}（{where}）"
        out.append(head)
        for k, v in item.get("changes", {}).items():
            if k in ("name", "id_number"):
                continue
            out.append(f"      {FIELDS.get(k, (k,))[0] if k in FIELDS else k}：{shown_value(k, v)}")
        for ev in item.get("events", []):
            out.append(f"      事件：{label_of(e.CustodyEventKind, ev['kind'])} {ev['occurred_on']}")
        for note in item.get("notes", []):
            out.append(f"      {note}")
        for flag in item.get("flags", []):
            out.append(f"      ⚠ {flag['text']}")
    return out


def shown_value(name: str, value: Any) -> str:
    """A register field's value as the report shows it: a choice by its label, papers by name, an
    admission by its day."""
    enum = _CHOICES.get(name)
    if enum is not None and value in enum.values():
        return label_of(enum, value)
    if isinstance(value, list):
        return "、".join(str(v.get("name", v)) if isinstance(v, dict) else str(v) for v in value)
    if name == "admitted_at" and isinstance(value, str):
        return value[:10]
    return "" if value is None else str(value)
