"""Push: freeze a batch, send it in one call, apply the answer in one local transaction (§3).

1. :func:`freeze_batch` — in one local transaction, take up to ``BATCH_LIMIT`` outbox entries (skipping
   rows with an open conflict), make one op per row with a new ``op_id``, the row's full current
   values and ``base_version`` (the row's ``server_version``), and store the batch: its id, the exact
   payload bytes, and which outbox entries it covers.
2. :func:`send_batch` — ``SELECT sync.push(batch_id, schema_version, payload)``: one statement, one
   server transaction. Resending is always safe: the office answers a known ``batch_id`` from its
   ledger and never applies it twice.
3. :func:`apply_answer` — in one local transaction with capture off: store the confirmed versions,
   record conflicts and rejections, remove exactly the covered outbox entries, drop the batch.

A crash or a cut connection anywhere leaves the batch frozen; the next sync sends the same bytes.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select

from inspector.store.models import SyncOutbox
from inspector.store.models.sync import SyncBatch, SyncBatchEntry, SyncConflict
from inspector.store.store import Store
from inspector.store.types import utc_now
from inspector.sync import local, schema
from inspector.sync.connection import Channel
from inspector.sync.errors import ProtocolError, UpgradeRequiredError

BATCH_LIMIT = 500


@dataclass(frozen=True)
class FrozenBatch:
    batch_id: uuid.UUID
    schema_version: int
    payload: bytes

    @property
    def ops(self) -> list[dict[str, Any]]:
        ops: list[dict[str, Any]] = json.loads(self.payload)["ops"]
        return ops


@dataclass
class PushOutcome:
    ops: int = 0
    accepted: int = 0
    conflicts: int = 0
    rejected: int = 0
    replayed: bool = False
    by_table: dict[str, int] = field(default_factory=dict)


def encode_payload(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def pending_batch(store: Store) -> FrozenBatch | None:
    """The batch frozen earlier and not yet acknowledged (at most one exists)."""
    with store.session() as s:
        row = s.scalars(select(SyncBatch).order_by(SyncBatch.created_at).limit(1)).first()
        if row is None:
            return None
        return FrozenBatch(row.batch_id, row.schema_version, row.payload)


def freeze_batch(store: Store, limit: int = BATCH_LIMIT) -> FrozenBatch | None:
    """Freeze the next batch, or return None when nothing is queued (or all of it waits on conflicts)."""
    with store.session() as s:
        if s.scalar(select(SyncBatch.batch_id).limit(1)) is not None:
            raise ProtocolError("a frozen batch is still pending; send it first")
        blocked = local.open_conflict_keys(s)
        entries: list[tuple[int, str, uuid.UUID]] = []
        scan_from = 0
        while len(entries) < limit:
            chunk = s.execute(
                select(SyncOutbox.seq, SyncOutbox.table_name, SyncOutbox.row_id)
                .where(SyncOutbox.seq > scan_from)
                .order_by(SyncOutbox.seq)
                .limit(limit)
            ).all()
            if not chunk:
                break
            scan_from = chunk[-1][0]
            entries += [(q, t, r) for q, t, r in chunk if (t, r) not in blocked]
        entries = entries[:limit]
        if not entries:
            return None
        order: dict[tuple[str, uuid.UUID], None] = {}
        for _, t, r in entries:
            order.setdefault((t, r), None)
        ids_by_table: dict[str, list[uuid.UUID]] = defaultdict(list)
        for t, r in order:
            ids_by_table[t].append(r)
        rows: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
        for t, ids in ids_by_table.items():
            for rid, values in local.rows_by_id(s, t, ids).items():
                rows[(t, rid)] = values
        ops = []
        for t, r in order:
            found = rows.get((t, r))
            if found is None:  # the outbox names a row that is gone: `inspector check` reports it
                continue
            values = found
            base = values["server_version"]
            kind = "insert" if base is None else "delete" if values["deleted_at"] is not None else "update"
            ops.append(
                {
                    "op_id": str(uuid.uuid4()),
                    "table": t,
                    "row_id": str(r),
                    "kind": kind,
                    "base_version": base,
                    "row": schema.encode_row(values),
                }
            )
        batch_id = uuid.uuid4()
        payload = encode_payload(
            {
                "batch_id": str(batch_id),
                "schema_version": schema.SCHEMA_VERSION,
                "station_id": str(store.station_id),
                "device_id": str(store.device_id),
                "frozen_at": utc_now().isoformat(),
                "ops": ops,
            }
        )
        s.add(
            SyncBatch(
                batch_id=batch_id,
                schema_version=schema.SCHEMA_VERSION,
                op_count=len(ops),
                payload=payload,
            )
        )
        s.flush()
        s.execute(insert(SyncBatchEntry), [{"outbox_seq": q, "batch_id": batch_id} for q, _, _ in entries])
        return FrozenBatch(batch_id, schema.SCHEMA_VERSION, payload)


def send_batch(channel: Channel, batch: FrozenBatch) -> dict[str, Any]:
    """One server call. Returns the office's answer with one result per op, in op order."""
    rows = channel.query(
        "SELECT sync.push(%s, %s, %s::jsonb)",
        (batch.batch_id, batch.schema_version, batch.payload.decode("utf-8")),
    )
    answer: dict[str, Any] = rows[0][0]
    status = answer.get("status")
    if status == "upgrade_required":
        raise UpgradeRequiredError(batch.schema_version, int(answer["office_schema_version"]))
    if status == "batch_mismatch":
        raise ProtocolError(f"batch {batch.batch_id}: {answer.get('message')}")
    if status != "ok":
        raise ProtocolError(f"batch {batch.batch_id}: unexpected answer {status!r}")
    results = answer.get("results")
    ops = batch.ops
    if not isinstance(results, list) or len(results) != len(ops):
        raise ProtocolError(f"batch {batch.batch_id}: {len(ops)} ops but a different number of results")
    for op, result in zip(ops, results, strict=True):
        if result.get("op_id") != op["op_id"]:
            raise ProtocolError(f"batch {batch.batch_id}: results out of order")
    return answer


