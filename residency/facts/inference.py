"""Bedrock cross-region inference: a profile routes each request to a region of its geography, not its ARN's.

A system-defined inference profile's ID starts with its geography (`global.`, `us.`, `eu.`, `apac.`, `jp.`,
`au.`, `ca.`, `us-gov.`); Bedrock serves each request in whichever region of that geography has capacity, so
the region in the profile's ARN (where it is called) says nothing of where the prompt is processed. An
application inference profile may be a copy of such a profile: which regions it routes to cannot be read from
its ARN either.
"""

import re

GEOGRAPHIES = {
    "global": "any commercial AWS region worldwide",
    "us": "any US region",
    "us-gov": "any GovCloud (US) region",
    "eu": "any European region",
    "apac": "any Asia-Pacific region",
    "jp": "any region in Japan",
    "au": "any region in Australia",
    "ca": "any region in Canada",
}
PROVIDERS = (
    "anthropic|amazon|meta|mistral|cohere|deepseek|writer|twelvelabs|openai|stability|ai21|qwen|google|minimax"
    "|moonshot|nvidia"
)
"""Model providers: a bare `eu.example.com` host is not a profile ID, `eu.anthropic.claude-...` is."""
_GEO = "|".join(sorted(map(re.escape, GEOGRAPHIES), key=len, reverse=True))
PROFILE_ID = re.compile(rf"^({_GEO})\.((?:{PROVIDERS})\.[A-Za-z0-9._:-]+)$")
PROFILE_IN_TEXT = re.compile(rf"(?<![A-Za-z0-9._/-])(?:{_GEO})\.(?:{PROVIDERS})\.[A-Za-z0-9._:-]*[A-Za-z0-9]")
PROFILE_ARN = re.compile(r"^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:((?:application-)?inference-profile)/(.+)$")


def _geography_problem(profile: str) -> str | None:
    found = PROFILE_ID.match(profile)
    if found is None:
        return None
    return (
        f"cross-region inference profile {profile} sends each request to {GEOGRAPHIES[found.group(1)]}: "
        "the region that processes the data cannot be determined"
    )


def inference_problem(text: str) -> str | None:
    """Why a Bedrock model reference has no single region; None when it is served where it is called."""
    arn = PROFILE_ARN.match(text)
    if arn is None:
        return _geography_problem(text)
    if arn.group(1) == "application-inference-profile":
        return (
            f"application inference profile {text} is not in this stack and may copy a cross-region profile: "
            "the regions it sends requests to cannot be determined"
        )
    return _geography_problem(arn.group(2))
