#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The .xlsx hand-out forms of kensho-cli handout --format xlsx, read with
openpyxl as a spreadsheet program would: one per division, protected, only
the answer cells unlocked, the rating a drop-down of the scale, the due date
and contact at the top, the division's indicators and nobody else's.

Usage: check-xlsx-form.py KENSHO_CLI SAMPLE.xml (TAP output)."""
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl

NS = {"k": "urn:x-kensho:sheet"}
ANSWER_COLUMNS = {"H", "K", "L", "M", "N", "O"}
HEADER_ROW = 7

cli, sample = sys.argv[1], sys.argv[2]
root = ET.parse(sample).getroot()
labels = [r.text for r in root.find("k:rating-scale", NS)]
by_division = {}
for indicator in root.iter("{urn:x-kensho:sheet}indicator"):
    division = indicator.findtext("k:division", namespaces=NS)
    by_division.setdefault(division, []).append(indicator.get("id"))

results = []


def check(ok, what):
    results.append((bool(ok), what))


with tempfile.TemporaryDirectory() as out:
    run = subprocess.run([cli, "handout", sample, "--format", "xlsx", "--due", "2024-06-28",
                          "--contact", "企画調整課 内線1234", "-o", out],
                         capture_output=True, text=True)
    check(run.returncode == 0, f"handout --format xlsx exits 0 ({run.stderr.strip()})")
    paths = run.stdout.split()
    check(len(paths) == len(by_division), f"one form per division ({len(paths)})")
    for path in paths:
        division = Path(path).stem
        book = openpyxl.load_workbook(path)
        sheet = book.worksheets[0]
        hidden = book["kensho"]
        check(sheet.protection.sheet, f"{division}: the form is protected")
        check(hidden.sheet_state == "hidden" and hidden.protection.sheet,
              f"{division}: the ids are on a hidden, protected sheet")
        check(hidden["B3"].value == division and str(hidden["B1"].value).startswith("h"),
              f"{division}: the hidden sheet names the division and the hand-out")
        top = " ".join(str(c.value) for row in sheet.iter_rows(max_row=5) for c in row if c.value)
        check("2024-06-28" in top and "企画調整課 内線1234" in top, f"{division}: due date and contact at the top")
        ids = []
        wrong = []
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
            if row[0].value is None:
                continue
            first = row[0].value not in ids
            ids.append(row[0].value)
            for cell in row:
                unlocked = not cell.protection.locked
                expected = cell.column_letter == "H" or (first and cell.column_letter in ANSWER_COLUMNS)
                if unlocked != expected:
                    wrong.append(cell.coordinate)
        check(list(dict.fromkeys(ids)) == by_division[division], f"{division}: its indicators, in order")
        check(not wrong, f"{division}: only the answer cells are unlocked {wrong[:5]}")
        lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
        check(lists and all(v.formula1 == '"' + ",".join(labels) + '"' for v in lists),
              f"{division}: the rating is a drop-down of the scale")
        check(len(lists) == len(by_division[division]), f"{division}: one drop-down per indicator")

    # A division answers on the form, as a spreadsheet program saves it.
    form = Path(out) / "商工労働課.xlsx"
    untouched = subprocess.run([cli, "merge", sample, str(form), "-o", str(Path(out) / "same.xml")],
                               capture_output=True, text=True)
    check(untouched.returncode == 0 and untouched.stdout == "",
          f"a form sent back as it was changes nothing ({untouched.stdout.strip()} {untouched.stderr.strip()})")
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    sheet["H8"] = 1500
    sheet["L8"] = "課が書いた課題"
    sheet["N9"] = labels[0]
    book.save(Path(out) / "answer.xlsx")
    merged = Path(out) / "merged.xml"
    run = subprocess.run([cli, "merge", sample, str(Path(out) / "answer.xlsx"), "-o", str(merged)],
                         capture_output=True, text=True)
    check(run.returncode == 0, f"the answer on the form merges ({run.stderr.strip()})")
    check("新規求人数: Actual (FY 2023): 1,472件 → 1,500件" in run.stdout, "the actual, with the indicator's unit")
    check("新規求人数: ②Issues (FY 2023): " in run.stdout and "→ 課が書いた課題" in run.stdout, "the issues")
    check(f"新技術・新製品等の開発数: Rating (FY 2023): 進捗の遅れ → {labels[0]}" in run.stdout, "the rating")
    tree = ET.parse(merged).getroot()
    i01 = next(i for i in tree.iter("{urn:x-kensho:sheet}indicator") if i.get("id") == "i01")
    check(i01.find("k:series/k:actual[@fy='2023']", NS).get("num") == "1500", "the merged file holds the actual")
    sheet["N9"] = "とても順調"
    book.save(Path(out) / "wrong.xlsx")
    run = subprocess.run([cli, "merge", sample, str(Path(out) / "wrong.xlsx")], capture_output=True, text=True)
    check(run.returncode == 1 and "N9" in run.stderr and "とても順調" in run.stderr,
          f"a rating not of the scale is refused, naming the cell ({run.stderr.strip()})")

    # Files that are not forms: refused with a reason, never a crash.
    not_zip = Path(out) / "text.xlsx"
    not_zip.write_text("これは表計算のファイルではない")
    run = subprocess.run([cli, "merge", sample, str(not_zip)], capture_output=True, text=True)
    check(run.returncode == 1 and "not an .xlsx file" in run.stderr, f"a text named .xlsx is refused ({run.stderr.strip()})")
    bomb = Path(out) / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", b"<sst>" + b" " * (70 * 1024 * 1024) + b"</sst>")
    run = subprocess.run([cli, "merge", sample, str(bomb)], capture_output=True, text=True)
    check(run.returncode == 1 and "far too large" in run.stderr, f"a zip bomb is refused ({run.stderr.strip()})")

print(f"1..{len(results)}")
for number, (ok, what) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {what}")
sys.exit(0 if all(ok for ok, _ in results) else 1)
