"""`residency known-resources`: the classes of another stack's resources, as a policy-pack config for the CLI.

A pack sees one stack. A replica whose source lives in another stack is judged as the most restricted class unless
the pack is told the source's class by a trusted job: this writes that config from the other stack's plan, stack
export or checkpoint, for `pulumi preview --policy-pack policy --policy-pack-config FILE`.
"""

import json
from pathlib import Path

import click

from residency.commands.errors import one_line_errors
from residency.diff.readers import read_side
from residency.files import check_writable, write_atomically
from residency.model.data_classes import parse_data_class

POLICIES = ("restrict-data-class-region", "restrict-cross-region-replication")
KEY = "knownResources"


def known_resources(paths: list[Path]) -> dict[str, str]:
    known: dict[str, str] = {}
    for path in paths:
        for row in read_side(path, "after").rows.values():
            arn, data_class = row.get("arn"), parse_data_class(row.get("dataClass"))
            if isinstance(arn, str) and arn and data_class is not None:
                known[arn] = data_class.value
    return dict(sorted(known.items()))


def policy_config(known: dict[str, str], base: dict[str, object] | None = None) -> dict[str, object]:
    config: dict[str, object] = dict(base or {})
    for policy in POLICIES:
        entry = config.get(policy)
        props = dict(entry) if isinstance(entry, dict) else ({"enforcementLevel": entry} if entry else {})
        props[KEY] = {**known, **(props.get(KEY) or {})}  # type: ignore[dict-item]
        config[policy] = props
    return config


@click.command("known-resources")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), help="Write the policy-pack config here (else stdout).")
def known(sources: tuple[Path, ...], out: Path | None) -> None:
    """Write a policy-pack config naming the data class of every resource in SOURCES (other stacks' plans,
    `pulumi stack export` files or checkpoints), so the pack can judge copies whose source lives there."""
    with one_line_errors():
        if out is not None:
            check_writable(out)
        text = json.dumps(policy_config(known_resources(list(sources))), indent=2) + "\n"
        if out is None:
            click.echo(text, nl=False)
        else:
            write_atomically(out, text)
