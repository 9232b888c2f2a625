"""The OpenAPI 3.1 description of every JSON endpoint, served at /api/openapi.json.

The filter parameters and facet keys come from the search request's FILTERS, so a new
filter is described as soon as it exists; tests validate real responses against it.
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from indexer.search.request import FILTERS, MAX_LIMIT, MAX_PAGE, SORTS

bp = Blueprint("openapi", __name__)

STRINGS = {"type": "array", "items": {"type": "string"}}
COUNTS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
ERROR = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["status", "message"],
    "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}}
HIT = {"type": "object",
       "required": ["id", "title", "type", "lang", "path", "score", "countries", "objectives",
                    "stakeholders", "snippet"],
       "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "type": {"type": "string"},
                      "lang": {"enum": ["en", "ru"]}, "path": {"type": "string"}, "score": {"type": "number"},
                      "countries": STRINGS, "objectives": STRINGS, "stakeholders": STRINGS,
                      "snippet": {"type": "string", "description": "HTML, the matched words in <mark>"},
                      "title_translated": {"type": "string"}, "draft": {"type": "boolean"},
                      "report": {"type": "string", "description": "slug of the entry's report"}}}
ENTRY = {"type": "object", "required": ["id", "path", "front_matter", "body", "html"],
         "properties": {"id": {"type": "string"}, "path": {"type": "string"},
                        "front_matter": {"type": "object", "required": ["id", "type", "lang", "title"]},
                        "body": {"type": "string"}, "html": {"type": "string"},
                        "sections": {"type": "object", "additionalProperties": {"type": "string"}}}}
HEALTH = {"type": "object", "required": ["status", "entries", "index"],
          "properties": {"status": {"enum": ["ok", "stale", "unavailable"]}, "entries": {"type": "integer"},
                         "index": {"type": ["string", "null"]}, "message": {"type": "string"},
                         "current": {"type": "string", "description": "when stale: the refused generation"}}}
LABELS = {"type": "object", "required": ["en", "ru"],
          "properties": {"en": {"type": "string"}, "ru": {"type": "string"}}}
RECORD = {"type": "object",
          "required": ["slug", "draft", "title", "organisation", "project", "evaluation_type", "year",
                       "countries", "languages", "evaluators", "source", "objectives", "parts"],
          "properties": {"slug": {"type": "string"}, "draft": {"type": "boolean"},
                         "title": {"type": "object", "additionalProperties": {"type": "string"}},
                         "organisation": {"type": "string"}, "project": {"type": "object"},
                         "evaluation_type": {"type": "string"}, "year": {"type": ["integer", "null"]},
                         "countries": STRINGS, "languages": STRINGS, "evaluators": STRINGS,
                         "source": {"type": "object"},
                         "objectives": {"type": "object", "additionalProperties": LABELS},
                         "parts": {"type": "object", "additionalProperties": LABELS},
                         "entries": {"type": "integer", "minimum": 0}}}
REPORTS = {"type": "object", "required": ["reports"],
           "properties": {"reports": {"type": "array", "items": {"$ref": "#/components/schemas/Record"}}}}
REPORT = {"type": "object", "required": ["report", "counts", "total", "items"],
          "properties": {"report": {"$ref": "#/components/schemas/Record"}, "counts": COUNTS,
                         "total": {"type": "integer", "minimum": 0},
                         "items": {"type": "array", "items": {
                             "type": "object", "required": ["id", "type", "lang", "title", "path", "source"],
                             "properties": {"id": {"type": "string"}, "type": {"type": "string"},
                                            "lang": {"type": "string"}, "title": {"type": "string"},
                                            "path": {"type": "string"}, "draft": {"type": "boolean"},
                                            "source": {"type": "object"}}}}}}


def _search_schema() -> dict:
    facets = {name: {"$ref": "#/components/schemas/Counts"} for name in FILTERS}
    return {"type": "object", "required": ["query", "total", "results", "facets", "suggestion"],
            "properties": {"query": {"type": "string"}, "total": {"type": "integer", "minimum": 0},
                           "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                           "facets": {"type": "object", "properties": facets,
                                      "required": ["type", "lang", "country", "objective", "stakeholder"],
                                      "additionalProperties": {"$ref": "#/components/schemas/Counts"}},
                           "suggestion": {"type": ["string", "null"]}, "corrected": {"type": "boolean"},
                           "page": {"type": "integer"}, "limit": {"type": "integer"},
                           "pages": {"type": "integer"}, "sort": {"enum": list(SORTS)},
                           "estimated": {"type": "boolean"}}}


def _export_schema() -> dict:
    row = {"type": "object", "required": ["id", "title", "type", "lang", "url"],
           "additionalProperties": {"type": "string"}}
    return {"type": "object", "required": ["query", "filters", "lang", "columns", "entries"],
            "properties": {"query": {"type": "string"}, "filters": {"type": "object",
                                                                      "additionalProperties": STRINGS},
                           "lang": {"enum": ["en", "ru"]}, "total": {"type": "integer", "minimum": 0},
                           "truncated": {"type": "boolean"},
                           "columns": {"type": "object", "additionalProperties": {"type": "string"}},
                           "entries": {"type": "array", "items": row}}}


def _parameters(taxonomy, max_params: int) -> list[dict]:
    params = [{"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 500},
               "description": "words, \"phrases\", OR, NOT/-word, prefix*; empty lists the filtered entries"},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}},
              {"name": "limit", "in": "query",
               "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}},
              {"name": "sort", "in": "query", "schema": {"enum": list(SORTS)}},
              {"name": "drafts", "in": "query", "schema": {"type": "string"},
               "description": "1 includes drafts"}]
    # The app refuses a URL of more than `max_params` parameters (KB_MAX_QUERY_PARAMS): each
    # filter may repeat as often as keeps every request the document allows within that limit.
    repeats = max(1, (max_params - len(params)) // len(FILTERS))
    params += [{"name": name, "in": "query", "style": "form", "explode": True,
                "schema": {"type": "array", "items": {"enum": taxonomy.slugs(vocabulary)},
                           "maxItems": repeats},
                "description": f"taxonomy slugs of `{vocabulary}`; repeated values OR, filters AND"}
               for name, (_field, vocabulary) in FILTERS.items()]
    return params


def _json(schema_name: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}}}


def document(taxonomy, max_params: int = 100) -> dict:
    """The whole OpenAPI 3.1 document; the filters' allowed values are the served taxonomy's,
    their repeats bounded by the app's limit of query parameters."""
    error = _json("Error", "what is wrong, in one sentence")
    return {
        "openapi": "3.1.0",
        "info": {"title": "Evaluation knowledge base", "version": "1",
                 "description": "Recommendations, lessons learnt and good practices of evaluation reports."},
        "paths": {
            "/api/search": {"get": {"summary": "Search or browse entries", "operationId": "search",
                                    "parameters": _parameters(taxonomy, max_params),
                                    "responses": {"200": _json("SearchResults", "one page of results"),
                                                  "400": error, "503": error}}},
            "/api/entries/{entry_id}": {"get": {
                "summary": "One entry", "operationId": "entry",
                "parameters": [{"name": "entry_id", "in": "path", "required": True,
                                "schema": {"type": "string"}}],
                "responses": {"200": _json("Entry", "front matter, Markdown body, HTML"), "404": error}}},
            "/api/reports": {"get": {"summary": "Every report record", "operationId": "reports",
                                     "responses": {"200": _json("Reports", "the records"), "503": error}}},
            "/api/reports/{slug}": {"get": {
                "summary": "One report: its record, counts per type, its items in source order",
                "operationId": "report",
                "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                               {"name": "drafts", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": _json("Report", "the report"), "404": error}}},
            "/health": {"get": {"summary": "Whether the index is open", "operationId": "health",
                                "responses": {"200": _json("Health", "open"),
                                              "503": _json("Health", "not open")}}},
            "/search/export.json": {"get": {
                "summary": "Every page of a result list, labelled in the interface language",
                "operationId": "exportJson", "parameters": _parameters(taxonomy, max_params),
                "responses": {"200": _json("Export", "all matching entries"), "400": error}}},
            "/api/openapi.json": {"get": {"summary": "This document", "operationId": "openapi",
                                          "responses": {"200": {"description": "OpenAPI 3.1",
                                                                "content": {"application/json": {}}}}}},
        },
        "components": {"schemas": {"SearchResults": _search_schema(), "Hit": HIT, "Counts": COUNTS,
                                   "Entry": ENTRY, "Health": HEALTH, "Error": ERROR,
                                   "Export": _export_schema(), "Record": RECORD, "Reports": REPORTS,
                                   "Report": REPORT}},
    }


@bp.get("/api/openapi.json")
def openapi():
    """Describe every JSON endpoint in OpenAPI 3.1."""
    from kb.resources import resources

    return jsonify(document(resources().taxonomy, int(current_app.config["MAX_QUERY_PARAMS"])))
