"""What a page's author writes: ``{kaynak}`` citations, ``{alinti}`` quotations, ``{sonuc}``
conclusions, ``{editor-notu}`` notes, the quotation index and the bibliography style.

A new directive or role for the pages goes here. It uses ``edition.core`` only (the domain
for anything other pages refer to, ``core.messages`` for its warnings).
"""
