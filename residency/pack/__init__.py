"""The CrossGuard policy pack, shipped inside the package so a `pip install` user has it (see pack_location)."""

CONFIG_FILE_ENV = "RESIDENCY_STACK_CONFIG_FILE"
"""The offline gate passes a stack config too large for the environment (E2BIG) in this file instead."""
