"""Composition only: read config once, build one provider per region, loop over the platform declaration."""
