"""Push: freeze a batch, send it in one call, apply the answer in one local transaction (§3).

1. :func:`freeze_batch` — in one local transaction, take up to ``BATCH_LIMIT`` outbox entries
   (skipping rows with an open conflict or in a batch not yet answered), make one op per row with a
   new ``op_id``, the row's full current values and ``base_version`` (the row's ``server_version``),
   and store the batch: its id, the exact payload bytes, and which outbox entries it covers.
2. :func:`send_batch` — ``SELECT sync.push(batch_id, schema_version, payload)``: one statement, one
   server transaction. Resending is always safe: the office answers a known ``batch_id`` from its
   ledger and never applies it twice.
3. :func:`apply_answer` — in one local transaction with capture off: store the confirmed versions,
   record conflicts and rejections, remove exactly the covered outbox entries, drop the batch.

A crash or a cut connection anywhere leaves the batch frozen; the next sync sends the same bytes.
:func:`push_all` overlaps the steps: while the office applies batch *n*, the laptop applies the
answer to batch *n − 1* and freezes batch *n + 1* in one local transaction.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict, deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from inspector.store.models import SyncOutbox
from inspector.store.models.sync import SyncBatch, SyncBatchEntry, SyncConflict
from inspector.store.store import Store
from inspector.store.types import utc_now
from inspector.sync import blobs, local, schema
from inspector.sync.connection import Channel
from inspector.sync.errors import ProtocolError, UpgradeRequiredError

BATCH_LIMIT = 500


@dataclass(frozen=True)
class FrozenBatch:
    batch_id: uuid.UUID
    schema_version: int
    payload: bytes

    @cached_property
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
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def pending_batches(store: Store) -> list[FrozenBatch]:
    """Batches frozen earlier and not yet acknowledged, oldest first (they never share a row)."""
    with store.session() as s:
        rows = s.scalars(select(SyncBatch).order_by(SyncBatch.created_at, text("sync_batch.rowid"))).all()
        return [FrozenBatch(r.batch_id, r.schema_version, r.payload) for r in rows]


def pending_batch(store: Store) -> FrozenBatch | None:
    batches = pending_batches(store)
    return batches[0] if batches else None


def freeze_batch(store: Store, limit: int = BATCH_LIMIT) -> FrozenBatch | None:
    """Freeze the next batch, or return None when nothing is queued (or all of it waits on conflicts)."""
    with store.session() as s:
        return _freeze(s, store.station_id, store.device_id, limit)


def _freeze(
    s: Session, station_id: uuid.UUID, device_id: uuid.UUID, limit: int = BATCH_LIMIT
) -> FrozenBatch | None:
    """:func:`freeze_batch` inside the caller's transaction."""
    conn = s.connection()
    # Rows with an open conflict wait for a person; rows in a batch still in flight wait for its
    # answer (their next op must be based on the version that answer brings).
    blocked = {(t, r.hex) for t, r in local.open_conflict_keys(s)}
    blocked.update(
        conn.exec_driver_sql(
            "SELECT o.table_name, o.row_id FROM sync_outbox o JOIN sync_batch_entry e ON e.outbox_seq = o.seq"
        ).all()
    )
    entries: list[tuple[int, str, str]] = []
    scan_from = 0
    while len(entries) < limit:
        chunk = conn.exec_driver_sql(
            "SELECT seq, table_name, row_id FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?",
            (scan_from, limit),
        ).all()
        if not chunk:
            break
        scan_from = chunk[-1][0]
        entries += [(q, t, r) for q, t, r in chunk if (t, r) not in blocked]
    entries = entries[:limit]
    if not entries:
        return None
    order: dict[tuple[str, str], None] = {}
    for _, t, r in entries:
        order.setdefault((t, r), None)
    ids_by_table: dict[str, list[str]] = defaultdict(list)
    for t, r in order:
        ids_by_table[t].append(r)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for t, ids in ids_by_table.items():
        names = schema.column_names(t)  # trusted: the names come from the models, not the outbox
        if t not in schema.table_names():
            raise ProtocolError(f"the outbox names an unknown table {t}")
        select_sql = f"SELECT {', '.join(names)} FROM {t} WHERE id IN "
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            found = conn.exec_driver_sql(select_sql + f"({', '.join('?' * len(part))})", tuple(part)).all()
            at = names.index("id")
            for stored in found:
                rows[(t, stored[at])] = schema.encode_stored(t, stored)
    ops = []
    for t, r in order:
        values = rows.get((t, r))
        if values is None:  # the outbox names a row that is gone: `inspector check` reports it
            continue
        base = values.get("server_version")
        kind = "insert" if base is None else "delete" if values.get("deleted_at") else "update"
        ops.append(
            {
                "op_id": str(uuid.uuid4()),
                "table": t,
                "row_id": values["id"],
                "kind": kind,
                "base_version": base,
                "row": values,
            }
        )
    batch_id = uuid.uuid4()
    payload = encode_payload(
        {
            "batch_id": str(batch_id),
            "schema_version": schema.SCHEMA_VERSION,
            "station_id": str(station_id),
            "device_id": str(device_id),
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
    conn.exec_driver_sql(
        "INSERT INTO sync_batch_entry (outbox_seq, batch_id) VALUES (?, ?)",
        [(q, batch_id.hex) for q, _, _ in entries],
    )
    frozen = FrozenBatch(batch_id, schema.SCHEMA_VERSION, payload)
    frozen.__dict__["ops"] = ops  # what parsing the payload gives (the cached property's slot)
    return frozen


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
    with store.session() as s:
        return _apply(s, batch, answer)


def _apply(s: Session, batch: FrozenBatch, answer: dict[str, Any]) -> PushOutcome:
    """:func:`apply_answer` inside the caller's transaction."""
    outcome = PushOutcome(ops=len(batch.ops), replayed=bool(answer.get("replayed")))
    versions: dict[str, dict[uuid.UUID, int]] = defaultdict(dict)
    conflicts: list[dict[str, Any]] = []
    uploads: list[str] = []  # attachments the office now lists: their bytes follow
    for op, result in zip(batch.ops, answer["results"], strict=True):
        table, row_id = op["table"], uuid.UUID(op["row_id"])
        status = result.get("status")
        outcome.by_table[table] = outcome.by_table.get(table, 0) + 1
        if status == "ok":
            versions[table][row_id] = int(result["version"])
            outcome.accepted += 1
            if table == "attachment" and not op["row"].get("deleted_at"):
                uploads.append(op["row"]["sha256"])
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
    with local.capture_off(s):
        if s.get(SyncBatch, batch.batch_id) is None:
            raise ProtocolError(f"batch {batch.batch_id} is no longer pending")
        for table, by_id in versions.items():
            local.set_server_versions(s, table, by_id)
        if conflicts:
            s.execute(insert(SyncConflict), conflicts)
        if uploads:
            blobs.enqueue(s, uploads, blobs.UP)
        covered = select(SyncBatchEntry.outbox_seq).where(SyncBatchEntry.batch_id == batch.batch_id)
        s.execute(delete(SyncOutbox).where(SyncOutbox.seq.in_(covered)))
        s.execute(delete(SyncBatchEntry).where(SyncBatchEntry.batch_id == batch.batch_id))
        s.execute(delete(SyncBatch).where(SyncBatch.batch_id == batch.batch_id))
    return outcome


def push_all(
    store: Store, channel: Channel, on_batch: Callable[[PushOutcome], None] | None = None
) -> PushOutcome:
    """Send the pending batches, then freeze and send until the queue is empty.

    While the office works on one batch, this thread applies the previous answer and freezes the next
    batch — in one local transaction, so one commit per batch. A batch never holds a row that an
    unanswered batch holds, so the order in which batches are applied does not matter.
    """
    station_id, device_id = store.station_id, store.device_id
    total = PushOutcome()
    queue = deque(pending_batches(store))

    def freeze_into_queue(s: Session) -> None:
        if not queue:
            frozen = _freeze(s, station_id, device_id)
            if frozen is not None:
                queue.append(frozen)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as network:

        def send_next() -> tuple[FrozenBatch, Future[dict[str, Any]]] | None:
            if not queue:
                return None
            batch = queue.popleft()
            return batch, network.submit(send_batch, channel, batch)

        with store.session() as s:
            freeze_into_queue(s)
        inflight = send_next()
        with store.session() as s:
            freeze_into_queue(s)  # the next one, while the office works on the first
        while inflight is not None:
            batch, answer = inflight[0], inflight[1].result()
            inflight = send_next()
            with store.session() as s:
                outcome = _apply(s, batch, answer)
                freeze_into_queue(s)
            if inflight is None:
                inflight = send_next()
            total.ops += outcome.ops
            total.accepted += outcome.accepted
            total.conflicts += outcome.conflicts
            total.rejected += outcome.rejected
            if on_batch is not None:
                on_batch(outcome)
    return total
