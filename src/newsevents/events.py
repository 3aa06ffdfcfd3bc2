"""Events: who did what to whom, when and where, as PLOVER-typed records.

For each prose sentence (headings and boilerplate never state events):

1. **Triggers** (``event_triggers``): verbs and event nouns of the trigger lexicon
   (``data/event_triggers.toml``), with the entry's conditions checked on the parse ("sign" needs
   an agreement-like object, "arrive" a place, "call" the particle "on").
2. **Parties** (``event_parties``, phrases resolved by ``event_roles``): the subject and
   objects of a verb, the possessor, modifiers and complements of a noun, targets in a speech
   act's complement or nested in an object, with the conventions for parties the text leaves
   unnamed (the **location convention**: a hostile act's unnamed doer or victim is the state
   where it happened; the host of a meeting; "the government" unnamed is the local state; the
   party named nearest inside what is acted on).  Anaphoric groups ("the two nations", "the
   former") resolve to the most salient group named before.  Symmetric types (AGREE, CONSULT,
   COOPERATE) list all parties as actors; "X and Y accused each other", "fighting between X and
   Y", "X and Y clashed" are one event each way.
   A recipient of the actor's own country named differently is kept (a domestic event); a
   protest, or the calling off of one, with no named target is aimed at the authorities where
   it is held.  A word of an organisation's name ("the Pacific Alliance") triggers nothing.
   Dismissing an accusation ("X rejected / condemned as lies Y's accusations") is a denial
   (CAMEO 016, which PLOVER has no type for): no event for X, nor for Y's accusation, which was
   made before; what it said is coded as denied.
3. **Status, time, location** (``event_status``; a hostile act that another party says its
   adversary did is *alleged*, and the claim is an ACCUSE of its doers); **attribution**: the
   speaker and outlet of the quote holding the trigger's clause (``quotes.attribution``), and
   the accuser of an alleged act.
4. **What is said about acts** (PLOVER's coding of statements): a party's own announced or
   intended act ("X said it will send aid", "X wants to attack Y") is also its promise (AGREE)
   or threat (THREATEN); a harmful act promised on a condition is a threat; a negated future of
   help ("will not provide") a refusal (REJECT); violence by a crowd a riot, forces' violence
   against a crowd repression.  The demand a protest is held to make ("began a strike to
   demand ...") is no event of its own: the PROTEST codes it.
5. **The main event**: a clause that serves or completes another event's clause ("agreed to
   supply", "began a strike to demand"), describes a noun ("the property seized by X") or is
   background ("after protests", "one day after X attacked Y") ranks below it (``confidence``).

An event needs an actor (a passive "X was killed" of an agentless type, and a named agent the
actor stage does not know, excepted; an unasserted event always needs one); the publisher's own
actions ("X has contacted ... for comment") are not events, nor are descriptions of what a
party or an act is (a conflict's toll, "the war has killed ..."; a condition, "X remains under an
embargo"; a relative clause on a party, "X, which has threatened to ...": its history; an
event noun as the subject of a copula, "the agreement remains the bedrock of ..."; a dated
participle set off by commas, "the treaty, signed in 1979, has survived"), nor acts only
weighed ("it would be a mistake for X to attack Y", "X is unlikely to withdraw"), asked about
or doubted ("it is unclear whether X will attend", "would X really invade Y?", "observers doubt
that X will"), found by a poll ("a poll found that most X support ..."), remembered, depicted, feared or
hoped for ("the anniversary of X's annexation of Y", "the film depicts the invasion of X",
"fears of an attack", "talk of a ceasefire"), habitual ("receives $1 billion a year in aid",
"regularly violates"; not an arrangement another event promises), or counted over years ("have fought three wars since 1947", "has
carried out hundreds of strikes over the past decade"; ``event_parties.background_count``), nor
insisting on a fact ("X insists its programme is peaceful"); the word lists are the lexicon's
``[background]`` section.  One event is kept per (type, actors, recipients) in a sentence, and
none that another of its type and status states more fully (for the reciprocal types AGREE,
CONSULT, COOPERATE, with fewer of the same parties on either side).  A planned event restated
nearby with a date shares that date.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from . import actors as actors_stage
from . import quotes as quotes_stage
from .analysis import Analysis, Sentence
from .event_lexicon import Lexicon, lexicon
from .event_parties import (
    BACKGROUND_PREPS,
    background_count,
    is_year,
    PLACE_TARGET_TYPES,
    act_location,
    argument_heads,
    DOMESTIC_TYPES,
    DISMISSING_VERBS,
    country_of,
    ACCUSING_VERBS,
    dismissed_accusation,
    domestic_group,
    ends_protest,
    has_unnamed_agent,
    in_object,
    local_state,
    located_parties,
    meeting_host,
    named_unknown_subject,
    nearest_party,
    noun_parties,
    phrases_of,
    places_as_countries,
    predicate_phrase,
    mutual,
    same_party,
    verb_parties,
)
from .event_roles import (
    QUANTITY_NOUNS,
    Parties,
    RELATIVE_PRONOUNS,
    Party,
    agent_of,
    is_passive,
    subject_of,
    unique,
)
from .event_speech import (
    ACCUSING_CLAIMS,
    HOSTILE_TYPES,
    claimed_by_other,
    commitment,
    denied_by_party,
    protest_target,
    recast,
)
from .event_status import (
    SentenceTimes,
    condition_of,
    dated_status,
    event_time,
    governing_verb,
    governing_verb_index,
    resolve_status,
    status_flags,
)
from .event_triggers import (
    BackgroundWords,
    Trigger,
    background_words,
    find_triggers,
    symmetric_types,
    verb_lemmas,
)
from .models import Event, Span
from .parse_arrays import Tree

#: dependency relations of a clause that serves or completes another event's clause
#: ("agreed to supply", "began a strike to demand", "accused X of attacking")
SUBORDINATE_DEPS = ("advcl", "xcomp", "ccomp", "pcomp")


# -- events --------------------------------------------------------------------------------
def _attribution(a: Analysis, start: int, end: int) -> list[str]:
    fn = getattr(quotes_stage, "attribution", None)
    if fn is not None:
        try:
            return list(fn(a, a.quotes, start, end))
        except Exception:  # another stage's helper: degrade to no attribution, never fail
            return []
    out: list[str] = []
    for q in a.quotes:
        if q.start <= start < q.end or start <= q.start < end:
            if q.speaker is not None and q.speaker.actor and q.speaker.actor not in out:
                out.append(q.speaker.actor)
    return out


def _claimants(tok: Token, lex: Lexicon, parties: Parties, status: str) -> list[str]:
    """Who makes the claim an alleged act rests on: the subject of "accuse X of" above it."""
    if status not in ("alleged", "denied"):
        return []
    for anc in list(tok.ancestors)[:4]:
        if anc.lemma_.lower() in lex.status.alleged_heads and anc.pos_ == "VERB" and anc.i != tok.i:
            return [p.actor_id for p in phrases_of(parties, subject_of(anc))]
    return []


def _clause_span(tok: Token, sent: Sentence) -> tuple[int, int]:
    """Character span of the words the trigger governs (its subtree), within the sentence."""
    start = max(sent.start, tok.left_edge.idx)
    end = min(sent.end, tok.right_edge.idx + len(tok.right_edge.text))
    return start, max(start, end)


def _phrase_text(tok: Token) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("relcl", "punct")]
    if words and words[0].lower_ == "the":
        words = words[1:]
    return " ".join(t.text for t in words)


def _is_author(actors: list[Party], a: Analysis, subject_text: str) -> bool:
    """The publisher's own doings ("Newsweek has contacted ... for comment") are not events."""
    if a.publisher_actor and any(p.actor_id == a.publisher_actor for p in actors):
        return True
    if not (a.publisher and subject_text):
        return False
    name = a.publisher.strip().lower()
    name = name.removeprefix("the ")
    return subject_text.strip().lower() == name


