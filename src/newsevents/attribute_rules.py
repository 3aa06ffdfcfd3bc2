"""The spaCy attribute ruler's matching, compiled to a table lookup (same matches, faster).

Why our own: the English pipelines set a token's coarse part of speech, morphology and some
lemmas with an ``AttributeRuler`` whose ~180 patterns (a tag map plus word exceptions such as
``{"TAG": "IN", "LOWER": {"IN": ["that", "if", ...]}}``) run through spaCy's ``Matcher``, which
tests every pattern at every token, set predicates in Python.  On news text that is about 16% of
``en_core_web_sm``'s whole pipeline, as much as the dependency parser, for what is a lookup.

Almost every pattern compares a token's attributes (``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``, ...)
with values, ``IN``/``NOT_IN`` sets or a ``REGEX``.  Whether a token passes such a test depends
only on which of the *values named in the patterns* its attributes have (a value no pattern
names behaves like any other such value) and, for an attribute a regex reads, on which regexes
its text matches.  So each token's attributes are read once per doc as an array, folded to that
short key, and the tests a token passes are looked up (and remembered) by the key; a pattern of
several tokens (no operators) is then a run of passed tests.  Patterns with operators or on
attributes not handled here stay with a ``Matcher`` of their own.

The result is the very list of ``(rule, match_id, start, end)`` that ``AttributeRuler.match``
returns (same rules, same order, so later rules win as before), and the ruler's own
``set_annotations`` writes it: token attributes are identical (``tests/test_attribute_rules.py``
checks the matches against the ruler's on varied text, and ``install`` is switched off with
``NEWSEVENTS_FAST_ATTRIBUTES=0``).
"""

from __future__ import annotations

import os
import re

import numpy as np

ENV_SWITCH = "NEWSEVENTS_FAST_ATTRIBUTES"

