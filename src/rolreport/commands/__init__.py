"""One module per command: each declares its parameters (``COMMAND``) and calls the pipeline.

``rolreport.cli`` imports only the module of the command that runs (``--version`` imports none
of them; the list of commands in ``rolreport --help`` imports each, which costs nothing: a
command module imports only :mod:`rolreport.commands.params` at start-up).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rolreport.commands.params import Command

# name → module, in the order of ``rolreport --help``
MODULES = {
    "build": "build",
    "check": "check",
    "convert": "convert",
    "stats": "stats",
    "site": "site",
    "diff": "diff",
    "import": "import_",
    "new": "new",
    "schema": "schema",
    "rule": "rule",
    "export-templates": "export_templates",
}


def command(name: str) -> Command:
    """The command called ``name`` (a KeyError when there is none)."""
    module = importlib.import_module(f"rolreport.commands.{MODULES[name]}")
    found: Command = module.COMMAND
    return found


def all_commands() -> list[Command]:
    return [command(name) for name in MODULES]
