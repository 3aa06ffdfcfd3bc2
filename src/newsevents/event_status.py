"""How, when and where: an event's status, time and location, read around its trigger.

Status comes from the trigger's own clause and the clauses that govern it: modals ("will",
"could"), negation, governing verbs ("plan to", "failed to", "accused X of"), modifiers
("alleged", "potential", "reportedly") and conditionals ("if").  A party's denial elsewhere in
the sentence ("..., though X has denied it") makes an event it is said to have done *denied*.

The time is the time expression closest to the trigger in the dependency tree (a point in
time before any duration), unless another trigger is closer to it or it sits in another
clause with its own subject; without one an asserted event takes the publication date (the
distances are worked out once per sentence, :class:`SentenceTimes`).  The location is a place
mention in an "in/at X" phrase under the trigger, else under the parties of its act ("captured
by soldiers in northern X"), else in the governing clause's setting.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .analysis import Analysis
from .event_lexicon import StatusCues
from .models import EventTime, Time

STATUS_ORDER = ("negated", "denied", "hypothetical", "expected", "alleged")
#: verbs whose complement is an act asked of someone ("demanded that X release", "called on X
#: to withdraw"): the act is hypothetical until it is reported done
REQUEST_HEADS = frozenset({"urge", "ask", "demand", "call", "press", "request", "appeal", "implore",
                           "beg", "petition"})
#: verbs of arrest and punishment whose "for X-ing" names the charge ("arrested for spying")
GROUNDS_HEADS = frozenset({"arrest", "detain", "jail", "imprison", "charge", "indict", "prosecute",
                           "punish", "expel", "deport", "fine", "hold", "question", "sanction"})
#: dependency steps from an event noun up to the verb whose clause it belongs to
NOUN_CLIMB_DEPS = {"pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj", "compound", "appos",
                   "attr", "pcomp", "npadvmod", "amod", "punct"}


def governing_verb(tok: Token, max_steps: int = 6) -> Token | None:
    """The verb (or adjective predicate) whose clause contains the noun ``tok``."""
    cur = tok
    for _ in range(max_steps):
        if cur.dep_ not in NOUN_CLIMB_DEPS or cur.head.i == cur.i:
            return cur.head if cur.head.pos_ in ("VERB", "AUX") and cur.head.i != tok.i else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _flags_of_modifiers(tok: Token, cues: StatusCues, flags: set[str]) -> None:
    for c in tok.children:
        low, lemma = c.lower_, c.lemma_.lower()
        if c.dep_ in ("amod", "advmod", "acomp", "npadvmod"):
            if low in cues.alleged_modifiers:
                flags.add("alleged")
            elif low in cues.hypothetical_modifiers:
                flags.add("hypothetical")
            elif low in cues.expected_modifiers:
                flags.add("expected")
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and low in cues.negation_words):
            flags.add("negated")
        if c.dep_ == "aux" and c.tag_ == "MD":
            if low in cues.expected_modals or lemma in cues.expected_modals:
                flags.add("expected")
            elif low in cues.hypothetical_modals or lemma in cues.hypothetical_modals:
                flags.add("hypothetical")
        if c.dep_ == "mark" and low in cues.hypothetical_marks:
            flags.add("hypothetical")
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                     for m in c.children):
            flags.add("hypothetical")


def status_flags(trigger: Token, cues: StatusCues, light_verbs: frozenset[str] = frozenset()) -> set[str]:
    """Status cues on the trigger and the chain of clauses governing it.  An event noun is
    negated only through a light verb ("did not sign the accord"); another verb's negation
    leaves it uncertain ("Cairo's signature is not yet guaranteed": hypothetical), unless the
    noun hangs from that verb by a preposition: then it is presupposed ("has not responded to
    X's protest": the protest was made)."""
    flags: set[str] = set()
    _flags_of_modifiers(trigger, cues, flags)
    cur = trigger
    if trigger.pos_ not in ("VERB", "AUX"):
        verb = governing_verb(trigger)
        if verb is None:
            return flags
        cur = verb
        verb_flags: set[str] = set()
        _flags_of_modifiers(cur, cues, verb_flags)
        if "negated" in verb_flags and verb.lemma_.lower() not in light_verbs:
            verb_flags.discard("negated")
            if not _through_preposition(trigger, verb):
                verb_flags.add("hypothetical")
        flags |= verb_flags
        if verb.lemma_.lower() in REQUEST_HEADS and trigger.dep_ != "nsubj":
            # an act asked for: "called for a ceasefire", "demanded the release of X"
            flags.add("hypothetical")
    for _ in range(6):
        dep, head = cur.dep_, cur.head
        if head.i == cur.i:
            break
        if dep == "advcl" and cur.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            dep = "xcomp"  # "threatened on Sunday to impose": an infinitive the parser set apart
        lemma = head.lemma_.lower()
        if dep == "pcomp" and head.lower_ == "for" and head.head.lemma_.lower() in GROUNDS_HEADS:
            flags.add("alleged")  # "arrested for spying": the grounds are a charge, not a finding
        if dep == "acl" and head.pos_ == "NOUN" and cur.pos_ in ("VERB", "AUX"):
            # the content of a request or plan named by a noun: "the demand that X release",
            # "a plan to build", "a promise to withdraw"
            if lemma in REQUEST_HEADS:
                flags.add("hypothetical")
            elif lemma in cues.expected_heads:
                flags.add("expected")
        if dep in ("xcomp", "ccomp", "pcomp", "advcl", "conj", "acomp", "prep", "dobj", "pobj"):
            if lemma in cues.denial_verbs and dep in ("xcomp", "ccomp", "pcomp"):
                flags.add("denied")
            elif lemma in cues.negation_heads and dep in ("xcomp", "pcomp", "prep"):
                flags.add("negated")
            elif lemma in REQUEST_HEADS and dep in ("xcomp", "ccomp"):
                flags.add("hypothetical")  # asked of someone, not done: "urged X to withdraw"
            elif lemma in cues.expected_heads and dep in ("xcomp", "ccomp", "acomp", "prep"):
                flags.add("expected")
            elif lemma in cues.hypothetical_heads and dep in ("xcomp", "pcomp", "prep"):
                flags.add("hypothetical")
            elif lemma in cues.alleged_heads and dep in ("pcomp", "prep", "ccomp"):
                flags.add("alleged")
        if dep in ("xcomp", "conj", "acomp", "prep", "pcomp", "pobj", "dobj"):
            # the governing clause's modals and negation reach a controlled or coordinated verb
            own_aux = any(c.dep_ in ("aux", "neg") for c in cur.children)
            if dep != "conj" or not own_aux:
                _flags_of_modifiers(head, cues, flags)
            cur = head
            continue
        break
    # inside a conditional clause anywhere above ("... only if the text kept a clause
    # committing them to resume talks")
    if any(c.dep_ == "mark" and c.lower_ in cues.hypothetical_marks - {"whether"}
           for anc in trigger.ancestors for c in anc.children):
        flags.add("hypothetical")
    return flags


def _through_preposition(noun: Token, verb: Token) -> bool:
    """The noun is (in) the object of a preposition on its way up to ``verb``."""
    cur = noun
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.dep_ == "pobj":
            return True
        cur = cur.head
    return False


def _clause_chain(trigger: Token, max_steps: int = 3) -> list[Token]:
    """The trigger's verb (an event noun's governing verb) and the verbs that control it
    ("would not agree to supply": supply, agree)."""
    cur = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    out: list[Token] = []
    while cur is not None and len(out) <= max_steps:
        out.append(cur)
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            break
        cur = cur.head
    return out


def future_refusal(trigger: Token, cues: StatusCues) -> bool:
    """A negated future in the trigger's clause: "will not accept", "would not provide"."""
    for v in _clause_chain(trigger):
        kids = list(v.children)
        if any(c.dep_ == "neg" for c in kids) and any(
                c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in cues.expected_modals
                and c.lower_ not in cues.obligation_modals for c in kids):
            return True
    return False


def condition_of(trigger: Token) -> tuple[str, bool] | None:
    """The condition put on the trigger's clause ("will withdraw ... unless Y agrees"): its
    mark ("if", "unless") and whether the clause has a future modal."""
    for v in _clause_chain(trigger):
        for c in v.children:
            if c.dep_ != "advcl":
                continue
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in ("if", "unless")), None)
            if mark is not None:
                future = any(a.dep_ == "aux" and a.tag_ == "MD" and a.lower_ in ("will", "would", "'ll", "wo", "shall")
                             for x in _clause_chain(trigger) for a in x.children)
                return mark, future
    return None


