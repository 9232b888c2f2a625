"""From entries to an index generation: analysis, schema, build and atomic swap."""
