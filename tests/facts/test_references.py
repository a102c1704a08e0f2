"""What counts as a reference to data: stack resources, region-bearing text, S3 URLs; control-plane wiring does not."""

import base64
import gzip
import json
import re
from typing import Any

import pytest

from residency.facts.builder import build_facts
from residency.facts.resource import Direction, Reference, ResourceInput
from residency.facts.values import UNKNOWN
from tests.rules.fixtures import STACK_CONFIG, bucket, res, tags

FN = "aws:lambda/function:Function"


def refs(subject: ResourceInput, *others: ResourceInput) -> list[Reference]:
    facts = build_facts([*others, subject], STACK_CONFIG, {})
    return facts[-1].references


def fn(props: dict[str, Any], deps: dict[str, tuple[str, ...]] | None = None) -> ResourceInput:
    return res(FN, "fn", {"role": "arn:aws:iam::1:role/r", **props}, deps=deps)


@pytest.mark.parametrize(
    ("value", "region"),
    [
        ("arn:aws:sqs:ap-southeast-1:123456789012:queue", "ap-southeast-1"),
        ("ap-southeast-1", "ap-southeast-1"),
        ("ap-southeast-1b", "ap-southeast-1"),
        ("https://sqs.ap-southeast-1.amazonaws.com/123456789012/q", "ap-southeast-1"),
        ("kyc.abc123.ap-southeast-1.rds.amazonaws.com", "ap-southeast-1"),
        ("s3.dualstack.us-east-1.amazonaws.com", "us-east-1"),
        ('{"target": "arn:aws:kinesis:eu-west-1:1:stream/s"}', "eu-west-1"),
        ("https://kyc-export.s3.eusc-de-east-1.amazonaws.eu/incoming/", "eusc-de-east-1"),
        ("https://s3.dualstack.eusc-de-east-1.amazonwebservices.eu/b", "eusc-de-east-1"),
        ("https://s3.cn-north-1.amazonaws.com.cn/b", "cn-north-1"),
        ("https://sqs.us-gov-west-1.amazonaws.com/1/q", "us-gov-west-1"),
        ("s3.us-iso-east-1.c2s.ic.gov", "us-iso-east-1"),
        ("https://s3.us-isob-east-1.sc2s.sgov.gov/b", "us-isob-east-1"),
        ("https://s3.eu-isoe-west-1.cloud.adc-e.uk/b", "eu-isoe-west-1"),
        ("https://s3.us-east-1.api.aws/b", "us-east-1"),
        ("https://abc.lambda-url.eu-west-1.on.aws/", "eu-west-1"),
        ("eusc-de-east-1", "eusc-de-east-1"),
    ],
)
def test_region_bearing_text_anywhere_in_the_inputs_is_a_reference(value: str, region: str) -> None:
    found = refs(fn({"environment": {"variables": {"TARGET": value}}}))
    assert [(r.prop, r.region) for r in found] == [("environment.variables.TARGET", region)]


@pytest.mark.parametrize(
    "value",
    [
        "arn:aws:iam::123456789012:role/app",
        "arn:aws:acm:us-east-1:123456789012:certificate/abc",
        "arn:aws:kms:ap-southeast-1:123456789012:key/k",
        "arn:aws:ec2:ap-southeast-1:123456789012:security-group/sg-1",
        "arn:aws:cloudfront::123456789012:distribution/E1",
        "just some text",
    ],
)
def test_control_plane_arns_and_plain_text_are_not_references(value: str) -> None:
    assert refs(fn({"environment": {"variables": {"X": value}}})) == []


def test_own_name_description_and_region_are_not_references() -> None:
    subject = fn(
        {
            "name": "fn-ap-southeast-1",
            "description": "copy of us-east-1",
            "region": "ap-southeast-3",
            "tags": {"from": "eu-west-1"},
        }
    )
    assert refs(subject) == []


def test_a_dependency_resolves_to_the_stack_resource_and_its_region() -> None:
    src = bucket("src")
    found = refs(fn({"environment": {"variables": {"B": "src-bkt"}}}, deps={"environment": (src[0].urn,)}), *src)
    assert [(r.target.resource.name if r.target else None, r.region) for r in found] == [("src", "ap-southeast-3")]


def test_a_physical_name_or_s3_url_resolves_through_the_graph() -> None:
    src = bucket("src")
    by_name = refs(fn({"environment": {"variables": {"B": "src-bkt"}}}), *src)
    by_url = refs(fn({"environment": {"variables": {"B": "s3://src-bkt/prefix/"}}}), *src)
    assert [r.shown for r in by_name] == ["src"] and [r.shown for r in by_url] == ["src"]


