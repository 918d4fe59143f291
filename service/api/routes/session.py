"""Signing in and out for the explorer's writing pages (service/editing/sessions.py):
POST /session takes a key once and answers with an HttpOnly, SameSite=Strict cookie (Secure
over HTTPS); GET /session says who is signed in, with which role and scope, and gives the
CSRF token the page sends with each request; DELETE /session ends the session on the
server. Scripts and the CLI keep sending their key as a Bearer header instead."""

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from service.api.deps import DatabaseDep, SettingsDep, request_editor
from service.editing import sessions
from service.editing.sessions import SESSION_COOKIE

router = APIRouter(tags=["sign in"])


class SignIn(BaseModel):
    key: str = Field(description="An API key made with `a87map keys create`.", max_length=200)


class SignedIn(BaseModel):
    """Who is signed in, what they may do, and the token their page sends with each
    writing request (in the X-CSRF-Token header)."""

    name: str
    role: str
    organization: str | None = Field(description="The one organization a scoped key speaks for")
    writes: bool = Field(description="Whether the role may change the map at all")
    expires: str
    csrf_token: str = Field(serialization_alias="csrfToken")


class SignedOut(BaseModel):
    ended: bool


def _answer(opened: sessions.Session) -> SignedIn:
    who = opened.editor
    return SignedIn(
        name=who.name,
        role=who.role,
        organization=who.organization,
        writes=who.writes,
        expires=opened.expires,
        csrf_token=opened.csrf,
    )


@router.post("/session", response_model=SignedIn, response_model_by_alias=True)
async def sign_in(
    body: SignIn, request: Request, response: Response, db: DatabaseDep, settings: SettingsDep
) -> SignedIn:
    """Sign in with a key: the answer sets the session cookie. 401 for a key not accepted."""
    token, opened = await sessions.sign_in(db, body.key, settings.session_hours)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_hours * 3600,
        path="/",
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="strict",
    )
    return _answer(opened)


@router.get("/session", response_model=SignedIn, response_model_by_alias=True)
async def signed_in(request: Request, db: DatabaseDep) -> SignedIn:
    """Who is signed in; 401 when no session is open."""
    return _answer(await sessions.session(db, request.cookies.get(SESSION_COOKIE)))


@router.delete("/session", response_model=SignedOut)
async def sign_out(request: Request, response: Response, db: DatabaseDep) -> SignedOut:
    """Sign out: the session ends on the server and its cookie is cleared. Like every
    request a session signs, it needs the CSRF token."""
    await request_editor(db, request)
    ended = await sessions.sign_out(db, request.cookies.get(SESSION_COOKIE))
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return SignedOut(ended=ended)
