"""How, when and where: an event's status, time and location, read around its trigger.

Status comes from the trigger's own clause and the clauses that govern it, read on the
dependency parse (no word windows): modals ("will", "could"), negation and its scope ("did not",
"never", "no agreement was reached", "neither X nor Y", "without"), governing verbs ("plan to",
"is to", "has yet to", "failed to", "accused X of", "was said to have", "would not allow X to",
"prevented X from"), the verb that takes an event noun ("pledged aid", "the talks were
cancelled", "denied the attack"), framing nouns ("plans for talks", "no plans to", "the threat
of sanctions", "reports that"), modifiers ("alleged", "potential", "reportedly"), an event
noun's own future time ("talks next month") and conditionals ("if", "unless").  A party's
denial elsewhere in the sentence ("..., though X has denied it") makes an event it is said to
have done *denied*; :func:`dated_status` makes an asserted event whose time lies after the
report expected.

The time is the time expression closest to the trigger in the dependency tree (a point in
time before any duration), unless another trigger is closer to it or it sits in another
clause with its own subject; without one an asserted event takes the publication date (the
distances are worked out once per sentence, :class:`SentenceTimes`).  The location is a place
mention in an "in/at X" phrase under the trigger, else under the parties of its act ("captured
by soldiers in northern X"), else in the governing clause's setting.
"""

from __future__ import annotations

import datetime as dt
import weakref

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .analysis import Analysis
from .event_lexicon import StatusCues
from .intervals import time_interval
from .models import EventTime, Time
from .parse_arrays import Tree

STATUS_ORDER = ("negated", "denied", "hypothetical", "expected", "alleged")
#: verbs whose complement is an act asked of someone ("demanded that X release", "called on X
#: to withdraw"): the act is hypothetical until it is reported done
REQUEST_HEADS = frozenset({"urge", "ask", "demand", "call", "press", "request", "appeal", "implore",
                           "beg", "petition"})
#: verbs of arrest and punishment whose "for X-ing" names the charge ("arrested for spying")
GROUNDS_HEADS = frozenset({"arrest", "detain", "jail", "imprison", "charge", "indict", "prosecute",
                           "punish", "expel", "deport", "fine", "hold", "question", "sanction"})
#: verbs of letting: a refused or modal permission ("would not allow X to attack Y") leaves
#: the act only a possibility, neither done nor denied
PERMIT_HEADS = frozenset({"allow", "let", "permit", "tolerate"})
#: verbs of hindering: the act they keep someone from ("prevented X from attacking", "foiled a
#: plot to") is an averted possibility; "stop", "keep", "bar" hinder only with "from"
PREVENT_HEADS = frozenset({"prevent", "deter", "forbid", "prohibit", "dissuade", "discourage",
                           "avert", "thwart", "foil", "block", "ban"})
PREVENT_FROM_HEADS = PREVENT_HEADS | {"stop", "keep", "bar", "restrain"}
#: passive verbs of report and belief whose subject is said to act ("was said to have
#: supplied", "is believed to be behind"): hearsay, alleged
REPORTED_HEADS = frozenset({"say", "report", "believe", "think", "understand", "rumor", "rumour",
                            "allege", "suspect", "claim", "fear", "presume", "assume", "accuse"})
#: verbs that present their complement as appearance only ("appears to have struck")
SEEMING_HEADS = frozenset({"seem", "appear"})
#: nouns whose content clause or "of" phrase is a claim ("reports that X had armed Y", "reports
#: of clashes"): alleged, denied when a denial verb takes the noun ("rejected reports that")
CLAIM_NOUNS = frozenset({"report", "claim", "allegation", "accusation", "charge", "rumor", "rumour",
                         "suggestion", "assertion", "insinuation", "speculation", "suspicion"})
#: verbs whose object or passive subject is an event still to come ("pledged aid", "talks are
#: planned", "proposed talks"), or called off ("cancelled the talks", "the visit was postponed")
#: ("planned the attack" may be told of an attack that took place: a plan only with a date,
#: "talks planned for May")
OBJECT_EXPECTED_HEADS = frozenset({"intend", "expect", "hope", "seek", "want", "wish", "schedule",
                                   "promise", "pledge", "vow", "propose", "offer", "slate"})
DATED_PLAN_HEADS = frozenset({"plan", "set", "schedule", "slate", "arrange"})
OBJECT_CANCELLED_HEADS = frozenset({"cancel", "postpone", "scrap", "abandon", "shelve", "forgo",
                                    "forego", "delay", "defer"})
#: words of a time phrase that place it after the report ("next week", "tomorrow's talks",
#: "in the coming days"); "the next day" is the narrative's, not the report's
FUTURE_TIME_WORDS = frozenset({"next", "tomorrow", "upcoming", "coming", "forthcoming"})
FUTURE_TIME_CUES = FUTURE_TIME_WORDS | {"later"}
#: arguments that deny the act took place with anyone ("no agreement was reached", "nobody
#: was hurt")
NEGATIVE_ARGUMENTS = frozenset({"nobody", "none", "nothing", "no-one"})
#: dependency steps from an event noun up to the verb whose clause it belongs to
NOUN_CLIMB_DEPS = {"pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj", "compound", "appos",
                   "attr", "pcomp", "npadvmod", "amod", "punct"}


