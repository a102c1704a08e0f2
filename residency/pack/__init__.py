"""The CrossGuard policy pack, shipped inside the package so a `pip install` user has it (see pack_location)."""
