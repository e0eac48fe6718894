"""Aggregates for monitoring: all plans, and one municipality's summary."""