def resolve_status(flags: set[str]) -> str:
    for s in STATUS_ORDER:
        if s in flags:
            return s
    return "asserted"


# -- time ------------------------------------------------------------------------------------
def _path_to_root(tok: Token) -> list[int]:
    path = [tok.i]
    while tok.head.i != tok.i:
        tok = tok.head
        path.append(tok.i)
    return path


def tree_distance(a: Token, b: Token) -> int:
    pa, pb = _path_to_root(a), _path_to_root(b)
    index_b = {t: n for n, t in enumerate(pb)}
    for n, t in enumerate(pa):
        if t in index_b:
            return n + index_b[t]
    return len(pa) + len(pb)


def time_head(doc, t: Time) -> Token | None:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


#: dependency relations of a subordinate clause, and the subjects that give it its own doer
_CLAUSE_DEPS = ("advcl", "relcl", "acl")
_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "agent")


class SentenceTimes:
    """The time expressions of one sentence and the parse's tree distances, worked out once
    for all the triggers of the sentence: head indices and depths as plain integers, and for
    each time expression the triggers ordered by their distance to it (a long sentence of
    coordinated clauses has deep trees, and every trigger asks about every time)."""

    def __init__(self, sent: SpacySpan, times: list[Time], triggers: list[Token]) -> None:
        self.doc = sent.doc
        self._head: dict[int, int] = {}
        self._depth: dict[int, int] = {}
        self._clause: dict[int, bool] = {}
        self.times: list[tuple[Time, Token]] = []
        for t in times:
            if t.type == "SET" or not (sent.start_char <= t.start < sent.end_char):
                continue
            head = time_head(sent.doc, t)
            if head is not None:
                self.times.append((t, head))
        self._triggers = [tok.i for tok in triggers]
        self._nearest: dict[int, list[tuple[int, int]]] = {}

    def _parent(self, i: int) -> int:
        h = self._head.get(i)
        if h is None:
            h = self._head[i] = self.doc[i].head.i
        return h

    def depth(self, i: int) -> int:
        chain = []
        cur = i
        while cur not in self._depth:
            parent = self._parent(cur)
            if parent == cur:
                self._depth[cur] = 0
                break
            chain.append(cur)
            cur = parent
        d = self._depth[cur]
        for node in reversed(chain):
            d += 1
            self._depth[node] = d
        return self._depth[i]

    def distance(self, a: int, b: int) -> int:
        """Edges between tokens ``a`` and ``b`` (as :func:`tree_distance`)."""
        da, db = self.depth(a), self.depth(b)
        x, y, n = a, b, 0
        while da > db:
            x, da, n = self._parent(x), da - 1, n + 1
        while db > da:
            y, db, n = self._parent(y), db - 1, n + 1
        while x != y:
            px, py = self._parent(x), self._parent(y)
            if px == x and py == y:  # two trees: no common ancestor
                return self.depth(a) + self.depth(b) + 2
            x, y, n = px, py, n + 2
        return n

    def nearest_triggers(self, head: Token) -> list[tuple[int, int]]:
        """(distance, token index) of every trigger of the sentence to ``head``, nearest first."""
        found = self._nearest.get(head.i)
        if found is None:
            found = self._nearest[head.i] = sorted((self.distance(o, head.i), o) for o in self._triggers)
        return found

    def _own_clause(self, i: int) -> bool:
        own = self._clause.get(i)
        if own is None:
            tok = self.doc[i]
            own = self._clause[i] = tok.dep_ in _CLAUSE_DEPS and any(
                c.dep_ in _CLAUSE_SUBJECTS and c.lower_ not in ("which", "that", "who") for c in tok.children)
        return own

    def in_other_clause(self, above: set[int], head: Token) -> bool:
        """The time sits in a subordinate clause with its own subject or agent that does not
        hold the trigger (``above``: the trigger and its ancestors): it dates that clause's
        doing ("accused X of breaking the ceasefire agreed by the two countries last year")."""
        cur = head.i
        while cur not in above and self._parent(cur) != cur:
            if self._own_clause(cur):
                return True
            cur = self._parent(cur)
        return False


