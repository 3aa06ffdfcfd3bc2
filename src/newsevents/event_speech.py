"""What is said about acts: statements that are events of their own, and claims and denials.

PLOVER codes what a party says it will do: its own announced or intended act ("X said it will
send aid", "X wants to attack Y") is a promise (AGREE) or a threat (THREATEN) as well as the
act (:func:`commitment`); a harmful act promised on a condition is a threat, a negated future
of help a refusal (REJECT), violence by a crowd a riot and forces' violence against a crowd
repression (:func:`recast`).  A hostile act that another party says its adversary did is that
party's claim (:func:`claimed_by_other`), unless the doers confirm it; a party's own denial in
the sentence makes it denied (:func:`denied_by_party`).  A protest with no named target is aimed
at the authorities where it is held (:func:`protest_target`).
"""

from __future__ import annotations

from spacy.tokens import Token

from .analysis import Analysis, Sentence
from .event_lexicon import Lexicon
from .event_roles import Parties, Party, agent_of, is_passive, objects_of, subject_of
from .event_status import condition_of, future_refusal, governing_verb, negated_verb
from .event_triggers import Trigger
from .parse_arrays import Tree

#: types a party would rather not have done to it: "will do it if/unless ..." is a threat
HARMFUL_TYPES = ("ASSAULT", "COERCE", "SANCTION", "RETREAT", "REJECT", "PROTEST", "MOBILIZE")
#: types of help and engagement: "will not provide/accept/meet" refuses them
COOPERATIVE_TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT")
#: acts a party would accuse another of, and the verbs that put them in its mouth
HOSTILE_TYPES = ("ASSAULT", "COERCE")
#: verbs by which a party warns of harm it may do ("warned it could retaliate"): a threat even
#: when the act is only possible
WARNING_VERBS = frozenset({"warn", "threaten", "caution"})
#: auxiliaries of a plain future ("will give"), not of a conditional ("would give")
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
CLAIM_VERBS = frozenset({"say", "claim", "insist", "maintain", "tell", "charge", "contend"})
#: verbs by which the doers own an act another party claimed ("X confirmed the strikes")
CONFIRMING_VERBS = frozenset({"confirm", "acknowledge", "admit", "concede"})
#: claiming verbs that accuse the doers of the act they report ("X claimed that Y attacked")
ACCUSING_CLAIMS = frozenset({"claim", "charge", "contend", "insist", "maintain"})


def commitment(t: Trigger, type_: str, status: str, actors: list[Party], parties: Parties,
                lex: Lexicon) -> tuple[str, str, Token] | None:
    """A party that says it will do something, or states its intent to, has promised (AGREE)
    or threatened (THREATEN) it: "X says it is ready to pull its troops back", "X announced it would
    boycott the vote", "X wants to attack Y"; a harm it warns it may do is a threat too ("X
    warned it could retaliate").  Only the party's own statement or intent (the speaker is the
    actor or of its country) counts.  Returns
    the type, its CAMEO code and the statement's verb."""
    if status not in ("expected", "hypothetical") or not actors \
            or type_ in ("AGREE", "THREATEN", "REQUEST", "ACCUSE"):
        return None
    kind = ("THREATEN", "130") if type_ in HARMFUL_TYPES and type_ != "RETREAT" else ("AGREE", "030")
    if status == "hypothetical" and kind[0] != "THREATEN":
        return None  # "said it could help": no promise; "warned it could strike": a threat
    cur = t.token if t.token.pos_ in ("VERB", "AUX") else governing_verb(t.token)
    own = {p.actor_id for p in actors} | {p.country for p in actors if p.country}
    for _ in range(4):
        if cur is None or cur.head.i == cur.i:
            break
        head = cur.head.lemma_.lower()
        if status == "hypothetical" and head not in WARNING_VERBS:
            pass  # only a warning makes a possible harm a threat
        elif (cur.dep_ == "ccomp" and head in lex.status.commitment_verbs) or \
                (cur.dep_ == "xcomp" and head in lex.status.intent_heads):
            speakers = parties.of_phrases(subject_of(cur.head))
            if any(p.actor_id in own or (p.country and p.country in own) for p in speakers):
                return (*kind, cur.head)
            if speakers:
                return None  # another party's forecast is no promise
            break
        if cur.dep_ not in ("xcomp", "acomp", "conj", "ccomp"):
            break
        cur = cur.head
    return _pledged_aid(t, type_)


def _pledged_aid(t: Trigger, type_: str) -> tuple[str, str, Token] | None:
    """ "X will give Y a grant", "X will provide aid": aid stated as the giver's own future act
    is pledged (CAMEO 033, intent to provide material aid), whoever reports it."""
    tok = t.token
    if type_ != "AID" or t.entry.pos != "verb" or t.entry.roles != "direct" or is_passive(tok):
        return None
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
        return "AGREE", "033", tok
    return None


