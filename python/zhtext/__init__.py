"""zhtext: Chinese text script work over the libzhtext C library.

Simplified/Traditional conversion with OpenCC's exact answers, Hanyu Pinyin
and annotation, and repair of web text damaged by injected pinyin.  Every
object is immutable, safe to share between threads (the GIL is released
while the C library works) and picklable by its settings, so it can be
shipped to Dask or multiprocessing workers and rebuilt there.

    >>> import zhtext
    >>> zhtext.convert("汉字", "s2t")
    '漢字'
    >>> zhtext.Converter("s2twp").convert("软件")
    '軟體'

Text arguments may be str (giving str) or bytes (giving bytes, where invalid
UTF-8 passes through byte for byte, as in the CLI).  Each object also has
jsonl methods that transform one string field of every line of a JSONL
buffer exactly as the CLI's --jsonl mode does (see zhtext.dask).
"""
import functools
import json
import os

from . import _zhtext

__all__ = ["Converter", "Pinyin", "Repairer", "convert", "pinyin",
           "annotate", "repair", "detect", "configs", "__version__"]
__version__ = _zhtext.__version__


def _dict_bytes(d):
    """A user dictionary given as contents (bytes) or as a path."""
    if isinstance(d, (bytes, bytearray)):
        return bytes(d)
    with open(os.fspath(d), "rb") as f:
        return f.read()


class Converter(_zhtext.Converter):
    """Converter(config, dicts=()): OpenCC-compatible conversion.

    config: s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t
    t2hk hk2t t2jp jp2t ("s2t.json" also works).  dicts: user phrase
    dictionaries ("key<TAB>value" lines) as paths or bytes; their entries
    take precedence, later ones winning.  Pickles as (config, dictionary
    contents), so workers elsewhere need no files.

    convert(text) -> text.  jsonl(data, field="text") -> (bytes, b"", bad)
    converts one string field of every JSON line as `zhtext convert --jsonl`.
    """

    def __init__(self, config, dicts=()):
        super().__init__(config, tuple(_dict_bytes(d) for d in dicts))


class Pinyin(_zhtext.Pinyin):
    """Pinyin(style="tone", heteronym=False, sandhi=False, spoken=False,
    u="auto", omit_neutral=False, dicts=(), sep=" ", format="inline",
    which="all", chars=None, html=False)

    The options of `zhtext pinyin` and `zhtext annotate`.  style: tone num
    none initial final first zhuyin (or pypinyin's names).  u: auto, v or
    umlaut.  dicts: "词语<TAB>ci2 yu3" dictionaries as paths or bytes.  sep
    separates syllables in pinyin(); format (inline or ruby), which (all or
    polyphonic), chars and html shape annotate().

    pinyin(text), annotate(text) -> text.  jsonl_pinyin(data, field="text"),
    jsonl_annotate(...) -> (bytes, b"", bad) as the CLI's --jsonl.
    """

    def __init__(self, style="tone", heteronym=False, sandhi=False,
                 spoken=False, u="auto", omit_neutral=False, dicts=(),
                 sep=" ", format="inline", which="all", chars=None,
                 html=False):
        super().__init__(style, heteronym, sandhi, spoken, u, omit_neutral,
                         tuple(_dict_bytes(d) for d in dicts), sep, format,
                         which, chars, html)


class Repairer(_zhtext.Repairer):
    """Repairer(strip="auto", script="simplified", boilerplate="keep",
                lone="search", margin=4.75)

    Repair of web text damaged by injected pinyin, as `zhtext repair`.
    repair(text) -> (text, report dict); detect(text) -> score in 0..1.
    jsonl_repair(data, field="text", id=None) -> (bytes, report lines, bad);
    jsonl_detect(...) -> (b"", one report line per input line, bad).
    """

    def repair(self, text):
        out, report = super().repair(text)
        return out, json.loads(report)


def configs():
    """[(name, description)] of the built-in conversion configurations."""
    return _zhtext.configs()


@functools.lru_cache(maxsize=32)
def _converter(config):
    return Converter(config)


@functools.lru_cache(maxsize=32)
def _pinyin(**kw):
    return Pinyin(**kw)


@functools.lru_cache(maxsize=8)
def _repairer(**kw):
    return Repairer(**kw)


def convert(text, config="s2t"):
    """Convert text (str or bytes) with a built-in configuration."""
    return _converter(config).convert(text)


def pinyin(text, style="tone", **options):
    """Pinyin of text; options as for Pinyin (not dicts)."""
    return _pinyin(style=style, **options).pinyin(text)


def annotate(text, style="tone", **options):
    """Text with readings attached; options as for Pinyin (not dicts)."""
    return _pinyin(style=style, **options).annotate(text)


def repair(text, strip="auto", script="simplified", boilerplate="keep",
           lone="search", margin=4.75):
    """Repair damaged text: returns (text, report dict)."""
    return _repairer(strip=strip, script=script, boilerplate=boilerplate,
                     lone=lone, margin=margin).repair(text)


def detect(text):
    """The pinyin-injection score of a document, 0 (clean) to 1."""
    return _repairer().detect(text)
