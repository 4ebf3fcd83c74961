"""Turn an Obsidian vault of informational-interview notes into a daily digest."""

__version__ = "0.1.0"
