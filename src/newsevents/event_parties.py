"""The parties of an event trigger: who acts and who is acted on, read from the parse.

A verb's subject and objects (the agent and the passive subject when passive; the target of a
speech act in its complement: "threatened to cut ties with X", "demanded that X withdraw", "its
demand that X release"), or a noun's possessor, modifiers and "of/by/between/with X"
complements, else the subject of the light verb holding it ("X imposed sanctions").  Frames
with their own roles: "X received aid from Y" (inverse), "X is opposed to Y" (stance),
"mediation between X and Y" (a go-between), the party an act defies or protests at ("in
defiance of X", "in protest at X"), targets nested in an object or purpose ("called for
sanctions against X", "sent officers to X to investigate"), forces moved with no agent named
(moved by their own side), "X and Y accused each other" (one event each way).

Conventions for parties the text leaves unnamed:

* **Location convention** (as PLOVER- and CAMEO-coded data do): a hostile act's party the
  sentence leaves unnamed (an agentless passive, a thing or a nameless group as agent, a victim
  of no stated nationality) is coded by the country where the act happened ("a reporter was
  killed by a bomb in X": X's state on both sides); a toll counted over time is no act.
* The state hosting a meeting held on its soil is one of its parties.
* "The government", "the authorities", "the president" with no state named are the state where
  the event happens, else that of the (non-state) people acting.
* A demand, refusal or concession by one state's people or bodies that are no state organ
  (by the sector of their mention: rebels, students, a union), with no one named, is
  directed at their own state's authorities.
* Last, an act with a named doer and no target from these roles takes the party named nearest
  inside what it acts on ("accepted a formula for ending its dispute with X"), breadth first
  down its argument dependents, never the act's own setting.
"""

from __future__ import annotations

from spacy.tokens import Token

