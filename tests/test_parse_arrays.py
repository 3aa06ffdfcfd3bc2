"""The parse read into lists (``parse_arrays.Tree``) says what spaCy's tokens say."""

from __future__ import annotations

import gc

import pytest
import spacy
from spacy.tokens import Doc

from newsevents import parse_arrays
from newsevents.parse_arrays import Tree


def _hand_doc() -> Doc:
    # "Envoys of Norland and Sudoria met in Portvale and signed a pact ."
    words = ["Envoys", "of", "Norland", "and", "Sudoria", "met", "in", "Portvale", "and", "signed", "a",
             "pact", "."]
    heads = [5, 0, 1, 2, 2, 5, 5, 6, 5, 5, 11, 9, 5]
    deps = ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "prep", "pobj", "cc", "conj", "det", "dobj",
            "punct"]
    pos = ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "ADP", "PROPN", "CCONJ", "VERB", "DET",
           "NOUN", "PUNCT"]
    tags = ["NNS", "IN", "NNP", "CC", "NNP", "VBD", "IN", "NNP", "CC", "VBD", "DT", "NN", "."]
    lemmas = ["Envoy", "of", "Norland", "and", "Sudoria", "meet", "in", "Portvale", "and", "sign", "a",
              "pact", "."]
    ents = ["O", "O", "B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O", "O", "O", "O", "O"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)


def _same_as_tokens(doc: Doc, tree: Tree) -> None:
    for tok in doc:
        i = tok.i
        assert tree.head[i] == tok.head.i
        assert (tree.dep[i], tree.pos[i], tree.tag[i], tree.ent_type[i]) == (tok.dep_, tok.pos_, tok.tag_,
                                                                             tok.ent_type_)
        assert (tree.lower[i], tree.lemma[i]) == (tok.lower_, tok.lemma_.lower())
        assert tree.children(i) == tuple(c.i for c in tok.children)
        assert tree.ancestors(i) == [a.i for a in tok.ancestors]
        assert tree.ancestors(i, 1) == [a.i for a in tok.ancestors][:1]
        assert tree.conjuncts(i) == [c.i for c in tok.conjuncts]


def test_hand_built_parse_reads_as_its_tokens():
    doc = _hand_doc()
    tree = Tree(doc)
    _same_as_tokens(doc, tree)
    assert tree.lemma[0] == "envoy"  # lemmas lower-cased, as the stages compare them
    assert tree.lower[0] == "envoys"
    assert tree.children(5) == (0, 6, 8, 9, 12)
    assert tree.conjuncts(2) == [4] and tree.conjuncts(9) == [5]
    assert tree.prep_objects(5, ("in",)) == [7]
    assert tree.prep_objects(0, {"of"}) == [2]
    assert tree.prep_objects(5, ("with",)) == []


def test_empty_document():
    tree = Tree(Doc(spacy.blank("en").vocab, words=[]))
    assert tree.head == [] and tree.lemma == []


@pytest.mark.slow
def test_model_parse_reads_as_its_tokens(nlp):
    doc = nlp("The two ministers had not agreed on Tuesday to resume talks in Vienna, "
              "officials in Port Halden said, while a cease-fire held along the border.")
    _same_as_tokens(doc, Tree(doc))


def test_tree_of_is_kept_with_its_document_only():
    doc = _hand_doc()
    first = Tree.of(doc)
    assert Tree.of(doc) is first
    fresh = Tree.read(doc)
    assert fresh is not first and Tree.of(doc) is fresh
    kept = len(parse_arrays._TREES)
    del doc
    gc.collect()
    assert len(parse_arrays._TREES) == kept - 1  # the tree holds no reference to its document
