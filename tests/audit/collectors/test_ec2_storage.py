import boto3

from tests.audit.conftest import IAD, JKT, SIN, audit, messages


def test_an_untagged_volume_is_found_and_judged_as_the_most_restricted_class(aws: boto3.Session) -> None:
    volume = aws.client("ec2", region_name=SIN).create_volume(AvailabilityZone=f"{SIN}a", Size=8)["VolumeId"]
    result = audit(aws, regions=[JKT, SIN])
    found = {f.policy for f in result.findings if (f.urn or "").endswith(f"volume/{volume}")}
    assert found >= {"require-data-class-tag", "restrict-data-class-region"}
    arn = next(r.urn for r in result.resources if r.name == volume)
    assert arn == f"arn:aws:ec2:{SIN}:123456789012:volume/{volume}"


def test_a_snapshot_and_an_image_outside_jakarta_are_judged_on_their_tags(aws: boto3.Session) -> None:
    ec2 = aws.client("ec2", region_name=IAD)
    tags = [{"Key": "data-class", "Value": "customer-pii"}]
    volume = ec2.create_volume(
        AvailabilityZone=f"{IAD}a", Size=8, TagSpecifications=[{"ResourceType": "volume", "Tags": tags}]
    )["VolumeId"]
    snapshot = ec2.create_snapshot(VolumeId=volume, TagSpecifications=[{"ResourceType": "snapshot", "Tags": tags}])[
        "SnapshotId"
    ]
    reservation = ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1)
    image = ec2.create_image(
        InstanceId=reservation["Instances"][0]["InstanceId"],
        Name="kyc-worker",
        TagSpecifications=[{"ResourceType": "image", "Tags": tags}],
    )["ImageId"]
    result = audit(aws, regions=[IAD])
    placed = messages(result, "restrict-data-class-region")
    assert any(m.startswith(f"{snapshot}: customer-pii may not live in us-east-1") for m in placed)
    # the image's disk comes from a snapshot of a volume no audited region holds: judged as the strictest class
    assert any(m.startswith("kyc-worker: audit-log may not live in us-east-1") for m in placed), image


def test_a_root_volume_from_a_public_image_is_judged_on_its_own_tag(aws: boto3.Session) -> None:
    ec2 = aws.client("ec2", region_name=JKT)
    tags = [{"Key": "data-class", "Value": "customer-pii"}]
    ec2.run_instances(
        ImageId="ami-12c6146b",  # a public image: its snapshot belongs to another account
        MinCount=1,
        MaxCount=1,
        TagSpecifications=[{"ResourceType": "volume", "Tags": tags}],
    )
    result = audit(aws, regions=[JKT])
    volumes = [r for r in result.resources if r.type == "aws:ebs/volume:Volume"]
    assert volumes and all("snapshotId" not in r.props for r in volumes)
    assert not [f.message for f in result.findings if ":volume/" in (f.urn or "")]
