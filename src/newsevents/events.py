"""Events: who did what to whom, when and where, as PLOVER-typed records.

For each prose sentence (headings and boilerplate never state events):

1. **Triggers** (``event_triggers``): verbs and event nouns of the trigger lexicon
   (``data/event_triggers.toml``), with the entry's conditions checked on the parse ("sign" needs
   an agreement-like object, "arrive" a place, "call" the particle "on").
2. **Parties** (``event_roles`` and below): the subject and objects of a verb (the agent and the
   passive subject when passive; the target of a speech act in its complement: "threatened to
   cut ties with X"), or the possessor, modifiers and "of/by/between/with X" complements of a
   noun, else the subject of the light verb holding it ("X imposed sanctions").  Anaphoric
   groups ("the two nations", "the three states", "the former") resolve to the most salient
   group named before.  Symmetric types (AGREE, CONSULT, COOPERATE) list all parties as actors.
   "X and Y accused each other" is one event each way; forces moved with no agent named
   ("troops were withdrawn from X") are moved by their own side.
   Frames with their own roles: "X received aid from Y" (inverse), "X is opposed to Y"
   (stance), "mediation between X and Y" (a go-between), targets nested in an object or
   purpose ("called for sanctions against X").  A recipient of the actor's own country named
   differently is kept (a domestic event); a protest with no named target is aimed at the
   authorities where it is held.  **Location convention** (as PLOVER- and CAMEO-coded data
   do): a hostile act's party the sentence leaves unnamed (an agentless passive, a thing or a
   nameless group as agent, a victim of no stated nationality) is coded by the country where
   the act happened ("a journalist was killed by a car bomb in X": X's state on both sides);
   the state hosting a meeting held on its soil is one of its parties; "the government", "the
   authorities", "the president" with no state named are the state where the event happens,
   else that of the (non-state) people acting.  A word of an organisation's name ("the Pacific
   Alliance") triggers nothing.  Last, an act with a named doer and no target from these roles
   takes the party named nearest inside what it acts on ("accepted a formula for ending its
   dispute with X"), breadth first down its argument dependents.
3. **Status, time, location** (``event_status``; a hostile act that another party says its
   adversary did is *alleged*, and the claim is an ACCUSE of its doers); **attribution**: the
   speaker and outlet of the quote holding the trigger's clause (``quotes.attribution``), and
   the accuser of an alleged act.
4. **What is said about acts** (PLOVER's coding of statements): a party's own announced or
   intended act ("X said it will send aid", "X wants to attack Y") is also its promise (AGREE)
   or threat (THREATEN); a harmful act promised on a condition is a threat; a negated future of
   help ("will not provide") a refusal (REJECT); violence by a crowd a riot, forces' violence
   against a crowd repression.
5. **The main event**: a clause that serves or completes another event's clause ("agreed to
   supply", "began a strike to demand"), describes a noun ("the property seized by X") or is
   background ("after protests", "one day after X attacked Y") ranks below it (``confidence``).

An event needs an actor (a passive "X was killed" of an agentless type, and a named agent the
actor stage does not know, excepted; an unasserted event always needs one); the publisher's own
actions ("X has contacted ... for comment") are not events; one event is kept per (type,
actors, recipients) in a sentence, and none that another of its type and status states more
fully.  A planned event restated nearby with a date shares that
date.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from . import actors as actors_stage
from . import quotes as quotes_stage
from .analysis import Analysis, Sentence
from .event_lexicon import Lexicon, lexicon
from .event_roles import (
    VERB_PARTY_PREPS,
    Parties,
    Party,
    agent_of,
    is_passive,
    objects_of,
    prep_objects,
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
    event_location,
    SentenceTimes,
    event_time,
    governing_verb,
    resolve_status,
    status_flags,
)
from .event_triggers import PLACE_PREPS, Trigger, find_triggers, verb_lemmas
from .models import Event, Span

PLACE_TARGET_TYPES = ("ASSAULT", "COERCE", "THREATEN", "PROTEST")
#: hostile acts whose unnamed parties are coded by the country where they happened
LOCATED_PARTY_TYPES = ("ASSAULT", "COERCE")
#: dependency relations of a clause that serves or completes another event's clause
#: ("agreed to supply", "began a strike to demand", "accused X of attacking")
SUBORDINATE_DEPS = ("advcl", "xcomp", "ccomp", "pcomp")
#: prepositions whose object is the background of a clause's act, not its main event
BACKGROUND_PREPS = ("after", "before", "following", "amid", "despite", "during", "since",
                    "because", "until", "ahead", "pending", "like")
NOUN_RECIPIENT_PREPS = ("to", "with", "on", "against", "for", "into", "toward", "towards", "upon")
#: types stating a stance toward something: "concern over X", "support for X"
STANCE_TYPES = ("ACCUSE", "SUPPORT", "REJECT")
#: moves of a side's own forces: passive without agent, the forces' side moves them
OWN_FORCE_TYPES = ("RETREAT", "MOBILIZE")
#: nouns naming a state's institutions, which with no state named are the local state's
STATE_NOUNS = frozenset({"government", "authority", "president", "regime", "police", "parliament",
                         "cabinet", "army", "military", "ministry", "junta", "administration",
                         "premier", "state"})
#: verbs of going or sending: a purpose clause under one is pursued at the destination
MOTION_VERBS = frozenset({"send", "dispatch", "deploy", "go", "travel", "fly", "come", "return",
                          "arrive", "head", "move", "rush", "airlift"})
#: prepositions inside a verb's object or purpose that name its target ("for a war against X")
NESTED_TARGET_PREPS = ("against", "with", "on", "toward", "towards", "upon")


# -- parties -------------------------------------------------------------------------------
def _phrases(parties: Parties, toks: list[Token]) -> list[Party]:
    return parties.of_phrases(toks)


def _verb_parties(t: Trigger, parties: Parties, lex: Lexicon) -> tuple[list[Party], list[Party]]:
    verb = t.token
    subj = subject_of(verb)
    if verb.lemma_.lower() in lex.stance_participles and is_passive(verb) and not agent_of(verb):
        # "X is opposed to Y": a stance, X's own
        return _phrases(parties, subj), _phrases(parties, prep_objects(verb, ("to",)))
    if t.entry.roles == "inverse":  # "X received weapons from Y": Y gives, X receives
        givers = prep_objects(verb, ("from",)) + [p for o in objects_of(verb, ()) for p in prep_objects(o, ("from",))]
        return _phrases(parties, givers), _phrases(parties, subj)
    moved = subject_of(verb) if is_passive(verb) and not agent_of(verb) and verb.dep_ != "acl" else []
    if t.entry.type in OWN_FORCE_TYPES and moved and moved[0].lemma_.lower() in lex.security_nouns:
        # "Australian troops were withdrawn from X": forces are moved by their own side
        movers = _phrases(parties, moved)
        dest = prep_objects(verb, ("from",) if t.entry.type == "RETREAT" else ("to", "into"))
        return movers, [_as_country_party(p) for p in _phrases(parties, dest)
                        if p.actor_id not in {m.actor_id for m in movers}]
    if is_passive(verb):
        actors = _phrases(parties, agent_of(verb))
        recipients = _phrases(parties, subj if verb.dep_ != "acl" else
                              [verb.head] if _stated_participle(verb) else [])
    else:
        actors = _phrases(parties, subj)
        # what parties meet or agree "on" is their topic, not a party ("met on Iran's program")
        preps = VERB_PARTY_PREPS - {"on", "upon"} if t.entry.symmetric else VERB_PARTY_PREPS
        recipients = _phrases(parties, objects_of(verb, preps))
        if not recipients and t.entry.type in ("ASSAULT", "THREATEN", "COERCE"):  # "fired at X"
            recipients = _phrases(parties, prep_objects(verb, ("at",)))
    if not actors and verb.dep_ == "acl" and verb.tag_ == "VBG" \
            and verb.head.dep_ in ("dobj", "nsubjpass", "attr"):
        # "X issued a statement condemning Y": the issuer acts through the statement
        holder = verb.head.head
        actors = _phrases(parties, agent_of(holder) if is_passive(holder) else subject_of(holder))
    between = _phrases(parties, prep_objects(verb, ("between", "among")))
    actors = unique(actors + between)
    if t.entry.requires == "place":
        recipients = unique(recipients + _phrases(parties, prep_objects(verb, PLACE_PREPS)))
    if not recipients and t.entry.place_recipient:  # "sought refuge in X": X's state is asked
        recipients = [_as_country_party(p) for p in _phrases(parties, prep_objects(verb, PLACE_PREPS))
                      if p.country]
    if not recipients and t.entry.type == "RETREAT":  # "withdrew its troops from X"
        recipients = _phrases(parties, prep_objects(verb, ("from",)))
    topic = ("on", "upon", "for") if t.entry.symmetric else ()
    if not recipients:  # "imposed sanctions on X", "provided weapons to X"
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        recipients = _phrases(parties, [p for o in objs for p in prep_objects(
            o, [w for w in NOUN_RECIPIENT_PREPS if w not in topic])])
    if not recipients and t.entry.type in STANCE_TYPES:  # "expressed concern over X's plan"
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        recipients = _phrases(parties, [p for h in holders for p in prep_objects(h, ("over", "about", "at", "for"))])
    if not recipients:  # "called for sanctions against X", "mobilized for a war against X"
        inner = [o for o in (*prep_objects(verb, ("for", "of", "on", "to")), *objects_of(verb, ()))
                 if o.pos_ == "NOUN"]
        recipients = _phrases(parties, [p for o in inner for p in prep_objects(
            o, [w for w in NESTED_TARGET_PREPS if w not in topic])])
    if not recipients and verb.dep_ == "advcl" and verb.head.lemma_.lower() in MOTION_VERBS \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "sent inspectors to X to investigate": a purpose pursued where they were sent
        recipients = [_as_country_party(p) for p in _phrases(parties, prep_objects(verb.head, ("to", "into")))
                      if p.kind != "location" or p.country]
    if not recipients and not t.entry.symmetric:
        # the speaker's own side: itself, and the state of a person or state speaking (a
        # rebel group or union asking its own state's government asks another party)
        own = {p.actor_id for p in actors} | {p.country for p in actors
                                              if p.country and p.kind in ("person", "country")}
        recipients = _complement_recipients(verb, parties, own)
    return actors, recipients


#: dependents of a trigger whose words say what it acts on (not its doer, time or setting)
_ARGUMENT_DEPS = ("dobj", "dative", "attr", "oprd", "prep", "pobj", "xcomp", "ccomp", "acl",
                  "compound", "amod", "nmod", "conj", "appos", "pcomp")


def _where_it_happened(place: Token, trigger: Token, lex: Lexicon) -> bool:
    """The place is the setting of the act itself: in a phrase on the trigger or on an event
    noun ("signed an agreement in Riyadh"), not on a party ("the force in X", "refugees in X")."""
    held = place.head.head if place.dep_ == "pobj" and place.head.dep_ == "prep" else place.head
    return held.i == trigger.i or lex.noun_entry(held.lemma_.lower()) is not None


def _nearest_party(tok: Token, parties: Parties, actors: list[Party], lex: Lexicon,
                   depth: int = 8) -> list[Party]:
    """The party named nearest the trigger inside what it acts on, when no role gave one: "agreed
    to an extension of the mandate for the force in X", "accepted a formula for ending its
    dispute with X".  Breadth first down the trigger's argument dependents (never its subject,
    agent, background or the people a relative clause describes); the actors' own side and
    the act's own setting do not count (a place of a party is its state: "the force in X")."""
    own = {p.actor_id for p in actors} | {p.country for p in actors if p.country}
    # the verb's own agent is its doer; what a passive acts on is its subject
    frontier = [c for c in tok.children if (c.dep_ in _ARGUMENT_DEPS or c.dep_ == "nsubjpass")
                and not (c.dep_ == "prep" and c.lower_ in BACKGROUND_PREPS + ("by", "according", "as"))]
    for _ in range(depth):
        found: list[Party] = []
        for t in frontier:
            m = parties.mention_at(t)
            if m is None or (m.kind == "location" and (not m.country or _where_it_happened(t, tok, lex))):
                continue
            # the mention with its conjuncts ("a ceasefire between X and Y")
            for p in [Party(m.actor_id, m.country, m.kind, t.idx)] + [
                    q for q in parties.of_phrase(t) if q.actor_id != m.actor_id]:
                p = _as_country_party(p)
                if p.actor_id not in own and (p.country or p.actor_id) not in own:
                    found.append(p)
        if found:
            return unique(found)
        # below the trigger a "by" phrase names the doer of what is acted on ("criticized the
        # arrest of X by Y": Y)
        frontier = [c for t in frontier for c in t.children
                    if c.dep_ in _ARGUMENT_DEPS + ("poss", "nsubj", "advcl")
                    and not (c.dep_ == "prep" and c.lower_ in BACKGROUND_PREPS + ("according",))]
    return []


