"""A program that registers one instance of every catalogued pulumi_aws type of some roles, on one provider.

Required arguments get a dummy value (an enum's first member where the SDK checks it); a type the SDK still refuses
to construct is listed in the `skipped` stack output instead of failing the program.
"""

import json

from residency.catalogue.discover import installed_types
from residency.model.catalogue import Role, entry_for

TEMPLATE = """
import importlib
import inspect
import re

SPEC = {spec}
PROVIDER = {provider}


def dummy(module, cls, arg):
    note = str(inspect.signature(cls._internal_init).parameters[arg].annotation)
    for enum_module in (module.rsplit(".", 1)[0] + "._enums", "pulumi_aws._enums"):
        try:
            enums = importlib.import_module(enum_module)
        except ImportError:
            continue
        for name in re.findall(r"'(\\w+)'", note):
            enum = getattr(enums, name, None)
            if enum is not None:
                return list(enum)[0].value
    return "x"


skipped = []
for index, (module, name, required, token) in enumerate(SPEC):
    cls = getattr(importlib.import_module(module), name)
    try:
        cls(f"r{{index}}", opts=pulumi.ResourceOptions(provider=PROVIDER),
            **{{arg: dummy(module, cls, arg) for arg in required}})
    except Exception as exc:
        skipped.append(f"{{token}}: {{exc}}")
pulumi.export("skipped", skipped)
"""


def tokens(roles: frozenset[Role]) -> list[str]:
    return sorted(t for t in installed_types("pulumi_aws") if entry_for(t).role in roles)


def program(roles: frozenset[Role], provider: str) -> str:
    types = installed_types("pulumi_aws")
    spec = [(types[t].python_module, types[t].class_name, list(types[t].required), t) for t in tokens(roles)]
    return TEMPLATE.format(spec=json.dumps(spec), provider=provider)
