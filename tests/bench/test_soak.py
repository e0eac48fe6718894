"""The soak's own parts: memory read from /proc, the bounds judged from the samples, and a
short soak through the real gateway that answers every request of the mix."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from bench import soak


def bounds(**overrides: float) -> argparse.Namespace:
    return argparse.Namespace(**{"max_rss_mb": 150.0, "max_growth": 0.05, **overrides})


def test_rss_is_read_from_proc_for_this_process():
    mine = soak.rss_kib(os.getpid())
    status = Path(f"/proc/{os.getpid()}/status").read_text()
    vm_rss = int(next(ln for ln in status.splitlines() if ln.startswith("VmRSS:")).split()[1])
    assert mine >= vm_rss * 0.9  # the process (and any children): at least its own
    assert soak.rss_kib(2**22 + 12345) == 0  # a process that is gone weighs nothing


def test_growth_is_measured_from_minute_two_and_judged_against_both_bounds():
    kib = 1024
    samples = [
        (0.0, {"gateway": 60 * kib, "events": 90 * kib}),  # start-up: not the baseline
        (60.0, {"gateway": 100 * kib, "events": 100 * kib}),  # minute 2 of a 10-minute soak
        (300.0, {"gateway": 104 * kib, "events": 140 * kib}),
        (600.0, {"gateway": 104 * kib, "events": 106 * kib}),
    ]
    rows, ok = soak.memory_rows(samples, bounds())
    by_name = {r["process"]: r for r in rows}
    assert by_name["gateway"]["growth"] == "+4.0 %" and by_name["gateway"]["bounds"] == "ok"
    assert by_name["events"]["growth"] == "+6.0 %" and by_name["events"]["bounds"] == "FAIL"
    assert by_name["events"]["rss_max_mb"] == 140.0
    assert not ok
    rows, ok = soak.memory_rows(samples, bounds(max_growth=0.10, max_rss_mb=139.0))
    assert not ok  # the peak (140 MB) is over the RSS bound even though growth passes
    rows, ok = soak.memory_rows(samples, bounds(max_growth=0.10))
    assert ok


@pytest.mark.e2e
def test_a_short_soak_answers_every_operation_of_the_mix(
    tmp_path: Path, postgres_admin_url: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SOMOS_BENCH_DATABASE_URL", postgres_admin_url)  # the suite's server
    out = tmp_path / "soak.json"
    code = soak.main(
        [
            "--minutes",
            "0.25",
            "--organizations",
            "300",
            "--events",
            "300",
            "--clients",
            "4",
            "--sample-seconds",
            "3",
            "--max-rss-mb",
            "10000",  # memory bounds are for `make soak`, not for a 15-second run here
            "--max-growth",
            "10",
            "--json",
            str(out),
        ]
    )
    figures = json.loads(out.read_text())
    assert figures["errors"] == {}
    assert code == 0 and figures["passed"]
    statuses = {int(k): v for k, v in figures["statuses"].items()}
    assert statuses[200] > 0 and statuses[201] > 0  # reads and creates both ran
    assert set(statuses) <= {200, 201, 304}
    assert {r["process"] for r in figures["memory"]} == {
        "organizations",
        "security_plans",
        "events",
        "reporting",
        "gateway",
    }
    assert all(s["gateway"] > 0 for s in figures["samples"])