@dataclass
class _Candidate:
    trigger: Trigger
    actors: list[Party]
    recipients: list[Party]
    location: str | None = None
    #: the actors were named in the text (not coded by the place, see ``located_parties``)
    named: bool = True


def _candidates(a: Analysis, sent: Sentence, lex: Lexicon, parties: Parties) -> list[_Candidate]:
    out: list[_Candidate] = []
    triggers = find_triggers(sent, lex, parties)
    own = [t for t in triggers if t.restates is None]
    hostile = {t.token.i for t in triggers if t.entry.type in HOSTILE_TYPES}
    for t in _ordered(own) + [t for t in triggers if t.restates is not None]:
        restated = next((c for c in out if t.restates is not None and c.trigger.token.i == t.restates), None)
        if restated is not None and restated.named:
            continue  # the noun restates a trigger that made an event
        if t.entry.type in HOSTILE_TYPES and t.token.dep_ == "advcl" and t.token.tag_ == "VBG" \
                and t.token.head.i in hostile:
            continue  # "shelled the village, damaging a school": the attack's toll, no event
        named_by = parties.mention_at(t.token) if t.entry.pos == "noun" else None
        if named_by is not None and named_by.kind != "country":
            continue  # a word of a name ("the Pacific Alliance", "the Warsaw Pact"): no event
        if t.entry.pos == "verb" and t.entry.type in ("ACCUSE", "REJECT") \
                and dismissed_accusation(t.token, lex) is not None:
            continue  # "X rejected Y's accusations": a denial (the noun makes no event either)
        if t.entry.pos == "verb":
            actors, recipients = verb_parties(t, parties, lex)
            subj = subject_of(t.token)
            if subj and _is_author(actors, a, _phrase_text(subj[0])):
                continue
        else:
            actors, recipients = noun_parties(t, parties, lex)
        actors = places_as_countries(actors)
        if t.entry.type in PLACE_TARGET_TYPES or (t.entry.type == "CONSULT" and t.entry.symmetric):
            # "an attack on Gaza" targets the place's state; "met ... in X" X's state hosts
            recipients = places_as_countries(recipients)
        elif t.entry.requires != "place" and t.entry.type != "CONSULT":
            # a place is where it happened, not whom it targeted (but the place visited is
            # visited: "arrived in Lima", "visited Beijing")
            recipients = [p for p in recipients if p.kind != "location"]
        if _is_author(actors, a, ""):
            continue
        recipients = [p for p in recipients if not same_party(p, actors, parties)]
        location = act_location(t, a, parties)
        named = bool(actors)
        place = country_of(location, a) if location else None
        actors, recipients = located_parties(t, actors, recipients, place, lex, parties)
        if not recipients and not t.entry.symmetric:
            recipients = local_state(argument_heads(t.token), place, actors, parties)
        if actors and not recipients and t.entry.type != "PROTEST" and t.entry.requires != "obligation" \
                and not (t.entry.symmetric and len({p.country or p.actor_id for p in actors}) > 1):
            # (a joint act of one party: "X agreed to ..." with whom the text may say inside)
            recipients = nearest_party(t.token, parties, actors, lex)
        if not actors and place is not None and t.entry.pos == "verb":
            actors = local_state(agent_of(t.token) if is_passive(t.token) else subject_of(t.token),
                                  place, [], parties)
        recipients = recipients + meeting_host(t, actors, recipients, place)
        if t.entry.requires == "obligation" and not recipients:
            continue  # "X said it must ...": a duty X lays on itself is no request
        if not actors and not (t.entry.pos == "verb" and t.entry.type in lex.agentless_types
                               and recipients and has_unnamed_agent(t.token)) \
                and not (t.entry.pos == "verb" and named_unknown_subject(t.token)):
            continue
        if t.entry.symmetric:
            actors, recipients = unique(actors + recipients), []
        if len(actors) + len(recipients) >= 2:
            parties.pairs.add(t.token.idx, *(actors + recipients))
        if restated is not None:
            if not named:
                continue
            out.remove(restated)  # "were killed in a X attack": the noun names the doer
        if not t.entry.symmetric and not recipients and len(actors) >= 2 and mutual(t.token):
            # "X and Y accused each other", "clashes between X and Y": each does it to the others
            out.extend(_Candidate(t, [p], [q for q in actors if q != p], location, named) for p in actors)
            continue
        out.append(_Candidate(t, actors, recipients, location, named))
    return out


