"""Tests of the zhtext Python binding (run by tests/python.sh).

ZHTEXT_CLI names the zhtext program of the same build: the binding must give
exactly what the CLI gives."""
import os
import pickle
import subprocess
import tempfile
import threading
import unittest

import zhtext

CLI = os.environ.get("ZHTEXT_CLI", "build/zhtext")

# JSONL with every kind of line: plain, escaped, nested, bad, unchanged.
JSONL = "\n".join([
    '{"id": 1, "text": "汉字转换，头发和皇后。", "n": [1.5, {"text": "汉"}]}',
    '{"text":"\\u6c49\\u5b57\\n\\"q\\"\\t\\\\ \\ud800 end","id":"a"}',
    'not json',
    '{"text": 5, "id": 3}',
    '{"other": "汉"}',
    '',
    '{"id": {"k": [1]}, "text": "會(huì)議在日?qǐng)?bào)大樓舉行。重要的中国人。"}',
    '{"text": "abc"}',
    '{"text": "没有换行的最后一行"}',
]).encode()


def cli(*args, data=b""):
    r = subprocess.run([CLI, *args], input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=False)
    return r.returncode, r.stdout


def has_cli(cmd):
    return os.access(CLI, os.X_OK) and cli(cmd, "--help")[0] == 0


class ConvertTest(unittest.TestCase):
    def test_convert(self):
        self.assertEqual(zhtext.convert("汉字头发", "s2t"), "漢字頭髮")
        self.assertEqual(zhtext.convert("漢字", "t2s"), "汉字")
        self.assertEqual(zhtext.convert(""), "")
        self.assertEqual(zhtext.Converter("s2twp").convert("软件"), "軟體")

    def test_bytes_and_invalid_utf8(self):
        self.assertEqual(zhtext.convert("汉".encode(), "s2t"), "漢".encode())
        bad = b"\xff\xfe\xe6\xb1" + "汉".encode() + b"\x80"
        out = zhtext.convert(bad, "s2t")
        self.assertIsInstance(out, bytes)
        self.assertEqual(out, b"\xff\xfe\xe6\xb1" + "漢".encode() + b"\x80")
        self.assertEqual(zhtext.convert(bytearray("汉".encode())), "漢".encode())

    def test_errors(self):
        with self.assertRaises(ValueError):
            zhtext.Converter("nope")
        with self.assertRaises(TypeError):
            zhtext.convert(5)
        with self.assertRaises(ValueError):
            zhtext.Converter("s2t", dicts=[b"no tab here\n"])

    def test_configs(self):
        names = [n for n, _ in zhtext.configs()]
        self.assertEqual(len(names), 16)
        for n in names:
            self.assertEqual(zhtext.Converter(n).config, n)
        self.assertEqual(zhtext.Converter("s2t.json").config, "s2t")

    def test_user_dict_and_pickle(self):
        d = "汉字\t漢子\n".encode()
        c = zhtext.Converter("s2t", dicts=[d])
        self.assertEqual(c.convert("汉字头发"), "漢子頭髮")
        with tempfile.NamedTemporaryFile(suffix=".txt") as f:
            f.write(d)
            f.flush()
            c2 = zhtext.Converter("s2t", dicts=[f.name])
        # Pickled by its settings, dictionary contents included.
        c3 = pickle.loads(pickle.dumps(c2))
        self.assertIsInstance(c3, zhtext.Converter)
        self.assertEqual(c3.config, "s2t")
        self.assertEqual(c3.convert("汉字头发"), "漢子頭髮")
        self.assertEqual(repr(c3), "zhtext.Converter('s2t')")

    def test_threads_share_a_converter(self):
        c = zhtext.Converter("s2t")
        text = "汉字转换，头发和皇后。" * 20000
        want = c.convert(text)
        got = [None] * 4

        def work(i):
            got[i] = c.convert(text)

        ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        self.assertEqual(got, [want] * 4)

    @unittest.skipUnless(has_cli("convert"), "no CLI")
    def test_large_input_matches_cli(self):
        line = "第%d行：汉字转换与头发、后面的发展。皇后在里面看着钟表。\n"
        text = "".join(line % i for i in range(60000))
        rc, out = cli("convert", "-c", "s2t", data=text.encode())
        self.assertEqual(rc, 0)
        self.assertEqual(zhtext.convert(text, "s2t"), out.decode())

    @unittest.skipUnless(has_cli("convert"), "no CLI")
    def test_jsonl_matches_cli(self):
        for field in ("text", "n"):
            out, rep, bad = zhtext.Converter("s2t").jsonl(JSONL, field=field)
            rc, want = cli("convert", "-c", "s2t", "--jsonl", "--field", field,
                           data=JSONL)
            self.assertEqual(out, want)
            self.assertEqual(rep, b"")
        out, _, bad = zhtext.Converter("s2t").jsonl(JSONL)
        self.assertEqual(bad, 4)
        self.assertEqual(out.count(b"\n"), JSONL.count(b"\n"))