#: attributes compared by value (a string's hash, as ``Doc.to_array`` gives it)
_STRING_ATTRS = {"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "SHAPE", "PREFIX", "SUFFIX"}
#: boolean lexical flags (0/1 in ``Doc.to_array``)
_FLAG_ATTRS = {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
               "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
_CACHE_LIMIT = 50_000  # keys remembered at most (a few MB); cleared and refilled when full


def _condition(attr: str, value, strings):
    """``(attr, (op, reference))`` for one key of a token pattern, or None when not handled here."""
    attr = attr.upper()
    if attr == "TEXT":
        attr = "ORTH"
    if attr in _STRING_ATTRS:
        def as_id(v):
            return strings.add(v) if isinstance(v, str) else v
    elif attr in _FLAG_ATTRS:
        def as_id(v):
            return int(v)
    else:
        return None
    if isinstance(value, (str, bool, int)):
        return attr, ("==", as_id(value))
    if isinstance(value, dict) and len(value) == 1:
        (op, ref), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(ref, list) and \
                all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in ref):
            return attr, (op, frozenset(as_id(v) for v in ref))
        if op == "REGEX" and isinstance(ref, str) and attr in _STRING_ATTRS:
            return attr, ("REGEX", re.compile(ref))
    return None


def _compile_token(spec: dict, strings):
    """The conditions of one token of a pattern, or None when the Matcher must take it."""
    conditions = []
    for key, value in spec.items():
        if key.upper() in ("OP", "_"):
            return None
        cond = _condition(key, value, strings)
        if cond is None:
            return None
        conditions.append(cond)
    return tuple(conditions)


class CompiledMatch:
    """A drop-in for ``AttributeRuler.match``: the same matches, looked up per token."""

    def __init__(self, ruler) -> None:
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.n_rules = len(ruler.attrs)
        strings = ruler.vocab.strings
        self.rest = Matcher(ruler.vocab, validate=False)
        self.match_ids: list[int] = []
        tests: dict[tuple, int] = {}  # each distinct token test, numbered
        single: list[tuple[int, int]] = []  # (rule, test) of one-token patterns
        self.runs: list[tuple[int, tuple[int, ...]]] = []  # (rule, tests) of longer ones
        for rule in range(self.n_rules):
            key = str(rule)
            self.match_ids.append(strings.add(key))
            _, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                compiled = [_compile_token(spec, strings) for spec in pattern]
                if not compiled or any(c is None for c in compiled):
                    self.rest.add(key, [pattern])
                    continue
                numbers = tuple(tests.setdefault(c, len(tests)) for c in compiled)
                if len(numbers) == 1:
                    single.append((rule, numbers[0]))
                else:
                    self.runs.append((rule, numbers))
        self.tests = list(tests)
        self.attrs = sorted({a for test in self.tests for a, _ in test})
        position = {a: i for i, a in enumerate(self.attrs)}
        self.columns = [IDS[a] for a in self.attrs]
        # per attribute, the values some test names (the others are all alike) and its regexes
        named: dict[str, set[int]] = {a: set() for a in self.attrs}
        regexes: dict[str, list] = {a: [] for a in self.attrs}
        for test in self.tests:
            for a, (op, ref) in test:
                if op == "REGEX":
                    if ref not in regexes[a]:
                        regexes[a].append(ref)
                else:
                    named[a].update(ref if op != "==" else (ref,))
        self.named = [np.array(sorted(named[a]), dtype=np.uint64) for a in self.attrs]
        # the placeholder for the values no test names: a number none names
        self.other = [np.uint64(next(v for v in range(len(named[a]) + 1) if v not in named[a]))
                      for a in self.attrs]
        self.regexes = [regexes[a] for a in self.attrs]
        self.tests_at = [tuple((position[a], test) for a, test in t) for t in self.tests]
        self.single_by_test: dict[int, list[int]] = {}
        for rule, test in single:
            self.single_by_test.setdefault(test, []).append(rule)
        self.cache: dict[tuple, tuple[tuple[int, ...], frozenset[int], tuple[int, ...]]] = {}
        self.folded: list[dict[int, object]] = [{} for _ in self.attrs]

    def _fold(self, j: int, value: int, placeholder: int):
        """A value of attribute ``j`` no test names, told apart by the regexes its text matches."""
        folded = self.folded[j]
        key = folded.get(value)
        if key is None:
            text = self.ruler.vocab.strings[value] if value else ""
            key = (placeholder, tuple(bool(r.search(text)) for r in self.regexes[j]))
            if len(folded) >= _CACHE_LIMIT:
                folded.clear()
            folded[value] = key
        return key

    def _passes(self, key: tuple) -> tuple[tuple[int, ...], frozenset[int], tuple[int, ...]]:
        """The one-token rules a token of this key matches, the tests it passes, the runs it starts."""
        passed = []
        for n, conds in enumerate(self.tests_at):
            for j, (op, ref) in conds:
                v = key[j]
                if op == "REGEX":
                    if isinstance(v, tuple):
                        ok = v[1][self.regexes[j].index(ref)]
                    else:
                        ok = bool(ref.search(self.ruler.vocab.strings[v] if v else ""))
                else:
                    v = v[0] if isinstance(v, tuple) else v
                    ok = v == ref if op == "==" else (v in ref) == (op == "IN")
                if not ok:
                    break
            else:
                passed.append(n)
        rules = tuple(sorted({r for n in passed for r in self.single_by_test.get(n, ())}))
        passed = frozenset(passed)
        starts = tuple(k for k, (_, run) in enumerate(self.runs) if run[0] in passed)
        if len(self.cache) >= _CACHE_LIMIT:
            self.cache.clear()
        found = self.cache[key] = (rules, passed, starts)
        return found

    def _keys(self, doc) -> list[tuple]:
        arr = doc.to_array(self.columns).reshape(len(doc), len(self.columns))
        cols = []
        for j, named in enumerate(self.named):
            col = arr[:, j]
            known = np.isin(col, named)
            if self.regexes[j]:
                placeholder = int(self.other[j])
                cols.append([v if k else self._fold(j, v, placeholder)
                             for v, k in zip(col.tolist(), known.tolist())])
            else:
                cols.append(np.where(known, col, self.other[j]).tolist())
        return list(zip(*cols))

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        if len(self.ruler.attrs) != self.n_rules:  # rules added since: compile again
            self.__init__(self.ruler)
        matches = set()
        if self.tests and len(doc):
            cache, ids = self.cache, self.match_ids
            passed, starts = [], []
            for i, key in enumerate(self._keys(doc)):
                found = cache.get(key)
                if found is None:
                    found = self._passes(key)
                for rule in found[0]:
                    matches.add((rule, ids[rule], i, i + 1))
                passed.append(found[1])
                if found[2]:
                    starts.append((i, found[2]))
            n = len(passed)
            for i, runs in starts:
                for k in runs:
                    rule, run = self.runs[k]
                    if i + len(run) <= n and all(t in passed[i + d] for d, t in enumerate(run)):
                        matches.add((rule, ids[rule], i, i + len(run)))
        if len(self.rest):
            strings = self.ruler.vocab.strings
            for m_id, start, end in self.rest(doc, allow_missing=True, as_spans=False):
                matches.add((int(strings[m_id]), m_id, start, end))
        return sorted(matches)


def install(nlp) -> bool:
    """Give the pipeline's attribute ruler the compiled matching; True when installed."""
    if os.environ.get(ENV_SWITCH, "1").strip() in ("0", "false", "no", "off"):
        return False
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not hasattr(ruler, "matcher") or not hasattr(ruler, "attrs") or isinstance(
            getattr(ruler, "match", None), CompiledMatch):
        return False
    ruler.match = CompiledMatch(ruler)
    return True