def _ordered(triggers: list[Trigger]) -> list[Trigger]:
    return sorted(triggers, key=lambda t: t.token.i)


def _sentence_events(a: Analysis, sent: Sentence, lex: Lexicon, parties: Parties) -> list[Event]:
    candidates = _candidates(a, sent, lex, parties)
    if not candidates:
        return []
    trigger_tokens = [c.trigger.token for c in candidates]
    published = a.published.isoformat() if a.published else None
    anchors = _anchors(candidates, lex)
    refusals = {c.trigger.token.i for c in candidates if c.trigger.entry.type == "REJECT"}
    answers = refusals | {c.trigger.token.i for c in candidates if c.trigger.entry.type == "CONCEDE"}
    dismissed = _dismissed_content(a, sent, lex)
    words = background_words()
    span = sent.span
    cues = frozenset(a.words.lemma[span.start:span.end]) | frozenset(a.words.lower[span.start:span.end])
    clock = SentenceTimes(sent.span, a.times, trigger_tokens)
    events: dict[tuple, Event] = {}
    made: list[tuple[Token, Event]] = []
    for c in candidates:
        t, actors, recipients = c.trigger, c.actors, c.recipients
        if _describes(t.token, t.entry.pos, t.entry.type) or _evaluated(t.token, anchors) \
                or (t.entry.type == "REQUEST" and _insists_on_a_fact(t.token)) \
                or _not_told(t.token, t.entry.pos, anchors, words, cues):
            continue
        status = resolve_status(status_flags(t.token, lex.status, lex.light_verbs))
        if status == "hypothetical" and t.entry.type == "THREATEN" and _conditional_threat(t.token):
            status = "asserted"  # "warned of reprisals if Y joins": the warning was given
        claim = claimed_by_other(t.token, actors, parties) \
            if status in ("asserted", "alleged") and t.entry.type in HOSTILE_TYPES else None
        if claim is not None:
            status = "alleged"
        if status == "alleged" and denied_by_party(sent, actors, parties, lex, t.token) \
                or status in ("asserted", "alleged") and t.token.i in dismissed:
            status = "denied"
        if t.entry.type == "ACCUSE" and t.token.i in dismissed:
            continue  # "accused Y of making accusations by alleging ...": the dismissed one again
        if not c.named and status not in ("asserted", "alleged"):
            continue  # an act planned or feared with nobody named to do it
        if status == "negated" and any(anc in refusals for anc in Tree.of(t.token.doc).ancestors(t.token.i, 3)):
            continue  # "refused to sign": the refusal (REJECT) codes it
        if t.entry.pos == "noun" and t.entry.type in ("REQUEST", "AGREE") and _answered(t.token, answers):
            continue  # "rejected Y's request", "agreed to Y's demands": Y asked before; the answer is the news
        type_, mode, cameo = t.entry.type, t.entry.mode, t.entry.cameo
        recoded = recast(t, status, lex)
        if recoded is not None:
            type_, mode, cameo, status = recoded
        time = event_time(t.token, sent.span, a.times, trigger_tokens, status, published, clock)
        status = dated_status(status, t.token, time, published)  # "the summit on Friday" on a Monday
        location = c.location
        confidence = 0.8 if t.entry.pos == "verb" else 0.65
        if not recipients and not t.entry.symmetric:
            confidence -= 0.1
        if type_ == "PROTEST" and mode in (None, "demo") and actors and all(parties.is_state(p) for p in actors):
            # "Japan lodged a protest with X" (a state boycotting a vote or games still protests)
            type_, mode, cameo = "ACCUSE", "complain", "114"
        if (type_ == "PROTEST" or (type_ == "CONCEDE" and ends_protest(t.token, lex))) and not recipients:
            # a protest, or the calling off of one ("called off their strike"), is aimed at
            # the authorities where it is held
            recipients = protest_target(actors, location, a, parties)
        if type_ in DOMESTIC_TYPES and not recipients and domestic_group(actors, parties):
            # a group of one state's people asking, refusing or yielding with no one named
            # deals with its own state's authorities ("Kenyan rebels demanded more rights")
            recipients = [Party(actors[0].country, actors[0].country, "country", actors[0].position)]
        elif type_ in ("ASSAULT", "COERCE") and not recipients and location is not None:
            # "jets struck targets in southern Lebanon": the place's state is hit
            place = country_of(location, a)
            recipients = [Party(place, place, "country", sent.start)] if place else []
        if type_ == "COERCE" and not recipients and location is None and t.entry.pos == "verb":
            # "Belarusian authorities jailed an opposition leader": a state's coercion of
            # people of no named state happens at home, to its own people
            recipients = _own_people(t.token, actors, parties, lex)
        if not c.named:  # no doer named: less when the place's state stands for it
            confidence -= 0.15 if actors else 0.3
        if _serves_other(t.token, anchors):
            confidence -= 0.15
        if t.token.i in dismissed:
            confidence -= 0.2  # what an accusation said: the accusation is the news
        if _background_clause(t.token):
            confidence -= 0.1  # "..., one day after X attacked Y": the setting, not the news
        ev = Event(type=type_, mode=mode, cameo=cameo,
                   actors=[p.actor_id for p in actors], recipients=[p.actor_id for p in recipients],
                   status=status, time=time, location=location,
                   evidence=Span(start=sent.start, end=sent.end),
                   attributed_to=list(dict.fromkeys(_attribution(a, *_clause_span(t.token, sent))
                                                    + _claimants(t.token, lex, parties, status))),
                   confidence=round(confidence, 2))
        found = [ev]
        if claim is not None and status == "alleged" and claim[0].lemma_.lower() in ACCUSING_CLAIMS:
            # "X claimed that Y attacked": the claim accuses the act's doers (a plain "said"
            # reports it, alleged)
            found.append(ev.model_copy(update={
                "type": "ACCUSE", "mode": "allege", "cameo": "112", "status": "asserted",
                "actors": [p.actor_id for p in claim[1]], "recipients": ev.actors,
                "time": event_time(claim[0], sent.span, a.times, trigger_tokens, "asserted", published,
                                   clock),
                "location": None, "attributed_to": [], "confidence": round(confidence - 0.05, 2)}))
        said = commitment(t, type_, status, actors, parties, lex)
        if said is not None:  # the statement itself, ranked above the act it announces
            # made to the party it is addressed to ("told X that it would ..."), else to the
            # act's target
            told = [p for p in phrases_of(parties, [c for c in said[2].children if c.dep_ in ("dobj", "dative")])
                    if p.actor_id not in ev.actors]
            found.insert(0, ev.model_copy(update={
                "type": said[0], "mode": None, "cameo": said[1], "status": "asserted",
                "recipients": [p.actor_id for p in told] or ev.recipients,
                "time": event_time(said[2], sent.span, a.times, trigger_tokens, "asserted", published, clock),
                "location": None, "confidence": round(confidence + 0.05, 2)}))
        made.extend((t.token, ev) for ev in found)
    for tok, ev in _without_aims(_with_complement_targets(made), anchors):
        key = (ev.type, frozenset(ev.actors), frozenset(ev.recipients))
        if key not in events or events[key].confidence < ev.confidence:
            events[key] = ev
    return _without_subsumed(list(events.values()), symmetric_types())


