"""The machinery of the hostile-input fuzz (``tests/test_hostile_input.py`` and
``tests/test_hostile_input_red_team.py``):

- ``pages``: which pages are fuzzed, as whom, what each needs built, and filling their paths;
- ``page_forms``: reading a page's forms from its HTML, and the Django form behind it;
- ``values``: the hostile values, and every hostile submission of one form.
"""
