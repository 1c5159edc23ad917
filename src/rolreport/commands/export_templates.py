"""``rolreport export-templates``: copy the bundled templates.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rolreport.commands.params import Command, argument


def export_templates(folder: str) -> None:
    from rolreport.diagnostics import UsageError
    from rolreport.fsio import write_files
    from rolreport.render import FORMATS, bundled_templates_dir

    source = bundled_templates_dir()
    targets = [Path(folder) / name for name in FORMATS.values()]
    existing = [str(t) for t in targets if t.exists()]
    if existing:
        raise UsageError(f"文件已存在，未覆盖 (already exists): {', '.join(existing)}")
    write_files([(target, (source / target.name).read_bytes()) for target in targets])
    for target in targets:
        print(f"已写出 {target}", file=sys.stderr)


COMMAND = Command(
    "export-templates",
    "复制内置模板以便修改",
    "把内置模板复制到 FOLDER 以便修改，再用 build --templates FOLDER 使用；不覆盖已有文件。",
    (argument("folder", "FOLDER", "写入模板的文件夹。"),),
    export_templates,
)
