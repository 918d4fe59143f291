"""Liveness and readiness, for process managers and load balancers."""

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from service.api.deps import GateDep
from service.errors import DatabaseUnavailable

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is alive (says nothing about the database)."""
    return {"status": "ok"}


@router.get("/readyz", response_model=None)
async def readyz(gate: GateDep) -> Any:
    """Ready to answer: Neo4j answers a real read and the schema is up to date."""
    try:
        await gate.ensure()
    except DatabaseUnavailable as error:
        return JSONResponse({"status": "unavailable", "reason": str(error)}, status_code=503)
    return {"status": "ready"}
