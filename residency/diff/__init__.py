"""The residency diff: what data moves where between two states, for auditors and PR reviews."""
