"""The knowledge base as a library: entries, taxonomy, analysis, index building and search.

Nothing here imports Flask; `kb/` is the web app and CLI built on top.
"""
