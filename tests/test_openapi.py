"""The OpenAPI document describes every JSON endpoint, and real responses validate against it."""

import pytest
from jsonschema import Draft202012Validator

ENDPOINTS = [
    ("/api/search", "/api/search?q=вечерним школам&limit=3", "200"),
    ("/api/search", "/api/search?country=kyrgyzstan&type=lesson&theme=evening-schools", "200"),
    ("/api/search", "/api/search?q=school&lang=ru&sort=title&page=2&limit=2", "200"),
    ("/api/search", "/api/search?limit=1000", "400"),
    ("/api/search", "/api/search?country=narnia", "400"),
    ("/api/entries/{entry_id}", "/api/entries/kg-rec-17-evening-schools-support", "200"),
    ("/api/entries/{entry_id}", "/api/entries/no-such-entry", "404"),
    ("/health", "/health", "200"),
    ("/api/reports", "/api/reports", "200"),
    ("/api/reports/{slug}", "/api/reports/proact-car-2013", "200"),
    ("/api/reports/{slug}", "/api/reports/no-such-report", "404"),
    ("/search/export.json", "/search/export.json?stakeholder=npc", "200"),
    ("/search/export.json", "/ru/search/export.json?q=школам", "200"),
    ("/search/export.json", "/search/export.json?type=nope", "400"),
]


@pytest.fixture
def spec(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def validator(spec, schema):
    """A validator of one response schema that resolves `#/components/...` in the document."""
    return Draft202012Validator({**schema, "components": spec["components"]})


@pytest.mark.parametrize("path, url, status", ENDPOINTS)
def test_real_responses_validate_against_the_document(client, spec, path, url, status):
    response = client.get(url)
    assert str(response.status_code) == status
    described = spec["paths"][path]["get"]["responses"][status]
    schema = described["content"]["application/json"]["schema"]
    errors = list(validator(spec, schema).iter_errors(response.get_json()))
    assert not errors, [e.message for e in errors]


def test_the_document_is_openapi_3_1_and_covers_every_json_route(app, spec):
    assert spec["openapi"].startswith("3.1")
    Draft202012Validator.check_schema(spec["components"]["schemas"]["SearchResults"])
    json_routes = {rule.rule.replace("<entry_id>", "{entry_id}").replace("<slug>", "{slug}")
                   for rule in app.url_map.iter_rules()
                   if rule.rule.startswith("/api/") or rule.rule in ("/health", "/search/export.<fmt>")}
    json_routes = {r.replace("export.<fmt>", "export.json") for r in json_routes}
    assert json_routes <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "type", "lang", "country", "objective", "stakeholder", "theme", "limit", "page"} <= names


def test_a_response_breaking_the_document_is_caught(spec):
    schema = spec["paths"]["/api/search"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    broken = {"query": "x", "total": -1, "results": [{"id": 3}], "facets": {}, "suggestion": None}
    assert len(list(validator(spec, schema).iter_errors(broken))) >= 2


def test_the_largest_request_the_document_allows_is_within_the_apps_limits(client, spec):
    # Every parameter at once, each filter repeated as often as the document says it may be:
    # the app's limit of query parameters must not refuse it (schemathesis found a 109-parameter
    # request the document allowed and the app refused).
    from urllib.parse import urlencode

    pairs = [("q", "school"), ("page", "1"), ("limit", "10"), ("sort", "title"), ("drafts", "1")]
    for param in spec["paths"]["/api/search"]["get"]["parameters"]:
        schema = param["schema"]
        if schema.get("type") == "array":
            assert "maxItems" in schema, f"{param['name']} may repeat without bound"
            pairs += [(param["name"], schema["items"]["enum"][0])] * schema["maxItems"]
    assert len(pairs) > 50
    response = client.get("/api/search?" + urlencode(pairs))
    assert response.status_code == 200, response.get_json()