def test_an_s3_url_outside_the_stack_has_no_region_and_says_why() -> None:
    (found,) = refs(fn({"environment": {"variables": {"B": "s3://elsewhere/x"}}}))
    assert (
        found.region is None and found.problem == "bucket 'elsewhere' is not in this stack and S3 names carry no region"
    )


def test_an_arn_naming_a_stack_resource_in_another_region_is_not_that_resource() -> None:
    src = bucket("src")
    db = res("aws:rds/instance:Instance", "db", {"identifier": "kyc", "tags": tags()})
    (found,) = refs(fn({"environment": {"variables": {"D": "arn:aws:rds:ap-southeast-1:1:db:kyc"}}}), db, *src)
    assert found.target is None and found.region == "ap-southeast-1"


def test_references_to_control_resources_and_keys_carry_no_data() -> None:
    role = res("aws:iam/role:Role", "r", {"name": "r"})
    key = res("aws:kms/key:Key", "k", {"tags": tags()})
    subject = fn({"kmsKeyArn": "x"}, deps={"role": (role.urn,), "kmsKeyArn": (key.urn,)})
    assert refs(subject, role, key) == []


def test_declared_mover_properties_give_direction_and_fail_closed_when_unresolved() -> None:
    repl = res(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "repl",
        {"bucket": "gone-bkt", "rules": [{"destination": {"bucket": UNKNOWN}}]},
    )
    found = {r.prop: r for r in refs(repl)}
    assert (
        found["bucket"].direction is Direction.SOURCE
        and found["bucket"].problem == "'gone-bkt' names nothing in this stack"
    )
    assert found["rules.destination.bucket"].direction is Direction.DESTINATION
    assert found["rules.destination.bucket"].problem == "rules.destination.bucket is unknown during preview"


def test_an_unknown_value_with_a_dependency_is_that_dependency() -> None:
    src = bucket("src")
    repl = res(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "repl",
        {"bucket": UNKNOWN},
        deps={"bucket": (src[0].urn,)},
    )
    assert [(r.prop, r.shown, r.direction) for r in refs(repl, *src)] == [("bucket", "src", Direction.SOURCE)]


def test_control_resources_are_not_scanned() -> None:
    policy = res("aws:s3/bucketPolicy:BucketPolicy", "p", {"policy": "arn:aws:s3:::x arn:aws:sqs:eu-west-1:1:q"})
    assert build_facts([policy], STACK_CONFIG, {})[0].references == []


def test_scripts_name_buckets_and_regions_inside_their_text() -> None:
    src = bucket("src")
    script = "#!/bin/bash\naws s3 sync s3://src-bkt /tmp/x && aws s3 sync /tmp/x s3://far-away --region eu-west-1\n"
    found = refs(res("aws:ec2/instance:Instance", "vm", {"userData": script, "tags": tags()}), *src)
    assert [(r.shown, r.region) for r in found] == [
        ("src", "ap-southeast-3"),
        ("s3://far-away", None),
        ("region eu-west-1 named in userData", "eu-west-1"),
    ]


def test_a_script_naming_only_its_own_region_is_not_a_reference() -> None:
    assert refs(fn({"environment": {"variables": {"CMD": "aws s3 ls --region ap-southeast-3"}}})) == []


def test_a_mover_sending_to_an_endpoint_outside_aws_fails_closed() -> None:
    dest = res(
        "aws:cloudwatch/eventApiDestination:EventApiDestination",
        "hook",
        {"invocationEndpoint": "https://collector.example.sg/ingest", "httpMethod": "POST"},
    )
    (found,) = refs(dest)
    assert found.region is None and found.problem == (
        "https://collector.example.sg/ingest is an endpoint outside AWS: where its data goes is unknown"
    )


