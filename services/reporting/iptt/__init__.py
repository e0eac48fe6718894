"""The Indicator Performance Tracking Table (IPTT), in JSON, Excel and CSV."""
