"""EC2 block storage: EBS volumes, EBS snapshots and AMIs owned by the account.

Disk images hold whatever the instance held, and a snapshot or AMI copied to another region is a copy of it:
each is judged where it is, on its own tag, and an untagged one (which the tagging sweep never lists) is found
here and judged as the most restricted class.
"""

from residency.audit.clients import ClientFactory
from residency.audit.collectors.base import Collector, items, resource, tag_dict
from residency.facts.resource import ResourceInput


def _arn(region: str, account: str, kind: str, ident: str) -> str:
    return f"arn:aws:ec2:{region}:{account}:{kind}/{ident}"


def collect(clients: ClientFactory, region: str) -> list[ResourceInput]:
    c = clients.client("ec2", region)
    account = clients.account_id(region)
    out: list[ResourceInput] = []
    mine = [{"Name": "owner-id", "Values": [account]}]
    owned: set[str] = set()
    for s in items(c, "describe_snapshots", "Snapshots", OwnerIds=["self"], Filters=mine):
        if s.get("OwnerId") not in (None, account):
            continue  # "self" already means this account; a server that ignores it lists public snapshots too
        owned.add(str(s["SnapshotId"]))
        props = {"volumeId": s.get("VolumeId"), "kmsKeyId": s.get("KmsKeyId"), "tags": tag_dict(s.get("Tags"))}
        # AWS names snapshots and images without an account in their ARNs
        arn = _arn(region, "", "snapshot", s["SnapshotId"])
        out.append(resource(arn, "aws:ebs/snapshot:Snapshot", s["SnapshotId"], region, props, ident=s["SnapshotId"]))
    for v in items(c, "describe_volumes", "Volumes"):
        props = {"kmsKeyId": v.get("KmsKeyId"), "tags": tag_dict(v.get("Tags"))}
        if v.get("SnapshotId") in owned:
            # Only a snapshot of this account is a source: a root volume from a public image would otherwise be
            # judged as the strictest class for a snapshot no audit can read.
            props["snapshotId"] = v["SnapshotId"]
        arn = _arn(region, account, "volume", v["VolumeId"])
        out.append(resource(arn, "aws:ebs/volume:Volume", v["VolumeId"], region, props, ident=v["VolumeId"]))
    for image in items(c, "describe_images", "Images", Owners=["self"], IncludeDisabled=True):
        if image.get("OwnerId") not in (None, account):
            continue
        devices = [
            {"deviceName": d.get("DeviceName"), "snapshotId": d.get("Ebs", {}).get("SnapshotId")}
            for d in image.get("BlockDeviceMappings", [])
            if d.get("Ebs")
        ]
        arn = _arn(region, "", "image", image["ImageId"])
        props = {"name": image.get("Name"), "ebsBlockDevices": devices, "tags": tag_dict(image.get("Tags"))}
        name = image.get("Name") or image["ImageId"]
        out.append(resource(arn, "aws:ec2/ami:Ami", name, region, props, ident=image["ImageId"]))
    return out


COLLECTOR = Collector(
    "ec2",
    ("DescribeVolumes", "DescribeSnapshots", "DescribeImages"),
    collect,
    types=("aws:ebs/snapshot:Snapshot", "aws:ebs/volume:Volume", "aws:ec2/ami:Ami"),
)
