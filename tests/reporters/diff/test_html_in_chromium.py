"""The archived HTML renders in a real headless browser (Debian's chromium) without errors."""

import shutil
import subprocess
from pathlib import Path

import pytest

from residency.reporters.diff import DIFF_REPORTERS
from tests.reporters.diff.test_diff_snapshots import REPO, plan_diff

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def test_chromium_is_installed() -> None:
    assert Path(CHROMIUM).exists(), "install Debian's chromium (make test does: apt-get install chromium)"


@pytest.mark.parametrize("name", ["replication", "protection"])
def test_html_renders_without_errors(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    page = tmp_path / "diff.html"
    page.write_text(DIFF_REPORTERS["html"](plan_diff(name)))
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'id="verdict"' in dom.stdout and "Residency diff" in dom.stdout
    assert "Uncaught" not in dom.stderr and "CONSOLE" not in dom.stderr.upper().replace("CONSOLE_", "")
    shot = tmp_path / "diff.png"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            "--window-size=1200,900",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 5000
    if name == "replication":
        assert "<svg" in dom.stdout and "customer-pii (added)" in dom.stdout
