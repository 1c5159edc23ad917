"""The JSON Schema of report sources, for editors (yaml-language-server) and for review.

pydantic emits JSON Schema 2020-12 with ``$defs``; yaml-language-server supports draft-07 and
below, so the schema is stamped draft-07 and its definitions are moved to ``definitions``.
The copy committed in ``schema/`` is checked against this output by a test.
"""

from __future__ import annotations

import json
from typing import Any

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def report_schema() -> dict[str, Any]:
    from rolreport.model import Report

    schema = Report.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    ordered: dict[str, Any] = {"$schema": DRAFT_07, **schema}
    if definitions:
        ordered["definitions"] = definitions
    return ordered


def schema_text() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"
