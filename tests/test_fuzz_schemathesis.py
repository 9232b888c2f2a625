"""schemathesis over the API's own OpenAPI document: every operation it declares, fuzzed.

It runs when the app answers /api/openapi.json and skips, saying so, until it does. Beyond
schemathesis's checks (no 5xx, status codes, content types and bodies as documented), every
error must be the one JSON shape of CONTRACT.md.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import given, settings

from kb import create_app

pytestmark = pytest.mark.fuzz
OPENAPI = "/api/openapi.json"


@pytest.fixture(scope="module")
def openapi_schema(index_dir):
    from conftest import CONTENT

    app = create_app({"CONTENT_DIR": str(CONTENT), "INDEX_DIR": str(index_dir), "TESTING": True})
    answer = app.test_client().get(OPENAPI)
    if answer.status_code != 200 or not answer.is_json:
        pytest.skip(f"{OPENAPI} answers {answer.status_code}, not an OpenAPI document: nothing to fuzz yet")
    return schemathesis.openapi.from_wsgi(OPENAPI, app)


def check_operation(operation) -> None:
    """Fuzz one documented operation: schemathesis's checks, then the one error shape."""

    @settings(max_examples=max(10, settings.default.max_examples // 2))
    @given(case=operation.as_strategy())
    def fuzz(case):
        response = case.call()
        case.validate_response(response)
        assert response.status_code < 500, (case.path, response.status_code)
        if response.status_code >= 400:
            error = response.json()["error"]
            assert set(error) == {"status", "message"} and error["status"] == response.status_code
            assert isinstance(error["message"], str) and error["message"].strip()

    fuzz()


# schemathesis's own pytest hook (from_fixture) reads a pytest private attribute that pytest 9
# removed, so the operations are driven from Hypothesis here, the way its Python API allows.
def test_every_documented_operation_keeps_its_promises(openapi_schema):
    operations = [result.ok() for result in openapi_schema.get_all_operations()]
    assert operations, f"{OPENAPI} declares no operation"
    for operation in operations:
        check_operation(operation)
