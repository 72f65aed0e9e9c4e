"""zhtext: Chinese text script work over the libzhtext C library.

Simplified/Traditional conversion with OpenCC's exact answers (and, as the
library grows, pinyin, annotation and repair of damaged web text).  Every
object is immutable, safe to share between threads (the GIL is released
while the C library works) and picklable by its settings, so it can be
shipped to Dask or multiprocessing workers and rebuilt there.

    >>> import zhtext
    >>> zhtext.convert("汉字", "s2t")
    '漢字'
    >>> c = zhtext.Converter("s2tw")
    >>> c.convert("软件")
    '軟件'
"""
import functools
import os

from . import _zhtext

__all__ = ["Converter", "convert", "configs", "__version__"]
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

    convert(text) takes str (giving str) or bytes (giving bytes; invalid
    UTF-8 passes through).  jsonl(data, field="text") converts one string
    field of every JSON line in `data` exactly as `zhtext convert --jsonl`
    does and returns (bytes, number of lines passed through unchanged).
    """

    def __init__(self, config, dicts=()):
        super().__init__(config, tuple(_dict_bytes(d) for d in dicts))


def configs():
    """[(name, description)] of the built-in conversion configurations."""
    return _zhtext.configs()


@functools.lru_cache(maxsize=32)
def _converter(config):
    return Converter(config)


def convert(text, config="s2t"):
    """Convert text (str or bytes) with a built-in configuration."""
    return _converter(config).convert(text)
