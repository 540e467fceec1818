"""The edition's local Sphinx extensions, one module per job (each is loaded by name in conf.py)."""
