"""A kept-alive pack serves stack after stack without one stack's config leaking into the next."""

from collections.abc import Mapping
from pathlib import Path

import pytest

from residency.gate import pack_pool
from residency.gate.analyzer_client import DEFAULT_TIMEOUT_S, PackServer
from tests.gate.projects import ID_SG, preview, write_project

PROGRAM = 'bucket("b", "customer-pii", SIN)'


def test_one_shared_pack_judges_each_stack_by_its_own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pack_pool.SHARED_ENV, "1")
    started: list[PackServer] = []

    def counting(pack_dir: Path, env: Mapping[str, str], timeout: float = DEFAULT_TIMEOUT_S) -> PackServer:
        server = PackServer(pack_dir, env, timeout)
        started.append(server)
        return server

    monkeypatch.setattr(pack_pool, "PackServer", counting)
    pack_pool._stop_all()
    opted_in = write_project(tmp_path / "sg", PROGRAM, org=ID_SG)
    id_only = write_project(tmp_path / "id", PROGRAM)
    verdicts = [
        bool([v for v in preview(root).mandatory if v.policy == "restrict-data-class-region"])
        for root in (opted_in, id_only, opted_in, id_only)
    ]
    assert verdicts == [False, True, False, True]
    assert len(started) == 1


def test_without_the_switch_each_run_starts_and_stops_its_own_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(pack_pool.SHARED_ENV)
    pack_pool._stop_all()
    assert preview(write_project(tmp_path / "id", PROGRAM)).mandatory
    assert pack_pool._idle == {}
