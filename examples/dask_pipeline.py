#!/usr/bin/env python3
"""storyline on a Dask cluster: shards on the workers, one merge, the briefs.

    PYTHONPATH=build/python /usr/bin/python3 examples/dask_pipeline.py \\
        --out build/dask-out examples/wire.jsonl crawl/part-*.warc.gz

Every input file (JSONL or WARC, either of them gzipped; folders are
searched for them) is one partition. Each partition goes to a worker, which
reads, cleans and annotates its articles and stores them with their
annotations in a shard of its own (OUT/shards/part-NNNNN.db, through
storyline.Store.ingest(group=False): the workers group nothing). The client
then merges the shards into OUT/storyline.db in partition order
(storyline.Store.merge: annotations copied, never made again; the stories
grouped once over everything, in publication order) and writes
OUT/stories.json and OUT/brief.json.

The result equals one single-process `storyline ingest --batch 0` of the
same files in the same order (DESIGN.md, "Merging shards"; tested by
tests/python/dask_pipeline_test.py).

Without --scheduler a LocalCluster of --workers processes runs here; with
--scheduler tcp://HOST:8786 the same code runs on that cluster. Its workers
need the storyline module importable and must see the input paths and OUT
at the same paths as the client (a shared file system).

Progress: Dask's progress bar on a terminal (and the dashboard, whose
address is printed); a line per phase in any case.
Exit codes: 0 done; 1 some input was reported and skipped (or a partition
failed: the others are merged); 2 nothing could be done.
"""
import argparse
import json
import os
import sys
import time

INPUT_SUFFIXES = (".jsonl", ".jsonl.gz", ".warc", ".warc.gz")


def find_inputs(paths):
    """The partition files: files as given, folders searched (sorted)."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, dirs, names in os.walk(p):
                dirs.sort()
                found += [os.path.join(root, n) for n in sorted(names) if n.endswith(INPUT_SUFFIXES)]
            if not found:
                print(f"dask_pipeline: {p}: no .jsonl or .warc files (gzipped or not) in this folder",
                      file=sys.stderr)
            files += found
        elif os.path.isfile(p):
            files.append(p)
        else:
            print(f"dask_pipeline: {p}: no such file or folder", file=sys.stderr)
    return [os.path.abspath(f) for f in files]


def remove_store(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def make_shard(path, shard):
    """On a worker: one partition file into a fresh shard, not grouped."""
    import resource
    import storyline  # imported on the worker

    start = time.perf_counter()
    cpu = time.process_time()
    remove_store(shard)
    with storyline.Store(shard) as store:
        report = store.ingest([path], batch=0, group=False)
    return {
        "input": path,
        "shard": shard,
        "read": report["read"],
        "stored": report["stored"],
        "annotated": report["annotated"],
        "problems": [p["line"] for p in report["problems"]],
        "warnings": report["warnings"],
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL/WARC files (.gz too) or folders holding them")
    ap.add_argument("--out", required=True, help="output folder (shards/, storyline.db, stories.json, brief.json)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (then no LocalCluster)")
    ap.add_argument("--dashboard", default=":0",
                    help="LocalCluster dashboard address (default: any free port; '' for none)")
    ap.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = ap.parse_args(argv)

    try:
        import storyline
    except ImportError as e:
        print(f"dask_pipeline: cannot import storyline ({e}); build it (make build) and set "
              "PYTHONPATH=build/python", file=sys.stderr)
        return 2
    try:
        from distributed import Client, LocalCluster, progress
    except ImportError as e:
        print(f"dask_pipeline: cannot import Dask distributed ({e}); install python3-distributed "
              "(scripts/install-deps)", file=sys.stderr)
        return 2

    files = find_inputs(args.inputs)
    if not files:
        print("dask_pipeline: no input", file=sys.stderr)
        return 2
    out = os.path.abspath(args.out)
    shard_dir = os.path.join(out, "shards")
    os.makedirs(shard_dir, exist_ok=True)
    shards = [os.path.join(shard_dir, f"part-{i:05d}.db") for i in range(len(files))]

    # Worker processes started here inherit the environment, not sys.path:
    # the folder the module came from goes on their PYTHONPATH.
    module_dir = os.path.dirname(os.path.abspath(storyline.__file__))
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if module_dir not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([module_dir] + paths)

    t0 = time.perf_counter()
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=args.dashboard or None)
        client = Client(cluster)
    try:
        if client.dashboard_link and args.dashboard != "":
            print(f"dask_pipeline: dashboard {client.dashboard_link}", file=sys.stderr)
        print(f"dask_pipeline: {len(files)} partitions on "
              f"{len(client.scheduler_info()['workers'])} workers", file=sys.stderr)
        t_shards = time.perf_counter()
        futures = [client.submit(make_shard, f, s, key=f"shard-{i:05d}", pure=False)
                   for i, (f, s) in enumerate(zip(files, shards))]
        if not args.no_progress and sys.stderr.isatty():
            progress(futures)
        results, failed = [], []
        for i, fut in enumerate(futures):
            try:
                results.append(fut.result())
            except Exception as e:  # a partition that failed: reported, the rest merged
                failed.append(i)
                print(f"dask_pipeline: {files[i]}: partition failed: {e}", file=sys.stderr)
        shard_seconds = time.perf_counter() - t_shards
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    problems = 0
    for r in results:
        for line in r["problems"]:
            print(line, file=sys.stderr)
            problems += 1
        for w in r["warnings"]:
            print(f"storyline: warning: {w}", file=sys.stderr)
    read = sum(r["read"] for r in results)
    print(f"dask_pipeline: shards: {len(results)} made, {len(failed)} failed; {read} articles read, "
          f"{sum(r['annotated'] for r in results)} annotated in {shard_seconds:.2f}s "
          f"(worker CPU {sum(r['cpu_seconds'] for r in results):.2f}s)", file=sys.stderr)

    # The serial part: one merge in partition order, then the briefs.
    db = os.path.join(out, "storyline.db")
    remove_store(db)
    ok_shards = [s for i, s in enumerate(shards) if i not in failed]
    t_merge = time.perf_counter()
    with storyline.Store(db) as store:
        merged = store.merge(ok_shards)
        merge_seconds = time.perf_counter() - t_merge
        t_brief = time.perf_counter()
        stories = store.stories()
        brief = store.brief()
    brief_seconds = time.perf_counter() - t_brief
    for p in merged.get("problems", []):
        print(p["line"], file=sys.stderr)
        problems += 1
    with open(os.path.join(out, "stories.json"), "w", encoding="utf-8") as f:
        json.dump(stories, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, "brief.json"), "w", encoding="utf-8") as f:
        json.dump(brief, f, ensure_ascii=False, indent=1)
    total = time.perf_counter() - t0
    print(f"dask_pipeline: merge: {merged.get('stored', 0)} articles, {merged.get('annotated', 0)} annotated again, "
          f"{len(stories)} stories in {merge_seconds:.2f}s; briefs {brief_seconds:.2f}s; "
          f"total {total:.2f}s ({read / total if total > 0 else 0:.0f} articles/s); wrote {out}",
          file=sys.stderr)
    summary = {
        "partitions": len(files), "failed": len(failed), "read": read,
        "stored": merged.get("stored", 0), "stories": len(stories),
        "shard_seconds": shard_seconds, "merge_seconds": merge_seconds,
        "brief_seconds": brief_seconds, "total_seconds": total,
        "worker_cpu_seconds": sum(r["cpu_seconds"] for r in results),
        "worker_peak_rss_mib": max((r["peak_rss_mib"] for r in results), default=0),
        "merge": merged,
    }
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
    if not results:
        return 2
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
