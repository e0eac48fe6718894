"""Indicators and their reference sheets (PIRS)."""
