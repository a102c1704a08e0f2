"""Program entry: pick the stack's role from its region and build it."""

import pulumi

from components.placement import ResidencyComponentError
from residency.model.errors import ResidencyConfigError
from residency.model.regions import Region
from stacks.config import read_stack_context
from stacks.primary import build_primary
from stacks.replica import build_replica


def main() -> None:
    try:
        ctx = read_stack_context()
        if ctx.region is Region.ID_JKT_1:
            build_primary(ctx)
        else:
            build_replica(ctx)
    except (ResidencyConfigError, ResidencyComponentError) as exc:
        # RunError makes the CLI print the message alone, without a Python traceback.
        raise pulumi.RunError(str(exc)) from None
