"""Anki's own backend (the `anki` package: its Rust core and Python layer, headless) for
the tests of this folder: a fresh collection per test, and the importers Anki's GUI
calls.

Where `anki` cannot be imported the tests skip, saying why; on CI (`CI` set), where
`.ci/run` installs it with the test extra, a missing backend is an error instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

try:
    from anki.collection import (
        Collection,
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
        ImportCsvRequest,
    )
except ImportError as exc:  # pragma: no cover - depends on the machine
    if os.environ.get("CI"):
        raise
    pytest.skip(
        f"Anki's backend cannot be imported ({exc}); install it with pip install -e '.[test]'",
        allow_module_level=True,
    )

from anki.buildinfo import version as ANKI_VERSION  # noqa: E402

__all__ = ["ANKI_VERSION", "Collection", "fresh_collection", "import_apkg", "import_text"]


def fresh_collection(folder: Path, name: str = "collection.anki2") -> Collection:
    """A new, empty Anki collection on disk."""
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / name))


def import_apkg(col: Collection, path: Path, *, with_scheduling: bool = False) -> Any:
    """Import an .apkg as Anki's File > Import does; returns the import log."""
    request = ImportAnkiPackageRequest(
        package_path=str(path),
        options=ImportAnkiPackageOptions(with_scheduling=with_scheduling, merge_notetypes=True),
    )
    return col.import_anki_package(request).log


def import_text(col: Collection, path: Path) -> Any:
    """Import a text file as Anki's File > Import does, with the options Anki reads from
    its headers; returns the import log."""
    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def check_database(col: Collection) -> list[str]:
    """What Anki's Tools > Check Database finds to fix (nothing, for a sound file)."""
    return list(col._backend.check_database())
