"""Demo sandboxes (issue 16): seeding a sandbox tenant with a deterministic demo story and resetting it.

``profiles.py`` (the ``ops-heavy`` and ``admin-heavy`` stories as data), ``stories.py`` (:func:`seed_sandbox`),
``reset.py`` (:func:`reset_sandbox` and which tables a reset keeps), ``digest.py`` (the content digest),
``ids.py`` (seeded ids in the platform's format), ``ops.py`` and ``admin.py`` (the rows per domain). No HTTP
here; no module is named ``seed.py`` (the development seed runs every such module).
"""
