"""After the office database is restored from a backup: laptops stop, then a re-seed (asked for by a
person) fills the restored office from the laptops — nothing lost, nothing duplicated, nothing
overwritten without a person deciding."""

from __future__ import annotations

import io
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from psycopg.conninfo import make_conninfo
from sqlalchemy import func, select

from inspector import cli
from inspector.store.models import Detainee, SyncOutbox
from inspector.store.models.sync import SyncConflict
from inspector.sync import conflicts, local, push
from inspector.sync import office as office_admin
from inspector.sync.connection import connect
from inspector.sync.errors import EXIT_OFFICE_CHANGED, OfficeChangedError
from inspector.sync.reseed import RESOLUTION, ReseedNotNeededError, reseed
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office, settle
from tests.sync.test_numbers import DOC, issue_notice

pytestmark = pytest.mark.pg


@contextmanager
def backup_of(office: Office) -> Iterator[Callable[[], None]]:
    """A copy of the office database now (a backup); calling the result restores it, as an
    administrator would, including the new epoch the restore procedure gives it."""
    backup = f"{office.dbname}_bak"
    server_url = make_conninfo(office.admin_url, dbname="postgres")

    def copy(source: str, target: str) -> None:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')  # type: ignore[arg-type]
            conn.execute(  # a template must have no other session: end them first
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (source,)
            )
            conn.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')  # type: ignore[arg-type]

    copy(office.dbname, backup)

    def restore() -> None:
        copy(backup, office.dbname)
        office_admin.new_epoch(office.admin_url)

    try:
        yield restore
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{backup}" WITH (FORCE)')  # type: ignore[arg-type]


def names_at_office(office: Office) -> dict[str, tuple[str, int]]:
    with office.admin() as conn:
        rows = conn.execute("SELECT name, cell, row_version FROM records.detainee").fetchall()
    return {name: (cell, version) for name, cell, version in rows}


def local_names(laptop: Laptop) -> dict[str, str]:
    with laptop.store.session(read_only=True) as s:
        return {d.name: d.cell for d in s.scalars(select(Detainee))}


def count(laptop: Laptop, q: Any) -> int:
    with laptop.store.session(read_only=True) as s:
        return int(s.scalar(q) or 0)


def do_reseed(laptop: Laptop) -> Any:
    settle(laptop.office)
    with connect(laptop.target) as channel:
        return reseed(laptop.store, channel)


def add(laptop: Laptop, name: str, cell: str = "101") -> uuid.UUID:
    return laptop.store.repo(Detainee).add(detainee_values(name=name, cell=cell)).id


