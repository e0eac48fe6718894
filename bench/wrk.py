"""Drive GET load with wrk (the Debian package), rotating paths with a small Lua script.

wrk is written in C and keeps 32 connections busy with a fraction of one core, so the
server, not the load generator, is what saturates. ``run()`` returns the same figures as
the Python generator (``bench/load.py``): requests, errors, rps, p50, p95 and p99 in
milliseconds, plus bytes per response (headers and body as received).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

_SCRIPT = """
local paths = {%(paths)s}
local headers = {%(headers)s}
local requests = {}
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7)
end

function init(args)
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path, headers)
  end
  counter = offset or 0
end

function request()
  counter = counter + 1
  return requests[(counter %% #requests) + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nWRK-JSON {"requests":%%d,"duration_us":%%d,"bytes":%%d,"connect":%%d,"read":%%d,' ..
    '"write":%%d,"status":%%d,"timeout":%%d,"p50_us":%%d,"p95_us":%%d,"p99_us":%%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def wrk_path() -> str | None:
    """The wrk binary, when installed."""
    return shutil.which("wrk")


def wrk_version() -> str:
    path = wrk_path()
    if path is None:
        return "not installed"
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    first = (out.stdout or out.stderr).splitlines()[0] if (out.stdout or out.stderr) else ""
    return first.split(" Copyright")[0].strip()


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


def script(paths: Sequence[str], headers: Sequence[str]) -> str:
    pairs = []
    for header in headers:
        name, _, value = header.partition(":")
        pairs.append(f"[{_lua_string(name.strip())}] = {_lua_string(value.strip())}")
    return _SCRIPT % {
        "paths": ", ".join(_lua_string(p) for p in paths),
        "headers": ", ".join(pairs),
    }


def run(
    port: int,
    paths: Sequence[str],
    *,
    headers: Sequence[str] = (),
    connections: int = 32,
    duration: float = 8.0,
    warmup: float = 2.0,
    threads: int = 2,
) -> dict[str, float]:
    """One wrk run (after a discarded warm-up run of ``warmup`` seconds)."""
    binary = wrk_path()
    if binary is None:
        raise RuntimeError("wrk is not installed")
    with tempfile.TemporaryDirectory(prefix="somos-wrk-") as tmp:
        lua = Path(tmp) / "paths.lua"
        lua.write_text(script(paths, headers))
        threads = max(1, min(threads, connections))  # wrk refuses more threads than connections
        base = [binary, "-t", str(threads), "-c", str(connections), "--timeout", "30s"]
        base += ["-s", str(lua)]
        url = f"http://127.0.0.1:{port}"
        if warmup > 0:
            subprocess.run(
                [*base, "-d", f"{max(1, round(warmup))}s", url],
                capture_output=True,
                check=True,
                timeout=warmup + 60,
            )
        out = subprocess.run(
            [*base, "-d", f"{max(1, round(duration))}s", url],
            capture_output=True,
            text=True,
            check=True,
            timeout=duration + 90,
        )
    line = next(
        (ln for ln in out.stdout.splitlines() if ln.startswith("WRK-JSON ")),
        None,
    )
    if line is None:
        raise RuntimeError(f"wrk printed no summary: {out.stdout[-500:]} {out.stderr[-500:]}")
    figures = json.loads(line[len("WRK-JSON ") :])
    requests = figures["requests"]
    seconds = figures["duration_us"] / 1e6
    errors = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return {
        "requests": requests,
        "errors": errors,
        "rps": requests / seconds if seconds else 0.0,
        "p50_ms": figures["p50_us"] / 1000,
        "p95_ms": figures["p95_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "bytes_per_response": figures["bytes"] / requests if requests else 0.0,
    }
