"""Synthetic demo and scale data, kept out of the production apps.

The top layer: it may import any app, and no production app imports it. ``manage.py seed_demo``
loads the demo (``demo.offenders`` … ``demo.dashboard``); ``manage.py seed_scale`` builds the
national data set for benchmarks (``demo.scale``). Needs the ``demo`` extra (Faker):
``pip install -e '.[demo]'``.
"""
