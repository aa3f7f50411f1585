"""The synthetic national data set for benchmarks (``manage.py seed_scale``).

``org``: forces, teams and accounts; ``people``: identities, court history and addresses;
``scores``: RM2000; ``cases``: assessments, levels, visits and schedules for one offender;
``backdating``: explicit timestamps; ``generator``: ``seed_scale``, which writes it all in bulk.
"""
