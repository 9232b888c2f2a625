"""The JSON API of CONTRACT.md through the real app: shapes, filters, errors, hostile input."""

import pytest

RESULT_KEYS = {"id", "title", "type", "lang", "path", "score", "countries", "objectives", "stakeholders", "snippet"}


def test_search_returns_the_contract_object(client):
    data = client.get("/api/search?q=вечерним школам&limit=3").get_json()
    assert {"query", "total", "results", "facets", "suggestion"} <= set(data)
    assert data["query"] == "вечерним школам" and len(data["results"]) == 3
    assert {"type", "lang", "country", "objective", "stakeholder",
            "report", "organisation", "year", "evaluation_type"} <= set(data["facets"])
    assert data["facets"]["report"] == {"proact-car-2013": data["total"]}
    first = data["results"][0]
    assert RESULT_KEYS <= set(first)
    assert first["path"].startswith("tests/fixtures/content/") and first["path"].endswith(".md")
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)


def test_repeated_filter_ors_and_different_filters_and(client):
    one = client.get("/api/search?country=kyrgyzstan&limit=100").get_json()["total"]
    two = client.get("/api/search?country=kyrgyzstan&country=kazakhstan&limit=100").get_json()["total"]
    narrowed = client.get("/api/search?country=kyrgyzstan&type=lesson&limit=100").get_json()
    assert one < two and 0 < narrowed["total"] < one
    assert all(r["type"] == "lesson" and "kyrgyzstan" in r["countries"] for r in narrowed["results"])


def test_pages_are_one_based_and_limit_capped(client):
    page1 = client.get("/api/search?limit=4&page=1").get_json()["results"]
    page2 = client.get("/api/search?limit=4&page=2").get_json()["results"]
    assert len(page1) == 4 and {r["id"] for r in page1}.isdisjoint(r["id"] for r in page2)
    assert client.get("/api/search?limit=101").status_code == 400


def test_entry_returns_front_matter_body_and_safe_html(client):
    data = client.get("/api/entries/test-hostile-body").get_json()
    assert data["front_matter"]["id"] == "test-hostile-body"
    assert "<script>" in data["body"]                      # the Markdown as written
    assert "<script" not in data["html"] and "javascript:" not in data["html"]
    assert "onerror" not in data["html"] and 'href="https://www.ilo.org/ipec"' in data["html"]


def test_health_reports_entries_and_generation(client):
    data = client.get("/health").get_json()
    assert data["status"] == "ok" and data["entries"] == 17 and data["index"].startswith("gen-")


def test_health_is_503_without_an_index(tmp_path):
    from kb import create_app

    client = create_app({"INDEX_DIR": str(tmp_path)}).test_client()
    response = client.get("/health")
    assert response.status_code == 503
    assert response.get_json()["status"] == "unavailable" and "kb index" in response.get_json()["message"]
    error = client.get("/api/search?q=x")
    assert error.status_code == 503 and error.get_json()["error"]["status"] == 503


@pytest.mark.parametrize("url, status", [
    ("/api/search?limit=abc", 400), ("/api/search?limit=0", 400), ("/api/search?page=-1", 400),
    ("/api/search?country=kyrgystan", 400), ("/api/search?sort=random", 400),
    ("/api/search?q=" + "x" * 600, 400), ("/api/entries/NOPE!", 404), ("/api/entries/no-such-id", 404),
    ("/api/nothing-here", 404), ("/api/search?report=proact-car", 400), ("/api/search?year=20013", 400),
    ("/api/search?organisation=ILO", 400), ("/api/search?evaluation_type=midterm", 400),
    ("/api/reports/no-such-report", 404),
])
def test_every_api_error_has_one_shape(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["status"] == status and isinstance(error["message"], str) and error["message"]


def test_unknown_filter_value_names_the_closest(client):
    message = client.get("/api/search?stakeholder=trade-union").get_json()["error"]["message"]
    assert "trade-unions" in message


@pytest.mark.parametrize("q", [
    '"', "((((", "NOT", "OR OR OR", "-", "*", "a*" * 50, "%00", "\u202e\u0000", "' OR 1=1 --",
    "<script>alert(1)</script>", "../../etc/passwd", "ё" * 300, "🙂🙃", "field:value", "title:(a b)",
])
def test_hostile_queries_never_give_a_500(client, q):
    for url in ("/api/search", "/search"):
        response = client.get(url, query_string={"q": q})
        assert response.status_code in (200, 400), (url, q, response.status_code)


def test_report_filters_and_facets_cover_every_entry_of_the_seed(client):
    every = client.get("/api/search?limit=1").get_json()
    for query, key, value in (("report=proact-car-2013", "report", "proact-car-2013"),
                              ("organisation=ilo", "organisation", "ilo"), ("year=2013", "year", "2013"),
                              ("evaluation_type=interim", "evaluation_type", "interim")):
        data = client.get(f"/api/search?{query}&limit=1").get_json()
        assert data["total"] == every["total"] and data["facets"][key] == {value: every["total"]}, query
    assert client.get("/api/search?report=proact-car-2013&type=lesson").get_json()["total"] == \
        every["facets"]["type"]["lesson"]
