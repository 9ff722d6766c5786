"""Generator for the defence letters reading room: read, clean, parse, link, render, write."""
