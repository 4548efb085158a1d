#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Opens Kensho's .xlsx export of the bundled sample with a second reader
(openpyxl) and checks what Excel users rely on: A3 landscape fit to width,
the heading rows printed on every page, merged goal/sub-goal/measure
cells, and figures stored as numbers. Exits 1 saying what is wrong.

    check-xlsx-export.py OUT.xlsx [OPINION RESPONSE]

With OPINION and RESPONSE, the sample's first indicator has them as its
committee texts of the year shown: both worksheets must carry them in
their own columns; without, neither worksheet has those columns."""
import sys

from openpyxl import load_workbook


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def main():
    wb = load_workbook(sys.argv[1])
    if wb.sheetnames != ["効果検証シート", "データ"]:
        fail("worksheets: %r" % wb.sheetnames)
    ws = wb["効果検証シート"]
    if str(ws.page_setup.paperSize) != "8":
        fail("paper size %r is not A3 (8)" % ws.page_setup.paperSize)
    if ws.page_setup.orientation != "landscape":
        fail("orientation %r" % ws.page_setup.orientation)
    if not ws.sheet_properties.pageSetUpPr.fitToPage or ws.page_setup.fitToWidth not in (None, 1, "1") \
            or ws.page_setup.fitToHeight not in (0, "0"):
        fail("not fit to one page wide")  # (fitToWidth is 1 when left out)
    if ws.print_title_rows.replace("$", "") != "4:5":
        fail("print titles %r" % ws.print_title_rows)
    merged = {str(r) for r in ws.merged_cells.ranges}
    # Goal 1 spans its 17 indicator rows, sub-goal 1-1 its 11, measure ① its 3.
    for expected in ("C4:D4", "A6:A22", "B6:B16", "D7:D9"):
        if expected not in merged:
            fail("%s is not merged (merged: %s)" % (expected, sorted(merged)[:20]))
    if ws["A6"].value != "1 しごとの創生" or ws["D7"].value != "①地域産業の活性化、付加価値の向上":
        fail("group cells: %r %r" % (ws["A6"].value, ws["D7"].value))
    baseline = ws["G6"]
    if baseline.data_type != "n" or baseline.value != 1563 or baseline.number_format != '#,##0"件"':
        fail("G6 is %r %r %r, not the number 1563 shown as 1,563件"
             % (baseline.data_type, baseline.value, baseline.number_format))
    numbers = sum(1 for row in ws.iter_rows(min_row=6, min_col=7, max_col=11) for c in row
                  if c.data_type == "n" and c.value is not None)
    if numbers < 150:
        fail("only %d figures are numbers" % numbers)
    if not ws["A4"].alignment.wrap_text and not ws["F6"].alignment.wrap_text:
        fail("text is not wrapped")
    data = wb["データ"]
    heads = [c.value for c in data[1]]
    if heads[:5] != ["指標ID", "大基本目標", "小基本目標", "具体的な施策", "指標名"] or "数値" not in heads:
        fail("data headings %r" % heads)
    column = heads.index("数値") + 1
    year = heads.index("年度") + 1
    if data.cell(row=2, column=column).value != 1563 or data.cell(row=2, column=year).value != 2019:
        fail("data row 2: %r %r" % (data.cell(row=2, column=column).value, data.cell(row=2, column=year).value))
    if data.merged_cells.ranges:
        fail("the data worksheet has merged cells")
    check_committee(ws, data, heads, sys.argv[2:])


def check_committee(ws, data, heads, texts):
    layout_heads = [ws.cell(row=4, column=c).value for c in range(1, ws.max_column + 1)]
    if not texts:
        if "委員会意見" in layout_heads or "委員会意見" in heads or "対応方針" in heads:
            fail("committee columns in a sheet without committee texts")
        return
    if layout_heads[-2:] != ["委員会意見", "対応方針"]:
        fail("layout headings end %r" % layout_heads[-2:])
    row = [ws.cell(row=6, column=c).value for c in (len(layout_heads) - 1, len(layout_heads))]
    if row != texts:
        fail("the first indicator's committee cells are %r" % row)
    if heads[-2:] != ["委員会意見", "対応方針"]:
        fail("data headings end %r" % heads[-2:])
    ident, kind, year = heads.index("指標ID"), heads.index("値の種類"), heads.index("年度")
    found = 0
    for values in data.iter_rows(min_row=2, values_only=True):
        texts_here = [v or "" for v in values[-2:]]
        if values[ident] == "i01" and values[year] == 2023:
            if texts_here != texts:
                fail("data row %r has %r" % (values[:year + 1], texts_here))
            found += 1
        elif texts_here != ["", ""]:
            fail("data row %r has committee texts %r" % (values[:year + 1], texts_here))
    if found == 0:
        fail("no data row of i01 in 2023")


if __name__ == "__main__":
    main()
