"""The parse of one document read once into plain Python lists, for the stages' tree walks.

A spaCy ``Token`` is a new Python object at every ``doc[i]``, ``tok.head`` or
``tok.children``, and each of its string attributes (``dep_``, ``lemma_``) is a look-up in the
string store.  A stage that walks the dependency tree many times per sentence (event
locations, trigger conditions, time attachment) reads it here instead: heads as token indices,
children as tuples of indices, and the strings once per document.  :class:`Tree` is built by
one ``Doc.to_array`` call; the strings of a document are looked up once per distinct value.
The values are those of the ``Token`` attributes of the same names (``lemma`` lower-cased,
as the stages compare it); ``tests/test_parse_arrays.py`` checks them against spaCy's.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, POS, TAG

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_ATTRS = [LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD]
#: the strings of the parse's labels (part-of-speech tags, dependency relations, entity
#: types) by hash: a few hundred for a model, kept for the process
_LABELS: dict[int, str] = {}
#: more distinct labels than any model has: the table starts afresh (bounded memory)
LABELS_MAX = 20_000


#: each live document's tree (weak keys: a tree goes with its document; it keeps no
#: reference to it)
_TREES: "weakref.WeakKeyDictionary[Doc, Tree]" = weakref.WeakKeyDictionary()


def _labels(hashes: list[int], strings) -> list[str]:
    """The label strings of ``hashes``."""
    try:
        return list(map(_LABELS.__getitem__, hashes))
    except KeyError:
        if len(_LABELS) > LABELS_MAX:
            _LABELS.clear()
        for h in set(hashes):
            if h not in _LABELS:
                _LABELS[h] = strings[h]
        return list(map(_LABELS.__getitem__, hashes))


class Tree:
    """Token attributes of a parsed document by token index (see the module docstring).

    ``head[i]`` is the index of token ``i``'s head (itself for a root); ``dep``, ``lower``,
    ``lemma`` (lower-cased), ``pos``, ``tag`` and ``ent_type`` are the strings of ``dep_``,
    ``lower_``, ``lemma_.lower()``, ``pos_``, ``tag_`` and ``ent_type_``."""

    __slots__ = ("head", "dep", "lower", "lemma", "pos", "tag", "ent_type", "_children")

    @classmethod
    def of(cls, doc: "Doc") -> "Tree":
        """The tree of ``doc``, read at the first call and kept while the document lives
        (functions handed a ``Token`` find it by ``tok.doc``)."""
        tree = _TREES.get(doc)
        if tree is None:
            tree = cls.read(doc)
        return tree

    @classmethod
    def read(cls, doc: "Doc") -> "Tree":
        """The tree of ``doc`` read afresh (an analysis starting on a document reads it once:
        the document may have changed since an earlier analysis), kept for :meth:`of`."""
        tree = _TREES[doc] = cls(doc)
        return tree

    def __init__(self, doc: "Doc") -> None:
        n = len(doc)
        if n == 0:
            self.head: list[int] = []
            self.dep = self.lower = self.lemma = self.pos = self.tag = self.ent_type = []
            self._children: list[tuple[int, ...]] | None = []
            return
        arr = doc.to_array(_ATTRS)
        lower_h, lemma_h, pos_h, tag_h, dep_h, ent_h = arr[:, :6].T.tolist()
        # HEAD is the offset to the head, stored in an unsigned array: read it back signed
        offsets = arr[:, 6].astype(numpy.int64).tolist()
        self.head = [i + off for i, off in enumerate(offsets)]
        strings = doc.vocab.strings
        self.pos = _labels(pos_h, strings)
        self.tag = _labels(tag_h, strings)
        self.dep = _labels(dep_h, strings)
        self.ent_type = _labels(ent_h, strings)
        lower = {h: strings[h] for h in set(lower_h)}
        self.lower = list(map(lower.__getitem__, lower_h))
        lemmas = {h: strings[h].lower() for h in set(lemma_h)}
        self.lemma = list(map(lemmas.__getitem__, lemma_h))
        self._children = None

    def children(self, i: int) -> tuple[int, ...]:
        """The indices of token ``i``'s children, in text order (as ``Token.children``)."""
        kids = self._children
        if kids is None:
            lists: list[list[int]] = [[] for _ in self.head]
            for j, h in enumerate(self.head):
                if h != j:
                    lists[h].append(j)
            kids = self._children = [tuple(k) for k in lists]
        return kids[i]

    def ancestors(self, i: int, limit: int | None = None) -> list[int]:
        """The indices of token ``i``'s heads up to the root, nearest first (as
        ``Token.ancestors``), at most ``limit`` of them."""
        out: list[int] = []
        head = self.head
        while head[i] != i and (limit is None or len(out) < limit):
            i = head[i]
            out.append(i)
        return out

    def conjuncts(self, i: int) -> list[int]:
        """The indices of the words coordinated with token ``i``, as ``Token.conjuncts``
        orders them (the first conjunct, then down the chain)."""
        head, dep = self.head, self.dep
        start = i
        while head[start] != start and dep[start] == "conj":
            start = head[start]
        queue = [start]
        out: list[int] = []
        for w in queue:
            if w != i:
                out.append(w)
            queue.extend(c for c in self.children(w) if dep[c] == "conj")
        return out

    def prep_objects(self, i: int, words: Collection[str]) -> list[int]:
        """The objects of token ``i``'s prepositions among ``words`` ("met *with* X")."""
        dep, lower, kids = self.dep, self.lower, self.children
        return [p for c in kids(i) if dep[c] == "prep" and lower[c] in words
                for p in kids(c) if dep[p] == "pobj"]
