"""Schemathesis fuzzes every operation of the OpenAPI document, on every stack.

Each operation gets valid and invalid requests generated from its schema, signed in as an
admin (path ids are sometimes those of real objects, so updates and deletes really run) and
anonymously. Every answer must be no server error, a documented status code, of the
documented media type and match the documented schema; invalid requests must be refused.

The requests go through the test's own `httpx` client, in the test's event loop, so the app
runs on the same `Platform` (and real servers) as the rest of the API suite.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from eventmaestro.app import create_app
from eventmaestro.kit.platform import Platform
from eventmaestro.settings import Settings
from tests.api.helpers import bearer, register
from tests.api.objects import real_objects
from tests.conftest import TEST_SECRET

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


def _openapi() -> dict[str, Any]:
    """The document of the full app, built without starting anything, to name the tests."""
    settings = Settings(
        secret_key=TEST_SECRET,
        database_url="sqlite+aiosqlite://",
        bus_url="memory://",
        cache_url="memory://",
        log_level="WARNING",
    )
    spec: dict[str, Any] = create_app(settings).openapi()
    return spec


SPEC = _openapi()
SCHEMA = schemathesis.openapi.from_dict(SPEC)
SECURED = [
    f"{method.upper()} {path}"
    for path, methods in SPEC["paths"].items()
    for method, operation in methods.items()
    if operation.get("security")
]
PUBLIC = [
    f"{method.upper()} {path}"
    for path, methods in SPEC["paths"].items()
    for method, operation in methods.items()
    if not operation.get("security")
]


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,  # the same requests on every run and machine
        database=None,  # nothing written into the repository
        # State (and the function-scoped app) is shared by the examples of one test on purpose.
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )


@functools.cache
def cases(label: str, mode: GenerationMode) -> SearchStrategy[Case]:
    operation = SCHEMA.find_operation_by_label(label)
    assert operation is not None, label
    return operation.as_strategy(generation_mode=mode)


@pytest.fixture
async def org(client: httpx.AsyncClient, clean_platform: Platform, label: str) -> dict[str, str]:
    """An admin's token and a real object of each kind the operation's path addresses."""
    admin = (await register(client))["access_token"]
    needed = set(re.findall(r"{(\w+)}", label))
    if "/planning/events/" in label:
        needed.add("plan")  # so that tasks, timeline and export have something to show
    ids = await real_objects(client, clean_platform, admin, needed=needed)
    return {"token": admin, **ids}


async def send(
    client: httpx.AsyncClient, case: Case, headers: dict[str, str] | None = None
) -> httpx.Response:
    """Serialise the case exactly as Schemathesis would and send it through `client`."""
    kwargs = case.as_transport_kwargs(base_url=str(client.base_url), headers=headers)
    accepted = ("method", "url", "headers", "files", "data", "params", "cookies", "json")
    prepared = requests.Request(**{k: v for k, v in kwargs.items() if k in accepted}).prepare()
    assert prepared.method is not None
    assert prepared.url is not None
    body = prepared.body.encode() if isinstance(prepared.body, str) else prepared.body
    raw_headers = [
        (name.encode("latin-1"), value.encode("latin-1") if isinstance(value, str) else value)
        for name, value in prepared.headers.items()
        if name.lower() not in {"connection", "accept-encoding", "content-length"}
    ]
    return await client.request(prepared.method, prepared.url, headers=raw_headers, content=body)


def modes() -> SearchStrategy[GenerationMode]:
    return st.sampled_from([GenerationMode.POSITIVE, GenerationMode.NEGATIVE])


@pytest.mark.parametrize("label", SECURED)
@fuzz(examples=25)
@given(data=st.data())
async def test_signed_in_admin(
    client: httpx.AsyncClient, org: dict[str, str], label: str, data: st.DataObject
) -> None:
    mode = data.draw(modes(), label="mode")
    case = data.draw(cases(label, mode), label="case")
    if mode is GenerationMode.POSITIVE and case.path_parameters:
        # Half the valid requests address real objects of the admin's organisation.
        if data.draw(st.booleans(), label="real ids"):
            for name in [n for n in case.path_parameters if n.endswith("_id")]:
                assert name in org, f"{label}: create a real {{{name}}} in tests/api/objects.py"
                case.path_parameters[name] = org[name]
    response = await send(client, case, bearer(org["token"]))
    case.validate_response(response, checks=CHECKS)


@pytest.mark.parametrize("label", PUBLIC)
@fuzz(examples=25)
@given(data=st.data())
async def test_public_operations(
    client: httpx.AsyncClient, label: str, data: st.DataObject
) -> None:
    mode = data.draw(modes(), label="mode")
    case = data.draw(cases(label, mode), label="case")
    response = await send(client, case)
    case.validate_response(response, checks=CHECKS)


@pytest.mark.parametrize("label", SECURED)
@fuzz(examples=5)
@given(data=st.data())
async def test_anonymous_callers_are_refused(
    client: httpx.AsyncClient, label: str, data: st.DataObject
) -> None:
    case = data.draw(cases(label, GenerationMode.POSITIVE), label="case")
    response = await send(client, case)
    case.validate_response(response, checks=CHECKS)
    assert response.status_code == 401, response.text


def test_the_document_describes_problems_as_they_are_sent() -> None:
    """What the checks above rely on: every 4xx is a documented `Problem`, nothing else."""
    assert "HTTPValidationError" not in SPEC["components"]["schemas"]
    for path, methods in SPEC["paths"].items():
        for method, operation in methods.items():
            label = f"{method.upper()} {path}"
            responses = operation["responses"]
            for status, response in responses.items():
                if status.startswith("4"):
                    assert list(response["content"]) == ["application/problem+json"], label
            if operation.get("security"):
                assert "401" in responses, label
            if "requestBody" in operation:
                assert {"400", "413", "422"} <= set(responses), label
    assert "429" in SPEC["paths"]["/api/v1/auth/token"]["post"]["responses"]
