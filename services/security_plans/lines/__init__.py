"""Strategic lines of a plan."""