def test_a_restored_office_is_filled_again_from_the_laptop(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    for name in ("甲", "乙", "丙"):
        add(a, name)
    a.sync()
    with backup_of(office) as restore:
        # after the backup: a new person, an edit, and a numbered notice from a lease granted later
        add(a, "丁")
        yi = a.store.repo(Detainee).list(Detainee.name == "乙")[0]
        a.store.repo(Detainee).update(yi.id, {"cell": "205"})
        office_admin.grant_lease(office.admin_url, "QXG", a.name, DOC, 2026, 5)
        a.sync()
        notice_id, seq = issue_notice(a, 2026)
        a.sync()
        assert names_at_office(office)["乙"] == ("205", 2)
        restore()

    with pytest.raises(OfficeChangedError) as stopped:
        a.sync()
    assert stopped.value.exit_code == EXIT_OFFICE_CHANGED
    assert names_at_office(office).keys() == {"甲", "乙", "丙"}  # what the backup held

    report = do_reseed(a)
    assert report.rows_queued >= 5  # station, user, four people, the notice …
    assert [x.status for x in report.leases] == ["reclaimed"]
    assert a.store.meta(local.EPOCH_KEY) == office.scalar(
        "SELECT value FROM sync.meta WHERE key = 'db_epoch'"
    )
    result = a.sync()
    # the office gained what it lost; the row the backup holds in an older version takes the laptop's
    # newer copy (its version was 2 before the restore, the backup's 1): no conflict
    at_office = names_at_office(office)
    assert at_office.keys() == {"甲", "乙", "丙", "丁"}
    assert at_office["乙"] == ("205", 2)
    assert result.open_conflicts == 0 and result.pushed.rejected == 0
    # the notice and its number came back, inside the lease the laptop declared again
    assert (
        office.scalar("SELECT doc_seq FROM records.rectification_notice WHERE id = %s", (notice_id,)) == seq
    )
    assert office.scalar("SELECT count(*) FROM sync.number_lease") == 1
    a.sync()
    assert local_names(a) == {k: v[0] for k, v in names_at_office(office).items()}
    assert count(a, select(func.count()).select_from(SyncOutbox)) == 0
    assert office.scalar("SELECT count(*) FROM records.detainee") == 4  # nothing twice


def test_a_laptop_behind_the_backup_takes_the_offices_copy_unless_it_edited_it(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    """b last pulled version 1 of both rows; a's edits (version 2) are in the backup. After the
    restore, b's unedited copy is simply behind: it takes the office's. b's edit on version 1 of the
    other row was made without seeing version 2: that one is a conflict for a person."""
    a = laptops()
    jia, yi = add(a, "甲"), add(a, "乙")
    a.sync()
    b = laptops(second=True)
    for rid in (jia, yi):
        a.store.repo(Detainee).update(rid, {"cell": "a-edit"})
    a.sync()
    with backup_of(office) as restore:
        restore()  # the backup holds a's edits (version 2)
    b.store.repo(Detainee).update(yi, {"notes": "b-edit"})  # b never saw version 2 of 乙
    do_reseed(b)
    result = b.sync()
    assert result.open_conflicts == 1
    (c,) = conflicts.list_conflicts(b.store)
    assert c.row_id == yi and c.mine["notes"] == "b-edit" and c.theirs and c.theirs["cell"] == "a-edit"
    assert local_names(b)["甲"] == "a-edit"  # the office's newer copy, pulled
    assert names_at_office(office) == {"甲": ("a-edit", 2), "乙": ("a-edit", 2)}  # nothing overwritten


def test_a_row_another_laptop_already_re_seeded_differently_is_a_conflict(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    """Once a row has been written since the restore, versions no longer compare across the
    restore: a different copy from the next laptop is a conflict, never a silent overwrite."""
    a = laptops()
    rid = add(a, "甲")
    a.sync()
    b = laptops(second=True)
    with backup_of(office) as restore:
        a.store.repo(Detainee).update(rid, {"cell": "a-newer"})
        a.sync()
        restore()
    do_reseed(a)
    assert a.sync().open_conflicts == 0  # a's newer copy taken (the backup had version 1)
    do_reseed(b)  # b still has version 1
    result = b.sync()
    assert result.open_conflicts == 1
    assert names_at_office(office)["甲"][0] == "a-newer"


def test_a_second_laptop_re_seeds_after_the_first_without_duplicates(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    add(a, "甲")
    a.sync()
    b = laptops(second=True)
    with backup_of(office) as restore:
        add(b, "乙")  # b's own record, made after the backup
        b.sync()
        a.sync()  # a has it too now
        restore()
    assert do_reseed(a).rows_queued > 0
    a.sync()
    assert do_reseed(b).rows_queued > 0
    report = b.sync()
    # b's records are the ones a already sent back: the same content, so no conflict and no copy
    assert report.open_conflicts == 0
    assert office.scalar("SELECT count(*) FROM records.detainee") == 2
    assert local_names(a) == local_names(b) == {"甲": "101", "乙": "101"}


def test_pending_edits_batches_and_old_conflicts_are_carried_over(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    rid = add(a, "甲")
    a.sync()
    with backup_of(office) as restore:
        restore()
    # before anyone notices: an edit is queued and a batch is frozen for the old office
    a.store.repo(Detainee).update(rid, {"cell": "309"})
    assert push.freeze_batch(a.store) is not None
    with a.store.session() as s:  # an old conflict, still open
        s.add(
            SyncConflict(
                table_name="detainee", row_id=rid, origin="pull", kind="conflict", mine={}, theirs={}
            )
        )
    report = do_reseed(a)
    assert report.batches_dropped == 1 and report.conflicts_closed == 1
    with a.store.session(read_only=True) as s:
        assert s.scalars(select(SyncConflict.resolution)).all() == [RESOLUTION]
    result = a.sync()
    # the edit was made on the version the backup holds: it goes through, no conflict
    assert result.open_conflicts == 0
    assert names_at_office(office)["甲"] == ("309", 2)


def test_re_seed_is_refused_when_the_office_is_the_known_one(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    with pytest.raises(ReseedNotNeededError):
        do_reseed(a)
    assert count(a, select(func.count()).select_from(SyncOutbox)) == 0


def test_a_lease_the_office_granted_again_elsewhere_is_reported(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    b = laptops(second=True)
    with backup_of(office) as restore:
        office_admin.grant_lease(office.admin_url, "QXG", a.name, DOC, 2026, 5)  # 1-5
        a.sync()
        restore()
    office_admin.grant_lease(office.admin_url, "QXG", b.name, DOC, 2026, 5)  # 1-5 again: lost lease
    report = do_reseed(a)
    assert [(x.status, x.first_seq, x.last_seq) for x in report.leases_refused] == [("overlap", 1, 5)]


def test_the_command_line_re_seeds_with_yes(
    office: Office,
    laptops: Callable[..., Laptop],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = laptops()
    add(a, "甲")
    a.sync()
    with backup_of(office) as restore:
        add(a, "乙")
        a.sync()
        restore()
    data_dir = a.store.data_dir
    a.store.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: nobody to ask
    capsys.readouterr()

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main([*argv, "--data-dir", str(data_dir)])
        out, err = capsys.readouterr()
        return code, out, err

    code, _, err = run("sync", "--quiet")
    assert code == EXIT_OFFICE_CHANGED and "--reseed" in err and len(err.strip().splitlines()) == 1
    code, _, err = run("sync", "--reseed")
    assert code == 2 and "--yes" in err
    settle(office)
    code, out, err = run("sync", "--reseed", "--yes", "--quiet")
    assert code == 0, err
    assert "records queued" in out
    assert names_at_office(office).keys() == {"甲", "乙"}