def event_time(trigger: Token, sent: SpacySpan, times: list[Time], other_triggers: list[Token],
               status: str, published: str | None, index: SentenceTimes | None = None) -> EventTime | None:
    """The time governing ``trigger`` (see module doc), else the publication date if asserted.
    ``index`` is the sentence's :class:`SentenceTimes` when the caller keeps one for all its
    triggers (``other_triggers`` then being the ones it was made with)."""
    if index is None:
        index = SentenceTimes(sent, times, other_triggers)
    best: tuple[bool, bool, int, int, Time] | None = None
    ancestors = {t.i for t in trigger.ancestors}
    above = ancestors | {trigger.i}
    skip = above | {c.i for c in trigger.conjuncts}
    controlled = trigger.dep_ == "xcomp" or (trigger.dep_ == "advcl" and trigger.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children))
    for t, head in index.times:
        if index.in_other_clause(above, head):
            continue
        d = index.distance(trigger.i, head.i)
        closer = False
        for dist, o in index.nearest_triggers(head):
            if dist >= d:
                break
            if o not in skip:
                closer = True  # another trigger is nearer this time: it dates that one
                break
        if closer:
            continue
        # a point in time beats a stretch of it ("in early May, weeks after X met"; "two days
        # of talks, which ended on Saturday"): a duration only when no point is at hand
        # a controlled complement's own time before its governor's ("agreed on Tuesday to
        # supply X from February": Tuesday is when it was agreed)
        outside = controlled and not (trigger.left_edge.i <= head.i <= trigger.right_edge.i)
        key = (t.type == "DURATION", outside, d, abs(head.i - trigger.i))
        if best is None or key < best[:4]:
            best = (*key, t)
    if best is not None:
        return EventTime(value=best[4].value, mod=best[4].mod, source="text")
    if status == "asserted" and published:
        return EventTime(value=published, mod=None, source="published")
    return None


