#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs Kensho's benchmarks; started by bench/run-benchmarks.sh, which installs
the tools, builds, and provides an X server (Xvfb) and a session bus.

Each figure is the median of several runs of a whole process (wall time),
except where Kensho's own helpers time one step from inside (XML save, one
edit's commit, selecting an indicator): those print their own medians. Peak
memory is GNU time's %M (maximum resident set size), the largest of the runs.
"""
import datetime
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("BUILD", os.path.join(SRC, "_build"))
CLI = os.path.join(BUILD, "src", "cli", "kensho-cli")
APP = os.path.join(BUILD, "src", "app", "kensho")
BENCH = os.path.join(BUILD, "bench", "kensho-bench")
BENCH_APP = os.path.join(BUILD, "bench", "kensho-bench-app")
BENCH_TYPING = os.path.join(BUILD, "bench", "kensho-bench-typing")
SCHEMA = os.path.join(SRC, "data", "kensho-sheet.rng")
GENERATOR = os.path.join(SRC, "bench", "generate-sheet.py")

SIZES = [int(n) for n in os.environ.get("SIZES", "47 1000 10000 100000").split()]
PDF_SIZES = [int(n) for n in os.environ.get("PDF_SIZES", "47 1000 2000 10000").split()]
XLSX_SIZES = [int(n) for n in os.environ.get("XLSX_SIZES", "1000 10000").split()]
RUNS = int(os.environ.get("RUNS", "5"))
LARGE = 100000  # from this size on, fewer runs: the machine is shared

# KENSHO_LARGE_SHEETS: the 100,000-indicator sheet is above the limits that
# guard against hostile files (see src/core/formats/kensho-file-read.h).
# No GSK_RENDERER: the app draws as it chooses to on this machine (with
# cairo, OpenGL not loaded, where there is no GPU: src/app/kensho-renderer.c).
ENV = dict(os.environ, KENSHO_LARGE_SHEETS="1", LC_ALL="C.UTF-8", GSETTINGS_BACKEND="memory",
           GSETTINGS_SCHEMA_DIR=os.path.join(BUILD, "data"), GIO_USE_VFS="local")
ENV.pop("GSK_RENDERER", None)


def runs_for(n):
    return 2 if n >= LARGE else RUNS


def run_once(cmd, prepare=None, capture=True, timeout=900):
    """Runs cmd under GNU time; returns (seconds, peak MB, stdout)."""
    if prepare:
        prepare()
    with tempfile.NamedTemporaryFile(prefix="kensho-bench-mem") as mem:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", mem.name] + cmd, env=ENV,
                              stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=timeout)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr.decode(errors="replace"))
            raise RuntimeError("failed (%d): %s" % (proc.returncode, " ".join(cmd)))
        kb = int(open(mem.name).read().split()[-1])
    out = proc.stdout.decode(errors="replace") if capture else ""
    return elapsed, kb / 1024.0, out


def measure(cmd, runs, prepare=None, capture=True):
    """Median wall time (s) and largest peak memory (MB) of several runs."""
    times, peaks, out = [], [], ""
    for _ in range(runs):
        t, mb, out = run_once(cmd, prepare, capture)
        times.append(t)
        peaks.append(mb)
    return {"s": statistics.median(times), "mb": max(peaks), "runs": runs, "out": out}


def measure_until_line(cmd, runs, prepare=None):
    """Like measure(), but the time is taken when the process prints its
    first line (the app's first frame), not when it has quit."""
    times, peaks = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        with tempfile.NamedTemporaryFile(prefix="kensho-bench-mem") as mem:
            start = time.perf_counter()
            proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", mem.name] + cmd, env=ENV,
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            line = proc.stdout.readline()
            elapsed = time.perf_counter() - start
            proc.stdout.read()
            if proc.wait(timeout=900) != 0 or not line:
                raise RuntimeError("failed: %s" % " ".join(cmd))
            peaks.append(int(open(mem.name).read().split()[-1]) / 1024.0)
        times.append(elapsed)
    return {"s": statistics.median(times), "mb": max(peaks), "runs": runs}


def keyvalues(text):
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def remove(*paths):
    def do():
        for path in paths:
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
    return do


def has_pdf():
    proc = subprocess.run([CLI, "--help"], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return any(line.split()[:1] == ["pdf"] for line in proc.stdout.decode().splitlines())


def sqlite_commit_floor(db, edits=50):
    """One UPDATE of one commentary per transaction, with the workspace's
    pragmas on a local disk (WAL, synchronous NORMAL: the workspace syncs
    each commit from another thread): the least one edit's commit costs."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    rows = [r for r in con.execute("SELECT sheet_id, nid FROM year_record LIMIT 1000")]
    times = []
    for i in range(edits):
        start = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE year_record SET activities = activities || ? WHERE sheet_id = ? AND nid = ?",
                    ("（追記%d）" % i,) + tuple(rows[i % len(rows)]))
        con.execute("COMMIT")
        times.append(time.perf_counter() - start)
    con.close()
    return statistics.median(times) * 1000


class Results:
    def __init__(self):
        self.rows = []
        self.kensho = {}  # (what, n) -> seconds, for the growth table

    def add(self, what, n, value, unit, mb, floor=None, floor_value=None, floor_mb=None, runs=None):
        ratio = value / floor_value if floor_value else None
        self.rows.append((what, n, value, unit, mb, floor, floor_value, floor_mb, ratio, runs))
        self.kensho[(what, n)] = value
        print("  %-28s %7d  %10.3f %s  %7.1f MB%s" % (
            what, n, value, unit, mb or 0,
            "   vs %s %.3f %s (%.2f×)" % (floor, floor_value, unit, ratio) if floor_value else ""),
            flush=True)

    def get(self, what, n, floor=None):
        for row in self.rows:
            if row[0] == what and row[1] == n and (floor is None or row[5] == floor):
                return row
        return None


def fmt(value, unit):
    if value is None:
        return "—"
    if unit == "s":
        return "%.3f s" % value if value < 10 else "%.1f s" % value
    return "%.2f ms" % value if value < 10 else "%.0f ms" % value


def main():
    results = Results()
    work = tempfile.mkdtemp(prefix="kensho-bench-")
    started = datetime.datetime.now(datetime.timezone.utc)
    pdf = has_pdf()
    print("Kensho benchmarks in %s (PDF export %s)" % (work, "measured" if pdf else
                                                       "not measured: kensho-cli has no pdf command"),
          flush=True)
    try:
        files = {}
        for n in sorted(set(SIZES) | set(PDF_SIZES)):
            path = os.path.join(work, "sheet-%d.xml" % n)
            subprocess.run([sys.executable, GENERATOR, str(n), "--seed", "1", "-o", path], check=True)
            subprocess.run([CLI, "csv", path, "-o", path[:-4] + ".csv"], env=ENV, check=True)
            files[n] = path

        for n in SIZES:
            f = files[n]
            csv = f[:-4] + ".csv"
            runs = runs_for(n)
            print("%d indicators (%.1f MB), %d runs" % (n, os.path.getsize(f) / 1e6, runs), flush=True)

            # XML load: parse, validate against the schema, build the model.
            load = measure([CLI, "validate", f], runs)
            noout = measure(["xmllint", "--noout", "--nonet", f], runs)
            rng = measure(["xmllint", "--noout", "--nonet", "--relaxng", SCHEMA, f], runs)
            results.add("XML load", n, load["s"], "s", load["mb"], "xmllint --noout", noout["s"], noout["mb"], runs)
            results.add("XML load", n, load["s"], "s", load["mb"], "xmllint --relaxng", rng["s"], rng["mb"], runs)

            # XML save, timed inside (the load before it is not counted).
            out = os.path.join(work, "saved.xml")
            save = measure([BENCH, "save", f, out, str(runs)], 1)
            kv = keyvalues(save["out"])
            results.add("XML save", n, float(kv["save_median_ms"]) / 1000, "s", save["mb"], runs=runs)
            results.add("XML save: serialize only", n, float(kv["save_serialize_median_ms"]) / 1000, "s",
                        save["mb"], runs=runs)

            # Workspace import (file → workspace, with the XML load) and export.
            ws = os.path.join(work, "ws.db")
            sq = os.path.join(work, "floor.db")
            imp = measure([CLI, "--workspace", ws, "import", f], runs, prepare=remove(ws))
            sqlimp = measure(["sqlite3", sq, ".import --csv %s t" % csv], runs, prepare=remove(sq))
            results.add("Workspace import", n, imp["s"], "s", imp["mb"], "sqlite3 .import (CSV rows)",
                        sqlimp["s"], sqlimp["mb"], runs)
            exp = measure([CLI, "--workspace", ws, "export", "1", "-o", out], runs)
            sqlexp = measure(["sqlite3", "-csv", sq, "SELECT * FROM t"], runs, capture=False)
            results.add("Workspace export", n, exp["s"], "s", exp["mb"], "sqlite3 SELECT (CSV rows)",
                        sqlexp["s"], sqlexp["mb"], runs)

            # One edit committed to the workspace, timed inside.
            cws = os.path.join(work, "commit.db")
            remove(cws)()
            commit = measure([BENCH, "commit", f, cws, "50"], 1)
            floor = sqlite_commit_floor(cws)
            results.add("Commit one edit", n, float(keyvalues(commit["out"])["commit_median_ms"]), "ms",
                        commit["mb"], "sqlite3 one UPDATE", floor, None, 50)

            # The app: start to first frame with the sheet, then select-to-form.
            aws = os.path.join(work, "app.db")
            start = measure_until_line([APP, "--workspace", aws, "--quit-after-first-frame", f],
                                       1 if n >= LARGE else runs, prepare=remove(aws))
            results.add("App start to first frame", n, start["s"], "s", start["mb"], runs=start["runs"])
            select = measure([BENCH_APP, f, "3" if n >= LARGE else "20"], 1)
            kv = keyvalues(select["out"])
            results.add("Select to form: row in view", n, float(kv["select_median_ms"]), "ms", select["mb"],
                        runs=int(kv["select_runs"]))
            results.add("Select to form: jump (scrolls)", n, float(kv["jump_median_ms"]), "ms", select["mb"],
                        runs=int(kv["jump_runs"]))
            # Typing: a burst of 24 keys 150 ms apart into the form.
            for field in ("commentary", "name"):
                typing = measure([BENCH_TYPING, f, field], 1)
                kv = keyvalues(typing["out"].replace(" ", "\n"))
                label = "Typing (%s): key to frame" % field
                results.add(label + ", median", n, float(kv["median_ms"]), "ms", typing["mb"], runs=int(kv["keys"]))
                results.add(label + ", p90", n, float(kv["p90_ms"]), "ms", typing["mb"], runs=int(kv["keys"]))
                results.add("Typing (%s): longest main-loop block" % field, n, float(kv["max_block_ms"]), "ms",
                            typing["mb"], runs=1)

        # PDF: Kensho's export against LibreOffice converting the CSV export.
        profile = os.path.join(work, "lo-profile")
        soffice = ["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                   "--infilter=CSV:44,34,76,1", "--convert-to", "pdf", "--outdir", os.path.join(work, "lo")]
        run_once(soffice + [files[min(PDF_SIZES)][:-4] + ".csv"])  # makes the profile
        for n in PDF_SIZES:
            runs = min(runs_for(n), 3)
            lo = measure(soffice + [files[n][:-4] + ".csv"], runs)
            if pdf:
                k = measure([CLI, "pdf", files[n], "-o", os.path.join(work, "out.pdf")], runs)
                results.add("PDF export", n, k["s"], "s", k["mb"], "LibreOffice CSV → PDF", lo["s"], lo["mb"], runs)
            else:
                print("  %-28s %7d  LibreOffice %.3f s %.1f MB (Kensho: no pdf command)" % (
                    "PDF export", n, lo["s"], lo["mb"]), flush=True)
                results.rows.append(("PDF export", n, None, "s", None, "LibreOffice CSV → PDF", lo["s"],
                                     lo["mb"], None, runs))

        # Spreadsheets: Kensho's .xlsx export and import (the printed layout
        # read back into a sheet) beside LibreOffice converting the same
        # workbook (--convert-to ods: it reads and writes every cell).
        lo_ods = ["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                  "--convert-to", "ods", "--outdir", os.path.join(work, "lo")]
        for n in XLSX_SIZES:
            if n not in files:
                path = os.path.join(work, "sheet-%d.xml" % n)
                subprocess.run([sys.executable, GENERATOR, str(n), "--seed", "1", "-o", path], check=True)
                files[n] = path
            runs = min(runs_for(n), 3)
            xlsx = files[n][:-4] + ".xlsx"
            exp = measure([CLI, "convert", files[n], "-o", xlsx], runs)
            lo = measure(lo_ods + [xlsx], runs)
            results.add(".xlsx export", n, exp["s"], "s", exp["mb"], "LibreOffice .xlsx → .ods", lo["s"], lo["mb"], runs)
            imp = measure([CLI, "convert", xlsx, "-o", os.path.join(work, "imported.xml")], runs)
            results.add(".xlsx import", n, imp["s"], "s", imp["mb"], "LibreOffice .xlsx → .ods", lo["s"], lo["mb"], runs)
    finally:
        if os.environ.get("KEEP"):
            print("Files kept in", work)
        else:
            shutil.rmtree(work, ignore_errors=True)

    report = render(results, started, pdf)
    path = os.path.join(BUILD, "bench-results.md")
    with open(path, "w") as out:
        out.write(report)
    print()
    print(report)
    print("Written to", path)


def versions():
    def first_line(cmd):
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV)
            return p.stdout.decode(errors="replace").strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    return [first_line(["xmllint", "--version"]), "sqlite3 " + first_line(["sqlite3", "--version"]).split()[0],
            first_line(["soffice", "--version"])]


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = [l for l in open("/proc/meminfo") if l.startswith("MemTotal")][0].split()[1]
        mem = "%.0f GB RAM" % (int(mem) / 1024 / 1024)
    except (OSError, IndexError):
        mem = "?"
    return "%d cores (%s), %s, %s" % (os.cpu_count(), cpu, mem, platform.platform())


def render(results, started, pdf):
    buildtype = "?"
    try:
        for opt in json.load(open(os.path.join(BUILD, "meson-info", "intro-buildoptions.json"))):
            if opt["name"] == "buildtype":
                buildtype = opt["value"]
    except (OSError, ValueError):
        pass
    lines = [
        "Command: `sh bench/run-benchmarks.sh` (SIZES=\"%s\" PDF_SIZES=\"%s\" XLSX_SIZES=\"%s\" RUNS=%d)  " % (
            " ".join(map(str, SIZES)), " ".join(map(str, PDF_SIZES)), " ".join(map(str, XLSX_SIZES)), RUNS),
        "Date: %s  " % started.strftime("%Y-%m-%d %H:%M UTC"),
        "Machine: %s  " % machine(),
        "Build: buildtype=%s; app under Xvfb, renderer its own choice  " % buildtype,
        "Tools: %s" % "; ".join(versions()),
        "",
        "| What | Indicators | Kensho (median) | Kensho peak | Floor or peer | Floor (median) | Floor peak | Kensho ÷ floor | Runs |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for what, n, value, unit, mb, floor, fv, fmb, ratio, runs in results.rows:
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            what, "{:,}".format(n), fmt(value, unit) if value is not None else "not built",
            "%.0f MB" % mb if mb else "—", floor or "—", fmt(fv, unit) if fv else "—",
            "%.0f MB" % fmb if fmb else "—", "%.2f×" % ratio if ratio else "—", runs or "—"))

    # Growth: cost per indicator from 1,000 to 10,000 to 100,000.
    lines += ["", "Growth (time at 10× the indicators ÷ time before; 10 is linear):", "",
              "| What | 1,000 → 10,000 | 10,000 → 100,000 |", "| --- | ---: | ---: |"]
    for what in dict.fromkeys(r[0] for r in results.rows):
        a, b, c = (results.kensho.get((what, n)) for n in (1000, 10000, 100000))
        if a or b:
            lines.append("| %s | %s | %s |" % (what, "%.1f" % (b / a) if a and b else "—",
                                              "%.1f" % (c / b) if b and c else "—"))

    # The targets of issue 9.
    def row(what, n, floor=None):
        return results.get(what, n, floor)

    checks = []
    load, rng = row("XML load", 10000, "xmllint --noout"), row("XML load", 10000, "xmllint --relaxng")
    if load:
        checks.append(("Load of 10,000 within 4× xmllint --noout", "%.2f×" % load[8], load[8] <= 4))
        checks.append(("Load of 10,000 no slower than xmllint --relaxng", "%.2f×" % rng[8], rng[8] <= 1))
    imp = row("Workspace import", 10000)
    if imp:
        checks.append(("Workspace import of 10,000 under 2 s", fmt(imp[2], "s"), imp[2] < 2))
    commits = [r for r in results.rows if r[0] == "Commit one edit"]
    if commits:
        worst = max(r[2] for r in commits)
        checks.append(("One edit committed in under 2 ms (median)", "%.2f ms at most" % worst, worst < 2))
    p = row("PDF export", 2000)
    if p and p[2] is not None:
        checks.append(("PDF of 2,000 no slower than LibreOffice", "%.2f×" % p[8], p[8] <= 1))
    elif p:
        checks.append(("PDF of 2,000 no slower than LibreOffice", "not measured (no pdf command)", None))
    s = row("App start to first frame", 47)
    if s:
        checks.append(("Start to first frame with the sample under 0.5 s", fmt(s[2], "s"), s[2] < 0.5))
    sel = row("Select to form: row in view", 10000)
    if sel:
        checks.append(("Select to form within 50 ms with 10,000 (row in view)", fmt(sel[2], "ms"), sel[2] < 50))
    sel = row("Select to form: jump (scrolls)", 10000)
    if sel:
        checks.append(("Select to form within 50 ms with 10,000 (jump far, scrolling)", fmt(sel[2], "ms"),
                       sel[2] < 50))
    mem = [r for r in results.rows if r[1] == 10000 and r[0].startswith(("App start", "Select to form"))]
    if mem:
        peak = max(r[4] for r in mem)
        checks.append(("10,000 open in the app under 250 MB peak", "%.0f MB" % peak, peak < 250))
    # The targets of issue 19.
    for n in (10000, 100000):
        for field in ("commentary", "name"):
            p90 = row("Typing (%s): key to frame, p90" % field, n)
            block = row("Typing (%s): longest main-loop block" % field, n)
            if p90 and block:
                checks.append(("Typing into the %s with %s: key to frame p90 under 33 ms" % (field, "{:,}".format(n)),
                               fmt(p90[2], "ms"), p90[2] < 33))
                checks.append(("Typing into the %s with %s: no main-loop block over 16 ms" % (field, "{:,}".format(n)),
                               fmt(block[2], "ms"), block[2] <= 16))
    s = row("App start to first frame", 47)
    if s:
        checks.append(("Start to first frame with the sample under 0.35 s", fmt(s[2], "s"), s[2] < 0.35))
    lines += ["", "| Target | Measured | Met |", "| --- | --- | --- |"]
    for name, value, ok in checks:
        lines.append("| %s | %s | %s |" % (name, value, "—" if ok is None else ("yes" if ok else "**no**")))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
