"""reporting periods."""
