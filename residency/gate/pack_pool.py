"""One policy pack process per gate run, as the engine does; or, with RESIDENCY_SHARED_PACK=1, one kept alive and
served stack after stack (the test suite sets it, so end-to-end suites do not start a pack per program).

A shared pack gets each stack's config through ConfigureStack, never through its environment, so what one stack
configured cannot leak into the next; a pack that failed is stopped and never handed out again.
"""

import atexit
import contextlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from residency.gate.analyzer_client import PackServer
from residency.pack import CONFIG_FILE_ENV

SHARED_ENV = "RESIDENCY_SHARED_PACK"
_STACK_ENV = ("PULUMI_CONFIG", "PULUMI_PROJECT", "PULUMI_STACK", "PULUMI_CONFIG_SECRET_KEYS", CONFIG_FILE_ENV)
_idle: dict[tuple[Path, tuple[tuple[str, str], ...]], list[PackServer]] = {}


def _stop_all() -> None:
    for servers in _idle.values():
        for server in servers:
            server.stop()
    _idle.clear()


atexit.register(_stop_all)


@contextlib.contextmanager
def serving(pack_dir: Path, env: Mapping[str, str], timeout: float) -> Iterator[PackServer]:
    if os.environ.get(SHARED_ENV) != "1":
        with PackServer(pack_dir, env, timeout) as pack:
            yield pack
        return
    shared_env = {k: v for k, v in env.items() if k not in _STACK_ENV}
    # The pack also inherits this process's environment: a pack started under other AWS_/PULUMI_/RESIDENCY_
    # settings is never handed to a run that has different ones.
    inherited = {k: v for k, v in os.environ.items() if k.startswith(("AWS_", "PULUMI_", "RESIDENCY_"))}
    key = (pack_dir.resolve(), tuple(sorted({**inherited, **shared_env}.items())))
    idle = _idle.setdefault(key, [])
    pack = idle.pop() if idle else PackServer(pack_dir, shared_env, timeout)
    pack.renew(timeout)
    try:
        yield pack
    except BaseException:
        pack.stop()
        raise
    if pack.alive():
        idle.append(pack)