def _argument_heads(tok: Token) -> list[Token]:
    """The heads of the phrases a trigger acts on, and their "of" objects ("demanded the
    resignation of the president")."""
    if tok.pos_ == "VERB":
        heads = objects_of(tok, VERB_PARTY_PREPS | {"against"})
    else:
        heads = prep_objects(tok, NOUN_RECIPIENT_PREPS + ("of",))
    return heads + [p for h in heads for p in prep_objects(h, ("of",))]


def _local_state(heads: list[Token], place: str | None, actors: list[Party],
                 parties: Parties) -> list[Party]:
    """ "The government", "the authorities", "the police" with no state named are the state
    where the event happens, else the state of the people acting, when they are no state
    themselves ("Serbs protested against the government")."""
    bare = [h for h in heads if h.lemma_.lower() in STATE_NOUNS and parties.mention_at(h) is None
            and any(c.dep_ == "det" and c.lower_ == "the" for c in h.children)
            and not any(c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "amod" and c.ent_type_)
                        or (c.dep_ == "prep" and c.lower_ in ("of", "in")) for c in h.children)]
    if not bare:
        return []
    country = place
    if country is None:
        own = {p.country for p in actors if p.country and not parties.is_state(p)}
        country = own.pop() if len(own) == 1 else None
    return [Party(country, country, "country", bare[0].idx)] if country else []


