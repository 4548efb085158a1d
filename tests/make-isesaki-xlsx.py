#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes an Isesaki-style workbook (the layout of the printed sheet, as the
city keeps it in Excel) from a Kensho sheet file, with openpyxl, so that the
import is tried on a workbook Kensho did not write.

    make-isesaki-xlsx.py SHEET.xml OUT.xlsx|OUT.csv|OUT.ods [--spoil] [--huge-memo]

--spoil writes two rows that cannot be read fully: a value that is no
figure, and a row without an indicator name. OUT.csv is the worksheet as
Excel saves it as CSV on Windows: CP932, CRLF, the figures as shown, a
merged range's value in its first row only. OUT.ods is the worksheet as
LibreOffice keeps it: spanned and covered cells, one text:p a line, empty
rows and cells repeated. --huge-memo makes the second worksheet larger
than Kensho reads whole (as the data worksheet of an export of 10,000
indicators is)."""
import csv
import zipfile
from xml.sax.saxutils import escape
import sys
import xml.etree.ElementTree as ET

from openpyxl import Workbook
from openpyxl.styles import Alignment

NS = {"k": "urn:x-kensho:sheet"}


def era(year, fiscal=True):
    suffix = "年度" if fiscal else "年"
    if year >= 2019:
        n = year - 2018
        return "令和%s%s" % ("元" if n == 1 else n, suffix)
    return "平成%d%s" % (year - 1988, suffix)


def grouped(number):
    sign = "-" if number.startswith("-") else ""
    number = number.lstrip("+-")
    integer, _, fraction = number.partition(".")
    integer = "{:,}".format(int(integer))
    return sign + integer + ("." + fraction if fraction else "")


def bare(value):
    if value.get("num") is not None:
        return grouped(value.get("num")) + (value.get("unit") or "")
    return value.get("text") or ""


def period_and_note(period, note, started):
    out = ""
    if period:
        out += (" " if started else "") + "(" + period + ")"
    if note:
        sep = " " if started or out else ""
        out += sep + (note if note.startswith("※") else "(" + note + ")")
    return out


def cell_text(series_names, values):
    """As the printed sheet shows a cell: one series a line."""
    present = [(n, v) for n, v in zip(series_names, values) if v is not None]
    if not present:
        return None
    if len(series_names) == 1 and not series_names[0]:
        v = present[0][1]
        text = bare(v)
        return text + period_and_note(v.get("period"), v.get("note"), bool(text))
    first = present[0][1]
    shared = all(v.get("period") == first.get("period") and v.get("note") == first.get("note")
                 for _, v in present)
    lines = []
    for name, v in present:
        text = name + bare(v)
        if not shared:
            text += period_and_note(v.get("period"), v.get("note"), bool(text))
        lines.append(text)
    out = "\n".join(lines)
    if shared:
        out += period_and_note(first.get("period"), first.get("note"), bool(out))
    return out


def write_value(ws, row, column, series_names, values, as_text):
    """A plain figure as a number with its number format, as Excel keeps it."""
    if not as_text and len(values) == 1 and values[0] is not None and values[0].get("num") is not None \
            and not values[0].get("period") and not values[0].get("note"):
        v = values[0]
        num, unit = v.get("num"), v.get("unit") or ""
        decimals = len(num.partition(".")[2])
        digits = "0" + ("." + "0" * decimals if decimals else "")
        cell = ws.cell(row=row, column=column)
        if unit == "%":
            cell.value = float(num) / 100
            cell.number_format = digits + "%"
        else:
            cell.value = float(num) if decimals else int(num)
            cell.number_format = "#,##" + digits + ('"%s"' % unit if unit else "")
        return
    ws.cell(row=row, column=column, value=cell_text(series_names, values))


def write_ods(ws, out):
    spans, covered = {}, set()
    for r in ws.merged_cells.ranges:
        spans[(r.min_row, r.min_col)] = (r.max_row - r.min_row + 1, r.max_col - r.min_col + 1)
        for row in range(r.min_row, r.max_row + 1):
            for col in range(r.min_col, r.max_col + 1):
                if (row, col) != (r.min_row, r.min_col):
                    covered.add((row, col))
    T = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0'
    rows = []
    for row in range(1, ws.max_row + 1):
        cells = []
        for col in range(1, ws.max_column + 1):
            value = ws.cell(row=row, column=col).value
            if (row, col) in covered:
                cells.append("<table:covered-table-cell/>")
                continue
            attrs = ""
            if (row, col) in spans:
                attrs = ' table:number-rows-spanned="%d" table:number-columns-spanned="%d"' % spans[(row, col)]
            if value is None:
                cells.append("<table:table-cell%s/>" % attrs)
            else:
                paragraphs = "".join("<text:p>%s</text:p>" % escape(line) for line in str(value).split("\n"))
                cells.append('<table:table-cell office:value-type="string"%s>%s</table:table-cell>'
                             % (attrs, paragraphs))
        rows.append("<table:table-row>%s<table:table-cell table:number-columns-repeated=\"1010\"/>"
                    "</table:table-row>" % "".join(cells))
    rows.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row>')
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="%s" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
               '<office:body><office:spreadsheet><table:table table:name="%s">%s</table:table>'
               '</office:spreadsheet></office:body></office:document-content>' % (T, escape(ws.title), "".join(rows)))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)


def main():
    source, out = sys.argv[1], sys.argv[2]
    spoil = "--spoil" in sys.argv[3:]
    root = ET.parse(source).getroot()
    meta = root.find("k:meta", NS)
    fy = int(meta.findtext("k:fiscal-year", namespaces=NS))
    baseline_year = int(meta.findtext("k:baseline-year", namespaces=NS))
    last = int(meta.find("k:plan", NS).get("last"))
    labels = {r.get("id"): r.text for r in root.find("k:rating-scale", NS)}

    wb = Workbook()
    ws = wb.active
    ws.title = "効果検証シート"
    ws.append(["%s %s" % (era(fy), meta.findtext("k:title", namespaces=NS))] + [None] * 12 +
              [meta.findtext("k:label", namespaces=NS)])
    ws.append([meta.findtext("k:notes", namespaces=NS)])
    ws.append([])
    ws.append(["大基本目標", "小基本目標", "数値目標", None, "重要業績評価指標\n(KPI) 名称",
               "%s\n①主な取組・事業実施状況\n②課題\n③今後の方策等" % era(fy),
               "基準値\n(%s)" % era(baseline_year), "%s\n実績値" % era(fy - 1),
               "%s\n実績値" % era(fy), "%s\n目標値" % era(fy),
               "計画最終年度\n目標値\n(%s)" % era(last), "進捗状況", "進捗が遅れている\n理由",
               "指標の担当課"])
    ws.append([None, None, "数値目標", "具体的な施策"])
    for column in "ABEFGHIJKLMN":
        ws.merge_cells("%s4:%s5" % (column, column))
    ws.merge_cells("C4:D4")

    row = 6
    spans = []  # (column, first row, last row, text)

    def indicator_row(ind, measure_title):
        nonlocal row
        kind = ind.get("kind")
        name = ind.findtext("k:name", namespaces=NS)
        series = ind.findall("k:series", NS)
        names = [s.get("name") or "" for s in series]
        year = ind.find("k:year[@fy='%d']" % fy, NS)
        if kind == "target":
            ws.cell(row=row, column=3, value=name)
            ws.cell(row=row, column=5, value="-")
        else:
            ws.cell(row=row, column=5, value=name)
        if year is not None:
            parts = []
            for mark, tag in (("①", "activities"), ("②", "issues"), ("③", "next-steps")):
                text = year.findtext("k:" + tag, namespaces=NS)
                if text:
                    parts.append(mark + text)
            if parts:
                ws.cell(row=row, column=6, value="\n".join(parts))
            rating = year.findtext("k:rating", namespaces=NS)
            ws.cell(row=row, column=12, value=labels.get(rating, rating))
            ws.cell(row=row, column=13, value=year.findtext("k:delay-reason", namespaces=NS) or "-")
        columns = [("baseline", None), ("actual", fy - 1), ("actual", fy), ("target", fy), ("final", None)]
        for i, (tag, at) in enumerate(columns):
            values = []
            for s in series:
                found = None
                for v in s.findall("k:" + tag, NS):
                    if at is None or int(v.get("fy")) == at:
                        found = v
                values.append(found)
            write_value(ws, row, 7 + i, names, values, not out.endswith(".xlsx"))
        ws.cell(row=row, column=14, value=ind.findtext("k:division", namespaces=NS))
        row += 1

    for goal in root.findall("k:goal", NS):
        goal_first = row
        for sub in goal.findall("k:subgoal", NS):
            sub_first = row
            for child in sub:
                if child.tag.endswith("}indicator"):
                    indicator_row(child, None)
                elif child.tag.endswith("}measure"):
                    first = row
                    for ind in child.findall("k:indicator", NS):
                        indicator_row(ind, child.get("title"))
                    spans.append((4, first, row - 1, child.get("code") + child.get("title")))
            spans.append((2, sub_first, row - 1, sub.get("code") + " " + sub.get("title")))
        spans.append((1, goal_first, row - 1, goal.get("code") + " " + goal.get("title")))

    # A merged range keeps its value in its first cell; place it in the
    # middle row instead would be the PDF's look, not the workbook's.
    for column, first, last, text in spans:
        ws.cell(row=first, column=column, value=text)
        if last > first:
            ws.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)

    if spoil:
        ws.cell(row=7, column=7, value="12..5件")
        ws.cell(row=row, column=6, value="①行だけある")
        ws.cell(row=row, column=14, value="商工労働課")
        row += 1

    for r in ws.iter_rows(min_row=4, max_row=row):
        for cell in r:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    if out.endswith(".csv"):
        with open(out, "w", encoding="cp932", newline="") as f:
            writer = csv.writer(f, lineterminator="\r\n")
            for values in ws.iter_rows(values_only=True):
                writer.writerow(["" if v is None else v for v in values])
        return
    if out.endswith(".ods"):
        write_ods(ws, out)
        return
    # A second worksheet, as cities keep one for their own notes.
    other = wb.create_sheet("メモ")
    other.append(["集計用"])
    wb.save(out)
    if "--huge-memo" in sys.argv[3:]:
        add_huge_memo(out)


def add_huge_memo(out):
    """600,000 cells written straight into the part: openpyxl takes minutes."""
    import random
    rows = []
    rng = random.Random(16)
    for r in range(1, 60002):
        cells = "".join('<c r="%s%d"><v>%d</v></c>' % (chr(65 + c), r, rng.randrange(10 ** 6)) for c in range(10))
        rows.append('<row r="%d">%s</row>' % (r, cells))
    part = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<sheetData>%s</sheetData></worksheet>" % "".join(rows))
    with zipfile.ZipFile(out) as zin:
        entries = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            zout.writestr(info.filename, part if info.filename == "xl/worksheets/sheet2.xml" else data)


if __name__ == "__main__":
    main()
