"""Working records: 口头纠正意见记录, 个别谈话笔录 and 检察官信箱开启登记.

Builders are pure (their loaders are in :mod:`inspector.documents.loaders`). The oral correction
record is handed to the detention centre, so confidential sources linked to it are masked. The talk
record and the mailbox register are internal; the register masks confidential writers when printed
for the centre (``for_detention_center=True``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from inspector.documents.common import StationInfo, as_date, get, label
from inspector.documents.confidential import DEFAULT_PSEUDONYM, Pseudonymizer, Source
from inspector.documents.fonts import Role
from inspector.documents.layout import LINE_PITCH, Cell, Column, Document, Span
from inspector.documents.text import ensure_period, format_date, format_datetime, join_list, split_paragraphs
from inspector.domain import enums as e

__all__ = [
    "LetterRow",
    "MailboxDoc",
    "OralCorrectionDoc",
    "TalkDoc",
    "build_mailbox_register",
    "build_oral_correction",
    "build_talk",
    "short_date",
]

FORM_SIZE = 14.0  # 4号


def short_date(d: date | datetime | None) -> str:
    """2026.3.12 — for narrow table cells."""
    day = as_date(d)
    return "" if day is None else f"{day.year}.{day.month}.{day.day}"


def _form(d: Document, rows: Sequence[Sequence[Cell]], field: str, weights: Sequence[float] = (1, 3)) -> None:
    columns = [Column("", w) for w in weights]
    d.table(columns, rows, field=field, size=FORM_SIZE, header=False, min_row_height=LINE_PITCH)


def _label(text: str) -> Cell:
    return Cell(text, Role.HEI, "center")


# ---- 口头纠正意见记录 -------------------------------------------------------------------------------


@dataclass
class OralCorrectionDoc:
    organisation: str  # the procuratorate (first title line)
    issued_on: date
    addressee_unit: str
    facts: str
    issuers: list[str] = field(default_factory=list)
    addressee_person: str | None = None
    source: str = ""  # Chinese label: 巡视 / 谈话 / 信箱 …
    legal_basis: str | None = None
    follow_up_due: date | None = None
    corrected: bool = False
    corrected_on: date | None = None
    verified_how: str | None = None
    escalated_to: str | None = None  # 文号 of the notice it became
    confidential_names: list[Source] = field(default_factory=list)
    pseudonym: str = DEFAULT_PSEUDONYM


def oral_correction_from_record(
    rec: Any,
    *,
    station: StationInfo | None = None,
    issuers: Sequence[str] = (),
    escalated_to: str | None = None,
    confidential_names: Sequence[Source] = (),
    pseudonym: str = DEFAULT_PSEUDONYM,
) -> OralCorrectionDoc:
    return OralCorrectionDoc(
        organisation=station.procuratorate if station else "",
        issued_on=get(rec, "issued_on"),
        addressee_unit=get(rec, "addressee_unit", ""),
        facts=get(rec, "facts", ""),
        issuers=list(issuers),
        addressee_person=get(rec, "addressee_person"),
        source=label(e.FindingSource, get(rec, "source")),
        legal_basis=get(rec, "legal_basis"),
        follow_up_due=get(rec, "follow_up_due"),
        corrected=bool(get(rec, "corrected", False)),
        corrected_on=get(rec, "corrected_on"),
        verified_how=get(rec, "verified_how"),
        escalated_to=escalated_to,
        confidential_names=list(confidential_names),
        pseudonym=pseudonym,
    )


def build_oral_correction(doc: OralCorrectionDoc) -> bytes:
    p = Pseudonymizer(doc.confidential_names, doc.pseudonym)
    d = Document("口头纠正意见记录", author=doc.organisation)
    if doc.organisation:
        d.title(doc.organisation, field="organisation")
    d.title("口头纠正意见记录")
    d.blank()
    if doc.corrected:
        outcome = f"已整改（{format_date(doc.corrected_on, blank='日期未记录')}）"
        if doc.verified_how:
            outcome += "，核实方式：" + doc.verified_how
    else:
        outcome = "尚未整改"
    if doc.escalated_to:
        outcome += f"；已制发纠正违法通知书{doc.escalated_to}"
    rows = [
        [_label("提出日期"), Cell(format_date(doc.issued_on)), _label("发现途径"), Cell(doc.source)],
        [_label("提出人"), Cell(join_list(doc.issuers), colspan=3)],
        [
            _label("被纠正单位"),
            Cell(p.apply(doc.addressee_unit)),
            _label("被告知人"),
            Cell(p.apply(doc.addressee_person or "")),
        ],
        [
            _label("存在问题"),
            Cell(p.apply("\n".join(ensure_period(t) for t in split_paragraphs(doc.facts))), colspan=3),
        ],
        [_label("纠正依据"), Cell(p.apply(doc.legal_basis or ""), colspan=3)],
        [_label("整改期限"), Cell(format_date(doc.follow_up_due, blank=""), colspan=3)],
        [_label("整改情况"), Cell(p.apply(outcome), colspan=3)],
    ]
    _form(d, rows, "oral_correction", (1.5, 2.3, 1.25, 1.95))
    d.blank()
    d.line(Span("检察人员（签名）：", "signature"), indent=10)
    d.line(Span("被告知人（签名）：", "signature"), indent=10)
    return d.render()


# ---- 个别谈话笔录 ----------------------------------------------------------------------------------


@dataclass
class TalkDoc:
    organisation: str
    talk_at: datetime
    person: Mapping[str, Any]  # name, gender, birth_date, cell, stage, detained_on (as at the talk)
    talk_type: str = ""  # Chinese label
    place: str | None = None
    interviewers: list[str] = field(default_factory=list)
    recorder: str | None = None
    qa_text: str | None = None
    issues_summary: str | None = None
    handling_opinion: str | None = None
    confidential: bool = False


SNAPSHOT_KEYS = {
    "name": ("name",),
    "gender": ("gender",),
    "birth_date": ("birth_date",),
    "cell": ("cell",),
    "stage": ("stage",),
    "detained_on": ("detained_on", "detention_date", "admitted_on", "admitted_at"),
}


def talk_person(snapshot: Mapping[str, Any] | None, detainee: Any = None) -> dict[str, Any]:
    """The detainee's particulars as at the talk (``detainee_snapshot``), gaps filled from the register."""
    snap = dict(snapshot or {})
    out: dict[str, Any] = {}
    for key, names in SNAPSHOT_KEYS.items():
        value = next((snap[n] for n in names if snap.get(n)), None)
        if value is None and detainee is not None:
            value = next((get(detainee, n) for n in names if get(detainee, n) is not None), None)
        out[key] = value
    return out


