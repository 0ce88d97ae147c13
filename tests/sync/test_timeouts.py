"""A sync never hangs (issue #11, item 2).

Every office connection carries connect, statement, lock and idle-transaction timeouts and notices a
dead peer on both ends; a session left by a killed sync of the same laptop — holding the station's
push lock — is ended by the next sync's first statement instead of blocking it; a lock held by
someone else makes the sync give up with exit 3 and one clear line, never wait without end.
"""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from inspector.cli import main
from inspector.store.models import Detainee
from inspector.sync import connection
from inspector.sync import office as office_admin
from inspector.sync.connection import Timeouts, connect
from inspector.sync.errors import EXIT_UNREACHABLE, OfficeBusyError
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office

SETTINGS = ("statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout", "tcp_user_timeout")


def shown(conn: Any) -> dict[str, str]:
    return {name: str(conn.execute(f"SHOW {name}").fetchone()[0]) for name in SETTINGS}


def test_every_office_connection_carries_its_timeouts(office: Office, laptops: Callable[..., Laptop]) -> None:
    laptop = laptops()
    with connect(laptop.target) as channel:
        device = shown(channel.conn)
        # the client's side: libpq notices a dead office
        client = {o.keyword.decode(): (o.val or b"").decode() for o in channel.conn.pgconn.info}
    assert device == {
        "statement_timeout": "2min",
        "lock_timeout": "20s",
        "idle_in_transaction_session_timeout": "1min",
        "tcp_user_timeout": "30000",  # milliseconds, as the server shows it
    }
    assert client["keepalives"] == "1" and client["tcp_user_timeout"] == "30000"
    assert client["connect_timeout"] == "10"
    with office_admin.admin(office.admin_url) as conn:
        admin = shown(conn)
    assert admin["statement_timeout"] == "15min" and admin["lock_timeout"] == "1min"
    assert admin["tcp_user_timeout"] == "30000"


def _hold_push_lock(conn: psycopg.Connection[Any], station_id: object) -> None:
    conn.execute("BEGIN")
    conn.execute("SELECT pg_advisory_xact_lock(hashtextextended('push:' || %s::text, 0))", (str(station_id),))


def _sync_in_thread(laptop: Laptop, seconds: float) -> tuple[list[Any], threading.Thread]:
    result: list[Any] = []

    def run() -> None:
        try:
            result.append(laptop.sync(settle_first=False))
        except Exception as exc:  # handed to the test
            result.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    return result, worker


def test_a_killed_syncs_session_and_lock_do_not_block_the_next_sync(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    laptop = laptops()
    laptop.sync()
    laptop.store.repo(Detainee).add(detainee_values(name="待上传"))
    # what a sync killed in the middle of a push leaves at the office: a session of this laptop's
    # login inside the push transaction, holding the station's lock, whose client will never answer
    orphan = office.as_device(laptop.role)
    _hold_push_lock(orphan, laptop.store.station_id)
    result, worker = _sync_in_thread(laptop, 60)
    assert not worker.is_alive(), "the sync is still waiting for the killed sync's lock"
    [report] = result
    assert not isinstance(report, Exception), report
    assert report.pushed.accepted == 1
    with pytest.raises(psycopg.OperationalError):  # the orphan session was ended
        orphan.execute("SELECT 1")
    orphan.close()
    assert office.scalar("SELECT count(*) FROM records.detainee WHERE name = '待上传'") == 1


def test_a_lock_held_elsewhere_gives_up_with_exit_3(
    office: Office,
    laptops: Callable[..., Laptop],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    laptop = laptops()
    laptop.sync()
    laptop.store.repo(Detainee).add(detainee_values(name="待上传"))
    monkeypatch.setattr(connection, "DEVICE_TIMEOUTS", Timeouts(lock=1000))
    with office.admin() as other:  # e.g. another laptop of the station stuck in its push
        _hold_push_lock(other, laptop.store.station_id)
        result, worker = _sync_in_thread(laptop, 60)
        assert not worker.is_alive()
        [error] = result
        assert isinstance(error, OfficeBusyError) and error.exit_code == EXIT_UNREACHABLE
        assert "lock timeout" in error.message_en
        data_dir = str(laptop.store.data_dir)
        laptop.store.close()
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        monkeypatch.setattr("platformdirs.user_log_dir", lambda *a, **k: str(tmp_path / "log"))
        capsys.readouterr()
        assert main(["sync", "--data-dir", data_dir]) == EXIT_UNREACHABLE
        out, err = capsys.readouterr()
        assert "正在连接办公室数据库" in out  # progress before anything can wait
        assert err.count("\n") == 1 and "retry later" in err, err
        other.execute("ROLLBACK")


def test_a_statement_over_its_time_gives_up(office: Office, laptops: Callable[..., Laptop]) -> None:
    laptop = laptops()
    slow = Timeouts(statement=300)
    conninfo = psycopg.conninfo.make_conninfo(laptop.target.conninfo(connection.load_password(laptop.target)))
    with psycopg.connect(conninfo, autocommit=True, **slow.libpq()) as conn:
        channel = connection.Channel(conn)
        with pytest.raises(OfficeBusyError, match="statement timeout"):
            channel.query("SELECT pg_sleep(5)")
