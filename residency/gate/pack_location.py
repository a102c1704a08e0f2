"""Which policy pack the gate serves: `--policy-pack`, else `<project>/policy`, else the one installed with us."""

from pathlib import Path

from residency.gate.analyzer_client import PackError

PACK_ENTRY = "__main__.py"


def installed_pack() -> Path:
    """The pack shipped inside the package (`residency/pack/`), for a `pip install` user with no checkout."""
    return Path(__file__).resolve().parents[1] / "pack"


def locate_pack(explicit: Path | None, project_dir: Path) -> tuple[Path, str]:
    if explicit is not None:
        if not (explicit / PACK_ENTRY).is_file():
            raise PackError(explicit, f"has no {PACK_ENTRY} (is it a Python CrossGuard pack?)")
        return explicit.resolve(), "--policy-pack"
    local = project_dir / "policy"
    if (local / PACK_ENTRY).is_file() and (local / "PulumiPolicy.yaml").is_file():
        return local.resolve(), "the project's policy/"
    shipped = installed_pack()
    if not (shipped / PACK_ENTRY).is_file():
        raise PackError(shipped, "the installed package has no policy pack; pass --policy-pack DIR")
    return shipped, "installed with residency"
