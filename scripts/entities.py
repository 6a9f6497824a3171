#!/usr/bin/env python3
"""Cross-document speaker identity report for one or more Verbatim NDJSON runs.

usage: scripts/entities.py RUN.ndjson [RUN.ndjson ...] [--sample N] [--seed S]

Lists the entity ids of named speakers that occur in two or more documents, then
  - possible splits: ids that share a surname and a given-name initial (one person, two ids?),
  - possible collisions: ids whose resolved names disagree on the given name (two people, one id?),
  - a random sample of N multi-document ids with the names they were given, to check by eye.
Document-scoped ids (descriptions and unresolved pronouns, prefixed with the document id) are
left out: they are not meant to match across documents.
"""
import argparse
import collections
import json
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    names = collections.defaultdict(collections.Counter)
    docs = collections.defaultdict(set)
    for path in a.runs:
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if r.get("type") != "quote" or not r.get("speaker"):
                continue
            s = r["speaker"]
            doc_slug = "".join(c if c.isalnum() else "-" for c in r["doc"].lower())
            if s["entity"].startswith(doc_slug[:12]):
                continue
            names[s["entity"]][s["name"]] += 1
            docs[s["entity"]].add(r["doc"])
    multi = sorted((e for e in docs if len(docs[e]) >= 2), key=lambda e: -len(docs[e]))
    print(f"{len(docs)} cross-document ids, {len(multi)} in two or more documents")

    by_key = collections.defaultdict(list)
    for e in docs:
        parts = e.split("-")
        if len(parts) >= 2:
            by_key[(parts[-1], parts[0][0])].append(e)
    splits = [(k, v) for k, v in by_key.items() if len(v) > 1]
    print(f"\npossible splits (same surname and initial, several ids): {len(splits)}")
    for (surname, _), ids in sorted(splits, key=lambda kv: -sum(len(docs[e]) for e in kv[1]))[:15]:
        print("  ", surname, [(e, len(docs[e])) for e in ids])

    collisions = []
    for e, c in names.items():
        firsts = {n.split()[0].lower() for n in c if len(n.split()) >= 2}
        if len(firsts) > 1:
            collisions.append((e, dict(c)))
    print(f"\npossible collisions (one id, different given names): {len(collisions)}")
    for e, c in collisions[:15]:
        print("  ", e, c)

    random.seed(a.seed)
    print(f"\nsample of {min(a.sample, len(multi))} ids in two or more documents:")
    for e in random.sample(multi, min(a.sample, len(multi))):
        print(f"   {e:32} {len(docs[e]):3} docs  {dict(names[e].most_common(3))}")


if __name__ == "__main__":
    main()
