"""Run a zhtext command over a directory of JSONL shards on a Dask cluster.

Each shard (``*.jsonl`` or ``*.jsonl.gz``) is one task: a worker opens it,
transforms it with the binding in bounded chunks of whole lines, and writes
one output shard of the same name (gzip again if the input was), so a
cluster of any size gives exactly what ``zhtext COMMAND --jsonl`` gives on
each shard, byte for byte::

    from distributed import Client
    import zhtext.dask
    client = Client("tcp://scheduler:8786")
    zhtext.dask.run("convert", "in/", "out/", client=client, config="s2t")
    zhtext.dask.run("repair", "in/", "out/", client=client, id="id",
                    report_dir="reports/")

Workers need the zhtext package installed (``pip install ./python``) and the
input and output directories on a shared file system.  Only the command's
settings travel to the workers: the objects pickle by their settings.
Without a client the shards are processed here, one after another.
"""
import gzip
import os
import uuid

import zhtext

__all__ = ["run", "process_shard", "make_transformer", "COMMANDS"]

COMMANDS = ("convert", "pinyin", "annotate", "repair", "detect")

# Whole lines are handed to the C library in chunks of about this size, so a
# worker's memory stays bounded whatever the shard size.
CHUNK = 8 << 20


def make_transformer(command, **options):
    """(object, method name) doing `command` with the CLI's options."""
    if command == "convert":
        return zhtext.Converter(options.pop("config", "s2t"), **options), "jsonl"
    if command in ("pinyin", "annotate"):
        return zhtext.Pinyin(**options), "jsonl_" + command
    if command in ("repair", "detect"):
        return zhtext.Repairer(**options), "jsonl_" + command
    raise ValueError("unknown command %r (one of %s)" % (command, ", ".join(COMMANDS)))


def _open(path, mode, gz=None):
    if path.endswith(".gz") if gz is None else gz:
        # mtime=0: the same input gives the same compressed bytes.
        if "w" in mode:
            return gzip.GzipFile(path, mode, mtime=0)
        return gzip.open(path, mode)
    return open(path, mode)


def _chunks(f):
    """Runs of whole lines of about CHUNK bytes (the last may lack '\\n')."""
    rest = b""
    while True:
        block = f.read(CHUNK)
        if not block:
            if rest:
                yield rest
            return
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            # One line longer than a chunk: keep reading until it ends.
            rest = block
            continue
        rest = block[cut:]
        yield block[:cut]


def process_shard(transformer, method, src, dst, field="text", id=None,
                  report=None):
    """Transform one shard file into dst (and the report lines into report).

    Returns a dict: input, output, lines, bad (lines passed through
    unchanged, as the CLI counts them)."""
    fn = getattr(transformer, method)
    lines = bad = 0
    tmp = dst + ".part"
    rtmp = report + ".part" if report else None
    with _open(src, "rb") as fin, \
            _open(tmp, "wb", dst.endswith(".gz")) as fout:
        rout = _open(rtmp, "wb", report.endswith(".gz")) if rtmp else None
        try:
            for chunk in _chunks(fin):
                text, rep, nbad = fn(chunk, field=field, id=id)
                lines += chunk.count(b"\n") + (not chunk.endswith(b"\n"))
                bad += nbad
                # detect: the report lines are the output.
                fout.write(rep if method == "jsonl_detect" else text)
                if rout is not None and method != "jsonl_detect":
                    rout.write(rep)
        finally:
            if rout is not None:
                rout.close()
    # Rename at the end: a half-written shard never looks finished.
    os.replace(tmp, dst)
    if rtmp:
        os.replace(rtmp, report)
    return {"input": src, "output": dst, "lines": lines, "bad": bad}


def _shards(in_dir):
    names = sorted(n for n in os.listdir(in_dir)
                   if n.endswith(".jsonl") or n.endswith(".jsonl.gz"))
    return [os.path.join(in_dir, n) for n in names]


def run(command, in_dir, out_dir, client=None, field="text", id=None,
        report_dir=None, **options):
    """Run `command` over every shard of in_dir, one output shard each.

    command: convert, pinyin, annotate, repair or detect; options are the
    command's settings (convert: config, dicts; pinyin/annotate: as
    zhtext.Pinyin; repair/detect: as zhtext.Repairer).  field and id are
    the CLI's --field and --id; report_dir receives repair's report lines
    (one shard each, named like the input).  Returns one dict per shard, in
    shard order.
    """
    transformer, method = make_transformer(command, **options)
    os.makedirs(out_dir, exist_ok=True)
    if report_dir:
        os.makedirs(report_dir, exist_ok=True)
    jobs = []
    for src in _shards(in_dir):
        name = os.path.basename(src)
        dst = os.path.join(out_dir, name)
        rep = os.path.join(report_dir, name) if report_dir else None
        jobs.append((src, dst, rep))
    if client is None:
        return [process_shard(transformer, method, s, d, field, id, r)
                for s, d, r in jobs]
    tag = uuid.uuid4().hex[:12]
    futures = [client.submit(process_shard, transformer, method, s, d, field,
                             id, r, pure=False,
                             key="zhtext-%s-%s-%d" % (command, tag, i))
               for i, (s, d, r) in enumerate(jobs)]
    return client.gather(futures)