def test_a_data_service_endpoint_is_data_and_a_control_plane_endpoint_is_a_place() -> None:
    (efs,) = refs(fn({"environment": {"variables": {"FS": "fs-1.efs.ap-southeast-1.amazonaws.com"}}}))
    (sts,) = refs(fn({"environment": {"variables": {"STS": "https://sts.ap-southeast-1.amazonaws.com"}}}))
    assert (efs.place, efs.region) == (False, "ap-southeast-1") and (sts.place, sts.region) == (True, "ap-southeast-1")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("https://kyc-export-us.s3.amazonaws.com/incoming/", "bucket 'kyc-export-us' is not in this stack"),
        ("https://s3.amazonaws.com/kyc-export-us/{key}", "bucket 'kyc-export-us' is not in this stack"),
        ("s3-external-1.amazonaws.com/kyc-export-us", "bucket 'kyc-export-us' is not in this stack"),
        ("kyc-export-us.s3-accelerate.amazonaws.com", "bucket 'kyc-export-us' is not in this stack"),
        ("https://kyc.export.s3.dualstack.amazonaws.com/x", "bucket 'kyc.export' is not in this stack"),
        ("https://s3.amazonaws.com", "no bucket is named"),
        ("https://queue.amazonaws.com/123456789012/q", "where its data goes cannot be determined"),
    ],
)
def test_a_region_less_aws_host_fails_closed_and_says_why(value: str, problem: str) -> None:
    (found,) = refs(fn({"environment": {"variables": {"DEST": value}}}))
    assert found.region is None and found.target is None and found.problem is not None
    assert "names no region" in found.problem and problem in found.problem


def test_a_region_less_s3_host_naming_a_stack_bucket_is_that_bucket() -> None:
    src = bucket("src")
    for value in ("src-bkt.s3.amazonaws.com", "https://s3.amazonaws.com/src-bkt/{key}"):
        found = refs(fn({"environment": {"variables": {"B": value}}}), *src)
        assert [(r.shown, r.region) for r in found] == [("src", "ap-southeast-3")]


@pytest.mark.parametrize(
    "host",
    [
        "{}.s3.ap-southeast-3.amazonaws.com",
        "{}.s3-website-ap-southeast-3.amazonaws.com",
        "{}.s3-website.ap-southeast-3.amazonaws.com",
        "https://{}.s3.dualstack.ap-southeast-3.amazonaws.com/key",
    ],
)
def test_a_regional_s3_host_of_a_dotted_stack_bucket_is_that_bucket(host: str) -> None:
    # bucket_regional_domain_name and website_endpoint of `www.example.co.id`: the bucket is all before `.s3`
    src = bucket("www.example.co.id")
    found = refs(fn({"environment": {"variables": {"B": host.format("www.example.co.id-bkt")}}}), *src)
    assert [(r.shown, r.region) for r in found] == [("www.example.co.id", "ap-southeast-3")]


def test_a_regional_s3_host_of_a_dotted_bucket_elsewhere_stays_outside_the_stack() -> None:
    src = bucket("www.example.co.id")
    for host in ("www.other.co.id.s3.ap-southeast-3.amazonaws.com", "www.example.co.id-bkt.s3.us-east-1.amazonaws.com"):
        (found,) = refs(fn({"environment": {"variables": {"B": host}}}), *src)
        assert found.target is None and found.region == host.split(".s3.")[1].split(".")[0]


@pytest.mark.parametrize(
    ("key", "value"),
    [("STS", "https://sts.amazonaws.com"), ("IAM", "iam.amazonaws.com"), ("principal", "s3.amazonaws.com")],
)
def test_global_control_hosts_and_service_principals_are_not_references(key: str, value: str) -> None:
    assert refs(fn({"environment": {"variables": {key: value}}})) == []


def test_a_script_sending_to_a_region_less_s3_host_fails_closed() -> None:
    script = "#!/bin/bash\ncurl -T /data/kyc.csv https://kyc-mirror.s3.amazonaws.com/kyc.csv\n"
    (found,) = refs(res("aws:ec2/instance:Instance", "vm", {"userData": script, "tags": tags()}))
    assert found.region is None and found.problem is not None and "bucket 'kyc-mirror'" in found.problem


def test_a_dependency_elsewhere_in_the_property_does_not_hide_an_outside_place() -> None:
    src = bucket("src")
    variables = {"SRC": "src-bkt", "DEST": "https://kyc-export-us.s3.amazonaws.com/", "COPY": "s3://far-away/x"}
    found = refs(fn({"environment": {"variables": variables}}, deps={"environment": (src[0].urn,)}), *src)
    assert sorted((r.shown, r.region) for r in found) == [
        ("https://kyc-export-us.s3.amazonaws.com/", None),
        ("s3://far-away/x", None),
        ("src", "ap-southeast-3"),
    ]


USER_DATA_SCRIPT = "#!/bin/bash\naws s3 sync s3://kyc-docs-prod s3://kyc-mirror-us --region us-east-1\n"


