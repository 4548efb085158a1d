#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a valid Kensho sheet of N indicators, for benchmarks and tests.

    generate-sheet.py N [--seed S] [--sample isesaki-r5.xml] [-o OUT.xml]

Every indicator is made from one of the sample's 47, chosen at random: its
name, unit, division, series shapes (named series, text values, periods,
notes) and direction are kept; the numbers are scaled by a random factor with
the same number of decimals; the commentary is one to three of the sample's
texts of the same part, so that lengths follow the sample's (20-200
characters). The tree has the sample's shape: goals of 2-3 sub-goals, each
with a numerical target and 2-5 measures of 1-5 KPIs. The output is written
the way Kensho writes (indent, attribute order), so that loading and saving
it gives the same bytes. The same N and seed give the same file.
"""
import argparse
import os
import random
import sys
import xml.etree.ElementTree as ET

NS = "urn:x-kensho:sheet"
Q = "{%s}" % NS
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def esc_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def esc_attr(s):
    return (esc_text(s).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


def local(tag):
    return tag[len(Q):] if tag.startswith(Q) else tag


class Sample:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.root = root
        self.indicators = []
        self.goal_titles, self.subgoal_titles, self.measure_titles = [], [], []
        self.texts = {"activities": [], "issues": [], "next-steps": [], "delay-reason": []}
        for el in root.iter():
            tag = local(el.tag)
            if tag == "goal":
                self.goal_titles.append(el.get("title"))
            elif tag == "subgoal":
                self.subgoal_titles.append(el.get("title"))
            elif tag == "measure":
                self.measure_titles.append(el.get("title"))
            elif tag == "indicator":
                self.indicators.append(el)
            elif tag in self.texts and el.text:
                self.texts[tag].append(el.text)
        self.scale = root.find(Q + "rating-scale")
        self.delayed_ids = {r.get("id") for r in self.scale if r.get("delayed") == "true"}
        # The ratings as often as the sample gives them.
        self.rating_ids = [y.find(Q + "rating").text for y in root.iter(Q + "year")
                           if y.find(Q + "rating") is not None]


def scale_number(num, factor):
    decimals = len(num.split(".")[1]) if "." in num else 0
    value = round(float(num) * factor, decimals)
    if value < 0:
        value = 0
    text = ("%.*f" % (decimals, value))
    if len(text.split(".")[0].lstrip("-")) > 15:
        return num
    return text


def commentary(rng, pool):
    n = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
    return "".join(rng.choice(pool) for _ in range(n))


class Writer:
    def __init__(self, out):
        self.out = out

    def line(self, depth, text):
        self.out.write("  " * depth + text + "\n")

    def element(self, depth, name, text):
        if text is not None:
            self.line(depth, "<%s>%s</%s>" % (name, esc_text(text), name))


def attrs(pairs):
    return "".join(' %s="%s"' % (k, esc_attr(v)) for k, v in pairs if v is not None)


def write_indicator(w, rng, sample, depth, ident, kind):
    tpl = rng.choice(sample.indicators)
    factor = rng.uniform(0.8, 1.25)
    w.line(depth, "<indicator%s>" % attrs((("id", ident), ("kind", kind),
                                           ("direction", tpl.get("direction")))))
    for tag in ("name", "unit", "division"):
        child = tpl.find(Q + tag)
        if child is not None:
            w.element(depth + 1, tag, child.text or "")
    for series in tpl.findall(Q + "series"):
        w.line(depth + 1, "<series%s>" % attrs((("name", series.get("name")),)))
        for value in series:
            pairs = []
            for k, v in value.attrib.items():
                pairs.append((k, scale_number(v, factor) if k == "num" else v))
            w.line(depth + 2, "<%s%s/>" % (local(value.tag), attrs(pairs)))
        w.line(depth + 1, "</series>")
    for year in tpl.findall(Q + "year"):
        w.line(depth + 1, '<year fy="%s">' % year.get("fy"))
        for part in ("activities", "issues", "next-steps"):
            if year.find(Q + part) is not None:
                w.element(depth + 2, part, commentary(rng, sample.texts[part]))
        rating = rng.choice(sample.rating_ids)
        w.element(depth + 2, "rating", rating)
        if rating in sample.delayed_ids:
            w.element(depth + 2, "delay-reason", rng.choice(sample.texts["delay-reason"]))
        w.line(depth + 1, "</year>")
    w.line(depth, "</indicator>")


def generate(n, seed, sample, out):
    rng = random.Random(seed)
    w = Writer(out)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<sheet xmlns="%s" version="1.0">\n' % NS)
    meta = sample.root.find(Q + "meta")
    w.line(1, "<meta>")
    for child in meta:
        tag = local(child.tag)
        if tag == "plan":
            w.line(2, "<plan%s/>" % attrs(child.attrib.items()))
        elif tag == "title":
            w.element(2, tag, "%s（%d指標）" % (child.text, n))
        else:
            w.element(2, tag, child.text)
    w.line(1, "</meta>")
    w.line(1, "<rating-scale%s>" % attrs(sample.scale.attrib.items()))
    for r in sample.scale:
        w.line(2, "<rating%s>%s</rating>" % (attrs(r.attrib.items()), esc_text(r.text)))
    w.line(1, "</rating-scale>")
    divisions = sample.root.find(Q + "divisions")
    if divisions is not None:
        w.line(1, "<divisions>")
        for d in divisions:
            w.element(2, "division", d.text)
        w.line(1, "</divisions>")

    width = max(5, len(str(n)))
    count = 0

    def next_id():
        nonlocal count
        count += 1
        return "i%0*d" % (width, count)

    g = 0
    while count < n:
        g += 1
        w.line(1, '<goal%s>' % attrs((("id", "g%d" % g), ("code", str(g)),
                                      ("title", rng.choice(sample.goal_titles)))))
        for s in range(1, rng.randint(2, 3) + 1):
            if count >= n:
                break
            w.line(2, '<subgoal%s>' % attrs((("id", "sg%d-%d" % (g, s)), ("code", "%d-%d" % (g, s)),
                                             ("title", rng.choice(sample.subgoal_titles)))))
            write_indicator(w, rng, sample, 3, next_id(), "target")
            for m in range(1, rng.randint(2, 5) + 1):
                if count >= n:
                    break
                code = CIRCLED[m - 1] if m <= len(CIRCLED) else "(%d)" % m
                w.line(3, '<measure%s>' % attrs((("id", "m%d-%d-%d" % (g, s, m)), ("code", code),
                                                 ("title", rng.choice(sample.measure_titles)))))
                for _ in range(rng.randint(1, 5)):
                    if count >= n:
                        break
                    write_indicator(w, rng, sample, 4, next_id(), "kpi")
                w.line(3, "</measure>")
            w.line(2, "</subgoal>")
        w.line(1, "</goal>")
    out.write("</sheet>\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Write a valid Kensho sheet of N indicators.")
    parser.add_argument("n", type=int, help="number of indicators")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--sample", default=os.path.join(here, "..", "data", "samples", "isesaki-r5.xml"))
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be at least 1")
    sample = Sample(args.sample)
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            generate(args.n, args.seed, sample, out)
        os.replace(tmp, args.output)
    else:
        out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n", closefd=False)
        generate(args.n, args.seed, sample, out)
        out.flush()


if __name__ == "__main__":
    main()
