"""iptt."""