def _user_data(encoding: str) -> str:
    raw = USER_DATA_SCRIPT.encode()
    if encoding == "gzip":
        raw = gzip.compress(raw)
    if encoding == "mime":
        raw = (
            'Content-Type: multipart/mixed; boundary="B"\nMIME-Version: 1.0\n\n--B\n'
            "Content-Type: text/x-shellscript\nContent-Transfer-Encoding: base64\n\n"
            f"{base64.b64encode(raw).decode()}\n--B--\n"
        ).encode()
    return base64.b64encode(raw).decode()


@pytest.mark.parametrize("encoding", ["base64", "gzip", "mime"])
@pytest.mark.parametrize(
    ("type_", "prop"),
    [
        ("aws:ec2/instance:Instance", ("userDataBase64",)),
        ("aws:ec2/instance:Instance", ("userData",)),
        ("aws:ec2/launchTemplate:LaunchTemplate", ("userData",)),
        ("aws:ec2/launchConfiguration:LaunchConfiguration", ("userDataBase64",)),
        ("aws:ec2/spotInstanceRequest:SpotInstanceRequest", ("userDataBase64",)),
        ("aws:ec2/spotFleetRequest:SpotFleetRequest", ("launchSpecifications", "userData")),
    ],
)
def test_encoded_user_data_is_scanned_as_the_script_it_carries(
    type_: str, prop: tuple[str, ...], encoding: str
) -> None:
    value: Any = _user_data(encoding)
    if len(prop) == 2:
        value = [{prop[1]: value}]
    found = refs(res(type_, "vm", {prop[0]: value, "tags": tags()}))
    assert [(r.shown, r.region) for r in found] == [
        ("s3://kyc-docs-prod", None),
        ("s3://kyc-mirror-us", None),
        (f"region us-east-1 named in {'.'.join(prop)}", "us-east-1"),
    ]


def test_a_script_unpacking_a_base64_blob_is_scanned_inside_the_blob() -> None:
    blob = base64.b64encode(USER_DATA_SCRIPT.encode()).decode()
    script = f"#!/bin/bash\necho {blob} | base64 -d | bash\n"
    found = refs(res("aws:ec2/instance:Instance", "vm", {"userData": script, "tags": tags()}))
    assert ("s3://kyc-mirror-us", None) in [(r.shown, r.region) for r in found]


@pytest.mark.parametrize(
    "value",
    [
        "arn:aws:bedrock:ap-southeast-3:111122223333:inference-profile/global.anthropic.claude-sonnet-4-20250514-v1:0",
        "apac.amazon.nova-lite-v1:0",
    ],
)
def test_a_cross_region_inference_profile_is_a_place_of_unknown_region(value: str) -> None:
    (found,) = refs(fn({"environment": {"variables": {"MODEL": value}}}))
    assert (found.region, found.place) == (None, True)
    assert found.problem is not None and "cross-region inference profile" in found.problem


def test_a_script_naming_a_cross_region_inference_profile_fails_closed() -> None:
    script = "#!/bin/bash\naws bedrock-runtime converse --model-id eu.anthropic.claude-3-7-sonnet-20250219-v1:0\n"
    (found,) = refs(res("aws:ec2/instance:Instance", "vm", {"userData": script, "tags": tags()}))
    assert found.region is None and found.problem is not None and "any European region" in found.problem


def test_an_in_region_foundation_model_is_where_it_is_called() -> None:
    arn = "arn:aws:bedrock:ap-southeast-3::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
    assert [r.region for r in refs(fn({"environment": {"variables": {"MODEL": arn}}}))] == ["ap-southeast-3"]


SFN = "aws:sfn/stateMachine:StateMachine"


def _http_task(endpoint: str, **dumps: Any) -> str:
    return json.dumps(
        {
            "StartAt": "Send",
            "States": {
                "Send": {
                    "Type": "Task",
                    "Resource": "arn:aws:states:::http:invoke",
                    "End": True,
                    "Parameters": {
                        "ApiEndpoint": endpoint,
                        "Method": "POST",
                        "Authentication": {"ConnectionArn": "arn:aws:events:ap-southeast-3:1:connection/p/abc"},
                    },
                }
            },
        },
        **dumps,
    )


