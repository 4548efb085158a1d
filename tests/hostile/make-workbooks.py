#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the hostile workbooks of tests/hostile/WORKBOOKS: spreadsheets
`kensho-cli convert FILE -o OUT.xml` must refuse within 2 seconds and
100 MB. With no argument the small ones go into tests/hostile/ (committed);
`--huge DIR` writes the large ones (names starting with @ in WORKBOOKS)
into DIR, as test-hostile does at run time. Standard library only."""
import os
import struct
import sys
import zipfile
import zlib

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def sheet(cells):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1">%s</row></sheetData></worksheet>' % cells)


def workbook(path, worksheet, extra=()):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/worksheets/sheet1.xml", worksheet)
        for name, data in extra:
            z.writestr(name, data)


def encrypted_zip(path):
    """A zip whose entry says it is encrypted (general-purpose bit 0)."""
    data = b"\x00" * 12 + b"not really ciphertext"
    name = b"xl/workbook.xml"
    crc = zlib.crc32(data)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 0, 0, 0, crc, len(data), len(data),
                        len(name), 0) + name + data
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 0, 0, 0, crc, len(data),
                          len(data), len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local), 0)
    with open(path, "wb") as f:
        f.write(local + central + end)


def small(folder):
    with open(os.path.join(folder, "workbook-not-a-zip.xlsx"), "w") as f:
        f.write("大基本目標,小基本目標,KPI\n1,1-1,新規求人数\n")
    workbook(os.path.join(folder, "workbook-cell-past-xfd.xlsx"),
             sheet('<c r="XFE1" t="inlineStr"><is><t>x</t></is></c>'))
    workbook(os.path.join(folder, "workbook-row-past-last.xlsx"),
             sheet('<c r="A1048577" t="inlineStr"><is><t>x</t></is></c>'))
    workbook(os.path.join(folder, "workbook-merge-everything.xlsx"),
             sheet('<c r="A1"/></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/>'
                   '</mergeCells><sheetData><row r="2">'))
    # An .ods row of text repeated to the last row and column: 1.7e10 cells.
    with zipfile.ZipFile(os.path.join(folder, "workbook-repeated.ods"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
                   '<office:spreadsheet><table:table table:name="x"><table:table-row '
                   'table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384">'
                   '<text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>'
                   '</office:body></office:document-content>')
    with zipfile.ZipFile(os.path.join(folder, "workbook-missing-parts.xlsx"), "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
    encrypted_zip(os.path.join(folder, "workbook-encrypted-entry.xlsx"))
    # What Excel writes for a password-protected workbook: an OLE compound
    # file holding the encrypted package, not a zip.
    with open(os.path.join(folder, "workbook-password.xlsx"), "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 504)


def huge(folder):
    os.makedirs(folder, exist_ok=True)
    # 1 GB of zeros in a 1 MB file.
    path = os.path.join(folder, "workbook-zip-bomb.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
            block = b" " * (1 << 20)
            for _ in range(1024):
                w.write(block)
    # 10^6 different shared strings, with their count and without.
    strings = "".join("<si><t>%d</t></si>" % i for i in range(1000000))
    for name, counts in (("workbook-shared-strings-1000000.xlsx", ' count="1000000" uniqueCount="1000000"'),
                         ("workbook-shared-strings-1000000-uncounted.xlsx", "")):
        workbook(os.path.join(folder, name), sheet('<c r="A1" t="s"><v>0</v></c>'),
                 [("xl/sharedStrings.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main"%s>%s</sst>' % (counts, strings))])


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--huge":
        huge(sys.argv[2])
    else:
        small(os.path.dirname(os.path.abspath(__file__)))
