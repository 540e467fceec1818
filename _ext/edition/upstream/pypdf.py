"""pypdf internals the edition relies on (checked against pypdf==7.1.1).

``PdfWriter`` has no public way to add an indirect object to the file it writes, and a
stream (a font's ToUnicode CMap) can only be an indirect object: :func:`add_object` wraps
``PdfWriter._add_object``, which returns the new object's reference.

Tests: ``tests/test_upstream.py`` (``test_pypdf_*``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf import PdfWriter
    from pypdf.generic import IndirectObject, PdfObject

__all__ = ["add_object"]


def add_object(writer: PdfWriter, obj: PdfObject) -> IndirectObject:
    """Add ``obj`` to the file ``writer`` writes; its indirect reference."""
    return writer._add_object(obj)