@pytest.mark.parametrize("dumps", [{}, {"separators": (",", ":")}], ids=["spaced", "compact"])
def test_a_processor_definition_naming_an_endpoint_outside_aws_fails_closed(dumps: dict[str, Any]) -> None:
    url = "https://kyc-intake.partner.example.de/v1/customers"
    (found,) = refs(res(SFN, "forward", {"definition": _http_task(url, **dumps), "tags": tags()}))
    assert (found.prop, found.region, found.place) == ("definition", None, True)
    assert found.problem == f"{url} is an endpoint outside AWS: where its data goes is unknown"


def test_a_processor_naming_an_endpoint_outside_aws_in_a_value_or_script_fails_closed() -> None:
    by_value = refs(fn({"environment": {"variables": {"PARTNER": "https://kyc.partner.example.de/in"}}}))
    script = "#!/bin/bash\ncurl -X POST -d @/data/kyc.csv https://kyc.partner.example.de/in\n"
    by_script = refs(res("aws:ec2/instance:Instance", "vm", {"userData": script, "tags": tags()}))
    assert [r.text for r in by_value] == [r.text for r in by_script] == ["https://kyc.partner.example.de/in"]
    assert all(r.region is None and r.problem for r in (*by_value, *by_script))


def test_a_definition_with_arns_also_names_its_buckets_and_regions() -> None:
    definition = json.dumps(
        {
            "States": {
                "Put": {
                    "Resource": "arn:aws:states:::aws-sdk:s3:putObject",
                    "Parameters": {"Bucket": "s3://far-away", "Region": "eu-west-1"},
                }
            }
        }
    )
    found = refs(res(SFN, "sm", {"definition": definition, "tags": tags()}))
    assert [(r.shown, r.region) for r in found] == [
        ("s3://far-away", None),
        ("region eu-west-1 named in definition", "eu-west-1"),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/placement/region",
        "http://localhost:8080/health",
        "http://127.0.0.1/x",
        "http://api.onboarding.svc.cluster.local/v1",
    ],
)
def test_the_machine_itself_and_in_cluster_services_are_not_outside_endpoints(url: str) -> None:
    script = f"#!/bin/bash\ncurl -s {url}\n"
    assert refs(res("aws:ec2/instance:Instance", "vm", {"userData": script, "tags": tags()})) == []


def test_an_access_policy_names_no_places_beyond_its_arns() -> None:
    policy = json.dumps(
        {
            "Statement": [
                {
                    "Effect": "Deny",
                    "Resource": "arn:aws:sqs:ap-southeast-3:1:q",
                    "Condition": {"StringNotEquals": {"aws:RequestedRegion": "us-east-1"}},
                }
            ]
        }
    )
    queue = res("aws:sqs/queue:Queue", "q", {"policy": policy, "tags": tags()})
    assert [r.region for r in refs(queue)] == ["ap-southeast-3"]


TASK = "aws:ecs/taskDefinition:TaskDefinition"


