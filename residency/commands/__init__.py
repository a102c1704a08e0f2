"""One CLI command per file; `residency.cli` assembles them."""
