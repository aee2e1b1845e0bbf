"""The benchmark harness of issue 7: seed, serve, measure (see bench/README.md)."""
