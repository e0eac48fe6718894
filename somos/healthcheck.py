"""Container health check: exit 0 when this container's process answers ``/healthz``.

The image's HEALTHCHECK runs ``python -m somos.healthcheck``; the port is ``SOMOS_PORT``
(the one ``somos serve`` listens on), so one image checks any of the processes. A process that
is not a web app gives its probe port as the argument (``python -m somos.healthcheck 9104``:
the webhooks worker's SOMOS_WEBHOOKS_WORKER_METRICS_PORT).
"""

from __future__ import annotations

import os
import sys
import urllib.request


def main(argv: list[str] | None = None) -> int:
    """``argv``: the command line's arguments (a port, or none for SOMOS_PORT)."""
    port = int(argv[0] if argv else os.environ.get("SOMOS_PORT") or 8000)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=3) as response:
            return 0 if response.status == 200 else 1
    except OSError as exc:
        print(f"healthz on :{port} failed: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
