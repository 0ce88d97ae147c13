"""Push: exactly once, whatever breaks and whenever — cut connections, lost replies, replays, crashes."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from inspector.store.models import AppUser, Detainee, SyncOutbox
from inspector.store.models.sync import SyncBatch, SyncConflict
from inspector.sync import push, schema
from inspector.sync.connection import connect
from inspector.sync.errors import OfficeUnreachableError, ProtocolError
from tests.conftest import detainee_values
from tests.sync.conftest import CuttingChannel, Laptop, Office, cutting

pytestmark = pytest.mark.pg


def _count(laptop: Laptop, q: Any) -> int:
    with laptop.store.session() as s:
        return int(s.scalar(q) or 0)


def outbox(laptop: Laptop) -> int:
    return _count(laptop, select(func.count()).select_from(SyncOutbox))


def confirmed(laptop: Laptop) -> int:
    return _count(laptop, select(func.count()).where(Detainee.server_version.is_not(None)))


def office_state(office: Office) -> tuple[int, int, int, int]:
    """(rows, sum of row versions, ledger ops, batches) of the office."""
    with office.admin() as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM records.detainee), "
            "(SELECT coalesce(sum(row_version), 0) FROM records.detainee), "
            "(SELECT count(*) FROM sync.op_ledger), (SELECT count(*) FROM sync.batch)"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


def add_detainees(laptop: Laptop, n: int, **kw: Any) -> list[uuid.UUID]:
    rows = [{**detainee_values(name=f"人{i}", **kw), "id": uuid.uuid4()} for i in range(n)]
    laptop.store.repo(Detainee).add_many(rows)
    return [r["id"] for r in rows]


def test_push_sends_every_change_once(office: Office, laptops: Callable[..., Laptop]) -> None:
    a = laptops()
    ids = add_detainees(a, 1200)  # three batches of ≤ 500
    report = a.sync()
    assert report.pushed.ops == 1200 + 2  # + the station and first user made by init
    assert report.pushed.accepted == report.pushed.ops
    assert outbox(a) == 0 and confirmed(a) == 1200
    rows, versions, ledger, batches = office_state(office)
    assert (rows, versions) == (1200, 1200) and ledger == 1202 and batches == 3
    # an edit after sync: one update, base version 1 → version 2
    a.store.repo(Detainee).update(ids[0], {"cell": "201"})
    a.sync()
    assert (
        office.scalar("SELECT (cell, row_version)::text FROM records.detainee WHERE id = %s", (ids[0],))
        == "(201,2)"
    )
    assert a.store.repo(Detainee).require(ids[0]).server_version == 2


@pytest.mark.parametrize("lose_reply", [False, True], ids=["cut-before-send", "lost-reply"])
def test_cut_at_every_statement_is_all_or_nothing_and_converges(
    office: Office, laptops: Callable[..., Laptop], lose_reply: bool
) -> None:
    a = laptops()
    a.sync()
    total = 0
    # statements of one sync: hello, push ×3, pull; cut at each in turn, each time on fresh changes
    for cut_at in range(1, 6):
        add_detainees(a, 1100)
        total += 1100
        channels: list[CuttingChannel] = []
        with pytest.raises(OfficeUnreachableError):
            a.sync(channel_factory=cutting(cut_at, lose_reply, channels))
        assert channels[0].cut
        # all or nothing: the office holds whole batches only, and never a row twice
        rows, versions, ledger, _ = office_state(office)
        assert rows == versions  # every row at version 1: nothing applied twice
        acknowledged = confirmed(a)
        pending = push.pending_batch(a.store)
        in_flight = pending.ops if pending else []
        assert rows in (acknowledged, acknowledged + len(in_flight))
        assert outbox(a) == total - acknowledged
        # retry converges
        a.sync()
        rows, versions, ledger, _ = office_state(office)
        assert rows == versions == total == confirmed(a)
        assert ledger == total + 2
        assert outbox(a) == 0 and push.pending_batch(a.store) is None
        assert _count(a, select(func.count()).select_from(SyncConflict)) == 0


def test_lost_reply_retry_returns_stored_results_and_versions_do_not_advance_twice(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    rid = add_detainees(a, 1)[0]
    a.sync()
    a.store.repo(Detainee).update(rid, {"cell": "9"})
    with pytest.raises(OfficeUnreachableError):
        a.sync(channel_factory=cutting(2, lose_reply=True))  # the push committed, the answer was lost
    assert office.scalar("SELECT row_version FROM records.detainee WHERE id = %s", (rid,)) == 2
    assert a.store.repo(Detainee).require(rid).server_version == 1
    batch = push.pending_batch(a.store)
    assert batch is not None
    with connect(a.target) as channel:
        answer = push.send_batch(channel, batch)
    assert answer["replayed"] is True and answer["results"][0]["version"] == 2
    a.sync()
    assert office.scalar("SELECT row_version FROM records.detainee WHERE id = %s", (rid,)) == 2
    assert a.store.repo(Detainee).require(rid).server_version == 2
    assert _count(a, select(func.count()).select_from(SyncConflict)) == 0


def test_replay_ten_times_and_old_batch_after_newer_change_nothing(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    rid = add_detainees(a, 1)[0]
    old = push.freeze_batch(a.store)
    assert old is not None
    with connect(a.target) as channel:
        first = push.send_batch(channel, old)
        push.apply_answer(a.store, old, first)
        for i in range(3):  # newer batches edit the same row
            a.store.repo(Detainee).update(rid, {"cell": f"new-{i}"})
            newer = push.freeze_batch(a.store)
            assert newer is not None
            push.apply_answer(a.store, newer, push.send_batch(channel, newer))
        before = (
            office_state(office),
            office.scalar("SELECT to_jsonb(d) FROM records.detainee d WHERE id = %s", (rid,)),
        )
        for _ in range(10):
            again = push.send_batch(channel, old)
            assert again["replayed"] is True and again["results"] == first["results"]
        after = (
            office_state(office),
            office.scalar("SELECT to_jsonb(d) FROM records.detainee d WHERE id = %s", (rid,)),
        )
    assert before == after
    assert after[1]["cell"] == "new-2" and after[1]["row_version"] == 4


def test_same_batch_id_with_different_payload_is_rejected(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    rid = add_detainees(a, 1)[0]
    batch = push.freeze_batch(a.store)
    assert batch is not None
    with connect(a.target) as channel:
        push.send_batch(channel, batch)
        forged = push.FrozenBatch(
            batch.batch_id, batch.schema_version, batch.payload.replace("人0".encode(), "某某".encode())
        )
        with pytest.raises(ProtocolError, match="different content"):
            push.send_batch(channel, forged)
    assert office.scalar("SELECT name FROM records.detainee WHERE id = %s", (rid,)) == "人0"


def test_a_batch_first_sent_through_the_older_jsonb_signature_replays_as_text(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    """Laptops before the text signature sent payloads as jsonb; a batch such a laptop sent, replayed
    after its upgrade, is recognised (hashed both ways), not refused as different content."""
    a = laptops()
    a.sync()
    add_detainees(a, 3)
    batch = push.freeze_batch(a.store)
    assert batch is not None
    with connect(a.target) as channel:
        (row,) = channel.query(
            "SELECT sync.push(%s, %s, %s::jsonb)",
            (batch.batch_id, batch.schema_version, batch.payload.decode("utf-8")),
        )
        assert row[0]["status"] == "ok" and row[0]["replayed"] is False
        again = push.send_batch(channel, batch)  # today's text signature
    assert again["replayed"] is True and again["results"] == row[0]["results"]
    push.apply_answer(a.store, batch, again)
    assert office_state(office)[0] == 3 and outbox(a) == 0


def test_an_edit_made_while_a_batch_is_in_flight_stays_queued(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    rid = add_detainees(a, 1)[0]
    batch = push.freeze_batch(a.store)
    assert batch is not None
    a.store.repo(Detainee).update(rid, {"cell": "edited meanwhile"})  # after freezing, before the answer
    with connect(a.target) as channel:
        push.apply_answer(a.store, batch, push.send_batch(channel, batch))
    assert outbox(a) == 1  # the newer edit is still queued …
    assert a.store.repo(Detainee).require(rid).server_version == 1  # … on top of the confirmed version
    a.sync()
    assert office.scalar("SELECT (cell, row_version)::text FROM records.detainee WHERE id = %s", (rid,)) == (
        '("edited meanwhile",2)'
    )
    assert outbox(a) == 0


def test_local_crash_while_applying_the_answer_leaves_nothing_half_done(
    office: Office, laptops: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops()
    a.sync()
    add_detainees(a, 700)
    real = push.local.set_server_versions
    calls = {"n": 0}

    def crash_after_first_table(*args: Any) -> None:
        real(*args)
        calls["n"] += 1
        raise RuntimeError("power cut")

    monkeypatch.setattr(push.local, "set_server_versions", crash_after_first_table)
    with pytest.raises(RuntimeError):
        a.sync()
    assert calls["n"] == 1
    assert confirmed(a) == 0 and outbox(a) == 700  # the local transaction rolled back whole
    assert push.pending_batch(a.store) is not None
    with a.store.session() as s:
        # the first batch (500) stays frozen; the second (200) was frozen and sent while the first
        # answer was being applied — its answer is lost with the crash, so it stays frozen too
        assert s.execute(select(func.count()).select_from(SyncBatch)).scalar() == 2
        assert s.execute(select(func.min(SyncOutbox.seq))).scalar() is not None
        assert s.connection().exec_driver_sql("SELECT enabled FROM sync_capture").scalar() == 1
    monkeypatch.setattr(push.local, "set_server_versions", real)
    a.sync()
    rows, versions, ledger, _ = office_state(office)
    assert rows == versions == 700 == confirmed(a) and outbox(a) == 0 and ledger == 702


def test_crash_while_freezing_freezes_nothing(
    office: Office, laptops: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops()
    add_detainees(a, 3)

    def broken(payload: dict[str, Any]) -> bytes:
        raise RuntimeError("crash")

    monkeypatch.setattr(push, "encode_payload", broken)
    with pytest.raises(RuntimeError):
        a.sync()
    assert push.pending_batch(a.store) is None and outbox(a) == 5
    monkeypatch.undo()
    a.sync()
    assert outbox(a) == 0 and office_state(office)[0] == 3


def test_server_killed_in_the_middle_of_a_push_applies_nothing(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    ids = add_detainees(a, 300)
    a.sync()
    for rid in ids:
        a.store.repo(Detainee).update(rid, {"cell": "moved"})
    blocker = office.admin()
    blocker.execute("BEGIN")
    blocker.execute(
        "SELECT 1 FROM records.detainee WHERE id = %s FOR UPDATE", (ids[200],)
    )  # op 201 will wait
    errors: list[BaseException] = []

    def run() -> None:
        try:
            a.sync(settle_first=False)  # (settling would wait for the blocker itself)
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    try:
        for _ in range(100):  # wait until the push is stuck on the locked row, 200 ops applied
            waiting = office.scalar(
                "SELECT pid FROM pg_stat_activity WHERE usename = %s AND wait_event_type = 'Lock'", (a.role,)
            )
            if waiting:
                break
            time.sleep(0.05)
        assert waiting
        with office.admin() as conn:
            conn.execute("SELECT pg_terminate_backend(%s)", (waiting,))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        worker.join(30)
    assert errors and isinstance(errors[0], OfficeUnreachableError)
    assert office.scalar("SELECT count(*) FROM records.detainee WHERE cell = 'moved'") == 0
    assert office.scalar("SELECT max(row_version) FROM records.detainee") == 1
    a.sync()
    assert (
        office.scalar("SELECT count(*) FROM records.detainee WHERE cell = 'moved' AND row_version = 2") == 300
    )


def test_a_device_clock_a_year_off_changes_nothing(
    office: Office, laptops: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Timestamps are for display only: versions decide, whatever the laptop's clock says."""
    from inspector.store import repository, types

    a = laptops()
    b = laptops("QXG", second=True)
    rid = add_detainees(a, 1)[0]
    a.sync()
    b.sync()
    real_now = types.utc_now

    def year_ahead() -> Any:
        return real_now() + timedelta(days=365)

    monkeypatch.setattr(repository, "utc_now", year_ahead)  # b's clock is a year fast
    b.store.repo(Detainee).update(rid, {"cell": "from the future"})
    b.sync()
    monkeypatch.undo()
    a.store.repo(Detainee).update(rid, {"cell": "from today"})  # based on version 1: a conflict, not a win
    a.sync()
    assert office.scalar("SELECT cell FROM records.detainee WHERE id = %s", (rid,)) == "from the future"
    with a.store.session() as s:
        conflict = s.scalars(select(SyncConflict)).one()
    assert conflict.mine["cell"] == "from today" and conflict.theirs is not None
    assert conflict.theirs["cell"] == "from the future"


