"""Push: freeze a batch, send it in one call, apply the answer in one local transaction (docs/sync.md,
"Push").

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
import os
import uuid
from collections import defaultdict, deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from inspector.store.models import SyncOutbox
from inspector.store.models.sync import SyncBatch, SyncBatchEntry, SyncConflict
from inspector.store.store import Store
from inspector.store.types import utc_now
from inspector.sync import blobs, local, schema
from inspector.sync.connection import Channel
from inspector.sync.errors import ProtocolError, UpgradeRequiredError

RESEED_OP = "reseed"  # (inspector.sync.reseed writes these outbox entries)

BATCH_LIMIT = 500


class OpRef(NamedTuple):
    """What the laptop needs of an op to apply its result (the row itself stays in the payload)."""

    op_id: str
    table: str
    row_id: str
    base_version: int | None


@dataclass(frozen=True)
class FrozenBatch:
    batch_id: uuid.UUID
    schema_version: int
    payload: bytes

    @cached_property
    def ops(self) -> list[dict[str, Any]]:
        """The ops as sent, rows included (parsed from the payload when first asked for)."""
        ops: list[dict[str, Any]] = json.loads(self.payload)["ops"]
        return ops

    @cached_property
    def refs(self) -> list[OpRef]:
        return [OpRef(op["op_id"], op["table"], op["row_id"], op["base_version"]) for op in self.ops]


@dataclass
class PushOutcome:
    ops: int = 0
    accepted: int = 0
    conflicts: int = 0
    rejected: int = 0
    replayed: bool = False
    by_table: dict[str, int] = field(default_factory=dict)


def hyphenate(hex32: str) -> str:
    """A UUID's 32 hex digits (as SQLite stores it) in the usual 8-4-4-4-12 text form."""
    return f"{hex32[:8]}-{hex32[8:12]}-{hex32[12:16]}-{hex32[16:20]}-{hex32[20:]}"


def new_op_ids(n: int) -> list[str]:
    """*n* random version-4 UUIDs as text, from one read of the system's random source."""
    raw = os.urandom(16 * n).hex()
    return [
        hyphenate(f"{h[:12]}4{h[13:16]}{'89ab'[int(h[16], 16) & 3]}{h[17:]}")
        for h in (raw[i : i + 32] for i in range(0, 32 * n, 32))
    ]