def _containers(image: str, **options: str) -> str:
    log = {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/api", "awslogs-region": "ap-southeast-3"}}
    if options:
        log = {"logDriver": "awsfirelens", "options": options}
    return json.dumps([{"name": "api", "image": image, "essential": True, "logConfiguration": log}])


def test_an_image_inside_a_definition_brings_software_in_and_its_region_is_no_place() -> None:
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/kyc-api:1.4.2"
    found = refs(res(TASK, "api", {"containerDefinitions": _containers(image), "tags": tags()}))
    assert [(r.direction, r.region, r.artifact, r.text) for r in found] == [
        (Direction.SOURCE, "us-east-1", True, image)
    ]


def test_an_image_in_its_own_region_inside_a_definition_is_still_a_software_source() -> None:
    image = "111122223333.dkr.ecr.ap-southeast-3.amazonaws.com/kyc-api:1"
    found = refs(res(TASK, "api", {"containerDefinitions": _containers(image), "tags": tags()}))
    assert all(r.artifact and r.direction is Direction.SOURCE for r in found)


@pytest.mark.parametrize(
    "url",
    [
        "mongodb+srv://kyc:pw@kyc-prod.ab1cd.mongodb.net/customers",
        "jdbc:postgresql://kyc-db.partner.example.de:5432/kyc",
        "tcp+tls://logs5.papertrailapp.com:12345",
        "postgres://u@db.partner.example.de/kyc",
        "amqps://broker.partner.example.de:5671",
    ],
)
def test_any_scheme_to_a_host_outside_aws_is_an_outside_endpoint(url: str) -> None:
    (by_value,) = refs(fn({"environment": {"variables": {"TARGET": url}}}))
    script = f"#!/bin/bash\nexport TARGET={url}\n"
    (by_script,) = refs(res("aws:ec2/instance:Instance", "vm", {"userData": script, "tags": tags()}))
    shown = re.sub(r"//[^/@]+@", "//***@", url)
    assert by_value.text == by_script.text == shown and by_value.region is None and by_value.problem


def test_a_syslog_address_inside_container_definitions_is_an_outside_endpoint() -> None:
    defs = json.dumps(
        [{"name": "api", "logConfiguration": {"options": {"syslog-address": "tcp+tls://logs5.papertrailapp.com:1"}}}]
    )
    (found,) = refs(res(TASK, "api", {"containerDefinitions": defs, "tags": tags()}))
    assert (found.text, found.region) == ("tcp+tls://logs5.papertrailapp.com:1", None)


@pytest.mark.parametrize(
    ("url", "region"),
    [
        ("jdbc:postgresql://kyc.abc.ap-southeast-1.rds.amazonaws.com:5432/kyc", "ap-southeast-1"),
        ("jdbc:mysql://kyc.abc.ap-southeast-3.rds.amazonaws.com:3306/kyc", "ap-southeast-3"),
    ],
)
def test_a_jdbc_url_to_an_aws_host_is_that_endpoint(url: str, region: str) -> None:
    found = refs(fn({"environment": {"variables": {"DB": url}}}))
    assert [r.region for r in found] == [region]


@pytest.mark.parametrize(
    "url",
    [
        "unix:///var/run/docker.sock",
        "file:///etc/ssl/certs/ca.pem",
        "redis://localhost:6379",
        "mongodb://127.0.0.1:27017/x",
        "tcp://api.onboarding.svc.cluster.local:9000",
    ],
)
def test_local_sockets_files_and_in_cluster_hosts_of_any_scheme_are_not_outside(url: str) -> None:
    assert refs(fn({"environment": {"variables": {"TARGET": url}}})) == []
    script = f"#!/bin/bash\nexport TARGET={url}\n"
    assert refs(res("aws:ec2/instance:Instance", "vm", {"userData": script, "tags": tags()})) == []


def test_an_outside_endpoint_is_shown_without_its_credentials() -> None:
    (found,) = refs(fn({"environment": {"variables": {"DB": "mongodb+srv://kyc:s3cret@kyc.ab1cd.mongodb.net/c"}}}))
    assert "s3cret" not in found.text and "s3cret" not in (found.problem or "")
    assert found.text == "mongodb+srv://***@kyc.ab1cd.mongodb.net/c"


@pytest.mark.parametrize(
    ("type_", "props", "prop"),
    [
        (FN, {"environment": {"variables": {"EXPORT_BUCKET": "partner-kyc-frankfurt"}}}, "environment.variables"),
        (
            SFN,
            {"definition": json.dumps({"States": {"W": {"Parameters": {"Bucket": "partner-kyc-frankfurt"}}}})},
            "definition",
        ),
        (
            "aws:scheduler/schedule:Schedule",
            {
                "target": {
                    "arn": "arn:aws:scheduler:::aws-sdk:s3:copyObject",
                    "input": '{"Bucket": "partner-kyc-frankfurt"}',
                }
            },
            "target.input",
        ),
        (
            "aws:ssm/association:Association",
            {"outputLocation": {"s3BucketName": "partner-kyc-frankfurt"}},
            "outputLocation",
        ),
        (
            "aws:codebuild/project:Project",
            {"artifacts": {"type": "S3", "location": "partner-kyc-frankfurt"}},
            "artifacts",
        ),
        (
            "aws:codebuild/project:Project",
            {"logsConfig": {"s3Logs": {"status": "ENABLED", "location": "partner-kyc-frankfurt/logs"}}},
            "logsConfig",
        ),
    ],
)
def test_a_bare_bucket_name_outside_the_stack_under_a_bucket_key_fails_closed(
    type_: str, props: dict[str, Any], prop: str
) -> None:
    (found,) = refs(res(type_, "x", {**props, "tags": tags()}))
    assert found.prop.startswith(prop) and found.region is None
    assert found.problem == "bucket 'partner-kyc-frankfurt' is not in this stack and S3 names carry no region"


def test_a_bare_bucket_name_of_the_stack_inside_a_definition_is_that_bucket() -> None:
    src = bucket("src")
    definition = json.dumps({"States": {"W": {"Parameters": {"Bucket": "src-bkt", "Prefix": "out"}}}})
    found = refs(res(SFN, "sm", {"definition": definition, "tags": tags()}), *src)
    assert [(r.shown, r.region) for r in found] == [("src", "ap-southeast-3")]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("BUCKET_PREFIX", "exports"),
        ("BUCKET_VERSIONING", "true"),
        ("HANDLER_BUCKET", "${BUCKET}"),
        ("BUCKET", "Not A Bucket"),
        ("TABLE", "partner-kyc-frankfurt"),
    ],
)
def test_values_that_name_no_bucket_are_not_buckets(key: str, value: str) -> None:
    assert refs(fn({"environment": {"variables": {key: value}}})) == []


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        (FN, {"environment": {"variables": {"DD_SITE": "datadoghq.eu"}}}),
        (FN, {"environment": {"variables": {"BOOTSTRAP_SERVERS": "pkc-abc12.eu-west-1.aws.confluent.cloud:9092"}}}),
        (
            FN,
            {"environment": {"variables": {"KAFKA_BROKERS": "b1.partner.example.de:9092,b2.partner.example.de:9092"}}},
        ),
        ("aws:dms/endpoint:Endpoint", {"serverName": "kyc-db.partner.example.de", "endpointType": "target"}),
        ("aws:dms/endpoint:Endpoint", {"serverName": "18.184.10.20", "endpointType": "target"}),
        (
            "aws:datasync/locationObjectStorage:LocationObjectStorage",
            {"serverHostname": "s3.eu-central-2.wasabisys.com"},
        ),
        (
            "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
            {"storageConfiguration": {"mongoDbAtlasConfiguration": {"endpoint": "kyc-prod.ab1cd.mongodb.net"}}},
        ),
        (TASK, {"containerDefinitions": _containers("nginx:1", Name="datadog", Host="http-intake.logs.datadoghq.eu")}),
    ],
)
def test_a_host_or_public_ip_outside_aws_under_a_place_key_fails_closed(type_: str, props: dict[str, Any]) -> None:
    found = refs(res(type_, "x", {**props, "tags": tags()}))
    assert found and all(r.region is None and r.target is None and "outside AWS" in (r.problem or "") for r in found)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("DB_HOST", "10.0.1.5"),
        ("DB_HOST", "192.168.1.10:5432"),
        ("API_URL", "/v1/customers"),
        ("SERVER", "localhost:8080"),
        ("HOST", "api.onboarding.svc.cluster.local"),
        ("HOST", "ip-10-0-0-1.ap-southeast-3.compute.internal"),
        ("ENDPOINT_TYPE", "REGIONAL"),
        ("SCRIPT_URI", "main.py"),
        ("SENDER_ADDRESS", "noreply@kyc.co.id"),
        ("IMAGE_HOST", "public.ecr.aws"),
        ("VERSION", "1.4.2"),
    ],
)
def test_private_local_and_non_host_values_under_place_keys_are_not_outside(key: str, value: str) -> None:
    assert refs(fn({"environment": {"variables": {key: value}}})) == []


