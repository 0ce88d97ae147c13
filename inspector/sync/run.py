"""One sync: check the office, push everything queued, pull everything new. No Qt here.

The desktop runs :func:`sync_now` in its background worker and passes a ``progress`` callback; the
command line prints the :class:`SyncReport`. Errors are :class:`~inspector.sync.errors.SyncError`
subclasses, each with its exit code.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from inspector.store.store import Store
from inspector.store.types import utc_now
from inspector.sync import blobs, conflicts, local
from inspector.sync.connection import Channel, OfficeTarget, connect
from inspector.sync.enroll import check_identity, hello
from inspector.sync.errors import OfficeChangedError
from inspector.sync.pull import PullOutcome, pull_all
from inspector.sync.push import PushOutcome, push_all


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # connect / push / upload / pull / download / done
    done: int  # ops pushed, bytes sent, rows pulled or bytes received so far in this phase
    message_zh: str
    message_en: str


@dataclass(frozen=True)
class SyncReport:
    pushed: PushOutcome
    pulled: PullOutcome
    open_conflicts: int
    round_trips: int
    seconds: float


ChannelFactory = Callable[[OfficeTarget], Channel]
ProgressCallback = Callable[[SyncProgress], None]


def check_office(store: Store, channel: Channel) -> dict[str, Any]:
    """Same office database, same station, same device, same schema — or stop before changing anything."""
    answer = hello(channel)
    known = store.meta(local.EPOCH_KEY)
    if known and answer["db_epoch"] != known:
        raise OfficeChangedError(str(known), str(answer["db_epoch"]))
    check_identity(store, answer)
    return answer


def sync_now(
    store: Store,
    *,
    progress: ProgressCallback | None = None,
    channel_factory: ChannelFactory | None = None,
) -> SyncReport:
    started = time.monotonic()

    def tell(phase: str, done: int, zh: str, en: str) -> None:
        if progress is not None:
            progress(SyncProgress(phase, done, zh, en))

    target = local.office_target(store)
    tell("connect", 0, "正在连接办公室数据库…", "connecting to the office…")
    with (channel_factory or connect)(target) as channel:
        check_office(store, channel)
        pushed_so_far = [0]

        def on_batch(o: PushOutcome) -> None:
            pushed_so_far[0] += o.ops
            tell(
                "push",
                pushed_so_far[0],
                f"已上传 {pushed_so_far[0]} 条修改",
                f"pushed {pushed_so_far[0]} changes",
            )

        pushed = push_all(store, channel, on_batch)
        sent = [0]

        def on_up(n: int) -> None:
            sent[0] += n
            tell(
                "upload",
                sent[0],
                f"已上传附件 {sent[0] // 1024} KB",
                f"sent {sent[0] // 1024} KB of attachments",
            )

        blobs.upload_pending(store, channel, on_up)
        pulled_so_far = [0]

        def on_page(p: PullOutcome) -> None:
            pulled_so_far[0] += p.rows
            tell(
                "pull",
                pulled_so_far[0],
                f"已下载 {pulled_so_far[0]} 条记录",
                f"pulled {pulled_so_far[0]} rows",
            )

        pulled = pull_all(store, channel, on_page=on_page)
        got = [0]

        def on_down(n: int) -> None:
            got[0] += n
            tell(
                "download",
                got[0],
                f"已下载附件 {got[0] // 1024} KB",
                f"received {got[0] // 1024} KB of attachments",
            )

        blobs.download_pending(store, channel, on_down)
        round_trips = channel.round_trips
    store.set_meta(local.LAST_SYNC_KEY, utc_now().isoformat())
    report = SyncReport(pushed, pulled, conflicts.open_count(store), round_trips, time.monotonic() - started)
    tell("done", pushed.ops + pulled.rows, "同步完成", "sync complete")
    return report
