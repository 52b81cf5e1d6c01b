"""Every user-visible string, in the active language: `text.X` is X of `dashboard/locales/<lang>.py`.

The language is the one `dashboard.i18n.language` made active for the current visit or callback; `text.fmt`
fills a template with numbers in that language's format.
"""

from __future__ import annotations

from dashboard.i18n import catalogue, current_lang, fmt
from geodata.schema import LIST_SEPARATOR

__all__ = ["fmt", "label", "labels", "list_label", "short_label", "tags_label"]


def label(vocabulary: str, word: str) -> str:
    """A vocabulary word's label ("suspended" -> "Suspended"); unknown words as they are."""
    return catalogue(current_lang()).VOCAB_LABELS[vocabulary].get(word, word)


def labels(vocabulary: str) -> dict[str, str]:
    """Word -> label of a vocabulary (status, aid, relation, theme, conflict, tier, kind, certainty)."""
    return catalogue(current_lang()).VOCAB_LABELS[vocabulary]


def short_label(label: str) -> str:
    """A vocabulary label without its parenthesis, for the legend ("Ended (terminated or retired)" -> "Ended")."""
    return label.split(" (")[0]


def __getattr__(name: str) -> object:
    # Looked up on each access, not bound at import, so one process can serve both languages.
    return getattr(catalogue(current_lang()), name)


def list_label(vocabulary: str, words: object) -> str:
    """The labels of a list cell of vocabulary words ("energy;reconstruction" -> "Energy, Reconstruction")."""
    return ", ".join(label(vocabulary, w) for w in str(words or "").split(LIST_SEPARATOR) if w)


def tags_label(conflicts: object, conflicts_derived: object, themes: object, themes_derived: object) -> str:
    """A tie's conflict and theme tags in short, derived ones marked ("Russia-Ukraine war (derived), Health")."""
    parts = []
    for vocabulary, cited, derived in (("conflict", conflicts, conflicts_derived), ("theme", themes, themes_derived)):
        for word in str(cited or "").split(LIST_SEPARATOR):
            if word:
                parts.append(short_label(label(vocabulary, word)))
        for word in str(derived or "").split(LIST_SEPARATOR):
            if word:
                parts.append(fmt(catalogue(current_lang()).TAG_DERIVED, tag=short_label(label(vocabulary, word))))
    return ", ".join(parts)