def test_handlers_runtimes_and_file_names_are_not_hosts() -> None:
    assert (
        refs(
            fn({"handler": "index.handler", "runtime": "python3.12", "environment": {"variables": {"APP": "main.py"}}})
        )
        == []
    )


INTEGRATION = "aws:apigateway/integration:Integration"


@pytest.mark.parametrize(
    ("uri", "region"),
    [
        (
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            "arn:aws:lambda:us-east-1:111122223333:function:kyc-ingest/invocations",
            "us-east-1",
        ),
        ("arn:aws:apigateway:us-east-1:s3:path/kyc-docs-us/{key}", "us-east-1"),
        ("arn:aws:apigateway:eu-west-1:sqs:path/111122223333/kyc-queue", "eu-west-1"),
        ("arn:aws:apigateway:eu-west-1:kinesis:action/PutRecord", "eu-west-1"),
    ],
)
def test_an_api_gateway_service_integration_is_a_destination_in_its_region(uri: str, region: str) -> None:
    found = refs(res(INTEGRATION, "i", {"uri": uri}))
    assert [(r.prop, r.region) for r in found] == [("uri", region)]


def test_an_api_gateway_integration_to_a_stack_function_is_that_function() -> None:
    target = res(FN, "ingest", {"functionName": "kyc-ingest", "tags": tags()})
    uri = (
        "arn:aws:apigateway:ap-southeast-3:lambda:path/2015-03-31/functions/"
        "arn:aws:lambda:ap-southeast-3:111122223333:function:kyc-ingest/invocations"
    )
    found = refs(res(INTEGRATION, "i", {"uri": uri}), target)
    assert [(r.shown, r.region) for r in found] == [("ingest", "ap-southeast-3")]


