"""The register: notification requirements under the Sexual Offences Act 2003, Part 2.

For now only the pure rules (``register.rules``): how long an offender stays on the register and
by when each notification is due. The records (models, services, pages) come later.
"""
