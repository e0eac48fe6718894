"""The reporting service: indicators, targets, the IPTT and locked quarters (port 8005)."""