def _host(t: Trigger, actors: list[Party], recipients: list[Party], place: str | None) -> list[Party]:
    """A meeting held in a state none of its parties belongs to has that state as a party, its
    host (CAMEO's "host a visit"; "X and Y will meet in Geneva", "X attends a summit in Z")."""
    if t.entry.type != "CONSULT" or place is None or not actors:
        return []
    if place in {p.country or p.actor_id for p in actors + recipients}:
        return []
    return [Party(place, place, "country", t.token.idx)]


def _ends_protest(verb: Token, lex: Lexicon) -> bool:
    """The concession's object is a protest ("called off the strike", "ended a boycott")."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any((e := lex.noun_entry(o.lemma_.lower())) is not None and e.type == "PROTEST" for o in objs)


def _stated_participle(verb: Token) -> bool:
    """A passive participle describing a noun states the act when the noun is what the clause
    is about: "there were ten soldiers killed in X", a headline "Ten soldiers killed in X";
    elsewhere it describes a party of another act ("officials accused of X would be ...")."""
    noun = verb.head
    if noun.dep_ == "ROOT":
        return True
    return noun.dep_ == "attr" and noun.head.lemma_ == "be" and any(
        c.dep_ == "expl" for c in noun.head.children)


def _clause_subjects(heads: list[Token]) -> list[Token]:
    """Subjects of the content clauses under ``heads``: "(said) that X ...", "(the demand) that X
    ...", "(a call) for X to ..."."""
    out = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "ccomp" or (c.dep_ in ("acl", "advcl") and any(
                    m.dep_ == "mark" and m.lower_ in ("that", "for") for m in c.children)):
                out.extend(x for x in c.children if x.dep_ in ("nsubj", "nsubjpass"))
    return out


