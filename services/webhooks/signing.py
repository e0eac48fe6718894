"""Signing secrets: made in the Standard Webhooks form (``whsec_`` + base64), kept encrypted
(AES-256-GCM, the subscription's id as associated data), and used to sign each request."""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import uuid
from collections.abc import Sequence
from datetime import datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from standardwebhooks.webhooks import Webhook

from services.common.settings import InsecureConfiguration
from services.webhooks.settings import WebhooksSettings

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32
KEY_BYTES = 32
NONCE_BYTES = 12
SEALED_PREFIX = "v1:"
DEV_KEY_CONTEXT = b"somos-webhooks|signing-secrets|v1"


class SecretUnreadable(RuntimeError):
    """A stored signing secret does not open with the configured key (no secret inside)."""


def new_secret() -> str:
    """A fresh signing secret, ``whsec_`` + base64 of 32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(os.urandom(SECRET_BYTES)).decode()


class SecretBox:
    """Seals and opens signing secrets with one AES-256-GCM key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise InsecureConfiguration(f"SOMOS_WEBHOOKS_SECRET_KEY must be {KEY_BYTES} bytes")
        self._aead = AESGCM(key)

    def seal(self, secret: str, *, subscription_id: uuid.UUID) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, secret.encode(), subscription_id.bytes)
        return SEALED_PREFIX + base64.b64encode(nonce + sealed).decode()

    def open(self, ciphertext: str, *, subscription_id: uuid.UUID) -> str:
        try:
            blob = base64.b64decode(ciphertext.removeprefix(SEALED_PREFIX))
            plain = self._aead.decrypt(
                blob[:NONCE_BYTES], blob[NONCE_BYTES:], subscription_id.bytes
            )
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise SecretUnreadable(
                f"the signing secret of subscription {subscription_id} does not open with "
                "SOMOS_WEBHOOKS_SECRET_KEY"
            ) from exc
        return plain.decode()


def secret_box(settings: WebhooksSettings) -> SecretBox:
    """The box of SOMOS_WEBHOOKS_SECRET_KEY; in development, a key derived from the JWT secret."""
    if settings.secret_key is not None:
        try:
            key = base64.b64decode(settings.secret_key.get_secret_value(), validate=True)
        except binascii.Error as exc:
            raise InsecureConfiguration("SOMOS_WEBHOOKS_SECRET_KEY must be base64") from exc
        return SecretBox(key)
    material = hashlib.sha256(settings.platform.signing_secret().encode()).digest()
    key = HKDF(SHA256(), KEY_BYTES, salt=None, info=DEV_KEY_CONTEXT).derive(material)
    return SecretBox(key)


def signature_headers(
    *, secrets: Sequence[str], message_id: str, body: str, at: datetime
) -> dict[str, str]:
    """The Standard Webhooks headers of one request: webhook-id, -timestamp, -signature.

    ``webhook-signature`` carries one ``v1,<base64>`` per secret, space-separated, in the
    order given (the current secret first, then the previous one during a rotation's grace
    period): a receiver holding either verifies the request.
    """
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": " ".join(
            Webhook(secret).sign(message_id, at, body) for secret in secrets
        ),
    }
