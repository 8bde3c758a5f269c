"""The JSON API against its own OpenAPI document, by property-based testing
(schemathesis strategies driven by Hypothesis): no generated input makes the server
fail (no 5xx), on SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_store_support import seed_extraction
from test_web import PASSWORD, claim_extraction, hostile_extraction
from tollwatch.settings import Settings
from tollwatch.store import open_store
from tollwatch.store import users as accounts
from tollwatch.web import create_app

schemathesis = pytest.importorskip("schemathesis")


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, str]]]:
    path = tmp_path_factory.mktemp("schema") / "api.sqlite"
    store = open_store(Settings(db=f"sqlite:///{path}"))
    store.ingest([seed_extraction(), hostile_extraction(), claim_extraction()])
    store.match()
    with store.writing() as session:
        accounts.add_user(session, "bot", "admin", PASSWORD)
        token = accounts.new_token(session, "bot", "schema")
    headers = {"Authorization": f"Bearer {token}"}
    yield (
        schemathesis.openapi.from_asgi("/openapi.json", create_app(store), headers=headers),
        headers,
    )
    store.close()


def test_no_server_error_on_any_generated_call(api: tuple[Any, dict[str, str]]) -> None:
    schema, headers = api
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/events", "/api/events/{event_id}/review"}

    @given(data=st.data())
    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    def call(data: st.DataObject) -> None:
        operation = data.draw(st.sampled_from(operations))
        case = data.draw(operation.as_strategy())
        answer = case.call(headers=headers)
        assert answer.status_code < 500, (case.method, case.path, case.query, answer.text[:300])

    call()
