"""Each stage's CPU cost for two versions of the package, measured side by side in one process.

    python benchmarks/stage_ab.py --base /tmp/old_src [--articles 60] [--passes 30]

``stage_costs.py`` runs one version per process; on a shared machine its figures move by more
than a change of a few per cent does.  Here the installed package (or the one on
``PYTHONPATH``) and the package in ``--base`` (a ``src`` folder holding ``newsevents/``, e.g.
a copy taken before a change) are imported side by side (the base one under another name),
the texts are parsed once, and passes of every stage over the same parsed documents alternate
between the two versions (``--passes``, interleaved, so both meet the same load).  Each
stage's least and median CPU time over the passes is printed as a fraction of the parse; the
least is the steadiest figure on a busy machine.  The stages are timed as in
``stage_costs.py`` (by its own function); both versions read the texts' knowledge base and lexicons once before the
first pass, so later passes run with warm caches (lower figures than ``stage_costs.py``'s).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stage_costs  # noqa: E402
from stage_costs import STAGES, texts  # noqa: E402

BASE_NAME = "newsevents_base"


def _load(package: str) -> dict:
    """The modules ``stage_costs.one_pass`` imports, of ``package``."""
    pkg = importlib.import_module(package)
    mods = {f"newsevents.{n}": importlib.import_module(f"{package}.{n}")
            for n in ("actors", "events", "quotes", "times", "analysis", "pipeline")}
    return {"newsevents": pkg, **mods}


@contextlib.contextmanager
def _as_newsevents(modules: dict):
    """``modules`` stand for ``newsevents`` while ``stage_costs.one_pass`` imports it (its
    timing is the one measured, for either version)."""
    saved = {name: sys.modules.get(name) for name in modules}
    sys.modules.update(modules)
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def one_pass(modules: dict, rows: list[dict], docs: list) -> dict[str, float]:
    with _as_newsevents(modules):
        return stage_costs.one_pass(rows, docs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", required=True, help="a src folder holding the other newsevents/")
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--passes", type=int, default=30)
    ap.add_argument("--source", choices=["synthetic", "repeated"], default="synthetic")
    args = ap.parse_args()
    base = Path(args.base) / "newsevents"
    if not (base / "__init__.py").is_file():
        print(f"no package at {base}: nothing to compare")
        return 0

    from throughput import use_example_kb

    use_example_kb()
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(base, Path(tmp) / BASE_NAME, ignore=shutil.ignore_patterns("__pycache__"))
        sys.path.insert(0, tmp)
        versions = {"base": _load(BASE_NAME), "this": _load("newsevents")}
        rows = texts(args.source, args.articles)
        warm = "Warm-up: Russia and Iran met in Moscow on Monday, officials said."
        for m in versions.values():
            m["newsevents.pipeline"].get_extractor().extract(warm)
        nlp = versions["this"]["newsevents.pipeline"].get_extractor().nlp
        t = time.process_time()
        docs = list(nlp.pipe([r["text"] for r in rows], batch_size=32))
        parse = time.process_time() - t
        passes: dict[str, list[dict[str, float]]] = {"base": [], "this": []}
        for n in range(args.passes):
            order = ("base", "this") if n % 2 == 0 else ("this", "base")
            for name in order:
                passes[name].append(one_pass(versions[name], rows, docs))
    print(f"{len(rows)} articles, parse {parse:.2f} CPU-s; {args.passes} interleaved passes; × parse")
    for how, pick in (("least", min), ("median", statistics.median)):
        for name in ("base", "this"):
            cost = {k: pick(p[k] for p in passes[name]) / parse for k in STAGES}
            print(f"  {how:6s} {name:4s} " + "  ".join(f"{k} {v:.4f}" for k, v in cost.items())
                  + f"  all {sum(cost.values()):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