def talk_from_record(
    rec: Any,
    *,
    station: StationInfo | None = None,
    detainee: Any = None,
    interviewers: Sequence[str] = (),
    recorder: str | None = None,
) -> TalkDoc:
    return TalkDoc(
        organisation=station.name if station else "",
        talk_at=get(rec, "talk_at"),
        person=talk_person(get(rec, "detainee_snapshot"), detainee),
        talk_type=label(e.TalkType, get(rec, "talk_type")),
        place=get(rec, "place"),
        interviewers=list(interviewers),
        recorder=recorder,
        qa_text=get(rec, "qa_text"),
        issues_summary=get(rec, "issues_summary"),
        handling_opinion=get(rec, "handling_opinion"),
        confidential=bool(get(rec, "confidential", False)),
    )


def _date_text(value: Any) -> str:
    day = as_date(value) if value else None
    return format_date(day, blank="")


def build_talk(doc: TalkDoc) -> bytes:
    d = Document(TALK_TITLE, author=doc.organisation)
    # A record the person signs page by page: every page ends with the signature lines and says
    # 第×页　共×页, so no page can be taken out or put in unnoticed.
    d.page_label = "第{page}页　共{pages}页"
    d.footer_line(PAGE_SIGNATURES)
    d.title(TALK_TITLE)
    if doc.confidential:
        d.line(Span("（保密来源，不得向看守所提供）", "confidential", Role.KAI), align="center")
    else:
        d.blank()
    person = doc.person
    rows = [
        [
            _label("姓名"),
            Cell(str(person.get("name") or ""), Role.FANGSONG),
            _label("性别"),
            Cell(label(e.Gender, person.get("gender"))),
        ],
        [
            _label("出生日期"),
            Cell(_date_text(person.get("birth_date"))),
            _label("监室"),
            Cell(str(person.get("cell") or "")),
        ],
        [
            _label("诉讼环节"),
            Cell(label(e.Stage, person.get("stage"))),
            _label("羁押日期"),
            Cell(_date_text(person.get("detained_on"))),
        ],
        [_label("谈话时间"), Cell(format_datetime(doc.talk_at)), _label("谈话地点"), Cell(doc.place or "")],
        [_label("谈话人"), Cell(join_list(doc.interviewers)), _label("记录人"), Cell(doc.recorder or "")],
        [_label("谈话类型"), Cell(doc.talk_type, colspan=3)],
    ]
    _form(d, rows, "detainee_snapshot", (1.25, 2.75, 1.25, 1.75))
    d.blank()
    d.line(Span("谈话内容：", "qa_text", Role.HEI), keep_next=True)
    for para in split_paragraphs(doc.qa_text) or ["（无）"]:
        d.paragraph(Span(para, "qa_text"))
    if doc.issues_summary:
        d.line(Span("反映问题：", "issues_summary", Role.HEI), keep_next=True)
        for para in split_paragraphs(doc.issues_summary):
            d.paragraph(Span(ensure_period(para), "issues_summary"))
    # What the detainee confirms ends here: the attestation in their hand and the signatures. The
    # office's own 处理意见 comes after, never above the detainee's signature.
    keep = d.new_keep()
    for block in [b for b in d.blocks[-2:] if b.body_line]:  # never a page of signatures alone
        block.keep = keep
    closing = len(d.blocks)
    d.paragraph(Span(ATTESTATION, "attestation"), keep=keep)
    # The page with these signatures needs no footer signatures, nor does a page after it (the
    # office's 处理意见 only): the person's signature is never under the 处理意见.
    d.footer_stop = d.blocks[closing]
    d.blank(1, keep=keep)
    d.line(Span("被谈话人（签名、捺印）：", "signature"), indent=8, keep=keep)
    d.line(Span("谈话人（签名）：", "signature"), indent=8, keep=keep)
    d.line(Span("记录人（签名）：", "signature"), indent=8, keep=keep)
    if doc.handling_opinion:
        d.blank()
        d.line(Span("处理意见（检察人员填写）：", "handling_opinion", Role.HEI), keep_next=True)
        for para in split_paragraphs(doc.handling_opinion):
            d.paragraph(Span(ensure_period(para), "handling_opinion"))
    return d.render()


