"""Kubernetes manifests: valid against the API schemas offline, rendered, and doing what the
runbook promises (probes, limits, autoscaling, disruption budgets, migrations, isolation)."""

from __future__ import annotations

import shutil
import subprocess

import kubernetes_validate
import pytest
import yaml

from tests.deploy import inventory, kustomize_lite
from tests.deploy.k8s_manifests import KUSTOMIZATIONS, find, rendered

# The oldest Kubernetes we support and the newest the offline schemas know.
K8S_VERSIONS = ("1.30.0", kubernetes_validate.utils.latest_version())
RUNBOOK = (inventory.DEPLOY / "README.md").read_text()


def key(doc):
    return (doc["kind"], doc["metadata"]["name"])


@pytest.mark.parametrize("version", K8S_VERSIONS)
@pytest.mark.parametrize("kustomization", sorted(KUSTOMIZATIONS))
def test_every_rendered_manifest_is_valid_kubernetes(kustomization, version):
    docs = rendered(kustomization)
    assert docs
    for doc in docs:
        kubernetes_validate.validate(doc, version, strict=True)  # raises on any error


def test_a_broken_manifest_is_caught():
    deployment = find(rendered("production"), "Deployment", "organizations")
    broken = yaml.safe_load(yaml.safe_dump(deployment))
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["port"] = []
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSIONS[0], strict=True)


