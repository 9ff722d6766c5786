"""MkDocs glue: during `mkdocs serve`, regenerate the pages before each build.

So editing or adding a letter in seeds/ (watched, see mkdocs.yml) updates the
site and reloads the browser.  `make build` runs the generator itself first.
"""
from pathlib import Path

_serving = False


def on_startup(command, dirty):
    """Remember whether we are serving."""
    global _serving
    _serving = command == "serve"


def on_pre_build(config):
    """Regenerate docs/ from seeds/ (only changed pages are written)."""
    if not _serving:
        return
    from generator.pipeline import build_site

    root = Path(config.config_file_path).parent
    build_site(root / "seeds", Path(config.docs_dir))
