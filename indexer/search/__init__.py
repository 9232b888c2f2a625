"""From a request to results: parsing, querying, ranking, facets, snippets, spelling."""
