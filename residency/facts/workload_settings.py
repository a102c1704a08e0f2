"""A ConfigMap or Secret a workload takes its environment or files from is part of that workload's settings.

Kubernetes configuration objects are control: they hold no customer data. But `envFrom`, `valueFrom` and
configuration volumes pour their entries into the pods, so `EXPORT_BUCKET: partner-bucket` in a ConfigMap is the
workload's own setting, kept one object away, and was never read. A ConfigMap or Secret that a workload of the
stack uses is judged as a processor, its entries scanned like the workload's environment (a bucket or host abroad
is a flow of what it handles; one that cannot be placed fails closed).
"""

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from residency.facts.kubernetes import pod_spec_path, workload_objects
from residency.facts.resource import ResourceFacts
from residency.facts.values import as_list, get_path, reveal
from residency.model.catalogue import Role

CONFIG_MAP = "kubernetes:core/v1:ConfigMap"
SECRET = "kubernetes:core/v1:Secret"
CONFIG_TYPES = (CONFIG_MAP, SECRET)


def _namespace(props: Any) -> str:
    found = get_path(props, "metadata", "namespace")
    return found if isinstance(found, str) and found else "default"


def _used(spec: Any) -> Iterator[tuple[str, str]]:
    """(type, name) of every ConfigMap and Secret a pod spec takes environment or files from."""
    containers = as_list(get_path(spec, "containers")) + as_list(get_path(spec, "initContainers"))
    for container in containers:
        for source in as_list(get_path(container, "envFrom")):
            yield CONFIG_MAP, get_path(source, "configMapRef", "name")
            yield SECRET, get_path(source, "secretRef", "name")
        for variable in as_list(get_path(container, "env")):
            yield CONFIG_MAP, get_path(variable, "valueFrom", "configMapKeyRef", "name")
            yield SECRET, get_path(variable, "valueFrom", "secretKeyRef", "name")
    for volume in as_list(get_path(spec, "volumes")):
        yield CONFIG_MAP, get_path(volume, "configMap", "name")
        yield SECRET, get_path(volume, "secret", "secretName")
        for source in as_list(get_path(volume, "projected", "sources")):
            yield CONFIG_MAP, get_path(source, "configMap", "name")
            yield SECRET, get_path(source, "secret", "name")


def mark_workload_settings(facts: Sequence[ResourceFacts]) -> None:
    configs = {
        (f.type, _namespace(reveal(f.props)), get_path(reveal(f.props), "metadata", "name")): f
        for f in facts
        if f.type in CONFIG_TYPES
    }
    by_urn = {f.urn: f for f in facts if f.type in CONFIG_TYPES}
    for w in facts:
        path = pod_spec_path(w.type)
        if path is None:
            continue
        used = [by_urn[u] for u in w.resource.dependencies if u in by_urn]
        for workload in workload_objects(w.type, reveal(w.props)):
            namespace = _namespace(workload)
            for type_, name in _used(get_path(workload, *path)):
                if isinstance(name, str) and (type_, namespace, name) in configs:
                    used.append(configs[(type_, namespace, name)])
        for config in used:
            if config.entry is not None and config.role is Role.CONTROL:
                why = (
                    f"the environment or files of workload {w.resource.name}: it names where that workload's data goes"
                )
                config.entry = replace(config.entry, role=Role.PROCESSOR, why=why)
