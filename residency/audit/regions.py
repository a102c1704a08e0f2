"""Which regions to audit: every region enabled for the account, or the list given."""

from botocore.exceptions import BotoCoreError, ClientError

from residency.audit.clients import ClientFactory
from residency.audit.reasons import reason
from residency.model.errors import ResidencyConfigError

DISCOVERY_REGION = "us-east-1"


class RegionListingError(ResidencyConfigError):
    """`--regions all` could not be answered: nothing was read, so the account is not audited (exit 3)."""


def resolve_regions(factory: ClientFactory, spec: str) -> list[str]:
    if spec != "all":
        # Each region once, in the order given: a region named twice was scanned twice, counting its findings twice.
        regions = list(dict.fromkeys(r.strip() for r in spec.split(",") if r.strip()))
        if not regions:
            raise ResidencyConfigError("--regions", "give 'all' or a comma-separated list such as ap-southeast-3")
        known = factory.session.get_available_regions("ec2") or regions
        unknown = [r for r in regions if r not in known]
        if unknown:
            raise ResidencyConfigError(
                "--regions", f"{unknown[0]!r} is not an AWS region; e.g. ap-southeast-3, ap-southeast-1, us-east-1"
            )
        return regions
    try:
        answer = factory.client("ec2", DISCOVERY_REGION).describe_regions(AllRegions=False)
    except (ClientError, BotoCoreError) as exc:
        raise RegionListingError(
            "--regions all", f"cannot list the account's regions ({reason(exc)}); pass --regions R1,R2"
        ) from None
    names: set[str] = set()
    for listed in answer["Regions"]:
        name = listed.get("RegionName") if isinstance(listed, dict) else None
        if not isinstance(name, str) or not name:
            raise RegionListingError("--regions all", "the region listing names a region without a RegionName")
        names.add(name)
    regions = sorted(names)
    if not regions:  # every account has enabled regions: an empty list is not the account's answer
        raise RegionListingError("--regions all", "the account lists no enabled region; pass --regions R1,R2")
    return regions
