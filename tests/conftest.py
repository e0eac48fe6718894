"""Suite-wide fixtures come from the kit's pytest plugin."""

pytest_plugins = ["services.common.testing"]
