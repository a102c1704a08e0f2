"""Answers for data sources (invokes) on the mock engine, consistent with the region of the call.

An invoke the gate does not know answers every text field of its result with a marker that names it
(`unknown-until-deploy:getParameter.value`) and every other field with None: never a made-up value. A marker is
not empty, so a program's fallback (`value or "ap-southeast-3"`) does not replace what the real run will read, and
the residency rules fail closed wherever a marker decides a region or a data class. What the gate cannot know about
existing infrastructure (the region of a bucket found by name) is a marker too.
"""

import base64
import importlib
import re
from typing import Any, Optional

from residency.facts.values import UNTIL_DEPLOY, arn_region
from residency.gate.engine.arns import ACCOUNT, digest
from residency.gate.engine.policy_document import render_policy_document

ZONES = {
    "us-east-1": "abcdef",
    "ap-southeast-3": "abc",
    "ap-southeast-1": "abc",
    "eu-west-1": "abc",
    "ap-northeast-1": "acd",
    "us-west-2": "abcd",
}
ZONE_ID_PREFIX = {"us-east-1": "use1", "ap-southeast-3": "apse3", "ap-southeast-1": "apse1", "eu-west-1": "euw1"}


def _zones(r: str) -> dict[str, Any]:
    letters = ZONES.get(r, "abc")
    prefix = ZONE_ID_PREFIX.get(r, r.replace("-", "")[:6])
    return {
        "names": [f"{r}{c}" for c in letters],
        "zoneIds": [f"{prefix}-az{i + 1}" for i in range(len(letters))],
        "groupNames": [r],
        "id": r,
        "region": r,
    }


def _vpc(r: str) -> dict[str, Any]:
    vpc = f"vpc-{digest('vpc', r, length=17)}"
    return {
        "id": vpc,
        "cidrBlock": "172.31.0.0/16",
        "default": True,
        "state": "available",
        "region": r,
        "arn": f"arn:aws:ec2:{r}:{ACCOUNT}:vpc/{vpc}",
        "ownerId": ACCOUNT,
        "instanceTenancy": "default",
        "mainRouteTableId": f"rtb-{digest('rtb', r, length=17)}",
        "enableDnsSupport": True,
        "enableDnsHostnames": True,
        "dhcpOptionsId": f"dopt-{digest('dopt', r, length=8)}",
    }


def _subnet_ids(r: str) -> list[str]:
    return [f"subnet-{digest('subnet', r, c, length=17)}" for c in ZONES.get(r, "abc")]


def _subnet(r: str, args: dict[str, Any]) -> dict[str, Any]:
    ids = _subnet_ids(r)
    wanted = args.get("id")
    sid: str = wanted if isinstance(wanted, str) and wanted in ids else ids[0]
    zone = f"{r}{ZONES.get(r, 'abc')[ids.index(sid)]}"
    return {
        "id": sid,
        "vpcId": _vpc(r)["id"],
        "availabilityZone": zone,
        "cidrBlock": f"172.31.{16 * ids.index(sid)}.0/20",
        "arn": f"arn:aws:ec2:{r}:{ACCOUNT}:subnet/{sid}",
        "defaultForAz": True,
        "mapPublicIpOnLaunch": True,
        "state": "available",
        "ownerId": ACCOUNT,
        "region": r,
    }


def _ami(r: str, args: dict[str, Any]) -> dict[str, Any]:
    ami = f"ami-{digest('ami', r, str(args.get('filters')), length=17)}"
    return {
        "id": ami,
        "imageId": ami,
        "architecture": "x86_64",
        "name": "al2023-ami-2023.6.20250101.0-kernel-6.1-x86_64",
        "ownerId": "137112412989",
        "rootDeviceName": "/dev/xvda",
        "rootDeviceType": "ebs",
        "virtualizationType": "hvm",
        "state": "available",
        "arn": f"arn:aws:ec2:{r}::image/{ami}",
        "region": r,
    }


def _kms_key(r: str, args: dict[str, Any]) -> dict[str, Any]:
    ref = str(args.get("keyId") or "")
    region = arn_region(ref) or r
    key_id = (
        ref.rsplit("/", 1)[-1]
        if ref.startswith("arn:")
        else (
            ref
            if re.fullmatch(r"[0-9a-f-]{36}", ref)
            else digest("key", ref, length=8) + "-0000-4000-8000-" + digest("key2", ref, length=12)
        )
    )
    return {
        "id": key_id,
        "keyId": key_id,
        "arn": f"arn:aws:kms:{region}:{ACCOUNT}:key/{key_id}",
        "enabled": True,
        "keyManager": "CUSTOMER",
        "keyState": "Enabled",
        "multiRegion": False,
        "region": region,
    }


