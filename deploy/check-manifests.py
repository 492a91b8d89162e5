#!/usr/bin/env python3
"""Renders every Kustomize overlay and checks what a platform team relies on.

Usage: deploy/check-manifests.py   (needs kubectl with kustomize, and PyYAML)
"""
import pathlib
import subprocess
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent / "kubernetes" / "overlays"
SERVICES = {"partner-service", "token-vault-service", "sync-service", "user-directory-service"}
TOPICS = {"integration-connected", "partner-connected", "partner-disconnected", "token-revoked", "sync-requested",
          "partners-discovered", "guest-users-imported", "partner-sync-failed", "guest-users-applied"}


def render(overlay):
    out = subprocess.run(["kubectl", "kustomize", str(overlay)], check=True, capture_output=True, text=True).stdout
    return [doc for doc in yaml.safe_load_all(out) if doc]


def check(overlay, docs):
    problems = []
    by_kind = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], []).append(doc)

    for deployment in by_kind.get("Deployment", []):
        name = deployment["metadata"]["name"]
        pod = deployment["spec"]["template"]["spec"]
        if not pod.get("securityContext", {}).get("runAsNonRoot"):
            problems.append(f"{name}: pod securityContext.runAsNonRoot is not true")
        for container in pod["containers"]:
            where = f"{name}/{container['name']}"
            for probe in ("readinessProbe", "livenessProbe"):
                if probe not in container:
                    problems.append(f"{where}: no {probe}")
            context = container.get("securityContext", {})
            if context.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{where}: allowPrivilegeEscalation is not false")
            if context.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{where}: root filesystem is writable")
            if "ALL" not in context.get("capabilities", {}).get("drop", []):
                problems.append(f"{where}: capabilities not dropped")
            resources = container.get("resources", {})
            if "requests" not in resources or "memory" not in resources.get("limits", {}):
                problems.append(f"{where}: resources requests/memory limit missing")
            if container["image"].endswith(":latest") or ":" not in container["image"]:
                problems.append(f"{where}: image {container['image']} has no pinned tag")

    deployments = {d["metadata"]["name"] for d in by_kind.get("Deployment", [])}
    missing = SERVICES - deployments
    if missing:
        problems.append(f"missing Deployments: {sorted(missing)}")
    pdbs = {p["spec"]["selector"]["matchLabels"]["app.kubernetes.io/name"] for p in by_kind.get("PodDisruptionBudget", [])}
    if SERVICES - pdbs:
        problems.append(f"services without PodDisruptionBudget: {sorted(SERVICES - pdbs)}")
    hpas = {h["spec"]["scaleTargetRef"]["name"] for h in by_kind.get("HorizontalPodAutoscaler", [])}
    for needed in ("sync-service", "user-directory-service"):
        if needed not in hpas:
            problems.append(f"{needed}: no HorizontalPodAutoscaler")

    vault_policies = [p for p in by_kind.get("NetworkPolicy", [])
                      if p["spec"]["podSelector"].get("matchLabels", {}).get("app.kubernetes.io/name") == "token-vault-service"]
    if not vault_policies:
        problems.append("token-vault-service: no NetworkPolicy limiting its callers")
    for policy in vault_policies:
        callers = {peer.get("podSelector", {}).get("matchLabels", {}).get("app.kubernetes.io/name")
                   for rule in policy["spec"].get("ingress", []) for peer in rule.get("from", [])}
        if callers != {"partner-service", "sync-service"}:
            problems.append(f"token-vault-service reachable from {sorted(map(str, callers))}, not only partner and sync")
    default_deny = [p for p in by_kind.get("NetworkPolicy", []) if not p["spec"].get("ingress")
                    and p["spec"]["podSelector"].get("matchLabels", {}).get("app.kubernetes.io/part-of") == "partnersync"]
    if not default_deny:
        problems.append("no default-deny ingress NetworkPolicy")

    for ingress in by_kind.get("Ingress", []):
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                if path["path"].startswith("/internal") or path["backend"]["service"]["name"] == "token-vault-service":
                    problems.append(f"Ingress routes {path['path']} to {path['backend']['service']['name']}")

    topics = {t["metadata"]["name"] for t in by_kind.get("KafkaTopic", [])}
    for topic in TOPICS:
        for needed in (topic, topic + "-dlq"):
            if needed not in topics:
                problems.append(f"KafkaTopic {needed} missing")
    return problems


def main():
    overlays = sorted(p for p in ROOT.iterdir() if (p / "kustomization.yaml").exists())
    failed = False
    for overlay in overlays:
        docs = render(overlay)
        problems = check(overlay, docs)
        print(f"{overlay.name}: {len(docs)} objects, {len(problems)} problem(s)")
        for problem in problems:
            print(f"  - {problem}")
        failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