TALK_TITLE = "个别谈话笔录"
PAGE_SIGNATURES = [
    (0.0, Span("被谈话人：", "signature")),
    (10.0, Span("谈话人：", "signature")),
    (19.0, Span("记录人：", "signature")),
]
"""The signature lines at the foot of every page of the record (indents in characters)."""

ATTESTATION = "被谈话人核对意见：以上笔录我看过（向我宣读过），和我说的相符。"
"""The line the person talked to writes (or has read to them) before signing."""


# ---- 检察官信箱开启登记 ----------------------------------------------------------------------------


@dataclass
class LetterRow:
    serial_no: int
    category: str  # Chinese label
    subject: str
    accepted_on: date | None
    name: str | None = None  # None for an anonymous letter
    block: str | None = None
    handling: str = ""
    replied_on: date | None = None
    confidential: bool = False


@dataclass
class MailboxDoc:
    organisation: str
    opened_at: datetime
    location: str | None = None
    openers: list[str] = field(default_factory=list)
    letter_count: int = 0
    has_valuable_lead: bool = False
    lead_summary: str | None = None
    letters: list[LetterRow] = field(default_factory=list)
    for_detention_center: bool = False
    pseudonym: str = DEFAULT_PSEUDONYM


def letter_from_record(rec: Any, name: str | None) -> LetterRow:
    status = label(e.LetterStatus, get(rec, "status"))
    parts = [status]
    if get(rec, "transferred_to"):
        parts.append(f"转{get(rec, 'transferred_to')}")
    if get(rec, "result"):
        parts.append(str(get(rec, "result")))
    return LetterRow(
        serial_no=int(get(rec, "serial_no", 0)),
        category=label(e.LetterCategory, get(rec, "category")),
        subject=get(rec, "subject", ""),
        accepted_on=get(rec, "accepted_on"),
        name=name,
        block=get(rec, "block"),
        handling="；".join(p for p in parts if p),
        replied_on=get(rec, "replied_on"),
        confidential=bool(get(rec, "confidential", False)),
    )


