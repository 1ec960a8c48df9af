"""Key derivation (Argon2id) and key wrapping (AES-256-GCM) for the key file's slots."""

from __future__ import annotations

import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Stored in each slot, so raising the default never locks anyone out."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


DEFAULT_KDF = KdfParams()


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def seal(wrapping_key: bytes, plaintext: bytes, associated: bytes) -> tuple[bytes, bytes]:
    """Encrypt and authenticate; returns (nonce, ciphertext-with-tag)."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(wrapping_key).encrypt(nonce, plaintext, associated)


def open_sealed(
    wrapping_key: bytes, nonce: bytes, sealed: bytes, associated: bytes
) -> bytes | None:
    """The plaintext, or None when the key is wrong or anything was altered."""
    try:
        return AESGCM(wrapping_key).decrypt(nonce, sealed, associated)
    except InvalidTag:
        return None
