"""Document numbers (文号) from office leases (docs/sync.md, "Number leases (文号)").

The office leases each device blocks of numbers per document type and year; the laptop keeps them
in ``number_block`` with ``source = "office"``; ``inspector.documents.numbering.issue_number`` issues
only from blocks that are not voided — offline too — and refuses, with a clear message, once they are
used up. Enrollment voids the blocks ``init`` granted locally, so an enrolled laptop numbers from its
leases only. The office checks every pushed number against the
device's leases, and leases of one station, type and year never overlap, so two devices never issue
the same number.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from inspector.store.models import NumberBlock
from inspector.store.types import utc_now
from inspector.sync.connection import Channel
from inspector.sync.errors import ProtocolError

RECLAIM_ANSWERS = ("reclaimed", "known", "overlap", "different", "refused")


def reclaim(
    channel: Channel,
    lease_id: uuid.UUID,
    block: tuple[str, int, int, int],
    granted_at: datetime | None,
    voided_at: datetime | None,
) -> str:
    """Ask the office to hold ``block`` (doc_type, year, first, last) as this device's lease."""
    doc_type, year, first, last = block
    rows = channel.query(
        "SELECT sync.reclaim_lease(%s, %s, %s, %s, %s, %s, %s)",
        (lease_id, doc_type, year, first, last, granted_at, voided_at),
    )
    status = str(rows[0][0])
    if status not in RECLAIM_ANSWERS:
        raise ProtocolError(f"unexpected answer to a lease reclaim: {status!r}")
    return status


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
    """Store or update one pulled lease (idempotent by lease id).

    Numbers this laptop already issued inside the leased range (from a block ``init`` granted before
    enrollment) are skipped: the block starts after them. Those documents are inside the device's
    lease, so the office accepts them; nothing is issued twice.
    """
    lease_id = uuid.UUID(str(data["id"]))
    voided = _when(data.get("voided_at"))
    block = session.scalars(select(NumberBlock).where(NumberBlock.lease_id == lease_id)).first()
    if block is not None:
        block.voided_at = voided if block.voided_at is None else block.voided_at
        return
    doc_type, year = str(data["doc_type"]), int(data["year"])
    first, last = int(data["first_seq"]), int(data["last_seq"])
    start = first
    for other in session.scalars(
        select(NumberBlock).where(
            NumberBlock.doc_type == doc_type,
            NumberBlock.year == year,
            NumberBlock.first_seq <= last,
            NumberBlock.last_seq >= first,
        )
    ):
        if other.next_seq == other.first_seq and other.source != "office":
            session.delete(other)  # an unused local block in the way: the lease replaces it
        else:
            start = max(start, other.next_seq)  # skip what this laptop already issued
    session.flush()
    if start > last:
        return  # every leased number was already used here
    session.add(
        NumberBlock(
            doc_type=doc_type,
            year=year,
            first_seq=start,
            last_seq=last,
            next_seq=start,
            source="office",
            lease_id=lease_id,
            granted_at=_when(data.get("granted_at")) or utc_now(),
            voided_at=voided,
        )
    )
