"""``rolreport import``: a published report (text, Markdown, web page, Word) → a YAML source.

:mod:`.extract` turns each input kind into lines of text; :mod:`.classify` recognises title,
frame, preamble, parts, sections, items and closing, guesses roles, and lists every line it
dropped or could not classify; :mod:`.emit` writes a readable YAML source that validates.
"""
