"""Trust an answer only when it is the service's answer.

botocore parses whatever body an HTTP 200 carries: a captive portal's HTML page, a wrong S3-compatible endpoint's
JSON or an empty body become an empty bucket (queue, vault, stream) list, and an empty list reads as "nothing here".
Before botocore parses a successful answer, this checks that its body has the shape the protocol promises: an XML
document whose root is the operation's result wrapper (query/ec2: `<OpResponse>`; rest-xml: the output shape's
element), or a JSON object; and that a read operation's answer is not empty. Anything else fails the call, so the
service in that region is "not audited" (exit 3), never clean.

After botocore has parsed a successful answer, `check_fields` checks that it holds the field the listing is about
(`{}` is a well-formed JSON object, and botocore reads a missing list as no key at all): the paginator's result key
of every paginated operation, the output members the model marks required, and RESULT_FIELDS for the few reads
without a paginator. MAY_OMIT names the listings AWS answers without their list when it is empty.
"""

import functools
import json
import re
from typing import Any
from xml.etree import ElementTree

import botocore.session
from botocore.exceptions import BotoCoreError, DataNotFoundError, UnknownServiceError

_READS = ("List", "Describe", "Get")
_XML_PROTOCOLS = ("query", "ec2", "rest-xml")
_JSON_PROTOCOLS = ("json", "rest-json")


class NotTheServiceError(BotoCoreError):  # type: ignore[misc]  # botocore is untyped
    fmt = "{endpoint} did not answer {operation} like {service} ({problem}): a proxy or a wrong endpoint?"


class IncompleteAnswerError(BotoCoreError):  # type: ignore[misc]  # botocore is untyped
    fmt = (
        "{endpoint} answered {operation} without its {field} field: not {service}'s whole answer "
        "(a proxy or a wrong endpoint?)"
    )


RESULT_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("logs", "DescribeAccountPolicies"): ("accountPolicies",),
    ("ecr", "DescribeRegistry"): ("registryId",),
    ("sts", "GetCallerIdentity"): ("Account",),
    ("ec2", "DescribeRegions"): ("Regions",),
    ("opensearch", "ListDomainNames"): ("DomainNames",),
}
"""Reads without a paginator, by (botocore service name, operation): the fields every real answer carries."""

MAY_OMIT: frozenset[tuple[str, str]] = frozenset(
    {
        ("sqs", "ListQueues"),  # QueueUrls is left out of the answer of a region without queues
        ("dynamodb", "ListTagsOfResource"),  # tag reads: an untagged resource's answer may carry no tag list
        ("kms", "ListResourceTags"),
    }
)
"""Paginated listings whose result key AWS leaves out when there is nothing to list: only `{}` is tolerated."""

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@functools.cache
def _paginators(service: str, api_version: str) -> dict[str, Any]:
    try:
        model = botocore.session.get_session().get_paginator_model(service, api_version)
    except (DataNotFoundError, UnknownServiceError):
        return {}
    return dict(model._paginator_config)


@functools.cache
def _result_fields(service: str, api_version: str, operation: str, required: tuple[str, ...]) -> tuple[str, ...]:
    fields = list(required) + list(RESULT_FIELDS.get((service, operation), ()))
    key = _paginators(service, api_version).get(operation, {}).get("result_key")
    if isinstance(key, str) and _IDENTIFIER.match(key) and (service, operation) not in MAY_OMIT:
        fields.append(key)
    return tuple(dict.fromkeys(fields))


def result_fields(operation_model: Any) -> tuple[str, ...]:
    """The fields a successful answer to this operation always holds."""
    service_model = operation_model.service_model
    output = operation_model.output_shape
    required = tuple(getattr(output, "required_members", None) or ()) if output is not None else ()
    return _result_fields(service_model.service_name, service_model.api_version, operation_model.name, required)


def check_fields(http_response: Any, parsed: Any, model: Any, endpoint: str = "the endpoint", **_: Any) -> None:
    """botocore `after-call` handler: a successful answer without its result field fails the call."""
    status = getattr(http_response, "status_code", None)
    if not isinstance(status, int) or not 200 <= status < 300 or not isinstance(parsed, dict):
        return
    for name in result_fields(model):
        if name not in parsed:
            raise IncompleteAnswerError(
                endpoint=endpoint, operation=model.name, field=name, service=str(model.service_model.service_id)
            )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _body_members(shape: Any) -> bool:
    """Whether the output has anything in the body (members located in headers or the status carry nothing)."""
    if shape is None or getattr(shape, "type_name", "") != "structure":
        return False
    return any(m.serialization.get("location") is None for m in shape.members.values())


def _names(shape: Any) -> set[str]:
    if shape is None or getattr(shape, "type_name", "") != "structure":
        return set()
    out = set()
    for key, member in shape.members.items():
        out |= {key, member.serialization.get("name", key)}
        if shape.serialization.get("payload") == key:
            out |= _names(member)
    return out


def _rest_xml_problem(operation_model: Any, root: Any) -> str | None:
    """rest-xml does not model the root element's name: the root or one of its children must be a member."""
    expected = _names(operation_model.output_shape)
    children = {_local(child.tag) for child in root}
    if _local(root.tag) in expected or children & expected:
        return None
    if not children and not operation_model.name.startswith("List"):
        return None  # e.g. <VersioningConfiguration/> of a bucket that never had versioning
    return f"an XML document <{_local(root.tag)}> with none of the answer's elements"


def _problem(operation_model: Any, response: dict[str, Any]) -> str | None:
    body = response.get("body")
    if not isinstance(body, bytes | bytearray):
        return None  # a streaming body is read by its caller
    text = bytes(body).strip()
    protocol = operation_model.service_model.resolved_protocol
    name = operation_model.name
    # The body, not the content type: real local endpoints (moto server) label JSON as text/html.
    if text[:15].lower().startswith((b"<!doctype html", b"<html")):
        return f"HTTP {response.get('status_code')} with an HTML page"
    if not text:
        if name.startswith(_READS) and _body_members(operation_model.output_shape):
            return f"HTTP {response.get('status_code')} with an empty body"
        return None
    if protocol in _XML_PROTOCOLS:
        try:
            root = ElementTree.fromstring(text)
        except ElementTree.ParseError:
            return "a body that is not XML"
        if protocol in ("query", "ec2"):
            if _local(root.tag) != f"{name}Response":
                return f"an XML document <{_local(root.tag)}> instead of <{name}Response>"
            return None
        return _rest_xml_problem(operation_model, root)
    if protocol not in _JSON_PROTOCOLS:
        # A protocol this check does not know cannot be verified: not audited, never trusted as empty.
        return f"an answer in protocol {protocol}, which this audit cannot verify"
    try:
        decoded = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "a body that is not JSON"
    if not isinstance(decoded, dict):
        return "a JSON value that is not an object"
    expected = _names(operation_model.output_shape)
    if decoded and expected and not set(decoded) & expected:
        return f"a JSON object with none of the answer's fields ({', '.join(sorted(decoded)[:3])})"
    return None


def check_answer(operation_model: Any, response_dict: dict[str, Any], endpoint: str = "the endpoint", **_: Any) -> None:
    """botocore `before-parse` handler: only successful answers are checked; errors are parsed as errors."""
    status = response_dict.get("status_code")
    if not isinstance(status, int) or not 200 <= status < 300:
        return
    problem = _problem(operation_model, response_dict)
    if problem is not None:
        service = operation_model.service_model.service_id
        raise NotTheServiceError(
            endpoint=endpoint,
            operation=operation_model.name,
            service=str(service),
            problem=problem,
        )
