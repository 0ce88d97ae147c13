"""Update and compile the desktop's translations (``make translations``).

1. ``ui/core_strings.py`` is written again from the core's labels (``scripts/core_strings.py``).
2. ``pyside6-lupdate`` reads every ``ui/`` source and updates ``resources/translations/inspector_zh_CN.ts``
   and ``inspector_en.ts``: new strings are added, translations kept, strings no longer in the sources
   dropped (no source locations are written, so moving code does not touch the files).
3. Every entry of ``inspector_zh_CN.ts`` is finished with its source (the sources are Chinese).
   An entry of ``inspector_en.ts`` for a sentence of the rules engine (context ``rules``) gets the English
   written beside it in the core (``inspector.rules.text``), which is where that English is kept and
   changed; a new entry for the name of a law the engine cites gets the core's English too. Any other
   new entry stays unfinished until translated (Qt Linguist, an editor, or ``--fill``): the translation
   tests fail meanwhile, naming them. Other translations in the file are never replaced.
4. ``pyside6-lrelease`` compiles both into the ``.qm`` files the app loads.

The ``.ts`` and ``.qm`` files are committed: neither the app nor CI runs this.

    python scripts/translations.py           # all of the above
    python scripts/translations.py --fill en.json …  # and English for unfinished entries from files
                                             # of {"Context": {"中文源": "English"}}
    python scripts/translations.py --check   # only say (exit 1) whether the files are out of date
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
SOURCE_LANGUAGE = "zh_CN"


def ts_file(lang: str, folder: Path = TS_DIR) -> Path:
    return folder / f"inspector_{lang}.ts"


def qm_file(lang: str, folder: Path = TS_DIR) -> Path:
    return folder / f"inspector_{lang}.qm"


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` beside this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (pip install PySide6)")
    return found


def ui_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(targets: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in ui_sources()) + "\n", encoding="utf-8")
        command = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
        command += [f"@{listing}", "-ts", *map(str, targets)]
        subprocess.run(command, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def finish_with_source(ts: Path) -> int:
    """Every unfinished entry of ``ts`` gets its source as its translation; how many were."""
    tree = ET.parse(ts)
    done = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.find("source")
        if translation is None or source is None:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or ""):
            translation.text = source.text
            translation.attrib.pop("type", None)
            done += 1
    if done:
        write_ts(tree, ts)
    return done


def core_english() -> dict[tuple[str, str], str]:
    """(context, Chinese source) → English that the core writes beside its sentences and law names."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    from core_strings import RULES_CONTEXT, rules_modules

    from inspector.rules.text import ENGLISH, LAW_NAMES, TEMPLATES

    rules_modules()
    out = {(RULES_CONTEXT, TEMPLATES[code]): english for code, english in ENGLISH.items()}
    out.update({("core", name): english for name, english in LAW_NAMES.items()})
    return out


RULES_CONTEXT = "rules"  # the core's English always wins here (it is kept beside each sentence)