from .actor_roles import STATE_SECTORS
from .analysis import Analysis
from .event_lexicon import Lexicon
from .event_roles import (
    CHARGING_VERBS,
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
from .event_status import event_location, governing_verb
from .event_triggers import PLACE_PREPS, BackgroundWords, Trigger, verb_lemmas
from .parse_arrays import Tree

#: types whose target place stands for its state ("an attack on Gaza")
PLACE_TARGET_TYPES = ("ASSAULT", "COERCE", "THREATEN", "PROTEST")
#: hostile acts whose unnamed parties are coded by the country where they happened
LOCATED_PARTY_TYPES = ("ASSAULT", "COERCE")
#: prepositions whose object is the background of a clause's act, not its main event
BACKGROUND_PREPS = ("after", "before", "following", "amid", "despite", "during", "since",
                    "because", "until", "ahead", "pending", "like")
NOUN_RECIPIENT_PREPS = ("to", "with", "on", "against", "for", "into", "toward", "towards", "upon")
#: types stating a stance toward something: "concern over X", "support for X"
STANCE_TYPES = ("ACCUSE", "SUPPORT", "REJECT")
#: nouns of an act's stance toward a party: "in defiance of X", "in protest at X"
STANCE_NOUNS = frozenset({"defiance", "protest", "opposition", "solidarity", "support", "retaliation",
                          "response", "reprisal"})
#: moves of a side's own forces: passive without agent, the forces' side moves them
OWN_FORCE_TYPES = ("RETREAT", "MOBILIZE")
#: nouns naming a state's institutions, which with no state named are the local state's
STATE_NOUNS = frozenset({"government", "authority", "president", "regime", "police", "parliament",
                         "cabinet", "army", "military", "ministry", "junta", "administration",
                         "premier", "state"})
#: acts a state's own people or bodies direct at its authorities when no one is named
DOMESTIC_TYPES = ("REQUEST", "REJECT", "CONCEDE")
#: verbs of going or sending: a purpose clause under one is pursued at the destination
MOTION_VERBS = frozenset({"send", "dispatch", "deploy", "go", "travel", "fly", "come", "return",
                          "arrive", "head", "move", "rush", "airlift"})
#: prepositions inside a verb's object or purpose that name its target ("for a war against X")
NESTED_TARGET_PREPS = ("against", "with", "on", "toward", "towards", "upon")
#: types whose noun names its doer after "from" ("criticism from X", "an offer from X"); for
#: the others "from" is where the act starts or what it leaves ("fire from X", "the withdrawal
#: from X", "expulsion from X"), or what is only traded ("supplies from X")
FROM_ACTOR_TYPES = ("ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE", "CONCEDE")
#: verbs by which a party owns an act ("claimed / admitted responsibility for the attack")
OWNING_VERBS = frozenset({"claim", "accept", "admit", "take", "bear", "assume", "acknowledge"})
#: verbs whose subject is at the receiving end of the event noun they take: "X faced
#: criticism from Y", "X's plan drew condemnation", "X won support from Y"
RECEIVING_VERBS = frozenset({"face", "draw", "attract", "receive", "earn", "win", "garner", "incur",
                             "meet", "come", "get"})


#: verbs by which a party stops a text from being issued ("vetoed a resolution condemning X")
BLOCKING_VERBS = frozenset({"veto", "block", "reject", "oppose", "scuttle", "derail", "thwart",
                            "stall", "withdraw", "shelve", "scrap", "kill"})


def phrases_of(parties: Parties, toks: list[Token]) -> list[Party]:
    return parties.of_phrases(toks) if toks else []  # (most role look-ups find no phrase)


def verb_parties(t: Trigger, parties: Parties, lex: Lexicon) -> tuple[list[Party], list[Party]]:
    verb = t.token
    subj = subject_of(verb)
    passive = is_passive(verb)
    agent = agent_of(verb) if passive else []
    # the verb's children and its prepositions' objects, read once for the look-ups below (a
    # Token is built at each read)
    kids = [(c, c.dep_) for c in verb.children]
    by_prep = [(c.lower_, [p for p in c.children if p.dep_ == "pobj"]) for c, dep in kids if dep == "prep"]

    def on(words: tuple[str, ...]) -> list[Token]:  # prep_objects(verb, words)
        return [p for low, objs in by_prep if low in words for p in objs]

    if passive and not agent and verb.lemma_.lower() in lex.stance_participles:
        # "X is opposed to Y": a stance, X's own
        return phrases_of(parties, subj), phrases_of(parties, on(("to",)))
    if t.entry.roles == "inverse":  # "X received weapons from Y": Y gives, X receives
        givers = on(("from",)) + [p for o in objects_of(verb, ()) for p in prep_objects(o, ("from",))]
        return phrases_of(parties, givers), phrases_of(parties, subj)
    moved = subj if passive and not agent and verb.dep_ != "acl" else []
    if t.entry.type in OWN_FORCE_TYPES and moved and moved[0].lemma_.lower() in lex.security_nouns:
        # "Australian troops were withdrawn from X": forces are moved by their own side
        movers = phrases_of(parties, moved)
        dest = on(("from",) if t.entry.type == "RETREAT" else ("to", "into"))
        return movers, [_as_country_party(p) for p in phrases_of(parties, dest)
                        if p.actor_id not in {m.actor_id for m in movers}]
    if passive:
        actors = phrases_of(parties, agent) or _instrument_owners(on(("in", "by")), parties)
        if not actors and t.entry.type == "ASSAULT":  # "rockets were fired from X": X's side
            actors = [_as_country_party(p) for p in phrases_of(parties, on(("from",))) if p.country]
        recipients = phrases_of(parties, subj if verb.dep_ != "acl" else
                                [verb.head] if _stated_participle(verb) else [])
        if t.entry.type == "ASSAULT" and subj and all(x.lemma_.lower() in PROJECTILE_NOUNS for x in subj):
            recipients = phrases_of(parties, on(("at",))) or recipients  # "a rocket was fired at X"
    else:
        actors = phrases_of(parties, subj)
        # what parties meet or agree "on" is their topic, not a party ("met on Iran's program")
        preps = VERB_PARTY_PREPS - {"on", "upon"} if t.entry.symmetric else VERB_PARTY_PREPS
        recipients = phrases_of(parties, objects_of(verb, preps))
        if not recipients and t.entry.type in ("ASSAULT", "THREATEN", "COERCE"):  # "fired at X"
            recipients = phrases_of(parties, on(("at",)))
    if t.entry.type in STANCE_TYPES + ("PROTEST",):
        # "blocked streets in X in defiance of Y", "marched in protest at Y's decision": Y
        stances = [o for o in on(("in",)) if o.lemma_.lower() in STANCE_NOUNS]
        aimed = [p for o in stances for p in prep_objects(o, ("of", "to", "against", "at"))]
        recipients = phrases_of(parties, aimed + (on(("at", "against")) if stances else [])) \
            or recipients
    if not actors and verb.dep_ == "acl" and verb.tag_ == "VBG" \
            and verb.head.dep_ in ("dobj", "nsubjpass", "attr"):
        # "X issued a statement condemning Y": the issuer acts through the statement (not one
        # who blocks it: "X vetoed a resolution condemning Y")
        holder = verb.head.head
        if holder.lemma_.lower() not in BLOCKING_VERBS:
            actors = phrases_of(parties, agent_of(holder) if is_passive(holder) else subject_of(holder))
    between = phrases_of(parties, on(("between", "among")))
    if t.entry.between == "recipient":  # a go-between: "mediated between X and Y"
        recipients, between = unique(recipients + between), []
    actors = unique(actors + between)
    if t.entry.requires == "place":
        recipients = unique(recipients + phrases_of(parties, on(PLACE_PREPS)))
    if not recipients and t.entry.place_recipient:  # "sought refuge in X": X's state is asked
        recipients = [_as_country_party(p) for p in phrases_of(parties, on(PLACE_PREPS))
                      if p.country]
    if not recipients and t.entry.type == "RETREAT":  # "withdrew its troops from X"
        recipients = phrases_of(parties, on(("from",)))
    topic = ("on", "upon", "for") if t.entry.symmetric else ()
    if recipients and t.entry.symmetric:  # "held talks with Y in Z": Y takes part, Z hosts
        recipients = unique(recipients + phrases_of(parties, [
            p for c, dep in kids if dep == "dobj" for p in prep_objects(c, ("with",))]))
    if not recipients:  # "imposed sanctions on X", "provided weapons to X"
        objs = [c for c, dep in kids if dep in ("dobj", "nsubjpass")]
        recipients = phrases_of(parties, [p for o in objs for p in prep_objects(
            o, [w for w in NOUN_RECIPIENT_PREPS if w not in topic])])
    # "blamed X for Y", "accused X of Y": X is the target, whom Y's words name or not
    charge = ("for", "of") if verb.lemma_.lower() in CHARGING_VERBS and any(dep == "dobj" for _, dep in kids) else ()
    if not recipients and t.entry.type in STANCE_TYPES:  # "expressed concern over X's plan"
        over = tuple(w for w in ("over", "about", "at", "for") if w not in charge)
        recipients = phrases_of(parties, on(over) + [p for c, dep in kids if dep == "dobj"
                                                     for p in prep_objects(c, over)])
    if not recipients:  # "called for sanctions against X", "mobilized for a war against X"
        inner = [o for o in (*on(tuple(w for w in ("for", "of", "on", "to") if w not in charge)),
                             *objects_of(verb, ())) if o.pos_ == "NOUN"]
        recipients = phrases_of(parties, [p for o in inner for p in prep_objects(
            o, [w for w in NESTED_TARGET_PREPS if w not in topic])])
    if not recipients and verb.dep_ == "advcl" and verb.head.lemma_.lower() in MOTION_VERBS \
            and any(dep == "aux" and c.lower_ == "to" for c, dep in kids):
        # "sent inspectors to X to investigate": a purpose pursued where they were sent
        recipients = [_as_country_party(p) for p in phrases_of(parties, prep_objects(verb.head, ("to", "into")))
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


def nearest_party(tok: Token, parties: Parties, actors: list[Party], lex: Lexicon,
                   depth: int = 8) -> list[Party]:
    """The party named nearest the trigger inside what it acts on, when no role gave one: "agreed
    to an extension of the mandate for the force in X", "accepted a formula for ending its
    dispute with X".  Breadth first down the trigger's argument dependents (never its subject,
    agent, background or the people a relative clause describes); the actors' own side and
    the act's own setting do not count (a place of a party is its state: "the force in X")."""
    own = {p.actor_id for p in actors} | {p.country for p in actors if p.country}
    # the verb's own agent is its doer; what a passive acts on is its subject; the one a charge
    # names is its target, not a party of the act charged ("accused the West of meddling in X")
    charge = ("of", "for") if tok.lemma_.lower() in CHARGING_VERBS and any(
        c.dep_ == "dobj" for c in tok.children) else ()
    frontier = [c for c in tok.children if (c.dep_ in _ARGUMENT_DEPS or c.dep_ == "nsubjpass")
                and not (c.dep_ == "prep" and c.lower_ in BACKGROUND_PREPS + ("by", "according", "as") + charge)]
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
                    if c.dep_ in _ARGUMENT_DEPS + ("poss", "nsubj")
                    and not (c.dep_ == "prep" and c.lower_ in BACKGROUND_PREPS + ("according",))]
    return []


def argument_heads(tok: Token) -> list[Token]:
    """The heads of the phrases a trigger acts on, and their "of" objects ("demanded the
    resignation of the president")."""
    if tok.pos_ == "VERB":
        heads = objects_of(tok, VERB_PARTY_PREPS | {"against"})
    else:
        heads = prep_objects(tok, NOUN_RECIPIENT_PREPS + ("of",))
    return heads + [p for h in heads for p in prep_objects(h, ("of",))]


def local_state(heads: list[Token], place: str | None, actors: list[Party],
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


def meeting_host(t: Trigger, actors: list[Party], recipients: list[Party], place: str | None) -> list[Party]:
    """A meeting held in a state none of its parties belongs to has that state as a party, its
    host (CAMEO's "host a visit"; "X and Y will meet in Geneva", "X attends a summit in Z")."""
    if t.entry.type != "CONSULT" or place is None or not actors:
        return []
    if place in {p.country or p.actor_id for p in actors + recipients}:
        return []
    return [Party(place, place, "country", t.token.idx)]


def ends_protest(verb: Token, lex: Lexicon) -> bool:
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
    subjects = others(phrases_of(parties, _clause_subjects(held)))
    if subjects:
        return subjects
    for depth in range(3):
        subjects = others(phrases_of(parties, [c for tok in frontier if tok.dep_ == "ccomp" and depth
                                               for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]))
        if subjects:
            return subjects
        found: list[Party] = []
        nxt: list[Token] = []
        for tok in frontier:
            heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "attr")]
            for h in heads:
                found.extend(phrases_of(parties, prep_objects(h, NOUN_RECIPIENT_PREPS + ("of", "from", "between"))))
            found.extend(phrases_of(parties, [c for c in tok.children if c.dep_ in ("dobj", "dative")]))
            nxt.extend(c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "dobj"))
        found = others(found)
        if found:
            return found
        frontier = nxt
    conditions = [c for v in (verb, *[x for x in verb.subtree if x.dep_ == "xcomp"])
                  for c in v.children if c.dep_ == "advcl"
                  and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]
    return others(phrases_of(parties, [s for c in conditions for s in subject_of(c)]))


