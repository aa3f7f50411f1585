"""Register pages: the Register tab, and the forms that record the register's facts."""
