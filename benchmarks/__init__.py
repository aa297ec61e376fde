"""Benchmarks (`nox -s bench` / `python -m benchmarks`): never part of the test suite."""
