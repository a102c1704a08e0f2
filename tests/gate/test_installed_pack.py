"""A `pip install` user has the pack: build the wheel, install it in a fresh virtualenv outside the repository and
preview a program that has no policy/ of its own."""

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.gate.projects import REPO, write_project

PROGRAM = """
aws.s3.Bucket("pii", tags={"data-class": "customer-pii"}, opts=opts(SIN))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtualenv with only the built wheel installed; its dependencies come from this environment's site."""
    base = tmp_path_factory.mktemp("wheel")
    wheels = base / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        cwd=base,
    )
    [wheel] = wheels.glob("kyc_residency-*.whl")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # The dependencies (pulumi, grpc, ...) are read from here; the editable install of this checkout is not, because
    # a path listed in a .pth file is not a site directory and its own .pth hooks never run.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        cwd=base,
    )
    return env_dir


def test_the_wheel_contains_the_pack_and_preview_uses_it(installed: Path, tmp_path: Path) -> None:
    python = installed / "bin" / "python"
    where = subprocess.run(
        [str(python), "-c", "import residency.pack, pathlib; print(pathlib.Path(residency.pack.__file__).parent)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed) and (Path(where) / "PulumiPolicy.yaml").is_file()

    root = write_project(tmp_path / "elsewhere", PROGRAM)
    assert not (root / "policy").exists()
    done = subprocess.run(
        [str(installed / "bin" / "residency"), "preview", "--stack", "dev"],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "Policy pack from" in done.stdout and "(installed with residency)" in done.stdout
    assert "restrict-data-class-region" in done.stdout and "Traceback" not in done.stderr
