import pytest

from residency.facts.resource import ProviderInput, ResourceInput
from residency.facts.values import UNKNOWN
from residency.rules.restrict_data_class_region import RULE
from tests.conftest import ID_SG, SCC, posture
from tests.rules.fixtures import IAD, SIN, database, log_group, mutate, res, run, tags

BASELINE = [database(), log_group()]


def test_baseline_passes() -> None:
    assert run(RULE, BASELINE) == []


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("region",), "ap-southeast-1", "customer-pii may not live in ap-southeast-1 (sg-sin-1)"),
        (("region",), "eu-west-1", "customer-pii may not live in eu-west-1; allowed: id-jkt-1 (ap-southeast-3)"),
        (("region",), UNKNOWN, "its region cannot be determined: the resource's region input is unknown"),
        (("tags", "data-class"), "sar-envelope", None),
        (("tags", "collection"), "ghost", "collection 'ghost', which residency:collections does not declare"),
    ],
)
def test_mutations(path: tuple[str, ...], value: object, expected: str | None) -> None:
    messages = run(RULE, mutate(BASELINE, 0, path, value))
    if expected is None:
        assert messages == []
    else:
        assert len(messages) == 1 and expected in messages[0]


def test_region_input_beats_provider_region() -> None:
    r = res("aws:s3/bucket:Bucket", "b", {"tags": tags(), "region": "ap-southeast-3"}, provider=SIN)
    assert run(RULE, [r]) == []
    r = res("aws:s3/bucket:Bucket", "b", {"tags": tags(), "region": "ap-southeast-1"})
    assert "region from resource region input" in run(RULE, [r])[0]


def test_explicit_provider_region_is_used() -> None:
    messages = run(RULE, [res("aws:s3/bucket:Bucket", "b", {"tags": tags()}, provider=SIN)])
    assert "region from provider sin" in messages[0]


def test_default_provider_falls_back_to_stack_region_then_environment() -> None:
    r = res("aws:s3/bucket:Bucket", "b", {"tags": tags()}, provider=None)
    assert run(RULE, [r]) == []
    env_messages = run(RULE, [r], config={}, env={"AWS_REGION": "ap-southeast-1"})
    assert "environment variable AWS_REGION (no aws:region in stack config)" in env_messages[0]
    assert "its region cannot be determined: no region input, no provider region" in run(RULE, [r], config={})[0]


def test_explicit_provider_without_region_fails_closed() -> None:
    bare = ProviderInput("pulumi:providers:aws", "urn:bare", "bare", {})
    assert "provider bare sets no region" in run(RULE, [res("aws:s3/bucket:Bucket", "b", {"tags": tags()}, bare)])[0]


def test_unknown_provider_region_fails_closed() -> None:
    p = ProviderInput("pulumi:providers:aws", "urn:p", "p", {"region": UNKNOWN})
    assert "region of provider p is unknown" in run(RULE, [res("aws:s3/bucket:Bucket", "b", {"tags": tags()}, p)])[0]


def test_id_sg_allows_sg_but_not_for_pinned_classes() -> None:
    pii = res("aws:s3/bucket:Bucket", "b", {"tags": tags()}, SIN)
    sar = res("aws:s3/bucket:Bucket", "s", {"tags": tags("sar-envelope")}, SIN)
    assert run(RULE, [pii], ID_SG) == []
    assert "sar-envelope may not live in ap-southeast-1" in run(RULE, [sar], ID_SG)[0]


def test_collection_id_only_override() -> None:
    p = posture({"dataResidency": "ID-SG", "scc": SCC}, [{"name": "kyc", "dataResidency": "ID-only"}])
    r = res("aws:s3/bucket:Bucket", "b", {"tags": tags(collection="kyc")}, SIN)
    assert "collection 'kyc' is dataResidency ID-only" in run(RULE, [r], p)[0]


def test_webhook_outbox_must_be_in_egress_region() -> None:
    q = res("aws:sqs/queue:Queue", "q", {"tags": tags("webhook-outbox")}, SIN)
    assert "webhook-outbox may not live in ap-southeast-1" in run(RULE, [q])[0]
    egress = posture({"dataResidency": "ID-SG", "scc": SCC, "webhookEgressRegion": "sg-sin-1"})
    assert run(RULE, [q], egress) == []


def test_ops_telemetry_outside_indonesia_needs_the_toggle() -> None:
    logs = res("aws:cloudwatch/logGroup:LogGroup", "l", {"tags": tags("ops-telemetry")}, IAD)
    assert len(run(RULE, [logs])) == 1
    assert run(RULE, [logs], posture({"opsTelemetry": True})) == []


# --- undeclared means most restricted; processors take the class of what they read; global means everywhere ---

FN = "aws:lambda/function:Function"


def test_an_untagged_store_of_any_type_outside_jakarta_is_most_restricted() -> None:
    (message,) = run(RULE, [res("aws:timestreamwrite/database:Database", "ts", {}, SIN)], ID_SG)
    assert "audit-log may not live in ap-southeast-1" in message and "judged as the most restricted class" in message