@unittest.skipUnless(hasattr(zhtext, "Pinyin"), "no pinyin in this build")
class PinyinTest(unittest.TestCase):
    def test_pinyin(self):
        self.assertEqual(zhtext.pinyin("中国", style="num"), "zhong1 guo2")
        self.assertEqual(zhtext.pinyin("中国", sep="-"), "zhōng-guó")
        self.assertIn("(", zhtext.annotate("中国"))
        with self.assertRaises(ValueError):
            zhtext.Pinyin(style="nope")

    def test_pickle(self):
        p = zhtext.Pinyin(style="num", sep="_", format="ruby", heteronym=True)
        q = pickle.loads(pickle.dumps(p))
        self.assertIsInstance(q, zhtext.Pinyin)
        for t in ("中国人", "重要的银行"):
            self.assertEqual(q.pinyin(t), p.pinyin(t))
            self.assertEqual(q.annotate(t), p.annotate(t))

    @unittest.skipUnless(has_cli("pinyin"), "no CLI")
    def test_jsonl_matches_cli(self):
        p = zhtext.Pinyin(style="num")
        self.assertEqual(p.jsonl_pinyin(JSONL)[0],
                         cli("pinyin", "-s", "num", "--jsonl", data=JSONL)[1])
        a = zhtext.Pinyin(format="ruby", which="polyphonic")
        self.assertEqual(a.jsonl_annotate(JSONL)[0],
                         cli("annotate", "--format", "ruby", "--which",
                             "polyphonic", "--jsonl", data=JSONL)[1])


@unittest.skipUnless(hasattr(zhtext, "Repairer"), "no repair in this build")
class RepairTest(unittest.TestCase):
    def test_repair(self):
        text, report = zhtext.repair("會(huì)議")
        self.assertEqual(text, "会议")
        self.assertEqual(report["annotations"], 1)
        text, _ = zhtext.Repairer(script="keep").repair("會(huì)議")
        self.assertEqual(text, "會議")
        self.assertGreaterEqual(zhtext.detect("會(huì)議"), 0.0)
        with self.assertRaises(ValueError):
            zhtext.Repairer(strip="nope")
        with self.assertRaises(ValueError):
            zhtext.Repairer(lone="nope")

    def test_lone_leave(self):
        line = "這(zhè)種(zhǒng)做法是聰(cōng)?xiào)鞯模?麜?huì)由此得到。"
        text, report = zhtext.repair(line, script="keep", lone="leave")
        self.assertEqual(text, "這種做法是聰?xiào)鞯模?麜?huì)由此得到。")
        self.assertEqual({u["kind"] for u in report["unresolved"]},
                         {"unsearched"})
        # Searched: ，他 is the best reading, but not by the margin (e^4.75).
        text, report = zhtext.repair(line, script="keep")
        self.assertEqual(text, "這種做法是聰明的，?會由此得到。")
        self.assertEqual({u["kind"] for u in report["unresolved"]},
                         {"ambiguous"})
        # A lower margin writes it.
        text, report = zhtext.repair(line, script="keep", margin=2)
        self.assertEqual(text, "這種做法是聰明的，他會由此得到。")
        self.assertEqual(report["unresolved"], [])
        for bad in (-1, 51, float("nan")):
            with self.assertRaises(ValueError):
                zhtext.Repairer(margin=bad)

    def test_pickle(self):
        r = pickle.loads(pickle.dumps(zhtext.Repairer(script="traditional")))
        self.assertIsInstance(r, zhtext.Repairer)
        self.assertEqual(r.repair("會(huì)議")[0], "會議")
        r = pickle.loads(pickle.dumps(zhtext.Repairer(script="keep",
                                                      lone="leave")))
        self.assertEqual(r.repair("聰(cōng)?xiào)鞯模?麜")[0],
                         "聰?xiào)鞯模?麜")
        r = pickle.loads(pickle.dumps(zhtext.Repairer(script="keep", margin=2)))
        self.assertEqual(
            r.repair("這(zhè)種(zhǒng)做法是聰(cōng)?xiào)鞯模?麜?huì)由此得到。")[0],
            "這種做法是聰明的，他會由此得到。")

    @unittest.skipUnless(has_cli("repair"), "no CLI")
    def test_jsonl_matches_cli(self):
        with tempfile.TemporaryDirectory() as d:
            rp = os.path.join(d, "rep")
            rc, want = cli("repair", "--jsonl", "--id", "id", "--report", rp,
                           data=JSONL)
            with open(rp, "rb") as f:
                want_rep = f.read()
        out, rep, bad = zhtext.Repairer().jsonl_repair(JSONL, id="id")
        self.assertEqual(out, want)
        self.assertEqual(rep, want_rep)
        _, det, _ = zhtext.Repairer().jsonl_detect(JSONL, id="id")
        self.assertEqual(det, cli("detect", "--jsonl", "--id", "id",
                                  data=JSONL)[1])


if __name__ == "__main__":
    unittest.main()
