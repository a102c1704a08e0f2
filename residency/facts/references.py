"""Every reference a resource's inputs make to data somewhere: other resources of the stack, ARNs, regions, URLs.

A reference is what data can flow along. It resolves to a resource of the stack (through the engine's property
dependencies, or a physical name, ARN or `s3://` URL that names one) or to an outside place whose region the text
itself carries (an ARN's region field, a region or zone name, a service endpoint host name in any partition). An
AWS host that names no region (`bucket.s3.amazonaws.com`, `s3.amazonaws.com/bucket`) is an outside place whose
region is unknown, unless it names a bucket of the stack. References to `control` resources and to control-plane
ARNs (IAM, certificates, DNS, WAF...) carry no data and are dropped.
"""

import base64
import binascii
import ipaddress
import json
import re
from collections.abc import Iterator
from typing import Any

from residency.facts.graph import Graph
from residency.facts.inference import PROFILE_IN_TEXT, inference_problem
from residency.facts.payloads import embedded, unwrap
from residency.facts.resource import Direction, Reference, ResourceFacts
from residency.facts.values import arn_region, arn_resource, is_unknown, reveal
from residency.model.catalogue import Role

_REGION = r"(?:(?:af|ap|ca|cn|eu|il|me|mx|sa|us)(?:-gov|-iso[a-z]?)?|eusc-[a-z]{2})-[a-z]+-\d{1,2}"
"""Every partition's region names: commercial, China, GovCloud, the ISO partitions, the European Sovereign Cloud."""
AWS_DOMAIN = (
    r"(?:amazonaws\.com(?:\.cn)?|amazonaws\.eu|amazonwebservices\.(?:com\.cn|eu)|on\.aws|api\.aws"
    r"|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)"
)
"""The DNS suffixes of AWS service endpoints in every partition (IPv4, dual-stack and function URL forms)."""
REGION_NAME = re.compile(rf"^{_REGION}$")
ZONE_NAME = re.compile(rf"^({_REGION})(?:-[a-z]+-\d+)?[a-z]$")
ENDPOINT_REGION = re.compile(rf"(?:^|[./-])({_REGION})[./](?:[a-z0-9.-]*\.)?{AWS_DOMAIN}")
IMAGE_HOST = re.compile(rf"^\d{{12}}\.dkr\.ecr(?:-fips)?\.({_REGION})\.{AWS_DOMAIN}/")
IMAGE_IN_TEXT = re.compile(
    rf"(?<![a-z0-9.-])\d{{12}}\.dkr\.ecr(?:-fips)?\.({_REGION})\.{AWS_DOMAIN}/[^\s\"'<>`\\,]+", re.IGNORECASE
)
"""A container image inside a definition or script: software comes in along it, and its region is no place."""
CHART_SOURCES = frozenset({"chart", "repositoryOpts.repo"})
"""Where a Helm release or chart is downloaded from (a repository URL, an `oci://` reference): like a container
image, software comes in along it and nothing the release holds goes out."""
REGION_IN_TEXT = re.compile(rf"(?<![a-z0-9-])({_REGION})[a-z]?(?![a-z0-9-])")
S3_IN_TEXT = re.compile(r"s3a?://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])")
_SCHEME = r"(?:jdbc:)?(?!(?:s3[an]?|file|unix|npipe)://)[a-z][a-z0-9+.-]*"
"""Any URL scheme (`https`, `mongodb+srv`, `tcp+tls`, `jdbc:postgresql`...) but S3 URLs (buckets, judged as such),
files and local sockets."""
OUTSIDE_URL = re.compile(rf"^{_SCHEME}://(?![^/]*\.{AWS_DOMAIN}(?:[:/]|$))", re.IGNORECASE)
URL_IN_TEXT = re.compile(rf"(?<![a-z0-9+.:-]){_SCHEME}://[^\s\"'<>`\\]+", re.IGNORECASE)
JDBC = re.compile(r"^jdbc:(?=[a-z][a-z0-9+.-]*://)", re.IGNORECASE)
LOCAL_URL = re.compile(
    r"^(?:jdbc:)?[a-z][a-z0-9+.-]*://(?:[^/@]*@)?(?:localhost|127(?:\.\d+){3}|169\.254(?:\.\d+){2}|0\.0\.0\.0|\[::1\]|\[fd00:ec2::254\]"
    r"|[^/:?#]*\.(?:svc|cluster\.local))(?:[:/?#]|$)",
    re.IGNORECASE,
)
"""The machine itself, its instance and task metadata services, and in-cluster services: no data leaves along them."""
URL_SENDERS = frozenset({Role.MOVER, Role.PROCESSOR})
"""Roles that send what they hold to an endpoint they name; an outside endpoint is a place of unknown region."""
AWS_HOST = re.compile(
    rf"^(?:[a-z][a-z0-9+.-]*://)?(?:[^\s/@]+@)?(?P<host>(?:[a-z0-9-]+\.)+{AWS_DOMAIN})\.?(?::\d+)?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
"""One AWS service host name or URL (no spaces): an endpoint, with or without a region in it."""
AWS_URL_IN_TEXT = re.compile(
    rf"(?:[a-z][a-z0-9+.-]*://(?:[^\s/@\"']+@)?(?:[a-z0-9-]+\.)+{AWS_DOMAIN}|(?<![a-z0-9.@-])(?:[a-z0-9-]+\.)+"
    rf"{AWS_DOMAIN}(?=/))(?::\d+)?(?:[/?#][^\s\"'<>`]*)?",
    re.IGNORECASE,
)
"""AWS endpoints inside free text: URLs, and host names followed by a path (a bare `x.amazonaws.com` in a policy
document is a service principal, an identity, not a place data goes)."""
S3_GLOBAL_HOST = re.compile(
    r"^(?:(?P<bucket>[a-z0-9][a-z0-9.-]*)\.)?s3(?:-external-1|-accelerate)?(?:\.dualstack)?\.amazonaws\.com$"
)
"""S3's region-less host names: the legacy global endpoint and the accelerate endpoints serve a bucket of any
region, so the host says nothing of where the data lands."""
S3_REGIONAL_HOST = re.compile(
    rf"^(?P<bucket>[a-z0-9][a-z0-9.-]*[a-z0-9])\.s3(?:-website|-fips)?(?:\.dualstack)?[.-](?P<region>{_REGION})"
    rf"\.{AWS_DOMAIN}$"
)
"""A bucket's virtual-hosted regional host (`bucket_regional_domain_name`, `website_endpoint`, the legacy dash and
dual-stack forms). Bucket names may contain dots (`www.example.co.id`), so the bucket is everything before the S3
label, not the host's first label."""
GLOBAL_CONTROL_HOSTS = frozenset(
    {"iam", "sts", "route53", "cloudfront", "organizations", "support", "shield", "waf", "globalaccelerator"}
)
"""Region-less hosts of global control planes: naming one is wiring, not data."""
ENDPOINT_SERVICE = re.compile(rf"(?:^|[./])([a-z0-9-]+)[.-]{_REGION}[./]")
CONTROL_ENDPOINTS = frozenset(
    {"sts", "iam", "ssm", "logs", "monitoring", "ec2", "ecr", "api.ecr", "kms", "execute-api"}
)
"""Service hosts that carry no customer data of their own: naming one is wiring, not data."""
S3_URL = re.compile(r"^s3a?n?://([^/]+)")
ARN_IN_TEXT = re.compile(
    r"arn:aws[a-z-]*:(?:apigateway:[a-z0-9-]*:[a-z0-9.-]+|[a-z0-9-]+:[a-z0-9-]*:\d{0,12}):[^\s\"',}\]]+"
)
APIGW_INTEGRATION = re.compile(r"^arn:aws[a-z-]*:apigateway:([a-z0-9-]*):([a-z0-9.-]+):(?:path|action)/(.*)$")
"""An API Gateway service integration (`arn:aws:apigateway:<region>:<service>:path|action/...`): requests go to
that service in that region, or to the resource an ARN inside it names (a Lambda function's invocations)."""

BUCKET_KEY = re.compile(r"(?:bucket(?:name|id)?|copysource)$")
"""A key (lower case, letters and digits only) whose value is a bucket name: `EXPORT_BUCKET`, `s3BucketName`,
a state machine's `Bucket`, an S3 `CopySource` (`bucket/key`)."""
BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:/[^\s{}$]*)?$")
NOT_BUCKETS = frozenset({"true", "false", "yes", "no", "none", "null", "enabled", "disabled", "on", "off"})
PLACE_KEY = re.compile(r"host|server|endpoint|url|uri|site|address|addr$|bootstrap|broker|dsn|connectionstring")
"""A key whose value is where the resource connects: `DB_HOST`, `serverName`, `serverHostname`, `DD_SITE`,
`BOOTSTRAP_SERVERS`, a FireLens `Host`, a knowledge base's `endpoint`."""
HOST_VALUE = re.compile(
    r"^(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\])\.?"
    r"(?::\d{1,5})?(?:/\S*)?$",
    re.IGNORECASE,
)
"""A host name or IP literal without a scheme, with an optional port and path."""
PUBLIC_TLD = re.compile(
    r"^(?:"
    r"com|net|org|edu|gov|mil|int|info|biz|io|ai|app|dev|cloud|co|tech|online|site|xyz|me|tv|ly|gg|to|eu"
    r"|asia|global|digital|services|systems|network|company|solutions|host|link|live|pro|name|mobi|news"
    r"|store|shop|one|world|group|agency|studio|email|works|zone|space|page|run|center|consulting|finance"
    r"|bank|insurance|health"
    r")$"
)
"""Generic top-level domains a partner's host may use; any two-letter (country) domain counts too."""
FILE_EXTENSIONS = frozenset({"py", "sh", "md", "pl", "rs", "so", "ps", "mk", "ml", "tf", "pm", "sc"})
"""Country domains that are also common file extensions: `main.py` under a place key is a file, not Paraguay."""


