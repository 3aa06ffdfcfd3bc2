"""Event triggers: the words of a sentence that state an event, with their lexicon entry.

A verb triggers when an entry for its lemma (``data/event_triggers.toml``; a hyphenated verb
is read whole, "test-fired") has its conditions met on the parse: an object lemma ("sign" +
"treaty"), no sense-changing object or adjective ("strike a tone", "a cyber attack") or
particle ("back down"), a particle it needs ("call on", "pulled back"; its object counts as
the verb's: "took to the streets", "pulled out of the treaty"), a subject of a kind
("peacekeepers arrived", "workers struck"), an object naming an actor ("host X") or a place
("arrive in X"), a partner ("discussed X with Y", "X and Y discussed"), a reported clause of
duty or of harm ("said Y must ...", "warned that Y would face consequences"); harm done by a
natural force or condition ("an earthquake killed", "were killed in the cyclone") is no one's
act.  Words no entry can have are skipped on their strings, without a spaCy token.  An event noun triggers by the first entry
whose modifiers it has ("joint exercises", "a hunger strike", "an air strike"), unless it only
restates a neighbouring trigger ("signed the agreement", "met at a summit", a "partnership
treaty" compound) or is being described by a copula ("the accord will be a major step").  A
pledge of harm ("vowed to crush X") is a threat, not a promise.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cache

from spacy.tokens import Token

from .analysis import Sentence
from .event_lexicon import LEXICON_FILE, Lexicon, TriggerEntry
from .event_roles import Parties, agent_of, is_passive, objects_of, prep_objects, subject_of
from .parse_arrays import Tree
from .resources import load_toml

PLACE_PREPS = ("in", "at", "to", "near", "into", "off", "around")
#: how many spellings :func:`_may_trigger` remembers before it starts afresh
KNOWN_FORMS_MAX = 50_000
#: endings stripped to guess a verb's stem when the model's lemma slips ("staged" -> "stag")
STEM_SUFFIXES = ("ed", "d", "s", "es", "ing")
COMPLEMENT_PREPS = ("to", "on", "with", "upon", "over")
#: named-entity labels of words that are never event nouns ("in March", "the Strike Group")
NOT_EVENT_ENTS = {"DATE", "TIME", "PERSON", "GPE", "NORP", "MONEY", "CARDINAL", "ORDINAL", "FAC"}


@dataclass(frozen=True)
class BackgroundWords:
    """The ``[background]`` word lists of the trigger lexicon: what a sentence says about acts
    without telling one (questions and doubts, polls, anniversaries, habits, counts), and the
    context that makes a "strike" military."""

    questioning_heads: frozenset[str]
    doubting_heads: frozenset[str]
    opinion_sources: frozenset[str]
    commemoration_nouns: frozenset[str]
    rate_units: frozenset[str]
    rate_determiners: frozenset[str]
    rate_adverbs: frozenset[str]
    long_units: frozenset[str]
    medium_units: frozenset[str]
    short_times: frozenset[str]
    long_adverbs: frozenset[str]
    attitude_nouns: frozenset[str]
    works: frozenset[str]
    depiction_verbs: frozenset[str]
    count_words: frozenset[str]
    count_adverbs: frozenset[str]
    military_targets: frozenset[str]
    harm_verbs: frozenset[str]
    #: words of a sentence that may hold a topic, a question or a poll (singular and plural:
    #: a plural misread as a name keeps its form, "Memories of ..."); a sentence with none of
    #: them is not looked at for these
    topic_cues: frozenset[str] = field(init=False, default=frozenset())
    question_cues: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        nouns = self.attitude_nouns | self.commemoration_nouns | self.works | self.opinion_sources
        plurals = {w + "s" for w in nouns} | {w[:-1] + "ies" for w in nouns if w.endswith("y")}
        object.__setattr__(self, "topic_cues", frozenset(nouns | plurals | self.depiction_verbs))
        object.__setattr__(self, "question_cues",
                           frozenset(self.questioning_heads | self.doubting_heads | {"?"}))


@cache
def background_words() -> BackgroundWords:
    raw = load_toml(LEXICON_FILE)["background"]
    return BackgroundWords(**{f.name: frozenset(raw[f.name]) for f in fields(BackgroundWords) if f.init})


@cache
def symmetric_types() -> frozenset[str]:
    """The types whose parties act jointly (``[types] symmetric``: AGREE, CONSULT, COOPERATE)."""
    return frozenset(load_toml(LEXICON_FILE)["types"]["symmetric"])


@dataclass(frozen=True)
class Trigger:
    token: Token
    entry: TriggerEntry
    #: token index of the verb trigger this event noun restates: the noun counts only if that
    #: verb yields no event ("were killed in an Israeli attack": the passive has no agent)
    restates: int | None = None


def _theme_lemmas(verb: Token, tree: Tree) -> tuple[set[str], set[str]]:
    """The lemmas of the verb's themes (objects, passive subjects, "with/on" objects, their
    "of" nouns, conjuncts and compounds), and those with the themes' adjectives ("a cyber
    attack") and the verb's open complement ("declined to comment"), which only rule a sense
    out."""
    i = verb.i
    dep, lemma, kids = tree.dep, tree.lemma, tree.children
    themes = [c for c in kids(i) if dep[c] in ("dobj", "nsubjpass", "attr", "oprd")]
    if not themes and dep[i] == "conj" and is_passive(verb):  # "X were held and then released"
        themes.extend(c for c in kids(tree.head[i]) if dep[c] in ("nsubj", "nsubjpass"))
    if dep[i] == "acl":
        themes.append(tree.head[i])
    themes.extend(tree.prep_objects(i, ("with", "on", "by", "via")))  # "spoke by telephone"
    for t in list(themes):  # "dollars of aid", "tons of food", "$5 million in aid"
        themes.extend(tree.prep_objects(t, ("of", "in")))
    for t in list(themes):
        themes.extend(tree.conjuncts(t))
        themes.extend(c for c in kids(t) if dep[c] == "compound")
    pos = tree.pos
    nouns = {lemma[t] for t in themes if pos[t] in ("NOUN", "PROPN")}
    if any(tree.ent_type[t] == "MONEY" for t in themes):
        nouns.add("money")  # "gave X $100 million"
    return nouns, nouns | {lemma[c] for t in themes for c in kids(t) if dep[c] == "amod"} | \
        {lemma[c] for c in kids(i) if dep[c] == "xcomp"}  # "declined to comment"


def verb_entry(tok: Token, lex: Lexicon, parties: Parties) -> TriggerEntry | None:
    tree = Tree.of(tok.doc)
    i = tok.i
    lemma = tree.lemma[i]
    whole = _hyphenated(tok, tree.lower)  # "test-fired"
    entries = (lex.verb_entries(whole) if whole else ()) or lex.verb_entries(lemma) or \
        [e for g in sorted(verb_lemmas(tok) - {lemma}) for e in lex.verb_entries(g)]
    if not entries:  # most verbs: no need to look at the parse around them
        return None
    dep, lower = tree.dep, tree.lower
    kids = [(dep[c], lower[c], c) for c in tree.children(i)]
    n = len(lower)
    particle = next((low for d, low, c in kids if d == "prt"
                     and not (c + 1 < n and lower[c + 1] == "to")), None)  # "up to 16"
    if any(d == "dobj" and low.endswith(("self", "selves")) for d, low, _ in kids):
        return None  # "defend itself", "arm themselves": no one else is acted on
    # particles that may be read as one ("pulled back" is parsed advmod)
    adverbs = {low for d, low, c in kids if d in ("prt", "advmod") or (d == "prep" and not _dated(c, tree))}
    themes: set[str] | None = None  # read from the parse only for entries that look at them
    described: set[str] = set()
    subjects: set[str] | None = None
    doers: set[str] | None = None
    for e in entries:
        if e.particles and not adverbs & e.particles:
            continue
        if particle and particle not in e.particles:  # "back down" is not "back"
            continue
        if themes is None and (e.objects or e.not_objects):
            themes, described = _theme_lemmas(tok, tree)
        if e.objects and not (themes & e.objects or ("*" in e.objects and themes)) \
                and not (e.particles and _particle_objects(tok, e.particles) & e.objects):
            continue  # (the object of a needed particle counts: "took to the streets")
        if e.subjects:
            if subjects is None:
                subjects = _subject_lemmas(tok)
            if not subjects & e.subjects:
                continue
        if e.type in lex.harmful_types:
            if doers is None:
                doers = _doer_lemmas(tok)
            if doers & lex.hazard_nouns and not _doer_owned(tok, parties):
                continue  # "an earthquake killed", "were killed in the cyclone": nobody's act
            if e.type == "ASSAULT" and e.pos == "verb" and not e.objects:  # ("exchanged fire")
                if themes is None:
                    themes, described = _theme_lemmas(tok, tree)
                if themes and themes <= lex.hazard_nouns:
                    continue  # "to fight the drought", "battled the wildfires": no party hit
        if e.not_objects and described & e.not_objects:
            continue
        if e.requires == "object" and not (objects_of(tok) or is_passive(tok)):
            continue
        if e.requires == "party" and (not any(parties.of_phrase(o) for o in objects_of(tok))
                                      or any(d == "oprd" for d, _, _ in kids)):
            continue  # (an object called or named something is described: "called X a liar")
        if e.requires == "partner" and not _has_partner(tok, parties):
            continue
        if e.requires == "clause" and not any(dep == "ccomp" for dep, _, _ in kids):
            continue
        if e.requires == "place" and not any(parties.mention_at(p) is not None
                                             for p in prep_objects(tok, PLACE_PREPS)):
            continue
        if e.requires == "obligation" and not _reports_obligation(tok, lex):
            continue
        if e.requires == "intransitive" and any(dep == "dobj" for dep, _, _ in kids):
            continue
        if e.requires == "intent" and not any(dep == "xcomp" for dep, _, _ in kids):
            continue
        if e.requires == "harm" and not _warns_of_harm(tok, lex, parties):
            continue
        if e.requires == "complement" and not any(
                dep in ("dobj", "xcomp", "ccomp") or (dep == "prep" and low in COMPLEMENT_PREPS)
                for dep, low, _ in kids):
            continue
        return e
    return None


def _lemmas(toks: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in toks}


def _dated(prep: int, tree: Tree) -> bool:
    """A preposition whose object is a date or time ("called X on Monday"): no particle."""
    return any(tree.ent_type[o] in ("DATE", "TIME") for o in tree.children(prep) if tree.dep[o] == "pobj")


def _particle_objects(verb: Token, particles: frozenset[str]) -> set[str]:
    """The lemmas of the objects of the verb's particles, directly or through a preposition
    under the particle ("took to the streets", "pulled out of the treaty")."""
    out: set[str] = set()
    for c in verb.children:
        if c.dep_ in ("prep", "prt", "advmod") and c.lower_ in particles:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.add(p.lemma_.lower())
                elif p.dep_ == "prep":
                    out.update(o.lemma_.lower() for o in p.children if o.dep_ == "pobj")
    return out


def _subject_lemmas(verb: Token) -> set[str]:
    """The lemmas of the verb's subject phrase: its head, the head's compounds and modifiers,
    and its "of" nouns ("the deployment of UN peacekeeping troops")."""
    heads = subject_of(verb)
    heads = heads + [p for h in heads for p in prep_objects(h, ("of",))]
    return _lemmas(heads) | {c.lemma_.lower() for h in heads for c in h.children
                             if c.dep_ in ("compound", "amod")}


def _doer_lemmas(verb: Token) -> set[str]:
    """The lemmas of what does the verb's act: the subject, or a passive's agent or the
    "in/by/during" noun naming its cause ("were killed in the cyclone"), with compounds."""
    if is_passive(verb):
        heads = agent_of(verb) + prep_objects(verb, ("in", "by", "during"))
    else:
        heads = subject_of(verb)
    return _lemmas(heads) | {c.lemma_.lower() for h in heads for c in h.children if c.dep_ == "compound"}


def _doer_owned(verb: Token, parties: Parties) -> bool:
    """The hazard-like doer is a party's weapon ("were wounded by Israeli fire", "Russian fire
    killed two"): a modifier of it names a party."""
    heads = agent_of(verb) + prep_objects(verb, ("in", "by")) if is_passive(verb) else subject_of(verb)
    return any(parties.modifier(c) for h in heads for c in h.lefts if c.dep_ in ("amod", "compound", "nmod"))


