"""Benchmarks of counter_app: `make bench` (or `python -m bench --size N`) prints medians."""
