"""Entry point the Pulumi engine starts; it only builds the pack (PolicyPack serves gRPC and blocks)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pack import build_pack  # noqa: E402 - the pack directory must be importable first

build_pack()
