"""Loaded by `st run` (``SCHEMATHESIS_HOOKS``) in tests/gateway/test_schemathesis_live.py.

A valid long-poll ``wait`` on the change feeds (up to 25 s) is sent as 0, so that one call
does not hold a worker for 25 s when nothing changes; an invalid one is sent as generated,
so the negative checks still see it refused.

Hypothesis describes lambdas by parsing their source with ``ast.parse``, and CPython 3.11's
parser keeps its recursion depth in interpreter-wide state: two threads parsing at once end
in "SystemError: AST constructor recursion depth mismatch", which a run with more than one
worker reports as an error now and then. One lock around ``ast.parse`` keeps the workers; it
changes nothing schemathesis generates or checks.
"""

from __future__ import annotations

import ast
import threading
from typing import Any

import schemathesis

_lock = threading.RLock()
_parse = ast.parse


def _parse_one_at_a_time(*args: Any, **kwargs: Any) -> Any:
    with _lock:
        return _parse(*args, **kwargs)


ast.parse = _parse_one_at_a_time  # type: ignore[assignment]


@schemathesis.hook
def before_call(ctx: Any, case: Any, kwargs: dict[str, Any]) -> None:
    wait = (case.query or {}).get("wait")
    if isinstance(wait, int) and not isinstance(wait, bool) and 0 < wait <= 25:
        case.query["wait"] = 0
    elif isinstance(wait, str) and wait.isdigit() and 0 < int(wait) <= 25:
        case.query["wait"] = "0"
