"""Entry point the Pulumi engine (or the offline gate) starts; building the pack serves gRPC and blocks."""

from residency.pack.build import build_pack

build_pack()