def apply_answer(store: Store, batch: FrozenBatch, answer: dict[str, Any]) -> PushOutcome:
    """The local half of a push, in one transaction: versions, conflicts, outbox, batch."""
    outcome = PushOutcome(ops=len(batch.ops), replayed=bool(answer.get("replayed")))
    versions: dict[str, dict[uuid.UUID, int]] = defaultdict(dict)
    conflicts: list[dict[str, Any]] = []
    for op, result in zip(batch.ops, answer["results"], strict=True):
        table, row_id = op["table"], uuid.UUID(op["row_id"])
        status = result.get("status")
        outcome.by_table[table] = outcome.by_table.get(table, 0) + 1
        if status == "ok":
            versions[table][row_id] = int(result["version"])
            outcome.accepted += 1
            continue
        theirs = result.get("theirs")
        conflicts.append(
            {
                "id": uuid.uuid4(),
                "table_name": table,
                "row_id": row_id,
                "origin": "push",
                "kind": "conflict" if status == "conflict" else "rejected",
                "base_version": op["base_version"],
                "theirs_version": result.get("server_version"),
                "mine": schema.normalise(table, op["row"]),
                "theirs": schema.normalise(table, theirs) if theirs else None,
                "error": None if status == "conflict" else f"{result.get('code')}: {result.get('message')}",
                "op_id": uuid.UUID(op["op_id"]),
                "office_conflict_id": uuid.UUID(result["conflict_id"]) if result.get("conflict_id") else None,
                "created_at": utc_now(),
            }
        )
        if status == "conflict":
            outcome.conflicts += 1
        else:
            outcome.rejected += 1
    with store.session() as s, local.capture_off(s):
        if s.get(SyncBatch, batch.batch_id) is None:
            raise ProtocolError(f"batch {batch.batch_id} is no longer pending")
        for table, by_id in versions.items():
            local.set_server_versions(s, table, by_id)
        if conflicts:
            s.execute(insert(SyncConflict), conflicts)
        covered = select(SyncBatchEntry.outbox_seq).where(SyncBatchEntry.batch_id == batch.batch_id)
        s.execute(delete(SyncOutbox).where(SyncOutbox.seq.in_(covered)))
        s.execute(delete(SyncBatchEntry).where(SyncBatchEntry.batch_id == batch.batch_id))
        s.execute(delete(SyncBatch).where(SyncBatch.batch_id == batch.batch_id))
    return outcome


def push_all(store: Store, channel: Channel, on_batch: Any = None) -> PushOutcome:
    """Send the pending batch (if any), then freeze and send until the queue is empty."""
    total = PushOutcome()
    while True:
        batch = pending_batch(store) or freeze_batch(store)
        if batch is None:
            return total
        with store.session() as s:
            frozen = s.get(SyncBatch, batch.batch_id)
            if frozen is not None:
                frozen.attempts += 1
        answer = send_batch(channel, batch)
        outcome = apply_answer(store, batch, answer)
        total.ops += outcome.ops
        total.accepted += outcome.accepted
        total.conflicts += outcome.conflicts
        total.rejected += outcome.rejected
        if on_batch is not None:
            on_batch(outcome)