def _dismissed_content(a: Analysis, sent: Sentence, lex: Lexicon) -> set[int]:
    """Tokens of what a dismissed accusation says ("X rejected accusations that it had armed
    Y", "X condemned as baseless allegations by Y that it had ..."): X denies it."""
    out: set[int] = set()
    lemmas, pos = a.words.lemma, a.words.pos
    verbs = DISMISSING_VERBS | ACCUSING_VERBS | lex.status.denial_verbs
    if verbs.isdisjoint(lemmas[sent.span.start:sent.span.end]):
        return out
    for i in range(sent.span.start, sent.span.end):
        if pos[i] != "VERB" or lemmas[i] not in verbs:
            continue
        verb = a.doc[i]
        noun = dismissed_accusation(verb, lex)
        if noun is not None:
            out.update(t.i for t in noun.subtree if t.i != noun.i or noun.pos_ == "VERB")
            if noun.head.dep_ == "pcomp" and noun.head.i != verb.i:
                # "accused Y of making accusations by alleging that ...": the making's manner
                out.update(t.i for t in noun.head.subtree)
            out.update(t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree)
    return out


def _without_subsumed(events: list[Event], symmetric: frozenset[str]) -> list[Event]:
    """One sentence's event that another of the same type and status says more fully (its
    actors and recipients among the other's, named there with more) is the same act told
    twice: "X threatened to strike unless Y ...", read from the threat and from the condition."""
    def covers(o: Event, e: Event) -> bool:
        if o is e or o.type != e.type or o.status != e.status:
            return False
        if o.type in symmetric:  # reciprocal: who is actor and who recipient does not matter
            return set(e.actors) | set(e.recipients) < set(o.actors) | set(o.recipients)
        return (set(e.actors) <= set(o.actors) and set(e.recipients) <= set(o.recipients)
                and len(o.actors) + len(o.recipients) > len(e.actors) + len(e.recipients))

    return [e for e in events if not any(covers(o, e) for o in events)]


def _without_aims(made: list[tuple[Token, Event]], anchors: dict[int, int]) -> list[tuple[Token, Event]]:
    """The demand a protest is held to make is no event of its own ("began a hunger strike to
    demand", "blocked roads demanding": the PROTEST codes it).  (What a demand asks of others
    stays, hypothetical: "urged X to release" is also X's possible release.)"""
    protests = {t.i for t, e in made if e.type == "PROTEST"}
    if not protests:
        return made
    protests |= {v for v, n in anchors.items() if n in protests}
    return [(tok, ev) for tok, ev in made
            if not (ev.type == "REQUEST" and any(a in protests for a in Tree.of(tok.doc).ancestors(tok.i, 3)))]


