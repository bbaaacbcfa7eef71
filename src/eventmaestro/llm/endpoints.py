"""LLM usage API: what the organisation's model calls cost, by day, model or task kind."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query

from eventmaestro.accounts.dependencies import CurrentPrincipal
from eventmaestro.kit.deps import SessionDep
from eventmaestro.kit.errors import ValidationFailedError
from eventmaestro.llm.schemas import UsageGrouping, UsageReport
from eventmaestro.llm.usage import UsageService

router = APIRouter(prefix="/api/v1/llm", tags=["llm"])


@router.get("/usage", response_model=UsageReport)
async def usage(
    principal: CurrentPrincipal,
    session: SessionDep,
    group_by: UsageGrouping = UsageGrouping.DAY,
    date_from: Annotated[dt.date | None, Query(description="First day, UTC")] = None,
    date_to: Annotated[dt.date | None, Query(description="Last day, UTC, inclusive")] = None,
) -> UsageReport:
    if date_from and date_to and date_from > date_to:
        raise ValidationFailedError("date_from must not be after date_to")
    return await UsageService(session).report(principal, group_by, date_from, date_to)