def test_a_bad_record_never_blocks_the_queue(office: Office, laptops: Callable[..., Laptop]) -> None:
    from datetime import date

    from inspector.store.models import DailyLog

    a = laptops()
    b = laptops("QXG", second=True)
    for laptop in (a, b):  # both write the day's log offline: the office keeps one per station and day
        laptop.store.repo(DailyLog).add({"log_date": date(2026, 3, 2)})
    a.sync()
    ids = add_detainees(b, 2)
    report = b.sync()
    assert report.pushed.rejected == 1 and report.pushed.accepted == 2
    assert office.scalar("SELECT count(*) FROM records.detainee WHERE id = ANY(%s)", (ids,)) == 2
    with b.store.session() as s:
        found = {c.origin: c for c in s.scalars(select(SyncConflict))}
    # b's own log: refused by the office (unique per station and day), kept here for a person to settle
    assert found["push"].kind == "rejected" and found["push"].error and "23505" in found["push"].error
    # a's log, pulled: clashes with b's local one, so it waits as a conflict too, never half-applied
    assert found["pull"].kind == "rejected" and found["pull"].theirs is not None
    assert outbox(b) == 0
    assert report.open_conflicts == 2


def test_payload_is_the_exact_bytes_frozen(laptops: Callable[..., Laptop], office: Office) -> None:
    a = laptops()
    batch = push.freeze_batch(a.store)
    assert batch is not None
    with a.store.session() as s:
        stored = s.get(SyncBatch, batch.batch_id)
        assert stored is not None and stored.payload == batch.payload
    assert {op["table"] for op in batch.ops} == {"station", "app_user"}
    assert all(op["base_version"] is None and op["kind"] == "insert" for op in batch.ops)
    assert a.store.station_id in {uuid.UUID(op["row"]["id"]) for op in batch.ops if op["table"] == "station"}
    assert batch.schema_version == schema.SCHEMA_VERSION
    a.store.repo(Detainee).add(detainee_values())
    a.store.repo(AppUser).update(a.store.repo(AppUser).list()[0].id, {"display_name": "王"})
    second = push.freeze_batch(a.store)  # rows of an unanswered batch wait for its answer
    assert second is not None and [op["table"] for op in second.ops] == ["detainee"]
    assert push.freeze_batch(a.store) is None
    assert [b.batch_id for b in push.pending_batches(a.store)] == [batch.batch_id, second.batch_id]
