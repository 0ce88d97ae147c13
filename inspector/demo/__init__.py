"""Realistic, deterministic demo data for a new store (``inspector demo``) and for benchmarks."""

from inspector.demo.generator import (
    DEMO_META_KEY,
    DEMO_STATION,
    DemoConfig,
    DemoSummary,
    generate,
    generate_with,
    is_demo,
    mark_demo,
)

__all__ = [
    "DEMO_META_KEY",
    "DEMO_STATION",
    "DemoConfig",
    "DemoSummary",
    "generate",
    "generate_with",
    "is_demo",
    "mark_demo",
]
