"""One module per command: each parses its options and calls the pipeline.

``rolreport.cli`` builds the typer app from these only when a command runs (``--version``
imports none of them).
"""

from typing import Any


def register(app: Any) -> None:
    """Add every command to the typer app (each module is imported only when the app is built)."""
    from rolreport.commands import (
        build,
        check,
        convert,
        diff,
        export_templates,
        import_,
        new,
        rule,
        schema,
        site,
        stats,
    )

    app.command(short_help="校验报告并生成 md、html、txt、docx、pdf")(build.build)
    app.command(short_help="按规则检查报告，可自动修复")(check.check)
    app.command(short_help="在简体和繁体之间转换文件")(convert.convert)
    app.command(short_help="每份报告一行的数据表：字数、法定内容、数量、引用、检查结果")(stats.stats)
    app.command(short_help="为许多报告生成可搜索的静态网站")(site.site)
    app.command(short_help="比较两份报告：结构、段落、字句；Word 修订")(diff.diff)
    app.command("import", short_help="把已发布的报告转为 YAML 源文件")(import_.import_)
    app.command(short_help="写出一份报告骨架")(new.new)
    app.command(short_help="输出报告源文件的 JSON Schema")(schema.schema)
    app.command(short_help="显示规则的说明")(rule.rule)
    app.command("export-templates", short_help="复制内置模板以便修改")(export_templates.export_templates)
