"""Handwritten mixins composed into the generated resource classes.

``resources/_custom/<module>.py`` may define ``<Class>Mixin`` and ``Async<Class>Mixin``; the generator
(``codegen/sdk.py``) finds them and makes the generated ``<Class>`` inherit them. Put behaviour here that the
spec cannot describe (methods built on top of the generated operations); never edit generated files.
"""
