"""Data-residency domain: regions, data classes, settings, resource facts and the rules over them."""

__version__ = "0.1.0"