def _has_partner(verb: Token, parties: Parties) -> bool:
    """A party dealt with: named in a with/to/between phrase of the verb or its object
    ("discussed the dispute with Y", "spoke to Y"), or the subject names two or more parties
    ("X and Y discussed")."""
    preps = ("with", "to", "between", "among")
    objs = [c for c in verb.children if c.dep_ == "dobj"]  # "discussed the dispute with Y"
    if any(parties.of_phrase(o) for o in prep_objects(verb, preps) + [p for o in objs for p in prep_objects(o, preps)]):
        return True
    return len(parties.of_phrases(subject_of(verb))) >= 2


def noun_entry(tok: Token, lex: Lexicon, tree: Tree) -> TriggerEntry | None:
    """The entry of an event noun, read with its modifiers: an entry listing modifier lemmas
    needs one ("joint exercises", "a hunger strike"); a sense-changing modifier ("a press
    release") means no event."""
    i = tok.i
    entries = lex.noun_entries(_hyphenated(tok, tree.lower) or tree.lemma[i])
    if not entries:
        return None
    dep, lemma = tree.dep, tree.lemma
    kids = [c for c in tree.children(i) if c < i and dep[c] in ("compound", "amod", "nmod")]
    mods = {lemma[c] for c in kids}
    # "a joint fighter jet programme": the adjective the parse hangs on a compound
    mods.update(lemma[g] for c in kids if dep[c] == "compound" for g in tree.children(c)
                if g < c and dep[g] == "amod")
    for e in entries:
        if e.objects and not mods & e.objects:
            continue
        if mods & e.not_objects:
            return None
        if e.type == "PROTEST" and not e.objects:
            attack = next((a for a in entries if a.type == "ASSAULT" and not a.objects), None)
            if attack is not None and _military_context(tree, i, background_words()):
                return attack  # "strikes on X's positions", "strikes killed 20": no stoppage
        return e
    return None


