#!/usr/bin/env python3
"""Known-item sets of real technical documentation, built from what every machine here has.

  make_sets.py OUTDIR [PER_SET]

Writes OUTDIR/<set>.jsonl, one {"id", "title", "text", "query"} per line: the query is the page's own
one-line summary, removed from the indexed text, and the page is the one answer.
  pydoc: the Python standard library's functions and classes (pydoc's plain-text page; the summary is
         the docstring's first line).
  man:   the installed manual pages, section 1 and 8 (man's plain-text page; the summary is the NAME line).
         A page under several names, or a summary seen before, is skipped: no ranking could tell twins apart.
  identifier: records in one kind of prose (shipments, tickets, error codes, parts), each naming a made-up
         code that no other record holds, many codes alike (ostbelkaix, ostkakaix); the query names the
         code and asks what the record tells.
The selection is deterministic: the same machine gives the same sets.
"""
import gzip
import importlib
import inspect
import json
import os
import pydoc
import re
import subprocess
import sys
import warnings

SKIP_MODULES = {"antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo", "lib2to3", "pydoc_data",
                "test", "ensurepip", "venv", "msilib", "winreg", "winsound", "_msi", "msvcrt", "nt"}


def summary_ok(line):
    words = line.split()
    return 5 <= len(words) <= 30 and not line.endswith(":") and not line.startswith(("(", "["))


def pydoc_set(limit):
    pages, seen_summaries = [], set()
    for name in sorted(sys.stdlib_module_names):
        if name.startswith("_") or name in SKIP_MODULES:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                module = importlib.import_module(name)
        except BaseException:
            continue
        for attribute, member in sorted(vars(module).items()):
            if attribute.startswith("_") or getattr(member, "__module__", None) != name:
                continue
            if not (inspect.isfunction(member) or inspect.isclass(member) or inspect.isbuiltin(member)):
                continue
            doc = inspect.getdoc(member) or ""
            lines = doc.strip().splitlines()
            if len(lines) < 3 or not summary_ok(lines[0].strip()) or lines[0] in seen_summaries:
                continue
            try:
                text = pydoc.plain(pydoc.render_doc(member, title="%s"))
            except BaseException:
                continue
            summary = lines[0].strip()
            text = text.replace(summary, "", 1).strip()
            if len(text.split()) < 40:
                continue
            seen_summaries.add(summary)
            pages.append({"id": f"{name}.{attribute}", "title": f"{name}.{attribute}", "text": text[:20000], "query": summary})
            if len(pages) >= limit:
                return pages
    return pages


def man_set(limit):
    pages = []
    names = []
    for section in ("1", "8"):
        folder = f"/usr/share/man/man{section}"
        if os.path.isdir(folder):
            names += [(section, file) for file in sorted(os.listdir(folder)) if file.endswith(".gz")]
    env = dict(os.environ, MANWIDTH="100", MAN_KEEP_FORMATTING="0")
    # one page often has several names (bzip2, bunzip2, bzcat): an answer with a twin cannot be known
    seen, seen_summaries, seen_bodies = set(), set(), set()
    for section, file in names:
        page = file[:-3].rsplit(".", 1)[0]
        if (page, section) in seen:
            continue
        seen.add((page, section))
        try:
            text = subprocess.run(["man", "-P", "cat", section, page], capture_output=True, text=True, env=env, timeout=10).stdout
        except Exception:
            continue
        text = re.sub(r".\x08", "", text)
        match = re.search(r"^NAME\s*\n\s+(.+?)\n\s*\n", text, re.M | re.S)
        if not match:
            continue
        name_line = " ".join(match.group(1).split())
        if " - " not in name_line:
            continue
        summary = name_line.split(" - ", 1)[1].strip()
        body = text[match.end():].strip()
        if not summary_ok(summary.rstrip(".") + " x") or len(body.split()) < 60:
            continue
        fingerprint = " ".join(body.split()[:200])
        if summary in seen_summaries or fingerprint in seen_bodies:
            continue
        seen_summaries.add(summary)
        seen_bodies.add(fingerprint)
        pages.append({"id": f"{page}.{section}", "title": page, "text": body[:20000], "query": summary})
        if len(pages) >= limit:
            break
    return pages


SYLLABLES = ["ost", "bel", "kai", "x", "dra", "mun", "vel", "tor", "qua", "zin", "pel", "rok", "sa", "lim", "fen",
             "gor", "ul", "tre", "vi", "nax"]
KINDS = [
    ("shipment", "Shipment {code} left the {a} depot on a {b} morning and is stored in bay {n} of the {c} warehouse.",
     "Where is shipment {code} stored?"),
    ("ticket", "Ticket {code} reports that the {a} service times out after a {b} deploy; the {c} team owns it, priority {n}.",
     "Which team owns ticket {code}?"),
    ("error", "Error {code} means the {a} cache could not reach its {b} replica; restart the {c} worker after {n} minutes.",
     "What does error {code} mean?"),
    ("part", "Part {code} is a {a} valve for the {b} pump, sold in boxes of {n} by the {c} supplier.",
     "What is part {code}?"),
]
WORDS = ["northern", "southern", "eastern", "western", "central", "coastal", "upper", "lower", "inner", "outer",
         "quiet", "busy", "late", "early", "rainy", "cold", "blue", "green", "grey", "red"]


def identifier_set(limit):
    """Made-up codes from a few syllables, so that many look alike, in records otherwise alike."""
    import random
    rng = random.Random(17)
    codes, pages = set(), []
    while len(pages) < limit:
        code = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))
        if code in codes or len(code) < 7:
            continue
        codes.add(code)
        kind, template, question = KINDS[len(pages) % len(KINDS)]
        text = template.format(code=code, a=rng.choice(WORDS), b=rng.choice(WORDS), c=rng.choice(WORDS), n=rng.randint(2, 90))
        # more of the same prose, without the code: a record is more than its one identifying sentence
        filler = " ".join(" ".join(template.format(code="it", a=rng.choice(WORDS), b=rng.choice(WORDS), c=rng.choice(WORDS),
                                                   n=rng.randint(2, 90)).split()[2:]) for _ in range(2))
        pages.append({"id": f"{kind}-{len(pages)}", "title": f"{kind.capitalize()} record {len(pages)}",
                      "text": text + " Earlier notes: " + filler, "query": question.format(code=code)})
    return pages


def main():
    out = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    os.makedirs(out, exist_ok=True)
    for name, build in (("pydoc", pydoc_set), ("man", man_set), ("identifier", identifier_set)):
        pages = build(limit)
        with open(os.path.join(out, name + ".jsonl"), "w") as target:
            for page in pages:
                target.write(json.dumps(page) + "\n")
        print(f"{name}: {len(pages)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
