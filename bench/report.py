#!/usr/bin/env python3
"""Turns bench/target/results.jsonl (written by bench/run.sh) into the Markdown of docs/benchmarks.md.

Usage: report.py <results.jsonl> <output.md>
Only the standard library: it runs wherever run.sh runs.
"""
import json
import os
import sys

TARGET_P99_MS = 5.0
TARGET_P99_VS_IDLE = 1.5
TARGET_VS_COPY = 0.7
TARGET_VS_PANDAS = 10.0
TARGET_VS_POI = 3.0
TARGET_RSS_MB = 400.0
TARGET_RSS_GROWTH = 1.25
TARGET_MONITOR_OVERHEAD = 0.01


def load(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def by_label(results):
    """One result per label: the repetition with the median time, with the highest peak RSS of all of them."""
    groups = {}
    for r in results:
        if "label" in r:
            groups.setdefault(r["label"], []).append(r)
    chosen = {}
    for label, runs in groups.items():
        ordered = sorted(runs, key=lambda r: r.get("seconds") or 0)
        median = dict(ordered[(len(ordered) - 1) // 2])
        median["reps"] = len(runs)
        median["peak_rss_mb"] = max(r.get("peak_rss_mb") or 0 for r in runs)
        chosen[label] = median
    return chosen


def rows_per_second(result):
    if not result or result.get("status") != "succeeded" or not result.get("seconds"):
        return None
    return result["expected_rows"] / result["seconds"]


def fmt(value, digits=0, suffix=""):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{suffix}"


def ratio(a, b):
    return a / b if a is not None and b else None


def verdict(ok):
    if ok is None:
        return "not measured"
    return "met" if ok else "**missed**"


def machine_table(env, run):
    rows = [
        ("CPU", f"{env['cpu']} ({env['cores']} cores, shared)"),
        ("memory", f"{env['memory_gb']} GB"),
        ("kernel", env["kernel"]),
        ("Java", env["java"]),
        ("service JVM options", f"`{env['service_java_opts']}` (the container's 1 GiB limit, 50 % heap)"),
        ("Quarkus / POI", f"{env['quarkus']} / {env['poi']}"),
        ("PostgreSQL", f"{env['postgresql']} (client: {env['psql']})"),
        ("Python, pandas, openpyxl, psycopg2", env["python"]),
        ("commit", env["commit"]),
        ("bench run", f"{'--quick' if env['quick'] else 'full'}, {run.get('seconds', 0)} s"),
    ]
    out = ["| | |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in rows]
    return out


PATHS = [
    ("si_xlsx_{n}", "sheet-ingest, xlsx"),
    ("si_csv_{n}", "sheet-ingest, CSV"),
    ("si_monitored_xlsx_{n}", "sheet-ingest, xlsx, monitor 1 s + scrape 5 s"),
    ("si_eventloop_xlsx_{n}", "sheet-ingest, xlsx, parsing on the event loop (bench only)"),
    ("copy_{n}", "`psql \\copy` of the CSV"),
    ("pandas_{n}", "pandas `read_excel` (openpyxl) + COPY"),
    ("poi_usermodel_{n}", "POI `XSSFWorkbook` + JDBC batches"),
]


def throughput_table(results, sizes):
    labels = by_label(results)
    out = ["| path | rows | runs | end to end | rows/s | vs `\\copy` | service CPU | peak RSS | leading zeros kept "
           "| status |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for n in sizes:
        copy = rows_per_second(labels.get(f"copy_{n}"))
        for pattern, name in PATHS:
            r = labels.get(pattern.format(n=n))
            if not r:
                continue
            rps = rows_per_second(r)
            out.append(f"| {name} | {fmt(n)} | {r['reps']} | {fmt(r['seconds'], 2, ' s')} | {fmt(rps)} | "
                       f"{fmt(ratio(rps, copy), 2, 'x')} | {fmt(r.get('cpu_seconds'), 1, ' s')} | "
                       f"{fmt(r.get('peak_rss_mb'), 0, ' MB')} | "
                       f"{'yes' if r.get('zeros_kept') else 'no'} | {r.get('status')} |")
    return out


def latency_table(results, sizes):
    labels = by_label(results)
    out = ["| API during | requests | errors | p50 | p99 | p99.9 | max | blocked-thread warnings | host load |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    rows = [("idle", "idle service"), ("idle_monitored", "idle service, monitor 1 s + scrape 5 s")]
    for n in sizes:
        rows += [(p.format(n=n), f"{name}, {n:,} rows") for p, name in PATHS[:4]]
    for label, name in rows:
        r = labels.get(label)
        if not r:
            continue
        out.append(f"| {name} | {r['requests']:,} | {r['errors']} | {fmt(r['p50_ms'], 2, ' ms')} | "
                   f"{fmt(r['p99_ms'], 2, ' ms')} | {fmt(r['p999_ms'], 2, ' ms')} | {fmt(r['max_ms'], 1, ' ms')} | "
                   f"{r['blocked_warnings']} | {r.get('load_average', 'n/a')} |")
    return out


def targets_table(results, sizes):
    labels = by_label(results)
    big, small = sizes[-1], sizes[0]
    idle = labels.get("idle", {})
    si = labels.get(f"si_xlsx_{big}")
    si_small = labels.get(f"si_xlsx_{small}")
    rows = []

    p99 = si["p99_ms"] if si else None
    rows.append((f"event-loop p99 during ingestion ({big:,} rows)", f"<= {TARGET_P99_MS} ms",
                 fmt(p99, 2, " ms"), verdict(p99 <= TARGET_P99_MS if p99 is not None else None)))
    vs_idle = ratio(p99, idle.get("p99_ms"))
    rows.append(("... relative to the idle p99", f"<= {TARGET_P99_VS_IDLE}x", fmt(vs_idle, 2, "x"),
                 verdict(vs_idle <= TARGET_P99_VS_IDLE if vs_idle is not None else None)))

    for n in sizes:
        r = ratio(rows_per_second(labels.get(f"si_xlsx_{n}")), rows_per_second(labels.get(f"copy_{n}")))
        rows.append((f"rows/s vs `\\copy` ({n:,} rows, xlsx vs CSV)", f">= {TARGET_VS_COPY}x", fmt(r, 2, "x"),
                     verdict(r >= TARGET_VS_COPY if r is not None else None)))
    base_n = 100000
    si_base = rows_per_second(labels.get(f"si_xlsx_{base_n}"))
    for label, name, target in (("pandas", "pandas", TARGET_VS_PANDAS), ("poi_usermodel", "POI usermodel",
                                                                          TARGET_VS_POI)):
        other = labels.get(f"{label}_{base_n}")
        r = ratio(si_base, rows_per_second(other))
        shown = fmt(r, 1, "x") if r is not None else f"n/a ({other.get('status') if other else 'not run'})"
        rows.append((f"rows/s vs {name} ({base_n:,} rows)", f">= {target}x", shown,
                     verdict(r >= target if r is not None else None)))

    rss_big = si["peak_rss_mb"] if si else None
    rss_small = si_small["peak_rss_mb"] if si_small else None
    rows.append((f"peak RSS ({big:,} rows)", f"<= {TARGET_RSS_MB:.0f} MB", fmt(rss_big, 0, " MB"),
                 verdict(rss_big <= TARGET_RSS_MB if rss_big is not None else None)))
    if big != small:
        growth = ratio(rss_big, rss_small)
        rows.append((f"peak RSS {big:,} / {small:,} rows (flat)", f"<= {TARGET_RSS_GROWTH}x", fmt(growth, 2, "x"),
                     verdict(growth <= TARGET_RSS_GROWTH if growth is not None else None)))

    idle_on, idle_off = labels.get("idle_cpu_on"), labels.get("idle_cpu_off")
    cost = (idle_on["cpu_ms_per_s"] - idle_off["cpu_ms_per_s"]) / 1000 if idle_on and idle_off else None
    if cost is not None:
        rows.append(("cost of monitor (1 s) + scrape (5 s), idle service, steady state", "",
                     f"{idle_on['cpu_ms_per_s']:.0f} vs {idle_off['cpu_ms_per_s']:.0f} ms CPU/s: "
                     f"{cost * 1000:+.0f} ms/s", ""))
    for n in sizes:
        on, off = labels.get(f"si_monitored_xlsx_{n}"), labels.get(f"si_xlsx_{n}")
        if not (on and off) or not off.get("cpu_seconds"):
            continue
        estimate = cost * off["seconds"] / off["cpu_seconds"] if cost is not None else None
        wall = ratio(on["seconds"], off["seconds"]) - 1
        cpu = ratio(on["cpu_seconds"], off["cpu_seconds"]) - 1
        rows.append((f"monitoring overhead on a {n:,}-row ingestion: idle cost x its wall time / its CPU time",
                     f"< {TARGET_MONITOR_OVERHEAD:.0%}", fmt(estimate * 100 if estimate is not None else None, 2, " %")
                     + f" (whole runs on vs off, noisy: wall {wall * 100:+.0f} %, CPU {cpu * 100:+.0f} %)",
                     verdict(estimate < TARGET_MONITOR_OVERHEAD if estimate is not None else None)))

    loop = labels.get(f"si_eventloop_xlsx_{big}")
    if loop and si:
        rows.append((f"what the executor buys ({big:,} rows): worst API latency, parsing on the event loop vs on "
                     "the executor", "", f"{fmt(loop['max_ms'], 0, ' ms')} vs {fmt(si['max_ms'], 0, ' ms')} "
                     f"({fmt(ratio(loop['max_ms'], si['max_ms']), 0, 'x')}); blocked-thread warnings "
                     f"{loop['blocked_warnings']} vs {si['blocked_warnings']}", ""))
    out = ["| target | goal | measured | |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return out


def findings():
    """The hand-written analysis (bench/findings.md), kept next to the generated tables."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "findings.md")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as notes:
        return [notes.read()]


def main(results_path, output_path):
    results = load(results_path)
    env = next(r for r in results if r.get("kind") == "environment")
    run = next((r for r in results if r.get("kind") == "run"), {})
    sizes = sorted({r["expected_rows"] for r in results if r.get("kind") == "service" and "expected_rows" in r})
    quick = env["quick"]
    lines = [
        "# Benchmarks" + (" (quick run: 100k rows only)" if quick else ""),
        "",
        "Written by `bench/run.sh` (see [bench/README.md](../bench/README.md)); every figure below comes from one run "
        "on one machine, so the ratios hold even where absolute times drift. End to end = upload start to the "
        "job's rows committed. Latency = an authenticated `GET /api/datasets` at "
        f"{env['rate']} req/s, open model, measured from when each request was due. Runs of 100k rows are "
        "repeated and the median run is shown (peak RSS: the highest of them); 1M-row runs are single. Service CPU "
        "= user + system time of the service process during the measurement; host load = the 1-minute load "
        "average at its end (2 cores: above 2 means runnable threads waited for a CPU).",
        "",
        "## Machine and versions",
        "",
        *machine_table(env, run),
        "",
        "## Targets",
        "",
        *targets_table(results, sizes),
        "",
        "## Ingestion",
        "",
        *throughput_table(results, sizes),
        "",
        "## Responsiveness",
        "",
        *latency_table(results, sizes),
        "",
        *findings(),
    ]
    with open(output_path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
    failed = sorted({r["label"] for r in results if "status" in r and r["status"] != "succeeded"})
    if failed:
        print(f"runs that did not succeed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
