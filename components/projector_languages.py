"""The projector in one language or in two side by side, each part marked with its `lang`.

Both side by side: each view's HTML is built once in each language, from the same record,
so the two have the same elements in the same order and differ only in our own words.
Where a piece of text differs, both are shown, one beside the other, each in an element
with its `lang` (WCAG 3.1.2), so a screen reader speaks each with the right voice; where it
is the same (people's own words, numbers, names), it is shown once. Should the two ever
differ in shape, the first language is shown alone rather than a garbled mix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from i18n import using

_TOKEN = re.compile(r"<[^>]*>|[^<]+")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")


def in_languages(languages: Sequence[str], build: Callable[[], str]) -> str:
    """`build()`, a view's HTML, in each of `languages`: in a block marked with its language
    when there is one, both side by side when there are two."""
    versions = []
    for language in languages:
        with using(language):
            versions.append((language, build()))
    if len(versions) == 1:
        language, html = versions[0]
        return f'<div lang="{language}">{html}</div>'
    return side_by_side(versions)


def side_by_side(versions: Sequence[tuple[str, str]]) -> str:
    """One HTML from the same view's HTML in several languages (see the module's note)."""
    first_language, first = versions[0]
    tokens = [_TOKEN.findall(html) for _, html in versions]
    if not _same_shape(tokens):
        return f'<div lang="{first_language}">{first}</div>'
    merged = []
    for pieces in zip(*tokens, strict=True):
        head = pieces[0]
        if head.startswith("<") or all(piece == head for piece in pieces):
            merged.append(head)  # a tag (its attributes in the first language), or the same
            continue
        merged.append(
            "".join(
                f'<span class="pj-lang" lang="{language}">{piece.strip()}</span>'
                for (language, _html), piece in zip(versions, pieces, strict=True)
            )
        )
    return f'<div lang="{first_language}">{"".join(merged)}</div>'


def _same_shape(tokens: list[list[str]]) -> bool:
    """Whether every version has the same tags in the same places."""
    if len({len(t) for t in tokens}) != 1:
        return False
    for pieces in zip(*tokens, strict=True):
        tags = [piece.startswith("<") for piece in pieces]
        if any(tags) and not all(tags):
            return False
        if all(tags) and len({_name(piece) for piece in pieces}) != 1:
            return False
    return True


def _name(tag: str) -> str:
    found = _TAG_NAME.match(tag)
    return found.group(1).lower() if found else tag
