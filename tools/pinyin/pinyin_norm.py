"""pinyin_norm.py - written pinyin -> tone-number form, for the import scripts.

The C library has its own normaliser (lib/pinyin_syllable.c); this one only
prepares committed data, so it may be simple: it is run offline and its output
is checked into data/pinyin/.
"""
import unicodedata

# Tone marks as combining characters after NFD decomposition.
_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def to_num(s):
    """'zhōng' -> 'zhong1', 'lǜ' -> 'lv4', 'le' -> 'le5'; None if odd."""
    s = s.strip().lower()
    if not s:
        return None
    tone = 5
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch == "\u0308":       # diaeresis: u + ¨ = ü
            if not out or out[-1] != "u":
                return None
            out[-1] = "v"
        elif ch == "\u0302":       # circumflex: ê, written e in tone-number form
            if not out or out[-1] != "e":
                return None
        elif "a" <= ch <= "z":
            out.append(ch)
        else:
            return None
    if s[-1:].isdigit():
        return None
    return "".join(out) + str(tone)