def _as_country_party(p: Party) -> Party:
    # a place of no known state ("between Peru and Krabi") stays a place: no party of id None
    return Party(p.country, p.country, "country", p.position) if p.kind == "location" and p.country else p


def places_as_countries(actors: list[Party]) -> list[Party]:
    """A place does not act: "demonstrators in Baghdad" act for the place's country; a place
    without a country is dropped."""
    out = [p if p.kind != "location" else Party(p.country, p.country, "country", p.position)
           for p in actors if p.kind != "location" or p.country]
    return unique(out)


def named_unknown_subject(verb: Token) -> bool:
    """The verb's agent is named but is no actor the actor stage knows ("the Revolutionary
    United Front announced", "the European Community gave"): the event is stated, with its
    actor unresolved."""
    subj = agent_of(verb) if is_passive(verb) else subject_of(verb)
    return bool(subj) and subj[0].pos_ == "PROPN" and subj[0].ent_type_ in ("ORG", "NORP", "GPE", "PERSON")


def has_unnamed_agent(verb: Token) -> bool:
    """A verb with a known target and an agent that is no actor still states an event: the
    passive "X was killed", or "a roadside bomb killed X" (not an unresolved pronoun)."""
    if is_passive(verb):
        return True
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    return bool(subj) and subj[0].pos_ in ("NOUN", "PROPN")