def recast(t: Trigger, status: str, lex: Lexicon) -> tuple[str, str | None, str | None, str] | None:
    """What a party says it will or will not do is an event of its own: "will not provide aid"
    refuses it (REJECT); "will withdraw unless Y agrees", "will strike if Y attacks" threatens
    Y (THREATEN).  Violence by a crowd is a riot (PROTEST); forces' violence against a crowd
    is repression (COERCE)."""
    if t.entry.type in ("THREATEN", "REJECT", "REQUEST"):
        return None
    if t.entry.pos == "verb" and t.entry.type in HOSTILE_TYPES:
        doer = agent_of(t.token) if is_passive(t.token) else subject_of(t.token)
        done_to = subject_of(t.token) if is_passive(t.token) else objects_of(t.token)
        if _heads(doer) & lex.crowd_nouns and t.entry.mode in (None, "seize", "repress"):
            # "protesters torched / attacked ...": a riot (not "fired missiles": an assault)
            return "PROTEST", "riot", "145", status
        if _heads(doer) & lex.security_nouns and _heads(done_to) & lex.crowd_nouns:
            return "COERCE", "repress", "175", status  # forces against a crowd: repression
    if status == "negated" and t.entry.type in COOPERATIVE_TYPES and future_refusal(t.token, lex.status):
        return "REJECT", None, "120", "asserted"
    if status in ("expected", "hypothetical") or (status == "negated" and t.entry.type in HARMFUL_TYPES):
        # ("will not attack unless Y attacks first": a harm held back on a condition)
        cond = condition_of(t.token)
        if cond is not None and t.entry.type in HARMFUL_TYPES and (cond[0] == "unless" or cond[1]):
            # (a help "unless talks break down" is only conditional)
            return "THREATEN", None, "130", "asserted"
    return None


def protest_target(actors: list[Party], location: str | None, a: Analysis,
                    parties: Parties) -> list[Party]:
    """A protest by people of a country, with no target named, is aimed at the authorities
    where it is held: the country of its place, else the protesters' own ("Algerian farmers
    began a hunger strike outside parliament")."""
    if not actors or any(parties.is_state(p) for p in actors):
        return []  # a state's protest is a complaint (see events), with its own target
    country = None
    if location is not None:
        country = location if len(location) == 3 and location.isupper() else \
            next((x.country for x in a.actors if x.id == location), None) or \
            next((m.country for m in a.mentions if m.actor_id == location and m.country), None)
    if country is None:
        own = {p.country for p in actors if p.country}
        country = own.pop() if len(own) == 1 else None
    return [Party(country, country, "country", actors[0].position)] if country else []


def claimed_by_other(trigger: Token, actors: list[Party],
                      parties: Parties) -> tuple[Token, list[Party]] | None:
    """A hostile act that another party says its adversary did is that party's claim: "X said
    on Monday that Y's troops had shelled a village" (alleged, unless someone else confirms
    it), and the claim accuses Y.  Returns the claiming verb and the claimants."""
    own = {p.country or p.actor_id for p in actors}
    if not own:
        return None
    for anc in [trigger, *list(trigger.ancestors)[:4]]:
        source = _according_to(anc)
        if anc.pos_ == "VERB" and (source or anc.lemma_.lower() in CLAIM_VERBS):
            # "X said that Y had shelled", "according to X, Y shelled" (an outlet's "according
            # to" attributes its report: no party's claim)
            speakers = parties.of_phrases(source or subject_of(anc))
            if source and any(p.kind == "media" for p in speakers):
                return None
            said = source and not speakers and anc.lemma_.lower() in CLAIM_VERBS
            if said:  # "X said that Y shelled ..., according to a person who attended": X's claim
                speakers = parties.of_phrases(subject_of(anc))
            elif source and not speakers:
                continue  # a source naming no party: the clause above may still be a claim
            if speakers and not ({p.country or p.actor_id for p in speakers} & own) \
                    and not _confirmed_by(trigger.sent, own, parties):
                return (source[0].head.head if source and not said else anc), speakers
            return None
    return None


def _according_to(verb: Token) -> list[Token]:
    """The source a clause is put down to: "according to X" ("According to X, Y shelled ...")."""
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "according"
            for to in c.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"]


def _confirmed_by(sent, own: set[str], parties: Parties) -> bool:
    """The doers themselves confirm or admit the act in the sentence ("..., and X confirmed the
    strikes"): it is no longer only the other side's claim."""
    return any(tok.pos_ == "VERB" and tok.lemma_.lower() in CONFIRMING_VERBS
               and any((p.country or p.actor_id) in own for p in parties.of_phrases(subject_of(tok)))
               for tok in sent)


def denied_by_party(sent: Sentence, actors: list[Party], parties: Parties, lex: Lexicon,
                     trigger: Token) -> bool:
    countries = {p.country or p.actor_id for p in actors}
    for tok in sent.span:
        if tok.lemma_.lower() not in lex.status.denial_verbs or tok.pos_ != "VERB" or tok.i == trigger.i \
                or negated_verb(Tree.of(tok.doc), tok.i):
            continue  # (not "X has not denied it")
        deniers = parties.of_phrases(subject_of(tok))
        if any((p.country or p.actor_id) in countries for p in deniers):
            return True
    return False


def _heads(toks: list[Token]) -> set[str]:
    return {x.lemma_.lower() for x in toks}
