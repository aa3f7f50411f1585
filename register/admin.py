# Register records are deliberately not in the Django admin: every change goes through
# register.services so that it is checked by the rules and written to the audit log.