def test_an_api_gateway_management_arn_is_still_wiring() -> None:
    assert refs(fn({"environment": {"variables": {"A": "arn:aws:apigateway:us-east-1::/restapis/abc"}}})) == []


TASK = "aws:ecs/taskDefinition:TaskDefinition"


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        ({"name": "EXPORT_BUCKET", "value": "partner-kyc"}, "bucket 'partner-kyc' is not in this stack"),
        ({"Name": "DB_HOST", "Value": "db.partner.example.de"}, "db.partner.example.de is an endpoint outside AWS"),
    ],
    ids=["bucket", "host"],
)
def test_a_name_value_pair_is_judged_under_its_name(pair: dict[str, str], expected: str) -> None:
    definitions = json.dumps([{"name": "app", "image": "x", "environment": [pair]}])
    (ref,) = refs(res(TASK, "t", {"containerDefinitions": definitions, "tags": tags()}))
    assert ref.problem is not None and expected in ref.problem


def test_a_name_value_pair_naming_nothing_is_no_reference() -> None:
    pairs = [{"name": "LOG_LEVEL", "value": "info"}, {"name": "SERVICE_NAME", "value": "kyc-export"}]
    definitions = json.dumps([{"name": "app", "image": "x", "environment": pairs}])
    assert refs(res(TASK, "t", {"containerDefinitions": definitions, "tags": tags()})) == []


SFN = "aws:sfn/stateMachine:StateMachine"


def _copy(parameters: dict[str, str]) -> ResourceInput:
    state = {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:copyObject", "Parameters": parameters}
    return res(SFN, "sm", {"definition": json.dumps({"States": {"Copy": state}}), "tags": tags()})


@pytest.mark.parametrize(
    "parameters",
    [{"Bucket.$": "$.target"}, {"Bucket": "{% $states.input.target %}"}, {"CopySource.$": "$.source"}],
    ids=["path", "jsonata", "copy source"],
)
def test_a_bucket_chosen_at_run_time_fails_closed(parameters: dict[str, str]) -> None:
    (ref,) = refs(_copy(parameters))
    assert ref.region is None and ref.problem is not None and "chosen at run time" in ref.problem


def test_a_run_time_key_in_a_fixed_bucket_is_that_bucket() -> None:
    (ref,) = refs(_copy({"CopySource.$": "States.Format('pii-bkt/{}', $.key)", "Key.$": "$.key"}), *bucket())
    assert ref.target is not None and ref.target.resource.name == "pii"


def test_xml_namespace_and_schema_urls_are_not_endpoints() -> None:
    xml = (
        '<broker xmlns="http://activemq.apache.org/schema/core" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://activemq.apache.org/schema/core http://activemq.apache.org/core.xsd">'
        '<networkConnector uri="static:(ssl://b-1.mq.us-east-1.amazonaws.com:61617)"/></broker>'
    )
    found = refs(res("aws:mq/configuration:Configuration", "c", {"data": xml}))
    assert {r.region for r in found} == {"us-east-1"}


@pytest.mark.parametrize(
    ("script", "found"),
    [
        ("[OUTPUT]\n    Name http\n    Host logs.partner.example.de\n    Port 443\n", True),
        ("cat > /etc/r.conf <<X\n[p]\ntype = sftp\nhost = sftp.partner.example.de\nX\n", True),
        ("export_bucket: partner-kyc\nlevel: info\n", True),
        ("#!/bin/bash\nexport DB_HOST=db.partner.example.de\n./export\n", True),
        ("#!/bin/bash\nEXPORT_BUCKET=partner-kyc ./export\n", True),
        ("host = 10.20.3.4\ncache_host: valkey.platform.svc.cluster.local\nlog_level = info\n", False),
    ],
    ids=["fluent-bit", "rclone", "yaml bucket", "shell export", "one command's variable", "private and in-cluster"],
)
def test_settings_lines_inside_text_are_read_under_their_key(script: str, found: bool) -> None:
    instance = res("aws:ec2/instance:Instance", "i", {"userData": script, "tags": tags()})
    assert any(r.problem for r in refs(instance)) is found
