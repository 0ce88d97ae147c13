"""Sync errors a person can act on. Each maps to one exit code of ``inspector sync``."""

from __future__ import annotations

from inspector.domain.errors import InspectorError

EXIT_OK = 0
EXIT_UNREACHABLE = 3
EXIT_AUTH = 4
EXIT_CONFLICTS = 5
EXIT_UPGRADE = 6
EXIT_OFFICE_CHANGED = 7
EXIT_NOT_ENROLLED = 8
EXIT_PROTOCOL = 9


class SyncError(InspectorError):
    code = "sync"
    exit_code = EXIT_PROTOCOL


class OfficeUnreachableError(SyncError):
    """The office database cannot be reached (network, server down, TLS). Retrying later is safe."""

    code = "office_unreachable"
    exit_code = EXIT_UNREACHABLE

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"无法连接办公室数据库：{detail}",
            f"cannot reach the office database: {detail}",
            params={"detail": detail},
        )


class OfficeBusyError(SyncError):
    """The office took too long: a statement, or a wait for a lock (another sync of the station holds
    it). Nothing was applied by the statement that gave up; retrying later is safe."""

    code = "office_busy"
    exit_code = EXIT_UNREACHABLE

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"办公室数据库繁忙或等待超时，已放弃本次同步（未作任何改动），请稍后重试：{detail}",
            f"the office database is busy or timed out; this sync gave up (nothing changed), retry later: "
            f"{detail}",
            params={"detail": detail},
        )


class AuthFailedError(SyncError):
    code = "office_auth_failed"
    exit_code = EXIT_AUTH

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"服务器拒绝了本机的登录（需要重新注册本机？）：{detail}",
            f"the office refused this device's login (re-enroll the device?): {detail}",
            params={"detail": detail},
        )


class UpgradeRequiredError(SyncError):
    """Laptop and office speak different schema versions. Nothing was consumed; nothing is lost."""

    code = "upgrade_required"
    exit_code = EXIT_UPGRADE

    def __init__(self, client: int, office: int) -> None:
        if client < office:
            zh = f"需要升级本机程序：服务器数据版本 {office}，本机 {client}。未同步的修改都保留在本机。"
            en = f"upgrade required: the office is at schema {office}, this laptop at {client}; "
            en += "pending changes stay queued"
        else:
            zh = f"需要升级服务器（inspector office init）：服务器数据版本 {office}，本机 {client}。"
            en = f"upgrade required: the office is at schema {office}, this laptop at {client}; "
            en += "run `inspector office init` with this version at the office"
        side = "laptop" if client < office else "office"
        super().__init__(zh, en, params={"client": client, "office": office, "upgrade": side})
        self.client = client
        self.office = office


class OfficeChangedError(SyncError):
    """The office database is not the one this laptop last synced with (restored from a backup)."""

    code = "office_changed"
    exit_code = EXIT_OFFICE_CHANGED

    def __init__(self, known: str, now: str) -> None:
        super().__init__(
            "办公室数据库已被更换或从备份恢复，已停止同步（本机数据未作任何改动）；经管理员确认后，"
            "用“重新上传本机数据”（inspector sync --reseed）补齐办公室数据库",
            f"the office database was replaced or restored (epoch {known} → {now}); sync stopped, "
            "nothing changed on this laptop — once the administrator confirms, re-seed it "
            "(`inspector sync --reseed`)",
            params={"known": known, "now": now},
        )


class NotEnrolledError(SyncError):
    code = "not_enrolled"
    exit_code = EXIT_NOT_ENROLLED

    def __init__(self) -> None:
        super().__init__(
            "本机尚未在办公室数据库注册：请运行 inspector enroll",
            "this laptop is not enrolled with an office: run `inspector enroll`",
        )


class ProtocolError(SyncError):
    """The office answered something this client cannot accept (a bug or tampering, never routine)."""

    code = "sync_protocol"
    exit_code = EXIT_PROTOCOL

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"同步协议错误：{detail}", f"sync protocol error: {detail}", params={"detail": detail}
        )


class OfficeAdminError(InspectorError):
    """A mistake in an ``inspector office …`` command (unknown station, duplicate device …)."""

    code = "office_admin"
