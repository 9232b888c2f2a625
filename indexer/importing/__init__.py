"""From a report file to draft entries: reading its text, finding sections and items."""
