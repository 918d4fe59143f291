"""API keys. A key is a random token shown once; the graph keeps only its SHA-256 hash (the
token has 256 random bits, so a fast hash is enough and keeps every request cheap). A key has
a role: reader (reads what the public cannot, such as who made each change, and writes
nothing), editor or admin; an editor's key may be scoped to one organization. What each
role may write is decided in permissions.py; what each may read, here."""

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Literal, get_args

from neo4j.exceptions import ConstraintError

from service.db.driver import Database
from service.domain.directory import checked_id
from service.errors import BadInput, Unauthenticated

Role = Literal["reader", "editor", "admin"]
# Roles that may change the map (within their scope); a reader key changes nothing.
WRITING_ROLES = frozenset({"editor", "admin"})
# Roles that read the name of the key behind each change (key names can name people), as
# those who oversee the map need to: the public and editors see only the role and scope.
ACTOR_READING_ROLES = frozenset({"reader", "admin"})
ROLES: tuple[str, ...] = get_args(Role)
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")
_PREFIX = "a87_"
# The same words for a missing, unknown and revoked key, so an answer never tells a caller
# whether some key exists.
NOT_ACCEPTED = "writing needs a valid API key, sent as 'Authorization: Bearer <key>'"


@dataclass(frozen=True)
class Editor:
    """Who is calling with a key: the key's name, its role, and the organization it is
    scoped to."""

    name: str
    role: str
    organization: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def writes(self) -> bool:
        return self.role in WRITING_ROLES

    @property
    def reads_actors(self) -> bool:
        """Whether it reads the name of the key behind each change in `history`."""
        return self.role in ACTOR_READING_ROLES and self.organization is None

    @property
    def reads_contact_history(self) -> bool:
        """Whether it reads, in `history`, the contact details a person has since withdrawn
        consent for (personal data: admin keys only)."""
        return self.is_admin


@dataclass(frozen=True)
class KeyInfo:
    name: str
    role: str
    organization: str | None
    created: str
    revoked: str | None = None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_key_request(name: str, role: str, organization: str | None) -> None:
    if not _NAME.match(name):
        raise BadInput(f"name: '{name}' must be 2-63 lower-case letters, digits, '.', '_' or '-'")
    if role not in ROLES:
        raise BadInput(f"role: '{role}' is not a role; roles are {', '.join(ROLES)}")
    if organization is None:
        return
    if role != "editor":
        raise BadInput(
            f"organization: a {role} key cannot be scoped to one organization; "
            "only an editor key can"
        )
    checked_id(organization, "organization", field="organization")


async def create_key(
    db: Database, name: str, role: str, organization: str | None = None
) -> tuple[KeyInfo, str]:
    """The new key and its token, which is not stored and cannot be shown again."""
    check_key_request(name, role, organization)
    if organization and not await db.read("nodes/by_ids", ids=[organization]):
        raise BadInput(f"organization: nothing on the map has the id '{organization}'")
    token = _PREFIX + secrets.token_urlsafe(32)
    try:
        [row] = await db.write(
            "keys/create", name=name, role=role, organization=organization, hash=token_hash(token)
        )
    except ConstraintError:
        raise BadInput(f"name: a key named '{name}' exists already") from None
    return KeyInfo(**row), token


async def list_keys(db: Database) -> list[KeyInfo]:
    return [KeyInfo(**row) for row in await db.read("keys/list")]


async def revoke_key(db: Database, name: str) -> bool:
    """True if a live key of that name was revoked."""
    return bool(await db.write("keys/revoke", name=name))


def bearer_token(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip().startswith(_PREFIX):
        raise Unauthenticated(NOT_ACCEPTED)
    return token.strip()


async def authenticate(db: Database, authorization: str | None) -> Editor:
    """The editor behind an Authorization header; Unauthenticated if there is none."""
    rows = await db.read("keys/by_hash", hash=token_hash(bearer_token(authorization)))
    if not rows:
        raise Unauthenticated(NOT_ACCEPTED)
    return Editor(**rows[0])
