"""The mock engine: launch a program in a child process, record its registrations as the engine would see them."""
