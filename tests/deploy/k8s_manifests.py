"""The Kubernetes manifests as the cluster would receive them."""

from __future__ import annotations

import functools
from typing import Any

from tests.deploy import kustomize_lite
from tests.deploy.inventory import DEPLOY, compose_name

K8S = DEPLOY / "k8s"
OVERLAYS = {
    "production": K8S / "overlays" / "production",
    "production-migrations": K8S / "overlays" / "production" / "migrations",
}
KUSTOMIZATIONS = {
    "base": K8S / "base",
    "base-migrations": K8S / "base" / "migrations",
    **OVERLAYS,
}


@functools.cache
def rendered(name: str) -> tuple[dict[str, Any], ...]:
    return tuple(kustomize_lite.render(KUSTOMIZATIONS[name]))


def find(docs: tuple[dict[str, Any], ...], kind: str, name: str) -> dict[str, Any]:
    matches = [d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind}/{name}, found {len(matches)}"
    return matches[0]


def container_env_names(process: str) -> set[str]:
    """Names a process's container gets: ``env`` entries and keys of ``envFrom`` ConfigMaps."""
    docs = rendered("production")
    deployment = find(docs, "Deployment", compose_name(process))
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    names = {e["name"] for e in container.get("env", [])}
    for source in container.get("envFrom", []):
        assert "configMapRef" in source, "envFrom a Secret hides which variables it sets"
        names |= set(find(docs, "ConfigMap", source["configMapRef"]["name"])["data"])
    return names