def _complement_recipients(verb: Token, parties: Parties, actor_ids: set[str]) -> list[Party]:
    """The target of a speech act or intention lies in its complement: "demanded that X
    withdraw" (the clause's subject first), "threatened to cut ties with X", "promised aid to
    X", "protest against X's decision", or the condition put to it ("... if X goes ahead")."""

    def others(found: list[Party]) -> list[Party]:
        # the speaker's own side in the complement ("warned that X would ...") is no target
        return [p for p in unique(found)
                if p.actor_id not in actor_ids and (p.country or p.actor_id) not in actor_ids]

    frontier = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))]
    # "insisted on its demand that X ...", "renewed its call for X to ...": the asked party
    held = [verb, *(c for c in verb.children if c.dep_ == "dobj"), *prep_objects(verb, ("on", "upon"))]
    subjects = others(_phrases(parties, _clause_subjects(held)))
    if subjects:
        return subjects
    for depth in range(3):
        subjects = others(_phrases(parties, [c for tok in frontier if tok.dep_ == "ccomp" and depth
                                             for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]))
        if subjects:
            return subjects
        found: list[Party] = []
        nxt: list[Token] = []
        for tok in frontier:
            heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "attr")]
            for h in heads:
                found.extend(_phrases(parties, prep_objects(h, NOUN_RECIPIENT_PREPS + ("of", "from", "between"))))
            found.extend(_phrases(parties, [c for c in tok.children if c.dep_ in ("dobj", "dative")]))
            nxt.extend(c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "dobj"))
        found = others(found)
        if found:
            return found
        frontier = nxt
    conditions = [c for v in (verb, *[x for x in verb.subtree if x.dep_ == "xcomp"])
                  for c in v.children if c.dep_ == "advcl"
                  and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]
    return others(_phrases(parties, [s for c in conditions for s in subject_of(c)]))


def _as_country_party(p: Party) -> Party:
    return Party(p.country, p.country, "country", p.position) if p.kind == "location" else p


