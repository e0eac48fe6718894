"""Attendees' personal data at rest: AES-256-GCM with rotating keys, keyed document hashes.

Every attendee row stores one ciphertext (``nonce || AES-GCM(json)``) and the id of the key
that sealed it; the row's ids are the associated data, so a ciphertext moved to another row
does not decrypt. Duplicate documents are found through an HMAC of (event, type, number): equal
within one event, unlinkable across events, useless without the key. A second HMAC of (type,
number), with a key derived for that purpose, finds one person's records across events for
habeas data requests (Ley 1581 de 2012).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import sys
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from services.common.db import asyncpg_dsn
from services.common.settings import InsecureConfiguration
from services.events.models import Attendee
from services.events.settings import EventsSettings

NONCE_BYTES = 12
PERSON_HASH_CONTEXT = b"somos-events|person-hash|v1"
KEY_BYTES = 32


class PiiKeyError(RuntimeError):
    """A key is missing, malformed, or does not open a ciphertext (no key material inside)."""


@dataclass(frozen=True)
class Keyring:
    """The encryption keys by id, the active one, and the document-hash key."""

    keys: Mapping[str, bytes]
    active_key_id: str
    hash_key: bytes
    # One cipher per key, made once: a list page opens fifty payloads with the same key.
    _ciphers: dict[str, AESGCM] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.active_key_id not in self.keys:
            raise PiiKeyError(
                f"the active PII key id '{self.active_key_id}' is not among the "
                f"configured keys ({', '.join(sorted(self.keys))})"
            )
        for key_id, key in self.keys.items():
            if len(key) != KEY_BYTES:
                raise PiiKeyError(f"PII key '{key_id}' must be {KEY_BYTES} bytes")
        if len(self.hash_key) < KEY_BYTES:
            raise PiiKeyError(f"the PII hash key must be at least {KEY_BYTES} bytes")
        ciphers = {key_id: AESGCM(key) for key_id, key in self.keys.items()}
        object.__setattr__(self, "_ciphers", ciphers)

    def seal(self, payload: Mapping[str, Any], *, aad: bytes) -> tuple[str, bytes]:
        """Encrypt a JSON payload with the active key: (key id, nonce || ciphertext)."""
        nonce = os.urandom(NONCE_BYTES)
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        sealed = self._ciphers[self.active_key_id].encrypt(nonce, data, aad)
        return self.active_key_id, nonce + sealed

    def open(self, key_id: str, blob: bytes, *, aad: bytes) -> dict[str, Any]:
        """Decrypt and authenticate a payload sealed by ``seal``."""
        cipher = self._ciphers.get(key_id)
        if cipher is None:
            raise PiiKeyError(
                f"PII key '{key_id}' is not configured; add it to "
                "SOMOS_EVENTS_PII_KEYS (rotation keeps old keys until re-encrypted)"
            )
        try:
            data = cipher.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
        except InvalidTag as exc:
            raise PiiKeyError("a stored attendee record failed authentication") from exc
        result: dict[str, Any] = json.loads(data)
        return result

    def document_hash(self, *, event_id: uuid.UUID, document_type: str, number: str) -> bytes:
        """HMAC-SHA256 of the normalised document within one event."""
        message = f"{event_id}|{document_type}|{normalize_document(number)}".encode()
        return hmac.new(self.hash_key, message, hashlib.sha256).digest()

    def person_hash(self, *, document_type: str, number: str) -> bytes:
        """HMAC-SHA256 of the normalised document in every event (habeas data requests).

        Keyed with a key derived from the hash key for this purpose only, so it matches no
        per-event document hash.
        """
        key = hmac.new(self.hash_key, PERSON_HASH_CONTEXT, hashlib.sha256).digest()
        message = f"{document_type}|{normalize_document(number)}".encode()
        return hmac.new(key, message, hashlib.sha256).digest()


def attendee_aad(attendee_id: uuid.UUID, event_id: uuid.UUID) -> bytes:
    """Associated data binding a ciphertext to its row."""
    return f"somos-attendee|{attendee_id}|{event_id}".encode()


def open_attendee(keyring: Keyring, attendee: Attendee) -> dict[str, Any]:
    """The decrypted personal fields of one attendee row."""
    return keyring.open(
        attendee.pii_key_id,
        attendee.pii_ciphertext,
        aad=attendee_aad(attendee.id, attendee.event_id),
    )


def open_attendee_row(keyring: Keyring, row: Mapping[str, Any]) -> dict[str, Any]:
    """``open_attendee`` of a raw row (the lean list reads rows, not records)."""
    aad = attendee_aad(row["id"], row["event_id"])
    return keyring.open(row["pii_key_id"], row["pii_ciphertext"], aad=aad)


def normalize_document(number: str) -> str:
    """Document numbers compare without spaces, dots or dashes, case-insensitively."""
    return "".join(c for c in number if c.isalnum()).upper()


def _b64(value: str, what: str) -> bytes:
    try:
        return base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PiiKeyError(f"{what} is not valid base64") from exc


def parse_keys(text: str) -> dict[str, bytes]:
    """'k1:base64,k2:base64' → {'k1': b'...', 'k2': b'...'}."""
    keys: dict[str, bytes] = {}
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        key_id, sep, encoded = part.partition(":")
        key_id = key_id.strip()
        if not sep or not key_id or len(key_id) > 40:
            raise PiiKeyError("SOMOS_EVENTS_PII_KEYS entries must look like 'keyid:base64key'")
        keys[key_id] = _b64(encoded, f"PII key '{key_id}'")
    if not keys:
        raise PiiKeyError("SOMOS_EVENTS_PII_KEYS holds no key")
    return keys


def generate_key() -> str:
    """A new random 32-byte key, base64 (for operators and development)."""
    return base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def _development_keys(path: Path) -> dict[str, Any]:
    """Load the development key file, creating it (mode 0600) on first use."""
    if path.exists():
        loaded: dict[str, Any] = json.loads(path.read_text())
        return loaded
    path.parent.mkdir(parents=True, exist_ok=True)
    key_id = "dev-" + datetime.now(UTC).strftime("%Y%m%d")
    document = {
        "keys": {key_id: generate_key()},
        "active_key_id": key_id,
        "hash_key": generate_key(),
    }
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return _development_keys(path)
    with os.fdopen(fd, "w") as handle:
        json.dump(document, handle)
    return document


def keyring_from_settings(settings: EventsSettings) -> Keyring:
    """The keyring in force: configured keys, or (development only) generated and kept ones."""
    production = settings.platform.environment == "production"
    if production and (settings.pii_keys is None or settings.pii_hash_key is None):
        raise InsecureConfiguration(
            "SOMOS_EVENTS_PII_KEYS and SOMOS_EVENTS_PII_HASH_KEY must be set in production"
        )
    stored: dict[str, Any] | None = None
    if settings.pii_keys is None or settings.pii_hash_key is None:
        path = settings.pii_key_file or settings.platform.data_dir / "events-pii-keys.json"
        stored = _development_keys(path)
    if settings.pii_keys is not None:
        keys = parse_keys(settings.pii_keys.get_secret_value())
        active = settings.pii_active_key_id or (next(iter(keys)) if len(keys) == 1 else None)
        if active is None:
            raise PiiKeyError("SOMOS_EVENTS_PII_ACTIVE_KEY_ID must name one of several keys")
    else:
        assert stored is not None
        keys = {k: _b64(v, f"PII key '{k}'") for k, v in stored["keys"].items()}
        active = settings.pii_active_key_id or stored["active_key_id"]
    if settings.pii_hash_key is not None:
        hash_key = _b64(settings.pii_hash_key.get_secret_value(), "SOMOS_EVENTS_PII_HASH_KEY")
    else:
        assert stored is not None
        hash_key = _b64(stored["hash_key"], "the development PII hash key")
    return Keyring(keys=keys, active_key_id=active, hash_key=hash_key)


# --- rotation ------------------------------------------------------------------------


async def rotate_database(database_url: str, keyring: Keyring, *, batch_size: int = 500) -> int:
    """Re-encrypt every attendee row with the active key (and refresh both keyed hashes).

    Works in batches, each in its own transaction with the rows locked, so it can run while
    the service is up; returns how many rows were re-encrypted.
    """
    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    rotated = 0
    try:
        last = uuid.UUID(int=0)
        while True:
            async with conn.transaction():
                rows = await conn.fetch(
                    "SELECT id, event_id, pii_key_id, pii_ciphertext FROM attendees "
                    "WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE",
                    last,
                    batch_size,
                )
                if not rows:
                    break
                for row in rows:
                    aad = attendee_aad(row["id"], row["event_id"])
                    payload = keyring.open(row["pii_key_id"], row["pii_ciphertext"], aad=aad)
                    key_id, blob = keyring.seal(payload, aad=aad)
                    digest = person = None
                    if payload.get("document_number"):
                        digest = keyring.document_hash(
                            event_id=row["event_id"],
                            document_type=payload["document_type"],
                            number=payload["document_number"],
                        )
                        person = keyring.person_hash(
                            document_type=payload["document_type"],
                            number=payload["document_number"],
                        )
                    await conn.execute(
                        "UPDATE attendees SET pii_key_id = $2, pii_ciphertext = $3, "
                        "document_hash = $4, person_hash = $5 WHERE id = $1",
                        row["id"],
                        key_id,
                        blob,
                        digest,
                        person,
                    )
                    rotated += 1
                last = rows[-1]["id"]
    finally:
        await conn.close()
    return rotated


def rotate(settings: EventsSettings | None = None, *, database_url: str | None = None) -> int:
    """`somos rotate-pii-key`: re-encrypt all attendee rows with the active key."""
    settings = settings or EventsSettings()
    url = database_url or settings.database_url
    if not url:
        raise RuntimeError("SOMOS_EVENTS_DATABASE_URL is not set")
    return asyncio.run(rotate_database(url, keyring_from_settings(settings)))


def main(argv: list[str] | None = None) -> int:
    """`python -m services.events.pii rotate` (until the CLI wires `somos rotate-pii-key`)."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["generate-key"]:
        print(generate_key())
        return 0
    if args[:1] != ["rotate"]:
        print("usage: python -m services.events.pii rotate | generate-key", file=sys.stderr)
        return 2
    count = rotate()
    print(f"re-encrypted {count} attendee records with the active key")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
