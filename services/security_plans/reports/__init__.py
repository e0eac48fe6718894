"""Quarterly progress reports of a plan's actions."""
