"""Container health check: exit 0 when this container's process answers ``/healthz``.

The image's HEALTHCHECK runs ``python -m somos.healthcheck``; the port is ``SOMOS_PORT``
(the one ``somos serve`` listens on), so one image checks any of the processes.
"""

from __future__ import annotations

import os
import sys
import urllib.request


def main() -> int:
    port = int(os.environ.get("SOMOS_PORT") or 8000)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=3) as response:
            return 0 if response.status == 200 else 1
    except OSError as exc:
        print(f"healthz on :{port} failed: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