def in_object(noun: Token, verb: Token) -> bool:
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


def noun_parties(t: Trigger, parties: Parties, lex: Lexicon) -> tuple[list[Party], list[Party]]:
    """The parties of an event noun.  An accusation that a party dismisses ("X rejected Y's
    accusations", "X condemned as lies allegations by Y") has none: it was made before and is
    presupposed, and the news is the denial (CAMEO 016, deny responsibility, of no PLOVER
    type), so it codes no event."""
    noun, e = t.token, t.entry
    if e.type == "ACCUSE" and _dismissed_noun(noun, lex):
        # (the two sides of the denial are still a pair a later "both governments" refers to)
        accusers = [p for c in noun.lefts if c.dep_ == "poss" for p in parties.of_phrase(c, shallow=True)] \
            + [p for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") for p in parties.modifier(c)
               if p.kind != "location"] + phrases_of(parties, prep_objects(noun, ("by", "from")))
        holder = _dismissing_verb(noun)
        parties.pairs.add(noun.idx, *accusers, *phrases_of(parties, subject_of(holder)))
        return [], []
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
    actors.extend(phrases_of(parties, prep_objects(noun, ("by", "from") if e.type in FROM_ACTOR_TYPES
                                                    else ("by",))))
    between = phrases_of(parties, prep_objects(noun, ("between", "among")))
    (actors if e.between == "actor" else recipients).extend(between)
    of_parties = [p for o in prep_objects(noun, ("of",)) for p in parties.of_phrase(o, shallow=True)]
    (actors if e.of_role == "actor" else recipients).extend(of_parties)
    topic = ("on", "upon", "for") if e.symmetric else ()
    recipients.extend(phrases_of(parties, prep_objects(noun, [p for p in NOUN_RECIPIENT_PREPS if p not in topic])))
    if not recipients:  # "a suspension of air links with X", "the withdrawal of forces from X"
        preps = NESTED_TARGET_PREPS + (("from",) if e.type == "RETREAT" else ())
        inner = prep_objects(noun, ("of",))
        recipients.extend(phrases_of(parties, [p for o in inner for p in prep_objects(o, preps)]
                                     + (prep_objects(noun, ("from",)) if e.type == "RETREAT" else [])))
    if e.type in FROM_ACTOR_TYPES:
        receiving = _receiving_verb(noun)
        if receiving is not None and not actors:  # "drew criticism from X" ("from X" on the verb)
            actors.extend(phrases_of(parties, prep_objects(receiving, ("from",))))
        if receiving is not None and actors and not recipients:
            recipients.extend(_receiver(receiving, parties))
    if not recipients and e.type in ("ASSAULT", "COERCE") and noun.dep_ == "pobj" \
            and noun.head.lower_ in ("in", "during", "by") and noun.head.head.pos_ == "VERB" \
            and is_passive(noun.head.head):
        # "two soldiers were killed in an attack by X": the victims the clause names
        recipients.extend(phrases_of(parties, subject_of(noun.head.head)))
    if not recipients and e.type == "REQUEST":  # "the demand that X release ...": asked of X
        recipients.extend(phrases_of(parties, _clause_subjects([noun])))
    if not actors and noun.dep_ == "pobj" and noun.head.lower_ == "for":
        # "X claimed responsibility for the attack": X owns the act
        owned = noun.head.head
        if owned.lemma_.lower() in ("responsibility", "credit") and owned.dep_ == "dobj" \
                and owned.head.lemma_.lower() in OWNING_VERBS:
            actors.extend(phrases_of(parties, subject_of(owned.head)))
    if not actors:  # "an agreement on partnership between X and Y": the inner noun's parties
        for inner in prep_objects(noun, ("on", "of", "for")):
            if lex.noun_entry(inner.lemma_.lower()) is not None:
                actors.extend(phrases_of(parties, prep_objects(inner, ("between", "among"))))
    if not actors:
        verb = governing_verb(noun)
        if verb is not None and verb_lemmas(verb) & lex.light_verbs and in_object(noun, verb):
            if is_passive(verb):
                actors = phrases_of(parties, agent_of(verb))
            else:
                actors = phrases_of(parties, subject_of(verb))
            if not recipients:
                recipients = phrases_of(parties, prep_objects(verb, [p for p in NOUN_RECIPIENT_PREPS
                                                                     if p not in topic]))
    if not actors and e.type == "CONSULT" and recipients and noun.dep_ == "pobj" \
            and noun.head.lower_ in ("in", "during", "at") and noun.head.head.pos_ == "VERB":
        # "in a phone call with X, Y discussed ...", "during talks with X, Y said": Y took part
        actors = phrases_of(parties, subject_of(noun.head.head))
    if not actors and predicate_phrase(noun) and (recipients or e.type == "PROTEST"):
        # "X are (out) on strike", "X are in talks with Y" (not "X is on a tour of the region")
        actors = phrases_of(parties, subject_of(governing_verb(noun)))
    if not actors:
        actors = _former_latter(noun, parties)
    return unique(actors), unique(recipients)


