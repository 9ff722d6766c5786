"""Browser tests: Debian's chromium, driven by Playwright, against the built site.

A package (not a bare folder) so its conftest does not shadow tests/conftest.py,
which other test modules import as `conftest`.
"""
