"""A note's text to records and back, pure: front matter (the only module importing PyYAML),
the body (the only one importing markdown-it), tasks, values, sections, exact edits and
templates."""
