"""A small kustomize for the subset deploy/k8s uses, so CI renders overlays with no binary.

Supported (anything else is refused, so the subset cannot drift silently): ``resources``
(YAML files and directories holding a kustomization), ``namespace``, ``labels`` with
``includeSelectors: false`` (metadata labels only), ``images`` (``name`` → ``newName`` /
``newTag``) and ``patches`` given inline as JSON 6902 operations with a ``kind`` / ``name``
target. Where kubectl is installed, the suite checks this renders what ``kubectl kustomize``
renders.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "labels", "images", "patches"}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume"}

Doc = dict[str, Any]


class Unsupported(ValueError):
    pass


def render(directory: Path) -> list[Doc]:
    """The resources the kustomization in ``directory`` produces."""
    spec = yaml.safe_load((directory / "kustomization.yaml").read_text())
    unknown = set(spec) - SUPPORTED
    if unknown:
        raise Unsupported(f"{directory}: kustomize_lite does not support {sorted(unknown)}")
    docs: list[Doc] = []
    for entry in spec.get("resources", []):
        path = (directory / entry).resolve()
        if path.is_dir():
            docs.extend(render(path))
        else:
            docs.extend(d for d in yaml.safe_load_all(path.read_text()) if d)
    for patch in spec.get("patches", []):
        _apply_patch(docs, patch)
    for image in spec.get("images", []):
        for doc in docs:
            _set_image(doc, image)
    for label in spec.get("labels", []):
        if label.get("includeSelectors", False) or label.get("includeTemplates", False):
            raise Unsupported("labels: only includeSelectors: false is supported")
        for doc in docs:
            doc.setdefault("metadata", {}).setdefault("labels", {}).update(label["pairs"])
    if "namespace" in spec:
        for doc in docs:
            if doc["kind"] not in CLUSTER_SCOPED:
                doc["metadata"]["namespace"] = spec["namespace"]
    return docs


def _matches(doc: Doc, target: dict[str, str]) -> bool:
    unknown = set(target) - {"kind", "name"}
    if unknown:
        raise Unsupported(f"patch targets by {sorted(unknown)}")
    return all(
        (doc["kind"] if key == "kind" else doc["metadata"]["name"]) == value
        for key, value in target.items()
    )


def _apply_patch(docs: list[Doc], patch: dict[str, Any]) -> None:
    if set(patch) != {"target", "patch"}:
        raise Unsupported("patches must be inline JSON 6902 with a target")
    operations = yaml.safe_load(patch["patch"])
    if not isinstance(operations, list):
        raise Unsupported("only JSON 6902 patches (a list of operations) are supported")
    targets = [d for d in docs if _matches(d, patch["target"])]
    if not targets:
        raise ValueError(f"patch target {patch['target']} matches nothing")
    for doc in targets:
        for operation in operations:
            json_patch(doc, operation)


def _pointer(path: str) -> list[str]:
    if not path.startswith("/"):
        raise ValueError(f"bad JSON pointer {path!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def json_patch(doc: Any, operation: dict[str, Any]) -> None:
    """Apply one RFC 6902 ``add`` / ``replace`` / ``remove`` operation in place."""
    op = operation["op"]
    *parents, last = _pointer(operation["path"])
    node = doc
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    value = copy.deepcopy(operation.get("value"))
    if isinstance(node, list):
        index = len(node) if last == "-" else int(last)
        if op == "add":
            node.insert(index, value)
        elif op == "replace":
            node[index] = value
        elif op == "remove":
            del node[index]
        else:
            raise Unsupported(f"op {op!r}")
        return
    if op == "add":
        node[last] = value
    elif op == "replace":
        if last not in node:
            raise KeyError(f"replace of missing {operation['path']}")
        node[last] = value
    elif op == "remove":
        del node[last]
    else:
        raise Unsupported(f"op {op!r}")


def _set_image(doc: Doc, image: dict[str, str]) -> None:
    spec = doc.get("spec", {})
    if doc["kind"] == "CronJob":
        spec = spec.get("jobTemplate", {}).get("spec", {})
    pod = spec.get("template", {}).get("spec") if "template" in spec else None
    if not pod:
        return
    for container in pod.get("containers", []) + pod.get("initContainers", []):
        name, _, tag = container["image"].partition(":")
        if name == image["name"]:
            new_name = image.get("newName", name)
            new_tag = image.get("newTag", tag)
            container["image"] = f"{new_name}:{new_tag}" if new_tag else new_name
