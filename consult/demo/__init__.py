"""The demo consultation created by `flask seed-demo` (and `make run`)."""
