"""The imported report as a readable YAML source: schema modeline, keys in the model's order,
long paragraphs in literal block style (``|-``), Chinese unescaped."""

from __future__ import annotations

import io
from typing import Any

ORDER = ["title", "issuer", "jurisdiction", "year", "script", "published", "audience", "addressee", "session_note",
         "salutation", "doc_number", "section_heading", "closing", "preamble", "role", "heading", "date",
         "paragraphs", "parts", "sections", "items"]  # fmt: skip
LONG = 40  # paragraphs longer than this many characters go into literal blocks


def to_yaml(data: dict[str, Any], schema: str, source_note: str) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    def convert(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            out = CommentedMap()
            keys = [k for k in ORDER if k in value] + [k for k in value if k not in ORDER]
            for k in keys:
                if value[k] is not None:
                    out[k] = convert(value[k], k)
            return out
        if isinstance(value, list):
            return CommentedSeq(convert(v, key) for v in value)
        if isinstance(value, str) and key in ("paragraphs", "preamble") and len(value) > LONG:
            return LiteralScalarString(value)
        return value

    yaml = YAML()
    yaml.width = 1_000_000  # never fold a line of Chinese text (folding would insert spaces)
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(convert(data), buffer)
    header = f"# yaml-language-server: $schema={schema}\n# 由 rolreport import 生成：{source_note}。请核对标题、发文机关和各部分的法定内容（role）。\n"
    return header + buffer.getvalue()
