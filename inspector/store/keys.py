"""The database key: a random 256-bit secret in the OS keyring, or a passphrase-derived key.

Nothing secret is ever written to a file. ``key.json`` beside the database records only where the
key comes from (and, for a passphrase, the scrypt salt and cost, which are not secret). Where the
machine has no keyring backend, the passphrase comes from ``INSPECTOR_PASSPHRASE`` (non-interactive
runs: CI, a scheduled sync — as borg does) or from an interactive prompt.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors
from keyring.backends import fail

from inspector.domain.errors import InspectorError
from inspector.store import files, location

SERVICE = "inspector"
PASSPHRASE_ENV = location.PASSPHRASE_ENV
MIN_PASSPHRASE = 8
# scrypt cost: about 0.1-0.2 s on a laptop, done once per start-up, never per connection.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1

# Asks the user for a passphrase: (prompt text, confirm twice?) -> passphrase, or None if cancelled.
PassphrasePrompt = Callable[[str, bool], str | None]


class KeyUnavailableError(InspectorError):
    """The key cannot be obtained (no keyring entry, no passphrase given)."""

    code = "key_unavailable"


class KeyRecordError(InspectorError):
    """``key.json`` cannot be read or does not describe a key (garbled, truncated, edited by hand)."""

    code = "key_record"

    def __init__(self, path: Path, problem_zh: str, problem_en: str) -> None:
        super().__init__(
            f"密钥记录 {path} 无效（{problem_zh}）：该文件只记录密钥存放位置，请从备份恢复它",
            f"the key record {path} is not valid ({problem_en}): it only says where the key is kept; "
            "restore it from a backup",
            params={"path": str(path), "problem_zh": problem_zh, "problem_en": problem_en},
        )


SOURCES = ("keyring", "passphrase")
# Bounds of a scrypt cost read from key.json: what this program writes, and a little room either side
# (a larger N would need gigabytes of memory, a smaller one would be a weak key).
SCRYPT_N_RANGE, SCRYPT_RP_MAX = (2**14, 2**20), 16


@dataclass(frozen=True)
class KeyInfo:
    """The non-secret description of a database key, stored in ``key.json``."""

    db_id: str
    source: str  # "keyring" or "passphrase"
    salt_hex: str | None = None
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    # The database key wrapped by a recovery code (see make_recovery_code): salt, wrapped key and a
    # check value, hex — useless without the code, which is never stored.
    recovery: dict[str, str] | None = None

    @property
    def keyring_user(self) -> str:
        return f"db-key:{self.db_id}"

    def save(self, path: Path) -> None:
        files.write_private_text(path, json.dumps(self.__dict__, indent=2) + "\n")

    @classmethod
    def load(cls, path: Path) -> KeyInfo:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise KeyRecordError(path, "不是 UTF-8 文本", "not UTF-8 text") from exc
        except ValueError as exc:
            raise KeyRecordError(path, "不是有效的 JSON", f"not valid JSON: {exc}") from exc
        if not isinstance(raw, dict):
            raise KeyRecordError(path, "应为 JSON 对象", "not a JSON object")
        known = {"db_id", "source", "salt_hex", "n", "r", "p", "recovery"}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise KeyRecordError(path, f"未知的项 {unknown}", f"unknown entries {unknown}")
        if not isinstance(raw.get("db_id"), str) or not raw["db_id"]:
            raise KeyRecordError(path, "缺少 db_id", "no db_id")
        if raw.get("source") not in SOURCES:
            raise KeyRecordError(
                path, "source 应为 keyring 或 passphrase", "source must be keyring or passphrase"
            )
        for name in ("n", "r", "p"):
            if name in raw and (not isinstance(raw[name], int) or isinstance(raw[name], bool)):
                raise KeyRecordError(path, f"{name} 应为整数", f"{name} must be an integer")
        recovery = raw.get("recovery")
        if recovery is not None and not _recovery_record_ok(recovery):
            raise KeyRecordError(path, "recovery 项无效", "the recovery entry is not valid")
        info = cls(**raw)
        if info.source == "passphrase":
            try:
                salt = bytes.fromhex(info.salt_hex or "")
            except ValueError:
                salt = b""
            if not salt:
                raise KeyRecordError(path, "salt_hex 无效", "salt_hex is missing or not hex")
            low, high = SCRYPT_N_RANGE
            if not (low <= info.n <= high and info.n & (info.n - 1) == 0):
                raise KeyRecordError(path, "n 无效", f"n must be a power of 2 from {low} to {high}")
            if not (1 <= info.r <= SCRYPT_RP_MAX and 1 <= info.p <= SCRYPT_RP_MAX):
                raise KeyRecordError(path, "r 或 p 无效", f"r and p must be 1 to {SCRYPT_RP_MAX}")
        return info


def keyring_available() -> bool:
    """False when the only backend is keyring's ``fail`` one (a server or a CI box)."""
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring)