def _normal_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


def _is_public_host(host: str) -> bool:
    """A DNS name under a real top-level domain, or a globally routable IP (not private, loopback, link-local)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_global
    except ValueError:
        pass
    tld = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if tld in FILE_EXTENSIONS or not tld.isalpha():
        return False
    return PUBLIC_TLD.match(tld) is not None or len(tld) == 2


def json_document(text: str) -> Any:
    """The object or array a string holds as JSON (a definition, a target's input), else None."""
    if text.lstrip()[:1] not in ("{", "["):
        return None
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    return doc if isinstance(doc, (dict, list)) else None


def _leaves(
    value: Any, path: str, key: str = "", parent: Any = None, documents: bool = True
) -> Iterator[tuple[str, str, Any, str]]:
    """Every string with its path, key and the object holding it; with `documents`, also inside JSON documents
    held in strings."""
    if isinstance(value, str):
        doc = json_document(value) if documents else None
        if doc is not None:
            yield from _leaves(doc, path, key, parent, documents)
        else:
            yield path, key, parent, value
    elif isinstance(value, dict):
        for k, item in value.items():
            if path or k not in SKIPPED_KEYS:
                yield from _leaves(item, f"{path}.{k}" if path else str(k), str(k), value, documents)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item, path, key, parent, documents)


