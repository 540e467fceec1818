"""edition.core.xref: the one factory of the edition's pending cross-references."""

from __future__ import annotations

from edition.core.xref import reference
from sphinx import addnodes


def test_a_reference_shows_its_target_until_resolved():
    node = reference("ulusal-sorun")
    assert isinstance(node, addnodes.pending_xref)
    assert node.astext() == "ulusal-sorun"
    assert (node["refdomain"], node["reftype"], node["reftarget"]) == ("std", "ref", "ulusal-sorun")
    assert node["refexplicit"] is False  # the resolver shows the section's title
    assert node["refwarn"] is True  # a missing target is reported
    assert "refdoc" not in node


def test_an_explicit_reference_keeps_its_text():
    node = reference("kisi-stalin", "Stalin", domain="edition", reftype="kisi", explicit=True)
    assert node.astext() == "Stalin"
    assert (node["refdomain"], node["reftype"], node["reftarget"]) == (
        "edition",
        "kisi",
        "kisi-stalin",
    )
    assert node["refexplicit"] is True


def test_a_page_reference_names_the_page_it_stands_on():
    node = reference("/ulusal-sorun", "ulusal-sorun", reftype="doc", refdoc="kisiler")
    assert node["refdoc"] == "kisiler"
    assert node.astext() == "ulusal-sorun"
    # the attributes in the order the hand-built nodes had them (the pickled doctrees
    # stay byte for byte the same)
    assert [k for k in node.attributes if k.startswith("ref")] == [
        "refdomain",
        "reftype",
        "reftarget",
        "refexplicit",
        "refwarn",
        "refdoc",
    ]
