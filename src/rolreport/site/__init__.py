"""``rolreport site``: a static site over a corpus of reports, searchable without a server.

``run`` reads the sources (as ``stats`` does: its row is each report's line in the index),
renders each report's page with ``build``'s HTML template (in its own script and, with
``--script``, in the others; the same jurisdiction's other years linked), renders the index
(``templates/site-index.html``), writes everything at once, then has Pagefind index the pages.
"""
