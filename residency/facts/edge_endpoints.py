"""Regional services whose endpoint is a CloudFront distribution are global, like the distribution itself.

An edge-optimised API Gateway REST API (the type AWS creates when `endpointConfiguration` is left out) and an
edge-optimised custom domain terminate every request at CloudFront edge locations worldwide; so does a Cognito
user pool's custom domain (its hosted sign-in pages, with the users' e-mail addresses and passwords, are served
through CloudFront: that is why its certificate must be in us-east-1). The pack judges a CloudFront distribution
in front of Jakarta data as global; these are the same distribution, created by the service. An endpoint type the
preview cannot read counts as edge (fail closed).
"""

from residency.facts.resource import ResourceInput
from residency.facts.values import as_list, get_path, is_unknown, reveal
from residency.model.catalogue import Role, TypeEntry

REST_API = "aws:apigateway/restApi:RestApi"
DOMAIN_NAME = "aws:apigateway/domainName:DomainName"
USER_POOL_DOMAIN = "aws:cognito/userPoolDomain:UserPoolDomain"
EDGE = "EDGE"


def _global(what: str) -> TypeEntry:
    return TypeEntry(Role.GLOBAL, f"{what}: served through CloudFront edge locations worldwide")


def _endpoint_types(res: ResourceInput) -> list[object]:
    """The endpoint types an API or domain asks for (v7 takes one string; older SDKs a list)."""
    configuration = reveal(res.props.get("endpointConfiguration"))
    if is_unknown(configuration):
        return [configuration]
    return as_list(get_path(configuration, "types"))


def _is_edge(types: list[object]) -> bool:
    """Edge unless every type the resource names is known and not EDGE; none named means AWS's default, EDGE."""
    return not types or any(not isinstance(t, str) or is_unknown(t) or t.upper() == EDGE for t in types)


def edge_entry(res: ResourceInput) -> TypeEntry | None:
    """A global catalogue entry for a resource whose endpoint is a CloudFront distribution, else None."""
    if res.type == REST_API and _is_edge(_endpoint_types(res)):
        return _global("an edge-optimised REST API (no endpointConfiguration, or EDGE)")
    if res.type == DOMAIN_NAME:
        types = _endpoint_types(res)
        regional_only = (
            not types
            and reveal(res.props.get("regionalCertificateArn"))
            and not reveal(res.props.get("certificateArn"))
        )
        if not regional_only and _is_edge(types):
            return _global("an edge-optimised API Gateway custom domain")
    if res.type == USER_POOL_DOMAIN and reveal(res.props.get("certificateArn")):
        return _global("a Cognito user pool custom domain (its hosted sign-in pages)")
    return None