@pytest.mark.skipif(not shutil.which("kubectl"), reason="kubectl (with kustomize) not installed")
@pytest.mark.parametrize("kustomization", sorted(KUSTOMIZATIONS))
def test_python_renderer_matches_kubectl_kustomize(kustomization):
    out = subprocess.run(
        ["kubectl", "kustomize", str(KUSTOMIZATIONS[kustomization])],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    theirs = sorted((d for d in yaml.safe_load_all(out) if d), key=key)
    ours = sorted(rendered(kustomization), key=key)
    assert [key(d) for d in ours] == [key(d) for d in theirs]
    assert ours == theirs


def test_renderer_refuses_what_it_does_not_implement(tmp_path):
    (tmp_path / "kustomization.yaml").write_text("resources: []\nconfigMapGenerator: []\n")
    with pytest.raises(kustomize_lite.Unsupported):
        kustomize_lite.render(tmp_path)


def test_json_patch_operations():
    doc = {"a": {"b": [1, 2]}}
    kustomize_lite.json_patch(doc, {"op": "add", "path": "/a/b/-", "value": 3})
    kustomize_lite.json_patch(doc, {"op": "replace", "path": "/a/b/0", "value": 9})
    kustomize_lite.json_patch(doc, {"op": "remove", "path": "/a/b/1"})
    kustomize_lite.json_patch(doc, {"op": "add", "path": "/a/c~1d", "value": "x"})
    assert doc == {"a": {"b": [9, 3], "c/d": "x"}}
    with pytest.raises(KeyError):
        kustomize_lite.json_patch(doc, {"op": "replace", "path": "/a/missing", "value": 1})


def test_production_overlay_sets_namespace_image_and_host():
    docs = rendered("production") + rendered("production-migrations")
    assert {d["metadata"]["namespace"] for d in docs} == {"somos"}
    images = {
        c["image"]
        for d in docs
        if "template" in d.get("spec", {})
        for c in d["spec"]["template"]["spec"]["containers"]
    }
    assert images == {"registry.example.org/somos/somos:1.0.0"}
    ingress = find(docs, "Ingress", "gateway")
    assert ingress["spec"]["rules"][0]["host"] == ingress["spec"]["tls"][0]["hosts"][0]
    assert all(
        find(docs, "HorizontalPodAutoscaler", d)["spec"]["minReplicas"] == 3
        for d in ("organizations", "gateway")
    )


@pytest.mark.parametrize("spec", inventory.processes(), ids=lambda s: s.name)
def test_each_process_has_a_probed_limited_autoscaled_deployment(spec):
    docs = rendered("production")
    name = inventory.compose_name(spec.name)
    deployment = find(docs, "Deployment", name)
    pod = deployment["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["args"] == ["serve", spec.name]
    assert container["ports"][0]["containerPort"] == spec.port
    assert {"name": "SOMOS_PORT", "value": str(spec.port)} in container["env"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["startupProbe"]["httpGet"]["path"] == "/healthz"
    assert set(container["resources"]) == {"requests", "limits"}
    assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    assert {"cpu", "memory"} <= set(container["resources"]["limits"])
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0

    # Graceful stop: preStop pause + the app's grace period fit in the pod's termination grace.
    config = find(docs, "ConfigMap", "somos-config")["data"]
    grace = int(config["SOMOS_SHUTDOWN_GRACE_SECONDS"])
    pause = int(container["lifecycle"]["preStop"]["exec"]["command"][-1])
    assert pod["terminationGracePeriodSeconds"] > pause + grace

    selector = deployment["spec"]["selector"]["matchLabels"]
    service = find(docs, "Service", name)
    assert service["spec"]["selector"] == selector
    assert service["spec"]["ports"][0]["port"] == spec.port
    hpa = find(docs, "HorizontalPodAutoscaler", name)
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": name,
    }
    assert hpa["spec"]["maxReplicas"] > hpa["spec"]["minReplicas"] >= 2
    pdb = find(docs, "PodDisruptionBudget", name)
    assert pdb["spec"]["selector"]["matchLabels"] == selector


def test_the_webhooks_worker_runs_beside_its_api_with_the_same_settings():
    docs = rendered("production")
    worker = find(docs, "Deployment", "webhooks-worker")
    pod = worker["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["args"] == ["worker", "webhooks"]
    assert worker["spec"]["replicas"] >= 2  # scaled out: a killed pod loses nothing
    # Its one port: /metrics (scraped like the services') and /healthz (its liveness probe).
    assert container["ports"] == [{"name": "metrics", "containerPort": 9104, "protocol": "TCP"}]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["SOMOS_WEBHOOKS_WORKER_METRICS_PORT"] == "9104"
    assert env["SOMOS_WEBHOOKS_WORKER_METRICS_HOST"] == "0.0.0.0"
    probe = container["livenessProbe"]["httpGet"]
    assert probe == {"path": "/healthz", "port": "metrics"}
    annotations = worker["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == "9104"
    assert annotations["prometheus.io/path"] == "/metrics"
    policy = find(docs, "NetworkPolicy", "webhooks-worker-metrics-from-prometheus")
    assert policy["spec"]["ingress"][0]["ports"] == [{"port": "metrics", "protocol": "TCP"}]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    (api,) = find(docs, "Deployment", "webhooks")["spec"]["template"]["spec"]["containers"]
    shared = {e["name"] for e in api["env"]} - {"SOMOS_PORT", "OTEL_SERVICE_NAME"}
    assert shared <= {e["name"] for e in container["env"]}
    assert find(docs, "PodDisruptionBudget", "webhooks-worker")
    key = next(e for e in container["env"] if e["name"] == "SOMOS_WEBHOOKS_SECRET_KEY")
    assert key["valueFrom"]["secretKeyRef"]["name"] == "somos-webhooks"


@pytest.mark.parametrize("spec", inventory.database_services(), ids=lambda s: s.name)
def test_each_database_service_has_a_migration_job(spec):
    docs = rendered("production-migrations")
    job = find(docs, "Job", f"migrate-{inventory.compose_name(spec.name)}")
    pod = job["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["args"] == ["migrate", spec.name]
    assert pod["restartPolicy"] == "Never"
    (db,) = [e for e in container["env"] if e["name"] == spec.database_env]
    assert "secretKeyRef" in db["valueFrom"]
    assert find(docs, "ConfigMap", "somos-config")  # the settings migrations read come along


def test_secrets_are_referenced_never_committed_and_the_runbook_says_how_to_create_them():
    docs = rendered("production") + rendered("production-migrations")
    assert not [d for d in docs if d["kind"] == "Secret"]
    referenced = {
        e["valueFrom"]["secretKeyRef"]["name"]
        for d in docs
        if "template" in d.get("spec", {})
        for c in d["spec"]["template"]["spec"]["containers"]
        for e in c.get("env", [])
        if "secretKeyRef" in e.get("valueFrom", {})
    }
    assert {"somos-jwt", "somos-db-organizations"} <= referenced
    for name in referenced:
        assert f"create secret generic {name}" in RUNBOOK, f"runbook lacks how to create {name}"
    # DIVIPOLA: DANE's file is mounted from the operator's ConfigMap, never committed.
    assert not [d for d in docs if d["metadata"]["name"] == "somos-divipola"]
    assert "create configmap somos-divipola --from-file" in RUNBOOK


def _policies_admitting(docs, labels):
    """NetworkPolicies whose podSelector selects a pod with ``labels``."""
    selected = []
    for doc in docs:
        if doc["kind"] != "NetworkPolicy":
            continue
        selector = doc["spec"]["podSelector"]
        ok = all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())
        for expr in selector.get("matchExpressions", []):
            assert expr["operator"] == "In"
            ok = ok and labels.get(expr["key"]) in expr["values"]
        if ok:
            selected.append(doc)
    return selected


@pytest.mark.parametrize("spec", inventory.processes(), ids=lambda s: s.name)
def test_network_policy_lets_only_the_gateway_reach_the_services(spec):
    docs = rendered("production")
    labels = find(docs, "Deployment", inventory.compose_name(spec.name))["spec"]["template"][
        "metadata"
    ]["labels"]
    policies = _policies_admitting(docs, labels)
    assert any(p["metadata"]["name"] == "default-deny-ingress" for p in policies)
    peers = []
    for policy in policies:
        for rule in policy["spec"].get("ingress", []):
            assert rule.get("from"), f"{policy['metadata']['name']} admits everyone"
            peers.extend(rule["from"])
    names = {
        p["podSelector"]["matchLabels"]["app.kubernetes.io/name"]
        for p in peers
        if "podSelector" in p and "namespaceSelector" not in p
    }
    from_namespaces = {
        (
            p["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"],
            p.get("podSelector", {}).get("matchLabels", {}).get("app.kubernetes.io/name"),
        )
        for p in peers
        if "namespaceSelector" in p
    }
    if spec.name == "gateway":
        assert names == set()
        assert from_namespaces == {("ingress-nginx", None), ("monitoring", "prometheus")}
    else:
        # events checks the organization and plan ids it stores against their owners; the
        # webhooks worker reads the change feeds of the services that have one; reporting
        # reads the statistics of organizations, security plans and events.
        allowed = {"gateway"}
        if spec.name in ("organizations", "security_plans"):
            allowed |= {"events"}
        if spec.name in ("organizations", "security_plans", "events"):
            allowed |= {"webhooks-worker", "reporting"}
        assert names == allowed
        assert from_namespaces == {("monitoring", "prometheus")}  # /metrics scrapes
