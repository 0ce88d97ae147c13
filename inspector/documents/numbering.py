"""文号 (document numbers): blocks of sequence numbers per device, document type and year; signing.

The office leases each laptop a block of numbers per document type and year (docs/sync.md, "Number
leases (文号)"); until the device enrols, ``init`` grants a local block. A number is taken with one
``UPDATE … SET next_seq = next_seq + 1 WHERE next_seq <= last_seq … RETURNING`` inside the signing
transaction: two signers cannot get the same number (SQLite serialises the writes and each sees the
other's increment), a rolled-back signature gives its number back, and a committed one is never
reused — not even after the signed draft is deleted, because ``next_seq`` only grows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from inspector.domain.enums import DocumentState
from inspector.domain.errors import FieldError, InspectorError, ValidationError
from inspector.domain.records import SPECS
from inspector.store.models import (
    NumberBlock,
    ProcuratorialSuggestion,
    RectificationNotice,
    Station,
)
from inspector.store.queries import station_setting_values
from inspector.store.repository import RecordNotFoundError, today_local
from inspector.store.store import Store

__all__ = [
    "DEFAULT_DEPT_CODE",
    "DEFAULT_PATTERN",
    "DOC_LABELS",
    "NOTICE",
    "SUGGESTION",
    "TYPE_CODES",
    "NumberingSettings",
    "NumbersExhaustedError",
    "format_doc_number",
    "grant_local_block",
    "issue_number",
    "numbering_settings",
    "sign_document",
]

NOTICE = "rectification_notice"
SUGGESTION = "procuratorial_suggestion"
DOC_MODELS: dict[str, type[RectificationNotice] | type[ProcuratorialSuggestion]] = {
    NOTICE: RectificationNotice,
    SUGGESTION: ProcuratorialSuggestion,
}
DOC_LABELS = {NOTICE: "纠正违法通知书", SUGGESTION: "检察建议书"}
DOC_LABELS_EN = {NOTICE: "rectification notices", SUGGESTION: "procuratorial suggestions"}
DEFAULT_PATTERN = "{agency}检{dept}{type}〔{year}〕{n}号"
DEFAULT_DEPT_CODE = "刑执"
TYPE_CODES = {NOTICE: "纠违", SUGGESTION: "建"}
# Station settings (station_setting rows) that override the defaults above.
SETTING_PATTERN = "doc_number_pattern"
SETTING_DEPT = "doc_dept_code"
SETTING_TYPE_CODES = "doc_type_codes"


class NumbersExhaustedError(InspectorError):
    code = "numbers_exhausted"

    def __init__(self, doc_type: str, year: int) -> None:
        label = DOC_LABELS.get(doc_type, doc_type)
        super().__init__(
            f"本机{year}年{label}文号已用完，请联网同步以领取新的文号段",
            f"no {year} document numbers left for {DOC_LABELS_EN.get(doc_type, doc_type)} on this device: "
            "sync with the office to lease a new block of numbers",
            params={"doc_type": doc_type, "year": year, "label": label},
        )
        self.doc_type = doc_type
        self.year = year


class AlreadySignedError(InspectorError):
    """A document that already has its number (signed) cannot be numbered again."""

    code = "already_signed"


def _check_type(doc_type: str) -> None:
    if doc_type not in DOC_MODELS:
        raise InspectorError(f"不编文号的文书类型：{doc_type}", f"not a numbered document type: {doc_type}")


def format_doc_number(
    pattern: str | None,
    agency: str,
    type_code: str,
    year: int | str,
    n: int | str,
    *,
    dept: str = DEFAULT_DEPT_CODE,
) -> str:
    """``七检刑执纠违〔2026〕3号``: the year in 六角括号, the sequence without leading zeros or 第."""
    if isinstance(n, int) and n < 1:
        raise ValueError(f"a document sequence number starts at 1, got {n}")
    if isinstance(year, int) and not 1000 <= year <= 9999:
        raise ValueError(f"the year of a document number has four digits, got {year}")
    return (pattern or DEFAULT_PATTERN).format(agency=agency, dept=dept, type=type_code, year=year, n=n)


@dataclass(frozen=True)
class NumberingSettings:
    pattern: str
    agency: str
    dept: str
    type_codes: dict[str, str]

    def format(self, doc_type: str, year: int | str, n: int | str) -> str:
        return format_doc_number(
            self.pattern, self.agency, self.type_codes[doc_type], year, n, dept=self.dept
        )


def numbering_settings(session: Session, station_id: uuid.UUID) -> NumberingSettings:
    """The station's 文号 pattern, 院代字 (``Station.agency_code``), 部门代字 and 文种代字."""
    station = session.get(Station, station_id)
    agency = station.agency_code if station is not None else ""
    values = station_setting_values(session, station_id)
    codes = dict(TYPE_CODES)
    if isinstance(values.get(SETTING_TYPE_CODES), dict):
        codes.update({str(k): str(v) for k, v in values[SETTING_TYPE_CODES].items()})
    return NumberingSettings(
        pattern=str(values.get(SETTING_PATTERN) or DEFAULT_PATTERN),
        agency=agency,
        dept=str(values.get(SETTING_DEPT) or DEFAULT_DEPT_CODE),
        type_codes=codes,
    )


