#!/usr/bin/env python3
"""Computes the exact task set for a unit/deadline question from tasks.json.

Filters compose (AND); each may repeat. Unit names must be the table's names
(run with --units to list them). Examples:
  python3 sets.py --lead 科技处 --resp 警务保障处
  python3 sets.py --not-either 人事处 --kind date
  python3 sets.py --by 2019-10-31            # date deadlines on or before (cumulative)
  python3 sets.py --due 2019-08-31           # exactly that day
  python3 sets.py --from 2019-09-01 --to 2019-09-30
  python3 sets.py --section 公示 --earliest
"""
import argparse, json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
tasks = json.load(open(os.path.join(here, "tasks.json"), encoding="utf-8"))
units = sorted({u for t in tasks for u in t["lead"] + t["responsible"]})
ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
for f in ["lead", "resp", "either", "both", "not-lead", "not-resp", "not-either", "only-lead", "only-resp", "section", "sub"]:
    ap.add_argument("--" + f, action="append", default=[])
ap.add_argument("--multi-lead", action="store_true", help="more than one lead unit")
ap.add_argument("--kind", choices=["date", "ongoing", "none"], help="deadline kind (ongoing = 长期)")
ap.add_argument("--due"); ap.add_argument("--by"); ap.add_argument("--from", dest="frm"); ap.add_argument("--to")
ap.add_argument("--earliest", action="store_true"); ap.add_argument("--latest", action="store_true")
ap.add_argument("--units", action="store_true", help="list unit names and exit")
a = ap.parse_args()
if a.units:
    print("\n".join(units)); sys.exit(0)
for u in sum([a.lead, a.resp, a.either, a.both, getattr(a, "not_lead"), a.not_resp, a.not_either, a.only_lead, a.only_resp], []):
    if u not in units:
        sys.exit(f"unknown unit {u!r}; known: {', '.join(units)}")
def ok(t):
    L, R = t["lead"], t["responsible"]; d = t["deadline"]; date = d.get("date") or ""
    if any(u not in L for u in a.lead): return False
    if any(u not in R for u in a.resp): return False
    if any(u not in L + R for u in a.either): return False
    if any(not (u in L and u in R) for u in a.both): return False
    if any(u in L for u in a.not_lead): return False
    if any(u in R for u in a.not_resp): return False
    if any(u in L + R for u in a.not_either): return False
    if any(L != [u] for u in a.only_lead): return False
    if any(R != [u] for u in a.only_resp): return False
    if a.multi_lead and len(L) < 2: return False
    if any(s not in t["section"] for s in a.section): return False
    if any(s not in t["subsection"] for s in a.sub): return False
    if a.kind and d["kind"] != a.kind: return False
    if (a.due or a.by or a.frm or a.to) and d["kind"] != "date": return False
    if a.due and date != a.due: return False
    if a.by and date > a.by: return False
    if a.frm and date < a.frm: return False
    if a.to and date > a.to: return False
    return True
sel = [t for t in tasks if ok(t)]
if a.earliest or a.latest:
    dated = [t for t in sel if t["deadline"]["kind"] == "date"]
    if dated:
        pick = min if a.earliest else max
        v = pick(t["deadline"]["date"] for t in dated)
        sel = [t for t in dated if t["deadline"]["date"] == v]
    else:
        sel = []
for t in sel:
    print(f'  {t["number"]:>2} {t["deadline"]["text"] or "(无)":<14} 牵头 {"、".join(t["lead"])} | 责任 {"、".join(t["responsible"])}', file=sys.stderr)
print(json.dumps([t["number"] for t in sel]), f"# {len(sel)} tasks")
