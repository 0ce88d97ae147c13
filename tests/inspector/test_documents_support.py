"""Helpers shared by the document tests: read PDFs back by text and position (never by bytes)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pdfplumber
import pypdf

from inspector.documents.official import NoticeDoc, SuggestionDoc

MM = 72 / 25.4


@dataclass(frozen=True)
class Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str
    chars: tuple[dict[str, Any], ...]


def pdf_text(data: bytes) -> str:
    """All text of the PDF with whitespace removed (so a phrase broken over two lines still matches)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join("".join((page.extract_text() or "").split()) for page in pdf.pages)


def page_lines(data: bytes) -> list[list[Line]]:
    """Per page, the text lines (characters grouped by their top edge), top to bottom."""
    out: list[list[Line]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            groups: dict[int, list[dict[str, Any]]] = {}
            for c in page.chars:
                if c["text"].strip():
                    groups.setdefault(round(c["top"]), []).append(c)
            lines = []
            for _, cs in sorted(groups.items()):
                cs = sorted(cs, key=lambda c: c["x0"])
                lines.append(
                    Line(
                        number,
                        min(c["top"] for c in cs),
                        max(c["bottom"] for c in cs),
                        min(c["x0"] for c in cs),
                        max(c["x1"] for c in cs),
                        max(c["size"] for c in cs),
                        "".join(c["text"] for c in cs),
                        tuple(cs),
                    )
                )
            out.append(lines)
    return out


def is_page_number(line: Line) -> bool:
    """ "— 1 —", or a record's "第1页　共2页" (both under the block)."""
    text = line.text.replace(" ", "").replace("\u3000", "")
    return (text.startswith("—") and text.endswith("—")) or bool(re.fullmatch(r"第\d+页共\d+页", text))


def body_lines(data: bytes) -> list[list[Line]]:
    """3号 (16 pt) lines of each page (page numbers aside)."""
    return [
        [ln for ln in page if abs(ln.size - 16) < 0.6 and not is_page_number(ln)] for page in page_lines(data)
    ]


def unembedded_fonts(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    missing: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get("/Font") if resources else None
        if not fonts:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descs = (
                [d.get_object() for d in font["/DescendantFonts"]] if "/DescendantFonts" in font else [font]
            )
            for d in descs:
                fd = d.get("/FontDescriptor")
                fd = fd.get_object() if fd else None
                if fd is None or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.add(str(font.get("/BaseFont")))
    return missing


def font_names(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    names: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font")
        if fonts:
            names |= {str(f.get_object()["/BaseFont"]) for f in fonts.get_object().values()}
    return names


def grid_units(text: str) -> float:
    """Width in characters as the GB/T 9704 ruler counts it (a half-width character is ½)."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "“”‘’—…" else 1 for ch in text)


FACTS = (
    "你所一监区103监室在押人员张三于2026年3月8日被使用手铐、脚镣约束，期间未履行审批手续，"
    "且连续使用械具时间超过规定期限。经调看监控录像核实，张三自3月8日14时至3月9日10时持续被约束，"
    "其间未见医生检查记录，亦未见值班民警定时查看的登记，管教民警对其进食、饮水和如厕的安排均无记录。"
)


def notice_doc(**overrides: Any) -> NoticeDoc:
    values: dict[str, Any] = {
        "issuer_name": "毕节市七星关区人民检察院",
        "addressee": "毕节市七星关区看守所",
        "doc_number": "七检刑执纠违〔2026〕3号",
        "discovery": "2026年3月10日巡视检察",
        "facts": FACTS,
        "violated_provision": "《中华人民共和国看守所条例》第十七条",
        "basis_provision": "《人民检察院刑事诉讼规则》第五百五十二条",
        "correction_requests": "立即停止违规使用械具，对相关责任人员依规处理\n建立健全械具使用审批和登记制度",
        "reply_period_days": 15,
        "issued_on": date(2026, 3, 12),
        "copy_to": ["毕节市人民检察院", "毕节市公安局"],
    }
    values.update(overrides)
    return NoticeDoc(**values)


def suggestion_doc(**overrides: Any) -> SuggestionDoc:
    values: dict[str, Any] = {
        "issuer_name": "毕节市七星关区人民检察院",
        "addressee": "毕节市七星关区看守所",
        "doc_number": "七检刑执建〔2026〕1号",
        "case_source": "本院在2026年3月对你所开展的月检察中，对监室安全管理和监控设施运行情况进行了专项检察",
        "facts_found": (
            "你所二监区201、203、205监室的监控探头存在盲区，部分时段录像缺失，录像保存期限不足三个月；"
            "3月份夜间巡查记录有6次漏记，值班民警交接班记录与监控录像显示的时间不一致"
        ),
        "problems": "上述问题反映出你所在安全防范和监控管理方面存在漏洞，容易导致监管安全事故",
        "legal_basis": (
            "你所上述做法不符合《中华人民共和国看守所条例》第十六条关于对监室实行二十四小时值班、巡视的规定"
        ),
        "recommendations": [
            "对全部监室监控设备进行排查，消除监控盲区，确保录像完整保存",
            "健全夜间巡查登记制度，落实巡查责任",
        ],
        "objection_period_days": 10,
        "reply_period_months": 2,
        "issued_on": date(2026, 3, 20),
        "copy_to": ["毕节市人民检察院"],
    }
    values.update(overrides)
    return SuggestionDoc(**values)
