#!/usr/bin/env python3
"""Development aid: side by side, the deliberations registre extracts from a
dev-corpus document and the gold ones (../shared/corpus/dev). Usage:
    scripts/gold_diff.py DOC_NAME_PREFIX [--bin target/release/registre]"""
import json, subprocess, sys, glob, os
bin_ = sys.argv[sys.argv.index("--bin") + 1] if "--bin" in sys.argv else "target/release/registre"
root = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "dev")
for gpath in sorted(glob.glob(os.path.join(root, "gold", sys.argv[1] + "*.json"))):
    g = json.load(open(gpath))
    out = subprocess.run([bin_, "extract", os.path.join(root, "docs", g["file"])], capture_output=True).stdout.decode()
    recs = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    print("==", g["file"], "records:", len(recs))
    def vs(v):
        return f"u={int(bool(v.get('unanimous')))} f={v.get('for')} a={v.get('against')} ab={v.get('abstain')} nv={v.get('not_voting')}"
    for r in recs:
        a = r.get("act") or {}
        print(f"  P {a.get('kind','')[:5]:5} {str(a.get('number')):14} L{a.get('line')} {vs(r.get('vote') or {})} | {(a.get('title') or '')[:60]}")
    for d in g["deliberations"]:
        print(f"  G       {str(d.get('number')):14} {vs(d['vote'])}")
