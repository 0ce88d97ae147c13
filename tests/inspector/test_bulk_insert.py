"""Many new records at once (``records.insert_records``, the roster import's writer): each row is what
``insert_record`` would have written — audited in the hash chain, captured for sync — only in one
multi-row insert, and a bad value still stops the whole batch."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from inspector.check import run_checks
from inspector.domain.validation import ValidationError
from inspector.security.audit import verify_chain
from inspector.services import records
from inspector.services.policy import actor_for
from inspector.store.models import AuditLog, Detainee, SyncOutbox
from inspector.store.store import Store
from tests.conftest import detainee_values

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(n: int) -> str:
    body = f"110101199001{1 + n % 28:02d}{(2 * n + 1) % 1000:03d}"  # odd: a man
    return body + "10X98765432"[sum(int(x) * w for x, w in zip(body, WEIGHTS, strict=True)) % 11]


def people(count: int) -> list[dict[str, Any]]:
    return [detainee_values(name=f"人员{n}", id_number=id_number(n)) for n in range(count)]


def counts(store: Store) -> tuple[int, int, int]:
    queued = select(func.count()).select_from(SyncOutbox).where(SyncOutbox.table_name == "detainee")
    audited = select(func.count()).select_from(AuditLog).where(AuditLog.action == "import")
    with store.session(read_only=True) as s:
        return (
            s.scalar(select(func.count()).select_from(Detainee)) or 0,
            s.scalar(queued) or 0,
            s.scalar(audited) or 0,
        )


def test_each_row_is_audited_in_the_chain_and_queued_for_sync(store: Store) -> None:
    actor = actor_for(store)
    with store.session() as s:
        ids = records.insert_records(s, "detainee", people(30), actor, action="import")
        records.insert_records(s, "detainee", people(60)[30:], actor, action="import")
    assert len(set(ids)) == 30
    assert counts(store) == (60, 60, 60)
    with store.session(read_only=True) as s:
        assert verify_chain(s) == []
        audited = s.scalars(select(AuditLog.row_id).where(AuditLog.action == "import").order_by(AuditLog.seq))
        assert ids == list(audited)[:30]  # one entry per row, in the rows' order
    assert all(result.ok for result in run_checks(store)), [r for r in run_checks(store) if not r.ok]


def test_a_tampered_bulk_entry_breaks_the_chain(store: Store) -> None:
    with store.session() as s:
        records.insert_records(s, "detainee", people(5), actor_for(store), action="import")
    with store.session() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "import").order_by(AuditLog.seq)).all()[2]
        entry.detail = {"fields": ["name"]}
    with store.session(read_only=True) as s:
        assert verify_chain(s) != []


def test_one_bad_row_writes_nothing_unless_the_caller_validated(store: Store) -> None:
    batch = people(4)
    batch[2]["admitted_at"] = None  # required
    with pytest.raises(ValidationError), store.session() as s:
        records.insert_records(s, "detainee", batch, actor_for(store), action="import")
    assert counts(store) == (0, 0, 0)
