"""Reading the declared class: exact values only, near misses and conflicts named, provider default tags merged."""

import pytest

from residency.facts.data_class import read_data_class, tags_of
from residency.facts.resource import ProviderInput
from residency.facts.values import UNKNOWN
from residency.model.data_classes import DataClass

PROVIDER = ProviderInput(
    "pulumi:providers:aws",
    "urn:p",
    "jkt",
    {"region": "ap-southeast-3", "defaultTags": {"tags": {"data-class": "customer-pii", "team": "kyc"}}},
)


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ({"data-class": "customer-pii"}, DataClass.CUSTOMER_PII),
        ({"data-class": "audit-log", "owner": "x"}, DataClass.AUDIT_LOG),
    ],
)
def test_exact_tags_are_read(tags: dict[str, str], expected: DataClass) -> None:
    declared = read_data_class(tags, None)
    assert (declared.data_class, declared.problem, declared.near_miss) == (expected, None, None)


@pytest.mark.parametrize(
    ("tags", "problem"),
    [
        (
            {"data-class": "Customer-PII"},
            "data-class 'Customer-PII' is not a known class; did you mean 'customer-pii'?",
        ),
        ({"data-class": "customer-pii "}, "did you mean 'customer-pii'?"),
        ({"data-class": "biometrics"}, "did you mean 'biometric'?"),
        ({"data-class": "customer_pii"}, "did you mean 'customer-pii'?"),
        ({"data-class": "secret-sauce"}, "allowed: customer-pii, biometric"),
        ({"Data-Class": "customer-pii"}, "tag key 'Data-Class' is not read; use 'data-class' exactly"),
        ({"dataclass": "customer-pii"}, "tag key 'dataclass' is not read"),
        ({"data-classes": "customer-pii"}, "tag key 'data-classes' is not read"),
        ({"Data_Class": "a", "DATA-CLASS": "b"}, "conflicting keys"),
        ({"data-class": "customer-pii", "Data-Class": "software-artifact"}, "conflicts with 'Data-Class'"),
        ({"data-class": "customer-pii", "quantumelixir.tech/data-class": "analytics"}, "conflicts with"),
    ],
)
def test_near_misses_and_conflicts_are_named_and_never_read(tags: dict[str, str], problem: str) -> None:
    declared = read_data_class(tags, None)
    assert declared.data_class is None
    assert declared.problem is not None and problem in declared.problem
    assert declared.near_miss == declared.problem


def test_a_redundant_near_miss_next_to_an_agreeing_tag_is_reported_but_the_class_is_read() -> None:
    declared = read_data_class({"data-class": "biometric", "Data-Class": "biometric"}, None)
    assert declared.data_class is DataClass.BIOMETRIC and "is not read; remove it" in (declared.near_miss or "")


def test_kubernetes_objects_read_only_their_label() -> None:
    assert (
        read_data_class({"quantumelixir.tech/data-class": "api-log"}, None, kubernetes=True).data_class
        is DataClass.API_LOG
    )
    declared = read_data_class({"data-class": "api-log"}, None, kubernetes=True)
    assert declared.data_class is None and "is not read" in (declared.problem or "")


def test_provider_default_tags_merge_under_the_resource_tags_like_tags_all() -> None:
    merged, problem = tags_of({"tags": {"team": "risk"}}, PROVIDER)
    assert problem is None and merged == {"data-class": "customer-pii", "team": "risk"}
    assert read_data_class(merged, problem).data_class is DataClass.CUSTOMER_PII
    own, _ = tags_of({"tags": {"data-class": "biometric"}}, PROVIDER)
    assert own["data-class"] == "biometric"


def test_unknown_default_tags_leave_the_class_undetermined() -> None:
    provider = ProviderInput("pulumi:providers:aws", "urn:p", "jkt", {"defaultTags": UNKNOWN})
    merged, problem = tags_of({}, provider)
    declared = read_data_class(merged, problem)
    assert declared.data_class is None and "defaultTags are unknown during preview" in (declared.problem or "")


def test_unknown_tags_leave_the_class_undetermined() -> None:
    declared = read_data_class(*tags_of({"tags": UNKNOWN}))
    assert declared.data_class is None and "unknown during preview" in (declared.problem or "")