def finish_from_core(ts: Path, english: dict[tuple[str, str], str] | None = None) -> int:
    """Unfinished entries of ``ts`` that the core (or ``english``) has English for get it, and every
    rules entry the core's English; how many changed."""
    english = core_english() if english is None else english
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = english.get((name, message.findtext("source") or ""))
            if translation is None or text is None:
                continue
            stale = name == RULES_CONTEXT and translation.text != text
            if stale or translation.get("type") == "unfinished" or not (translation.text or ""):
                translation.text = text
                translation.attrib.pop("type", None)
                done += 1
    if done:
        write_ts(tree, ts)
    return done


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    """As lupdate writes a .ts (its DOCTYPE and four-space indent), so files round-trip unchanged."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) → (translation, finished) of every entry of ``ts``."""
    out: dict[tuple[str, str], tuple[str, bool]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in ("unfinished", "vanished")
            text = (translation.text or "") if translation is not None else ""
            out[(name, message.findtext("source") or "")] = (text, finished and bool(text))
    return out


def read_fills(paths: list[Path]) -> dict[tuple[str, str], str]:
    """(context, source) → English from JSON files of ``{"Context": {"中文源": "English"}}``."""
    out: dict[tuple[str, str], str] = {}
    for path in paths:
        for context, entries in json.loads(path.read_text(encoding="utf-8")).items():
            out.update({(context, source): text for source, text in entries.items()})
    return out


def update(fills: list[Path] | None = None) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "core_strings.py")], check=True)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        if not ts_file(lang).exists():
            ts_file(lang).write_text(
                f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="{lang}" sourcelanguage="{SOURCE_LANGUAGE}">\n</TS>\n',
                encoding="utf-8",
            )
    lupdate([ts_file(lang) for lang in LANGUAGES])
    finished = finish_with_source(ts_file(SOURCE_LANGUAGE))
    if finished:
        lupdate([ts_file(SOURCE_LANGUAGE)])  # back in lupdate's own layout
    english = {**core_english(), **read_fills(fills or [])}
    if finish_from_core(ts_file("en"), english):
        lupdate([ts_file("en")])
    missing = [key for key, (_text, done) in messages(ts_file("en")).items() if not done]
    for lang in LANGUAGES:
        lrelease(ts_file(lang), qm_file(lang))
    for gaps in sorted(TS_DIR.glob("qt_gaps_*.ts")):  # hand-written: Qt's strings its catalogue lacks
        lrelease(gaps, gaps.with_suffix(".qm"))
    total = len(messages(ts_file(SOURCE_LANGUAGE)))
    print(
        f"{total} strings; zh_CN: {finished} new, finished with their source; en: {len(missing)} to translate"
    )
    for context, source in missing:
        print(f"  en, not translated: [{context}] {source}")


def problems() -> list[str]:
    """Why the committed files are not what ``make translations`` would make (empty if they are)."""
    found: list[str] = []
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "core_strings.py"), "--check"], capture_output=True, text=True
    )
    if check.returncode:
        found.append(check.stderr.strip() or "ui/core_strings.py is out of date")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for lang in LANGUAGES:
            if not ts_file(lang).exists():
                found.append(f"{ts_file(lang).relative_to(ROOT)} is missing")
                continue
            shutil.copy(ts_file(lang), ts_file(lang, folder))
        if found:
            return found
        lupdate([ts_file(lang, folder) for lang in LANGUAGES])
        for lang in LANGUAGES:
            committed, fresh = messages(ts_file(lang)), messages(ts_file(lang, folder))
            added = sorted(set(fresh) - set(committed))
            gone = sorted(set(committed) - set(fresh))
            name = ts_file(lang).relative_to(ROOT)
            for context, source in added[:20]:
                found.append(f"{name}: not in the file: [{context}] {source}")
            for context, source in gone[:20]:
                found.append(f"{name}: no longer in the sources: [{context}] {source}")
            for (context, source), (_text, done) in sorted(committed.items()):
                if not done:
                    found.append(f"{name}: unfinished: [{context}] {source}")
            if lang == "en":
                english = core_english()
                for (context, source), (text, _done) in sorted(committed.items()):
                    wanted = english.get((context, source))
                    if context == RULES_CONTEXT and wanted is not None and text != wanted:
                        found.append(f"{name}: not the core's English: [{context}] {source}")
            lrelease(ts_file(lang), qm_file(lang, folder))
            if not qm_file(lang).exists() or qm_file(lang).read_bytes() != qm_file(lang, folder).read_bytes():
                found.append(f"{qm_file(lang).relative_to(ROOT)} is not what lrelease makes of the .ts")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only check the committed files")
    parser.add_argument(
        "--fill", nargs="*", type=Path, default=[], help="English for unfinished entries (JSON)"
    )
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        if found:
            print("run make translations (and translate what it lists)", file=sys.stderr)
        return 1 if found else 0
    update(args.fill)
    return 0


if __name__ == "__main__":
    sys.exit(main())
