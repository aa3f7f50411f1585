# Offender records are deliberately not in the Django admin: every change must go through
# offenders.services so that it is validated and written to the audit log (DPA 2018 s.62).