def _answer(token: str, args: dict[str, Any], r: str) -> dict[str, Any] | None:
    name = token.split(":")[-1]
    match name:
        case "getRegion":
            return {"name": r, "region": r, "id": r, "endpoint": f"ec2.{r}.amazonaws.com", "description": r}
        case "getCallerIdentity":
            return {
                "accountId": ACCOUNT,
                "arn": f"arn:aws:iam::{ACCOUNT}:user/preview",
                "userId": "AIDAPREVIEW",
                "id": ACCOUNT,
            }
        case "getPartition":
            return {"partition": "aws", "dnsSuffix": "amazonaws.com", "id": "aws", "reverseDnsPrefix": "com.amazonaws"}
        case "getAvailabilityZones":
            return _zones(r)
        case "getAmi":
            return _ami(r, args)
        case "getAmiIds":
            return {"ids": [_ami(r, args)["id"]], "id": r}
        case "getVpc":
            return _vpc(r)
        case "getSubnets":
            return {"ids": _subnet_ids(r), "id": r}
        case "getSubnet":
            return _subnet(r, args)
        case "getPolicyDocument":
            return render_policy_document(args)
        case "getKey":
            return _kms_key(r, args)
        case "getZone":
            zone = "Z" + digest("zone", str(args.get("name")), length=20).upper()
            return {
                "zoneId": zone,
                "id": zone,
                "name": str(args.get("name") or "example.com").rstrip("."),
                "arn": f"arn:aws:route53:::hostedzone/{zone}",
                "privateZone": bool(args.get("privateZone")),
                "nameServers": [f"ns-{i}.awsdns-0{i}.net" for i in range(1, 5)],
            }
        case "getAuthorizationToken":
            token_value = base64.b64encode(b"AWS:preview-token").decode()
            return {
                "authorizationToken": token_value,
                "userName": "AWS",
                "password": "preview-token",
                "proxyEndpoint": f"https://{ACCOUNT}.dkr.ecr.{r}.amazonaws.com",
                "expiresAt": "2099-01-01T00:00:00Z",
                "id": r,
            }
        case "getSecretVersion":
            ref = str(args.get("secretId") or "secret")
            region = arn_region(ref) or r
            return {
                "arn": ref if ref.startswith("arn:") else f"arn:aws:secretsmanager:{region}:{ACCOUNT}:secret:{ref}",
                "id": ref,
                "secretId": ref,
                "secretString": "{}",
                "versionId": digest("v", ref, length=32),
                "versionStages": ["AWSCURRENT"],
            }
        case "getBucket":
            # a bucket found by name lives wherever it was made: the caller's region says nothing about it
            bucket = str(args.get("bucket"))
            return {
                "bucket": bucket,
                "id": bucket,
                "arn": f"arn:aws:s3:::{bucket}",
                "region": unknown_marker(token, "region"),
                "bucketDomainName": f"{bucket}.s3.amazonaws.com",
                "bucketRegionalDomainName": unknown_marker(token, "bucketRegionalDomainName"),
            }
    return None


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def unknown_marker(token: str, field: str) -> str:
    """What the gate answers for a text value only the real run can read."""
    return f"{UNTIL_DEPLOY}{token.rsplit(':', 1)[-1]}.{field}"


def _is_text(annotation: object) -> bool:
    return annotation is str or annotation == Optional[str]  # noqa: UP045 - the SDK writes typing.Optional


def result_fields(token: str) -> list[tuple[str, bool]]:
    """The wire names of an invoke's result fields, and whether each is text, read from the generated SDK (empty
    if it is not installed)."""
    try:
        package, module, function = token.split(":")
        path = module.split("/")[0]
        sub = "" if path == "index" else "." + path.replace("/", ".")
        mod = importlib.import_module(f"pulumi_{package.replace('-', '_')}{sub}.{_snake(function)}")
    except (ValueError, ImportError):
        return []
    for attr, cls in vars(mod).items():
        if attr.endswith("Result") and not attr.startswith("Awaitable") and isinstance(cls, type):
            return [
                (getattr(p.fget, "_pulumi_name", key), _is_text(p.fget.__annotations__.get("return")))
                for key, p in vars(cls).items()
                if isinstance(p, property) and p.fget is not None
            ]
    return []


def answer_invoke(token: str, args: dict[str, Any], region: str | None) -> dict[str, Any]:
    known = _answer(token, args, region or "") if token.startswith("aws:") and region else None
    if known is not None:
        return known
    return {name: unknown_marker(token, name) if text else None for name, text in result_fields(token)}


def is_known_invoke(token: str) -> bool:
    return token.startswith("aws:") and _answer(token, {}, "ap-southeast-3") is not None