def governing_verb(tok: Token, max_steps: int = 6) -> Token | None:
    """The verb (or adjective predicate) whose clause contains the noun ``tok``."""
    doc = tok.doc
    i = governing_verb_index(Tree.of(doc), tok.i, max_steps)
    return None if i is None else doc[i]


def governing_verb_index(tree: Tree, i: int, max_steps: int = 6) -> int | None:
    """:func:`governing_verb` by token index (on the document's :class:`Tree`)."""
    head, dep, pos = tree.head, tree.dep, tree.pos
    cur = i
    for _ in range(max_steps):
        h = head[cur]
        if dep[cur] not in NOUN_CLIMB_DEPS or h == cur:
            return h if pos[h] in ("VERB", "AUX") and h != i else None
        cur = h
        if pos[cur] in ("VERB", "AUX"):
            return cur
    return None


def _flags_of_modifiers(tree: Tree, i: int, cues: StatusCues, flags: set[str]) -> None:
    dep, lower, lemma, tag, kids = tree.dep, tree.lower, tree.lemma, tree.tag, tree.children
    for c in kids(i):
        d, low = dep[c], lower[c]
        if d in ("amod", "advmod", "acomp", "npadvmod"):
            if low in cues.alleged_modifiers:
                flags.add("alleged")
            elif low in cues.hypothetical_modifiers:
                flags.add("hypothetical")
            elif low in cues.expected_modifiers:
                flags.add("expected")
        if d == "neg" or (d in ("det", "advmod") and low in cues.negation_words):
            flags.add("negated")
        if d == "aux" and tag[c] == "MD":
            lem = lemma[c]
            if low in cues.expected_modals or lem in cues.expected_modals:
                flags.add("expected")
            elif low in cues.hypothetical_modals or lem in cues.hypothetical_modals:
                flags.add("hypothetical")
        if d == "mark" and low in cues.hypothetical_marks:
            flags.add("hypothetical")
        if d == "advcl" and any(dep[m] == "mark" and lower[m] in ("if", "unless") for m in kids(c)):
            flags.add("hypothetical")


