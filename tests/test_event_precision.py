"""Sentences that state no event make none, and sentences that state one keep it: the whole
pipeline (actors, times, quotes, events) on sentences of our own.

The no-event sentences cover what news prose says besides acts: statements of fact and
membership, economic figures, opinions, polls and forecasts, background counts over years and
tolls, anniversaries, habits and standing arrangements, descriptions of parties and of past
acts, acts only asked about ("it is unclear whether ...", rhetorical questions), standing
conditions, and accusations that appear only as what a party dismisses (CAMEO 016, deny
responsibility, has no PLOVER type; the accusation was made before).  The kept events stand
next to them: one dated act however old, counts since a recent day, firsts and records.
"""

from __future__ import annotations

import pytest

from newsevents import extract
from newsevents.events import _without_subsumed
from newsevents.models import Event, Span

NO_EVENT = [
    # statements of fact, membership, size
    "Chile and Peru are both members of the Pacific trade bloc.",
    "Norway has the largest sovereign wealth fund in the world.",
    "Ghana shares a long border with Togo.",
    "Brazil and Argentina have a long history of rivalry on the football pitch.",
    # opinions, forecasts, weighed acts
    "Analysts say relations between Norway and Iceland have never been better.",
    "Critics believe the sanctions against Ghana have failed.",
    "It would be a mistake for Brazil to cut ties with Argentina, the editorial argued.",
    "Peru is unlikely to withdraw its ambassador from Chile.",
    # background counts and tolls, standing conditions
    "The war in Ukraine has killed tens of thousands of soldiers.",
    "The conflict in the region has displaced hundreds of thousands of people.",
    "Peru has been under an arms embargo since 2010.",
    # descriptions of parties and of past acts
    "Norway, which has long been accused of overfishing, says its quotas are sustainable.",
    "The treaty signed in 1994 remains the basis of relations between Chile and Peru.",
    # hopes, conditions and scene-setting
    "Kenya's foreign minister said she hoped officials accused of corruption would be tried soon.",
    "If the talks collapse, fighting could resume in the border region.",
    "The minister spoke in Lima at the start of a tour aimed at promoting trade with Asia.",
    "The announcement comes two days before the president travels to Accra for a summit.",
    # an accusation only as what a party dismisses
    "Chile on Tuesday rejected as baseless the accusations by Peru that it had smuggled weapons.",
    "Norway dismissed Iceland's allegations that its fishing fleet had entered Icelandic waters.",
    "The Brazilian government denounced as slander the charges made by Argentina last week.",
    "Ghana denied claims by Togo that Ghanaian troops had crossed the frontier.",
    # declining to comment is a statement (CAMEO 011), no rejection
    "Chile's foreign ministry declined to comment on the report from Peru.",
    "A spokesman for Norway refused to speculate about Iceland's next step.",
    # background counts: acts counted over years, or since a year
    "India and Pakistan have fought three wars since independence in 1947.",
    "Israel has carried out hundreds of air strikes in Syria over the past decade.",
    "North Korea has conducted six nuclear tests since 2006.",
    "Russia has vetoed more than a dozen Security Council resolutions on Syria since 2011.",
    "The rebels have kidnapped dozens of foreigners in the past five years.",
    "Japan has apologised to South Korea more than twenty times since the 1950s.",
    "Turkey has detained tens of thousands of people since the failed coup in 2016.",
    "Over the past two decades, China has built dozens of ports across Africa.",
    "Kenya has hosted refugees from Somalia for decades.",
    "France has intervened militarily in its former African colonies dozens of times since 1960.",
    "The island has been divided since the Turkish invasion in 1974.",
    "The two neighbours have clashed repeatedly over the disputed river since the 1990s.",
    "More than 3,000 people have been killed in the fighting since March.",
    "Greece and Turkey have nearly gone to war three times since 1974.",
    # tolls of protracted conflicts, anniversaries
    "The genocide in Rwanda killed some 800,000 people in 1994.",
    "Syria's civil war has killed more than 300,000 people.",
    "Sunday marks the tenth anniversary of Russia's annexation of Crimea.",
    "Monday is the 30th anniversary of the signing of the Oslo Accords.",
    "This year marks fifty years since the end of the Vietnam War.",
    "The earthquake left more than 50,000 people dead in Turkey and Syria.",
    # membership, geography, size, economy
    "Sweden and Finland are the newest members of NATO.",
    "Bolivia is a landlocked country bordered by Brazil, Peru and Chile.",
    "Germany is China's largest trading partner in Europe.",
    "Mongolia lies between Russia and China.",
    "Qatar hosts the largest American military base in the Middle East.",
    "Turkey has the second largest army in NATO.",
    "Iran holds the world's second largest reserves of natural gas.",
    "Indonesia is the world's largest Muslim-majority country.",
    "Trade between India and Russia reached $65 billion last year.",
    "Inflation in Argentina stood at 140 percent in October.",
    "Germany's economy shrank by 0.3 percent in the third quarter.",
    "Exports from Vietnam to the United States rose by 20 percent last year.",
    "Oil exports make up 90 percent of Nigeria's revenue.",
    "Thousands of Ukrainian refugees now live in Poland.",
    # habits and standing arrangements (a rate or frequency)
    "Egypt receives about $1.3 billion a year in US military aid.",
    "The leaders of the two countries meet every year to discuss trade.",
    "Russian warplanes regularly violate Estonian airspace.",
    "The conference is held every two years in a different African capital.",
    # descriptions of parties and of past acts
    "Serbia, which fought a war with Croatia in the 1990s, now hopes to join the European Union.",
    "Venezuela, whose government was sanctioned by Washington in 2019, is rich in oil.",
    "The militia, blamed for a string of attacks on police stations, controls much of the north.",
    "The treaty, signed by Egypt and Israel in 1979, has survived several regional wars.",
    "Armenia, which lost a war with Azerbaijan in 2020, is seeking new allies.",
    "The embargo, imposed by the United Nations in 1992, was lifted years later.",
    "The city, once occupied by Russian forces, is now a symbol of resistance.",
    "Israel has killed more than 30,000 Palestinians in Gaza since October, according to the health ministry.",
    "Ukraine has received $50 billion in aid from the United States since 2022.",
    "The ceasefire agreed in 2020 has largely held.",
    "The invasion of Iraq in 2003 still shapes views of American power in the region.",
    "The new foreign minister, a former ambassador to France, studied law in Nairobi.",
    "Born in Kandahar in 1960, he served as a commander during the war against the Soviet Union.",
    "She was elected to parliament in 2010 and became defence minister in 2018.",
    "The prime minister, a former general, took part in the 1973 war.",
    # opinions, analysis, polls
    "Analysts say a military confrontation between China and Taiwan is unlikely this year.",
    "Many diplomats believe the sanctions on Iran have done little to change its behaviour.",
    "Experts say relations between Morocco and Algeria are at their lowest point in decades.",
    "Observers doubt that Pakistan will ever hand over the suspects to India.",
    "Many Iranians doubt that the nuclear deal will ever be revived.",
    "Critics argue that the aid to Egypt has done nothing to improve human rights.",
    "In the view of many economists, the embargo on Cuba has hurt ordinary Cubans most.",
    "A poll published on Sunday found that 62 percent of Poles support sending more weapons to Ukraine.",
    "A survey showed that most Japanese oppose sending troops abroad.",
    # acts only asked about, hypothetical commentary, rhetorical questions
    "It remains unclear whether Iran will attend the talks in Geneva.",
    "It is not known whether Russia would retaliate against Finland.",
    "It is still unclear if Hungary will veto the aid package.",
    "Nobody knows whether North Korea will test another missile.",
    "The question is whether Israel will retaliate against Iran.",
    "A war between the two Koreas would be catastrophic for the whole region.",
    "Any attack on Taiwan would draw the United States into the conflict, analysts say.",
    "An invasion of Ukraine would be met with a swift response, according to the editorial.",
    "Will Turkey ever join the European Union?",
    "Can sanctions really stop North Korea from building missiles?",
    "Why would China risk a war over Taiwan?",
    "Would Beijing really invade Taiwan?",
    # agendas, schedules, standing conditions
    "The summit's agenda includes climate change, trade and migration.",
    "The talks are the third round of negotiations this year.",
    "Security at the summit venue in Lima is tight.",
    "Relations between Armenia and Azerbaijan remain tense.",
    "The border between Venezuela and Colombia has been closed for years.",
    "Tensions between the two countries have been high since the coup.",
    "The dispute over the islands dates back to the Second World War.",
    # stances of long standing, and what a party is held to be
    "Human rights groups have long accused the government of torture.",
    "China considers Taiwan a breakaway province.",
    "Russia sees NATO's expansion as a threat to its security.",
    "The group is listed as a terrorist organisation by the United States and the European Union.",
    "The visit is the first by an American president to the country since 1998.",
    "No group has claimed responsibility for the attack.",
    # acts that are the topic of a work, a memory, a fear or a hope
    "The film depicts the Iraqi invasion of Kuwait.",
    "The book examines the causes of the Iran-Iraq war.",
    "Memories of the American occupation of Japan still linger.",
    "Oil prices rose on fears of a Russian attack on Ukraine.",
    "Hopes for peace talks between Israel and Hamas faded.",
    "Talk of a ceasefire between Russia and Ukraine lifted European shares.",
]

