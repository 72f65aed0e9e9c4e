"""The Dask check of tests/dask.sh (a file: worker processes are spawned)."""
import gzip, json, os, subprocess, sys


def main():
    T = sys.argv[1]
    CLI = os.environ["ZHTEXT_CLI"]
    import zhtext.dask
    from distributed import Client, LocalCluster

    # Shards: real text when ../shared is there, else text made here; bad lines,
    # a nested field and one gzip shard among them.
    src = "../shared/data/corpus/zh_simp.txt"
    if os.path.exists(src):
        with open(src, encoding="utf-8") as f:
            lines = [next(f).rstrip("\n") for _ in range(6000)]
    else:
        print("note: ../shared absent, using generated text")
        lines = ["第%d行：汉字转换与头发、后面的发展。會(huì)議在日報大樓。" % i for i in range(6000)]
    ind = os.path.join(T, "in")
    os.makedirs(ind)
    for k in range(3):
        rows = []
        for i, l in enumerate(lines[k * 2000:(k + 1) * 2000]):
            rows.append(json.dumps({"id": "%d-%d" % (k, i), "text": l, "m": {"t": l[:9]}},
                                   ensure_ascii=(i % 2 == 0)))
            if i % 500 == 7:
                rows.append("{broken")
        data = ("\n".join(rows) + "\n").encode()
        name = os.path.join(ind, "shard-%d.jsonl" % k)
        if k == 1:
            with gzip.GzipFile(name + ".gz", "wb", mtime=0) as f:
                f.write(data)
        else:
            with open(name, "wb") as f:
                f.write(data)
    with open(os.path.join(ind, "README"), "w") as f:
        f.write("not a shard\n")

    def read(path):
        with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as f:
            return f.read()

    def cli(args, path, report=None):
        extra = ["--report", report] if report else []
        r = subprocess.run([CLI] + args + ["--jsonl"] + extra, input=read(path),
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
        return r.stdout

    def has(cmd):
        return subprocess.run([CLI, cmd, "--help"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0

    cases = [("convert", ["convert", "-c", "s2twp"], dict(config="s2twp"), "text", None),
             ("convert", ["convert", "-c", "s2t", "--field", "m.t"], dict(config="s2t"), "m.t", None)]
    if has("pinyin"):
        cases.append(("pinyin", ["pinyin", "-s", "num"], dict(style="num"), "text", None))
    if has("repair"):
        cases.append(("repair", ["repair", "--id", "id"], {}, "text", "id"))
    if has("detect"):
        cases.append(("detect", ["detect", "--id", "id"], {}, "text", "id"))

    fails = 0
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    try:
        for n, (cmd, args, opts, field, idf) in enumerate(cases):
            out = os.path.join(T, "out%d" % n)
            rep = os.path.join(T, "rep%d" % n) if cmd == "repair" else None
            res = zhtext.dask.run(cmd, ind, out, client=client, field=field, id=idf,
                                  report_dir=rep, **opts)
            assert [os.path.basename(r["input"]) for r in res] == \
                ["shard-0.jsonl", "shard-1.jsonl.gz", "shard-2.jsonl"], res
            for r in res:
                want_rep = os.path.join(T, "want-report")
                want = cli(args, r["input"], want_rep if rep else None)
                got = read(r["output"])
                ok = got == want
                if rep:
                    ok = ok and read(os.path.join(rep, os.path.basename(r["input"]))) == read(want_rep)
                if r["input"].endswith(".gz") and not r["output"].endswith(".gz"):
                    ok = False
                print("%s %s %s: %d lines, %d bad" % ("ok" if ok else "FAIL", " ".join(args),
                      os.path.basename(r["input"]), r["lines"], r["bad"]))
                fails += not ok
    finally:
        client.close()
        cluster.close()
    print("dask: %s" % ("all passed" if not fails else "%d failed" % fails))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
