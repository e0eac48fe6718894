"""Loaded by `st run` (``SCHEMATHESIS_HOOKS``) in tests/gateway/test_schemathesis_live.py.

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

_lock = threading.RLock()
_parse = ast.parse


def _parse_one_at_a_time(*args: Any, **kwargs: Any) -> Any:
    with _lock:
        return _parse(*args, **kwargs)


ast.parse = _parse_one_at_a_time  # type: ignore[assignment]
