"""The Somos API gateway: one front door, one OpenAPI contract, composed views."""
