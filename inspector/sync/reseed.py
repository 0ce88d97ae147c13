"""Re-seed a restored office database from this laptop (docs/sync.md, "After an office restore").

When the administrator restores the office database from a backup (and gives it a new epoch with
``inspector office init --new-epoch``), every laptop stops syncing: the versions it holds were
confirmed by an office that no longer exists, and pushing edits based on them would be wrong.
Re-seeding, asked for by a person, makes the laptop start over against the restored office:

1. the number blocks this laptop holds are declared to the office again (``sync.reclaim_lease``), so
   that the office never grants those numbers to another device — before anything changes locally;
2. in one local transaction: every confirmed row is queued as a re-seed op carrying the version it
   had, every never-confirmed row as an insert, and the confirmed versions are forgotten; batches
   frozen for the old office are dropped (their entries stay queued), open conflicts from the old
   office are closed as ``reseeded``, and the new epoch and a fresh pull cursor are recorded, with an
   audit entry;
3. the next sync pushes every row: the office inserts what it lost, answers "already here" for rows it
   holds with the same values, takes the laptop's copy where its own is as the backup left it and not
   newer, tells the laptop to pull where the laptop was merely behind, and records a conflict — for a
   person — for everything else (``sync.reseed_answer``, docs/sync.md). Nothing is overwritten silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select, text

from inspector.domain.errors import InspectorError
from inspector.security import audit
from inspector.store.models import NumberBlock
from inspector.store.store import Store
from inspector.store.types import utc_now
from inspector.sync import local, numbers, schema
from inspector.sync.connection import Channel, OfficeTarget, connect
from inspector.sync.enroll import check_identity, hello
from inspector.sync.push import RESEED_OP

RESOLUTION = "reseeded"  # sync_conflict.resolution of conflicts closed by a re-seed

RESEEDED_KEY = "sync.reseeded"  # local_meta: the last re-seed (when, epochs, rows queued)


class ReseedNotNeededError(InspectorError):
    """The office is the one this laptop knows: a normal sync is all it needs."""

    code = "reseed_not_needed"

    def __init__(self) -> None:
        super().__init__(
            "办公室数据库没有更换，无需重新上传；请直接同步",
            "the office database is the one this laptop already syncs with: no re-seed needed, just sync",
        )


@dataclass(frozen=True)
class LeaseOutcome:
    doc_type: str
    year: int
    first_seq: int
    last_seq: int
    status: str  # reclaimed / known / overlap / different / refused

    @property
    def label(self) -> str:
        return f"{self.doc_type} {self.year} {self.first_seq}–{self.last_seq}"


@dataclass(frozen=True)
class ReseedReport:
    old_epoch: str | None
    new_epoch: str
    rows_queued: int
    batches_dropped: int
    conflicts_closed: int
    leases: list[LeaseOutcome] = field(default_factory=list)

    @property
    def leases_refused(self) -> list[LeaseOutcome]:
        """Blocks the office could not take back: another lease holds some of those numbers now."""
        return [x for x in self.leases if x.status in ("overlap", "different", "refused")]


def reseed(store: Store, channel: Channel) -> ReseedReport:
    """Prepare this laptop to fill a restored office (see the module text). Run a sync afterwards."""
    answer = hello(channel)
    check_identity(store, answer)
    old_epoch = store.meta(local.EPOCH_KEY)
    new_epoch = str(answer["db_epoch"])
    if old_epoch == new_epoch:
        raise ReseedNotNeededError()
    leases = _reclaim_leases(store, channel)
    with store.session() as s:
        conn = s.connection()
        now = utc_now().isoformat(timespec="microseconds")
        queued = 0
        for name in schema.table_names():  # parents first, like every push
            # A confirmed row is queued as a re-seed op carrying the version it had (the office
            # compares it with the restored row's); a row never confirmed is an insert, if not queued.
            queued += conn.execute(
                text(
                    f"INSERT INTO sync_outbox (table_name, row_id, op, base_version, changed_at) "
                    f"SELECT :t, id, '{RESEED_OP}', server_version, :now FROM {name} "
                    f"WHERE server_version IS NOT NULL"
                ),
                {"t": name, "now": now},
            ).rowcount
            queued += conn.execute(
                text(
                    f"INSERT INTO sync_outbox (table_name, row_id, op, base_version, changed_at) "
                    f"SELECT :t, id, 'insert', NULL, :now FROM {name} t WHERE server_version IS NULL "
                    f"AND NOT EXISTS "
                    f"(SELECT 1 FROM sync_outbox o WHERE o.row_id = t.id AND o.table_name = :t)"
                ),
                {"t": name, "now": now},
            ).rowcount
        with local.capture_off(s):
            for name in schema.table_names():
                conn.exec_driver_sql(
                    f"UPDATE {name} SET server_version = NULL WHERE server_version IS NOT NULL"
                )
        dropped = int(conn.exec_driver_sql("SELECT count(*) FROM sync_batch").scalar_one())
        conn.exec_driver_sql("DELETE FROM sync_batch_entry")
        conn.exec_driver_sql("DELETE FROM sync_batch")
        closed = conn.execute(
            text("UPDATE sync_conflict SET resolved_at = :now, resolution = :how WHERE resolved_at IS NULL"),
            {"now": now, "how": RESOLUTION},
        ).rowcount
        detail = {
            "at": now,
            "old_epoch": old_epoch,
            "new_epoch": new_epoch,
            "rows": queued,
            "batches_dropped": dropped,
            "conflicts_closed": closed,
            "leases": {x.label: x.status for x in leases},
        }
        store.set_meta(local.EPOCH_KEY, new_epoch, s)
        store.set_meta(local.CURSOR_KEY, list(local.START_CURSOR), s)
        store.set_meta(RESEEDED_KEY, detail, s)
        audit.record(s, "sync.reseed", device_id=store.device_id, detail=detail)
    return ReseedReport(old_epoch, new_epoch, queued, dropped, closed, leases)


def reseed_now(
    store: Store, *, channel_factory: Callable[[OfficeTarget], Channel] | None = None
) -> ReseedReport:
    """Connect to this laptop's office and :func:`reseed` (the caller then runs a sync)."""
    with (channel_factory or connect)(local.office_target(store)) as channel:
        return reseed(store, channel)


def _reclaim_leases(store: Store, channel: Channel) -> list[LeaseOutcome]:
    with store.session(read_only=True) as s:
        blocks = s.scalars(
            select(NumberBlock)
            .where(NumberBlock.source == "office", NumberBlock.lease_id.is_not(None))
            .order_by(NumberBlock.doc_type, NumberBlock.year, NumberBlock.first_seq)
        ).all()
    out = []
    for b in blocks:
        assert b.lease_id is not None
        block = (b.doc_type, b.year, b.first_seq, b.last_seq)
        status = numbers.reclaim(channel, b.lease_id, block, b.granted_at, b.voided_at)
        out.append(LeaseOutcome(b.doc_type, b.year, b.first_seq, b.last_seq, status))
    return out
