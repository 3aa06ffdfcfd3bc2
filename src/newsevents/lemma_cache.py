"""The rule lemmatizer's answers, remembered by word, part of speech and morphology.

Why our own: spaCy's rule lemmatizer works token by token in Python, and it remembers only the
words it had to change: a singular noun, a base verb or a plain adjective (most of a text) goes
through its rules again at every occurrence, reading the token's morphology as a dict each time.
Its answer is a function of the word, its coarse part of speech and its morphology alone (its
tables never change while it runs), so this component, placed just before it, reads those three
per token as one array, looks the lemma up by them, asks the lemmatizer itself for what it has
not seen yet, and writes the lemmas back as one array.  The lemmatizer then finds every lemma
set and leaves it, as it does with the lemmas the attribute ruler sets: the lemmas are the very
ones it gives (``tests/test_lemma_cache.py``).  Only a rule lemmatizer that does not overwrite
lemmas is helped; ``NEWSEVENTS_FAST_ATTRIBUTES=0`` switches this off with the compiled
attribute ruler (:mod:`newsevents.attribute_rules`).
"""

from __future__ import annotations

import numpy as np

NAME = "newsevents_lemma_cache"
_CACHE_LIMIT = 50_000  # about 12 MB at most; news text repeats its words (a long run clears and refills it)


class LemmaCache:
    """Fills each token's lemma, when none is set, with the lemmatizer's answer for its key."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        # the lemma's text, not its hash: a string added inside ``nlp.memory_zone()`` is
        # forgotten by the vocabulary when the zone closes
        self.cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].tolist()
        cache, strings = self.cache, doc.vocab.strings
        missing = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = self.lemmatizer.lemmatize(doc[i])[0]
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                cache[key] = found
            lemmas[i] = strings.add(found)
            missing = True
        if missing:
            doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64).reshape(-1, 1))
        return doc


def install(nlp) -> bool:
    """Put the cache before a rule lemmatizer that keeps the lemmas it finds; True when added."""
    from spacy.language import Language

    if "lemmatizer" not in nlp.pipe_names or NAME in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    if NAME not in Language.factories:
        @Language.factory(NAME)
        def make_lemma_cache(nlp, name):
            return LemmaCache(nlp.get_pipe("lemmatizer"))
    nlp.add_pipe(NAME, before="lemmatizer")
    return True
