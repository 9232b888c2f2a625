"""Entries and their vocabularies: reading, checking, rendering, counting, creating."""