def derive_key(passphrase: str, info: KeyInfo) -> bytes:
    if info.salt_hex is None:
        raise ValueError("a passphrase key needs its salt")
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=bytes.fromhex(info.salt_hex),
        n=info.n,
        r=info.r,
        p=info.p,
        maxmem=128 * info.r * info.n * 2,
        dklen=32,
    )


def _passphrase(prompt: PassphrasePrompt | None, *, new: bool) -> str:
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        given: str | None = env
    elif prompt is not None:
        text = "设置数据库口令 / Choose a database passphrase" if new else "数据库口令 / Database passphrase"
        given = prompt(text, new)
    else:
        given = None
    if not given:
        raise KeyUnavailableError(
            f"本机没有可用的系统密钥环，需要数据库口令：请设置环境变量 {PASSPHRASE_ENV}，"
            "或在终端中运行以输入口令",
            f"no OS keyring on this machine, so the database needs a passphrase: set {PASSPHRASE_ENV} "
            "or run from a terminal to type it",
        )
    if new and len(given) < MIN_PASSPHRASE:
        raise KeyUnavailableError(
            f"数据库口令至少需要{MIN_PASSPHRASE}个字符",
            f"the passphrase needs at least {MIN_PASSPHRASE} characters",
        )
    return given


def create_key(info_path: Path, prompt: PassphrasePrompt | None) -> bytes:
    """Make the key of a new database and record where it lives."""
    db_id = str(uuid.uuid4())
    if keyring_available():
        key = secrets.token_bytes(32)
        info = KeyInfo(db_id=db_id, source="keyring")
        keyring.set_password(SERVICE, info.keyring_user, key.hex())
    else:
        info = KeyInfo(db_id=db_id, source="passphrase", salt_hex=secrets.token_hex(16))
        key = derive_key(_passphrase(prompt, new=True), info)
    info.save(info_path)
    return key


def load_key(info_path: Path, prompt: PassphrasePrompt | None) -> bytes:
    """Fetch the key of an existing database."""
    info = KeyInfo.load(info_path)
    if info.source == "passphrase":
        return derive_key(_passphrase(prompt, new=False), info)
    try:
        stored = keyring.get_password(SERVICE, info.keyring_user)
    except keyring.errors.KeyringError as exc:
        raise KeyUnavailableError(
            f"无法读取系统密钥环：{exc}。该数据库的密钥保存在创建它的电脑的密钥环中",
            f"cannot read the OS keyring: {exc}. This database's key is in the keyring of the machine "
            "that created it",
        ) from exc
    if stored is None:
        raise KeyUnavailableError(
            f"系统密钥环中没有该数据库的密钥（{info.keyring_user}），无法打开。请从备份恢复密钥或重新初始化",
            f"the OS keyring holds no key for this database ({info.keyring_user}); restore the key or "
            "initialise a new database",
        )
    return bytes.fromhex(stored)


def forget_key(info_path: Path) -> None:
    """Remove a keyring-held key (used when a half-made database is rolled back)."""
    info = KeyInfo.load(info_path)
    if info.source == "keyring":
        try:
            keyring.delete_password(SERVICE, info.keyring_user)
        except keyring.errors.PasswordDeleteError:
            return