#: (sentence, type, actor countries, recipient countries): events that must stay
KEEP = [
    ("Chile accused Peru of smuggling weapons across the border.", "ACCUSE", {"CHL"}, {"PER"}),
    ("Norway rejected Iceland's proposal to share the fishing quota.", "REJECT", {"NOR"}, {"ISL"}),
    ("Ghana declined Togo's request to extradite the two men.", "REJECT", {"GHA"}, {"TGO"}),
    ("Ghana condemned the arrest of two of its journalists by Togo.", "ACCUSE", {"GHA"}, {"TGO"}),
    ("Kenya imposed sanctions on Uganda on Monday.", "SANCTION", {"KEN"}, {"UGA"}),
    ("Brazil will send aid to Bolivia after the floods.", "AID", {"BRA"}, {"BOL"}),
    ("The Philippines protested to China over the seizure of a fishing boat.", "ACCUSE", {"PHL"}, {"CHN"}),
    # a group of several states' people ("the leaders of X and Y") acts for each
    ("The leaders of Chile and Peru agreed to resume talks.", "AGREE", {"CHL", "PER"}, set()),
    # a call or talks in an adjunct: the clause's subject took part
    ("In a phone call with his Turkish counterpart, the Greek prime minister discussed migration.",
     "CONSULT", {"GRC", "TUR"}, set()),
    # vowing revenge is a threat, not a promise
    ("Iran's supreme leader vowed revenge against Israel.", "THREATEN", {"IRN"}, {"ISR"}),
    # a crowd given as a number acts for the state where it marches
    ("Thousands marched in Lima on Sunday to protest against a new mining law.", "PROTEST", {"PER"}, {"PER"}),
    # one dated act is an event, however long ago; a count since a recent day is news
    ("India and Pakistan fought a brief war in May.", "ASSAULT", {"IND"}, {"PAK"}),
    ("Ethiopia and Eritrea signed a peace agreement in 2018.", "AGREE", {"ETH", "ERI"}, set()),
    ("Russian forces have shelled Kharkiv since Monday morning.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("Since Monday, Israeli jets have struck dozens of targets in Lebanon.", "ASSAULT", {"ISR"}, {"LBN"}),
    ("Russia has launched its largest drone attack on Ukraine since 2022.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("North Korea fired three missiles into the sea on Sunday.", "ASSAULT", {"PRK"}, set()),
    ("Russia vetoed a Security Council resolution on Syria on Friday.", "REJECT", {"RUS"},
     {"igo:un-security-council"}),
    ("A day after the vote, Russia expelled two British diplomats.", "SANCTION", {"RUS"}, {"GBR"}),
    ("Pakistan accused India of violating the ceasefire on Monday.", "ACCUSE", {"PAK"}, {"IND"}),
    ("Japan apologised to South Korea for its wartime actions.", "SUPPORT", {"JPN"}, {"KOR"}),
    ("Colombia reopened its border with Venezuela on Monday.", "CONCEDE", {"COL"}, {"VEN"}),
    ("Serbia refused to recognise Kosovo's independence.", "REJECT", {"SRB"}, {"XKX"}),
    ("Morocco recalled its ambassador from Algeria.", "SANCTION", {"MAR"}, {"DZA"}),
    ("Vietnam expelled a Chinese diplomat on Thursday.", "SANCTION", {"VNM"}, {"CHN"}),
    ("China warned Taiwan against any move toward independence.", "THREATEN", {"CHN"}, {"TWN"}),
    ("The United States imposed new sanctions on Venezuela on Tuesday.", "SANCTION", {"USA"}, {"VEN"}),
    ("Poland sent more tanks to Ukraine last week.", "AID", {"POL"}, {"UKR"}),
    ("Germany pledged 500 million euros in aid to Ukraine.", "AID", {"DEU"}, {"UKR"}),
    # a relative clause on the actor is its history; the main clause is the news
    ("Germany, which sent tanks to Ukraine last year, announced new military aid for Kyiv on Monday.",
     "AID", {"DEU"}, {"UKR"}),
    ("Turkey threatened to block Sweden's bid to join NATO.", "THREATEN", {"TUR"}, {"SWE"}),
    # what is only asked about elsewhere is told here
    ("Iran will attend the talks in Geneva next week, its foreign ministry said.", "CONSULT", {"IRN"}, {"CHE"}),
    ("Iran said it will attend the talks in Geneva, ending weeks of doubt.", "CONSULT", {"IRN"}, {"CHE"}),
    ("Egypt and Israel held talks in Cairo on Wednesday.", "CONSULT", {"EGY", "ISR"}, set()),
    ("The foreign ministers of Greece and Turkey met in Athens on Friday.", "CONSULT", {"GRC", "TUR"}, set()),
    ("Sweden and Finland signed a defence pact with the United States.", "AGREE", {"SWE", "FIN", "USA"}, set()),
    ("Serbia and Croatia agreed to reopen the border crossing.", "AGREE", {"SRB", "HRV"}, set()),
    ("The European Union and Japan agreed on a free trade deal.", "AGREE", {"igo:eu", "JPN"}, set()),
    ("Chinese and Russian warships held joint drills in the Sea of Japan.", "COOPERATE", {"CHN", "RUS"}, set()),
    ("Armenian and Azerbaijani troops clashed on the border overnight.", "ASSAULT", {"ARM"}, {"AZE"}),
    ("Russian forces shelled the city of Kharkiv on Tuesday, killing five civilians.", "ASSAULT", {"RUS"}, {"UKR"}),
    # a participle set off by commas is history when dated or "once", not "once again"
    ("Kharkiv, once again shelled by Russian artillery, lost power on Monday.", "ASSAULT", {"RUS"}, set()),
    ("Hamas has fired more than 100 rockets at Israel since Saturday.", "ASSAULT", {"PSE"}, {"ISR"}),
    # a rate on an arrangement another event promises is the arrangement's, not a habit
    ("Chile and Peru agreed to meet every year to discuss trade.", "CONSULT", {"CHL", "PER"}, set()),
    # the act told beside a fear, and a report (unlike a book or film) that accuses
    ("Israel launched an attack on Gaza amid fears of a wider war.", "ASSAULT", {"ISR"}, {"PSE"}),
    ("A UN report accused Myanmar's military of genocide.", "ACCUSE", {"igo:un"}, {"MMR"}),
    ("Russia and Ukraine agreed to a ceasefire on Friday.", "AGREE", {"RUS", "UKR"}, set()),
    # "strikes" made on a place or target, or that kill, are attacks; others stop work
    ("Brazil condemned Israel's strikes on Gaza.", "ASSAULT", {"ISR"}, {"PSE"}),
    ("Russian strikes killed three people in Kharkiv on Tuesday.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("Five people were killed in Russian strikes on Kharkiv.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("French strikes disrupted rail services across the country on Thursday.", "PROTEST", {"FRA"}, {"FRA"}),
    ("Workers in France went on strike against the pension reform.", "PROTEST", {"FRA"}, {"FRA"}),
    ("Brazil condemned the Russian strikes on Ukraine's power grid.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("Teachers in Chile held strikes against the education reform.", "PROTEST", {"CHL"}, {"CHL"}),
]


def _countries(art, ids):
    by_id = {a.id: a.country for a in art.actors}
    return {by_id.get(i) or i for i in ids}


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(text):
    art = extract(text, published="2024-05-01")
    assert not art.events, [(e.type, e.status, e.actors, e.recipients) for e in art.events]


@pytest.mark.parametrize("text, type_, actors, recipients", KEEP)
def test_event_kept(text, type_, actors, recipients):
    art = extract(text, published="2024-05-01")
    found = [(e.type, _countries(art, e.actors), _countries(art, e.recipients)) for e in art.events]
    assert (type_, actors, recipients) in found, found


def test_what_a_dismissed_accusation_says_is_denied():
    # the denial covers the act the accusation reports; no accusation is coded
    art = extract("Ghana rejected Togo's accusation that Ghanaian troops had shelled a village in Togo.",
                  published="2024-05-01")
    assert not [e for e in art.events if e.type == "ACCUSE"]
    assert [e for e in art.events if e.status == "denied" and _countries(art, e.actors) == {"GHA"}], \
        [(e.type, e.status, e.actors) for e in art.events]


def test_a_claimed_attack_the_doers_confirm_is_asserted():
    base = "Ukraine said Russian forces shelled Kharkiv overnight"
    for text, status in ((base + ".", "alleged"), (base + ", and Russia confirmed the strikes.", "asserted")):
        art = extract(text, published="2024-05-01")
        assault = [e for e in art.events if e.type == "ASSAULT"]
        assert assault and assault[0].status == status, (text, [(e.type, e.status) for e in art.events])


def test_a_strike_is_military_or_labour_by_its_context():
    # the same plural noun: no attack without a target or a toll, no stoppage with one
    labour = extract("French strikes disrupted rail services on Thursday.", published="2024-05-01")
    assert [e.type for e in labour.events] == ["PROTEST"], [(e.type, e.actors) for e in labour.events]
    military = extract("French strikes on militant positions in Mali killed ten fighters.", published="2024-05-01")
    assert "ASSAULT" in {e.type for e in military.events}
    assert "PROTEST" not in {e.type for e in military.events}


def _event(type_, actors, recipients=()):
    return Event(type=type_, actors=list(actors), recipients=list(recipients), status="asserted",
                 evidence=Span(start=0, end=10), confidence=0.8)


def test_a_reciprocal_event_told_with_fewer_parties_is_the_same_act():
    # AGREE, CONSULT, COOPERATE: who is actor and who recipient does not matter
    full, part = _event("AGREE", ["CHL"], ["PER"]), _event("AGREE", ["PER"])
    assert _without_subsumed([full, part], frozenset({"AGREE"})) == [full]
    # a directed type keeps both: "X accused Y" does not tell that Y accused anyone
    accuse, by_y = _event("ACCUSE", ["CHL"], ["PER"]), _event("ACCUSE", ["PER"])
    assert _without_subsumed([accuse, by_y], frozenset({"AGREE"})) == [accuse, by_y]
    # nor does a party named as actor alone subsume another's joint act
    joint, other = _event("AGREE", ["CHL", "PER"]), _event("AGREE", ["BOL"])
    assert _without_subsumed([joint, other], frozenset({"AGREE"})) == [joint, other]


@pytest.mark.parametrize("text", [
    "Kenya on Friday accused Uganda of making false accusations by claiming that Kenyan police had crossed the border.",
    "Ghana charged Togo with levelling baseless allegations against its army.",
    "Chile accused Peru of alleging that Chilean boats had fished in Peruvian waters.",
])
def test_charging_the_accusers_with_their_accusation_is_a_denial(text):
    # to accuse Y of making accusations dismisses them (CAMEO 016): neither side's accusation
    # is an event, and what Y alleged is denied, not alleged
    art = extract(text, published="2024-05-01")
    assert not [e for e in art.events if e.type == "ACCUSE" or e.status == "alleged"], \
        [(e.type, e.status, e.actors, e.recipients) for e in art.events]


def test_accusing_of_an_act_still_accuses():
    art = extract("Kenya accused Uganda of shelling its border posts.", published="2024-05-01")
    found = {(e.type, e.status) for e in art.events}
    assert {("ACCUSE", "asserted"), ("ASSAULT", "alleged")} <= found, found


def test_an_event_noun_held_as_a_standing_condition_is_no_event():
    art = extract("The Chilean proposal enjoys wide support from Peru and Bolivia.", published="2024-05-01")
    assert not art.events, [(e.type, e.actors) for e in art.events]


@pytest.mark.parametrize("text, type_, actors, recipients, status", [
    # a warning of reprisals on a condition is a threat made, not a possible one
    ("Iran warned of retaliation if Kuwait hosts the drills.", "THREATEN", {"IRN"}, {"KWT"}, "asserted"),
    ("Iran could warn of retaliation if Kuwait hosts the drills.", "THREATEN", {"IRN"}, {"KWT"}, "hypothetical"),
    # a body suspending a member sanctions it
    ("The African Union suspended Guinea after the coup.", "SANCTION", {"igo:african-union"}, {"GIN"}, "asserted"),
    ("Japan scrambled jets to intercept Russian bombers.", "MOBILIZE", {"JPN"}, {"RUS"}, "asserted"),
    # a sum of money given is aid
    ("Norway gave Malawi $20 million last year.", "AID", {"NOR"}, {"MWI"}, "asserted"),
    # the victims a passive clause names are those an attack hit
    ("Four Malian soldiers were killed in a rebel attack near the border.", "ASSAULT", set(), {"MLI"}, "asserted"),
])
def test_wordings_with_status(text, type_, actors, recipients, status):
    art = extract(text, published="2024-05-01")
    found = [(e.type, _countries(art, e.actors), _countries(art, e.recipients), e.status) for e in art.events]
    assert any(t == type_ and actors <= a and recipients <= r and s == status for t, a, r, s in found), found


def test_fighting_a_drought_is_no_attack():
    art = extract("Kenya deployed engineers to fight the drought in the north.", published="2024-05-01")
    assert not [e for e in art.events if e.type == "ASSAULT"], [(e.type, e.actors) for e in art.events]


def test_he_and_him_are_two_people():
    # "He" carries on the last subject; "him", its object, is someone else: the other party
    art = extract("Chile's president met his Peruvian counterpart in Lima on Monday. "
                  "He urged him to reopen the border.", published="2024-05-01")
    request = [e for e in art.events if e.type == "REQUEST"]
    assert request and _countries(art, request[0].recipients) == {"PER"}, \
        [(e.type, e.actors, e.recipients) for e in art.events]


def test_calling_a_leader_on_a_day_is_a_phone_call():
    art = extract("Kenya's president called Uganda's president on Monday.", published="2024-05-01")
    assert [e.type for e in art.events] == ["CONSULT"], [(e.type, e.actors) for e in art.events]
    art = extract("Egypt called on Israel on Monday to open the crossing.", published="2024-05-01")
    request = [e for e in art.events if e.type == "REQUEST"]
    assert request and request[0].location is None  # "on Israel" names a party, not a place


def test_a_sentence_length_is_no_event_time():
    art = extract("A court in Ghana jailed two activists for ten years.", published="2024-05-01")
    coerce = [e for e in art.events if e.type == "COERCE"]
    assert coerce and coerce[0].time is not None and coerce[0].time.value == "2024-05-01", \
        [(e.type, e.time) for e in art.events]


def test_an_answered_request_or_offer_is_no_event_of_its_own():
    for text in ("Ghana agreed to Togo's demands to reopen the market.",
                 "Chile turned down an offer of mediation from Peru."):
        art = extract(text, published="2024-05-01")
        assert not [e for e in art.events if e.type in ("REQUEST", "AGREE")], \
            [(e.type, e.actors) for e in art.events]


def test_a_fire_or_storm_is_still_nobodys_act():
    art = extract("A fire killed ten people in a market in Lagos.", published="2024-05-01")
    assert not art.events, [(e.type, e.actors) for e in art.events]


#: common wordings of our own, by the rule each one checks: (sentence, type, actor countries,
#: recipient countries); the event must be among the sentence's
WORDINGS = [
    # the doer of an accusation, request, threat or aid named after "from"; whoever faces,
    # draws or comes under it receives it
    ("Ghana faced criticism from Togo over its new visa rules.", "ACCUSE", {"TGO"}, {"GHA"}),
    ("Chile's fishing plan drew condemnation from Peru.", "ACCUSE", {"PER"}, {"CHL"}),
    ("Norway came under criticism from Iceland for its whaling quota.", "ACCUSE", {"ISL"}, {"NOR"}),
    # a joint project is cooperation; a joint offensive against a third party is that act
    ("Chile and Peru launched a joint satellite research programme.", "COOPERATE", {"CHL", "PER"}, set()),
    ("Kenyan and Ugandan troops launched a joint offensive against rebels in Uganda.", "ASSAULT", {"KEN", "UGA"}, {"UGA"}),
    # a pledge to punish is a threat; a junta acts for its state
    ("Ghana's government vowed to punish Togo for the raid.", "THREATEN", {"GHA"}, {"TGO"}),
    ("Sudan's junta turned down an offer of mediation from Kenya.", "REJECT", {"SDN"}, {"KEN"}),
    # warships moving near another's shores show force to it
    ("Russian warships sailed near Norway on Tuesday.", "MOBILIZE", {"RUS"}, {"NOR"}),
    # summoning an envoy is a formal protest to the envoy's state
    ("Ghana summoned Togo's ambassador over the border incident.", "ACCUSE", {"GHA"}, {"TGO"}),
    # claiming an attack owns it; a ship is its owner's or flag's
    ("Rebels in Chad claimed responsibility for an attack on a Libyan-owned convoy.", "ASSAULT", {"TCD"}, {"LBY"}),
    # a state's forces coercing people of no named state: its own people
    ("Peruvian police detained dozens of students.", "COERCE", {"PER"}, {"PER"}),
    # meeting another's demands yields to them (and the demand, made before, is no event)
    ("Ghana agreed to Togo's demands to reopen the market.", "CONCEDE", {"GHA"}, {"TGO"}),
    ("Peru granted Bolivia's request for access to the port.", "CONCEDE", {"PER"}, {"BOL"}),
    # forces leaving a country withdraw from it
    ("The last French soldiers left Mali in August.", "RETREAT", {"FRA"}, {"MLI"}),
    ("Qatar deposited $2 billion in Egypt's central bank.", "AID", {"QAT"}, {"EGY"}),
    # whose weapon a passive harm names, and where fire came from and went
    ("Three farmers were killed in Chilean artillery shelling near the border.", "ASSAULT", {"CHL"}, set()),
    ("Two guards were wounded by Peruvian fire on Tuesday.", "ASSAULT", {"PER"}, set()),
    ("A rocket was fired at Kenya from Somalia on Tuesday.", "ASSAULT", {"SOM"}, {"KEN"}),
    ("Kenya said a mortar round was fired at it from Somalia.", "ASSAULT", {"SOM"}, {"KEN"}),
    # engaging another's forces in a firefight is fighting them
    ("Malian soldiers engaged Nigerien troops in a firefight on the frontier.", "ASSAULT", {"MLI"}, {"NER"}),
    # the place of exercises held by a verb; talks with a partner held in a third state
    ("Chile is conducting military exercises in Bolivia.", "MOBILIZE", {"CHL"}, {"BOL"}),
    ("Peru held talks with Bolivia in Santiago.", "CONSULT", {"PER", "BOL", "CHL"}, set()),
    # assurances are promises: given by whom they come from
    ("Bolivian miners received assurances from the Bolivian government.", "AGREE", {"BOL"}, {"BOL"}),
    ("Chile gave Peru assurances that its navy would stay out of the bay.", "AGREE", {"CHL"}, {"PER"}),
]


@pytest.mark.parametrize("text, type_, actors, recipients", WORDINGS)
def test_common_wordings(text, type_, actors, recipients):
    test_event_kept(text, type_, actors, recipients)


def test_a_present_tense_act_dated_after_the_report_is_expected():
    # published on a Wednesday: Friday is still to come
    art = extract("Chile and Peru hold talks in Lima on Friday.", published="2024-05-01")
    assert [(e.type, e.status) for e in art.events] == [("CONSULT", "expected")]


def test_a_dismissed_report_is_a_denial_of_what_it_says():
    # "reports that it had ...": the rejecter denies its own act; no rejection is coded
    art = extract("Chile rejected reports that it had supplied weapons to Bolivian rebels.", published="2024-05-01")
    assert [(e.type, e.status, _countries(art, e.actors)) for e in art.events] == [("AID", "denied", {"CHL"})]
