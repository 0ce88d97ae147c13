"""纠正违法通知书 and 检察建议书 (docs/domain.md, "Notices and suggestions: contents"), laid out per GB/T
9704-2012 (docs/documents.md, "Layout").

Builders are pure: ``build_notice(NoticeDoc) -> bytes``. ``notice_from_record`` turns an ORM row (or a
dict with the same keys) into a :class:`NoticeDoc`; :func:`inspector.documents.loaders.load_notice` reads
one from the store, with the names of the confidential sources linked to it, which never appear in the
printed text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from inspector.documents.common import StationInfo, get
from inspector.documents.confidential import DEFAULT_PSEUDONYM, Pseudonymizer, Source
from inspector.documents.layout import Document, Span
from inspector.documents.text import (
    chinese_count,
    chinese_number,
    ensure_period,
    issue_date,
    split_paragraphs,
    strip_trailing,
)
from inspector.documents.wording import Wording
from inspector.domain.errors import InspectorError

if TYPE_CHECKING:
    from inspector.documents.numbering import NumberingSettings

__all__ = [
    "NoticeDoc",
    "SuggestionDoc",
    "build_notice",
    "build_suggestion",
    "compose_notice",
    "notice_basis_for",
    "notice_from_record",
    "suggestion_from_record",
]

NumberAlign = Literal["right", "center"]
NOTICE, SUGGESTION = "rectification_notice", "procuratorial_suggestion"

# The provisions a notice relies on, by trigger (docs/domain.md, "Notices and suggestions: contents"):
# 超期羁押 is corrected under Rules 2019 arts 618–619, addressed to the 办案机关; the others under the
# general rule of arts 552 and 624.
GENERAL_NOTICE_BASIS = "《人民检察院刑事诉讼规则》第五百五十二条、第六百二十四条"
OVERDUE_CUSTODY_BASIS = "《人民检察院刑事诉讼规则》第六百一十八条、第六百一十九条"


def notice_basis_for(trigger: str | None) -> str:
    """The default 法律根据 of a notice raised for ``trigger``."""
    return OVERDUE_CUSTODY_BASIS if trigger == "overdue_custody" else GENERAL_NOTICE_BASIS


@dataclass
class NoticeDoc:
    """The printed content of a 纠正违法通知书."""

    issuer_name: str
    addressee: str
    facts: str
    doc_number: str | None = None
    discovery: str | None = None  # how and when it was found: "2026年3月10日巡视检察"
    violated_provision: str | None = None  # "《看守所条例》第十七条"
    basis_provision: str | None = None  # "《人民检察院刑事诉讼规则》第五百五十二条"
    correction_requests: str | None = None  # one request per line
    reply_period_days: int = 15
    issued_on: date | None = None
    copy_to: list[str] = field(default_factory=list)
    confidential_names: list[Source] = field(default_factory=list)
    pseudonym: str = DEFAULT_PSEUDONYM
    doc_number_align: NumberAlign = "right"
    wording: Wording = field(default_factory=Wording)
    trigger: str | None = None  # a NoticeTrigger value: 超期羁押 has its own basis
    date_style: str = "arabic"  # the 成文日期: 2026年9月18日, or "chinese" 二〇二六年九月十八日


@dataclass
class SuggestionDoc:
    """The printed content of a 检察建议书."""

    issuer_name: str
    addressee: str
    facts_found: str
    doc_number: str | None = None
    case_source: str | None = None
    problems: str | None = None
    cause_analysis: str | None = None
    legal_basis: str | None = None
    recommendations: list[str] = field(default_factory=list)
    objection_period_days: int | None = None
    reply_period_months: int = 2
    issued_on: date | None = None
    copy_to: list[str] = field(default_factory=list)
    confidential_names: list[Source] = field(default_factory=list)
    pseudonym: str = DEFAULT_PSEUDONYM
    doc_number_align: NumberAlign = "right"
    wording: Wording = field(default_factory=Wording)
    date_style: str = "arabic"


# ---- from records ---------------------------------------------------------------------------------


def _number_or_blank(rec: Any, doc_type: str, numbering: NumberingSettings | None) -> str | None:
    """The 文号 once signed; ``None`` for a document not yet signed, which prints as a draft (草稿),
    never with a blank 〔　　〕　号."""
    number = get(rec, "doc_number")
    return str(number) if number else None


@dataclass(frozen=True)
class OfficialStyle:
    """What the station, not the record, decides about its numbered documents: the issuer and addressee
    defaults, the 文号 format and position, the pseudonym for confidential sources, the wording."""

    station: StationInfo | None = None
    numbering: NumberingSettings | None = None
    pseudonym: str = DEFAULT_PSEUDONYM
    doc_number_align: NumberAlign = "right"
    wording: Wording = field(default_factory=Wording)
    date_style: str = "arabic"  # text.DATE_STYLES: how the 成文日期 is written


def notice_from_record(
    rec: Any, *, style: OfficialStyle | None = None, confidential_names: Sequence[Source] = ()
) -> NoticeDoc:
    """A :class:`NoticeDoc` from a ``RectificationNotice`` (or a dict with its field names).

    An unsigned draft prints as a draft (草稿), without a 文号."""
    style = style or OfficialStyle()
    station = style.station
    return NoticeDoc(
        issuer_name=get(rec, "issuer_name") or (station.procuratorate if station else ""),
        addressee=get(rec, "addressee") or (station.detention_center if station else ""),
        facts=get(rec, "facts", ""),
        doc_number=_number_or_blank(rec, NOTICE, style.numbering),
        discovery=get(rec, "discovery"),
        violated_provision=get(rec, "violated_provision"),
        basis_provision=get(rec, "basis_provision"),
        correction_requests=get(rec, "correction_requests"),
        reply_period_days=int(get(rec, "reply_period_days", 15)),
        issued_on=get(rec, "issued_on"),
        copy_to=list(get(rec, "copy_to", [])),
        confidential_names=list(confidential_names),
        pseudonym=style.pseudonym,
        doc_number_align=style.doc_number_align,
        wording=style.wording,
        trigger=get(rec, "trigger"),
        date_style=style.date_style,
    )


def suggestion_from_record(
    rec: Any, *, style: OfficialStyle | None = None, confidential_names: Sequence[Source] = ()
) -> SuggestionDoc:
    """A :class:`SuggestionDoc` from a ``ProcuratorialSuggestion`` (or a dict with its field names)."""
    style = style or OfficialStyle()
    station = style.station
    return SuggestionDoc(
        issuer_name=get(rec, "issuer_name") or (station.procuratorate if station else ""),
        addressee=get(rec, "addressee") or (station.detention_center if station else ""),
        facts_found=get(rec, "facts_found", ""),
        doc_number=_number_or_blank(rec, SUGGESTION, style.numbering),
        case_source=get(rec, "case_source"),
        problems=get(rec, "problems"),
        cause_analysis=get(rec, "cause_analysis"),
        legal_basis=get(rec, "legal_basis"),
        recommendations=[str(r) for r in get(rec, "recommendations", []) if str(r).strip()],
        objection_period_days=get(rec, "objection_period_days"),
        reply_period_months=int(get(rec, "reply_period_months", 2)),
        issued_on=get(rec, "issued_on"),
        copy_to=list(get(rec, "copy_to", [])),
        confidential_names=list(confidential_names),
        pseudonym=style.pseudonym,
        doc_number_align=style.doc_number_align,
        wording=style.wording,
        date_style=style.date_style,
    )


# ---- wording --------------------------------------------------------------------------------------


def notice_paragraphs(doc: NoticeDoc) -> list[Span]:
    """The body of a notice, one span per paragraph (each naming the field it mostly comes from)."""
    facts = split_paragraphs(doc.facts)
    if not facts:
        raise InspectorError("违法事实为必填项", "facts are required to print a notice")
    out: list[Span] = []
    first = ensure_period(facts[0])
    discovery = (doc.discovery or "").strip().rstrip("，,。：:")
    if discovery:
        lead = discovery if discovery.startswith("本院") else "本院于" + discovery
        if not lead.endswith("发现"):
            lead += "发现" if lead.endswith(("中", "时")) else "中发现"
        first = f"{lead}，{first}"
    out.append(Span(first, "facts"))
    out += [Span(ensure_period(p), "facts") for p in facts[1:]]

    w = doc.wording
    reasons = ""
    if doc.violated_provision and doc.violated_provision.strip():
        reasons = w.text("notice_reasons", violated=strip_trailing(doc.violated_provision, "的规定", "规定"))
    given = (doc.basis_provision or "").strip()
    if doc.trigger == "overdue_custody" and (not given or given == GENERAL_NOTICE_BASIS):
        given = OVERDUE_CUSTODY_BASIS  # 超期羁押: arts 618–619, not the general rule
    basis = strip_trailing(given, "的规定", "规定")
    lead = w.text("notice_basis", basis=basis) if basis else w.text("notice_no_basis")
    lead = lead.rstrip("：:，,。")
    requests = split_paragraphs(doc.correction_requests)
    if len(requests) == 1:
        out.append(Span(f"{reasons}{lead}：{ensure_period(requests[0])}", "correction_requests"))
    else:
        out.append(Span(f"{reasons}{lead}{'：' if requests else '。'}", "correction_requests"))
        out += [Span(ensure_period(r), "correction_requests") for r in requests]
    days = chinese_number(doc.reply_period_days)
    out.append(Span(w.text("notice_reply", days=days), "reply_period_days"))
    return out


def _same_text(a: str, b: str) -> bool:
    """Whether two passages say the same thing (ignoring punctuation and spaces)."""

    def norm(t: str) -> str:
        return "".join(ch for ch in t if ch.isalnum())

    na, nb = norm(a), norm(b)
    return bool(na) and (na == nb or na in nb)


def _basis_list(text: str) -> str:
    """ "《甲》第十一条；《乙》第六百二十四条" → "《甲》第十一条、《乙》第六百二十四条"."""
    parts = [
        strip_trailing(p.strip().rstrip("。；;，,"), "的规定", "规定")
        for p in text.replace(";", "；").split("；")
    ]
    return "、".join(p for p in parts if p)


def suggestion_paragraphs(doc: SuggestionDoc) -> list[Span]:
    """The body of a suggestion: how the problem came to light and the facts found (one paragraph, the
    source leading into the facts), the reasoning after 本院认为 (the problems, their cause, the legal
    basis), the numbered recommendations, the objection and reply periods. A problem that only repeats
    the facts is not printed twice."""
    facts = split_paragraphs(doc.facts_found)
    if not facts:
        raise InspectorError("查明事实为必填项", "facts_found is required to print a suggestion")
    w = doc.wording
    facts_lead = w.text("suggestion_facts_lead")
    bare_lead = facts_lead.rstrip("：:，,")
    first = facts[0].removeprefix(facts_lead).removeprefix(bare_lead).lstrip("：:，,")
    sources = [p.rstrip("。；;，,：:") for p in split_paragraphs(doc.case_source)]
    out: list[Span] = []
    if sources and sources[-1].endswith(("发现", "中", "时")):
        lead = sources.pop()
        lead += "" if lead.endswith("发现") else "发现"
        out += [Span(ensure_period(p), "case_source") for p in sources]
        out.append(Span(ensure_period(f"{lead}，{first}"), "facts_found"))
    else:
        out += [Span(ensure_period(p), "case_source") for p in sources]
        out.append(Span(ensure_period(facts_lead + first), "facts_found"))
    out += [Span(ensure_period(p), "facts_found") for p in facts[1:]]

    problems = [p for p in split_paragraphs(doc.problems) if not _same_text(p, doc.facts_found)]
    causes = [p.rstrip("。；;，,") for p in split_paragraphs(doc.cause_analysis)]
    basis = split_paragraphs(doc.legal_basis)
    bare_basis = w.text("suggestion_basis_lead").rstrip("：:，,")
    recs_lead = w.text("suggestion_recommendations")
    if basis and basis[0].startswith(bare_basis):  # the reasoning written out in full: print it as is
        out += [Span(ensure_period(p), "legal_basis") for p in basis]
    else:
        cited = basis[0].startswith("《") if basis else False  # a list of provisions, not a sentence
        parts = [p.rstrip("。；;，,") for p in problems] or ["上述问题"]
        reason = f"{bare_basis}，" + "；".join(parts)
        if causes:
            reason += ("的原因在于" if not problems else "，其原因在于") + "；".join(causes)
        if basis and not cited:
            reason += "；" + "；".join(p.rstrip("。；;，,") for p in basis)
        elif not problems or causes:
            reason += "，应当予以整改"
        out.append(Span(ensure_period(reason), "cause_analysis" if causes else "problems"))
        if cited:
            provisions = _basis_list(" ".join(basis))
            recs_lead = f"根据{provisions}的规定，{recs_lead.removeprefix('为此，').removeprefix('为此')}"
    recs = [r.strip() for r in doc.recommendations if r.strip()]
    if recs:
        out.append(Span(recs_lead, "recommendations"))
        for i, rec in enumerate(recs, start=1):
            text = (
                rec
                if rec[:1] in "一二三四五六七八九十" and "、" in rec[:4]
                else f"{chinese_number(i)}、{rec}"
            )
            last = i == len(recs)
            text = text.rstrip("。；;，,") + ("。" if last else "；")
            out.append(Span(text, "recommendations"))
    if doc.objection_period_days:
        days = chinese_number(doc.objection_period_days)
        out.append(Span(w.text("suggestion_objection", days=days), "objection_period_days"))
    months = chinese_count(doc.reply_period_months)
    out.append(Span(w.text("suggestion_reply", months=months), "reply_period_months"))
    closing = w.text("suggestion_closing").strip()
    if closing and closing != "此致":  # 此致 belongs to a letter's end; 主送 stands at the top
        out.append(Span(ensure_period(closing) if len(closing) > 4 else closing, "closing"))
    return out


# ---- builders -------------------------------------------------------------------------------------


DRAFT = "草稿"


def _head(d: Document, issuer: str, title: str, number: str | None, align: NumberAlign) -> None:
    """Issuer and title; the 文号, or for a document not yet signed "草稿（未签发）" in its place and a
    grey 草稿 across every page."""
    d.title(issuer, field="issuer_name")
    d.title(title)
    if number:
        d.line(Span(number, "doc_number"), align=align)
    else:
        d.line(Span(f"{DRAFT}（未签发，无文号）", "doc_number"), align=align)
        d.draft_mark = DRAFT


def build_notice(doc: NoticeDoc) -> bytes:
    """The 纠正违法通知书 as PDF bytes."""
    return compose_notice(doc).render()


def compose_notice(doc: NoticeDoc) -> Document:
    """The laid-out notice (before drawing)."""
    p = Pseudonymizer(doc.confidential_names, doc.pseudonym)
    d = Document("纠正违法通知书", subject=doc.doc_number or "", author=doc.issuer_name)
    _head(d, doc.issuer_name, "纠正违法通知书", doc.doc_number, doc.doc_number_align)
    d.blank()
    d.line(Span(p.apply(doc.addressee).rstrip("：:") + "：", "addressee"))
    for span in notice_paragraphs(doc):
        d.paragraph(Span(p.apply(span.text), span.field))
    d.signature(doc.issuer_name, issue_date(doc.issued_on, doc.date_style), field="issuer_name")
    d.colophon([p.apply(c) for c in doc.copy_to], field="copy_to")
    return d


def build_suggestion(doc: SuggestionDoc) -> bytes:
    """The 检察建议书 as PDF bytes: 主送 at the top, under the 文号, as in the notice."""
    p = Pseudonymizer(doc.confidential_names, doc.pseudonym)
    d = Document("检察建议书", subject=doc.doc_number or "", author=doc.issuer_name)
    _head(d, doc.issuer_name, "检察建议书", doc.doc_number, doc.doc_number_align)
    d.blank()
    d.line(Span(p.apply(doc.addressee).rstrip("：:") + "：", "addressee"))
    for span in suggestion_paragraphs(doc):
        d.paragraph(Span(p.apply(span.text), span.field))
    d.signature(doc.issuer_name, issue_date(doc.issued_on, doc.date_style), field="issuer_name")
    d.colophon([p.apply(c) for c in doc.copy_to], field="copy_to")
    return d.render()