#: weapons and attacks whose owner a modifier names ("killed in Turkish artillery fire", "were
#: wounded by Israeli tank shelling")
INSTRUMENT_NOUNS = frozenset({"artillery", "fire", "gunfire", "shelling", "strike", "airstrike", "raid",
                              "bombing", "bombardment", "attack", "drone", "missile", "rocket", "tank",
                              "mortar", "bomb", "ambush", "offensive", "crossfire", "sniper", "jet",
                              "warplane", "helicopter", "gunship", "assault", "incursion"})


#: what is fired or thrown, never its target ("a rocket was fired at X")
PROJECTILE_NOUNS = INSTRUMENT_NOUNS | {"shell", "round", "projectile", "grenade", "salvo", "barrage"}


def _instrument_owners(objs: list[Token], parties: Parties) -> list[Party]:
    """Whose weapon or attack an "in"/"by" phrase of a passive harm names, by its modifiers:
    "killed in Turkish artillery shelling" (Turkey), "wounded by Israeli fire" (Israel)."""
    found: list[Party] = []
    for o in objs:
        if o.lemma_.lower() not in INSTRUMENT_NOUNS:
            continue
        found.extend(p for c in o.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")
                     for p in (parties.modifier(c) if c.dep_ != "poss" else parties.of_phrase(c, shallow=True))
                     if p.kind != "location")
    return unique(found)


