"""Everything only the web site needs: the theme's adaptation and templates, navigation,
bundled assets, the Content Security Policy, Turkish search, citing, sources, the static
files, the anchors' redirects, and ids (each once on a page, ¶ links to published anchors).

A change to the HTML output goes here. It may use ``core``, ``content``, ``registers`` and
``checks``, never ``pdf``.
"""