def test_an_untagged_function_in_singapore_is_a_violation() -> None:
    (message,) = run(RULE, [res(FN, "fn", {"handler": "h"}, SIN)], ID_SG)
    assert "fn: audit-log may not live in ap-southeast-1" in message
    assert "declares no data class and reads no data the pack can identify" in message


def test_an_untagged_function_in_jakarta_reading_jakarta_data_is_clean() -> None:
    fn = res(FN, "fn", {"environment": {"variables": {"DB": "kyc-db"}}})
    assert run(RULE, [database("kyc-db"), fn]) == []
    assert (
        "fn: customer-pii may not live in ap-southeast-1"
        in run(RULE, [database("kyc-db"), mutate([fn], 0, ("region",), "ap-southeast-1")[0]])[0]
    )


def test_an_untagged_function_in_singapore_reading_singapore_replicas_takes_their_class() -> None:
    replica = res("aws:s3/bucket:Bucket", "replica", {"bucket": "replica-bkt", "tags": tags()}, SIN)
    fn = res(FN, "fn", {"environment": {"variables": {"B": "replica-bkt"}}}, SIN)
    assert run(RULE, [replica, fn], ID_SG) == []
    assert any("fn: customer-pii may not live in ap-southeast-1" in m for m in run(RULE, [replica, fn]))


def test_a_processors_own_label_does_not_hide_what_it_reads() -> None:
    fn = res(FN, "fn", {"tags": tags("software-artifact"), "environment": {"variables": {"DB": "kyc-db"}}}, IAD)
    (message,) = run(RULE, [database("kyc-db"), fn])
    assert "customer-pii may not live in us-east-1" in message and "via fn.environment.variables.DB" in message


DIST = "aws:cloudfront/distribution:Distribution"


def _cdn(origin_bucket: str, deps: tuple[str, ...] = ()) -> list[ResourceInput]:
    return [
        res(
            DIST,
            "cdn",
            {"origins": [{"domainName": f"{origin_bucket}.s3.ap-southeast-3.amazonaws.com", "originId": "o"}]},
            IAD,
            deps={"origins": deps},
        )
    ]


def test_a_cdn_in_front_of_identity_documents_caches_them_worldwide() -> None:
    docs = res("aws:s3/bucket:Bucket", "docs", {"bucket": "docs-bkt", "tags": tags("source-document")})
    (message,) = run(RULE, [docs, *_cdn("docs-bkt", (docs.urn,))], ID_SG)
    assert message.startswith("aws:cloudfront/distribution:Distribution cdn has no single region")
    assert "fronts source-document" in message and "not at edge locations worldwide" in message


def test_a_cdn_in_front_of_software_artifacts_is_clean() -> None:
    site = res("aws:s3/bucket:Bucket", "site", {"bucket": "site-bkt", "tags": tags("software-artifact")})
    assert run(RULE, [site, *_cdn("site-bkt", (site.urn,))]) == []


def test_a_cdn_whose_origin_cannot_be_identified_is_most_restricted() -> None:
    (message,) = run(RULE, _cdn("unknown-origin"))
    assert "fronts audit-log" in message


def test_ops_telemetry_may_be_served_at_the_edge_only_when_the_org_opts_in() -> None:
    metrics = res("aws:s3/bucket:Bucket", "m", {"bucket": "m-bkt", "tags": tags("ops-telemetry")})
    cdn = _cdn("m-bkt", (metrics.urn,))
    assert run(RULE, [metrics, *cdn]) != []
    assert run(RULE, [metrics, *cdn], posture({"opsTelemetry": True})) == []


def test_control_resources_anywhere_are_never_judged() -> None:
    control = [
        res("aws:iam/role:Role", "r", {}, SIN),
        res("aws:ec2/vpc:Vpc", "v", {"cidrBlock": "10.0.0.0/16"}, IAD),
        res("aws:cloudwatch/metricAlarm:MetricAlarm", "a", {}, SIN),
    ]
    assert run(RULE, control) == []


def test_a_provider_whose_endpoints_point_elsewhere_has_no_trustworthy_region() -> None:
    from residency.facts.resource import ProviderInput

    rerouted = ProviderInput(
        "pulumi:providers:aws",
        "urn:p",
        "jkt",
        {"region": "ap-southeast-3", "endpoints": [{"s3": "https://s3.ap-southeast-1.amazonaws.com"}]},
    )
    (message,) = run(RULE, [res("aws:s3/bucket:Bucket", "b", {"tags": tags()}, rerouted)])
    assert "its region cannot be determined: provider jkt sends API calls to endpoints in ap-southeast-1" in message
    local = ProviderInput(
        "pulumi:providers:aws",
        "urn:p",
        "jkt",
        {"region": "ap-southeast-3", "endpoints": [{"s3": "https://s3.ap-southeast-3.amazonaws.com"}]},
    )
    assert run(RULE, [res("aws:s3/bucket:Bucket", "b", {"tags": tags()}, local)]) == []


NATIVE = ProviderInput(
    "pulumi:providers:aws-native",
    "urn:pulumi:s::p::pulumi:providers:aws-native::fra",
    "fra",
    {"region": "eu-central-1"},
)
GCP = ProviderInput(
    "pulumi:providers:gcp", "urn:pulumi:s::p::pulumi:providers:gcp::eu", "eu", {"region": "europe-west3"}
)


