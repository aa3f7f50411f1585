"""Shared plumbing, written once for every app (like healthchecks' ``hc/lib``).

- ``ordinal``, ``dates``, ``svg``: pure Python (no Django), usable by the pure rule modules.
- ``forms``: the GOV.UK form-helper factory, the shared form fields and the mapping of a
  service's ``ValidationError`` onto a form.
- ``views``: the form-page view helper every "GET shows the form, POST calls one service" page
  uses.

Nothing here imports an app: every app may import it.
"""