def grant_local_block(
    session: Session, doc_type: str, year: int, first: int, size: int, source: str = "local"
) -> NumberBlock:
    """Give this device the numbers ``first … first + size - 1`` for ``doc_type`` in ``year``.

    Refuses a block that overlaps one already held for the same type and year.
    """
    _check_type(doc_type)
    if first < 1 or size < 1:
        raise InspectorError(
            "文号段必须从1或更大的数开始，且至少含一个号",
            "a number block starts at 1 or more and holds at least 1",
        )
    last = first + size - 1
    clash = session.scalar(
        select(NumberBlock.id).where(
            NumberBlock.doc_type == doc_type,
            NumberBlock.year == year,
            NumberBlock.first_seq <= last,
            NumberBlock.last_seq >= first,
        )
    )
    if clash is not None:
        raise InspectorError(
            f"{year}年{DOC_LABELS[doc_type]}文号段 {first}–{last} 与已有文号段重叠",
            f"{year} number block {first}-{last} for {doc_type} overlaps a block this device holds",
        )
    block = NumberBlock(
        doc_type=doc_type, year=year, first_seq=first, last_seq=last, next_seq=first, source=source
    )
    session.add(block)
    session.flush()
    return block


_TAKE = text(
    """
    UPDATE number_block SET next_seq = next_seq + 1
    WHERE id = (
        SELECT id FROM number_block
        WHERE doc_type = :doc_type AND year = :year AND voided_at IS NULL AND next_seq <= last_seq
        ORDER BY source = 'office' DESC, first_seq LIMIT 1
    ) AND next_seq <= last_seq
    RETURNING next_seq - 1
    """
)


def issue_number(session: Session, doc_type: str, year: int) -> int:
    """Take the next 文号 sequence number of this device's blocks for ``doc_type`` and ``year``.

    Office leases are used before blocks granted locally, lower ranges first (as
    :func:`inspector.sync.numbers.issue_number`). Runs in the caller's transaction: the number is
    consumed only if that transaction commits. Call
    it before reading anything else in the transaction, so that SQLite takes the write lock first
    (a deferred transaction that has read cannot upgrade past a concurrent writer).
    """
    _check_type(doc_type)
    taken = session.execute(_TAKE, {"doc_type": doc_type, "year": year}).scalar()
    if taken is None:
        raise NumbersExhaustedError(doc_type, year)
    return int(taken)


def sign_document(
    store: Store,
    doc_type: str,
    doc_id: uuid.UUID,
    approved_by: str,
    approved_on: date,
    *,
    issued_on: date | None = None,
) -> str:
    """Record the 检察长's approval, number the document and issue it — all in one transaction.

    Sets ``approved_by``, ``approved_on``, ``doc_year``, ``doc_seq``, ``doc_number``, ``issued_on``
    (default today) and ``state = "issued"``; the record's outbox trigger captures the change.
    Returns the 文号.
    """
    _check_type(doc_type)
    model = DOC_MODELS[doc_type]
    issued = issued_on or today_local()
    actor = store.actor
    with store.session() as s:
        seq = issue_number(s, doc_type, issued.year)  # first: takes the write lock
        doc: RectificationNotice | ProcuratorialSuggestion | None = (
            s.get(RectificationNotice, doc_id)
            if doc_type == NOTICE
            else s.get(ProcuratorialSuggestion, doc_id)
        )
        if doc is None or doc.deleted_at is not None:
            raise RecordNotFoundError(doc_type, doc_id)
        if doc.doc_number or doc.state not in (DocumentState.DRAFT, DocumentState.APPROVED):
            raise AlreadySignedError(
                f"该{DOC_LABELS[doc_type]}已签发（{doc.doc_number or doc.state}），不能再次编号",
                f"already issued ({doc.doc_number or doc.state}); a document is numbered only once",
            )
        if not approved_by or not approved_by.strip():
            raise ValidationError(
                doc_type, [FieldError("approved_by", "请填写批准人", "approved_by is required")]
            )
        number = numbering_settings(s, doc.station_id).format(doc_type, issued.year, seq)
        changes: dict[str, Any] = {
            "approved_by": approved_by.strip(),
            "approved_on": approved_on,
            "issued_on": issued,
            "doc_year": issued.year,
            "doc_seq": seq,
            "doc_number": number,
            "state": DocumentState.ISSUED.value,
        }
        merged = {c.key: getattr(doc, c.key) for c in model.__table__.columns}
        merged.update(changes)
        SPECS[doc_type].validate(merged, today=today_local())
        for key, value in changes.items():
            setattr(doc, key, value)
        doc.updated_by = actor.user_id
        doc.device_id = actor.device_id
    return number
