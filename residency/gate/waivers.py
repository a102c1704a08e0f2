"""Read the pack's `residency-exceptions` diagnostics back into waived findings and stale exceptions.

The pack cannot report a finding as "waived" through the Analyzer protocol, so it leaves waived findings out of
their own policy and shows them under the advisory `residency-exceptions` policy; the gate restores them as
findings of their policy, carrying the exception from the stack's own config.
"""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from residency.model.clock import today
from residency.model.exceptions import Waiver
from residency.model.findings import Finding, Level
from residency.rules import EXCEPTIONS_POLICY
from residency.rules.context import read_exceptions

_WAIVED = re.compile(
    r"^waived (?P<policy>\S+) by residency:exceptions\[(?P<index>\d+)\]: (?P<message>.*)\n\(.*\)$", re.S
)


def restore_waived(findings: Sequence[Finding], config: Mapping[str, Any], levels: Mapping[str, str]) -> list[Finding]:
    entries, _ = read_exceptions(config, today())
    out = []
    for f in findings:
        match = _WAIVED.match(f.message) if f.policy == EXCEPTIONS_POLICY else None
        index = int(match["index"]) if match else -1
        if match is None or index >= len(entries) or entries[index].policy != match["policy"]:
            if f.policy == EXCEPTIONS_POLICY and f.message.startswith("waived "):
                # A waiver the gate cannot trace to an exception in this stack's config waives nothing.
                policy = match["policy"] if match else EXCEPTIONS_POLICY
                message = f"{f.message.splitlines()[0]} (the waiver matches no valid exception: not waived)"
                out.append(Finding(policy, Level.MANDATORY, message, f.urn))
            else:
                out.append(f)  # stale notices stay as they are
            continue
        level = Level.parse(levels.get(match["policy"], Level.MANDATORY.value))
        out.append(Finding(match["policy"], level, match["message"], f.urn, waiver=Waiver(index, entries[index])))
    return out
