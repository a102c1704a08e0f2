"""What a collector is: the API calls it makes (for the IAM policy) and a function from one region to resources."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from residency.audit.clients import ClientFactory
from residency.facts.resource import ProviderInput, ResourceInput

Collect = Callable[[ClientFactory, str], list[ResourceInput]]


@dataclass(frozen=True)
class Collector:
    service: str
    calls: tuple[str, ...]
    """The API operations it may call, as botocore names them (e.g. ListBuckets)."""
    collect: Collect
    global_service: bool = False
    """Listed once per account (S3) rather than once per region."""
    types: tuple[str, ...] = ()
    """The catalogue types it reads: a resource of these types found by the tagging listing is its to judge."""


def region_provider(region: str) -> ProviderInput:
    return ProviderInput("pulumi:providers:aws", f"aws-api:{region}", f"AWS API {region}", {"region": region})


class MalformedAnswerError(ValueError):
    """An answer named a resource by something that is not text: the collector's read fails (region not audited)."""


def _check_identity(type_: str, arn: object, name: object) -> None:
    """botocore does not check a JSON answer's types: an ARN or name that is null, a number, a list or a mapping
    would become a resource's URN and break the judging of the whole account after the collectors ran. Refused
    here, inside the collector, it makes only that service in that region not audited."""
    for field, value in (("ARN", arn), ("name", name)):
        if not isinstance(value, str) or not value:
            raise MalformedAnswerError(f"{type_} in the answer has {field} {value!r}, not text")


def resource(
    arn: str,
    type_: str,
    name: str,
    region: str,
    props: dict[str, Any],
    deps: dict[str, tuple[str, ...]] | None = None,
    ident: str | None = None,
) -> ResourceInput:
    """A resource as AWS reports it: its ARN is its URN, the region is the API endpoint that listed it. `ident` is
    the id other resources name it by (a volume id in a snapshot, a key id in a bucket's encryption)."""
    _check_identity(type_, arn, name)
    outputs = {"arn": arn, "region": region, **({"id": ident} if ident else {})}
    return ResourceInput(
        urn=arn,
        type=type_,
        name=name,
        props=props,
        provider=region_provider(region),
        property_dependencies=dict(deps or {}),
        outputs=outputs,
    )


def items(client: Any, operation: str, key: str, **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Every item of a listing, page after page: a listing read as one page misses what the next page holds.
    botocore's paginator also stops a server that repeats a token (PaginationError: the region is not audited)."""
    for page in client.get_paginator(operation).paginate(**kwargs):
        yield from page.get(key, [])


def token_pages(call: Callable[..., Any], token: str, **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Every page of a call botocore has no paginator for, following its `token`; a server that repeats a token
    stops the read (ValueError) instead of looping."""
    seen: set[str] = set()
    while True:
        page: dict[str, Any] = call(**kwargs)
        yield page
        following = page.get(token)
        if not following:
            return
        if following in seen:
            raise ValueError(f"{getattr(call, '__name__', 'the listing')} repeated a {token}")
        seen.add(following)
        kwargs[token] = following


def tags_of(clients: Any, arn: str, read: Callable[[str], Any]) -> dict[str, str]:
    """The sweep's tags for `arn`; the resource's own tag read only when the sweep did not list it (untagged, or
    no sweep ran)."""
    swept: dict[str, str] | None = clients.inventory.tags(arn)
    return swept if swept is not None else tag_dict(read(arn))


def tag_dict(tags: Any) -> dict[str, str]:
    """AWS returns tags as [{Key, Value}], [{key, value}] or a plain map, depending on the service."""
    if isinstance(tags, dict):
        return {str(k): str(v) for k, v in tags.items()}
    out = {}
    for t in tags or []:
        key = t.get("Key", t.get("key", t.get("TagKey")))
        value = t.get("Value", t.get("value", t.get("TagValue", "")))
        if key is not None:
            out[str(key)] = str(value)
    return out


def absent(exc: ClientError, *codes: str) -> bool:
    """True when the error only says the optional configuration does not exist."""
    return exc.response.get("Error", {}).get("Code") in codes
