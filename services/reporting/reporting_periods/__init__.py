"""Reporting periods: quarters submitted (their figures frozen) and reopened."""