def _places_as_countries(actors: list[Party]) -> list[Party]:
    """A place does not act: "demonstrators in Baghdad" act for the place's country; a place
    without a country is dropped."""
    out = [p if p.kind != "location" else Party(p.country, p.country, "country", p.position)
           for p in actors if p.kind != "location" or p.country]
    return unique(out)


def _named_unknown_subject(verb: Token) -> bool:
    """The verb's agent is named but is no actor the actor stage knows ("the Revolutionary
    United Front announced", "the European Community gave"): the event is stated, with its
    actor unresolved."""
    subj = agent_of(verb) if is_passive(verb) else subject_of(verb)
    return bool(subj) and subj[0].pos_ == "PROPN" and subj[0].ent_type_ in ("ORG", "NORP", "GPE", "PERSON")


def _has_unnamed_agent(verb: Token) -> bool:
    """A verb with a known target and an agent that is no actor still states an event: the
    passive "X was killed", or "a roadside bomb killed X" (not an unresolved pronoun)."""
    if is_passive(verb):
        return True
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    return bool(subj) and subj[0].pos_ in ("NOUN", "PROPN")


def _in_object(noun: Token, verb: Token) -> bool:
    """The noun sits in the verb's object ("held talks", "formalize ties with the signing"),
    not in an adjunct ("spoke after the meeting")."""
    cur = noun
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
            return True
        cur = cur.head
    return False


def _former_latter(tok: Token, parties: Parties) -> list[Party]:
    for anc in tok.ancestors:
        if anc.lower_ in ("former", "latter") and anc.dep_ != "amod":
            return parties.of_phrase(anc)
    return []


def _noun_parties(t: Trigger, parties: Parties, lex: Lexicon) -> tuple[list[Party], list[Party]]:
    noun, e = t.token, t.entry
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in lex.frame_nouns:
        noun = noun.head  # "a mediation effort between X and Y": the frame noun holds them
    actors: list[Party] = []
    recipients: list[Party] = []
    for c in noun.lefts:
        if c.i == t.token.i:
            continue
        if c.dep_ == "poss":
            if e.possessive == "actor":
                actors.extend(parties.of_phrase(c, shallow=True))
        elif c.dep_ in ("compound", "amod", "nmod"):  # "U.S. sanctions", not "Nile talks"
            actors.extend(p for p in parties.modifier(c) if p.kind != "location")
    actors.extend(_phrases(parties, prep_objects(noun, ("by",))))
    between = _phrases(parties, prep_objects(noun, ("between", "among")))
    (actors if e.between == "actor" else recipients).extend(between)
    of_parties = [p for o in prep_objects(noun, ("of",)) for p in parties.of_phrase(o, shallow=True)]
    (actors if e.of_role == "actor" else recipients).extend(of_parties)
    topic = ("on", "upon", "for") if e.symmetric else ()
    recipients.extend(_phrases(parties, prep_objects(noun, [p for p in NOUN_RECIPIENT_PREPS if p not in topic])))
    if not recipients:  # "a suspension of air links with X", "the withdrawal of forces from X"
        preps = NESTED_TARGET_PREPS + (("from",) if e.type == "RETREAT" else ())
        inner = prep_objects(noun, ("of",))
        recipients.extend(_phrases(parties, [p for o in inner for p in prep_objects(o, preps)]
                                   + (prep_objects(noun, ("from",)) if e.type == "RETREAT" else [])))
    if not recipients and e.type == "REQUEST":  # "the demand that X release ...": asked of X
        recipients.extend(_phrases(parties, _clause_subjects([noun])))
    if not recipients and e.type == "ACCUSE" and noun.dep_ == "dobj" \
            and noun.head.lemma_.lower() in lex.status.denial_verbs:
        # "X denied Y's accusations": the one denying is the one accused
        recipients.extend(_phrases(parties, subject_of(noun.head)))
    if not actors:  # "an agreement on partnership between X and Y": the inner noun's parties
        for inner in prep_objects(noun, ("on", "of", "for")):
            if lex.noun_entry(inner.lemma_.lower()) is not None:
                actors.extend(_phrases(parties, prep_objects(inner, ("between", "among"))))
    if not actors:
        verb = governing_verb(noun)
        if verb is not None and verb_lemmas(verb) & lex.light_verbs and _in_object(noun, verb):
            if is_passive(verb):
                actors = _phrases(parties, agent_of(verb))
            else:
                actors = _phrases(parties, subject_of(verb))
            if not recipients:
                recipients = _phrases(parties, prep_objects(verb, [p for p in NOUN_RECIPIENT_PREPS
                                                                   if p not in topic]))
    if not actors:
        actors = _former_latter(noun, parties)
    return unique(actors), unique(recipients)


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
            return [p.actor_id for p in _phrases(parties, subject_of(anc))]
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
    #: the actors were named in the text (not coded by the place, see ``_located_parties``)
    named: bool = True


