"""A plan's execution summary: budget, indicator progress, reporting gaps."""
