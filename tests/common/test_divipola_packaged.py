"""The DANE list ships inside the package: a built wheel, installed elsewhere, loads it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from services.common.testing import REPO_ROOT

PACKAGED = ("pyproject.toml", "README.md", "services", "somos", "migrations", "gateway")


def _copy_sources(destination: Path) -> Path:
    """What a clone holds of the packages (tracked and new files), nothing else."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", *PACKAGED],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in listed:
        if "__pycache__" in Path(name).parts or not (REPO_ROOT / name).is_file():
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / name, target)
    return destination


def test_the_wheel_ships_the_list_and_an_installed_copy_loads_it(tmp_path: Path) -> None:
    source = _copy_sources(tmp_path / "source")
    dist = tmp_path / "dist"
    pip = [sys.executable, "-m", "pip"]
    build = [*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist)]
    subprocess.run([*build, str(source)], check=True, capture_output=True, timeout=300)
    (wheel,) = dist.glob("somos-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("services/common/data/divipola.csv")
    assert shipped == (REPO_ROOT / "services/common/data/divipola.csv").read_bytes()

    site = tmp_path / "site"
    install = [*pip, "install", "--no-deps", "--no-compile", "-q", "--target", str(site)]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True, timeout=300)
    probe = (
        "import json, sys; sys.path.insert(0, sys.argv[1]);"
        "from services.common import territory as t;"
        "m = t.Territories.from_file(None).municipalities;"
        "print(json.dumps([t.__file__, len(m), len({x.department_code for x in m.values()}),"
        " m['52835'].name]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOMOS_")}
    out = subprocess.run(
        [sys.executable, "-c", probe, str(site)],
        cwd=tmp_path,  # not the checkout: the installed copy is what gets imported
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    module, municipalities, departments, tumaco = json.loads(out)
    assert Path(module).is_relative_to(site)
    assert (municipalities, departments, tumaco) == (1122, 33, "SAN ANDRÉS DE TUMACO")


def test_no_test_reads_the_reference_directory_beside_the_checkout() -> None:
    # A clone has nothing beside it: tests use the bundled list or write their own files.
    beside = (
        "/".join(("shared", "reference")),
        "/ " + '"' + "shared" + '"',
        "/".join(("..", "shared")),
    )
    offenders = [
        str(path.relative_to(REPO_ROOT))
        for path in sorted((REPO_ROOT / "tests").rglob("*.py"))
        if any(needle in path.read_text(encoding="utf-8") for needle in beside)
    ]
    assert offenders == []
