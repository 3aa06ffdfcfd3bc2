"""The compiled attribute-ruler matching gives the very matches of spaCy's own."""

from __future__ import annotations

import pytest
import spacy

from newsevents import attribute_rules, nlp as nlp_module
from newsevents.attribute_rules import CompiledMatch

SENTENCES = [
    "The ministers said that they would meet again if the talks went well.",
    "Something went wrong, but nobody knew whether the envoy had left.",
    "Ain't nobody gonna sign that, y'all, the delegate joked; let's go.",
    "There are three ships in the strait and there is no agreement yet.",
    "He gets the briefing daily and got a call from the embassy at 9 a.m.\n\nNew paragraph.",
    "  Leading spaces,   inner spaces\tand a tab.  ",
    "C'mon, nothin' was agreed in the 2019 accord between the two states!",
    "",
]


@pytest.fixture(scope="module")
def pipeline():
    return nlp_module.load()


def test_installed_on_the_default_pipeline(pipeline):
    assert isinstance(pipeline.get_pipe("attribute_ruler").match, CompiledMatch)


def test_same_matches_as_the_matcher(pipeline):
    ruler = pipeline.get_pipe("attribute_ruler")
    compiled = ruler.match
    original = type(ruler).match  # spaCy's own, through its Matcher
    with pipeline.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(pipeline.pipe(SENTENCES))
    for doc in docs:
        assert compiled(doc) == original(ruler, doc), doc.text


def test_rules_of_every_kind_against_the_matcher():
    """A ruler with one-token tests of each kind, runs of tokens, a regex and an operator."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "talk"})
    ruler.add([[{"LOWER": {"IN": ["meet", "met"]}, "IS_TITLE": False}]], {"LEMMA": "meet"})
    ruler.add([[{"ORTH": {"NOT_IN": ["the", "a"]}, "IS_ALPHA": True}]], {"NORM": "word"})
    ruler.add([[{"LOWER": {"REGEX": "^un"}}]], {"NORM": "un-word"})
    ruler.add([[{"LOWER": "prime"}, {"LOWER": "minister"}]], {"NORM": "pm"}, index=1)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"IS_ALPHA": True}]], {"NORM": "intense"}, index=-1)
    ruler.add([[{"IS_PUNCT": True}], [{"LIKE_NUM": True}]], {"NORM": "sym"})
    ruler.add([[{"TEXT": "UN"}]], {"LEMMA": "UN"})
    compiled = CompiledMatch(ruler)
    assert len(compiled.rest) == 1  # the operator's pattern stays with a Matcher
    for text in ["The UN prime minister met unhappy delegates at 10, very very late.",
                 "Talks Meet the un official; a prime  minister unwinds."]:
        doc = nlp.make_doc(text)
        assert compiled(doc) == type(ruler).match(ruler, doc), text


def test_rules_added_later_are_compiled(pipeline):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "envoy"}]], {"LEMMA": "envoy"})
    compiled = CompiledMatch(ruler)
    ruler.add([[{"LOWER": "treaty"}]], {"LEMMA": "treaty"})
    doc = nlp.make_doc("The envoy signed the treaty.")
    assert compiled(doc) == type(ruler).match(ruler, doc)
    assert [m[0] for m in compiled(doc)] == [0, 1]


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv(attribute_rules.ENV_SWITCH, "0")
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    assert attribute_rules.install(nlp) is False
    monkeypatch.setenv(attribute_rules.ENV_SWITCH, "1")
    assert attribute_rules.install(nlp) is True
    assert attribute_rules.install(nlp) is False  # once only
