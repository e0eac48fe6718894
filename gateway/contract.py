"""The system's contract, checked in as ``gateway/openapi.json``.

The document is generated from the code (every service's routes merged with the gateway's)
and kept in the repository, so a change of the contract is a reviewed diff and the gateway
can serve it without constructing service apps. ``python -m gateway.contract`` rewrites the
file; the suite fails when the file and the code disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CONTRACT_FILE = Path(__file__).with_name("openapi.json")


def generate() -> dict[str, Any]:
    """The merged OpenAPI document built from the code, as the gateway would serve it."""
    from gateway.app import create_app
    from gateway.settings import GatewaySettings

    return create_app(GatewaySettings()).openapi()


def render(document: dict[str, Any]) -> str:
    """Stable text of a document: sorted keys, two-space indent, UTF-8, trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load() -> dict[str, Any]:
    """The checked-in contract."""
    return json.loads(CONTRACT_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def main() -> None:
    CONTRACT_FILE.write_text(render(generate()), encoding="utf-8")
    print(f"wrote {CONTRACT_FILE}")


if __name__ == "__main__":
    main()
