"""The tables as CSV (default), JSON Lines or Parquet (with pyarrow: ``pip install 'rolreport[data]'``).

CSV: a header row, booleans as ``true``/``false``, an empty cell for a value not known (DuckDB's
``read_csv`` reads all three as typed); ``bom`` puts a UTF-8 byte-order mark first, which Excel
needs to read the Chinese text right.  JSON Lines: one object a line, ``null`` for not known.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from rolreport.diagnostics import UsageError

FORMATS = ("csv", "jsonl", "parquet")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, bom: bool = False) -> bytes:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(row[c]) for c in columns] for row in rows)
        return ("\ufeff" if bom else "").encode("utf-8") + buffer.getvalue().encode("utf-8")
    if fmt == "jsonl":
        return "".join(json.dumps({c: row[c] for c in columns}, ensure_ascii=False) + "\n" for row in rows).encode()
    if fmt == "parquet":
        return _parquet(rows, columns)
    raise UsageError(f"未知的格式 `{fmt}`；可选：{', '.join(FORMATS)} (unknown format)")


def _parquet(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("Parquet 输出需要 pyarrow：pip install 'rolreport[data]' (parquet needs pyarrow)") from None
    from rolreport.stats.table import TYPES

    arrow = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}
    arrays = {}
    for column in columns:
        kind = TYPES.get(column, "text")
        values = [row[column] for row in rows]
        if kind == "date":  # written as ISO dates in every format; a date type here
            arrays[column] = pa.array(values, pa.string()).cast(pa.date32())
        else:
            arrays[column] = pa.array(values, arrow.get(kind, pa.string()))
    data = pa.table(arrays)
    buffer = io.BytesIO()
    pq.write_table(data, buffer)
    return buffer.getvalue()
