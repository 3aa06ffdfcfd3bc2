"""The remembered lemmas are the rule lemmatizer's own."""

from __future__ import annotations

import spacy
from spacy.attrs import LEMMA

from newsevents import lemma_cache, nlp as nlp_module

TEXTS = [
    "The envoys were meeting their counterparts and had signed two accords by Friday.",
    "Ministers met; the minister meets them again, meeting after meeting, better and best.",
    "Gonna sign? The talks' outcomes weren't known, said the spokeswoman's deputies.",
    "Protesters marched, marching past the embassies while police watched.",
    "",
]


def test_installed_before_the_lemmatizer():
    names = nlp_module.load().pipe_names
    assert names.index(lemma_cache.NAME) == names.index("lemmatizer") - 1


def test_same_lemmas_as_the_lemmatizer_alone():
    plain = spacy.load(nlp_module.model_name())  # spaCy's pipeline as shipped
    ours = nlp_module.load()
    for _ in range(2):  # the second pass answers from the cache
        for a, b in zip(plain.pipe(TEXTS), ours.pipe(TEXTS)):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b], a.text
            assert (a.to_array([LEMMA]) == b.to_array([LEMMA])).all()


def test_lemmas_set_before_are_kept():
    nlp = spacy.load(nlp_module.model_name(), disable=["ner"])
    assert lemma_cache.install(nlp) and not lemma_cache.install(nlp)
    doc = nlp.make_doc("They are gonna sign it.")
    for name, proc in nlp.pipeline:
        if name == lemma_cache.NAME:
            doc[0].lemma_ = "kept"
        doc = proc(doc)
    assert doc[0].lemma_ == "kept" and doc[1].lemma_ == "be"


def test_not_for_a_lemmatizer_that_overwrites():
    nlp = spacy.load(nlp_module.model_name(), disable=["ner"])
    nlp.get_pipe("lemmatizer").overwrite = True
    assert lemma_cache.install(nlp) is False


def test_lemmas_outlive_a_memory_zone():
    """A lemma first seen inside a memory zone is right again in the next zone."""
    nlp = nlp_module.load()
    texts = ["The frigates were zigzagging past the quayside.", "Zigzagging frigates, quaysides."]
    for _ in range(2):
        with nlp.memory_zone():
            lemmas = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
        assert lemmas[0][:5] == ["the", "frigate", "be", "zigzag", "past"]
