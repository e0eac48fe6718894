"""Generate the partner clients from the contract (gateway/openapi.json).

- clients/python: openapi-python-client (the version pinned in pyproject.toml), package
  ``somos_client``; its pyproject.toml, README.md and ``somos_client/`` are generated.
- clients/typescript: openapi-typescript (pinned in clients/typescript/package-lock.json)
  writes ``src/schema.d.ts``, the types openapi-fetch's client is built on.

``--check`` generates into a temporary directory and fails when the checked-in clients differ
(the contract changed and nobody ran ``make clients``). Examples and hand-written files
(``clients/python/examples``, ``clients/typescript/src/index.ts``…) are never touched.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CONTRACT = REPO / "gateway" / "openapi.json"
PYTHON_DIR = REPO / "clients" / "python"
TYPESCRIPT_DIR = REPO / "clients" / "typescript"
PYTHON_GENERATED = ("pyproject.toml", "README.md", "somos_client")
TYPESCRIPT_SCHEMA = Path("src") / "schema.d.ts"


def partner_contract() -> dict[str, Any]:
    """The contract as the generators read it: component schemas whose titles collide (the
    error ``Problem`` and the plans' ``Problem`` codes) are titled by their unique key, so
    openapi-python-client generates every operation instead of skipping them."""
    document: dict[str, Any] = json.loads(CONTRACT.read_text(encoding="utf-8"))
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    titles = Counter(str(s.get("title", key)) for key, s in schemas.items())
    for key, schema in schemas.items():
        title = str(schema.get("title", key))
        if titles[title] > 1 and title != key:
            schema["title"] = "".join(
                p[:1].upper() + p[1:] for p in key.replace("-", "_").split("_")
            )
    return document


def npm_ci(directory: Path) -> None:
    """Install a Node.js package's locked dependencies when they are missing."""
    if (directory / "node_modules" / ".package-lock.json").is_file():
        return
    if shutil.which("npm") is None:
        sys.exit("Node.js 20+ and npm are needed for the TypeScript client (apt-get install npm)")
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=directory, check=True
    )


def generate_python(contract: Path, out: Path) -> None:
    generator = shutil.which("openapi-python-client", path=str(Path(sys.executable).parent))
    generator = generator or shutil.which("openapi-python-client")
    if generator is None:
        sys.exit("openapi-python-client is not installed (make install)")
    subprocess.run(
        [
            generator,
            "generate",
            "--path",
            str(contract),
            "--meta",
            "uv",
            "--config",
            str(PYTHON_DIR / "generator.yaml"),
            "--output-path",
            str(out),
            "--overwrite",
        ],
        check=True,
        capture_output=True,  # it lists every schema it renamed; the result is what counts
        env={
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        },
    )


def generate_typescript(contract: Path, out: Path) -> None:
    npm_ci(TYPESCRIPT_DIR)
    binary = TYPESCRIPT_DIR / "node_modules" / ".bin" / "openapi-typescript"
    subprocess.run(
        [str(binary), str(contract), "--output", str(out)],
        cwd=TYPESCRIPT_DIR,
        check=True,
        capture_output=True,
    )


def differences(generated: Path, checked_in: Path) -> list[str]:
    """Paths (relative) that differ between two trees or exist in one only."""
    found: list[str] = []
    compare = filecmp.dircmp(generated, checked_in, ignore=["__pycache__"])

    def walk(c: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + n for n in c.left_only + c.right_only + c.diff_files)
        found.extend(prefix + n for n in c.funny_files)
        for name, sub in c.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(compare, "")
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the clients drifted")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        contract = tmp / "openapi.json"
        contract.write_text(json.dumps(partner_contract(), indent=2), encoding="utf-8")
        python_out = tmp / "python"
        generate_python(contract, python_out)
        typescript_out = tmp / "schema.d.ts"
        generate_typescript(contract, typescript_out)
        if args.check:
            drift = []
            for name in PYTHON_GENERATED:
                fresh, kept = python_out / name, PYTHON_DIR / name
                if fresh.is_dir() and kept.is_dir():
                    drift += [f"clients/python/{name}/{d}" for d in differences(fresh, kept)]
                elif not kept.exists() or not filecmp.cmp(fresh, kept, shallow=False):
                    drift.append(f"clients/python/{name}")
            kept_schema = TYPESCRIPT_DIR / TYPESCRIPT_SCHEMA
            if not kept_schema.exists() or not filecmp.cmp(
                typescript_out, kept_schema, shallow=False
            ):
                drift.append(f"clients/typescript/{TYPESCRIPT_SCHEMA}")
            if drift:
                print(
                    "The clients differ from the contract; run `make clients`:", *drift, sep="\n  "
                )
                return 1
            print("clients/python and clients/typescript match gateway/openapi.json")
            return 0
        for name in PYTHON_GENERATED:
            target = PYTHON_DIR / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            shutil.move(python_out / name, target)
        shutil.copyfile(typescript_out, TYPESCRIPT_DIR / TYPESCRIPT_SCHEMA)
        print("generated clients/python and clients/typescript from gateway/openapi.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