def _military_context(tree: Tree, i: int, words: BackgroundWords) -> bool:
    """The noun is made on a place or a military target ("strikes on Gaza", "against militant
    positions") or does or causes a killing ("strikes killed 20", "were wounded in strikes");
    a labour strike is "in" a place, "against" a policy, and stops work without wounding."""
    dep, lemma, kids, head, ent = tree.dep, tree.lemma, tree.children, tree.head, tree.ent_type
    for o in tree.prep_objects(i, ("on", "against")):
        if ent[o] in ("GPE", "LOC", "FAC") or lemma[o] in words.military_targets:
            return True
    h = head[i]
    if dep[i] == "nsubj" and lemma[h] in words.harm_verbs:
        return True
    return dep[i] == "pobj" and tree.lower[h] in ("in", "by") and lemma[head[h]] in words.harm_verbs


def _hyphenated(tok: Token, lower: list[str]) -> str | None:
    """ "cease-fire", "sit-in", "build-up" split by the tokenizer: the whole word's lemma, read
    at its last part (``lower``: the document's lower-cased words)."""
    if tok.i < 2 or lower[tok.i - 1] != "-":
        return None
    dash = tok.doc[tok.i - 1]
    if dash.text != "-" or dash.whitespace_:
        return None
    first = tok.doc[tok.i - 2]
    return None if first.whitespace_ else f"{first.lower_}-{tok.lemma_.lower()}"


