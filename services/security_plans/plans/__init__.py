"""Security plans (PISCC): create, read with content, change in formulation, lifecycle."""
