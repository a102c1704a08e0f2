"""Roles are a security decision: the ones the residency promise rests on are pinned here."""

import pytest

from residency.model.catalogue import Role, entry_for

PINNED = {
    "aws:s3/bucket:Bucket": Role.STORE,
    "aws:rds/instance:Instance": Role.STORE,
    "aws:dynamodb/table:Table": Role.STORE,
    "aws:cloudwatch/logGroup:LogGroup": Role.STORE,
    "aws:cognito/userPool:UserPool": Role.STORE,
    "aws:identitystore/user:User": Role.STORE,
    "aws:opensearch/domain:Domain": Role.STORE,
    "aws:msk/cluster:Cluster": Role.STORE,
    "aws:rekognition/collection:Collection": Role.STORE,
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": Role.MOVER,
    "aws:dms/replicationTask:ReplicationTask": Role.MOVER,
    "aws:datasync/task:Task": Role.MOVER,
    "aws:cloudwatch/eventTarget:EventTarget": Role.MOVER,
    "aws:sns/topicSubscription:TopicSubscription": Role.MOVER,
    "aws:cloudtrail/trail:Trail": Role.MOVER,
    "aws:ec2/flowLog:FlowLog": Role.MOVER,
    "aws:athena/workgroup:Workgroup": Role.MOVER,
    "aws:ec2/amiCopy:AmiCopy": Role.MOVER,
    "aws:ebs/snapshotCopy:SnapshotCopy": Role.MOVER,
    "aws:msk/replicator:Replicator": Role.MOVER,
    "aws:pipes/pipe:Pipe": Role.MOVER,
    "aws:lambda/function:Function": Role.PROCESSOR,
    "aws:ecs/service:Service": Role.PROCESSOR,
    "aws:glue/job:Job": Role.PROCESSOR,
    "aws:sagemaker/notebookInstance:NotebookInstance": Role.PROCESSOR,
    "aws:cloudfront/distribution:Distribution": Role.GLOBAL,
    "aws:cloudfront/keyValueStore:KeyValueStore": Role.GLOBAL,
    "aws:globalaccelerator/accelerator:Accelerator": Role.GLOBAL,
    "aws:iam/role:Role": Role.CONTROL,
    "aws:ec2/securityGroup:SecurityGroup": Role.CONTROL,
    "aws:ec2/subnet:Subnet": Role.CONTROL,
    "aws:route53/record:Record": Role.CONTROL,
    "aws:cloudwatch/metricAlarm:MetricAlarm": Role.CONTROL,
    "aws:s3/bucketPolicy:BucketPolicy": Role.CONTROL,
    "aws:s3/bucketVersioning:BucketVersioning": Role.CONTROL,
    "aws:acm/certificate:Certificate": Role.CONTROL,
    "kubernetes:apps/v1:Deployment": Role.PROCESSOR,
    "kubernetes:core/v1:PersistentVolumeClaim": Role.STORE,
    "kubernetes:core/v1:Service": Role.CONTROL,
}


@pytest.mark.parametrize("token", sorted(PINNED))
def test_pinned_roles(token: str) -> None:
    assert entry_for(token).role is PINNED[token]


@pytest.mark.parametrize(
    ("token", "role"),
    [
        ("aws:newservice/thing:Thing", Role.STORE),
        ("kubernetes:example.com/v1:Widget", Role.PROCESSOR),
        ("command:local:Command", Role.OPAQUE),
        ("pulumi-python:dynamic:Resource", Role.OPAQUE),
        ("pulumi-nodejs:dynamic:Resource", Role.OPAQUE),
        ("pulumi:providers:command", Role.OPAQUE),
        ("pulumi:providers:aws", Role.CONTROL),
        ("pulumi:pulumi:StackReference", Role.CONTROL),
        ("random:index/randomPassword:RandomPassword", Role.CONTROL),
        ("gcp:storage/bucket:Bucket", Role.OPAQUE),
    ],
)
def test_types_outside_the_catalogue_fail_closed(token: str, role: Role) -> None:
    entry = entry_for(token)
    assert entry.role is role and not entry.catalogued


def test_an_unknown_aws_type_must_carry_a_tag() -> None:
    assert entry_for("aws:newservice/thing:Thing").needs_tag