def status_flags(trigger: Token, cues: StatusCues, light_verbs: frozenset[str] = frozenset()) -> set[str]:
    """Status cues on the trigger and the chain of clauses governing it.  An event noun is
    negated only through a light verb ("did not sign the accord") or a verb of taking place
    ("did not take place"); another verb's negation leaves it uncertain or presupposed
    (:func:`_negated_governor`).  An event noun is also set by the verb that takes it
    ("pledged aid", "the talks were cancelled", "denied the attack") and by its own time
    ("talks next month")."""
    tree = Tree.of(trigger.doc)
    head, dep, lower, pos, tag, kids = tree.head, tree.dep, tree.lower, tree.pos, tree.tag, tree.children
    lemma_of = _lemmas(tree, cues)
    words = _doc_words(trigger.doc, tree)
    t = trigger.i
    flags: set[str] = set()
    _flags_of_modifiers(tree, t, cues, flags)
    claim = None if words.isdisjoint(CLAIM_NOUNS) else _claim_content(tree, t, cues, lemma_of)
    if claim is not None:
        flags.add(claim)
        if pos[t] not in ("VERB", "AUX"):
            return flags  # "reports of clashes could not be confirmed": the clause is the claim's
    cur = t
    future = not words.isdisjoint(FUTURE_TIME_CUES)
    if pos[t] not in ("VERB", "AUX"):
        _flags_of_noun(tree, t, lemma_of, flags, future)
        framed = _framing_noun(tree, t, cues)
        if framed is not None:
            flags.add(framed)
            return flags  # "no plans for talks", "the threat of sanctions": the frame says it
        verb = governing_verb_index(tree, t)
        if verb is None:
            return flags
        cur = verb
        verb_flags: set[str] = set()
        _flags_of_modifiers(tree, cur, cues, verb_flags)
        if "negated" in verb_flags and lemma_of(verb) not in light_verbs:
            verb_flags.discard("negated")
            said = _negated_governor(tree, t, verb, lemma_of)
            if said is not None:
                verb_flags.add(said)
        flags |= verb_flags
        _flags_of_taking_verb(tree, t, verb, cues, lemma_of, flags)
        if lemma_of(verb) in REQUEST_HEADS and dep[t] != "nsubj":
            # an act asked for: "called for a ceasefire", "demanded the release of X"
            flags.add("hypothetical")
    if future and (cur != t or tag[cur] not in ("VBD", "VBN")) and _future_time(tree, cur):
        # "meets X next week", "hosts talks next month"; "welcomed the summit next week": a
        # past verb's future time is its event noun's
        flags.add("expected")
    if cur == t and not words.isdisjoint(NEGATIVE_WORDS) and _negative_argument(tree, t):
        flags.add("negated")  # "no agreement was reached", "sent no troops"
    for _ in range(6):
        d, h = dep[cur], head[cur]
        if h == cur:
            break
        if d == "advcl" and tag[cur] == "VB" and any(dep[c] == "aux" and lower[c] == "to" for c in kids(cur)):
            d = "xcomp"  # "threatened on Sunday to impose": an infinitive the parser set apart
        lem = lemma_of(h)
        if (d == "prep" and lower[cur] == "from" and lem in PREVENT_FROM_HEADS) \
                or (d in ("xcomp", "ccomp") and lem in PREVENT_HEADS):
            if not _hindrance_failed(tree, h, cues, lemma_of):
                flags.add("hypothetical")  # "prevented X from attacking": averted
            break  # (not when it "did not stop X from sending": the act went ahead)
        if lem in PERMIT_HEADS and d in ("xcomp", "ccomp"):
            if any(dep[c] == "neg" or (dep[c] == "aux" and tag[c] == "MD") for c in kids(h)):
                flags.add("hypothetical")  # "would not allow X to attack Y": prevented, possible
                break
            d = "xcomp"  # "allowed X to use its bases": the permission's status reaches the act
        if d == "xcomp" and any(dep[c] == "aux" and lower[c] == "to" for c in kids(cur)):
            if lem in ("be", "have") and any(lower[c] == "yet" for c in kids(h)):
                flags.add("negated")  # "has yet to sign", "is yet to respond"
            elif (lem == "be" and lemma_of(cur) not in BE_TO_IDIOMS) or (lem == "about" and dep[h] == "acomp"):
                flags.add("expected")  # "is to travel next week": arranged; "was about to sign"
            elif lem in REPORTED_HEADS and any(dep[c] == "auxpass" for c in kids(h)):
                flags.add("alleged")  # "was said to have supplied", "is believed to have"
            elif lem in SEEMING_HEADS:
                flags.add("alleged")  # "appears to have struck"
        if d == "advcl" and tag[cur] in ("VBZ", "VBP") and any(
                dep[c] == "mark" and lower[c] in TIME_MARKS for c in kids(cur)) and any(
                dep[c] == "aux" and lower[c] in FUTURE_MODALS for c in kids(h)):
            flags.add("expected")  # "will hold talks after Y withdraws": Y's withdrawal is to come
        if d == "ccomp" and lem == "be" and any(dep[c] == "acomp" and tree.lemma[c] in POSSIBLE_ADJECTIVES
                                                for c in kids(h)):
            flags.add("hypothetical")  # "it is possible that X supplied"
        if d == "pcomp" and lower[h] == "without":
            flags.add("negated")  # "ended the talks without signing a deal"
            break
        if d == "pcomp" and lower[h] == "for" and lemma_of(head[h]) in GROUNDS_HEADS:
            flags.add("alleged")  # "arrested for spying": the grounds are a charge, not a finding
        if d == "acl" and pos[h] == "NOUN" and pos[cur] in ("VERB", "AUX"):
            # the content of a request or plan named by a noun: "the demand that X release",
            # "a plan to build", "a promise to withdraw"
            noun_status = _noun_status(tree, h, cues)
            if noun_status is not None:
                flags.add(noun_status)
            elif lem in REQUEST_HEADS:
                flags.add("hypothetical")
            elif lem in cues.expected_heads:
                flags.add("expected")
        if d in ("xcomp", "ccomp", "pcomp", "advcl", "conj", "acomp", "prep", "dobj", "pobj"):
            if lem in REFUSING_DENIALS and d in ("xcomp", "pcomp"):
                flags.add("negated")  # "rejected sending troops": refused, not denied
            elif lem in cues.denial_verbs and d in ("xcomp", "ccomp", "pcomp"):
                # "did not deny", "would neither confirm nor deny": left open, not denied
                flags.add("alleged" if negated_verb(tree, h) else "denied")
            elif lem in cues.negation_heads and d in ("xcomp", "pcomp", "prep"):
                # ("did not rule out sending troops": still possible)
                flags.add("hypothetical" if negated_verb(tree, h) else "negated")
            elif lem in REQUEST_HEADS and d in ("xcomp", "ccomp"):
                flags.add("hypothetical")  # asked of someone, not done: "urged X to withdraw"
            elif lem in cues.expected_heads and d in ("xcomp", "ccomp", "acomp", "prep"):
                flags.add("expected")
            elif lem in cues.hypothetical_heads and d in ("xcomp", "pcomp", "prep"):
                flags.add("hypothetical")
            elif lem in cues.alleged_heads and d in ("pcomp", "prep", "ccomp"):
                flags.add("alleged")
        if d in ("xcomp", "conj", "acomp", "prep", "pcomp", "pobj", "dobj"):
            # the governing clause's modals and negation reach a controlled or coordinated verb
            own_aux = any(dep[c] in ("aux", "neg") for c in kids(cur))
            if d != "conj" or not own_aux:
                _flags_of_modifiers(tree, h, cues, flags)
            cur = h
            continue
        break
    above = [t, *tree.ancestors(t)]
    if "according" in words and any(_according_to_claim(tree, anc) for anc in above[:5]):
        flags.add("alleged")  # "according to unconfirmed reports, X shelled ..."
    # inside a conditional clause anywhere above ("... only if the text kept a clause
    # committing them to resume talks")
    marks = cues.hypothetical_marks
    if not words.isdisjoint(marks) and any(dep[c] == "mark" and lower[c] in marks and lower[c] != "whether"
                                           for anc in above for c in kids(anc)):
        flags.add("hypothetical")
        flags.discard("negated")  # "... if it did not withdraw": a condition, not a fact
    return flags