NAME_KEYS = ("name", "Name")
VALUE_KEYS = ("value", "Value")


def named_key(key: str, parent: Any) -> str:
    """The key a value really stands under: in a `{name: EXPORT_BUCKET, value: ...}` pair (ECS, Batch, CodeBuild and
    Kubernetes environments) it is the pair's name, not `value`."""
    if key in VALUE_KEYS and isinstance(parent, dict):
        name = next((parent[k] for k in NAME_KEYS if isinstance(parent.get(k), str)), None)
        if name:
            return str(name)
    return key


FORMAT_BUCKET = re.compile(r"^States\.Format\('([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/")
"""`States.Format('bucket/{}', $.key)`: a run-time object key in a bucket fixed in the template text."""


def is_run_time_value(key: str, text: str) -> bool:
    """A Step Functions parameter filled at run time: a `Key.$` path or intrinsic, or a JSONata `{% ... %}`."""
    stripped = text.strip()
    return key.endswith(".$") or (stripped.startswith("{%") and stripped.endswith("%}"))


K8S_SECRET = "kubernetes:core/v1:Secret"


def _secret_data(text: str) -> str:
    """The text a Kubernetes Secret's base64 `data` entry holds (unchanged when it is not base64 text)."""
    try:
        return base64.b64decode(text, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return text


def names_a_place(key: str) -> bool:
    """Does a variable's name say its value is a bucket or an endpoint (`EXPORT_BUCKET`, `DB_HOST`)?"""
    norm = _normal_key(key)
    return bool(BUCKET_KEY.search(norm) or PLACE_KEY.search(norm))


def _names_a_bucket(path: str, key: str, parent: Any) -> bool:
    """A bucket key, or a `location` that S3 reads as `bucket[/prefix]` (CodeBuild artifacts, S3 logs, cache)."""
    norm = _normal_key(key)
    if BUCKET_KEY.search(norm):
        return True
    if norm != "location":
        return False
    kind = parent.get("type") if isinstance(parent, dict) else None
    holder = path.rsplit(".", 2)[-2] if path.count(".") else ""
    return (isinstance(kind, str) and kind.upper() == "S3") or "s3" in holder.lower()


SKIPPED_KEYS = frozenset({"tags", "tagsAll", "region", "name", "namePrefix", "description", "comment", "__defaults"})
"""Own identity and free text: a resource's own name or description mentioning a region moves nothing."""

CONTROL_ARN_SERVICES = frozenset(
    {
        "iam",
        "sts",
        "organizations",
        "acm",
        "acm-pca",
        "route53",
        "route53resolver",
        "route53domains",
        "wafv2",
        "waf",
        "waf-regional",
        "shield",
        "xray",
        "sso",
        "identitystore-admin",
        "codestar-connections",
        "codeconnections",
        "servicediscovery",
        "ram",
        "cloudwatch",
        "autoscaling",
        "ssm-contacts",
        "budgets",
        "ce",
        "health",
        "support",
        "trustedadvisor",
        "resource-groups",
        "tag",
        "access-analyzer",
        "securityhub",
        "guardduty",
        "inspector2",
        "config",
        "fms",
        "networkmanager",
        "directconnect",
        "globalaccelerator",
        "apigateway",
        "execute-api",
        "vpc-lattice",
        "elasticloadbalancing-targetgroup",
    }
)
"""ARN services whose resources hold no customer data: pointing at them is wiring, not a flow."""
KEY_TYPES = frozenset(
    {
        "aws:kms/key:Key",
        "aws:kms/replicaKey:ReplicaKey",
        "aws:kms/externalKey:ExternalKey",
        "aws:kms/replicaExternalKey:ReplicaExternalKey",
    }
)
"""Encryption keys are wiring for the data they protect, judged by enforce-kms-same-region, not a flow of it."""
DATA_EC2_KINDS = frozenset({"snapshot", "volume", "image", "instance", "fleet", "spot-instances-request"})
CONTROL_EVENT_KINDS = frozenset({"rule", "connection"})


def _is_control_arn(arn: str) -> bool:
    parts = arn.split(":", 5)
    service = parts[2] if len(parts) > 2 else ""
    kind = re.split(r"[/:]", arn_resource(arn), maxsplit=1)[0]
    if service in CONTROL_ARN_SERVICES or service == "kms":
        return True
    if service == "ec2":
        return kind not in DATA_EC2_KINDS
    if service == "events":
        return kind in CONTROL_EVENT_KINDS
    if service == "elasticloadbalancing":
        return kind == "targetgroup" or kind == "listener" or kind == "listener-rule"
    return False


def _url_segments(text: str) -> list[str]:
    """The path segments of a URL or host-and-path, without query or fragment."""
    bare = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    return [p for p in re.split(r"[?#]", bare, maxsplit=1)[0].split("/")[1:] if p]


def _is_principal(path: str, text: str, host: str) -> bool:
    """A bare service host in a principal or service-name property is an identity (`lambda.amazonaws.com`)."""
    key = path.rsplit(".", 1)[-1].lower()
    return text.lower() == host and ("principal" in key or "servicename" in key)


def _is_free_text(text: str) -> bool:
    """A script or a document (JSON definitions may be compact, without a single space)."""
    return any(c.isspace() for c in text) or text.lstrip()[:1] in ("{", "[")


SETTING_LINE = re.compile(
    r"""^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*(?:[:=][ \t]*|[ \t]+)"""
    r"""["']?([^\s"'#;,]+)["']?[ \t]*(?:[#;].*)?$"""
    r"""|^[ \t]*(?:export[ \t]+)?([A-Za-z_]\w*)=["']?([^\s"'#;,]+)["']?[ \t]+\S""",
    re.MULTILINE,
)
"""One `key value`, `key: value` or `key = value` line of a settings file inside a script or document, a shell
`export KEY=value`, or a variable set for one command (`KEY=value ./run`)."""
XML_NAMES = re.compile(r"""\b(?:xmlns(?::[\w.-]+)?|[\w.-]+:schemaLocation)\s*=\s*("[^"]*"|'[^']*')""")
"""XML namespace declarations and schema locations: identifiers that look like URLs."""

USERINFO = re.compile(r"(?<=://)[^/@\s]+@")
"""A URL's user name and password: findings show where data goes, never the credentials to get there."""


def _outside_endpoint(f: ResourceFacts, path: str, url: str, direction: Direction) -> Reference:
    # A processor's endpoint is where it sends what it holds, not data it reads: a place, judged by its classes.
    url = USERINFO.sub("***@", url)
    return Reference(
        path,
        direction,
        None,
        None,
        url,
        f"{url} is an endpoint outside AWS: where its data goes is unknown",
        place=f.role is not Role.MOVER,
    )


def _chart_source(f: ResourceFacts, path: str, text: str) -> Reference | None:
    """A Helm chart's repository or `oci://` location: a software source in the region its host names, if any."""
    if not (f.type.startswith("kubernetes:helm.sh/") and path in CHART_SOURCES and "://" in text):
        return None
    region = ENDPOINT_REGION.search(text.lower())
    return Reference(path, Direction.SOURCE, None, region.group(1) if region else None, text, place=True, artifact=True)


def _names_a_place(text: str) -> bool:
    """An ARN, URL or AWS host says where its data is: a dependency elsewhere in the property does not explain it."""
    return text.startswith("arn:") or "://" in text or AWS_HOST.match(text) is not None


def _direction(path: str, sources: tuple[str, ...], destinations: tuple[str, ...]) -> Direction:
    def hit(declared: tuple[str, ...]) -> bool:
        return any(d == path or d.startswith(path + ".") or path.startswith(d + ".") for d in declared)

    in_sources, in_destinations = hit(sources), hit(destinations)
    if in_sources and not in_destinations:
        return Direction.SOURCE
    if in_destinations and not in_sources:
        return Direction.DESTINATION
    return Direction.BOTH


class ReferenceScanner:
    """Finds the references of each resource against one stack's graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def _in_stack(self, f: ResourceFacts, target: ResourceFacts | None) -> bool:
        return (
            target is not None and target is not f and target.role is not Role.CONTROL and target.type not in KEY_TYPES
        )

    def _from_text(self, f: ResourceFacts, path: str, text: str, direction: Direction) -> Iterator[Reference]:
        if is_unknown(text) and direction is not Direction.BOTH:
            yield Reference(path, direction, None, None, "unknown during preview", f"{path} is unknown during preview")
            return
        if is_unknown(text) or (len(text) < 3 and direction is Direction.BOTH):
            return
        text = unwrap(text)  # base64, gzipped or MIME multi-part user data is judged as the script it carries
        if text.startswith("arn:") or "arn:aws" in text:
            arns = [text] if text.startswith("arn:") and " " not in text else ARN_IN_TEXT.findall(text)
            for arn in arns:
                yield from self._from_arn(f, path, arn, direction)
            # A definition or script names more than ARNs; an access policy's other text is conditions, not places.
            if direction is Direction.BOTH and _is_free_text(text) and '"Statement"' not in text:
                yield from self._from_script(f, path, ARN_IN_TEXT.sub(" ", text), direction)
            return
        bucket = S3_URL.match(text)
        if bucket:
            yield self._bucket(f, path, bucket.group(1), text, direction)
            return
        if REGION_NAME.match(text):
            yield Reference(path, direction, None, text, f"region {text}", place=True)
            return
        zone = ZONE_NAME.match(text)
        if zone:
            yield Reference(path, direction, None, zone.group(1), f"zone {text}", place=True)
            return
        image = IMAGE_HOST.search(text)
        if image:
            # Pulling an image brings code in; nothing the resource holds goes out along it.
            yield Reference(path, Direction.SOURCE, None, image.group(1), text, place=True, artifact=True)
            return
        host = AWS_HOST.match(JDBC.sub("", text))
        if host:
            found = self._aws_host(f, path, text, host.group("host").lower(), direction)
            if found is not None:
                yield found
            return
        if f.role in URL_SENDERS and OUTSIDE_URL.match(text) and not LOCAL_URL.match(text):
            yield _outside_endpoint(f, path, text, direction)
            return
        profile = inference_problem(text)
        if profile is not None:
            # A model is a place prompts go, not data of its own: it judges what the resource holds.
            yield Reference(path, direction, None, None, text, profile, place=True)
            return
        target = self.graph.by_text(text)
        if self._in_stack(f, target):
            assert target is not None
            yield Reference(path, direction, target, target.region, text)
        elif target is None and direction is not Direction.BOTH:
            yield Reference(path, direction, None, None, text, f"{text!r} names nothing in this stack")
        elif target is None and _is_free_text(text):
            yield from self._from_script(f, path, text, direction)

    def _from_script(self, f: ResourceFacts, path: str, text: str, direction: Direction) -> Iterator[Reference]:
        """Free text that runs (user data, commands, definitions): the buckets, regions, endpoints and models it
        names; a processor or mover also sends data to every endpoint outside AWS it names. A container image it
        runs is judged like an image value: software comes in, and the registry's region is no place data goes."""
        text = XML_NAMES.sub(" ", text)  # namespace and schema URLs name a vocabulary; nothing is sent to them
        for image in dict.fromkeys(m.group(0) for m in IMAGE_IN_TEXT.finditer(text)):
            region = IMAGE_IN_TEXT.match(image)
            assert region is not None
            yield Reference(path, Direction.SOURCE, None, region.group(1), image, place=True, artifact=True)
        text = IMAGE_IN_TEXT.sub(" ", text)
        if f.role in URL_SENDERS:
            for url in dict.fromkeys(u.rstrip(".,;:)]}") for u in URL_IN_TEXT.findall(text)):
                if OUTSIDE_URL.match(url) and not LOCAL_URL.match(url):
                    yield _outside_endpoint(f, path, url, direction)
        for bucket in dict.fromkeys(S3_IN_TEXT.findall(text)):
            yield self._bucket(f, path, bucket, f"s3://{bucket}", direction)
        for url in dict.fromkeys(AWS_URL_IN_TEXT.findall(text)):
            host = AWS_HOST.match(url)
            # A host that names a region is already caught by the region it names, below.
            if host and not ENDPOINT_REGION.search(host.group("host").lower()):
                found = self._aws_host(f, path, url, host.group("host").lower(), direction)
                if found is not None:
                    yield found
        for region in dict.fromkeys(REGION_IN_TEXT.findall(text)):
            if region != f.region:
                yield Reference(path, direction, None, region, f"region {region} named in {path}", place=True)
        for profile in dict.fromkeys(PROFILE_IN_TEXT.findall(text)):
            yield Reference(path, direction, None, None, profile, inference_problem(profile), place=True)
        if f.role in URL_SENDERS:
            # Settings files written or mounted as text (fluent-bit, rclone, ini, yaml): `Host logs.partner.de`
            # is read as the key it stands under, like an environment variable.
            lines = (m.group(1, 2) if m.group(1) else m.group(3, 4) for m in SETTING_LINE.finditer(text))
            for key, value in dict.fromkeys(lines):
                yield from self._from_key(f, path, key, None, value, direction)
        for inner in embedded(text):
            yield from self._from_script(f, path, inner, direction)

    def _from_key(
        self, f: ResourceFacts, path: str, key: str, parent: Any, text: str, direction: Direction
    ) -> Iterator[Reference]:
        """A bare bucket name under a bucket key, or a bare host or public IP under a place key: where a sender's
        data goes even though no scheme, ARN or AWS host says so."""
        if f.type == K8S_SECRET and path.startswith("data."):
            text = _secret_data(text)  # a Secret's `data` is base64 by definition, whatever it decodes to
        if f.role not in URL_SENDERS or is_unknown(text) or "://" in text or text.startswith("arn:"):
            return
        key = named_key(key, parent)
        fixed = FORMAT_BUCKET.match(text.strip())
        if fixed and key.endswith(".$") and _names_a_bucket(path, key, parent):
            yield self._bucket(f, path, fixed.group(1), text, direction)  # only the key varies: the bucket is fixed
            return
        if is_run_time_value(key, text) and (_names_a_bucket(path, key, parent) or PLACE_KEY.search(_normal_key(key))):
            problem = f"{path} is chosen at run time ({text}): where its data goes cannot be determined"
            yield Reference(path, direction, None, None, f"{key} = {text}", problem)
            return
        if _names_a_bucket(path, key, parent) and BUCKET_NAME.match(text):
            name = text.split("/", 1)[0]
            if name not in NOT_BUCKETS and not re.fullmatch(r"[\d.]+", name):
                yield self._bucket(f, path, name, text, direction)
                return
        if not PLACE_KEY.search(_normal_key(key)):
            return
        for item in re.split(r"[\s,;]+", text.strip()):
            host = HOST_VALUE.match(item)
            if host and not AWS_HOST.match(item) and _is_public_host(host.group("host")):
                yield _outside_endpoint(f, path, item, direction)

    def _aws_host(self, f: ResourceFacts, path: str, text: str, host: str, direction: Direction) -> Reference | None:
        """An AWS endpoint: the region its host names, else the S3 bucket it addresses, else an unknown place."""
        region = ENDPOINT_REGION.search(host)
        if region:
            return self._endpoint(f, path, text, region.group(1), direction)
        if host.split(".", 1)[0] in GLOBAL_CONTROL_HOSTS or _is_principal(path, text, host):
            return None
        s3 = S3_GLOBAL_HOST.match(host)
        if s3:
            return self._global_s3(f, path, text, host, s3.group("bucket"), direction)
        return Reference(
            path, direction, None, None, text, f"{host} names no region: where its data goes cannot be determined"
        )

    def _global_s3(
        self, f: ResourceFacts, path: str, text: str, host: str, bucket: str | None, direction: Direction
    ) -> Reference:
        """A region-less S3 host: the bucket (virtual-hosted, else the first path segment) decides the region."""
        name = bucket or next(iter(_url_segments(text)), None)
        if name:
            unplaced = f"{host} names no region and bucket {name!r} is not in this stack"
            return self._bucket(
                f, path, name, text, direction, f"{unplaced}: the region its data reaches cannot be determined"
            )
        problem = f"{host} names no region and no bucket is named: the region its data reaches cannot be determined"
        return Reference(path, direction, None, None, text, problem)

    def _endpoint(self, f: ResourceFacts, path: str, text: str, region: str, direction: Direction) -> Reference:
        """A service host name: the stack resource it names (its first label), else data of that service there."""
        bare = re.sub(r"^[a-z][a-z0-9+.-]*://", "", JDBC.sub("", text))
        s3 = S3_REGIONAL_HOST.match(re.split(r"[/:?#]", bare, maxsplit=1)[0].lower())
        if s3 is not None:
            bucket = self.graph.bucket(s3.group("bucket"))
            # Bucket names are global: a stack bucket of that name is this one, if it lives where the host says.
            if self._in_stack(f, bucket) and bucket is not None and bucket.region == s3.group("region"):
                return Reference(path, direction, bucket, bucket.region, text)
        segments = _url_segments(text)
        candidates = [text, bare.split(".", 1)[0], *(segments[-1:])]
        target = next((t for t in map(self.graph.by_text, candidates) if t is not None), None)
        if self._in_stack(f, target):
            assert target is not None
            return Reference(path, direction, target, target.region, text)
        service = ENDPOINT_SERVICE.search(text)
        control = service is not None and service.group(1) in CONTROL_ENDPOINTS
        return Reference(path, direction, None, region, f"endpoint {text}", place=control)

    def _from_arn(self, f: ResourceFacts, path: str, arn: str, direction: Direction) -> Iterator[Reference]:
        target = self.graph.by_any_arn(arn)
        if target is not None and arn_region(arn) and target.region and arn_region(arn) != target.region:
            target = None  # same name, another region: not this stack's resource
        if target is not None:
            if self._in_stack(f, target):
                yield Reference(path, direction, target, target.region, arn)
            return
        integration = APIGW_INTEGRATION.match(arn)
        if integration:
            yield from self._integration(f, path, arn, integration, direction)
            return
        if _is_control_arn(arn):
            return
        profile = inference_problem(arn)
        if profile is not None:
            yield Reference(path, direction, None, None, arn, profile, place=True)
            return
        if ":s3:::" in arn:
            yield self._bucket(f, path, arn_resource(arn).split("/", 1)[0], arn, direction)
            return
        region = arn_region(arn)
        if region is None:
            return  # a region-less ARN of a global control plane (CloudFront, IAM-like): no place to judge
        yield Reference(path, direction, None, region, arn)

    def _integration(
        self, f: ResourceFacts, path: str, arn: str, match: re.Match[str], direction: Direction
    ) -> Iterator[Reference]:
        """The ARNs an integration carries, else the S3 bucket it addresses, else its service in its region."""
        region, service, rest = match.group(1) or None, match.group(2), match.group(3)
        inner = [re.sub(r"/invocations$", "", a) for a in ARN_IN_TEXT.findall(rest)]
        if inner:
            for nested in dict.fromkeys(inner):
                yield from self._from_arn(f, path, nested, direction)
            return
        if service == "s3":
            target = self.graph.bucket(rest.split("/", 1)[0])
            if self._in_stack(f, target) and (region is None or target is None or target.region == region):
                assert target is not None
                yield Reference(path, direction, target, target.region, arn)
                return
        problem = None if region else f"{arn} names no region: where its data goes cannot be determined"
        yield Reference(path, direction, None, region, arn, problem)

    def _bucket(
        self, f: ResourceFacts, path: str, name: str, text: str, direction: Direction, problem: str | None = None
    ) -> Reference:
        """The stack's bucket of that name, else a bucket whose region cannot be read."""
        target = self.graph.bucket(name)
        if target is not None and target is not f:
            return Reference(path, direction, target, target.region, text)
        unplaced = problem or f"bucket {name!r} is not in this stack and S3 names carry no region"
        return Reference(path, direction, None, None, text, unplaced)

    def setting(self, f: ResourceFacts, path: str, name: str, value: str) -> list[Reference]:
        """The references of `value` read as the variable `name` of `f` (a value injected from elsewhere)."""
        found = list(self._from_key(f, path, name, None, value, Direction.BOTH))
        return found or list(self._from_text(f, path, value, Direction.BOTH))

    def references(self, f: ResourceFacts) -> list[Reference]:
        entry = f.entry
        sources, destinations = (entry.sources, entry.destinations) if entry else ((), ())
        found: dict[tuple[str, str, Direction], Reference] = {}
        for prop, urns in f.resource.property_dependencies.items():
            direction = _direction(prop, sources, destinations)
            for urn in urns:
                target = self.graph.by_urn.get(urn)
                if self._in_stack(f, target) and prop not in SKIPPED_KEYS and prop != "parent":
                    assert target is not None
                    found.setdefault(
                        (prop, target.urn, direction), Reference(prop, direction, target, target.region, urn)
                    )
        depended = {prop for prop, urns in f.resource.property_dependencies.items() if urns}
        props = reveal(f.props)
        for path, _, _, text in _leaves(props, "", documents=False):
            direction = _direction(path, sources, destinations)
            top = path.split(".", 1)[0]
            chart = _chart_source(f, path, text)
            if chart is not None:
                found.setdefault((path, chart.text, chart.direction), chart)
                continue
            for ref in self._from_text(f, path, text, direction):
                key = ref.target.urn if ref.target is not None else ref.text
                if ref.target is not None and (top, key, direction) in found:
                    found[(top, key, direction)] = ref  # the same dependency, named by its exact property path
                    continue
                if ref.target is None and ref.region is None and top in depended and not _names_a_place(ref.text):
                    continue  # an id or unknown value of a resource the engine names as its dependency
                found.setdefault((path, key, direction), ref)
        targets = {(ref.target.urn, ref.direction) for ref in found.values() if ref.target is not None}
        for path, name, parent, text in _leaves(props, ""):
            direction = _direction(path, sources, destinations)
            for ref in self._from_key(f, path, name, parent, text, direction):
                if ref.target is not None and (ref.target.urn, direction) in targets:
                    continue  # already found by its dependency or its name
                found.setdefault((path, ref.target.urn if ref.target is not None else ref.text, direction), ref)
        return list(found.values())
