"""One RegionalKey per (region, collection, data class), created on first use."""

from components.key import RegionalKey, RegionalKeyArgs
from components.placement import Placement, Residence


class KeyRing:
    def __init__(self) -> None:
        self._keys: dict[tuple[str, str, str], RegionalKey] = {}

    def key_for(self, residence: Residence, placement: Placement) -> RegionalKey:
        ident = (placement.region.value, residence.collection_name, residence.data_class.value)
        if ident not in self._keys:
            name = "-".join(ident)
            self._keys[ident] = RegionalKey(name, RegionalKeyArgs(residence, placement))
        return self._keys[ident]