#: the words and lemmas of each live document (weak keys), for cheap tests that a cue is there
#: at all
_WORDS: "weakref.WeakKeyDictionary[Doc, frozenset[str]]" = weakref.WeakKeyDictionary()
#: words without which no argument negates its act (:func:`_negative_argument`)
NEGATIVE_WORDS = frozenset({"no", "neither", "not", "nobody", "none", "nothing", "no-one"})


def _doc_words(doc: Doc, tree: Tree) -> frozenset[str]:
    """The lower-cased words and the lemmas of ``doc``, read once."""
    found = _WORDS.get(doc)
    if found is None:
        found = _WORDS[doc] = frozenset(tree.lower) | frozenset(tree.lemma)
    return found


#: phrasal verbs read as the cue verb they mean ("called off the talks": cancelled)
PHRASAL_VERBS = {("call", "off"): "cancel", ("put", "off"): "postpone", ("hold", "off"): "postpone",
                 ("push", "back"): "postpone", ("set", "up"): "arrange", ("rule", "out"): "refuse",
                 ("back", "away"): "abandon", ("back", "down"): "abandon", ("pull", "back"): "abandon"}
PHRASAL_HEADS = frozenset(lem for lem, _ in PHRASAL_VERBS)
#: verbs of denial that, with an act for complement, refuse it ("rejected putting troops on the
#: ground", "dismissed using force"), where "denied attacking" denies it was done
REFUSING_DENIALS = frozenset({"reject", "rebuff", "dismiss"})
#: "X is to blame for": no arrangement
BE_TO_IDIOMS = frozenset({"blame"})
#: the lemma tables :func:`_lemmas` corrects a tagger's lemma by, per lexicon
_FORMS: dict[int, tuple[StatusCues, dict[str, str]]] = {}


def _inflections(word: str) -> set[str]:
    """The regular inflected forms of a verb or adjective lemma."""
    out = {word + "s", word + "es", word + "d", word + "ed", word + "ing"}
    if word.endswith("e"):
        out.add(word[:-1] + "ing")
    if word.endswith("y"):
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    return out


def _lemmas(tree: Tree, cues: StatusCues):
    """``lemma_of(i)``: token ``i``'s lemma, or the cue word it is a regular form of when the
    tagger's lemma is wrong ("hopes" read as a form of "hop")."""
    kept = _FORMS.get(id(cues))
    if kept is None or kept[0] is not cues:
        words = (cues.expected_heads | cues.hypothetical_heads | cues.negation_heads | cues.alleged_heads
                 | cues.denial_verbs | REQUEST_HEADS | PERMIT_HEADS | PREVENT_FROM_HEADS
                 | REPORTED_HEADS | SEEMING_HEADS | OBJECT_EXPECTED_HEADS | OBJECT_CANCELLED_HEADS
                 | DATED_PLAN_HEADS)
        table = {form: w for w in sorted(words) for form in _inflections(w) if form not in words}
        kept = _FORMS[id(cues)] = (cues, table)
    table, lemma, lower, dep, kids = kept[1], tree.lemma, tree.lower, tree.dep, tree.children

    def lemma_of(i: int) -> str:
        lem = table.get(lower[i]) or lemma[i]
        if lem in PHRASAL_HEADS:  # "called off": cancelled
            particle = next((lower[c] for c in kids(i) if dep[c] in ("prt", "advmod")
                             and (lem, lower[c]) in PHRASAL_VERBS), None)
            return PHRASAL_VERBS.get((lem, particle), lem)
        return lem

    return lemma_of


def _flags_of_noun(tree: Tree, i: int, lemma_of, flags: set[str], future: bool = True) -> None:
    """An event noun's own setting: a future time ("talks next month", "tomorrow's summit"),
    a participle of plan or of calling off ("talks scheduled for May", "the postponed visit").
    (``future``: the document has words of a future time at all.)"""
    if future and _future_time(tree, i):
        flags.add("expected")
    dep, lower, kids = tree.dep, tree.lower, tree.children
    for c in kids(i):
        if dep[c] in ("acl", "amod") and tree.tag[c] == "VBN":
            lem = lemma_of(c)
            if lem in OBJECT_CANCELLED_HEADS:
                flags.add("negated")
            elif lem in DATED_PLAN_HEADS and dep[c] == "acl" and (
                    lem in ("schedule", "slate") or any(dep[p] == "prep" and lower[p] in ("for", "on") for p in kids(c))):
                flags.add("expected")


