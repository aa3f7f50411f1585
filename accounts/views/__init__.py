"""Account pages, one module a topic: landing, the two-step sign-in, account administration."""