def _location(t: Trigger, a: Analysis, parties: Parties) -> str | None:
    location = event_location(t.token, a, parties.mention_at)
    if location is None and t.entry.requires == "place":
        places = [parties.mention_at(p) for p in prep_objects(t.token, ("in", "at"))]
        location = next((m.actor_id for m in places if m is not None), None)
    return location


def _patient(tok: Token) -> list[Token]:
    """The noun phrase a verb acts on: the passive subject ("a journalist was shot"), the noun
    a passive participle describes ("soldiers killed in X"), the direct object."""
    if is_passive(tok):
        found = ([tok.head] if _stated_participle(tok) else []) if tok.dep_ == "acl" else subject_of(tok)
    else:
        found = [c for c in tok.children if c.dep_ == "dobj"]
    return [p for p in found if p.pos_ in ("NOUN", "PROPN")]


def _reciprocal(tok: Token) -> bool:
    """The trigger (or the light verb of an event noun) acts on "each other" / "one another"."""
    verb = governing_verb(tok) if tok.pos_ == "NOUN" else None
    objs = [c for h in (tok, verb) if h is not None for c in h.children if c.dep_ in ("dobj", "dative")]
    objs += [p for h in (tok, verb) if h is not None for p in prep_objects(h, VERB_PARTY_PREPS)]
    objs += [p for o in list(objs) for p in prep_objects(o, VERB_PARTY_PREPS)]  # "exchanged fire with"
    return any((o.lower_ == "other" and any(d.lower_ == "each" for d in o.children))
               or (o.lower_ == "one" and any(d.lower_ == "another" for d in o.children)) for o in objs)