def _with_complement_targets(made: list[tuple[Token, Event]]) -> list[tuple[Token, Event]]:
    """A threat or demand without a named target takes the target of the act it threatens or
    demands ("threatened to impose a curfew in X"), even the actor's own country."""
    out = []
    for tok, ev in made:
        if ev.type in ("THREATEN", "REQUEST") and not ev.recipients:
            inner = [e for t2, e in made if t2.i != tok.i and e.recipients and tok.is_ancestor(t2)
                     and e.type not in ("THREATEN", "REQUEST")]
            if inner:
                ev = ev.model_copy(update={"recipients": list(inner[0].recipients)})
        out.append((tok, ev))
    return out


def _anchors(candidates: list[_Candidate], lex: Lexicon) -> dict[int, int]:
    """Token index -> trigger index of the words that stand for each trigger's clause: the
    trigger, and the light verb of an event noun ("began a strike")."""
    out: dict[int, int] = {}
    for c in candidates:
        tok = c.trigger.token
        out[tok.i] = tok.i
        if c.trigger.entry.pos == "noun":
            verb = governing_verb(tok)
            if verb is not None and (verb_lemmas(verb) & lex.light_verbs and in_object(tok, verb)
                                     or predicate_phrase(tok)):
                out.setdefault(verb.i, tok.i)
    return out


def _serves_other(tok: Token, anchors: dict[int, int]) -> bool:
    """The trigger's clause serves or completes another event's clause ("began a hunger strike
    to demand", "agreed to supply"): that other event is the sentence's main one."""
    tree = Tree.of(tok.doc)
    head, dep, pos = tree.head, tree.dep, tree.pos
    i = tok.i
    if dep[i] in ("acl", "relcl") and pos[i] == "VERB":
        return True  # a clause describing a noun: "the property seized by X", "X, who attacked"
    if dep[i] == "pobj" and tree.lower[head[i]] in BACKGROUND_PREPS:
        return True  # the setting of another act: "ordered patrols after violent protests"
    cur = i if pos[i] in ("VERB", "AUX") else governing_verb_index(tree, i)
    if cur is None:
        cur = i
    for _ in range(6):
        h = head[cur]
        if h == cur:
            return False
        if dep[cur] in SUBORDINATE_DEPS and anchors.get(h, i) != i:
            return True
        if dep[cur] == "pcomp" and dep[h] == "prep" and anchors.get(head[h], i) != i:
            return True  # "accused X of attacking", "arrested for spying"
        cur = h
    return False


#: protracted conflicts, whose tolls ("the war has killed ...") are background counts
CONFLICT_NOUNS = frozenset({"war", "conflict", "fighting", "violence", "insurgency", "unrest",
                            "crisis", "bloodshed", "hostility", "warfare", "genocide", "siege",
                            "occupation", "uprising", "rebellion", "revolution", "campaign"})
#: judgements of how likely an act is ("X is unlikely to withdraw"): predictions, no events
LIKELIHOODS = frozenset({"likely", "unlikely", "probable", "improbable"})
#: verbs saying what their subject is, not what it does
COPULAS = frozenset({"be", "remain", "seem", "appear", "become", "stay"})
#: verbs by which a party holds what an event noun names as a standing condition ("X enjoys
#: the support of Y", "X lacks Y's backing"), not an act
HOLDING_VERBS = frozenset({"enjoy", "lack", "retain", "command", "deserve"})


def _describes(tok: Token, pos: str, type_: str) -> bool:
    """The trigger describes a party or an act instead of telling one: a conflict's toll ("the
    war has killed ..."), a relative clause on a party ("Turkey, which has threatened to invade
    X, is a member of Y": its history, not the news; not a purpose, "a rally to protest"), an
    event noun that is the subject of what it is ("the agreement between X and Y remains the
    bedrock of ..."), or a condition a party is under ("X remains under an embargo")."""
    tree, doc = Tree.of(tok.doc), tok.doc
    head, dep, lower, kids = tree.head, tree.dep, tree.lower, tree.children
    i = tok.i
    if pos == "noun":
        if dep[i] == "pobj" and lower[head[i]] == "under" and doc[head[head[i]]].lemma_ in COPULAS:
            return True  # "X has been under sanctions since 2011": a standing condition
        if dep[i] == "nsubj" and dep[head[i]] == "ROOT" and doc[head[i]].lemma_ in COPULAS:
            return True
        if dep[i] == "dobj" and tree.lemma[head[i]] in HOLDING_VERBS:
            return True  # "X enjoys broad support from Y": a standing condition
    elif type_ in ("ASSAULT", "COERCE"):
        subj = [c for c in kids(i) if dep[c] == "nsubj"]
        if subj and tree.lemma[subj[0]] in CONFLICT_NOUNS:
            return True  # "the war has killed tens of thousands": a conflict's toll, no one act
    # (an event noun in the object of a relative clause: "the militias that carried out the killings")
    if pos == "verb" and dep[i] == "acl" and tree.tag[i] == "VBN" and _set_off(tree, doc[i]) \
            and _in_the_past(tree, doc[i]):
        return True  # "the treaty, signed by X and Y in 1979, has survived": its history
    clause = i if tree.pos[i] in ("VERB", "AUX") else governing_verb_index(tree, i)
    for _ in range(3):  # up through what the clause completes ("which has threatened to invade")
        if clause is None or dep[clause] not in ("xcomp", "conj"):  # (a reported content is news)
            break
        clause = head[clause]
    if clause is None or dep[clause] != "relcl":
        return False
    if any(dep[c] == "aux" and lower[c] == "to" for c in kids(clause)):
        return False
    # the relative word before the verb ("which has", "some of whom were", "whose forces")
    return any(lower[w] in RELATIVE_PRONOUNS or lower[w] == "whose"
               for w in range(doc[clause].left_edge.i, clause))


