"""Public Pulumi Python programs ported unchanged (tests/programs/<example>/; each Pulumi.dev.yaml names its source).

Only stack config is adapted: Jakarta, and where the original tags nothing, a data class for every store through the
provider's default tags. A compliant program must pass; where the original leaves something the pack cannot know,
the finding must say exactly what and how to fix it.
"""

from pathlib import Path

import pytest

from residency.gate.preview import PreviewOptions, run_preview
from tests.gate.projects import POLICY_PACK

PROGRAMS = Path(__file__).parents[1] / "programs"

# program -> (exit code, policies violated, text every violation message must contain)
PORTED: dict[str, tuple[int, set[str], str | None]] = {
    # CloudFront in front of the website endpoint of a bucket named after the domain (dots in the bucket name)
    "aws-py-static-website": (0, set(), None),
}


@pytest.mark.parametrize("name", sorted(PORTED))
def test_ported_program_previews(name: str) -> None:
    code, policies, says = PORTED[name]
    result = run_preview(PreviewOptions("dev", PROGRAMS / name, POLICY_PACK))
    messages = [v.message for v in result.violations]
    assert (result.exit_code, {v.policy for v in result.violations}) == (code, policies), messages
    if says:
        assert all(says in m for m in messages), messages
