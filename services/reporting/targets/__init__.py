"""Targets of indicators: per fiscal year and for the life of the project, with history."""
