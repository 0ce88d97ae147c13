"""Regenerate the official-typeface fonts under resources/fonts from Debian packages (``make fonts``).

    apt-get install texlive-lang-chinese fonts-hanazono
    .venv/bin/python scripts/make_fonts.py            # write the fonts and their licence files
    .venv/bin/python scripts/make_fonts.py --check    # rebuild in a temporary folder, compare SHA-256

* The Fandol fonts (FandolFang, FandolHei, FandolKai, FandolSong Regular and Bold; GPL-3 with the font
  exception) ship in ``texlive-lang-chinese`` as CFF OpenType. reportlab embeds only TrueType
  (``glyf``) outlines, so each is converted: every cubic outline becomes quadratic (fontTools' cu2qu,
  at most 1 unit in 1000 off, contours reversed to TrueType's clockwise direction), ``CFF `` and
  ``VORG`` are dropped, ``loca``/``glyf``/``maxp`` written, ``post`` made format 3 (no glyph names:
  reportlab maps code points through ``cmap``). FandolFang takes about 12 s.
* HanaMinB (``fonts-hanazono``, Hanazono Font License or OFL-1.1) covers CJK Unified Ideographs
  Extension B (U+20000–U+2A6DF: 𠮷 and the other rare characters of names); it is already TrueType,
  and only that block is kept (fontTools' subsetter), so the file carries what the documents need.

Timestamps are kept from the sources (``recalcTimestamp=False``), so the output is the same byte for byte
on every run with the same package versions; ``resources/fonts/README.md`` lists the versions and the
SHA-256 of each file, which ``--check`` verifies.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"

FANDOL_PACKAGE = "texlive-lang-chinese"
HANAZONO_PACKAGE = "fonts-hanazono"
# source file name → file written under resources/fonts
FANDOL = {
    "FandolFang-Regular.otf": "FandolFang-Regular.ttf",  # 仿宋: body text
    "FandolHei-Regular.otf": "FandolHei-Regular.ttf",  # 黑体: 一、 headings, table labels
    "FandolKai-Regular.otf": "FandolKai-Regular.ttf",  # 楷体: （一） headings
    "FandolSong-Regular.otf": "FandolSong-Regular.ttf",  # 宋体: page numbers
    "FandolSong-Bold.otf": "FandolSong-Bold.ttf",  # the boldest Song there is: titles (for 小标宋)
}
HANAZONO = ("HanaMinB.ttf", "HanaMinB-ExtB.ttf")
EXT_B = range(0x20000, 0x2A6E0)  # CJK Unified Ideographs Extension B
MAX_ERR = 1.0  # font units (of 1000 per em): how far a quadratic curve may stray from the cubic one

LICENCES = {
    # file written → (package, file in the package, gzipped?)
    "LICENSE-fandol-GPL-3.0.txt": (FANDOL_PACKAGE, "/fonts/fandol/COPYING.gz", True),
    "README-fandol.txt": (FANDOL_PACKAGE, "/fonts/fandol/README", False),
    "LICENSE-hanazono.txt": (HANAZONO_PACKAGE, "/usr/share/doc/fonts-hanazono/copyright", False),
}


def package_files(package: str) -> list[str]:
    try:
        out = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        sys.exit(
            f"{package} is not installed: "
            f"apt-get install {FANDOL_PACKAGE} {HANAZONO_PACKAGE} (Debian/Ubuntu), then run this again"
        )
    return out.splitlines()


def find(package: str, suffix: str) -> Path:
    for line in package_files(package):
        if line.endswith(suffix) and Path(line).is_file():
            return Path(line)
    sys.exit(f"{suffix} not found in package {package}")


def package_version(package: str) -> str:
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=False
    ).stdout
    return out.strip() or "?"


def otf_to_ttf(src: Path, dest: Path) -> None:
    """A CFF OpenType font as a TrueType-outline font (the fontTools otf2ttf recipe)."""
    font = TTFont(src, recalcTimestamp=False)
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise SystemExit(f"{src}: not a CFF OpenType font")
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    # left side bearings follow the new outlines' bounding boxes
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        advance, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(dest)


def ext_b_subset(src: Path, dest: Path) -> None:
    """Only the CJK Extension B characters of ``src`` (no layout features, no glyph names)."""
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False
    options.hinting = False
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: nothing to subset
    font = subset.load_font(str(src), options, dontLoadGlyphNames=True)
    sub = subset.Subsetter(options)
    cmap = font.getBestCmap()
    sub.populate(unicodes=[c for c in EXT_B if c in cmap])
    sub.subset(font)
    subset.save_font(font, str(dest), options)


def build(out: Path) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    for src_name, dest_name in FANDOL.items():
        start = time.monotonic()
        otf_to_ttf(find(FANDOL_PACKAGE, "/fandol/" + src_name), out / dest_name)
        print(f"{dest_name}: {(out / dest_name).stat().st_size:,} bytes, {time.monotonic() - start:.1f} s")
    src_name, dest_name = HANAZONO
    ext_b_subset(find(HANAZONO_PACKAGE, "/" + src_name), out / dest_name)
    print(f"{dest_name}: {(out / dest_name).stat().st_size:,} bytes")
    for dest_name, (package, suffix, gzipped) in LICENCES.items():
        src = find(package, suffix)
        data = gzip.decompress(src.read_bytes()) if gzipped else src.read_bytes()
        (out / dest_name).write_bytes(data)
    return {name: sha256(out / name) for name in [*FANDOL.values(), HANAZONO[1], *LICENCES]}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="rebuild elsewhere and compare with resources/fonts"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (default resources/fonts)")
    args = parser.parse_args()
    print(", ".join(f"{p} {package_version(p)}" for p in (FANDOL_PACKAGE, HANAZONO_PACKAGE)))
    if not args.check:
        for name, digest in build(args.out).items():
            print(f"{digest}  {name}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        built = build(Path(tmp))
        differ = [n for n, d in built.items() if not (OUT / n).is_file() or sha256(OUT / n) != d]
    for name in differ:
        print(f"differs: {name}")
    print("resources/fonts matches the Debian packages" if not differ else "rebuild with `make fonts`")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