def _flags_of_taking_verb(tree: Tree, noun: int, verb: int, cues: StatusCues, lemma_of,
                          flags: set[str]) -> None:
    """What the verb taking an event noun as its object or passive subject says of it:
    "pledged aid", "talks are planned" (expected); "cancelled the visit" (negated);
    "considered sanctions", "averted an attack" (hypothetical); "denied (any role in) the attack"
    (denied)."""
    dep, head = tree.dep, tree.head
    top = noun
    while head[top] != verb:
        top = head[top]
    lem = lemma_of(verb)
    if dep[top] in ("dobj", "nsubjpass") and lem in ("deny", "refute") and tree.lemma[noun] not in GRANTED_NOUNS \
            and not any(dep[c] == "dative" for c in tree.children(verb)):
        flags.add("denied")  # (not "denied the request", "denied Y aid": a refusal)
    if head[noun] != verb or dep[noun] not in ("dobj", "nsubjpass"):
        return
    if lem in OBJECT_CANCELLED_HEADS:
        flags.add("negated")
    elif (lem in OBJECT_EXPECTED_HEADS and tree.lemma[noun] not in STANCE_NOUNS) or (lem in DATED_PLAN_HEADS and dep[noun] == "nsubjpass" and any(
            dep[p] == "prep" and tree.lower[p] in ("for", "on") for p in tree.children(verb))):
        flags.add("expected")  # "pledged aid"; "talks are planned for May"
    elif (lem in PREVENT_HEADS and not _hindrance_failed(tree, verb, cues, lemma_of)) \
            or (lem in cues.hypothetical_heads and not _definite(tree, noun)):
        flags.add("hypothetical")  # (but "discussed the attack", "Y's demand": one that was made)


#: nouns of a stance that a pledge or offer itself expresses ("pledged its support", "offered
#: an apology")
STANCE_NOUNS = frozenset({"support", "backing", "solidarity", "endorsement", "sympathy", "condolence",
                          "apology", "resistance", "congratulation", "praise"})
#: what one may be denied, as a refusal, not as a denial that it happened ("denied the request",
#: "denied access")
GRANTED_NOUNS = frozenset({"request", "demand", "appeal", "plea", "petition", "call", "access", "entry",
                           "aid", "assistance", "relief", "asylum", "release", "recognition", "support",
                           "backing", "loan", "funding", "supply", "delivery", "concession", "exchange",
                           "permission", "visa", "extradition"})


def _definite(tree: Tree, noun: int) -> bool:
    """The noun names a known act: "the attack", "Y's demand", "this offer"."""
    return any((tree.dep[c] == "det" and tree.lower[c] in ("the", "this", "that", "these", "those"))
               or tree.dep[c] == "poss" for c in tree.children(noun))


def _hindrance_failed(tree: Tree, verb: int, cues: StatusCues, lemma_of) -> bool:
    """The verb of hindering is negated or failed ("did not stop X from", "failed to prevent
    the attack"): the act went ahead."""
    return negated_verb(tree, verb) or (tree.dep[verb] == "xcomp"
                                         and lemma_of(tree.head[verb]) in cues.negation_heads)


def _future_time(tree: Tree, i: int) -> bool:
    """A time phrase of token ``i`` that is after the report by its words ("next week",
    "tomorrow", "in the coming days", "next month's summit", "later this month")."""
    dep, lower, kids = tree.dep, tree.lower, tree.children
    for c in kids(i):
        d = dep[c]
        if d == "prep" and lower[c] in ("on", "in", "for", "at", "during", "within", "over", "by"):
            cands = [p for p in kids(c) if dep[p] == "pobj"]
        elif d in ("npadvmod", "poss", "advmod", "tmod"):
            cands = [c]
        else:
            continue
        for x in cands:
            if tree.ent_type[x] not in ("DATE", "TIME") and lower[x] != "tomorrow":
                continue
            words = {lower[w] for w in (x, *kids(x))}
            if not words.isdisjoint(FUTURE_TIME_WORDS) and not ("next" in words and "the" in words):
                return True  # "next week", "in the coming days", not "the next day"
            if "later" in words and "this" in words:
                return True  # "later this month"
    return False


def _negative_argument(tree: Tree, i: int) -> bool:
    """A subject or object that says nobody or nothing took part: "no agreement was reached",
    "Norway sent no troops", "nobody was hurt", "neither X nor Y attended", "not a single shot
    was fired"."""
    dep, lower, kids = tree.dep, tree.lower, tree.children
    return any(dep[c] in ("nsubj", "nsubjpass", "dobj")
               and (lower[c] in NEGATIVE_ARGUMENTS
                    or any((dep[g] in ("det", "preconj") and lower[g] in ("no", "neither")) or dep[g] == "neg"
                           for g in kids(c)))
               for c in kids(i))


def _claim_content(tree: Tree, i: int, cues: StatusCues, lemma_of) -> str | None:
    """The trigger is what a claim says ("reports that X had armed Y", "reports of clashes"):
    alleged; denied when a denial verb takes the claim ("rejected reports that"); nothing when
    the claim is confirmed."""
    head, dep, lower, pos, lemma = tree.head, tree.dep, tree.lower, tree.pos, tree.lemma
    cur = i
    for _ in range(2):
        h, d = head[cur], dep[cur]
        if h == cur:
            return None
        if pos[h] == "NOUN" and lemma[h] in CLAIM_NOUNS and (
                (d in ("acl", "ccomp") and pos[cur] in ("VERB", "AUX")) or (d == "prep" and lower[cur] == "of")):
            g = head[h]
            taker = lemma_of(g) if g != h and dep[h] in ("dobj", "nsubjpass", "conj") else None
            if taker in CONFIRMING_HEADS and not any(dep[c] == "neg" for c in tree.children(g)):
                return None
            return "denied" if taker is not None and taker in cues.denial_verbs else "alleged"
        if d != "pobj" or cur != i:
            return None
        cur = h
    return None