def _receiving_verb(noun: Token) -> Token | None:
    """The verb of receiving that takes the event noun ("faced criticism", "came under fire")."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "under" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" \
            or verb.lemma_.lower() not in RECEIVING_VERBS or is_passive(verb):
        return None
    if (verb.lemma_.lower() == "come") != (noun.dep_ == "pobj"):
        return None  # "came under criticism"; no other verb through a preposition
    return verb


def _receiver(verb: Token, parties: Parties) -> list[Party]:
    """Who is at the receiving end of an event noun the verb of receiving takes: its subject, or
    the subject's owner ("X faced criticism from Y", "X's decision drew condemnation from Y",
    "X came under criticism from Y")."""
    subj = subject_of(verb)
    return phrases_of(parties, subj) or [p for s in subj for c in s.children if c.dep_ == "poss"
                                         for p in parties.of_phrase(c, shallow=True)]


def predicate_phrase(noun: Token) -> bool:
    """The event noun is what a copula says its subject is in: "on strike", "out on strike",
    "in talks"."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("on", "in"):
        return False
    holder = noun.head.head
    if holder.dep_ in ("advmod", "prt") and holder.lower_ == "out":
        holder = holder.head
    return holder.lemma_ == "be" and any(c.dep_ == "nsubj" for c in holder.children)


#: verbs that, said of an accusation, dismiss it ("condemned the allegations as lies")
DISMISSING_VERBS = frozenset({"condemn", "denounce", "slam", "decry", "criticize", "criticise",
                              "reject", "dismiss", "deny", "refute", "rebuff", "brand"})


#: words for what one party charges another with that are no event nouns of their own
#: ("rejected the charges"); a claim only with what it claims ("denied claims that it had ...",
#: not "rejected X's claims to the islands")
CHARGE_NOUNS = frozenset({"charge"})
CLAIM_NOUNS = frozenset({"claim", "assertion", "suggestion", "insinuation", "report", "rumour", "rumor",
                         "speculation"})


#: verbs by which a party charges another with an act ("accused X of ...", "charged X with ...")
ACCUSING_VERBS = frozenset({"accuse", "charge"})
#: verbs by which an accusation is made or passed on ("of making / levelling accusations")
ACCUSATION_MAKING_VERBS = frozenset({"make", "level", "spread", "repeat", "fabricate", "invent",
                                     "voice", "circulate", "peddle", "hurl", "trump"})


