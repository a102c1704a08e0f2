"""Movers that a clock starts: they carry only what their inputs name, never "data nobody can identify".

A mover that reads nothing identifiable is judged as the most restricted class (fail closed). A schedule is the
exception: an EventBridge rule with a schedule expression and no event pattern fires a fixed "Scheduled Event"
with no data in it, and an EventBridge Scheduler schedule sends its target the input the program wrote. What such
a target or schedule delivers is its input text, whose references the pack already follows; nothing else flows.

Still judged as the most restricted class (events can carry data): a rule with an event pattern, a rule the pack
cannot find or whose settings are unknown during preview, and a Scheduler universal target (`aws-sdk:` ARNs call
an AWS API with the input, e.g. copying an object).
"""

from residency.facts.graph import Graph
from residency.facts.resource import ResourceFacts
from residency.facts.values import is_unknown, reveal

EVENT_RULE = "aws:cloudwatch/eventRule:EventRule"
EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget"
SCHEDULE = "aws:scheduler/schedule:Schedule"
UNIVERSAL_TARGET = "arn:aws:scheduler:::aws-sdk:"


def _rule_of(f: ResourceFacts, graph: Graph) -> ResourceFacts | None:
    rules = graph.dependencies(f, "rule", (EVENT_RULE,))
    if len(rules) == 1:
        return rules[0]
    return graph.named((EVENT_RULE,), reveal(f.props.get("rule"))) if not rules else None


def _schedule_only(rule: ResourceFacts) -> bool:
    schedule = reveal(rule.props.get("scheduleExpression"))
    pattern = reveal(rule.props.get("eventPattern"))
    return isinstance(schedule, str) and bool(schedule) and not is_unknown(schedule) and not pattern


def clock_started(f: ResourceFacts, graph: Graph) -> str | None:
    """Why `f` carries nothing but what its inputs name (it is started by a schedule), or None."""
    if f.type == EVENT_TARGET:
        rule = _rule_of(f, graph)
        if rule is not None and _schedule_only(rule):
            return f"{f.resource.name} is started by the schedule of rule {rule.resource.name}, which carries no data"
        return None
    if f.type == SCHEDULE:
        arn = reveal((reveal(f.props.get("target")) or {}).get("arn"))
        if isinstance(arn, str) and arn and not is_unknown(arn) and not arn.startswith(UNIVERSAL_TARGET):
            return f"{f.resource.name} is a schedule: it sends its target only the input it names"
    return None
