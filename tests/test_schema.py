"""The committed JSON Schema is fresh, draft-07, and accepts what rolreport accepts."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLE, ROOT
from rolreport.schema import schema_text

COMMITTED = ROOT / "schema" / "rolreport.schema.json"


def test_committed_schema_is_fresh(update_goldens):
    if update_goldens:
        COMMITTED.write_text(schema_text(), encoding="utf-8")
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "schema/rolreport.schema.json is stale: run `rolreport schema -o schema/rolreport.schema.json`"
    )


def test_schema_command_prints_it(run):
    result = run("schema")
    assert result.exit_code == 0
    assert result.stdout == COMMITTED.read_text(encoding="utf-8")


def test_schema_is_draft_07_with_chinese_hover_text():
    schema = json.loads(schema_text())
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    text = schema_text()
    for keyword in ("$defs", "prefixItems", "unevaluatedProperties", "$dynamicRef"):
        assert keyword not in text
    assert schema["properties"]["script"]["title"] == "文字"
    assert "\\u" not in text  # Chinese is written as Chinese
    assert schema["additionalProperties"] is False


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()  # YAML 1.2 editors see dates as strings
    return value


@pytest.mark.parametrize("name", ["examples/changzhou-2024.yaml", "tests/data/features.yaml"])
def test_schema_accepts_valid_reports(name):
    data = _plain(YAML(typ="safe").load((ROOT / name).read_text(encoding="utf-8")))
    jsonschema.Draft7Validator(json.loads(schema_text())).validate(data)


def test_schema_rejects_unknown_keys_and_bad_roles():
    data = _plain(YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8")))
    validator = jsonschema.Draft7Validator(json.loads(schema_text()))
    data["parts"][0]["paragraph"] = ["x"]
    data["parts"][1]["role"] = "bogus"
    assert len(list(validator.iter_errors(data))) == 2


def test_example_starts_with_the_modeline():
    first = EXAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/rolreport.schema.json"
    assert (EXAMPLE.parent / "../schema/rolreport.schema.json").resolve() == COMMITTED.resolve()