def _warns_of_harm(verb: Token, lex: Lexicon, parties: Parties) -> bool:
    """ "X warned that Y would face consequences": a reported clause whose verb's object (or
    "with" object) is a harm its subject, a party, would meet (not "X's acts could have grave
    consequences": a harm caused)."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.lemma_.lower() in ("have", "cause", "bring"):
            continue
        subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if not any(parties.of_phrase(s, shallow=True) for s in subjects):
            continue
        objs = [o for o in c.children if o.dep_ == "dobj"] + prep_objects(c, ("with",))
        if any(o.lemma_.lower() in lex.status.harm_nouns for o in objs):
            return True
    return False


def _reports_obligation(verb: Token, lex: Lexicon) -> bool:
    """ "X said (that) Y must/should ...": a reported clause laying a duty on its subject."""
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in lex.status.obligation_modals
                                         for a in c.children)
               for c in verb.children)


def _may_trigger(i: int, lower: list[str], lemma: list[str], lex: Lexicon) -> bool:
    """Whether token ``i`` can have an entry at all, read from the strings only: its lemma, its
    form or a guess at its stem (:func:`verb_lemmas`) is in the lexicon, or it ends a hyphenated
    word.  The others need no spaCy token (most verbs and nouns of a text)."""
    if i >= 2 and lower[i - 1] == "-":
        return True
    key = (lower[i], lemma[i])
    known = lex.known_forms.get(key)
    if known is None:
        if len(lex.known_forms) >= KNOWN_FORMS_MAX:
            lex.known_forms.clear()  # a long ingest meets ever more forms: bounded memory
        index_v, index_n = lex.verb_index, lex.noun_index
        low, lem = key
        known = lex.known_forms[key] = (
            lem in index_v or lem in index_n or low in index_v or low in index_n
            or any(low.endswith(suffix) and len(low) - len(suffix) >= 3 and low[: -len(suffix)] in index_v
                   for suffix in STEM_SUFFIXES))
    return known


def find_triggers(sent: Sentence, lex: Lexicon, parties: Parties) -> list[Trigger]:
    found: list[Trigger] = []
    doc = sent.span.doc
    tree = Tree.of(doc)
    pos, lower, lemma = tree.pos, tree.lower, tree.lemma
    for i in range(sent.span.start, sent.span.end):
        if pos[i] not in ("VERB", "NOUN", "PROPN") or not _may_trigger(i, lower, lemma, lex):
            continue  # no spaCy token made for words no entry can have
        tok = doc[i]
        verbal = pos[i] == "VERB" or (pos[i] == "NOUN" and tree.dep[i] == "xcomp")
        entry = verb_entry(tok, lex, parties) if verbal else None
        if entry is None and pos[i] in ("NOUN", "PROPN") and not verbal \
                and tree.ent_type[i] not in NOT_EVENT_ENTS:
            entry = noun_entry(tok, lex, tree)
        if entry is not None:
            found.append(Trigger(tok, entry))
    by_index = {t.token.i: t for t in found}
    out: list[Trigger] = []
    for t in found:
        if t.entry.pos == "verb" and t.entry.type == "AGREE" and _pledges_harm(t.token, by_index, lex):
            t = Trigger(t.token, replace(t.entry, type="THREATEN", mode=None, cameo="130"))
        if t.entry.pos == "noun":
            if _characterized(t.token):
                continue
            restated = _restates(t, by_index, lex.frame_nouns)
            if restated is not None:
                if restated < 0 or by_index[restated].entry.pos == "noun":
                    continue  # restates another noun, or modifies one: never counts alone
                t = Trigger(t.token, t.entry, restated)
        out.append(t)
    return out


def _pledges_harm(verb: Token, by_index: dict[int, Trigger], lex: Lexicon) -> bool:
    """A pledge whose complement is a harmful act threatens it ("vowed to crush the
    rebels", "pledged to expel the envoys"): PLOVER codes a promise of harm as THREATEN."""
    if verb.lemma_.lower() not in lex.status.pledge_verbs:
        return False
    return any(c.dep_ == "xcomp" and c.i in by_index and by_index[c.i].entry.type in lex.harmful_types
               for c in verb.children)


def _characterized(noun: Token) -> bool:
    """An event noun that is the subject of a copula ("the agreement will be an important
    factor") is being described, not reported as happening."""
    head = noun.head
    return (noun.dep_ == "nsubj" and head.lemma_ == "be"
            and any(c.dep_ in ("attr", "acomp") for c in head.children))


def _restates(t: Trigger, by_index: dict[int, Trigger], frame_nouns: frozenset[str]) -> int | None:
    """The trigger that an event noun only restates, if any (its token index)."""
    tok = t.token
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i in by_index:
        return -1  # a modifier of another trigger ("partnership treaty") never counts alone
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") \
            and tok.head.lemma_.lower() not in frame_nouns:
        return -1  # nor names a kind of thing ("a supply contract", "an arrest warrant")
    head = by_index.get(tok.head.i)
    if head is not None and tok.dep_ in ("dobj", "nsubjpass") and tok.lemma_.lower() in head.entry.objects:
        return head.token.i  # the noun chose the verb's sense: "provided support" is one AID event
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.i in by_index and by_index[c.i].entry.type == t.entry.type:
            return c.i
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i or cur.dep_ not in ("pobj", "prep", "dobj", "nsubjpass", "conj"):
            return None
        cur = cur.head
        other = by_index.get(cur.i)
        if other is not None and (other.entry.type == t.entry.type or other.entry.pos == "noun"):
            return cur.i
    return None


def verb_lemmas(verb: Token) -> set[str]:
    """The lemma, and guesses from the inflected form for the model's lemma slips
    ("staged" -> "stag")."""
    low = verb.lower_
    out = {verb.lemma_.lower(), low}
    for suffix in STEM_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            out.add(low[: -len(suffix)])
    return out