def build_mailbox_register(doc: MailboxDoc) -> bytes:
    d = Document("检察官信箱开启登记", author=doc.organisation)
    d.title("检察官信箱开启登记")
    if doc.organisation:
        d.line(Span(doc.organisation, "organisation"), align="center")
    else:
        d.blank()
    masked = Pseudonymizer(
        [r.name for r in doc.letters if r.confidential and r.name] if doc.for_detention_center else [],
        doc.pseudonym,
    )
    centre_copy = doc.for_detention_center
    secret = centre_copy and any(r.confidential for r in doc.letters)
    lead = "有" if doc.has_valuable_lead else "无"
    if doc.has_valuable_lead and secret:  # the lead may well be what a confidential writer told
        lead += "（内容不向看守所提供）"
    elif doc.has_valuable_lead and doc.lead_summary:
        lead += "：" + masked.apply(doc.lead_summary)
    rows = [
        [
            _label("开启时间"),
            Cell(format_datetime(doc.opened_at)),
            _label("信箱位置"),
            Cell(doc.location or ""),
        ],
        [_label("开启人"), Cell(join_list(doc.openers)), _label("信件数"), Cell(f"{doc.letter_count}件")],
        [_label("有价值线索"), Cell(lead, colspan=3)],
    ]
    _form(d, rows, "mailbox_opening", (1.5, 2.5, 1.25, 1.75))
    d.blank()
    if not doc.letters:
        d.line(Span("本次开启未收到来信。", "letters"), indent=2)
        return d.render()
    columns = [  # widths in mm
        Column("序号", 11, "center"),
        Column("监区", 14, "center"),
        Column("姓名", 19, "center"),
        Column("类别", 12, "center"),
        Column("事由", 31),
        Column("受理日期", 23, "center"),
        Column("办理情况", 23),
        Column("答复日期", 23, "center"),
    ]
    rows2: list[list[Cell | str]] = []
    for r in sorted(doc.letters, key=lambda r: r.serial_no):
        if r.confidential and centre_copy:
            # Nothing that could point at the writer: no 监区, category, subject, handling or dates,
            # which together would narrow the writer down to a few people; the name by pseudonym.
            pseudonym = masked.apply(r.name) if r.name else "匿名"
            rows2.append([str(r.serial_no), Cell(f"保密来信（{pseudonym}），内容不向看守所提供", colspan=7)])
            continue
        name = "匿名" if r.name is None else r.name + ("（保密）" if r.confidential else "")
        subject = masked.apply(r.subject)
        rows2.append(
            [
                str(r.serial_no),
                r.block or "",
                name,
                r.category,
                subject,
                short_date(r.accepted_on),
                masked.apply(r.handling),
                short_date(r.replied_on),
            ]
        )
    d.table(columns, rows2, field="mailbox_letter", size=10.5)
    return d.render()
