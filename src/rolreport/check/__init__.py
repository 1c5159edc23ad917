"""``rolreport check``: rules over report sources, with exact positions and safe fixes.

Stages: :mod:`.scalars` finds every prose scalar with a map from each character of its value
to its place in the file; :mod:`.text_rules`, :mod:`.script_rules` and :mod:`.report_rules`
produce findings; :mod:`.engine` applies configuration and inline suppressions;
:mod:`.fix` edits the source text; :mod:`.output` writes the findings in each format.
"""
