"""Located diagnostics: the one error type every stage raises.

A drafting clerk fixes a report from the list of problems, so every stage collects *all* the
problems it can find and raises them together, each with its file, 1-based line and column and
(where it has one) the YAML path.  The CLI prints them as ``FILE:LINE:COL: message [path]`` on
stderr and maps the error class to an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file.  ``line``/``column`` are 1-based code points; 0 means "unknown"."""

    file: str
    line: int = 0
    column: int = 0
    message: str = field(default="", compare=False)
    path: str = field(default="", compare=False)

    def format(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{max(self.column, 1)}"
        text = f"{where}: {self.message}"
        if self.path:
            text += f" [{self.path}]"
        return text


class RolreportError(Exception):
    """Bad input: one or more located diagnostics.  Exit code 1."""

    exit_code = EXIT_INVALID

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


class UsageError(RolreportError):
    """A problem with how rolreport was called (missing file, clashing options, bad template).

    Exit code 2, the same as the command-line parser's own usage errors.
    """

    exit_code = EXIT_USAGE

    def __init__(self, message: str | Diagnostic | list[Diagnostic], file: str = "rolreport"):
        super().__init__(Diagnostic(file, message=message) if isinstance(message, str) else message)