@pytest.mark.parametrize(
    ("type_", "provider", "props"),
    [
        ("aws-native:s3:Bucket", NATIVE, {"tags": [{"key": "data-class", "value": "customer-pii"}]}),
        ("gcp:storage/bucket:Bucket", GCP, {"location": "EUROPE-WEST3", "labels": {"data-class": "customer-pii"}}),
        ("azure-native:storage:BlobContainer", None, {"metadata": {"Data_Class": "biometric"}}),
        (
            "gcp:sql/databaseInstance:DatabaseInstance",
            GCP,
            {"settings": {"userLabels": {"data-class": "customer-pii"}}},
        ),
    ],
)
def test_a_store_of_a_package_the_pack_cannot_read_declaring_a_restricted_class_cannot_be_evaluated(
    type_: str, provider: ProviderInput | None, props: dict[str, object]
) -> None:
    held = res(type_, "pii", props, provider or GCP)
    (message,) = run(RULE, [held])
    assert message.startswith(f"{type_} pii declares data class") and "could not evaluate" in message


def test_an_unreadable_class_on_an_unreadable_package_is_the_most_restricted() -> None:
    held = res("gcp:storage/bucket:Bucket", "b", {"labels": {"data-class": "customer_pii"}}, GCP)
    assert "'customer_pii' (not a known class: judged as the most restricted)" in run(RULE, [held])[0]


def test_an_unreadable_package_holding_only_artefacts_or_no_declared_class_is_not_judged_here() -> None:
    artefacts = res("gcp:storage/bucket:Bucket", "art", {"labels": {"data-class": "software-artifact"}}, GCP)
    plain = res("gcp:storage/bucket:Bucket", "plain", {"labels": {"team": "kyc"}}, GCP)
    component = res("kyc:index:Store", "c", {"tags": {"data-class": "customer-pii"}}, None)
    assert run(RULE, [artefacts, plain, component]) == []


@pytest.mark.parametrize("name", ["default-dr", "defaults", "default_dr", "default_frankfurt"])
def test_an_explicit_provider_merely_named_default_without_a_region_fails_closed(name: str) -> None:
    named = ProviderInput("pulumi:providers:aws", f"urn:pulumi:s::p::pulumi:providers:aws::{name}", name, {})
    assert (
        f"provider {name} sets no region" in run(RULE, [res("aws:s3/bucket:Bucket", "b", {"tags": tags()}, named)])[0]
    )


@pytest.mark.parametrize("name", ["default", "default_7_12_0", "default_6_0_0_alpha_1"])
def test_the_engine_default_provider_reads_the_stack_region(name: str) -> None:
    engine = ProviderInput("pulumi:providers:aws", f"urn:pulumi:s::p::pulumi:providers:aws::{name}", name, {})
    assert run(RULE, [res("aws:s3/bucket:Bucket", "b", {"tags": tags()}, engine)]) == []


def test_a_schedule_in_another_region_that_carries_nothing_is_not_a_placement() -> None:
    fn = res("aws:lambda/function:Function", "sync", {"name": "sync", "tags": tags("watchlist")})
    schedule = res(
        "aws:scheduler/schedule:Schedule",
        "nightly",
        {"target": {"arn": "arn:aws:lambda:ap-southeast-3:123456789012:function:sync", "input": "{}"}},
        IAD,
    )
    assert run(RULE, [fn, schedule]) == []


def test_an_ecr_replication_configuration_in_the_image_source_region_is_not_flagged() -> None:
    rep = res(
        "aws:ecr/replicationConfiguration:ReplicationConfiguration",
        "to-jkt",
        {"replicationConfiguration": {"rules": [{"destinations": [{"region": "ap-southeast-3"}]}]}},
        IAD,
    )
    assert run(RULE, [rep]) == []


def test_a_hosted_configuration_holding_a_pii_objects_content_outside_jakarta_is_flagged() -> None:
    obj = res(
        "aws:s3/bucketObjectv2:BucketObjectv2",
        "customers",
        {"bucket": "pii-bkt", "key": "customers.csv", "tags": tags()},
    )
    hosted = res(
        "aws:appconfig/hostedConfigurationVersion:HostedConfigurationVersion",
        "published",
        {"content": "nik,name", "contentType": "text/plain"},
        IAD,
        deps={"content": (obj.urn,)},
    )
    messages = run(RULE, [obj, hosted])
    assert any(m.startswith("published:") and "us-east-1" in m for m in messages), messages


def test_every_resource_of_a_provider_plugin_from_elsewhere_is_could_not_evaluate() -> None:
    elsewhere = ProviderInput(
        "pulumi:providers:aws", "urn:x", "x", {"region": "ap-southeast-3", "pluginDownloadURL": "https://x.example/"}
    )
    role = res("aws:iam/role:Role", "r", {"assumeRolePolicy": "{}"}, elsewhere)
    (message,) = run(RULE, [role])
    assert "not from Pulumi's releases" in message
