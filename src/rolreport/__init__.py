"""rolreport: a structured-report compiler for 法治政府建设年度报告.

Only the version lives here: ``rolreport --version`` must not pay for importing pydantic,
jinja2 or ruamel.yaml, so this module imports nothing.
"""

__version__ = "0.1.0"
