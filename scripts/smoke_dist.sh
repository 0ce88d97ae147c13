#!/usr/bin/env bash
# Smoke-test the PyInstaller one-folder build (see build.spec, docs/build.md).
#
#   bash scripts/smoke_dist.sh [path/to/dist/inspector/inspector]
#
# Runs the frozen executable against a throw-away data dir:
#   --version, init (password on stdin), demo --scale small, check, and the GUI offscreen
#   (INSPECTOR_SMOKE_QUIT_MS makes the app quit by itself). Exits non-zero on the first failure.
# Needs no Python: only the built folder and bash/coreutils.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${1:-$ROOT/dist/inspector/inspector}"
STEP_TIMEOUT="${SMOKE_STEP_TIMEOUT:-300}"   # seconds per step (demo on a slow machine)

if [[ ! -x "$BIN" ]]; then
  echo "smoke_dist: executable not found: $BIN (run: pyinstaller build.spec --noconfirm)" >&2
  exit 2
fi

EXPECTED_VERSION="$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -n1)"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/inspector-smoke.XXXXXX")"
LOG="$TMP/step.log"
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT
DATA="$TMP/data"

# No OS keyring in CI/containers: the database key comes from INSPECTOR_PASSPHRASE, and the
# null backend makes any stray keyring call fail fast instead of waiting on D-Bus.
export INSPECTOR_PASSPHRASE="smoke-test-passphrase-不要在生产中使用"
export PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"
export HOME="$TMP/home"          # keep settings/caches out of the real home
export XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share" XDG_CACHE_HOME="$TMP/home/.cache"
mkdir -p "$HOME"
export LANG="${LANG:-C.UTF-8}"
SMOKE_PASSWORD="Smoke-Test-Passw0rd!"

step() {  # step NAME CMD... ; stdin is passed through
  local name="$1"; shift
  local t0 t1 rc=0
  t0=$(date +%s%N)
  timeout --kill-after=10 "${TIMEOUT:-$STEP_TIMEOUT}" "$@" >"$LOG" 2>&1 || rc=$?
  t1=$(date +%s%N)
  local ms=$(( (t1 - t0) / 1000000 ))
  printf 'smoke_dist: %-8s rc=%d  %d.%03ds\n' "$name" "$rc" $((ms / 1000)) $((ms % 1000))
  if [[ $rc -ne 0 ]]; then
    echo "smoke_dist: FAILED at '$name': $*" >&2
    [[ $rc -eq 124 || $rc -eq 137 ]] && echo "smoke_dist: (timed out after ${TIMEOUT:-$STEP_TIMEOUT}s)" >&2
    sed 's/^/    | /' "$LOG" >&2
    exit 1
  fi
}

echo "smoke_dist: $BIN (expecting version $EXPECTED_VERSION), data under $DATA"

step version "$BIN" --data-dir "$DATA" --version
if ! grep -qF -- "$EXPECTED_VERSION" "$LOG"; then
  echo "smoke_dist: FAILED: --version printed '$(head -c 200 "$LOG")', expected $EXPECTED_VERSION" >&2
  exit 1
fi
echo "    $(head -n1 "$LOG")"

# `init` makes an empty station database; `demo` refuses a data dir that already has one, so it
# gets its own sub-folder. `check` runs on both; the GUI opens the demo database.
STATION_DIR="$DATA/station"
DEMO_DIR="$DATA/demo"

printf '%s\n' "$SMOKE_PASSWORD" | step init "$BIN" init --data-dir "$STATION_DIR" \
  --station-code "SMOKE-01" \
  --station-name "冒烟测试驻看守所检察室" \
  --procuratorate "冒烟测试市人民检察院" \
  --detention-center "冒烟测试市看守所" \
  --agency-code "冒检" \
  --user "smoke" \
  --display-name "冒烟测试" \
  --password-stdin
step check "$BIN" check --data-dir "$STATION_DIR"

step demo "$BIN" demo --data-dir "$DEMO_DIR" --scale small
step check "$BIN" check --data-dir "$DEMO_DIR"

# GUI: no sub-command starts the desktop app; it quits by itself after INSPECTOR_SMOKE_QUIT_MS.
QT_QPA_PLATFORM=offscreen INSPECTOR_SMOKE_QUIT_MS=1500 TIMEOUT="${SMOKE_GUI_TIMEOUT:-120}" \
  step gui "$BIN" --data-dir "$DEMO_DIR"

echo "smoke_dist: OK ($(du -sh "$(dirname "$BIN")" | cut -f1) in $(dirname "$BIN"))"
