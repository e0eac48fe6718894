"""Evidence-based crime and violence prevention strategies."""
