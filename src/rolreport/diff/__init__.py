"""``rolreport diff``: what changed between two reports.

The stages, each a module: ``load`` reads OLD and NEW (a source, or anything ``import`` reads) and
converts OLD into NEW's script; ``compare`` matches the structure (parts and sections by role,
title and content, so a moved or renamed section is one change), then the paragraphs inside
matched sections, then the characters inside matched paragraphs (``chars``); the writers print
the result: ``text`` (a terminal), ``html`` (one page), ``tracked`` (Word with tracked changes),
``json`` (for tools).  Every writer reads the same :class:`compare.Comparison`.
"""