# -- location --------------------------------------------------------------------------------
LOCATIVE_PREPS = ("in", "at", "near", "outside", "inside", "across", "throughout", "off", "around",
                  "on")
#: dependents of the trigger naming the parties of its act, searched for a place after its own
#: locative phrases
ARGUMENT_DEPS = ("dobj", "nsubjpass", "nsubj", "dative")
#: words of direction or proximity that locate by a place after "of" ("north of X")
RELATIVE_PLACE_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                        "southwest", "northern", "southern", "eastern", "western", "outskirts",
                        "vicinity", "edge", "heart", "center", "centre", "outside", "part", "parts"}
#: verbs whose direct object may be the place acted on ("captured X", "bombed X", "patrolled X")
PLACE_OBJECT_VERBS = {"capture", "bomb", "shell", "bombard", "attack", "raid", "storm", "overrun",
                      "seize", "occupy", "invade", "patrol", "liberate", "take", "besiege",
                      "blockade", "strike", "hit", "pound", "surround", "enter", "retake", "annex"}
#: nouns that name a place by a name beside them ("the city of X", "X province", "X's capital")
PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "area", "capital",
               "state", "county", "neighborhood", "neighbourhood", "suburb", "camp", "port",
               "valley", "governorate", "prefecture", "territory", "enclave", "island", "coast",
               "border", "strip", "zone", "quarter", "settlement", "countryside",
               "municipality", "street", "outskirts", "vicinity", "suburbs", "center", "centre",
               "heart", "edge", "sector", "airport", "base", "plant", "compound", "road", "highway", "market",
               "square", "oblast", "canton", "emirate", "locality", "township", "hamlet", "parish"}


