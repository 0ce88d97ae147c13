# Inspector — every target sets up what it needs (venv, dependencies pinned by constraints.txt).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench venv dist clean lock screenshots fonts translations

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

## Open the desktop app on demo data, kept in its own folder (inspector-demo in the user data folder,
## written on the first run), so the real data folder stays free for setting up the station.
run: $(STAMP)
	$(BIN)/inspector --demo

## Every test (PostgreSQL tests run when INSPECTOR_TEST_PG_URL is set; CI requires them).
test: $(STAMP)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest

LINTED := $(wildcard inspector ui tests bench scripts)

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/lint-imports

## Benchmarks print their ratio against a baseline measured in the same run (docs/benchmarks.md).
bench: $(STAMP)
	$(BIN)/python bench/store_bench.py
	$(BIN)/python bench/agenda_bench.py
	$(BIN)/python bench/pdf_bench.py
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/ledger_bench.py
	INSPECTOR_BENCH_PG_URL=$${INSPECTOR_BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres} $(BIN)/python bench/sync_bench.py

## Every page, form and dialog on demo data (made in a temporary folder), offscreen at 1366 × 768, into
## docs/screenshots/ (and the dashboard into docs/screenshot.png); pngquant / optipng shrink them if installed.
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py --out docs/screenshots --main docs/screenshot.png

## One-folder desktop build with PyInstaller, then a smoke test of the built binary.
dist: $(STAMP)
	$(BIN)/pyinstaller build.spec --noconfirm
	bash scripts/smoke_dist.sh dist/inspector/inspector

## The official typefaces in resources/fonts (committed; CI does not run this): the Fandol fonts from
## Debian's texlive-lang-chinese converted to TrueType outlines, and CJK Extension B cut out of
## fonts-hanazono's HanaMinB (apt-get install texlive-lang-chinese fonts-hanazono first; about 3 minutes).
fonts: $(STAMP)
	$(BIN)/python scripts/make_fonts.py

## The desktop's translations in resources/translations (committed; the app and CI do not run this):
## ui/core_strings.py from the core's labels, pyside6-lupdate over ui/ into inspector_zh_CN.ts (finished
## with the Chinese sources) and inspector_en.ts (translations kept; new strings listed to translate),
## then pyside6-lrelease into the .qm files. tests/ui/test_translations.py fails until this is run.
translations: $(STAMP)
	$(BIN)/python scripts/translations.py

## Re-pin dependencies after changing pyproject.toml.
lock:
	rm -rf /tmp/inspector-lock && $(PYTHON) -m venv /tmp/inspector-lock
	/tmp/inspector-lock/bin/pip install --quiet -e ".[dev]"
	/tmp/inspector-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
