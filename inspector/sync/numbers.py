"""Document numbers (文号) from office leases (architecture §3).

The office leases each device blocks of numbers per document type and year; the laptop keeps them
in ``number_block`` with ``source = "office"`` and issues only from them — offline too — and refuses,
with a clear message, once they are used up. The office checks every pushed number against the
device's leases, and leases of one station, type and year never overlap, so two devices never issue
the same number.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from inspector.domain.errors import InspectorError
from inspector.store.models import NumberBlock
from inspector.store.types import utc_now


class NumbersExhaustedError(InspectorError):
    def __init__(self, doc_type: str, year: int) -> None:
        super().__init__(
            f"{year}年的文号已用完（{doc_type}）：请同步以领取新的号段，或联系检察院管理员",
            f"no {doc_type} numbers left for {year}: sync to receive a new block, or ask the office",
        )


class LeaseCollisionError(InspectorError):
    def __init__(self, doc_type: str, year: int, first: int) -> None:
        super().__init__(
            f"服务器发放的号段（{doc_type} {year}年 自{first}号起）与本机已用的本地号段重叠："
            "请管理员作废该号段并"
            "从本机已用文号之后重新发放",
            f"the office lease {doc_type} {year} from {first} collides with a local block this laptop "
            "already used: ask the office to void it and lease numbers after the ones used here",
        )


def issue_number(session: Session, doc_type: str, year: int) -> int:
    """Take the next number of ``doc_type`` for ``year`` in the caller's transaction.

    Office leases first, lowest range first. A number is never issued twice: ``next_seq`` only grows.
    """
    for _ in range(3):
        block = session.scalars(
            select(NumberBlock)
            .where(
                NumberBlock.doc_type == doc_type,
                NumberBlock.year == year,
                NumberBlock.voided_at.is_(None),
                NumberBlock.next_seq <= NumberBlock.last_seq,
            )
            .order_by(case((NumberBlock.source == "office", 0), else_=1), NumberBlock.first_seq)
            .limit(1)
        ).first()
        if block is None:
            raise NumbersExhaustedError(doc_type, year)
        seq = block.next_seq
        taken = session.execute(
            update(NumberBlock)
            .where(NumberBlock.id == block.id, NumberBlock.next_seq == seq)
            .values(next_seq=seq + 1)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount == 1:  # type: ignore[attr-defined]
            session.expire(block)
            return seq
    raise NumbersExhaustedError(doc_type, year)


def void_local_blocks(session: Session) -> int:
    """On enrollment the office takes over numbering: blocks granted locally by ``init`` stop issuing."""
    result = session.execute(
        update(NumberBlock)
        .where(NumberBlock.source != "office", NumberBlock.voided_at.is_(None))
        .values(voided_at=utc_now())
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _when(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def apply_lease(session: Session, data: dict[str, Any]) -> None:
    """Store or update one pulled lease (idempotent by lease id)."""
    lease_id = uuid.UUID(str(data["id"]))
    voided = _when(data.get("voided_at"))
    block = session.scalars(select(NumberBlock).where(NumberBlock.lease_id == lease_id)).first()
    if block is not None:
        block.voided_at = voided if block.voided_at is None else block.voided_at
        return
    doc_type, year, first = str(data["doc_type"]), int(data["year"]), int(data["first_seq"])
    clash = session.scalars(
        select(NumberBlock).where(
            NumberBlock.doc_type == doc_type, NumberBlock.year == year, NumberBlock.first_seq == first
        )
    ).first()
    if clash is not None:
        if clash.next_seq == clash.first_seq:  # an unused local block: the office range replaces it
            session.delete(clash)
            session.flush()
        elif voided is not None:
            return  # nothing will ever be issued from it here
        else:
            raise LeaseCollisionError(doc_type, year, first)
    session.add(
        NumberBlock(
            doc_type=doc_type,
            year=year,
            first_seq=first,
            last_seq=int(data["last_seq"]),
            next_seq=first,
            source="office",
            lease_id=lease_id,
            granted_at=_when(data.get("granted_at")) or utc_now(),
            voided_at=voided,
        )
    )