def _place(tok: Token, mention_at, depth: int = 0, acted_on: bool = False) -> str | None:
    """The place a locative object names: itself, or "the city of X", "X province", "X's
    capital", "outside (of) the city of X" (the most specific: a location before a country).
    A capital read as its state is the place when it is ``acted_on`` ("captured Seoul")."""
    m = mention_at(tok)
    if m is not None and (m.kind == "location" or (m.kind == "country" and (acted_on or not m.metonymy))):
        return m.actor_id
    if tok.lemma_.lower() not in PLACE_NOUNS | RELATIVE_PLACE_WORDS:
        return None
    cands = [c for c in tok.children if c.dep_ in ("compound", "appos")]
    cands += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    cands += [c for c in tok.children if c.dep_ == "poss"]
    found = [m for c in cands if (m := mention_at(c)) is not None and m.kind in ("location", "country")]
    found.sort(key=lambda m: m.kind != "location")
    if found:
        return found[0].actor_id
    if depth < 2:  # "outside of the city of X", "a sector of the capital X"
        for c in cands:
            place = _place(c, mention_at, depth + 1) if mention_at(c) is None else None
            if place is not None:
                return place
    return None


def event_location(trigger: Token, a: Analysis, mention_at) -> str | None:
    """Where the event happened: a place in an in/at phrase under the trigger ("met ... at a
    summit in Kazan", "in the city of X"), else under the clauses governing it ("In Nablus, a
    man was shot and killed")."""
    if trigger.lemma_.lower() in PLACE_OBJECT_VERBS or trigger.pos_ == "NOUN":
        # "captured X", "bombed the town of X", "the bombardment of the X district"
        objs = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")] if trigger.pos_ != "NOUN" \
            else [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
        for o in objs:
            place = _place(o, mention_at, acted_on=trigger.pos_ != "NOUN")
            if place is not None:
                return place
    for c in trigger.children:  # "was shot in an ambush north of X"
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in RELATIVE_PLACE_WORDS:
            place = _place(c, mention_at)
            if place is not None:
                return place
    # the trigger's own phrases, and those of verbs it is coordinated with ("were killed and
    # wounded in an explosion in X")
    frontier = [trigger, *(c for c in trigger.conjuncts if c.pos_ == "VERB")]
    for _ in range(3):
        nxt: list[Token] = []
        for tok in frontier:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS:
                    # "outside of X": the place is the object of the inner "of"
                    objs = [*c.children, *(p for o in c.children if o.dep_ == "prep" and o.lower_ == "of"
                                           for p in o.children)]
                    for pobj in objs:
                        if pobj.dep_ != "pobj":
                            continue
                        if c.lower_ == "on" and pobj.ent_type_ in ("DATE", "TIME"):
                            continue
                        place = _place(pobj, mention_at)
                        if place is not None:
                            return place
                        nxt.append(pobj)
                elif c.dep_ == "pobj" or (c.dep_ in ARGUMENT_DEPS and c.pos_ in ("NOUN", "PROPN")):
                    # the place may hang from a party of the act: "was captured by soldiers
                    # in northern X", "a policeman in X was killed"
                    nxt.append(c)
                elif c.dep_ in ("prep", "agent"):
                    nxt.extend(p for p in c.children if p.dep_ == "pobj")
        frontier = nxt
    for anc in list(trigger.ancestors)[:2]:  # the governing clause's setting
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        for c in anc.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at") and c.i < trigger.i:
                for pobj in c.children:
                    place = _place(pobj, mention_at) if pobj.dep_ == "pobj" else None
                    if place is not None:
                        return place
    return None
