"""The system's contract, checked in as ``gateway/openapi.json``.

The document is generated from the code (every service's routes merged with the gateway's)
and kept in the repository, so a change of the contract is a reviewed diff and the gateway
can serve it without constructing service apps. ``python -m gateway.contract`` rewrites the
file; the suite fails when the file and the code disagree.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

CONTRACT_FILE = Path(__file__).with_name("openapi.json")


def generate() -> dict[str, Any]:
    """The merged OpenAPI document built from the code: the only place that builds it.

    It constructs every service's app (development settings), so it runs in CI and in
    ``make contract``, never in a gateway serving requests.
    """
    from gateway.app import create_app, own_document
    from gateway.openapi import build_contract
    from gateway.settings import GatewaySettings

    settings = GatewaySettings()
    app = create_app(settings, contract={})  # only its routes are read here
    return build_contract(own_document(app), settings.platform)


def render(document: dict[str, Any]) -> str:
    """Stable text of a document: sorted keys, two-space indent, UTF-8, trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load() -> dict[str, Any]:
    """The checked-in contract, read from the installed package's data."""
    text = resources.files("gateway").joinpath("openapi.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def main() -> None:
    CONTRACT_FILE.write_text(render(generate()), encoding="utf-8")
    print(f"wrote {CONTRACT_FILE}")


if __name__ == "__main__":
    main()
