"""The register: notification requirements under the Sexual Offences Act 2003, Part 2.

``register.rules`` holds the pure rules (no Django: how long an offender stays on the register
and by when each notification is due). The app keeps each offender's registration, the
notifications received, civil orders with their prohibitions and suspected breaches, written by
``register.services`` and read by ``register.selectors`` (the summary panel, the Register tab and
the dashboard's compliance figures).
"""