def _set_off(tree: Tree, participle: Token) -> bool:
    """A participle phrase set off by commas on a noun that has its own role in the clause
    ("the treaty, signed in 1979, has survived"; not a main verb misread as one)."""
    h = tree.head[participle.i]
    left, right = participle.left_edge.i - 1, participle.right_edge.i + 1
    return h < left and tree.dep[h] != "ROOT" and tree.pos[h] in ("NOUN", "PROPN") \
        and tree.lower[left] == "," and right < len(tree.lower) and tree.lower[right] == ","


#: adverbs setting an act in the past of what is described ("historically occupied by X")
PAST_ADVERBS = frozenset({"historically", "once", "formerly", "previously", "originally", "long",
                          "first", "initially"})


def _in_the_past(tree: Tree, participle: Token) -> bool:
    """The participle phrase dates its act in a past year or says it is old ("signed in 1979",
    "historically occupied by X")."""
    for w in range(participle.left_edge.i, participle.right_edge.i + 1):
        low = tree.lower[w]
        if (tree.dep[w] == "advmod" and low in PAST_ADVERBS
                and not (w + 1 < len(tree.lower) and tree.lower[w + 1] == "again")) or is_year(tree, w):
            return True  # ("once occupied", not "once again targeted")
    return False


def _not_told(tok: Token, pos: str, anchors: dict[int, int], words: BackgroundWords,
              cues: frozenset[str]) -> bool:
    """What the sentence says about an act without telling it: an act only asked about or
    doubted ("it remains unclear whether X will attend", "observers doubt that X will"), a
    poll's finding ("a poll found that most X support ..."), an anniversary ("marks ten years
    since X's annexation of Y"), a habit or standing arrangement ("receives $1 billion a year
    in aid", "the leaders meet every year"), or a count over a long stretch of time ("have
    fought three wars since 1947", "has carried out hundreds of strikes over the past decade");
    an act that is the topic of a work ("the film depicts X's invasion of Y", "the book examines
    ..."), or of a fear or hope ("fears of an attack on X", "talk of a ceasefire")."""
    tree = Tree.of(tok.doc)
    i = tok.i
    clause = i if tree.pos[i] in ("VERB", "AUX") else governing_verb_index(tree, i)
    topics = not cues.isdisjoint(words.topic_cues)  # (most sentences have none of these words)
    if topics and pos == "noun" and _topic_of(tree, i, words):
        return True
    if clause is None:
        return False
    if topics and (any(tree.dep[s] in ("nsubj", "nsubjpass") and _word_in(tree, s, words.works)
                       and not any(tree.dep[c] in ("poss", "compound", "amod") for c in tree.children(s))
                       for s in tree.children(clause)) or _polled(tree, clause, words)):
        return True  # "the book examines ...": a work with no author named does nothing
    if not cues.isdisjoint(words.question_cues) and (
            _questioned(tree, clause, anchors, words) or _asked(tree, clause)):
        return True
    return (tree.head[clause] not in anchors and _habitual(tree, clause, i, words)) \
        or background_count(tree, clause, i, words)


def _word_in(tree: Tree, i: int, nouns: frozenset[str]) -> bool:
    """The noun's lemma, or its plural read as a singular ("Memories" misread as a name), is
    among ``nouns``."""
    low = tree.lower[i]
    return tree.lemma[i] in nouns or low in nouns or (low.endswith("ies") and low[:-3] + "y" in nouns) \
        or (low.endswith("s") and low[:-1] in nouns)


def _topic_of(tree: Tree, i: int, words: BackgroundWords) -> bool:
    """The event noun is what a memory, a work, a fear or a hope is of ("the anniversary of X's
    annexation of Y", "memories of the occupation", "fears of an attack", "hopes for talks",
    "talk of a ceasefire"), or what a work depicts or examines ("the film depicts the
    invasion of X", "examines the causes of the war")."""
    dep, head, lower = tree.dep, tree.head, tree.lower
    if lower[i] in words.attitude_nouns and tree.prep_objects(i, ("of", "about")):
        return True  # the trigger is the speculation itself: "talk of a ceasefire"
    if dep[i] == "pobj" and lower[head[i]] in ("of", "for", "about"):
        holder = head[head[i]]
        if _word_in(tree, holder, words.attitude_nouns) or (
                lower[head[i]] == "of" and _word_in(tree, holder, words.commemoration_nouns)):
            return True
    cur = i
    for _ in range(4):  # up through "the causes of the war" to the verb
        if dep[cur] not in ("dobj", "pobj", "prep") or head[cur] == cur:
            return False
        cur = head[cur]
        if tree.pos[cur] == "VERB":
            return tree.lemma[cur] in words.depiction_verbs
    return False