def dismissed_accusation(verb: Token, lex: Lexicon) -> Token | None:
    """The accusation a verb dismisses, its object or what it is dismissed "as" ("X rejected
    Y's accusations", "X condemned as baseless allegations by Y that ..."): X denies it.  To
    charge the accusers with the accusation itself ("X accused Y of making false accusations",
    "of alleging that ...") dismisses it too."""
    if verb.pos_ == "VERB" and verb.lemma_.lower() in ACCUSING_VERBS:
        return _charged_accusation(verb, lex)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in DISMISSING_VERBS | lex.status.denial_verbs:
        return None
    for o in [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(verb, ("as",)):
        lemma = o.lemma_.lower()
        entry = lex.noun_entry(lemma)
        if (entry is not None and entry.type == "ACCUSE") or lemma in CHARGE_NOUNS \
                or (lemma in CLAIM_NOUNS and any(c.dep_ in ("acl", "ccomp") for c in o.children)):
            return o
    return None


def _charged_accusation(verb: Token, lex: Lexicon) -> Token | None:
    """The accusation an "of"/"with" charge says the accused made: the object of a verb of
    making one ("of making baseless accusations"), or the accusing verb itself ("of alleging
    that ...")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "with"):
            continue
        for g in prep.children:
            if g.dep_ != "pcomp" or g.pos_ != "VERB":
                continue
            if g.lemma_.lower() in ACCUSING_GERUNDS:
                return g
            if g.lemma_.lower() in ACCUSATION_MAKING_VERBS:
                for o in g.children:
                    lemma = o.lemma_.lower()
                    noun = lex.noun_entry(lemma) if o.dep_ == "dobj" else None
                    if (noun is not None and noun.type == "ACCUSE") or \
                            (o.dep_ == "dobj" and lemma in CHARGE_NOUNS | CLAIM_NOUNS):
                        return o
    return None


#: gerunds that are accusations themselves ("accused X of alleging that ...")
ACCUSING_GERUNDS = frozenset({"allege", "accuse", "claim", "charge", "slander", "smear"})


def _dismissing_verb(noun: Token) -> Token:
    """The verb that would dismiss the noun: its head, through a conjunct and "as", or the
    verb charging its maker ("accused X of making accusations")."""
    first = noun.head if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" else noun
    if first.dep_ == "dobj" and first.head.dep_ == "pcomp" and first.head.head.lower_ in ("of", "with"):
        return first.head.head.head
    return first.head.head if first.dep_ == "pobj" and first.head.lower_ == "as" else first.head


def _dismissed_noun(noun: Token, lex: Lexicon) -> bool:
    """The noun (or the phrase it heads a conjunct of) is what a verb of dismissal dismisses."""
    first = noun.head if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" else noun
    found = dismissed_accusation(_dismissing_verb(noun), lex)
    return found is not None and found.i == first.i


def act_location(t: Trigger, a: Analysis, parties: Parties) -> str | None:
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


def reciprocal(tok: Token) -> bool:
    """The trigger (or the light verb of an event noun) acts on "each other" / "one another"."""
    verb = governing_verb(tok) if tok.pos_ == "NOUN" else None
    objs = [c for h in (tok, verb) if h is not None for c in h.children if c.dep_ in ("dobj", "dative")]
    objs += [p for h in (tok, verb) if h is not None for p in prep_objects(h, VERB_PARTY_PREPS)]
    objs += [p for o in list(objs) for p in prep_objects(o, VERB_PARTY_PREPS)]  # "exchanged fire with"
    return any((o.lower_ == "other" and any(d.lower_ == "each" for d in o.children))
               or (o.lower_ == "one" and any(d.lower_ == "another" for d in o.children)) for o in objs)


#: verbs whose coordinated subjects act on each other when no one else is named ("X and Y
#: clashed", "X and Y exchanged fire", "X and Y have fought three wars")
MUTUAL_VERBS = frozenset({"clash", "fight", "exchange", "trade", "skirmish", "battle"})


def mutual(tok: Token) -> bool:
    """The act's parties act on one another: "each other", "fighting between X and Y", "X and
    Y clashed"."""
    if reciprocal(tok):
        return True
    if prep_objects(tok, ("between", "among")) and not (tok.pos_ == "VERB" and subject_of(tok)):
        return True  # (not "X mediated between Y and Z": a go-between)
    verb = tok if tok.pos_ == "VERB" else governing_verb(tok)  # "exchanged fire"
    return verb is not None and verb.lemma_.lower() in MUTUAL_VERBS


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


#: prepositions of a stretch of time
STRETCH_PREPS = ("since", "over", "in", "during", "for", "within", "throughout")


def background_count(tree: Tree, clause: int, i: int, words: BackgroundWords) -> bool:
    """Acts counted over a long stretch of time, the background of the news, not one act: a
    stretch of years ("over the past decade", "in the past five years", "for decades"), a
    perfect since a year ("have fought three wars since 1947", "has occupied X since 2014"), or
    a perfect with a shorter stretch and a count of acts or times ("have kidnapped dozens since
    March", "has launched 40 drone attacks over the past month"), a perfect of long standing
    ("have long accused X of torture"); not an act still going on
    ("has been negotiating for the last month"), nor a first or a record ("have restored ties
    for the first time since 2016", "its largest attack since 2022")."""
    dep, lower, lemma, tag, kids = tree.dep, tree.lower, tree.lemma, tree.tag, tree.children
    below = kids(clause)
    since: list[int] = []
    stretch = ""  # "long": years and more; "medium": months
    standing = False
    for c in below:
        d, low = dep[c], lower[c]
        if low == "since" and d in ("prep", "mark"):
            since.append(c)
        elif d == "advmod" and low in words.long_adverbs:
            standing = True
        elif d == "prep" and low in STRETCH_PREPS:
            for p in kids(c):
                unit = lemma[p]
                if dep[p] != "pobj" or (unit not in words.long_units and unit not in words.medium_units):
                    continue
                mods = [lower[a] for a in kids(p)]
                if any(m in ("past", "last") for m in mods) or (
                        low == "for" and tag[p] == "NNS" and not mods):  # "for years"
                    stretch = "long" if unit in words.long_units else "medium"
    if not (since or stretch or standing):
        return False
    perfect = tag[clause] == "VBN" and any(dep[a] in ("aux", "auxpass") and lemma[a] == "have" for a in below)
    if perfect and standing:
        return True  # "have long accused the government of torture": a standing stance
    if not (since or stretch) or tag[clause] == "VBG" or _first_or_record(tree, clause, i):
        return False
    if stretch == "long":
        return True
    if not perfect:
        return False
    since_words = [w for c in since for w in _subtree(tree, c)]
    if any(is_year(tree, w) for w in since_words):
        return True  # "since 1947", "since the 1950s", "since independence in 1991"
    if not stretch and any(lemma[w] in words.short_times or tree.ent_type[w] == "TIME" for w in since_words):
        return False  # "have struck dozens of targets since Monday": the news of the last days
    counted = [c for c in below if dep[c] in ("dobj", "nsubjpass", "npadvmod")]
    if i != clause:
        counted.append(i)
    return any(lower[c] in words.count_adverbs for c in below if dep[c] in ("advmod", "npadvmod")) \
        or any(_counts(tree, c, words) for c in counted)


def _subtree(tree: Tree, i: int) -> list[int]:
    out, queue = [], [i]
    for w in queue:
        out.append(w)
        queue.extend(tree.children(w))
    return out


def is_year(tree: Tree, i: int) -> bool:
    """A year or a decade ("1947", "the 1950s")."""
    low = tree.lower[i]
    return tree.tag[i] == "CD" and len(low) in (4, 5) and low[:4].isdigit() and low[4:] in ("", "s")


def _counts(tree: Tree, i: int, words: BackgroundWords) -> bool:
    """A plural counted: "three wars", "dozens of raids", "several attacks", "twenty times"."""
    if tree.lemma[i] in words.count_words and tree.prep_objects(i, ("of",)):
        return True  # "hundreds of strikes", "a series of attacks"
    if tree.tag[i] not in ("NNS", "NNPS"):
        return False
    return any(tree.dep[c] == "nummod" or (tree.dep[c] == "amod" and tree.lemma[c] in words.count_words)
               for c in tree.children(i))


def _first_or_record(tree: Tree, clause: int, i: int) -> bool:
    """ "for the first time since", "its largest attack since": a new act measured against the
    past (read in the clause's own words, not in its stretch of time or other clauses)."""
    dep, lower = tree.dep, tree.lower
    for c in tree.children(clause):
        if dep[c] in ("ccomp", "advcl", "relcl", "conj", "xcomp", "nsubj") \
                or (dep[c] in ("prep", "mark") and lower[c] in STRETCH_PREPS
                    and not any(lower[t] == "time" for t in _subtree(tree, c))):
            continue
        if any(lower[t] in ("first", "last") or tree.tag[t] in ("JJS", "RBS") for t in _subtree(tree, c)):
            return True
    return any(lower[c] == "first" or tree.tag[c] in ("JJS", "RBS") for c in tree.children(i)) if i != clause else False


#: organised bodies: "the movement", "the group" refer back to one named before
BODY_NOUNS = frozenset({"movement", "group", "organization", "organisation", "militia", "faction",
                        "party", "regime", "network", "alliance", "front", "coalition"})


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
    if subj and subj[0].lemma_.lower() in BODY_NOUNS and subj[0].tag_ == "NN" \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in subj[0].children):
        return False  # "the Islamist movement fired rockets": a body named before, not no one
    return bool(subj) and subj[0].pos_ in ("NOUN", "PROPN") and not any(
        parties.mention_at(w) is not None for w in subj[0].subtree)