def encode_payload(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def pending_batches(store: Store) -> list[FrozenBatch]:
    """Batches frozen earlier and not yet acknowledged, oldest first (they never share a row)."""
    with store.session(read_only=True) as s:
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
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        entries = _next_entries(cursor, limit, {(t, r.hex) for t, r in local.open_conflict_keys(s)})
        if not entries:
            return None
        frozen = _freeze_entries(s, cursor, entries, station_id, device_id)
    finally:
        cursor.close()
    return frozen


# Outbox entries not held back by a batch in flight: a row in a batch still waiting for its answer
# waits too (its next op must be based on the version that answer brings).
_FREE_ENTRIES = """SELECT o.seq, o.table_name, o.row_id, o.op, o.base_version FROM sync_outbox o
WHERE o.seq > ? AND NOT EXISTS (
  SELECT 1 FROM sync_outbox i JOIN sync_batch_entry e ON e.outbox_seq = i.seq
  WHERE i.row_id = o.row_id AND i.table_name = o.table_name)
ORDER BY o.seq LIMIT ?"""


Entry = tuple[int, str, str, str, int | None]  # seq, table, row id (hex), op, base_version


def _next_entries(cursor: Any, limit: int, in_conflict: set[tuple[str, str]]) -> list[Entry]:
    """Up to *limit* outbox entries, oldest first, skipping rows in flight and rows with an open
    conflict (those wait for a person)."""
    entries: list[Entry] = []
    scan_from = 0
    while len(entries) < limit:
        cursor.execute(_FREE_ENTRIES, (scan_from, limit))
        chunk = cursor.fetchall()
        if not chunk:
            break
        scan_from = chunk[-1][0]
        entries += [e for e in chunk if (e[1], e[2]) not in in_conflict] if in_conflict else chunk
    return entries[:limit]


def _freeze_entries(
    s: Session, cursor: Any, entries: list[Entry], station_id: uuid.UUID, device_id: uuid.UUID
) -> FrozenBatch:
    """One op per row named by *entries*, with the row as it is now; the batch stored with its entries."""
    order: dict[tuple[str, str], None] = {}
    # Re-seed entries (inspector.sync.reseed): the version the row had before the office was restored,
    # and whether it was also edited here (any other entry).
    reseed_version: dict[tuple[str, str], int] = {}
    edited: set[tuple[str, str]] = set()
    for _, t, r, op, base in entries:
        order.setdefault((t, r), None)
        if op == RESEED_OP and base is not None:
            reseed_version[(t, r)] = base
        elif op != RESEED_OP:
            edited.add((t, r))
    ids_by_table: dict[str, list[str]] = defaultdict(list)
    for t, r in order:
        ids_by_table[t].append(r)
    # Each row's JSON comes straight from SQLite (schema.row_json_sql): no Python object per value.
    rows: dict[tuple[str, str], tuple[int | None, bool, str]] = {}
    for t, ids in ids_by_table.items():
        if t not in schema.table_names():
            raise ProtocolError(f"the outbox names an unknown table {t}")
        select_sql = (  # trusted: the names come from the models, not the outbox
            f"SELECT id, server_version, deleted_at IS NOT NULL, {schema.row_json_sql(t)} "
            f"FROM {t} WHERE id IN "
        )
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            cursor.execute(select_sql + f"({', '.join('?' * len(part))})", part)
            for row_id, base, deleted, row_json in cursor.fetchall():
                rows[(t, row_id)] = (base, bool(deleted), row_json)
    refs: list[OpRef] = []
    texts: list[str] = []
    op_ids = new_op_ids(len(order))
    for (t, r), op_id in zip(order, op_ids, strict=True):
        found = rows.get((t, r))
        if found is None:  # the outbox names a row that is gone: `inspector check` reports it
            continue
        base, deleted, row_json = found
        kind = "insert" if base is None else "delete" if deleted else "update"
        reseed = ""
        if base is None and (t, r) in reseed_version:
            kind = "reseed"
            reseed = (
                f',"reseed_version":{int(reseed_version[(t, r)])},"pending":{str((t, r) in edited).lower()}'
            )
        ref = OpRef(op_id, t, hyphenate(r), base)
        refs.append(ref)
        texts.append(
            f'{{"op_id":"{ref.op_id}","table":"{t}","row_id":"{ref.row_id}","kind":"{kind}",'
            f'"base_version":{"null" if base is None else int(base)}{reseed},"row":{row_json}}}'
        )
    batch_id = uuid.uuid4()
    head = encode_payload(
        {
            "batch_id": str(batch_id),
            "schema_version": schema.SCHEMA_VERSION,
            "station_id": str(station_id),
            "device_id": str(device_id),
            "frozen_at": utc_now().isoformat(),
        }
    )
    payload = head[:-1] + b',"ops":[' + ",".join(texts).encode("utf-8") + b"]}"
    s.add(
        SyncBatch(
            batch_id=batch_id,
            schema_version=schema.SCHEMA_VERSION,
            op_count=len(refs),
            payload=payload,
        )
    )
    s.flush()
    cursor.executemany(
        "INSERT INTO sync_batch_entry (outbox_seq, batch_id) VALUES (?, ?)",
        [(entry[0], batch_id.hex) for entry in entries],
    )
    frozen = FrozenBatch(batch_id, schema.SCHEMA_VERSION, payload)
    frozen.__dict__["refs"] = refs  # what parsing the payload gives (the cached property's slot)
    return frozen


def send_batch(channel: Channel, batch: FrozenBatch) -> dict[str, Any]:
    """One server call. Returns the office's answer with one result per op, in op order."""
    rows = channel.query(
        "SELECT sync.push(%s, %s, %s::text)",
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
    refs = batch.refs
    if not isinstance(results, list) or len(results) != len(refs):
        raise ProtocolError(f"batch {batch.batch_id}: {len(refs)} ops but a different number of results")
    for ref, result in zip(refs, results, strict=True):
        if result.get("op_id") != ref.op_id:
            raise ProtocolError(f"batch {batch.batch_id}: results out of order")
    return answer


def apply_answer(store: Store, batch: FrozenBatch, answer: dict[str, Any]) -> PushOutcome:
    """The local half of a push, in one transaction: versions, conflicts, outbox, batch."""
    with store.session() as s:
        return _apply(s, batch, answer)


def _apply(s: Session, batch: FrozenBatch, answer: dict[str, Any]) -> PushOutcome:
    """:func:`apply_answer` inside the caller's transaction."""
    outcome = PushOutcome(ops=len(batch.refs), replayed=bool(answer.get("replayed")))
    versions: dict[str, dict[uuid.UUID | str, int]] = defaultdict(dict)
    conflicts: list[dict[str, Any]] = []
    uploads: list[str] = []  # attachments the office now lists: their bytes follow
    for i, (ref, result) in enumerate(zip(batch.refs, answer["results"], strict=True)):
        table = ref.table
        status = result.get("status")
        outcome.by_table[table] = outcome.by_table.get(table, 0) + 1
        if status == "stale":  # a re-seed found a newer office copy and no edit here: the pull brings it
            versions[table][ref.row_id] = 0
            outcome.accepted += 1
            continue
        if status == "ok":
            versions[table][ref.row_id] = int(result["version"])
            outcome.accepted += 1
            if table == "attachment" and not batch.ops[i]["row"].get("deleted_at"):
                uploads.append(batch.ops[i]["row"]["sha256"])
            continue
        theirs = result.get("theirs")
        conflicts.append(
            {
                "id": uuid.uuid4(),
                "table_name": table,
                "row_id": uuid.UUID(ref.row_id),
                "origin": "push",
                "kind": "conflict" if status == "conflict" else "rejected",
                "base_version": ref.base_version,
                "theirs_version": result.get("server_version"),
                "mine": schema.normalise(table, batch.ops[i]["row"]),
                "theirs": schema.normalise(table, theirs) if theirs else None,
                "error": None if status == "conflict" else f"{result.get('code')}: {result.get('message')}",
                "op_id": uuid.UUID(ref.op_id),
                "office_conflict_id": uuid.UUID(result["conflict_id"]) if result.get("conflict_id") else None,
                "created_at": utc_now(),
            }
        )
        if status == "conflict":
            outcome.conflicts += 1
        else:
            outcome.rejected += 1
    with local.capture_off(s):
        pending = select(SyncBatch.batch_id).where(SyncBatch.batch_id == batch.batch_id)  # not the payload
        if s.scalar(pending) is None:
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