def _asked(tree: Tree, clause: int) -> bool:
    """The clause is a question that asks whether the act happens, not one that takes it as
    given: a yes-no question ("Would Beijing really invade Taiwan?", "Can sanctions stop X?")
    or a question about an act to come ("Why would China risk a war?"); not "Why did X attack
    us?" (the attack is told)."""
    dep, kids = tree.dep, tree.children
    cur = clause
    while dep[cur] in ("conj", "xcomp") and tree.head[cur] != cur:
        cur = tree.head[cur]
    below = kids(cur)
    if not any(dep[c] == "punct" and tree.lower[c] == "?" for c in below):
        return False
    subj = next((c for c in below if dep[c] in ("nsubj", "nsubjpass", "expl")), None)
    aux = [c for c in below if dep[c] in ("aux", "auxpass")]
    if subj is None or not aux or aux[0] > subj:
        return False  # no inversion: "Russia attacked Ukraine?"
    return tree.tag[aux[0]] == "MD" or not any(tree.tag[c] in ("WRB", "WP", "WDT") for c in below)


def _questioned(tree: Tree, clause: int, anchors: dict[int, int], words: BackgroundWords) -> bool:
    """The clause is a question or doubt under a head of knowing ("it is unclear whether",
    "nobody knows if", "doubt that"), not another event's condition."""
    dep, head, lower, lemma, kids = tree.dep, tree.head, tree.lower, tree.lemma, tree.children
    cur = clause
    for _ in range(3):  # up through conjoined and completing clauses ("whether X will agree to")
        if dep[cur] not in ("xcomp", "conj") or head[cur] == cur:
            break
        cur = head[cur]
    if dep[cur] not in ("ccomp", "advcl", "csubj") or head[cur] == cur or head[cur] in anchors:
        return False
    h = head[cur]
    heads = {lemma[h]} | {lemma[c] for c in kids(h) if dep[c] in ("acomp", "attr")
                          or (dep[c] == "nsubj" and lemma[h] == "be")}  # "the question is whether"
    if heads & words.doubting_heads and dep[cur] == "ccomp":
        return True
    return bool(heads & words.questioning_heads) and any(
        dep[c] == "mark" and lower[c] in ("whether", "if") for c in kids(cur))


def _polled(tree: Tree, clause: int, words: BackgroundWords) -> bool:
    """The clause reports a poll's finding ("a survey found that 60 percent of X back ...",
    "according to a poll, most X oppose ...")."""
    dep, lemma, kids = tree.dep, tree.lemma, tree.children
    chain = [clause]  # the clause and what it is the content of ("found that ... support")
    while len(chain) < 5 and tree.head[chain[-1]] != chain[-1] and (
            dep[chain[-1]] in ("ccomp", "xcomp", "conj", "csubj")
            or (dep[chain[-1]] == "nsubj" and tree.pos[chain[-1]] == "VERB")):  # (a clause misread)
        chain.append(tree.head[chain[-1]])
    for v in chain:
        sources = [c for c in kids(v) if dep[c] in ("nsubj", "nsubjpass")] \
            + tree.prep_objects(v, ("in",)) \
            + [o for c in kids(v) if dep[c] == "prep" and tree.lower[c] == "according"
               for p in kids(c) for o in kids(p) if dep[o] == "pobj"]
        if any(lemma[s] in words.opinion_sources or any(lemma[c] in words.opinion_sources
                                                          for c in kids(s) if dep[c] == "compound")
               for s in sources):
            return True
    return False


def _habitual(tree: Tree, clause: int, i: int, words: BackgroundWords) -> bool:
    """A rate or frequency on the clause or its object: a habit or a standing arrangement, no
    one act ("receives $1.3 billion a year in aid", "meet every year", "routinely violate"; the
    caller keeps an arrangement another event promises: "agreed to export 6 tons a year")."""
    dep, lemma, lower, kids = tree.dep, tree.lemma, tree.lower, tree.children
    holders = [clause] + [c for c in kids(clause) if dep[c] in ("dobj", "nsubjpass")]
    if i != clause:
        holders.append(i)
    for h in holders:
        for c in kids(h):
            if dep[c] == "advmod" and lower[c] in words.rate_adverbs:
                return True
            if dep[c] == "npadvmod" and lemma[c] in words.rate_units and _rate(tree, c, h, words):
                return True
            if dep[c] == "prep" and lower[c] == "per" and any(lemma[p] in words.rate_units for p in kids(c)):
                return True
    return False


def _rate(tree: Tree, unit: int, holder: int, words: BackgroundWords) -> bool:
    """ "every year", "each month", or "a year" after a quantity ("$1 billion a year", "twice a
    week"); not the "a day" of "a day after X attacked"."""
    dets = [d for d in tree.children(unit) if tree.dep[d] == "det" and tree.lower[d] in words.rate_determiners]
    if not dets or any(tree.dep[d] not in ("det", "nummod", "amod") for d in tree.children(unit)):
        return False
    if tree.lower[dets[0]] not in ("a", "an"):
        return True
    before = dets[0] - 1
    return tree.tag[holder] == "CD" or (before >= 0 and (
        tree.tag[before] == "CD" or tree.lower[before] in ("once", "twice", "thrice", "times")))


#: nouns for people a state may arrest, jail or expel, of no state unless one is named
PEOPLE_NOUNS = frozenset({"person", "people", "man", "woman", "activist", "journalist", "protester",
                          "demonstrator", "student", "opposition", "leader", "member", "suspect",
                          "dissident", "critic", "lawyer", "worker", "politician", "blogger",
                          "reporter", "civilian", "citizen", "resident", "figure", "candidate",
                          "supporter", "opponent", "priest", "cleric", "officer", "soldier"})


