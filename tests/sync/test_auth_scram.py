"""Real password checks: a throw-away PostgreSQL cluster that only accepts ``scram-sha-256`` over TCP.

The shared test server (``INSPECTOR_TEST_PG_URL``) uses ``trust``, so there a wrong password still gets
in; these tests make their own cluster (docs/sync.md, "Tests") — one per module, on a free port, always
dropped at teardown — and run enrollment and sync end to end against it: the one-time secret, the
keyring password that replaces it, a wrong password in the keyring, a wrong one-time secret.

Like every PostgreSQL test they run only when ``INSPECTOR_TEST_PG_URL`` is set (the ``pg_url``
fixture); they also need root and the Debian ``postgresql-common`` tools. Without those they skip —
unless ``INSPECTOR_REQUIRE_PG=1`` (CI), where that is a failure, never a silent skip.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo
from sqlalchemy import text

from inspector import cli as inspector_cli
from inspector.cli.common import EXIT_FAULT, EXIT_USAGE
from inspector.security.memory_keyring import MemoryKeyring
from inspector.station_setup import FirstUser, initialise
from inspector.store.models import Detainee
from inspector.store.store import Store
from inspector.sync import errors, local
from inspector.sync import office as office_admin
from inspector.sync.connection import KEYRING_SERVICE, OfficeTarget, connect
from inspector.sync.errors import AuthFailedError
from inspector.sync.run import sync_now
from tests.conftest import detainee_values
from tests.sync.conftest import station_values

pytestmark = pytest.mark.pg

HOST = "127.0.0.1"
CLUSTER_PREFIX = "insp_auth_"
_CLUSTER_RE = re.compile(rf"^{CLUSTER_PREFIX}(\d+)_[0-9a-f]+$")
_TOOLS = ("pg_createcluster", "pg_ctlcluster", "pg_dropcluster", "pg_lsclusters")


# ---- the cluster -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScramCluster:
    version: str
    name: str
    port: int
    admin_password: str  # of the bootstrap superuser ``postgres``, the office administrator here
    log_file: Path

    def url(self, dbname: str = "postgres", *, user: str = "postgres", password: str | None = None) -> str:
        return make_conninfo(
            host=HOST,
            port=str(self.port),
            dbname=dbname,
            user=user,
            password=self.admin_password if password is None else password,
            connect_timeout="10",
        )


def _unavailable(reason: str) -> None:
    if os.environ.get("INSPECTOR_REQUIRE_PG") == "1":
        pytest.fail(f"INSPECTOR_REQUIRE_PG=1 but the scram-sha-256 test cluster cannot be made: {reason}")
    pytest.skip(f"scram-sha-256 test cluster unavailable: {reason}")


def _run(*cmd: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def _major_version() -> str | None:
    root = Path("/usr/lib/postgresql")
    found = [p.name for p in root.glob("*") if p.name.isdigit() and (p / "bin" / "initdb").exists()]
    return max(found, key=int) if found else None


def _clusters() -> list[list[str]]:
    """``pg_lsclusters`` rows: version, name, port, status, owner, data dir, log file."""
    return [line.split() for line in _run("pg_lsclusters", "--no-header").stdout.splitlines() if line.strip()]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _drop_stale_clusters() -> None:
    """Clusters of this module left by a test process that was killed (its pid is gone)."""
    for row in _clusters():
        m = _CLUSTER_RE.match(row[1])
        if m and not _pid_alive(int(m.group(1))):
            _run("pg_dropcluster", "--stop", row[0], row[1], check=False)


def _postgres_user() -> tuple[int, int, Path] | None:
    try:
        import pwd
    except ImportError:  # pragma: no cover - not POSIX
        return None
    try:
        entry = pwd.getpwnam("postgres")
    except KeyError:
        return None
    return entry.pw_uid, entry.pw_gid, Path(entry.pw_dir)


def _wait_ready(cluster: ScramCluster, deadline_s: float = 30) -> None:
    deadline = time.monotonic() + deadline_s
    while True:
        try:
            with psycopg.connect(cluster.url(), autocommit=True) as conn:
                conn.execute("SELECT 1")
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _create_and_start(version: str, name: str, password: str, postgres: tuple[int, int, Path]) -> int:
    """Create the cluster (initdb sets the superuser's password from a file only ``postgres`` reads),
    allow only scram-sha-256 over TCP, start it. Returns the port."""
    uid, gid, home = postgres
    fd, pwfile = tempfile.mkstemp(prefix="insp_auth_pw_", dir=home if home.is_dir() else None)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchown(fh.fileno(), uid, gid)  # initdb runs as postgres; the file stays mode 0600
            fh.write(password + "\n")
        port = _free_port()
        _run(
            "pg_createcluster", version, name, "--port", str(port), "--",
            "--auth-local=peer", "--auth-host=scram-sha-256", f"--pwfile={pwfile}", "--no-sync",
        )  # fmt: skip
    finally:
        Path(pwfile).unlink(missing_ok=True)
    conf = Path("/etc/postgresql") / version / name
    # Only the postgres OS user over the socket (peer), everyone else over TCP with a SCRAM password.
    # No ::1 line: a connection that does not match 127.0.0.1 is refused.
    (conf / "pg_hba.conf").write_text(
        "local all postgres peer\nhost all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8"
    )
    settings = {
        "listen_addresses": f"'{HOST}'",
        "password_encryption": "'scram-sha-256'",
        "log_statement": "'all'",  # so the tests can check that no secret ever reaches the server log
        "fsync": "off",  # throw-away data: speed over durability
        "synchronous_commit": "off",
        "full_page_writes": "off",
    }
    with (conf / "postgresql.conf").open("a", encoding="utf-8") as fh:
        fh.write("\n# tests/sync/test_auth_scram.py\n")
        fh.writelines(f"{k} = {v}\n" for k, v in settings.items())
    for attempt in range(3):
        started = _run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start", check=False)
        if started.returncode == 0:
            return port
        busy = "could not bind" in started.stderr + started.stdout or "in use" in started.stderr
        if not busy or attempt == 2:
            raise RuntimeError(f"pg_ctlcluster start failed:\n{started.stdout}\n{started.stderr}")
        port = _free_port()  # another process took the port meanwhile: the last setting wins
        with (conf / "postgresql.conf").open("a", encoding="utf-8") as fh:
            fh.write(f"port = {port}\n")
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def scram_cluster(pg_url: str) -> Iterator[ScramCluster]:
    """A PostgreSQL cluster of our own with real password checks; stopped and dropped at teardown.

    Depends on ``pg_url`` only for its opt-in (skip / INSPECTOR_REQUIRE_PG), never touches that server.
    """
    del pg_url
    missing = [t for t in _TOOLS if shutil.which(t) is None]
    if missing:
        _unavailable(f"{', '.join(missing)} not found (Debian postgresql-common)")
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        _unavailable("creating a cluster needs root")
    version = _major_version()
    if version is None:
        _unavailable("no PostgreSQL server under /usr/lib/postgresql")
    postgres = _postgres_user()
    if postgres is None:
        _unavailable("no `postgres` OS user")
    assert version is not None and postgres is not None
    _drop_stale_clusters()
    name = f"{CLUSTER_PREFIX}{os.getpid()}_{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(24)
    try:
        port = _create_and_start(version, name, password, postgres)
        [row] = [r for r in _clusters() if r[0] == version and r[1] == name]
        cluster = ScramCluster(version, name, port, password, Path(row[6]))
        _wait_ready(cluster)
        yield cluster
    finally:
        dropped = _run("pg_dropcluster", "--stop", version, name, check=False)
        left = [r for r in _clusters() if r[1] == name]
        if dropped.returncode != 0 and left:
            pytest.fail(f"could not drop test cluster {version}/{name}: {dropped.stderr}")


# ---- an office database in it -----------------------------------------------------------------------


@dataclass(frozen=True)
class ScramOffice:
    cluster: ScramCluster
    dbname: str
    admin_url: str  # the superuser, with its password, over TCP

    def device_url(self) -> str:
        """What a laptop is given: host, port, database — no user, no password."""
        return make_conninfo(host=HOST, port=str(self.cluster.port), dbname=self.dbname)

    def target(self, role: str) -> OfficeTarget:
        return OfficeTarget.parse(self.device_url(), role)

    def scalar(self, query: str, params: tuple[Any, ...] = ()) -> Any:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            row = conn.execute(query, params).fetchone()
            return None if row is None else row[0]

    def verifier(self, role: str) -> str | None:
        value = self.scalar("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (role,))
        return None if value is None else str(value)


@pytest.fixture
def scram_office(scram_cluster: ScramCluster) -> ScramOffice:
    """A fresh office database per test (roles get a per-test prefix; the cluster goes away anyway)."""
    token = secrets.token_hex(4)
    dbname = f"office_{token}"
    with psycopg.connect(scram_cluster.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    office = ScramOffice(scram_cluster, dbname, scram_cluster.url(dbname))
    office_admin.init_office(office.admin_url, f"a{token}")
    return office


@dataclass(frozen=True)
class NewLaptop:
    data_dir: Path
    role: str
    secret: str


def first_laptop(office: ScramOffice, tmp_path: Path, code: str = "QXG", name: str = "l1") -> NewLaptop:
    """A station's first laptop (``inspector init`` + one record) and its device login at the office."""
    office_admin.add_station(office.admin_url, code, f"{code} 看守所检察室")
    device = office_admin.add_device(office.admin_url, code, name)
    data_dir = tmp_path / name
    store = initialise(data_dir, station_values(code), FirstUser("wang", "王检察官", "secret-pass-1"))
    store.repo(Detainee).add(detainee_values(name="张三"))
    store.close()
    return NewLaptop(data_dir, device.role, device.secret)


# ---- the command line --------------------------------------------------------------------------------

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Cli:
    """``inspector …`` through the real entry point (``inspector.cli:main``), in this process (so the
    in-memory keyring is the one it uses). Returns (exit code, stdout, stderr)."""
    log_dir = tmp_path / "cli-log"  # where main() writes the traceback of an unexpected fault
    monkeypatch.setattr("platformdirs.user_log_dir", lambda *a, **k: str(log_dir))

    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = inspector_cli.main(list(argv))
        out, err = capsys.readouterr()
        if code == EXIT_FAULT and (log_dir / "inspector.log").exists():
            err += (log_dir / "inspector.log").read_text(encoding="utf-8")
        return code, out, err

    return run


def enroll(
    cli: Cli, office: ScramOffice, laptop: NewLaptop, secret: str | None = None
) -> tuple[int, str, str]:
    return cli(
        "enroll", "--office-url", office.device_url(), "--device", laptop.role, "--secret-stdin",
        "--data-dir", str(laptop.data_dir), stdin=(laptop.secret if secret is None else secret) + "\n",
    )  # fmt: skip


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("inspector: "), err
    assert "Traceback" not in err
    return lines[0]


# ---- what the laptop holds ----------------------------------------------------------------------------


def device_entries(memory_keyring: MemoryKeyring) -> dict[tuple[str, str], str]:
    return {
        k: v for k, v in memory_keyring.entries.items() if k[0] == KEYRING_SERVICE and "office-device" in k[1]
    }


def local_dump(data_dir: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the (decrypted) laptop database."""
    with Store.open(data_dir) as store, store.read_connection() as conn:
        tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1"
        names = [r[0] for r in conn.execute(text(tables))]
        return {n: [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{n}" ORDER BY 1'))] for n in names}


def office_counts(office: ScramOffice) -> tuple[int, int, int]:
    return (
        office.scalar("SELECT count(*) FROM records.detainee"),
        office.scalar("SELECT count(*) FROM sync.batch"),
        office.scalar("SELECT count(*) FROM sync.op_ledger"),
    )


def assert_secret_free(data_dir: Path, outputs: list[str], *values: str) -> None:
    """None of ``values`` in any file under the data folder (raw bytes), in the decrypted database, or
    in the command-line output."""
    files = [f for f in data_dir.rglob("*") if f.is_file()]
    assert files
    dump = repr(local_dump(data_dir))
    for value in values:
        assert len(value) >= 16
        for f in files:
            assert value.encode() not in f.read_bytes(), f"secret found in {f}"
        assert value not in dump
        for out in outputs:
            assert value not in out


# ---- tests --------------------------------------------------------------------------------------------


def test_the_cluster_really_checks_passwords(scram_office: ScramOffice, tmp_path: Path) -> None:
    cluster = scram_office.cluster
    with psycopg.connect(scram_office.admin_url, autocommit=True) as conn:
        rules = conn.execute(
            "SELECT type, auth_method FROM pg_hba_file_rules WHERE error IS NULL ORDER BY line_number"
        ).fetchall()
        setting = conn.execute("SHOW password_encryption").fetchone()
    assert rules == [("local", "peer"), ("host", "scram-sha-256")]
    assert setting == ("scram-sha-256",)
    assert str(scram_office.verifier("postgres")).startswith("SCRAM-SHA-256$")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(cluster.url(scram_office.dbname, password="not-the-password")).close()

    laptop = first_laptop(scram_office, tmp_path)
    # the device login has a SCRAM verifier (computed on the administrator's side), never plain text
    assert scram_office.scalar(
        "SELECT rolpassword LIKE 'SCRAM-SHA-256$%%' FROM pg_authid WHERE rolname = %s", (laptop.role,)
    )
    target = scram_office.target(laptop.role)
    with connect(target, laptop.secret) as channel:
        assert channel.query("SELECT session_user")[0][0] == laptop.role
    with pytest.raises(AuthFailedError, match="password authentication failed") as refused:
        connect(target, laptop.secret[:-1] + ("x" if laptop.secret[-1] != "x" else "y"))
    assert refused.value.exit_code == errors.EXIT_AUTH


def test_enroll_with_the_secret_then_sync(
    scram_office: ScramOffice, cli: Cli, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    laptop = first_laptop(scram_office, tmp_path)
    issued = scram_office.verifier(laptop.role)

    code, out, err = enroll(cli, scram_office, laptop)
    assert code == 0, err
    assert "enrolled" in out

    # the one-time secret was replaced by a password only this laptop's keyring knows
    target = scram_office.target(laptop.role)
    [(key, password)] = device_entries(memory_keyring).items()
    assert key == (KEYRING_SERVICE, target.keyring_user) and password != laptop.secret
    now = scram_office.verifier(laptop.role)
    assert now is not None and now.startswith("SCRAM-SHA-256$") and now != issued
    with pytest.raises(AuthFailedError, match="password authentication failed"):
        connect(target, laptop.secret)  # the secret no longer logs in
    with connect(target, password) as channel:
        assert channel.query("SELECT session_user")[0][0] == laptop.role

    code, out, err = cli("sync", "--data-dir", str(laptop.data_dir))
    assert code == errors.EXIT_OK, err
    assert scram_office.scalar("SELECT count(*) FROM records.detainee") == 1
    with Store.open(laptop.data_dir) as store:
        report = sync_now(store)  # the library entry point as well
    assert report.pushed.ops == 0


def test_a_wrong_password_in_the_keyring_is_refused_and_nothing_is_lost(
    scram_office: ScramOffice, cli: Cli, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    laptop = first_laptop(scram_office, tmp_path)
    assert enroll(cli, scram_office, laptop)[0] == 0
    assert cli("sync", "--data-dir", str(laptop.data_dir))[0] == errors.EXIT_OK
    with Store.open(laptop.data_dir) as store:  # a change waiting in the outbox
        store.repo(Detainee).add(detainee_values(name="李四"))
        target = local.office_target(store)
    key = (KEYRING_SERVICE, target.keyring_user)
    password = memory_keyring.entries[key]
    wrong = secrets.token_urlsafe(32)
    memory_keyring.entries[key] = wrong
    before = local_dump(laptop.data_dir)
    assert before["sync_outbox"]
    office_before = office_counts(scram_office)
    verifier = scram_office.verifier(laptop.role)

    code, out, err = cli("sync", "--data-dir", str(laptop.data_dir))
    assert code == errors.EXIT_AUTH == 4
    line = one_line(err)
    assert "refused this device's login" in line and "password authentication failed" in line
    assert "Traceback" not in out
    with Store.open(laptop.data_dir) as store, pytest.raises(AuthFailedError) as raised:
        sync_now(store)
    assert raised.value.exit_code == errors.EXIT_AUTH

    # nothing changed here (outbox, records, batches, cursor, audit …) nor at the office
    assert local_dump(laptop.data_dir) == before
    assert memory_keyring.entries[key] == wrong  # a refused login does not touch the keyring
    assert office_counts(scram_office) == office_before
    assert scram_office.verifier(laptop.role) == verifier
    assert_secret_free(laptop.data_dir, [out, err], wrong, password, laptop.secret)

    # with the right password back, the queued change goes up: nothing was lost
    memory_keyring.entries[key] = password
    code, _, err = cli("sync", "--data-dir", str(laptop.data_dir))
    assert code == errors.EXIT_OK, err
    assert scram_office.scalar("SELECT count(*) FROM records.detainee") == 2
    assert local_dump(laptop.data_dir)["sync_outbox"] == []


def test_enroll_with_a_wrong_secret_leaves_nothing_behind(
    scram_office: ScramOffice, cli: Cli, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    laptop = first_laptop(scram_office, tmp_path)
    issued = scram_office.verifier(laptop.role)
    before = local_dump(laptop.data_dir)
    keyring_before = dict(memory_keyring.entries)
    wrong = secrets.token_urlsafe(18)

    # an existing data folder (the station's first laptop): enroll_store
    code, out, err = enroll(cli, scram_office, laptop, wrong)
    assert code == EXIT_USAGE
    line = one_line(err)
    assert "enrollment secret is wrong" in line and "password authentication failed" in line
    assert memory_keyring.entries == keyring_before and not device_entries(memory_keyring)
    assert local_dump(laptop.data_dir) == before  # no office, epoch or cursor recorded; no audit entry
    with psycopg.connect(scram_office.admin_url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT device_id, enrolled_at FROM sync.device WHERE role_name = %s", (laptop.role,)
        ).fetchone()
    assert row == (None, None)
    assert scram_office.verifier(laptop.role) == issued
    assert_secret_free(laptop.data_dir, [out, err], wrong, laptop.secret)

    # an empty folder (a further laptop): enroll_new makes a database, then must discard it whole
    device = office_admin.add_device(scram_office.admin_url, "QXG", "l2")
    second = NewLaptop(tmp_path / "l2", device.role, device.secret)
    issued_second = scram_office.verifier(second.role)
    code, out, err = enroll(cli, scram_office, second, wrong)
    assert code == EXIT_USAGE
    line = one_line(err)
    assert "password authentication failed" in line
    assert not Store.exists(second.data_dir)
    assert not [f for f in second.data_dir.rglob("*") if f.is_file()]
    assert memory_keyring.entries == keyring_before  # neither a device password nor a database key
    assert scram_office.verifier(second.role) == issued_second
    assert wrong not in out + err and second.secret not in out + err

    # the wrong attempt did not use up the real secret
    code, _, err = enroll(cli, scram_office, laptop)
    assert code == 0, err
    assert cli("sync", "--data-dir", str(laptop.data_dir))[0] == errors.EXIT_OK


def test_secrets_stay_out_of_the_data_folder_the_output_and_the_server_log(
    scram_office: ScramOffice, cli: Cli, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    laptop = first_laptop(scram_office, tmp_path)
    wrong = secrets.token_urlsafe(18)
    runs = [
        enroll(cli, scram_office, laptop, wrong),  # refused
        enroll(cli, scram_office, laptop),
        cli("sync", "--data-dir", str(laptop.data_dir)),
    ]
    assert [code for code, _, _ in runs] == [EXIT_USAGE, 0, errors.EXIT_OK], runs
    outputs = [t for _, out, err in runs for t in (out, err)]
    [password] = device_entries(memory_keyring).values()
    code, out, err = cli("office", "add-device", "QXG", "l2", "--url", scram_office.admin_url)
    assert code == 0, err
    second_secret = re.search(r"enrollment secret: (\S+)", out)
    assert second_secret is not None  # the administrator is shown the new secret, once

    assert_secret_free(laptop.data_dir, outputs, laptop.secret, password, wrong, second_secret.group(1))
    # the office gets SCRAM verifiers only: with log_statement = all, no secret reaches the server log
    log = scram_office.cluster.log_file.read_bytes()
    assert b"sync.enroll_confirm" in log and b"SCRAM-SHA-256$" in log  # the log shows statements
    for value in (laptop.secret, password, wrong, second_secret.group(1)):
        assert value.encode() not in log


# ---- known problems in the core (strict: they start failing once fixed — then drop the marker) -----


def test_a_wrong_secret_for_an_empty_folder_is_called_a_wrong_secret(
    scram_office: ScramOffice, cli: Cli, tmp_path: Path
) -> None:
    first_laptop(scram_office, tmp_path)
    device = office_admin.add_device(scram_office.admin_url, "QXG", "l2")
    second = NewLaptop(tmp_path / "l2", device.role, device.secret)
    code, _, err = enroll(cli, scram_office, second, secrets.token_urlsafe(18))
    assert code == EXIT_USAGE
    assert "enrollment secret is wrong" in one_line(err)


def test_a_refused_enrollment_leaves_no_password_in_the_keyring(
    scram_office: ScramOffice, cli: Cli, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    claimed = first_laptop(scram_office, tmp_path)
    assert enroll(cli, scram_office, claimed)[0] == 0
    # a second laptop made by `inspector init` for the same station: refused by the office (IN005)
    device = office_admin.add_device(scram_office.admin_url, "QXG", "l2")
    data_dir = tmp_path / "l2"
    initialise(data_dir, station_values("QXG"), FirstUser("li", "李检察官", "secret-pass-2")).close()
    code, _, err = enroll(cli, scram_office, NewLaptop(data_dir, device.role, device.secret))
    assert code == EXIT_USAGE and "enrollment refused" in one_line(err)
    with Store.open(data_dir) as store:
        assert store.meta(local.OFFICE_KEY) is None
    assert scram_office.verifier(device.role) is not None
    target = scram_office.target(device.role)
    assert (KEYRING_SERVICE, target.keyring_user) not in memory_keyring.entries
