"""A network volume lives where its server is, not in the cluster that mounts it.

A PersistentVolume is placed by its cluster's provider, but the bytes a pod writes to it land on the volume's
backing: an S3 bucket (the Mountpoint for S3 CSI driver), an NFS, SMB, iSCSI, Ceph or FSx server. A volume backed by
a bucket of the stack takes that bucket's region; by an AWS endpoint, the region the host names; by a bucket
outside the stack or a host outside AWS, a region that cannot be determined (fail closed). Volumes on the nodes'
own disks (EBS, local, hostPath) and on private addresses stay where the cluster is.
"""

import re
from collections.abc import Iterator, Sequence
from typing import Any

from residency.facts.cluster_exits import leads_to
from residency.facts.graph import Graph
from residency.facts.parts import relocate
from residency.facts.resource import BUCKET_TYPES, ResourceFacts
from residency.facts.values import as_list, get_path, is_unknown, reveal

VOLUME_TYPES = ("kubernetes:core/v1:PersistentVolume", "kubernetes:core/v1:PersistentVolumePatch")
S3_DRIVER = "s3.csi.aws.com"
SERVER_ATTRIBUTES = ("server", "source", "dnsname", "dnsName", "targetPortal", "monitors")
"""CSI volume attributes that name the server (csi-driver-nfs, csi-driver-smb, FSx for Lustre/ONTAP, Ceph)."""
MOUNT_REGION = re.compile(r"^(?:--)?region[ =]([a-z0-9-]+)$")


def _hosts(value: Any) -> Iterator[Any]:
    """Host names out of a server setting: `host`, `host:port`, `//host/share`, `mon1:6789,mon2:6789`."""
    for item in as_list(value):
        if not isinstance(item, str) or is_unknown(item):
            yield item
            continue
        for part in re.split(r"[\s,]+", item.strip()):
            host = re.sub(r"^[a-z]+://|^//", "", part).split("/", 1)[0]
            yield re.sub(r":\d+$", "", host) if host.count(":") <= 1 else host


def _servers(spec: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(setting, host) for every server the volume's source names."""
    for source, key in (("nfs", "server"), ("iscsi", "targetPortal"), ("cephfs", "monitors"), ("rbd", "monitors")):
        for host in _hosts(get_path(spec, source, key)):
            yield f"spec.{source}.{key}", host
    attributes = get_path(spec, "csi", "volumeAttributes")
    for key in SERVER_ATTRIBUTES:
        for host in _hosts(get_path(attributes, key)):
            yield f"spec.csi.volumeAttributes.{key}", host


def _bucket_region(f: ResourceFacts, spec: dict[str, Any], graph: Graph) -> tuple[str | None, str] | None:
    """Where a Mountpoint for S3 volume's bytes land: its bucket's region."""
    if get_path(spec, "csi", "driver") != S3_DRIVER:
        return None
    name = get_path(spec, "csi", "volumeAttributes", "bucketName")
    bucket = graph.bucket(name) if isinstance(name, str) else None
    if bucket is None:  # a new bucket's name is unknown during a real preview; the engine still names the dependency
        deps = graph.dependencies(f, "spec", BUCKET_TYPES)
        bucket = deps[0] if len(deps) == 1 else None
    if bucket is not None:
        return bucket.region, f"its S3 bucket {bucket.resource.name} ({bucket.region_source})"
    for option in as_list(spec.get("mountOptions")):
        stated = MOUNT_REGION.match(option) if isinstance(option, str) else None
        if stated:
            return stated.group(1), f"the region its mount options give its S3 bucket {name}"
    shown = name if isinstance(name, str) and not is_unknown(name) else "unknown during preview"
    return None, f"it is backed by S3 bucket {shown}, which is not in this stack: S3 names carry no region"


def backing_region(f: ResourceFacts, graph: Graph) -> tuple[str | None, str] | None:
    """(region, why) of a network volume's backing when it is not the cluster's region, else None."""
    if f.type not in VOLUME_TYPES:
        return None
    spec = reveal(f.props.get("spec"))
    if not isinstance(spec, dict):
        return None
    found = _bucket_region(f, spec, graph)
    if found is not None:
        return None if found[0] is not None and found[0] == f.region else found
    for setting, host in _servers(spec):
        there = leads_to(host)
        if there is not None and there[0] != f.region:
            where = f"its {setting} is {there[1]}"
            return there[0], where if there[0] is not None else f"{where}: its region cannot be determined"
    return None


def place_volumes(facts: Sequence[ResourceFacts], graph: Graph) -> None:
    relocate(facts, lambda f: backing_region(f, graph))