def _own_people(verb: Token, actors: list[Party], parties: Parties, lex: Lexicon) -> list[Party]:
    """The state of a state's coercion (by its government or its forces) whose targets are
    people named by no state."""
    def official(p: Party) -> bool:
        if parties.is_state(p):
            return True
        noun = parties.group_noun(p)  # "Kenyan police"
        if noun is None:  # "Kenya's police"
            tok = next((t for t in verb.sent if t.idx == p.position), None)
            noun = tok.head if tok is not None and tok.dep_ == "poss" else None
        return noun is not None and noun.lemma_.lower() in lex.security_nouns

    own = {p.country for p in actors if p.country and official(p)}
    if len(own) != 1 or len(own) != len({p.country for p in actors}):
        return []
    patients = [c for c in verb.children if c.dep_ in (("nsubjpass",) if is_passive(verb) else ("dobj",))]
    # "dozens of protesters", "a group of students": the people counted
    patients = [next((o for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                      if o.dep_ == "pobj"), c) if c.lemma_.lower() in QUANTITY_NOUNS else c for c in patients]
    if not patients or not all(p.lemma_.lower() in PEOPLE_NOUNS for p in patients):
        return []
    country = own.pop()
    return [Party(country, country, "country", verb.idx)]


def _answered(noun: Token, answers: set[int]) -> bool:
    """The request or offer is what a refusal or concession in the sentence answers: its object,
    or the object of its particle ("turned down Y's offer", "agreed to Y's demands")."""
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "prt") else noun.head
    return noun.dep_ in ("dobj", "pobj", "nsubjpass") and head.i in answers


def _conditional_threat(verb: Token) -> bool:
    """A threat made on a condition, with no modal or conditional above it: the condition is
    what the threatened harm waits on, not the threat ("X warned of reprisals if Y joins")."""
    if verb.pos_ != "VERB" or condition_of(verb) is None:
        return False
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) and verb.dep_ == "ROOT"


def _insists_on_a_fact(verb: Token) -> bool:
    """A demand verb whose content is a statement of fact, not of what should be done ("insisted
    that its troops did nothing wrong", "insists its programme is peaceful": a past tense or a
    state, with no one asked)."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "dative", "prep") for c in verb.children):
        return False
    content = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(content) and all(
        (c.tag_ == "VBD" or (c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP", "VBD")))
        and not any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children) for c in content)


def _evaluated(tok: Token, anchors: dict[int, int]) -> bool:
    """The act is only weighed, not stated: an infinitive with its own subject under a judgement
    ("it would be a mistake for X to attack Y", "it is time for X to negotiate with Y"), or a
    likelihood ("X is unlikely to withdraw"); not under another event ("called for X to
    withdraw")."""
    tree = Tree.of(tok.doc)
    dep, lower = tree.dep, tree.lower
    i = tok.i
    h = tree.head[i]
    if dep[i] == "xcomp" and dep[h] == "acomp" and tree.lemma[h] in LIKELIHOODS:
        return True
    if tree.pos[i] not in ("VERB", "AUX") or h == i or h in anchors \
            or not (tree.pos[h] in ("NOUN", "ADJ") or tok.doc[h].lemma_ == "be"):
        return False
    kids = tree.children(i)
    return any(dep[c] == "mark" and lower[c] == "for" for c in kids) \
        and any(dep[c] == "aux" and lower[c] == "to" for c in kids)


#: marks of an adverbial clause that sets the scene for the main clause
BACKGROUND_MARKS = frozenset(BACKGROUND_PREPS) | {"when", "while", "as", "although", "though", "once"}


def _background_clause(tok: Token) -> bool:
    """The trigger's clause (an event noun's governing one) is an adverbial clause of time or
    cause: "after X attacked Y", "when X invaded Y"."""
    tree = Tree.of(tok.doc)
    dep, i = tree.dep, tok.i
    cur = i if tree.pos[i] in ("VERB", "AUX") else governing_verb_index(tree, i)
    return cur is not None and dep[cur] == "advcl" and any(
        dep[c] == "mark" and tree.lower[c] in BACKGROUND_MARKS for c in tree.children(cur))


def _resolver():
    return getattr(actors_stage, "resolve", None)


def find_events(a: Analysis) -> list[Event]:
    """The events stated in the article's prose sentences, in text order."""
    lex = lexicon()
    parties = Parties(a, resolver=_resolver(), agent_nouns=lex.agent_nouns)
    out: list[Event] = []
    for sent in a.sentences:
        out.extend(_sentence_events(a, sent, lex, parties))
    return _share_times(out)


def _share_times(events: list[Event], window: int = 600) -> list[Event]:
    """A planned event restated nearby ("plan to sign a treaty" ... "would sign the agreement
    at the end of January") takes the time the restatement gives it."""
    out = []
    for ev in events:
        vague = ev.time is None or (ev.time.value.startswith("P") and "X" in ev.time.value)
        if vague and ev.status in ("expected", "hypothetical"):
            same = [o for o in events if o is not ev and o.time is not None and o.time.source == "text"
                    and not o.time.value.startswith("P")
                    and o.type == ev.type and o.status == ev.status
                    and set(o.actors) | set(o.recipients) == set(ev.actors) | set(ev.recipients)
                    and abs(o.evidence.start - ev.evidence.start) <= window]
            if same:
                ev = ev.model_copy(update={"time": same[0].time})
        out.append(ev)
    return out
