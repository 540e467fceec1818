"""MyST-Parser internals the edition relies on (checked against myst-parser==5.2.0).

Tests: ``tests/test_upstream.py`` (``test_myst_*``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils import nodes


def is_myst_state(state: Any) -> bool:
    """Whether a directive runs inside a MyST page.

    Assumes: MyST gives directives a ``myst_parser.mocking.MockState`` as ``state``
    (myst-parser 5.2.0).
    """
    from myst_parser.mocking import MockState

    return isinstance(state, MockState)


def run_include(
    state: Any,
    *,
    name: str,
    klass: type,
    arguments: list[str],
    options: dict[str, Any],
    body: list[str],
    lineno: int,
) -> Sequence[nodes.Node]:
    """Run an ``include`` on a MyST page as MyST runs its own (included Markdown parsed
    as Markdown, MyST's options honoured).

    Assumes: the ``MockState`` keeps its renderer in ``_renderer``, and
    ``myst_parser.mocking.MockIncludeDirective(renderer, name, klass, arguments,
    options, body, lineno).run()`` (myst-parser 5.2.0).
    """
    from myst_parser.mocking import MockIncludeDirective

    return MockIncludeDirective(
        state._renderer,
        name=name,
        klass=klass,
        arguments=arguments,
        options=options,
        body=body,
        lineno=lineno,
    ).run()
