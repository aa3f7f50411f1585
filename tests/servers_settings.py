"""Settings for the app servers that tests/test_two_servers.py starts: production settings
(DEBUG off, database sessions, the database task backend) with static files served from the
finders, so no collectstatic run is needed (and nothing is written into the checkout)."""

from arms_site.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # as the test data's
