"""Domain knowledge, each fact in one place: every command reads it from here.

* :mod:`.scripts` — the four scripts, their names in their own script, their languages;
* :mod:`.chars` — what counts as a Han character, the full-width punctuation tables, the
  control characters a report may not hold;
* :mod:`.chrome` — web-page furniture (share bars, print links, page headers) and drafting
  placeholders, in both scripts;
* :mod:`.roles` — the statutory roles and the words that signal them (第一责任人, 不足, 原因 …);
* :mod:`.laws` — the law and regulation names RR309 knows;
* :mod:`.forms` — forms a Traditional locale accepts where OpenCC writes another character
  (Taiwan's 布局, 周年, 回音), from ``data/locale-forms.tsv``;
* :mod:`.width` — display width and line breaking, for help pages and check's output.

Modules here import nothing heavy (no OpenCC, pydantic or YAML), so any stage may use them.
"""
