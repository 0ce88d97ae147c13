"""Realistic, deterministic demo data for a new store (``inspector demo``) and for benchmarks."""

from inspector.demo.generator import DEMO_STATION, DemoConfig, DemoSummary, generate, generate_with

__all__ = ["DEMO_STATION", "DemoConfig", "DemoSummary", "generate", "generate_with"]
