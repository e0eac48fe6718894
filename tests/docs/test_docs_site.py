"""The front door stays a front door, and no link of the documentation leads nowhere.

The README is at most 200 lines and names the two commands a newcomer needs; every relative
link in README.md and in docs/ points at a file of the repository (or at an API reference
page that docs/hooks.py renders from gateway/openapi.json); every page of the site's nav
exists; CHANGELOG.md keeps the Keep a Changelog skeleton that other changes add lines to.
The site itself is built with `mkdocs build --strict` by `.ci/run` (`make docs-build`).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
DOCS = REPO / "docs"

FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*(\S+)", re.M)


def markdown_files() -> list[Path]:
    return [README, *sorted(DOCS.rglob("*.md"))]


def links(text: str) -> list[str]:
    """Link targets of a Markdown text, leaving out code blocks and inline code."""
    prose = INLINE_CODE.sub("", FENCE.sub("", text))
    return LINK.findall(prose) + REFERENCE_DEFINITION.findall(prose)


def is_relative(target: str) -> bool:
    return not (
        re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I)  # http:, https:, mailto:, …
        or target.startswith(("#", "/"))
    )


def load_hooks():
    spec = importlib.util.spec_from_file_location("somos_docs_hooks", DOCS / "hooks.py")
    assert spec and spec.loader
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    return hooks


HOOKS = load_hooks()
# The pages docs/hooks.py adds at build time (the API reference, the changelog): not on disk.
GENERATED = {DOCS / path for path in HOOKS.generated_pages()}


def test_readme_is_a_front_door_of_at_most_200_lines():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    assert "make dev" in text
    assert "make test" in text
    assert "make docs" in text
    assert "CHANGELOG.md" in text


def test_the_link_finder_sees_links_and_skips_code():
    text = "See [a](docs/a.md#x) and ![i](img.png).\n`[no](b.md)`\n```\n[no](c.md)\n```\n[r]: d.md"
    assert links(text) == ["docs/a.md#x", "img.png", "d.md"]


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_points_at_an_existing_file(path: Path):
    broken = []
    for target in links(path.read_text(encoding="utf-8")):
        if not is_relative(target):
            continue
        file_part = target.split("#", 1)[0].split("?", 1)[0]
        if not file_part:
            continue
        resolved = (path.parent / file_part).resolve()
        if not (resolved.exists() or resolved in GENERATED):
            broken.append(target)
    assert not broken, f"{path.relative_to(REPO)} links to missing files: {broken}"


def test_the_site_adds_a_reference_page_per_service_the_schemas_and_the_changelog():
    assert {DOCS / "reference" / name for name in ("index.md", "schemas.md")} <= GENERATED
    for service in ("organizations", "security-plans", "events", "gateway-views"):
        assert DOCS / "reference" / f"{service}.md" in GENERATED
    changelog = HOOKS.generated_pages()["changelog.md"]
    assert changelog == (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_reference_renders_every_operation_of_the_contract():
    hooks = HOOKS
    document = json.loads((REPO / "gateway" / "openapi.json").read_text(encoding="utf-8"))
    pages = hooks.build_pages(document)
    rendered = "\n".join(pages.values())
    operation_ids = [op["operationId"] for _, _, op in hooks.operations(document)]
    assert len(operation_ids) > 50
    for operation_id in operation_ids:
        assert rendered.count(f"{{ #{operation_id} }}") == 1, operation_id
    for name in document["components"]["schemas"]:
        assert f"## {name} {{ #{hooks.slug(name)} }}" in pages["schemas.md"], name


def nav_pages(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [page for item in node for page in nav_pages(item)]
    if isinstance(node, dict):
        return [page for value in node.values() for page in nav_pages(value)]
    return []


def test_every_page_of_the_nav_exists_and_no_asset_comes_from_the_internet():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["strict"] is True
    assert config["theme"]["name"] == "material"
    assert config["theme"]["font"] is False  # Material would load Google Fonts otherwise
    for asset in [*config.get("extra_javascript", []), *config.get("extra_css", [])]:
        assert (DOCS / str(asset)).exists(), asset  # local files only, never a URL
    pages = nav_pages(config["nav"])
    assert "reference/index.md" in pages
    missing = [p for p in pages if not ((DOCS / p).exists() or (DOCS / p) in GENERATED)]
    assert not missing


def test_changelog_keeps_the_keep_a_changelog_skeleton():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "keepachangelog.com/en/1.1.0" in text
    unreleased = text.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
    for section in ("### Changed", "### Added", "### Fixed"):
        assert section in unreleased
    assert re.search(r"^## \[0\.1\.0\] - 2026-12-02$", text, re.M)
