"""Credential primitives: password hashing, signed access tokens, opaque secrets.

Passwords use Argon2id (argon2-cffi defaults follow RFC 9106's second recommendation).
Refresh tokens and API keys are random 256-bit secrets, so a fast SHA-256 digest is enough
to store them: there is nothing to brute-force, unlike a human password.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from eventmaestro.kit.clock import utcnow

_hasher = PasswordHasher()
# Verifying against this keeps the response time of "no such user" equal to "wrong password".
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

JWT_ALGORITHM = "HS256"
ACCESS_TOKEN_TYPE = "access"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def hash_password_off_loop(password: str) -> str:
    """Argon2 is built to be slow (~50–150 ms here) and releases the GIL: in a worker thread
    it leaves the event loop free to serve every other request meanwhile."""
    return await asyncio.to_thread(hash_password, password)


async def verify_password_off_loop(password: str, password_hash: str | None) -> bool:
    return await asyncio.to_thread(verify_password, password, password_hash)


def password_needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: uuid.UUID
    org_id: uuid.UUID
    role: str
    expires_at: datetime


class InvalidTokenError(Exception):
    """The token is malformed, forged, expired or of the wrong kind."""


def issue_access_token(
    *, user_id: uuid.UUID, org_id: uuid.UUID, role: str, key: str, lifetime: timedelta
) -> tuple[str, datetime]:
    now = utcnow()
    expires_at = now + lifetime
    claims = {
        "sub": str(user_id),
        "org": str(org_id),
        "role": role,
        "typ": ACCESS_TOKEN_TYPE,
        "iat": int(now.timestamp()),
        "exp": int(expires_at.timestamp()),
        "jti": secrets.token_hex(8),
    }
    return jwt.encode(claims, key, algorithm=JWT_ALGORITHM), expires_at


def decode_access_token(token: str, *, key: str) -> AccessClaims:
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[JWT_ALGORITHM],
            # Expiry is checked against Maestro's clock, not PyJWT's own reading of the wall
            # clock, so a server whose clock was started at a chosen moment stays consistent.
            options={
                "require": ["sub", "org", "role", "typ", "exp"],
                "verify_exp": False,
                "verify_iat": False,
                "verify_nbf": False,
            },
        )
        if int(claims["exp"]) <= utcnow().timestamp():
            raise InvalidTokenError("the token has expired")
        if claims["typ"] != ACCESS_TOKEN_TYPE:
            raise InvalidTokenError("not an access token")
        return AccessClaims(
            user_id=uuid.UUID(claims["sub"]),
            org_id=uuid.UUID(claims["org"]),
            role=str(claims["role"]),
            expires_at=datetime.fromtimestamp(claims["exp"], tz=utcnow().tzinfo),
        )
    except (jwt.PyJWTError, ValueError, TypeError, KeyError) as exc:
        raise InvalidTokenError(str(exc)) from exc


def new_secret(prefix: str) -> str:
    """A random, URL-safe secret whose prefix says what it is when it leaks into a log."""
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def digest_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secrets_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