def _cumulative(verb: Token) -> bool:
    """A toll counted over a stretch of time ("have been killed since 2014", "over the past
    year"), the background of a conflict, not one act."""
    for c in verb.children:
        if c.lower_ == "since" and c.dep_ in ("prep", "mark"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("over", "in", "during", "for") and any(
                a.lower_ in ("past", "last") for p in c.children for a in p.children):
            return True
    return False


def _unnamed_agent(tok: Token, parties: Parties) -> bool:
    """No one is named as the verb's doer: an agentless passive, an agent or subject that is
    a thing or a nameless group ("a roadside bomb", "gunmen")."""
    if is_passive(tok):
        agent = agent_of(tok)
        return not agent or (agent[0].pos_ in ("NOUN", "PROPN") and not any(
            parties.mention_at(w) is not None for w in agent[0].subtree))
    # an active verb's own subject, not one the parse leaves unknown ("the right to fire"),
    # naming no actor at all (not "the Saudi-led coalition", "US-backed forces")
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return bool(subj) and subj[0].pos_ in ("NOUN", "PROPN") and not any(
        parties.mention_at(w) is not None for w in subj[0].subtree)


def _located_parties(t: Trigger, actors: list[Party], recipients: list[Party], place: str | None,
                     lex: Lexicon, parties: Parties) -> tuple[list[Party], list[Party]]:
    """The location convention of PLOVER- and CAMEO-coded data: a party of a hostile act
    (``LOCATED_PARTY_TYPES``) that the sentence leaves unnamed is coded by the country where
    the act happened.  The doer, when nobody is named ("was killed by a roadside bomb outside
    X", "gunmen opened fire in X"), and the victim, when the phrase acted on names no state
    ("a journalist was shot in X"; an act with no victim at all gets none).  An unresolved
    pronoun is not unnamed (its referent is elsewhere), and a planned or feared act needs a
    named doer (checked by the caller)."""
    if place is None or t.entry.pos != "verb" or t.entry.type not in LOCATED_PARTY_TYPES \
            or t.entry.type not in lex.agentless_types:
        return actors, recipients
    patient = _patient(t.token)
    if (not recipients and not patient) or _cumulative(t.token):
        return actors, recipients
    here = Party(place, place, "country", t.token.idx)
    if not actors and _unnamed_agent(t.token, parties):
        actors = [here]
    if not recipients and patient:
        recipients = [here]
    return actors, recipients


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
        if t.entry.pos == "verb":
            actors, recipients = _verb_parties(t, parties, lex)
            subj = subject_of(t.token)
            if subj and _is_author(actors, a, _phrase_text(subj[0])):
                continue
        else:
            actors, recipients = _noun_parties(t, parties, lex)
        actors = _places_as_countries(actors)
        if t.entry.type in PLACE_TARGET_TYPES or (t.entry.type == "CONSULT" and t.entry.symmetric):
            # "an attack on Gaza" targets the place's state; "met ... in X" X's state hosts
            recipients = _places_as_countries(recipients)
        elif t.entry.requires != "place" and t.entry.type != "CONSULT":
            # a place is where it happened, not whom it targeted (but the place visited is
            # visited: "arrived in Lima", "visited Beijing")
            recipients = [p for p in recipients if p.kind != "location"]
        if _is_author(actors, a, ""):
            continue
        recipients = [p for p in recipients if not _same_party(p, actors, parties)]
        location = _location(t, a, parties)
        named = bool(actors)
        place = _country_of(location, a) if location else None
        actors, recipients = _located_parties(t, actors, recipients, place, lex, parties)
        if not recipients and not t.entry.symmetric:
            recipients = _local_state(_argument_heads(t.token), place, actors, parties)
        if actors and not recipients and t.entry.type != "PROTEST" and t.entry.requires != "obligation" \
                and not (t.entry.symmetric and len({p.country or p.actor_id for p in actors}) > 1):
            # (a joint act of one party: "X agreed to ..." with whom the text may say inside)
            recipients = _nearest_party(t.token, parties, actors, lex)
        if not actors and place is not None and t.entry.pos == "verb":
            actors = _local_state(agent_of(t.token) if is_passive(t.token) else subject_of(t.token),
                                  place, [], parties)
        recipients = recipients + _host(t, actors, recipients, place)
        if t.entry.requires == "obligation" and not recipients:
            continue  # "X said it must ...": a duty X lays on itself is no request
        if not actors and not (t.entry.pos == "verb" and t.entry.type in lex.agentless_types
                               and recipients and _has_unnamed_agent(t.token)) \
                and not (t.entry.pos == "verb" and _named_unknown_subject(t.token)):
            continue
        if t.entry.symmetric:
            actors, recipients = unique(actors + recipients), []
        if len(actors) + len(recipients) >= 2:
            parties.pairs.add(t.token.idx, *(actors + recipients))
        if restated is not None:
            if not named:
                continue
            out.remove(restated)  # "were killed in a X attack": the noun names the doer
        if not t.entry.symmetric and not recipients and len(actors) >= 2 and _reciprocal(t.token):
            # "X and Y accused each other": each of them does it to the others
            out.extend(_Candidate(t, [p], [q for q in actors if q != p], location, named) for p in actors)
            continue
        out.append(_Candidate(t, actors, recipients, location, named))
    return out


def _same_party(p: Party, actors: list[Party], parties: Parties) -> bool:
    """A recipient that is one of the actors, unless the two are named differently, one or
    both as a group of that country ("Georgian demonstrators ... the Georgian government",
    "Croatia investigates Croatian extremists": a domestic event)."""
    same = [a for a in actors if a.actor_id == p.actor_id]
    if not same:
        return False

    def named_as(x: Party) -> str | None:
        noun = parties.group_noun(x)
        return noun.lemma_ if noun is not None else None

    return any(named_as(a) == named_as(p) for a in same)


def _ordered(triggers: list[Trigger]) -> list[Trigger]:
    return sorted(triggers, key=lambda t: t.token.i)


def _sentence_events(a: Analysis, sent: Sentence, lex: Lexicon, parties: Parties) -> list[Event]:
    candidates = _candidates(a, sent, lex, parties)
    trigger_tokens = [c.trigger.token for c in candidates]
    published = a.published.isoformat() if a.published else None
    anchors = _anchors(candidates, lex)
    refusals = {c.trigger.token.i for c in candidates if c.trigger.entry.type == "REJECT"}
    clock = SentenceTimes(sent.span, a.times, trigger_tokens)
    events: dict[tuple, Event] = {}
    made: list[tuple[Token, Event]] = []
    for c in candidates:
        t, actors, recipients = c.trigger, c.actors, c.recipients
        status = resolve_status(status_flags(t.token, lex.status, lex.light_verbs))
        claim = claimed_by_other(t.token, actors, parties) \
            if status in ("asserted", "alleged") and t.entry.type in HOSTILE_TYPES else None
        if claim is not None:
            status = "alleged"
        if status == "alleged" and denied_by_party(sent, actors, parties, lex, t.token):
            status = "denied"
        if not c.named and status not in ("asserted", "alleged"):
            continue  # an act planned or feared with nobody named to do it
        if status == "negated" and any(anc.i in refusals for anc in list(t.token.ancestors)[:3]):
            continue  # "refused to sign": the refusal (REJECT) codes it
        type_, mode, cameo = t.entry.type, t.entry.mode, t.entry.cameo
        recoded = recast(t, status, lex)
        if recoded is not None:
            type_, mode, cameo, status = recoded
        time = event_time(t.token, sent.span, a.times, trigger_tokens, status, published, clock)
        location = c.location
        confidence = 0.8 if t.entry.pos == "verb" else 0.65
        if not recipients and not t.entry.symmetric:
            confidence -= 0.1
        if type_ == "PROTEST" and actors and all(parties.is_state(p) for p in actors):
            type_, mode, cameo = "ACCUSE", "complain", "114"  # "Japan lodged a protest with X"
        if (type_ == "PROTEST" or (type_ == "CONCEDE" and _ends_protest(t.token, lex))) and not recipients:
            # a protest, or the calling off of one ("called off their strike"), is aimed at
            # the authorities where it is held
            recipients = protest_target(actors, location, a, parties)
        elif type_ in ("ASSAULT", "COERCE") and not recipients and location is not None:
            # "jets struck targets in southern Lebanon": the place's state is hit
            place = _country_of(location, a)
            recipients = [Party(place, place, "country", sent.start)] if place else []
        if not c.named:  # no doer named: less when the place's state stands for it
            confidence -= 0.15 if actors else 0.3
        if _serves_other(t.token, anchors):
            confidence -= 0.15
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
            told = [p for p in _phrases(parties, [c for c in said[2].children if c.dep_ in ("dobj", "dative")])
                    if p.actor_id not in ev.actors]
            found.insert(0, ev.model_copy(update={
                "type": said[0], "mode": None, "cameo": said[1], "status": "asserted",
                "recipients": [p.actor_id for p in told] or ev.recipients,
                "time": event_time(said[2], sent.span, a.times, trigger_tokens, "asserted", published, clock),
                "location": None, "confidence": round(confidence + 0.05, 2)}))
        made.extend((t.token, ev) for ev in found)
    for tok, ev in _with_complement_targets(made):
        key = (ev.type, frozenset(ev.actors), frozenset(ev.recipients))
        if key not in events or events[key].confidence < ev.confidence:
            events[key] = ev
    return _without_subsumed(list(events.values()))


def _without_subsumed(events: list[Event]) -> list[Event]:
    """One sentence's event that another of the same type and status says more fully (its
    actors and recipients among the other's, named there with more) is the same act told
    twice: "X threatened to strike unless Y ...", read from the threat and from the condition."""
    def covers(o: Event, e: Event) -> bool:
        return (o is not e and o.type == e.type and o.status == e.status
                and set(e.actors) <= set(o.actors) and set(e.recipients) <= set(o.recipients)
                and len(o.actors) + len(o.recipients) > len(e.actors) + len(e.recipients))

    return [e for e in events if not any(covers(o, e) for o in events)]


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
            if verb is not None and verb_lemmas(verb) & lex.light_verbs and _in_object(tok, verb):
                out.setdefault(verb.i, tok.i)
    return out


def _serves_other(tok: Token, anchors: dict[int, int]) -> bool:
    """The trigger's clause serves or completes another event's clause ("began a hunger strike
    to demand", "agreed to supply"): that other event is the sentence's main one."""
    if tok.dep_ in ("acl", "relcl") and tok.pos_ == "VERB":
        return True  # a clause describing a noun: "the property seized by X", "X, who attacked"
    if tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS:
        return True  # the setting of another act: "ordered patrols after violent protests"
    cur = tok if tok.pos_ in ("VERB", "AUX") else (governing_verb(tok) or tok)
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in SUBORDINATE_DEPS and anchors.get(cur.head.i, tok.i) != tok.i:
            return True
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" \
                and anchors.get(cur.head.head.i, tok.i) != tok.i:
            return True  # "accused X of attacking", "arrested for spying"
        cur = cur.head
    return False


#: marks of an adverbial clause that sets the scene for the main clause
BACKGROUND_MARKS = frozenset(BACKGROUND_PREPS) | {"when", "while", "as", "although", "though", "once"}


def _background_clause(tok: Token) -> bool:
    """The trigger's clause (an event noun's governing one) is an adverbial clause of time or
    cause: "after X attacked Y", "when X invaded Y"."""
    cur = tok if tok.pos_ in ("VERB", "AUX") else governing_verb(tok)
    return cur is not None and cur.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in cur.children)


def _country_of(actor_id: str, a: Analysis) -> str | None:
    if len(actor_id) == 3 and actor_id.isupper():
        return actor_id
    return next((x.country for x in a.actors if x.id == actor_id), None) or \
        next((m.country for m in a.mentions if m.actor_id == actor_id and m.country), None)


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
