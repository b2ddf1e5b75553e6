#!/usr/bin/python3
"""dask_throughput: the Dask pipeline (examples/dask_pipeline.py) with 1 and 2
workers against the single-process command, in the same run (issue 14, part 4).

    PYTHONPATH=build/python /usr/bin/python3 bench/dask_throughput.py \\
        --jsonl build/synthetic-20k.jsonl --partitions 8 --cli build/storyline --dir build/dask-bench

The JSONL file is dealt into --partitions files (record i to partition
i mod N, so each spans the whole period, as crawl partitions do). Then, each
in a child process of its own (wall time, CPU time of the process and its
children, peak RSS of the largest process):
  1. the baseline: `storyline ingest --batch 0` of the partition files;
  2. the pipeline with a LocalCluster of 1 worker;
  3. the pipeline with 2 workers.
The pipeline's phases (shards on the workers, the serial merge, the briefs)
come from its summary.json. Checks that 2 and 3 list the same stories as 1.
Prints a Markdown table and the per-article costs the README's projection
uses.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PIPELINE = os.path.join(HERE, "..", "examples", "dask_pipeline.py")


def timed(cmd, env=None):
    """Runs cmd; returns (wall, cpu of the children, peak RSS MiB, process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--cli", required=True, help="the storyline command")
    ap.add_argument("--dir", required=True, help="scratch folder (emptied)")
    args = ap.parse_args()

    shutil.rmtree(args.dir, ignore_errors=True)
    parts_dir = os.path.join(args.dir, "parts")
    os.makedirs(parts_dir)
    parts = [os.path.join(parts_dir, f"part-{i:03d}.jsonl") for i in range(args.partitions)]
    outs = [open(p, "w", encoding="utf-8") for p in parts]
    n = 0
    with open(args.jsonl, encoding="utf-8") as f:
        for i, line in enumerate(f):
            outs[i % args.partitions].write(line)
            n += 1
    for o in outs:
        o.close()
    print(f"dask_throughput: {n} articles in {args.partitions} partitions", flush=True)

    rows = []
    db = os.path.join(args.dir, "ref.db")
    wall, cpu, rss, p = timed([args.cli, "ingest", "--no-progress", "--batch", "0", "--db", db, *parts])
    if p.returncode != 0:
        sys.exit(f"dask_throughput: baseline ingest failed: {p.stderr}")
    ref = subprocess.run([args.cli, "stories", "--db", db, "--json"], capture_output=True, text=True).stdout
    rows.append(("`storyline ingest --batch 0` (single process, all cores)", wall, cpu, rss, None))

    summaries = {}
    for workers in (1, 2):
        out = os.path.join(args.dir, f"out-{workers}")
        wall, cpu, rss, p = timed([sys.executable, PIPELINE, "--out", out, "--workers", str(workers),
                                   "--dashboard", "", "--no-progress", *parts])
        if p.returncode != 0:
            sys.exit(f"dask_throughput: pipeline ({workers} workers) failed: {p.stderr}")
        with open(os.path.join(out, "summary.json")) as f:
            s = json.load(f)
        summaries[workers] = s
        mine = subprocess.run([args.cli, "stories", "--db", os.path.join(out, "storyline.db"), "--json"],
                              capture_output=True, text=True).stdout
        if json.loads(mine) != json.loads(ref):
            sys.exit(f"dask_throughput: {workers}-worker stories differ from the single-process run")
        rows.append((f"Dask pipeline, LocalCluster of {workers} worker{'s' if workers > 1 else ''}",
                     wall, cpu, max(rss, s["worker_peak_rss_mib"]), s))

    base = rows[0][1]
    print()
    print("| run | wall | articles/s | vs single process | CPU | peak RSS | shards (workers) | merge (serial) | briefs |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, wall, cpu, rss, s in rows:
        phases = (f"{s['shard_seconds']:.1f} s | {s['merge_seconds']:.1f} s | {s['brief_seconds']:.1f} s"
                  if s else "- | - | -")
        print(f"| {name} | {wall:.1f} s | {n / wall:,.0f} | {base / wall:.2f}x | {cpu:.1f} s | "
              f"{rss:,.0f} MiB | {phases} |")
    s2 = summaries[2]
    m = s2["merge"]
    print()
    print(f"stories equal in all three runs: {len(json.loads(ref))}")
    print(f"per article: worker CPU {1000 * s2['worker_cpu_seconds'] / n:.2f} ms (read, clean, annotate, store); "
          f"merge {1000 * s2['merge_seconds'] / n:.2f} ms wall (copy {1000 * m['copy_seconds'] / n:.2f} ms, "
          f"stories {1000 * m['story_seconds'] / n:.2f} ms)")


if __name__ == "__main__":
    main()
