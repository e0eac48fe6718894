"""Actions (projects) of a plan, under its strategic lines."""
