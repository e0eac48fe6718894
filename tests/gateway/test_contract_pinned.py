"""The checked-in contract (gateway/openapi.json) is exactly what the code generates.

A change of the contract is therefore always a reviewed diff of that file: regenerate it
with ``make contract`` and say what clients see in CHANGELOG.md.
"""

from __future__ import annotations

import difflib

from gateway import contract


def test_checked_in_contract_equals_the_code() -> None:
    expected = contract.render(contract.generate())
    actual = contract.CONTRACT_FILE.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    actual.splitlines(keepends=True),
                    expected.splitlines(keepends=True),
                    "gateway/openapi.json",
                    "generated from the code",
                    n=2,
                )
            )[:200]
        )
        raise AssertionError("the contract changed; run `make contract` if intended:\n" + diff)
