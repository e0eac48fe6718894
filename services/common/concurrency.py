"""Optimistic concurrency: integer versions exposed as ETags, checked through If-Match."""

from __future__ import annotations

from fastapi import Request, Response

from services.common.errors import PreconditionFailed, PreconditionRequired


def etag(version: int) -> str:
    """The strong ETag of a resource version."""
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)


def parse_if_match(value: str) -> set[str]:
    """The versions listed in an If-Match header ('*' kept as is, weak prefixes dropped)."""
    out = set()
    for part in value.split(","):
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        out.add(tag.strip('"') if tag != "*" else "*")
    return out


def require_if_match(request: Request, current_version: int) -> None:
    """428 when If-Match is missing, 412 when it names another version."""
    header = request.headers.get("if-match")
    if header is None:
        raise PreconditionRequired(
            "Send If-Match with the ETag you last read, so no update is lost silently."
        )
    tags = parse_if_match(header)
    if "*" in tags or str(current_version) in tags:
        return
    raise PreconditionFailed(
        f"The resource is at version {current_version}; your If-Match names another. "
        "Read it again and reapply your change.",
        headers={"ETag": etag(current_version)},
    )
