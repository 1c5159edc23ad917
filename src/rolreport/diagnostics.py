"""Located diagnostics: the one error type every stage raises.

A drafting clerk fixes a report from the list of problems, so every stage collects *all* the
problems it can find and raises them together, each with its file, 1-based line and column and
(where it has one) the YAML path.  The CLI prints them as ``FILE:LINE:COL: message [path]`` on
stderr and maps the error class to an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rolreport.lexicon.chars import UNSAFE, UNSAFE_BUT_LF


def visible(text: str) -> str:
    """``text`` with every invisible character (zero-width, format, unusual spaces) escaped too:
    for showing what a fix deletes, which a reader must be able to see."""
    import unicodedata

    return "".join(
        f"\\u{ord(ch):04x}" if ch != " " and unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Cs") else ch
        for ch in text
    )


def json_safe(text: str) -> str:
    """JSON text with the same characters escaped as JSON escapes (valid inside JSON strings,
    where the only raw controls json.dumps leaves can be)."""
    return UNSAFE_BUT_LF.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def printable(text: str, keep_lines: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\u202e``);
    line feeds too unless ``keep_lines`` (a whole report of several lines)."""
    return (UNSAFE_BUT_LF if keep_lines else UNSAFE).sub(
        lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text
    )


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
        return printable(text)


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
