"""Connecting a device to the office: where (URL, TLS options), who (login role), the password (keyring).

The device password lives only in the OS keyring (``keyring``), under service ``inspector`` and a
user name naming the role and server. The URL kept in the local database never carries a password;
TLS options (``sslmode``, ``sslrootcert``, …) are kept and passed through to libpq unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import keyring
import keyring.errors
import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from inspector.domain.errors import InspectorError
from inspector.sync.errors import AuthFailedError, OfficeBusyError, OfficeUnreachableError

KEYRING_SERVICE = "inspector"
TLS_KEYS = ("sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "sslpassword")
CONNECT_TIMEOUT = 10


@dataclass(frozen=True)
class Timeouts:
    """How long an office connection may wait, so that a sync never hangs (docs/sync.md, "Timeouts").

    ``connect`` is libpq's connect timeout (s); the others are milliseconds. ``statement``, ``lock``
    and ``idle_in_transaction`` are the server's own limits for this session; ``dead_peer`` is how
    long unacknowledged data or a silent peer is borne on *both* ends (TCP user timeout, keepalives
    every ``dead_peer / 6``), so a laptop killed or cut off mid-statement loses its server session —
    and whatever lock it held — within about that time, and a laptop whose office vanished stops
    waiting for it.
    """

    connect: int = CONNECT_TIMEOUT
    statement: int = 120_000
    lock: int = 20_000
    idle_in_transaction: int = 60_000
    dead_peer: int = 30_000

    def libpq(self) -> dict[str, Any]:
        """Connection parameters: the client's side, and the server's settings for the session."""
        probe = max(1, self.dead_peer // 6000)
        server = {
            "statement_timeout": self.statement,
            "lock_timeout": self.lock,
            "idle_in_transaction_session_timeout": self.idle_in_transaction,
            "tcp_user_timeout": self.dead_peer,
            "tcp_keepalives_idle": probe,
            "tcp_keepalives_interval": probe,
            "tcp_keepalives_count": 3,
            "TimeZone": "UTC",
        }
        return {
            "connect_timeout": self.connect,
            "keepalives": 1,
            "keepalives_idle": probe,
            "keepalives_interval": probe,
            "keepalives_count": 3,
            "tcp_user_timeout": self.dead_peer,
            "options": " ".join(f"-c {k}={v}" for k, v in server.items()),
        }


DEVICE_TIMEOUTS = Timeouts()
# The administrator's commands: an init or an export may rightly run for minutes.
ADMIN_TIMEOUTS = Timeouts(statement=900_000, lock=60_000, idle_in_transaction=900_000)
_SECRET_KEYS = ("password", "sslpassword")


class BadOfficeUrlError(InspectorError):
    code = "bad_office_url"

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"办公室数据库地址（URL）无效：{detail}",
            f"the office database URL is not valid: {detail}",
            params={"detail": detail},
        )


def parse_conninfo(url: str) -> dict[str, Any]:
    """A libpq URL or ``key=value`` string as its parts; a malformed one is a user mistake, said so."""
    try:
        return conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise BadOfficeUrlError(" ".join(str(exc).split())[:200]) from exc


@dataclass(frozen=True)
class OfficeTarget:
    """Where a device connects: a libpq URL or conninfo *without* a password, and its login role."""

    url: str
    role: str
    options: Mapping[str, str] = field(default_factory=dict)  # sslmode, sslrootcert, …

    @classmethod
    def parse(cls, url: str, role: str | None = None, **tls: str | None) -> OfficeTarget:
        """Split a user-given URL: a password in it is refused, TLS options are kept apart."""
        params = parse_conninfo(url)
        for key in _SECRET_KEYS:
            if params.get(key):
                raise InspectorError(
                    "服务器地址中不能包含密码（密码只保存在系统密钥环中）",
                    "the office URL must not contain a password (it is kept in the OS keyring only)",
                )
        options = {k: str(params.pop(k)) for k in TLS_KEYS if params.get(k)}
        options.update({k: v for k, v in tls.items() if v})
        user = params.pop("user", None)
        return cls(make_conninfo("", **params), role or str(user or ""), options)

    def conninfo(self, password: str | None = None) -> str:
        extra: dict[str, Any] = dict(self.options)
        extra.update(user=self.role, application_name="inspector-sync", **DEVICE_TIMEOUTS.libpq())
        if password is not None:
            extra["password"] = password
        return make_conninfo(self.url, **extra)

    def describe(self) -> dict[str, Any]:
        """What is safe to keep in the local database (no secrets)."""
        return {"url": self.url, "role": self.role, "options": dict(self.options)}

    @classmethod
    def from_description(cls, value: Mapping[str, Any]) -> OfficeTarget:
        return cls(str(value["url"]), str(value["role"]), dict(value.get("options") or {}))

    @property
    def keyring_user(self) -> str:
        p = parse_conninfo(self.url)
        return f"office-device:{self.role}@{p.get('host', '')}:{p.get('port', '')}/{p.get('dbname', '')}"


def save_password(target: OfficeTarget, password: str) -> None:
    try:
        keyring.set_password(KEYRING_SERVICE, target.keyring_user, password)
    except keyring.errors.KeyringError as exc:
        raise InspectorError(
            f"无法把设备密码保存到系统密钥环：{exc}",
            f"cannot store the device password in the keyring: {exc}",
        ) from exc


def load_password(target: OfficeTarget) -> str:
    try:
        password = keyring.get_password(KEYRING_SERVICE, target.keyring_user)
    except keyring.errors.KeyringError as exc:
        raise AuthFailedError(f"keyring unavailable: {exc}") from exc
    if password is None:
        raise AuthFailedError("no device password in the keyring (enroll this laptop again)")
    return password


def forget_password(target: OfficeTarget) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, target.keyring_user)
    except keyring.errors.PasswordDeleteError:
        return


_AUTH_SQLSTATES = {"28000", "28P01", "IN001"}
_AUTH_WORDS = (
    "password authentication failed",
    "no password supplied",
    "does not exist",
    "pg_hba.conf",
    "not permitted to log in",
)


# The session's own limits ran out: a statement, a lock wait, an idle transaction.
_BUSY_SQLSTATES = {"57014", "55P03", "25P03"}


def classify(exc: psycopg.Error) -> InspectorError:
    """Map a psycopg error to what the person can do about it."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if exc.sqlstate in _AUTH_SQLSTATES or any(w in str(exc) for w in _AUTH_WORDS):
        return AuthFailedError(text)
    if exc.sqlstate in _BUSY_SQLSTATES:
        return OfficeBusyError(text)
    return OfficeUnreachableError(text)


def gives_up(exc: psycopg.Error) -> bool:
    """A connection lost, refused or timed out, or a login refused: said to the person in one line."""
    return isinstance(exc, psycopg.OperationalError) or exc.sqlstate in _AUTH_SQLSTATES | _BUSY_SQLSTATES


class Channel:
    """The one way sync code talks to the office: a statement in, its rows out.

    Tests wrap it to cut the connection before or after any statement (fault injection).
    """

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        self.round_trips = 0

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        self.round_trips += 1
        try:
            cur = self.conn.execute(sql, params)
            return cur.fetchall() if cur.description is not None else []
        except psycopg.Error as exc:
            if gives_up(exc):
                raise classify(exc) from exc
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Channel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(target: OfficeTarget, password: str | None = None) -> Channel:
    """An autocommit connection as the device: every call is its own transaction."""
    if password is None:
        password = load_password(target)
    try:
        conn = psycopg.connect(target.conninfo(password), autocommit=True)
    except psycopg.OperationalError as exc:
        raise classify(exc) from exc
    return Channel(conn)
