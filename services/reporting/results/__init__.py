"""The programme's results framework: each indicator against its life-of-project target."""
