"""Find every resource type an installed provider SDK can register, by reading its generated source.

The SDKs are read as text (ast), not imported: importing all of pulumi_aws takes a minute and the catalogue test
runs in CI.
"""

import ast
import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"^[a-z0-9-]+:[A-Za-z0-9_./-]+:[A-Za-z0-9]+$")
_SKIP_ARGS = frozenset({"__self__", "resource_name", "opts", "__props__"})


@dataclass(frozen=True, slots=True)
class TypeInfo:
    token: str
    inputs: tuple[str, ...]
    """Input property names as the engine sends them (camelCase)."""
    python_module: str = ""
    class_name: str = ""
    required: tuple[str, ...] = ()
    """Python argument names the SDK refuses to construct the resource without."""

    @property
    def module(self) -> str:
        return self.token.split(":")[1].split("/")[0]

    @property
    def name(self) -> str:
        return self.token.rsplit(":", 1)[1]

    @property
    def taggable(self) -> bool:
        return "tags" in self.inputs


def package_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def _is_custom_resource(node: ast.ClassDef) -> bool:
    return any(isinstance(b, ast.Attribute) and b.attr == "CustomResource" for b in node.bases)


def _getter_names(node: ast.ClassDef) -> dict[str, str]:
    """Python property name -> engine name, from `@pulumi.getter(name="camelName")`."""
    names: dict[str, str] = {}
    for item in node.body:
        if not isinstance(item, ast.FunctionDef):
            continue
        for deco in item.decorator_list:
            if isinstance(deco, ast.Call) and getattr(deco.func, "attr", "") == "getter":
                for kw in deco.keywords:
                    if kw.arg == "name" and isinstance(kw.value, ast.Constant):
                        names[item.name] = str(kw.value.value)
    return names


_REQUIRED = re.compile(r"Missing required property '(\w+)'")


def _required(init: ast.FunctionDef) -> tuple[str, ...]:
    found = []
    for node in ast.walk(init):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = _REQUIRED.match(node.value)
            if match:
                found.append(match.group(1))
    return tuple(found)


def _token_and_inputs(node: ast.ClassDef) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    init = next((i for i in node.body if isinstance(i, ast.FunctionDef) and i.name == "_internal_init"), None)
    if init is None:
        return None
    token = None
    for call in ast.walk(init):
        if (
            isinstance(call, ast.Call)
            and getattr(call.func, "attr", "") == "__init__"
            and call.args
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and _TOKEN.match(call.args[0].value)
        ):
            token = call.args[0].value
    if token is None:
        return None
    getters = _getter_names(node)
    args = [a.arg for a in init.args.args + init.args.kwonlyargs if a.arg not in _SKIP_ARGS]
    return token, tuple(getters.get(a, _camel(a)) for a in args), _required(init)


def discover(package: str) -> Iterator[TypeInfo]:
    """Every CustomResource type of an installed provider package (empty when it is not installed)."""
    root = package_dir(package)
    if root is None:
        return
    for path in sorted(root.rglob("*.py")):
        if path.name.startswith("_") and path.name != "__init__.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "CustomResource" not in text:
            continue
        relative = path.relative_to(root.parent).with_suffix("")
        module = ".".join(relative.parts[:-1] if relative.name == "__init__" else relative.parts)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and _is_custom_resource(node):
                found = _token_and_inputs(node)
                if found is not None:
                    token, inputs, required = found
                    yield TypeInfo(token, inputs, module, node.name, required)


def installed_types(package: str) -> dict[str, TypeInfo]:
    return {t.token: t for t in discover(package)}