# ---- recovery code ---------------------------------------------------------------------------------
#
# Losing the keyring entry would lose every record not yet synced. At ``init`` the program therefore
# makes a recovery code, shows it once (like a disk-encryption recovery key) and keeps in key.json only
# the database key *wrapped* by it: the key XOR scrypt(code, salt), and a check value telling a
# wrong code from a right one. The code's 160 random bits and scrypt make the wrapped key useless to
# anyone without it; the code itself is never written anywhere. ``inspector recover`` unwraps the key
# with the code and puts it back in the keyring.

RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 symbols: no 0/O, 1/I
RECOVERY_SYMBOLS, RECOVERY_GROUP = 32, 4  # 160 bits, shown as 8 groups of 4


def _recovery_record_ok(value: object) -> bool:
    if not isinstance(value, dict) or set(value) != {"salt_hex", "wrapped_hex", "check_hex"}:
        return False
    try:
        return all(isinstance(v, str) and bytes.fromhex(v) for v in value.values()) and (
            len(bytes.fromhex(value["wrapped_hex"])) == 32
        )
    except ValueError:
        return False


def _normalise_code(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if not ch.isspace() and ch != "-")
    return cleaned.replace("0", "O").replace("1", "I")


def _code_stream(code: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        code.encode("ascii"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=128 * SCRYPT_R * SCRYPT_N * 2,
        dklen=64,
    )


def make_recovery_code(info_path: Path, key: bytes) -> str:
    """A new recovery code for the database whose key is ``key``; key.json keeps the key wrapped by
    it (an older code stops working). Returns the code, to be shown once and never stored."""
    symbols = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_SYMBOLS))
    salt = secrets.token_bytes(16)
    stream = _code_stream(symbols, salt)
    info = KeyInfo.load(info_path)
    wrapped = bytes(a ^ b for a, b in zip(key, stream[:32], strict=True))
    record = {"salt_hex": salt.hex(), "wrapped_hex": wrapped.hex(), "check_hex": stream[32:48].hex()}
    KeyInfo(**{**info.__dict__, "recovery": record}).save(info_path)
    return "-".join(symbols[i : i + RECOVERY_GROUP] for i in range(0, RECOVERY_SYMBOLS, RECOVERY_GROUP))


class RecoveryCodeError(InspectorError):
    """The recovery code does not unwrap this database's key."""

    code = "recovery_code"


def unwrap_with_code(info_path: Path, code: str) -> bytes:
    """The database key from a recovery code (``RecoveryCodeError`` if the code is not this one's)."""
    info = KeyInfo.load(info_path)
    if info.recovery is None:
        raise RecoveryCodeError(
            "该数据库没有恢复码（创建时未生成，或使用口令而非系统密钥环）",
            "this database has no recovery code (none was made, or its key comes from a passphrase)",
        )
    symbols = _normalise_code(code)
    stream = _code_stream(symbols, bytes.fromhex(info.recovery["salt_hex"]))
    if not secrets.compare_digest(stream[32:48].hex(), info.recovery["check_hex"]) or not all(
        ch in RECOVERY_ALPHABET for ch in symbols
    ):
        raise RecoveryCodeError("恢复码不正确", "the recovery code is wrong")
    wrapped = bytes.fromhex(info.recovery["wrapped_hex"])
    return bytes(a ^ b for a, b in zip(wrapped, stream[:32], strict=True))


def store_key(info_path: Path, key: bytes) -> None:
    """Put a (recovered) database key back in the OS keyring."""
    info = KeyInfo.load(info_path)
    if info.source != "keyring":
        raise KeyUnavailableError(
            "该数据库的密钥由口令生成，不在系统密钥环中",
            "this database's key comes from a passphrase, not the keyring",
        )
    try:
        keyring.set_password(SERVICE, info.keyring_user, key.hex())
    except keyring.errors.KeyringError as exc:
        raise KeyUnavailableError(
            f"无法写入系统密钥环：{exc}", f"cannot write to the OS keyring: {exc}"
        ) from exc
