"""``rolreport stats``: one row per report, and with ``--facts`` one row per quantity.

``texts`` walks a report's prose with each text's path and statutory role; ``quantities`` finds
the counts in it; ``table`` makes the rows (metadata, the gazetteer's level of government,
characters per role, counts, quantities, citations, ``check`` findings); ``output`` writes CSV,
JSON Lines or Parquet.
"""