#: nouns of an intended, possible or missing act, and the status they give the act they frame
#: ("plans for talks", "a plan to attack", "the threat of sanctions", "calls for a ceasefire",
#: "the failure to reach a deal", "a lack of cooperation"); with "no" the act is negated ("no
#: plans for talks")
FRAMING_NOUNS = {
    **dict.fromkeys(("plan", "proposal", "intention", "intent", "preparation", "promise", "pledge",
                     "offer", "hope", "commitment", "readiness", "willingness", "decision"), "expected"),
    **dict.fromkeys(("prospect", "possibility", "option", "threat", "risk", "danger", "fear",
                     "likelihood", "chance", "call", "demand", "request", "appeal"), "hypothetical"),
    **dict.fromkeys(("failure", "refusal", "inability", "lack", "absence"), "negated"),
}
#: adjectives of "it is ... that": the clause is only possible
#: ("it is unclear how many were wounded" asks about a fact, not whether it happened)
POSSIBLE_ADJECTIVES = frozenset({"possible", "conceivable", "plausible", "probable", "likely", "unlikely",
                                 "doubtful"})
#: marks of a clause of time: under a future ("will X after Y withdraws") the clause is to come
TIME_MARKS = frozenset({"after", "before", "when", "once", "until", "till"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll"})


def _noun_status(tree: Tree, noun: int, cues: StatusCues) -> str | None:
    """The status a framing noun (:data:`FRAMING_NOUNS`) gives the act it frames: "no plans"
    negates it."""
    found = FRAMING_NOUNS.get(tree.lemma[noun])
    if found is None:
        return None
    if any(tree.dep[c] == "det" and tree.lower[c] in ("no", "neither") for c in tree.children(noun)):
        return "negated"
    return found


def _framing_noun(tree: Tree, i: int, cues: StatusCues) -> str | None:
    """An event noun in the "for"/"of" phrase of a framing noun ("plans for talks", "the threat
    of sanctions", "Norway's offer of talks"): that noun's status; after "without": negated."""
    head, dep, lower = tree.head, tree.dep, tree.lower
    if dep[i] != "pobj":
        return None
    prep = head[i]
    if lower[prep] == "without":
        return "negated"  # "the talks ended without an agreement"
    if lower[prep] not in ("for", "of") or dep[prep] != "prep" or tree.pos[head[prep]] != "NOUN":
        return None
    return _noun_status(tree, head[prep], cues)


def _according_to_claim(tree: Tree, i: int) -> bool:
    """Token ``i`` has "according to unconfirmed reports" for its source (plain "according to
    media reports" attributes a report: it does not doubt it)."""
    dep, lower, kids = tree.dep, tree.lower, tree.children
    return any(dep[c] == "prep" and lower[c] == "according" and any(
        lower[to] == "to" and any(dep[p] == "pobj" and tree.lemma[p] in CLAIM_NOUNS
                                  and any(lower[m] in UNVERIFIED for m in kids(p)) for p in kids(to))
        for to in kids(c)) for c in kids(i))


#: words that present a report as unverified
UNVERIFIED = frozenset({"unconfirmed", "unverified", "uncorroborated", "unsubstantiated"})


def negated_verb(tree: Tree, i: int) -> bool:
    """Verb ``i`` is negated: "did not deny", "neither confirmed nor denied"."""
    dep, lower, kids = tree.dep, tree.lower, tree.children
    if any(dep[c] == "neg" or (dep[c] == "preconj" and lower[c] == "neither") for c in kids(i)):
        return True
    h = tree.head[i]
    return dep[i] == "conj" and any(lower[c] in ("nor", "neither") for c in kids(h))


#: verbs by which a claim is borne out ("confirmed reports that"): no longer only a claim
CONFIRMING_HEADS = frozenset({"confirm", "verify", "corroborate", "acknowledge", "admit"})


#: verbs saying that an event took place: negated, it did not ("the visit did not take place",
#: "the strike did not go ahead")
EXISTENCE_VERBS = frozenset({"happen", "occur", "materialize", "materialise", "proceed", "exist", "start",
                             "begin", "resume", "transpire", "eventuate"})


def _negated_governor(tree: Tree, noun: int, verb: int, lemma_of) -> str | None:
    """What the negation of a verb that is not the event noun's light verb says of it: nothing
    when the noun hangs from it by a preposition ("has not responded to X's protest"), is its
    active subject ("the attack did not kill anyone", "the summit was not the first") or a
    definite object ("did not condemn the attack"): the event is presupposed; negated when the
    verb says it took place ("did not take place", "did not go ahead"); else uncertain
    ("Cairo's signature is not yet guaranteed": hypothetical)."""
    dep, kids, lower = tree.dep, tree.children, tree.lower
    lem = lemma_of(verb)
    if lem in EXISTENCE_VERBS or (lem == "take" and any(lower[c] == "place" for c in kids(verb))) \
            or (lem == "go" and any(lower[c] == "ahead" for c in kids(verb))):
        return "negated"
    if _through_preposition(tree, noun, verb):
        return None
    top = noun
    while tree.head[top] != verb:
        top = tree.head[top]
    if dep[top] == "nsubj" or (dep[top] == "dobj" and _definite(tree, top)):
        return None
    return "hypothetical"


def _through_preposition(tree: Tree, noun: int, verb: int) -> bool:
    """The noun is (in) the object of a preposition on its way up to ``verb``."""
    cur = noun
    while cur != verb and tree.head[cur] != cur:
        if tree.dep[cur] == "pobj":
            return True
        cur = tree.head[cur]
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
        self.tree = Tree.of(sent.doc)
        self._head = self.tree.head
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

    def depth(self, i: int) -> int:
        chain = []
        cur = i
        head = self._head
        while cur not in self._depth:
            parent = head[cur]
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
        head = self._head
        x, y, n = a, b, 0
        while da > db:
            x, da, n = head[x], da - 1, n + 1
        while db > da:
            y, db, n = head[y], db - 1, n + 1
        while x != y:
            px, py = head[x], head[y]
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
            tree = self.tree
            dep, lower = tree.dep, tree.lower
            own = self._clause[i] = dep[i] in _CLAUSE_DEPS and any(
                dep[c] in _CLAUSE_SUBJECTS and lower[c] not in ("which", "that", "who") for c in tree.children(i))
        return own

    def in_other_clause(self, above: set[int], head: Token) -> bool:
        """The time sits in a subordinate clause with its own subject or agent that does not
        hold the trigger (``above``: the trigger and its ancestors): it dates that clause's
        doing ("accused X of breaking the ceasefire agreed by the two countries last year")."""
        cur = head.i
        parent = self._head
        while cur not in above and parent[cur] != cur:
            if self._own_clause(cur):
                return True
            cur = parent[cur]
        return False


def event_time(trigger: Token, sent: SpacySpan, times: list[Time], other_triggers: list[Token],
               status: str, published: str | None, index: SentenceTimes | None = None) -> EventTime | None:
    """The time governing ``trigger`` (see module doc), else the publication date if asserted.
    ``index`` is the sentence's :class:`SentenceTimes` when the caller keeps one for all its
    triggers (``other_triggers`` then being the ones it was made with)."""
    if index is None:
        index = SentenceTimes(sent, times, other_triggers)
    best: tuple[bool, bool, int, int, Time] | None = None
    if not index.times:
        return _published_time(status, published)
    tree, i = index.tree, trigger.i
    dep = tree.dep
    above = {*tree.ancestors(i), i}
    skip = above | set(tree.conjuncts(i))
    controlled = dep[i] == "xcomp" or (dep[i] == "advcl" and tree.tag[i] == "VB" and any(
        dep[c] == "aux" and tree.lower[c] == "to" for c in tree.children(i)))
    for t, head in index.times:
        if index.in_other_clause(above, head):
            continue
        if t.type == "DURATION" and dep[head.i] == "pobj" and tree.lower[tree.head[head.i]] == "for":
            continue  # "jailed X for 11 years", "talks for three days": how long, not when
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
    return _published_time(status, published)


def dated_status(status: str, trigger: Token, time: EventTime | None, published: str | None) -> str:
    """An asserted event whose own time in the text lies wholly after the publication date is
    still to come: "the summit on Friday" in a Monday report, "talks in January" in a December
    one (expected).  Not an act told in the past tense, nor an event noun that is the subject of
    a past-tense verb ("the summit on Friday ended ..."): its time was misread, not its status."""
    if status != "asserted" or time is None or time.source != "text" or not published:
        return status
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    told_past = verb is not None and (verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in verb.children))
    if told_past and (verb.i == trigger.i or trigger.dep_ in ("nsubj", "nsubjpass")):
        return status  # (but "welcomed the summit on Friday": the welcome is past)
    if time.value == "FUTURE_REF":
        return "expected"
    span = time_interval(time.value, time.mod)
    try:
        day = dt.date.fromisoformat(published)
    except ValueError:
        return status
    return "expected" if span is not None and span[0] > day else status


def _published_time(status: str, published: str | None) -> EventTime | None:
    """An asserted event with no time of its own happened by the publication date."""
    if status == "asserted" and published:
        return EventTime(value=published, mod=None, source="published")
    return None


# -- location --------------------------------------------------------------------------------
LOCATIVE_PREPS = ("in", "at", "near", "outside", "inside", "across", "throughout", "off", "around",
                  "on")
#: journeys whose "to X" is where they go ("during a visit to X"): the place of what is done there
TRAVEL_NOUNS = frozenset({"visit", "trip", "tour", "journey", "mission", "stopover", "stop"})
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


#: the words whose modifiers may name the place (:func:`_place`)
_PLACE_WORDS = frozenset(PLACE_NOUNS | RELATIVE_PLACE_WORDS)


def _place(doc, tree: Tree, i: int, mention_at, depth: int = 0, acted_on: bool = False) -> str | None:
    """The place a locative object (token ``i``) names: itself, or "the city of X", "X
    province", "X's capital", "outside (of) the city of X" (the most specific: a location
    before a country).  A capital read as its state is the place when it is ``acted_on``
    ("captured Seoul")."""
    m = mention_at(doc[i])
    if m is not None and (m.kind == "location" or (m.kind == "country" and (acted_on or not m.metonymy))):
        return m.actor_id
    if tree.lemma[i] not in _PLACE_WORDS:
        return None
    dep, lower, kids = tree.dep, tree.lower, tree.children
    cands = [c for c in kids(i) if dep[c] in ("compound", "appos")]
    cands += [p for c in kids(i) if dep[c] == "prep" and lower[c] == "of"
              for p in kids(c) if dep[p] == "pobj"]
    cands += [c for c in kids(i) if dep[c] == "poss"]
    mentions = [mention_at(doc[c]) for c in cands]
    found = [m for m in mentions if m is not None and m.kind in ("location", "country")]
    found.sort(key=lambda m: m.kind != "location")
    if found:
        return found[0].actor_id
    if depth < 2:  # "outside of the city of X", "a sector of the capital X"
        for c, m in zip(cands, mentions):
            place = _place(doc, tree, c, mention_at, depth + 1) if m is None else None
            if place is not None:
                return place
    return None


def event_location(trigger: Token, a: Analysis, mention_at) -> str | None:
    """Where the event happened: a place in an in/at phrase under the trigger ("met ... at a
    summit in Kazan", "in the city of X"), else under the clauses governing it ("In Nablus, a
    man was shot and killed").  (Walked on the parse's lists, :attr:`Analysis.tree`.)"""
    doc = trigger.doc
    tree = Tree.of(doc)
    dep, lower, pos, kids = tree.dep, tree.lower, tree.pos, tree.children
    i = trigger.i
    noun = pos[i] == "NOUN"
    if noun or tree.lemma[i] in PLACE_OBJECT_VERBS:
        # "captured X", "bombed the town of X", "the bombardment of the X district"
        objs = [c for c in kids(i) if dep[c] in ("dobj", "nsubjpass")] if not noun \
            else [p for c in kids(i) if dep[c] == "prep" and lower[c] == "of"
                  for p in kids(c) if dep[p] == "pobj"]
        for o in objs:
            place = _place(doc, tree, o, mention_at, acted_on=not noun)
            if place is not None:
                return place
    for c in kids(i):  # "was wounded in an ambush near X"
        if dep[c] in ("advmod", "npadvmod") and lower[c] in RELATIVE_PLACE_WORDS:
            place = _place(doc, tree, c, mention_at)
            if place is not None:
                return place
    # the trigger's own phrases, and those of verbs it is coordinated with ("were killed and
    # wounded in an explosion in X")
    frontier = [i, *(c for c in tree.conjuncts(i) if pos[c] == "VERB")]
    for _ in range(3):
        nxt: list[int] = []
        parties_of: list[int] = []  # searched after the phrases: "the US envoy in X met ..."
        for tok in frontier:
            for c in kids(tok):
                d = dep[c]
                if d == "prep" and (lower[c] in LOCATIVE_PREPS or
                                    (lower[c] == "to" and tree.lemma[tok] in TRAVEL_NOUNS)):
                    # "outside of X": the place is the object of the inner "of"
                    inner = kids(c)
                    objs = [*inner, *(p for o in inner if dep[o] == "prep" and lower[o] == "of"
                                      for p in kids(o))]
                    for pobj in objs:
                        if dep[pobj] != "pobj":
                            continue
                        if lower[c] == "on" and tree.ent_type[pobj] in ("DATE", "TIME"):
                            continue
                        place = _place(doc, tree, pobj, mention_at)
                        if place is not None and lower[c] in ("on", "at") and len(place) == 3 and place.isupper():
                            continue  # "called on X", "fired at X": a party, not a place
                        if place is not None:
                            return place
                        nxt.append(pobj)
                elif d == "pobj" or (d in ARGUMENT_DEPS and pos[c] in ("NOUN", "PROPN")):
                    # the place may hang from a party of the act: "was captured by soldiers
                    # in northern X", "a policeman in X was killed"
                    parties_of.append(c)
                elif d in ("prep", "agent"):
                    nxt.extend(p for p in kids(c) if dep[p] == "pobj")
        frontier = nxt + parties_of
    for anc in tree.ancestors(i, 2):  # the governing clause's setting
        if pos[anc] not in ("VERB", "AUX"):
            continue
        # (after the trigger too for the verb an event noun is the object of: "conducted
        # exercises in X", "held talks in X")
        own_verb = noun and anc == tree.head[i] and dep[i] == "dobj"
        for c in kids(anc):
            if dep[c] == "prep" and lower[c] in ("in", "at") and (c < i or own_verb):
                for pobj in kids(c):
                    place = _place(doc, tree, pobj, mention_at) if dep[pobj] == "pobj" else None
                    if place is not None:
                        return place
    return None
