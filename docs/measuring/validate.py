#!/usr/bin/env python3
"""Checks a round's questions.jsonl: fields, kinds, contains strings, mix, copied wording.
    python3 validate.py roundN/questions.jsonl
"""
import json, os, re, sys
from collections import Counter
here = os.path.dirname(os.path.abspath(__file__))
tasks = {t["number"]: t for t in json.load(open(os.path.join(here, "tasks.json"), encoding="utf-8"))}
notice = None
units = {u for t in tasks.values() for u in t["lead"] + t["responsible"]}
want = {"fact": 35, "who": 15, "unit": 14, "deadline": 14, "notice": 12, "combined": 8, "relative": 8, "english": 8, "none": 6}
def norm(s): return re.sub(r"\s+", "", s).replace("〔", "[").replace("〕", "]")
notice = norm(open(os.path.join(here, "notice.txt"), encoding="utf-8").read())
errs, warns, cats, seen = [], [], Counter(), set()
path = sys.argv[1]
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    if not line.strip(): continue
    try: q = json.loads(line)
    except json.JSONDecodeError as e: errs.append(f"line {n}: not JSON: {e}"); continue
    for k in ["q", "cat", "kind", "now", "task", "tasks", "contains"]:
        if k not in q: errs.append(f"line {n}: missing field {k}")
    if errs and errs[-1].startswith(f"line {n}:"): continue
    cat, kind, s = q["cat"], q["kind"], q["q"]
    cats[cat] += 1
    if cat not in want: errs.append(f"line {n}: unknown cat {cat}")
    if s in seen: errs.append(f"line {n}: duplicate question")
    seen.add(s)
    if q["now"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(q["now"])): errs.append(f"line {n}: now must be YYYY-MM-DD or null")
    if cat == "relative" and not q["now"]: errs.append(f"line {n}: relative questions need now")
    if kind == "top1":
        t = tasks.get(q["task"])
        if not t: errs.append(f"line {n}: no task {q['task']}"); continue
        if not q["contains"]: errs.append(f"line {n}: top1 needs at least one contains string")
        hay = norm(t["content"] + "".join(t["lead"] + t["responsible"]) + t["deadline"]["text"])
        for c in q["contains"]:
            if norm(c) not in hay: errs.append(f"line {n}: {c!r} is not in task {t['number']}'s text or units")
        if cat == "who" and not any(u in q["contains"] for u in t["lead"]): errs.append(f"line {n}: who questions contain the lead unit's name")
        body = t["content"]
        for u in units: s = s.replace(u, "")
        runs = [body[i:i+4] for i in range(len(body) - 3) if body[i:i+4] in s and not re.search(r"[\d，。、；：]", body[i:i+4])]
        if runs: warns.append(f"line {n}: copies task wording {sorted(set(runs))[:4]}")
    elif kind == "set":
        if not isinstance(q["tasks"], list) or any(x not in tasks for x in q["tasks"]): errs.append(f"line {n}: tasks must be task numbers")
    elif kind == "text":
        if not q["contains"]: errs.append(f"line {n}: text needs contains")
        for c in q["contains"]:
            if norm(c) not in notice: errs.append(f"line {n}: {c!r} is not in the notice")
    elif kind == "none":
        if q["tasks"]: errs.append(f"line {n}: none has tasks []")
    else:
        errs.append(f"line {n}: unknown kind {kind}")
for c, k in want.items():
    if cats[c] != k: errs.append(f"mix: {c} has {cats[c]}, wants {k}")
print("\n".join("WARN " + w for w in warns))
print("\n".join("ERROR " + e for e in errs) or "OK")
sys.exit(1 if errs else 0)
