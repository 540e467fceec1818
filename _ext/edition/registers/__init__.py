"""The registers generated from ``data/``: the chronology and the persons.

A new register goes here: its data file in ``data/``, its JSON Schema in ``data/schema/``,
its ``edition_*`` setting in ``edition.core.CONFIG_VALUES``, reading through
``edition.core.data``. It uses ``edition.core`` only.
"""