def located_parties(t: Trigger, actors: list[Party], recipients: list[Party], place: str | None,
                     lex: Lexicon, parties: Parties) -> tuple[list[Party], list[Party]]:
    """The location convention of PLOVER- and CAMEO-coded data: a party of a hostile act
    (``LOCATED_PARTY_TYPES``) that the sentence leaves unnamed is coded by the country where
    the act happened.  The doer, when nobody is named ("was killed by a mine outside
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


def same_party(p: Party, actors: list[Party], parties: Parties) -> bool:
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


def country_of(actor_id: str, a: Analysis) -> str | None:
    if len(actor_id) == 3 and actor_id.isupper():
        return actor_id
    return next((x.country for x in a.actors if x.id == actor_id), None) or \
        next((m.country for m in a.mentions if m.actor_id == actor_id and m.country), None)


def domestic_group(actors: list[Party], parties: Parties) -> bool:
    """The actors are people or bodies of one state that are not its state organs: a mention
    whose sector is no state sector ("Kenyan rebels" REB, "Bosnian Serbs" CVL, a union LAB)."""
    if not actors or len({p.country for p in actors}) != 1 or actors[0].country is None:
        return False
    sectors = [parties.sector_of(p) for p in actors]
    return all(s is not None and s not in STATE_SECTORS for s in sectors)

