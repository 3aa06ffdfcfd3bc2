"""Build the second held-out stories corpus (articles.jsonl, gold.json) from the annotated text below.

    python benchmarks/stories_heldout2/build.py

Written after the fixes that benchmarks/stories_heldout led to, and not used to tune anything:
it measures whether they carry over. Same annotation scheme as ../stories_heldout/build.py
(whose :func:`write` computes offsets and histories); the articles, outlets and incidents are
invented.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "stories_heldout"))
from build import write  # noqa: E402

A: list = []


def art(ident, published, publisher, title, sents, mentions=(), dup=None):
    A.append((ident, published, publisher, title, sents, dup, list(mentions)))


# --- g1: Peru-Ecuador river dredging -------------------------------------------------------------
art("g1-01-pacificsentinel-dredging", "2025-09-08", "Pacific Sentinel",
    "Peru accuses Ecuador of dredging border river", [
        "LIMA - Peru on Monday accused Ecuador of dredging a stretch of the Zarumilla river that marks their shared border without permission.",
        "Peruvian officials said Ecuadorian contractors had moved the riverbed several metres south over the summer.",
        "The foreign ministry in Lima said the work could shift the border and flood farms on the Peruvian bank.",
        "Farmers in Aguas Verdes said the water level had dropped sharply in August.",
        "The two countries signed a treaty on the management of the river in 1998.",
        "Peru's foreign minister will travel to Quito on September 18 to raise the issue, a spokeswoman said.",
        "Ecuador's embassy in Lima declined to comment.",
        "Trade between the neighbours has grown steadily since a peace accord ended their last border war.",
    ], [
        (0, "G1", "ACCUSE", ["PER"], ["ECU"], "asserted", "2025-09-08", None),
        (4, "G2", "AGREE", ["PER", "ECU"], [], "asserted", "1998", None),
        (5, "G3", "CONSULT", ["PER", "ECU"], [], "expected", "2025-09-18", None),
    ])
art("g1-02-andesdaily-denial", "2025-09-10", "Andes Daily",
    "Ecuador denies moving Zarumilla riverbed", [
        "QUITO - Ecuador on Tuesday denied that it had dredged the Zarumilla river, saying its contractors had only cleared rubbish left by floods.",
        "The Ecuadorian public works ministry published photographs of the site and invited Peruvian engineers to inspect it.",
        "Ecuador said it was ready to receive the Peruvian foreign minister next week.",
        "Local officials in Huaquillas said the clearing had been requested by residents after heavy rains in March.",
        "Engineers say the river has changed its course several times in the past century.",
        "Both governments have avoided harsh language, and diplomats expect the dispute to be settled quietly.",
        "A joint commission set up under the 1998 treaty has not met for three years.",
    ], [
        (2, "G3", "CONSULT", ["ECU", "PER"], [], "expected", "2025-W38", None),
    ])
art("g1-03-pacificsentinel-quito-talks", "2025-09-19", "Pacific Sentinel",
    "Peru and Ecuador agree to revive river commission", [
        "QUITO - The foreign ministers of Peru and Ecuador met in Quito on Thursday and agreed to revive the joint commission that manages the Zarumilla river.",
        "The commission will meet in Tumbes in October to review the dredging work, the ministers said in a joint statement.",
        "The Peruvian minister said she had raised the concerns of farmers on the southern bank.",
        "Ecuador again said its contractors had only removed rubbish from the river.",
        "Engineers from both countries will take water measurements in the coming weeks.",
        "The meeting lasted about three hours and ended with a lunch hosted by the Ecuadorian minister.",
        "Farmers' groups in Tumbes welcomed the news but said they wanted compensation for lost crops.",
    ], [
        (0, "G3", "CONSULT", ["PER", "ECU"], [], "asserted", "2025-09-18", None),
        (0, "G5", "AGREE", ["PER", "ECU"], [], "asserted", "2025-09-18", None),
        (1, "G6", "CONSULT", ["PER", "ECU"], [], "expected", "2025-10", None),
    ])
art("g1-04-southernwire-quito-talks-repub", "2025-09-19", "Southern Wire",
    "River commission to be revived after Quito meeting", [
        "QUITO - The foreign ministers of Peru and Ecuador met in Quito on Thursday and agreed to revive the joint commission that manages the Zarumilla river.",
        "The commission will meet in Tumbes in October to review the dredging work, the ministers said in a joint statement.",
        "The Peruvian minister said she had raised the concerns of farmers on the southern bank.",
        "Ecuador again said its contractors had only removed rubbish from the river.",
        "Engineers from both countries will take water measurements in the coming weeks.",
        "Farmers' groups in Tumbes welcomed the news but said they wanted compensation for lost crops.",
        "This story was distributed by a partner agency.",
    ], [], dup="g1-03-pacificsentinel-quito-talks")
art("g1-05-andesdaily-tumbes", "2025-10-15", "Andes Daily",
    "River commission meets in Tumbes", [
        "TUMBES - Officials from Peru and Ecuador met in Tumbes on Tuesday for the first session of their revived river commission.",
        "The commission agreed that engineers from both sides would jointly supervise any future work on the riverbed.",
        "Peru did not repeat its accusation that Ecuador had moved the river, according to people at the meeting.",
        "Water measurements taken in September showed only small changes to the channel, an engineer said.",
        "The commission will meet again in February in the Ecuadorian town of Huaquillas.",
        "Farmers on both banks are due to receive new flood barriers before the rainy season.",
        "The session took place a month after the two foreign ministers met in Quito.",
    ], [
        (0, "G6", "CONSULT", ["PER", "ECU"], [], "asserted", "2025-10-14", None),
        (1, "G7", "AGREE", ["PER", "ECU"], [], "asserted", "2025-10-14", None),
        (4, "G8", "CONSULT", ["PER", "ECU"], [], "expected", "2026-02", None),
        (6, "G3", "CONSULT", ["PER", "ECU"], [], "asserted", None, None),
    ])

# --- g2: Thailand-Cambodia detained soldiers --------------------------------------------------------
art("g2-01-mekongtribune-detained", "2025-09-22", "Mekong Tribune",
    "Cambodia detains three Thai soldiers near border temple", [
        "PHNOM PENH - Cambodia detained three Thai soldiers on Sunday after they crossed into Cambodian territory near a disputed temple, the Cambodian army said.",
        "Thailand demanded on Monday that Cambodia release the soldiers immediately, saying they had been on a routine patrol on the Thai side.",
        "The Thai army said the men had lost their way in thick forest.",
        "Villagers near the temple said they had heard no shooting.",
        "The area around the temple has seen several armed standoffs since a court ruling on the border more than a decade ago.",
        "Cambodian officials said the soldiers were being treated well and had been allowed to call their families.",
        "Tourism operators said visits to the temple had been suspended for the week.",
    ], [
        (0, "G9", "COERCE", ["KHM"], ["THA"], "asserted", "2025-09-21", None),
        (1, "G10", "REQUEST", ["THA"], ["KHM"], "asserted", "2025-09-22", None),
    ])
art("g2-02-siamherald-release-planned", "2025-09-25", "Siam Herald",
    "Cambodia to free Thai soldiers next week", [
        "BANGKOK - Cambodia will release the three Thai soldiers it detained near a disputed temple next week, the Thai foreign ministry said on Thursday.",
        "The announcement followed a telephone call between the foreign ministers of the two countries on Wednesday.",
        "Thailand had accused Cambodia of holding the men on Thai soil, which Phnom Penh denies.",
        "Army commanders from both sides will meet at the border on October 3 to discuss patrol routes.",
        "Families of the soldiers said they were relieved but would wait until the men were home.",
        "Opposition lawmakers in Bangkok criticised the government for not acting sooner.",
        "The temple area remains closed to visitors.",
    ], [
        (0, "G11", "RETREAT", ["KHM"], ["THA"], "expected", "2025-W40", None),
        (1, "G12", "CONSULT", ["THA", "KHM"], [], "asserted", "2025-09-24", None),
        (2, "G13", "ACCUSE", ["THA"], ["KHM"], "asserted", None, None),
        (3, "G14", "CONSULT", ["THA", "KHM"], [], "expected", "2025-10-03", None),
    ])
art("g2-03-mekongtribune-freed", "2025-10-04", "Mekong Tribune",
    "Thai soldiers freed as army commanders meet", [
        "POIPET - Cambodia freed three Thai soldiers on Friday, handing them over to Thai officers at a border checkpoint.",
        "The handover came shortly before army commanders from the two countries met at the same checkpoint to discuss patrol routes.",
        "The commanders agreed to mark patrol routes more clearly and to share maps of the area around the temple.",
        "The soldiers were taken to a military hospital for checks, a Thai army spokesman said.",
        "Cambodian officials said the men had been detained for their own safety.",
        "The temple area is expected to reopen to tourists later this month.",
        "Both governments praised the other's restraint in brief statements.",
    ], [
        (0, "G11", "RETREAT", ["KHM"], ["THA"], "asserted", "2025-10-03", None),
        (1, "G14", "CONSULT", ["THA", "KHM"], [], "asserted", "2025-10-03", None),
        (2, "G15", "AGREE", ["THA", "KHM"], [], "asserted", "2025-10-03", None),
    ])

FINAL_TIME = {"G1": "2025-09-08", "G2": "1998", "G3": "2025-09-18", "G5": "2025-09-18",
              "G6": "2025-10-14", "G7": "2025-10-14", "G8": "2026-02", "G9": "2025-09-21",
              "G10": "2025-09-22", "G11": "2025-10-03", "G12": "2025-09-24", "G13": None,
              "G14": "2025-10-03", "G15": "2025-10-03"}

if __name__ == "__main__":
    write(HERE, A, FINAL_TIME,
          "Gold for benchmarks/stories.py (second held-out corpus, written after the fixes the first "
          "one led to and used for measurement only): every event mention of articles.jsonl (evidence = "
          "the sentence), its story event, each story event's final status, time and status history, and "
          "which articles republish another. Built by build.py; the articles are invented.")
