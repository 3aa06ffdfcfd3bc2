"""Benchmark the quotes stage: PolNeAR attributions and the seed article's gold quotes.

Usage::

    python benchmarks/quotes.py [DATA] [--limit N] [--cache FILE] [--cognition]
                                [--errors N] [--half even|odd] [--kind K] [--json]

``DATA`` is ``polnear_train.jsonl`` or a data folder holding ``quotes/polnear_train.jsonl``
(and ``seed/``); the default is ``../shared/data`` from the project root.  When the data is
absent the script says so and exits 0 (the data lives beside the project, never inside it).
The issue asks for the PolNeAR dev set; the shared data holds the *train* part (840
documents), which is what this script measures.  ``--cache FILE`` keeps the spaCy parses in
a DocBin so that later runs skip parsing.

Each document runs through the project's layout, spaCy parse, actors stage and
:func:`newsevents.quotes.find_attributions`.  Gold: every PolNeAR attribution with a content
(a content may be several discontinuous spans, taken as one set of characters; white space
is not counted).  Rules:

* **matching**: one-to-one and greedy per document, the candidate pairs taken in order of
  content Dice (over characters) from best to worst; a pair is eligible when it passes the
  variant's test:

  - ``exact``: the same span once white space and edge punctuation are folded;
  - ``dice50``: Dice >= 0.5 (the headline figure);
  - ``cover30``: the prediction covers at least 30% of the gold content's characters;

* **content** P/R/F1 counts the matched pairs; **attribution** counts the matched pairs
  whose speakers overlap (or that both have no speaker);
* **per kind** (direct, indirect, mixed; gold ``type`` comes from the quotation marks):
  recall over gold of the kind, precision over predictions of the kind;
* **speaker span** of matched direct quotes: the predicted speaker span overlaps the gold
  one (or both have none);
* **speaker to actor**, over matched attributions whose gold speaker is a name (not a
  pronoun, some capitalised word): the predicted speaker resolves to an actor that has a
  mention overlapping the gold speaker span;
* **speech cues only**: PolNeAR also labels beliefs, expectations and evaluations ("X
  thinks", "is expected", "wants").  A gold attribution is a *speech* attribution when its
  cue holds a verb of one of the speech lists of ``data/speech_verbs.toml`` (speech,
  description, dispute, object and prepositional speech acts, by the parse's lemma; not the
  cognition list), a statement noun of it, "according to"/"per", or is only punctuation (a
  colon introducing a quotation).  Matching is done against all gold; for the speech-only figures
  the other gold attributions are left out, and a prediction matched to one of them counts
  neither as right nor as wrong;
* **halves**: even- and odd-indexed documents, besides the whole set.

A quotation that continues the previous one in the same voice ('"A," X said. "B"') is a
separate quote for the project but one attribution with two spans for PolNeAR: the benchmark
joins them before scoring.

The seed article is scored with :func:`newsevents.evaluate.score_quotes` (content overlap
>= 50% of the gold and the right speaker actor; optional gold neither counts).

Reference figures on PolNeAR (issue 5): a regex baseline 0.36 content F1 / 0.16 attribution
F1; dependency rules in the style of the Gender Gap Tracker 0.54 / 0.43.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
EDGE = " \t\n,.;:\"“”'’‘—–-"
VARIANTS = ("exact", "dice50", "cover30")
KINDS = ("direct", "indirect", "mixed")


# -- data -----------------------------------------------------------------------------------

def dataset(path: Path) -> Path | None:
    if path.is_dir():
        path = path / "quotes" / "polnear_train.jsonl"
    return path if path.is_file() else None


def seed_folder(arg: Path) -> Path | None:
    """The data folder holding ``seed/`` (DATA itself or two levels above a PolNeAR file)."""
    for cand in (arg, arg.parent.parent):
        if (cand / "seed" / "seed_article.gold.json").is_file():
            return cand
    return None


def parsed_docs(nlp: Any, texts: list[str], cache: Path | None) -> Iterator[Any]:
    """spaCy parses of ``texts``, read from / written to a DocBin when ``cache`` is given."""
    from spacy.tokens import DocBin

    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            yield from docs
            return
    docs = []
    for doc in nlp.pipe(texts, batch_size=16):
        docs.append(doc)
        yield doc
    if cache is not None:
        DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS",
                      "SENT_START"], docs=docs).to_disk(cache)


# -- matching -------------------------------------------------------------------------------

def char_set(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in spans for i in range(s, min(e, len(text))) if not text[i].isspace())


def fold(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return s, e


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def eligible(variant: str, text: str, g: dict, p: dict) -> bool:
    gs, ps = g["chars"], p["chars"]
    if variant == "exact":
        return len(g["spans"]) == 1 and len(p["spans"]) == 1 \
            and fold(text, *g["spans"][0]) == fold(text, *p["spans"][0])
    if variant == "dice50":
        return dice(gs, ps) >= 0.5
    return bool(gs) and len(gs & ps) >= 0.3 * len(gs)


def match(variant: str, text: str, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by content Dice, over the pairs the variant admits."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["chars"] & p["chars"] and eligible(variant, text, g, p):
                pairs.append((dice(g["chars"], p["chars"]), -gi, -pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, ngi, npi in pairs:
        gi, pi = -ngi, -npi
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def speakers_agree(g: dict, p: dict) -> bool:
    gsp, psp = g["speaker"], p["speaker"]
    if not gsp or psp is None:
        return not gsp and psp is None
    return any(s < psp[1] and psp[0] < e for s, e in gsp)


# -- gold and predictions -------------------------------------------------------------------

def gold_items(text: str, row: dict, doc: Any, lex: Any) -> list[dict]:
    out = []
    for q in row["quotes"]:
        spans = [tuple(x) for x in q.get("content_spans") or []]
        chars = char_set(text, spans)
        if not chars:
            continue
        speaker = [tuple(x) for x in q.get("speaker_spans") or []] if q.get("has_source", True) else []
        stext = " ".join(text[s:e] for s, e in speaker)
        named = bool(speaker) and not q.get("speaker_is_pronoun") and any(w[:1].isupper() for w in stext.split())
        out.append({"spans": spans, "chars": chars, "kind": q.get("type") or "indirect",
                    "speaker": speaker, "named": named, "cue": q.get("cue") or "",
                    "speech": speech_cue(text, q, doc, lex), "text": q.get("content_text", "")})
    return out


def speech_cue(text: str, q: dict, doc: Any, lex: Any) -> bool:
    """The gold cue is one of speech (see the module docstring)."""
    spans = [tuple(x) for x in q.get("cue_spans") or []]
    cue = " ".join(text[s:e] for s, e in spans).lower()
    if not any(ch.isalnum() for ch in cue):
        return True
    if "according to" in cue or cue.split()[:1] == ["per"]:
        return True
    verbs = lex.speech | lex.as_object | lex.dispute | lex.object_content | lex.prep_verbs
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        for t in span or []:
            if t.lemma_.lower() in verbs or t.lemma_.lower() in lex.statement_nouns \
                    or t.lower_ in lex.statement_nouns:
                return True
    return False


def pred_items(text: str, atts: list[Any], mentions: list[Any]) -> list[dict]:
    out: list[dict] = []
    for t in atts:
        spk = (t.speaker.start, t.speaker.end) if t.speaker is not None else None
        actor = t.speaker.actor if t.speaker is not None else None
        if t.source == "continued" and out and out[-1]["speaker"] == spk:  # one PolNeAR attribution
            out[-1]["spans"].append((t.start, t.end))
            out[-1]["chars"] = char_set(text, out[-1]["spans"])
            continue
        actor_spans = [(m.start, m.end) for m in mentions if actor and m.actor_id == actor]
        out.append({"spans": [(t.start, t.end)], "chars": char_set(text, [(t.start, t.end)]),
                    "kind": t.kind, "speaker": spk, "actor": actor, "actor_spans": actor_spans})
    return out


# -- counting -------------------------------------------------------------------------------

class Tally:
    """Counts for one slice of documents (whole set or a half)."""

    def __init__(self) -> None:
        self.c: dict[str, int] = defaultdict(int)

    def add_doc(self, text: str, gold: list[dict], pred: list[dict]) -> dict[str, list[tuple[int, int]]]:
        c = self.c
        matches = {v: match(v, text, gold, pred) for v in VARIANTS}
        for scope in ("all", "speech"):
            keep = [g["speech"] or scope == "all" for g in gold]
            c[f"{scope}/gold"] += sum(keep)
            for g, k in zip(gold, keep):
                if k:
                    c[f"{scope}/gold/{g['kind']}"] += 1
            for v, pairs in matches.items():
                neutral = {pi for gi, pi in pairs if not keep[gi]}
                c[f"{scope}/{v}/pred"] += len(pred) - len(neutral)
                for pi, p in enumerate(pred):
                    if pi not in neutral:
                        c[f"{scope}/{v}/pred/{p['kind']}"] += 1
                for gi, pi in pairs:
                    if not keep[gi]:
                        continue
                    ok = speakers_agree(gold[gi], pred[pi])
                    c[f"{scope}/{v}/tp"] += 1
                    c[f"{scope}/{v}/att"] += ok
                    c[f"{scope}/{v}/tp_gold/{gold[gi]['kind']}"] += 1
                    c[f"{scope}/{v}/tp_pred/{pred[pi]['kind']}"] += 1
                    c[f"{scope}/{v}/att_gold/{gold[gi]['kind']}"] += ok
                    c[f"{scope}/{v}/att_pred/{pred[pi]['kind']}"] += ok
                    if v == "dice50":
                        if gold[gi]["kind"] == "direct":
                            c[f"{scope}/direct_matched"] += 1
                            c[f"{scope}/direct_speaker_ok"] += ok
                        if ok and gold[gi]["named"]:
                            c[f"{scope}/named"] += 1
                            c[f"{scope}/named_ok"] += any(
                                s < e2 and s2 < e for s, e in pred[pi]["actor_spans"]
                                for s2, e2 in gold[gi]["speaker"])
        return matches

    def report(self, scope: str) -> dict[str, Any]:
        c = self.c
        out: dict[str, Any] = {"gold": c[f"{scope}/gold"]}
        for v in VARIANTS:
            out[v] = {
                "content": prf(c[f"{scope}/{v}/tp"], c[f"{scope}/{v}/pred"], c[f"{scope}/gold"]),
                "attribution": prf(c[f"{scope}/{v}/att"], c[f"{scope}/{v}/pred"], c[f"{scope}/gold"]),
                "kinds": {k: {
                    "content": prf2(c[f"{scope}/{v}/tp_pred/{k}"], c[f"{scope}/{v}/pred/{k}"],
                                    c[f"{scope}/{v}/tp_gold/{k}"], c[f"{scope}/gold/{k}"]),
                    "attribution": prf2(c[f"{scope}/{v}/att_pred/{k}"], c[f"{scope}/{v}/pred/{k}"],
                                        c[f"{scope}/{v}/att_gold/{k}"], c[f"{scope}/gold/{k}"]),
                } for k in KINDS},
            }
        out["direct_speaker_span"] = ratio(c[f"{scope}/direct_speaker_ok"], c[f"{scope}/direct_matched"])
        out["speaker_to_actor"] = ratio(c[f"{scope}/named_ok"], c[f"{scope}/named"])
        return out


def ratio(a: int, b: int) -> dict[str, Any]:
    return {"value": round(a / b, 3) if b else 0.0, "of": b}


def prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    return prf2(tp, npred, tp, ngold)


def prf2(tp_p: int, npred: int, tp_g: int, ngold: int) -> dict[str, float]:
    p = tp_p / npred if npred else 0.0
    r = tp_g / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def print_report(name: str, rep: dict[str, Any]) -> None:
    print(f"  {name}: {rep['gold']} gold")
    for v in VARIANTS:
        ct, at = rep[v]["content"], rep[v]["attribution"]
        print(f"    {v:8s} content P {ct['p']:.3f} R {ct['r']:.3f} F1 {ct['f1']:.3f}   "
              f"attribution P {at['p']:.3f} R {at['r']:.3f} F1 {at['f1']:.3f}")
    for k in KINDS:
        ct, at = rep["dice50"]["kinds"][k]["content"], rep["dice50"]["kinds"][k]["attribution"]
        print(f"    dice50 {k:8s} content P {ct['p']:.3f} R {ct['r']:.3f} F1 {ct['f1']:.3f}   "
              f"attribution P {at['p']:.3f} R {at['r']:.3f} F1 {at['f1']:.3f}")
    d, s = rep["direct_speaker_span"], rep["speaker_to_actor"]
    print(f"    speaker span right, matched direct quotes {d['value']:.3f} (of {d['of']}); "
          f"speaker to actor, named gold speakers {s['value']:.3f} (of {s['of']})")


# -- runs -----------------------------------------------------------------------------------

def run_polnear(path: Path, args: argparse.Namespace) -> dict[str, Any]:
    from newsevents import actors as actors_stage
    from newsevents import nlp as nlp_mod
    from newsevents.analysis import Analysis
    from newsevents.quote_cues import lexicon
    from newsevents.quotes import find_attributions

    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    nlp = nlp_mod.load(args.model)
    lex = lexicon()
    tallies = {"all": Tally(), "even": Tally(), "odd": Tally()}
    errors: list[str] = []
    t0 = time.time()
    cache = Path(args.cache) if args.cache else None
    # the parses first: the generator must run to its end to write the cache
    for idx, (doc, row) in enumerate(zip(parsed_docs(nlp, [r["text"] for r in rows], cache), rows)):
        text = row["text"]
        meta = row.get("meta", {})
        try:
            published = dt.date.fromisoformat(meta.get("date", ""))
        except ValueError:
            published = None
        a = Analysis.begin(doc, published=published)
        a.actors, a.mentions = actors_stage.find_actors(a)
        pred = pred_items(text, find_attributions(a, cognition=args.cognition), a.mentions)
        gold = gold_items(text, row, doc, lex)
        half = "even" if idx % 2 == 0 else "odd"
        tallies["all"].add_doc(text, gold, pred)
        matches = tallies[half].add_doc(text, gold, pred)
        if args.errors and len(errors) < args.errors and (args.half in (None, half)):
            errors.extend(doc_errors(idx, text, gold, pred, matches["dice50"], args.kind))
    secs = time.time() - t0
    result = {"file": path.name, "documents": len(rows), "seconds": round(secs, 1)}
    for slice_name, t in tallies.items():
        result[slice_name] = {scope: t.report(scope) for scope in ("all", "speech")}
    result["errors"] = errors[: args.errors]
    return result


def doc_errors(idx: int, text: str, gold: list[dict], pred: list[dict], pairs: list[tuple[int, int]],
               kind: str | None) -> list[str]:
    out = []
    mg = {gi: pi for gi, pi in pairs}
    mp = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if kind and g["kind"] != kind or not g["speech"]:
            continue
        sp = " ".join(text[s:e] for s, e in g["speaker"])
        if gi not in mg:
            out.append(f"doc {idx} MISS {g['kind']} [{g['cue']}|{sp}] {g['text'][:140]!r}")
        elif not speakers_agree(g, pred[mg[gi]]):
            p = pred[mg[gi]]
            psp = text[p["speaker"][0]:p["speaker"][1]] if p["speaker"] else None
            out.append(f"doc {idx} SPEAKER {g['kind']} gold={sp!r} pred={psp!r} {g['text'][:80]!r}")
    for pi, p in enumerate(pred):
        if pi in mp or kind and p["kind"] != kind:
            continue
        s, e = p["spans"][0]
        psp = text[p["speaker"][0]:p["speaker"][1]] if p["speaker"] else None
        out.append(f"doc {idx} SPURIOUS {p['kind']} [{psp}] {text[s:e][:140]!r}")
    return out


def run_seed(folder: Path, model: str | None) -> dict[str, Any]:
    from newsevents.evaluate import score_quotes
    from newsevents.pipeline import Extractor

    text = (folder / "seed" / "seed_article.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "seed" / "seed_article.gold.json").read_text(encoding="utf-8"))
    rec = Extractor(model).extract(text, id=gold["id"], published=gold["published"], publisher=gold["publisher"])
    details: list[str] = []
    row = score_quotes(rec, gold, details)
    row["details"] = details
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("--cache", help="DocBin file holding the spaCy parses (written when absent)")
    ap.add_argument("--model", help="spaCy pipeline (default: the project's)")
    ap.add_argument("--cognition", action="store_true", help="also use belief verbs as cues")
    ap.add_argument("--errors", type=int, default=0, help="print N errors (misses, wrong speakers, spurious)")
    ap.add_argument("--half", choices=["even", "odd"], help="take the errors from this half only")
    ap.add_argument("--kind", choices=list(KINDS), help="take the errors of this kind only")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    arg = Path(args.data)
    path = dataset(arg)
    seed = seed_folder(arg)
    if path is None and seed is None:
        print(f"quote data not found under {args.data}; skipping (nothing measured)")
        return 0
    result: dict[str, Any] = {}
    if path is not None:
        result["polnear"] = run_polnear(path, args)
        if not args.json:
            print_all(result)
    if seed is not None:
        result["seed"] = run_seed(seed, args.model)
        if not args.json:
            print_all({"seed": result["seed"]})
    if args.json:
        print(json.dumps(result, indent=1))
    return 0


def print_all(result: dict[str, Any]) -> None:
    if "polnear" in result:
        r = result["polnear"]
        print(f"PolNeAR {r['file']} (the train part; the issue's dev set is not in the shared data): "
              f"{r['documents']} documents ({r['seconds']}s)")
        for slice_name in ("all", "even", "odd"):
            for scope in ("all", "speech"):
                print_report(f"{slice_name} documents, {scope} attributions", r[slice_name][scope])
        for e in r["errors"]:
            print("  ", e)
    if "seed" in result:
        s = result["seed"]
        print(f"seed article quotes: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
              f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
        for d in s["details"]:
            print("   ", d)


if __name__ == "__main__":
    sys.exit(main())
