"""Entry point the Pulumi engine starts; the rules live in the `kyc-residency` package (requirements.txt)."""

from residency.pack.build import build_pack

build_pack()
