"""The diagnosis of a plan: its prioritised problems with baselines."""
