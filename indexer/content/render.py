"""Markdown bodies to safe HTML: rendered by Python-Markdown, sanitised by nh3 (ammonia)."""

from __future__ import annotations

import markdown
import nh3

from indexer.content.entries import Entry

# nh3's defaults already drop <script>, event handlers and javascript: URLs; we narrow
# the tags to what an entry body needs and make every link safe to follow.
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "em", "strong", "b", "i", "blockquote", "code",
                "pre", "a", "h3", "h4", "h5", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(text: str) -> str:
    """Markdown -> sanitised HTML fragment."""
    # A lone surrogate (only a caller's str can hold one, never a UTF-8 file) would stop nh3.
    text = (text or "").encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    html = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow")


def entry_document(entry: Entry, path: str) -> dict:
    """The JSON API's view of one entry: front matter, Markdown body and rendered HTML."""
    return {"id": entry.id, "path": path, "front_matter": entry.front_matter(),
            "body": entry.body, "html": render_markdown(entry.body),
            "sections": {"original": render_markdown(entry.original),
                         "translation": render_markdown(entry.translation),
                         "note": render_markdown(entry.note)}}
