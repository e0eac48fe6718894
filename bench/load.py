"""A small HTTP/1.1 keep-alive load generator (loopback only), run in its own process.

`python -m bench.load --port P --path /x --path /y --header "Authorization: Bearer …"
 --connections 32 --duration 8` prints one JSON object: requests, errors, rps, p50, p99 (ms),
bytes per response. The fallback when wrk is not installed: written in Python, it saturates
before a fast server does, which flatters every ratio against a floor (see bench/wrk.py).
Each connection sends requests one after another, cycling through the paths.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time


async def _connection(
    host: str,
    port: int,
    requests: list[bytes],
    stop_at: float,
    latencies: list[float],
    errors: list[int],
    offset: int,
    sizes: list[int],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    i = offset
    try:
        while time.perf_counter() < stop_at:
            request = requests[i % len(requests)]
            i += 1
            started = time.perf_counter()
            writer.write(request)
            status_line = await reader.readline()
            length = 0
            received = len(status_line)
            while True:
                line = await reader.readline()
                received += len(line)
                if line in (b"\r\n", b""):
                    break
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:].strip())
            if length:
                await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            sizes.append(received + length)
            # 2xx, and 304 Not Modified (the answer to a poll with If-None-Match), are fine.
            if not (
                status_line.startswith(b"HTTP/1.1 2") or status_line.startswith(b"HTTP/1.1 304")
            ):
                errors.append(int(status_line.split()[1]) if status_line else 0)
    finally:
        writer.close()


async def run(
    host: str,
    port: int,
    paths: list[str],
    headers: list[str],
    connections: int,
    duration: float,
    warmup: float,
) -> dict[str, float]:
    head = "".join(f"{h}\r\n" for h in headers)
    requests = [f"GET {p} HTTP/1.1\r\nHost: {host}\r\n{head}\r\n".encode() for p in paths]
    if warmup:
        await asyncio.gather(
            *(
                _connection(host, port, requests, time.perf_counter() + warmup, [], [], i, [])
                for i in range(connections)
            )
        )
    latencies: list[float] = []
    errors: list[int] = []
    sizes: list[int] = []
    started = time.perf_counter()
    await asyncio.gather(
        *(
            _connection(host, port, requests, started + duration, latencies, errors, i * 7, sizes)
            for i in range(connections)
        )
    )
    elapsed = time.perf_counter() - started
    latencies.sort()
    n = len(latencies)
    return {
        "requests": n,
        "errors": len(errors),
        "rps": n / elapsed,
        "p50_ms": latencies[n // 2] * 1000 if n else 0.0,
        "p95_ms": latencies[min(n - 1, int(n * 0.95))] * 1000 if n else 0.0,
        "p99_ms": latencies[min(n - 1, int(n * 0.99))] * 1000 if n else 0.0,
        "bytes_per_response": sum(sizes) / n if n else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", action="append", required=True)
    parser.add_argument("--paths-file")
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("load tests target loopback only")
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    print(
        json.dumps(
            asyncio.run(
                run(
                    args.host,
                    args.port,
                    args.path,
                    args.header,
                    args.connections,
                    args.duration,
                    args.warmup,
                )
            )
        )
    )


if __name__ == "__main__":
    main()
