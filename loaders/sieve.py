"""Regexes that skip the texts they cannot match: a cheap test for the words a match needs.

Python's `re` tries every alternative of a case-insensitive alternation at every position of a
text (it has no literal prefix to scan for), so a table of cues compiled into one regex costs
time in proportion to the table times the text. Yet most alternatives cannot match most texts:
every match of `(?:tele)?phone (?:call|talks)s?` contains "phone". `words_needed` reads those
words off the parsed regex; a `Sieve` searches a text only when one of them is in it, and an
`Alternation` tries only the alternatives whose words the text holds, each compiled alone (the
earliest match wins, and at one position the first alternative, as in the whole regex). Either
gives exactly the matches of the plain regex: a text without a needed word has none. A table of
64 triggers searched this way is eight times as fast on news sentences.

    >>> words_needed(r"\\b(?:tele)?phone (?:call|talks)s?\\b")
    frozenset({'phone '})
    >>> Sieve(re.compile(r"\\bsummits?\\b", re.IGNORECASE)).search("a SUMMIT") is not None
    True
"""

import functools
import re
from re import _constants as _sre  # the parse tree re compiles from (CPython 3.11+)
from re import _parser

#: Shorter words than this are in most texts: not worth testing for.
MIN_WORD = 3

#: The only characters beside ASCII that re.IGNORECASE matches with an ASCII letter: "İ" and "ı"
#: match "i", "ſ" matches "s" (and the Kelvin sign "K", which str.lower() already makes "k").
#: tests/test_sieve.py checks the list against every code point.
_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def folded(text):
    """`text` lower-cased, with the characters re.IGNORECASE takes for an ASCII letter made that
    letter, and of the same length: an ASCII word a case-insensitive regex matches in `text` is
    a substring of `folded(text)`, at the same offset."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_TWINS)  # before lower(): "İ".lower() is two characters
    return text.lower()


#: A text at least this long (a whole article, searched again and again at other offsets) is
#: folded once and kept; a shorter one (a sentence, a window) costs less to fold again.
_LONG_TEXT = 400
_folded_long = functools.lru_cache(maxsize=16)(folded)


def _lowered(text, pos, endpos):
    lowered = folded(text) if len(text) < _LONG_TEXT else _folded_long(text)
    return lowered[pos:endpos] if pos or endpos < len(text) else lowered


def words_needed(pattern, flags=0):
    """The lower-case ASCII words one of which every match of `pattern` contains, in the text it
    consumes or a lookahead reads (not a lookbehind), or None when no such word of MIN_WORD
    characters is known. Takes a regex string; the flags do not change the words."""
    return _words_of(_parser.parse(pattern, flags))


def _words_of(parsed):
    words = _needed(parsed.data)
    return words if words and min(map(len, words)) >= MIN_WORD else None


def _needed(items):
    """The best set of needed words of a sequence of parsed items, or None."""
    found, run = [], []

    def end_run():
        if run:
            found.append(frozenset({"".join(run)}))
            run.clear()

    for op, value in _flat(items):
        if op is _sre.LITERAL and chr(value).isascii():
            run.append(chr(value).lower())
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            # zero width: the characters on either side stay side by side; what a lookahead
            # needs lies in the text searched too (a search does not look past `endpos`), what
            # a lookbehind needs may lie before `pos`
            if op is _sre.ASSERT and value[0] == 1:
                ahead = _needed(value[1].data)
                if ahead:
                    found.append(ahead)
        else:
            end_run()
            if op is _sre.BRANCH:
                alternatives = [_needed(branch.data) for branch in value[1]]
                if all(alternatives):
                    found.append(frozenset().union(*alternatives))
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and value[0] >= 1:
                inner = _needed(value[2].data)
                if inner:
                    found.append(inner)
    end_run()
    # the set whose shortest word is longest tests best; then the one with fewest words
    return max(found, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _flat(items):
    """Parsed items with groups opened: a group is a sequence like the one around it."""
    for op, value in items:
        if op is _sre.SUBPATTERN:
            yield from _flat(value[3].data)
        elif op is _sre.ATOMIC_GROUP:
            yield from _flat(value.data)
        else:
            yield op, value


def _has(words, text, pos, endpos):
    lowered = _lowered(text, pos, endpos)
    return any(word in lowered for word in words)


class Sieve:
    """A compiled regex that is run only on texts holding one of the words its matches need.

    `search` and `finditer` skip a text that holds none of them; every other method is the
    regex's own.
    """

    __slots__ = ("regex", "words")

    def __init__(self, regex):
        self.regex = regex
        self.words = tuple(sorted(words_needed(regex.pattern, regex.flags) or ()))

    def search(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        if self.words and not _has(self.words, text, pos, endpos):
            return None
        return self.regex.search(text, pos, endpos)

    def finditer(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        if self.words and not _has(self.words, text, pos, endpos):
            return iter(())
        return self.regex.finditer(text, pos, endpos)

    def __getattr__(self, name):
        return getattr(self.regex, name)


def sieved(regex):
    """`regex` behind a Sieve when its matches need a word, else `regex` itself."""
    return Sieve(regex) if words_needed(regex.pattern, regex.flags) else regex


class Alternation:
    """`head + "|".join(alternatives) + tail` compiled with `flags`; the alternatives are the
    pattern's last part (`tail` only closes the group `head` opens). `search` and `finditer`
    try only the alternatives whose needed words a text holds (those that need none, always),
    each compiled alone as `head + alternative + tail`: a match starts where the first of them
    matches, and at one start the earliest alternative wins, as in the whole regex. A table
    with an alternative that may match an empty string is searched whole. Group numbers differ
    from the whole regex's: read groups by name. Every other method is the whole regex's.
    """

    def __init__(self, alternatives, flags=0, head="", tail=""):
        self.alternatives = tuple(alternatives)
        self.flags, self.head, self.tail = flags, head, tail
        self.regex = re.compile(head + "|".join(self.alternatives) + tail, flags)
        self.pattern = self.regex.pattern
        parsed = [_parser.parse(a, flags) for a in self.alternatives]
        needs = [_words_of(p) for p in parsed]
        # an alternative that may match an empty string would stall the merge of `finditer`:
        # a table holding one is searched whole
        self._sieving = all(p.getwidth()[0] > 0 for p in parsed)
        #: the alternatives that need no word, and those that need each word
        self._always = frozenset(n for n, words in enumerate(needs) if words is None)
        self._needing = {}
        for n, words in enumerate(needs):
            for word in words or ():
                self._needing.setdefault(word, set()).add(n)
        self._words = tuple(sorted(self._needing))
        self._each = [None] * len(self.alternatives)
        self._chosen = {}  # alternative numbers -> their regexes, in order

    def _alternative(self, n):
        regex = self._each[n]
        if regex is None:
            regex = self._each[n] = re.compile(self.head + self.alternatives[n] + self.tail, self.flags)
        return regex

    def _present(self, text, pos, endpos):
        """The alternatives that may match in text[pos:endpos], compiled."""
        lowered = _lowered(text, pos, endpos)
        held = [word for word in self._words if word in lowered]
        numbers = self._always.union(*(self._needing[word] for word in held)) if held else self._always
        chosen = self._chosen.get(numbers)
        if chosen is None:
            if len(self._chosen) > 4096:
                self._chosen.clear()
            chosen = self._chosen[numbers] = [self._alternative(n) for n in sorted(numbers)]
        return chosen

    def search(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        if not self._sieving:
            return self.regex.search(text, pos, endpos)
        first = None
        for regex in self._present(text, pos, endpos):
            found = regex.search(text, pos, endpos)
            if found is not None and (first is None or found.start() < first.start()):
                first = found
        return first

    def finditer(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        present = self._present(text, pos, endpos) if self._sieving else [self.regex]
        if len(present) == 1:
            yield from present[0].finditer(text, pos, endpos)
            return
        # the next match of each alternative from `pos` on; a match is kept while it starts
        # after the last one yielded ended (where each starts does not depend on `pos`)
        upcoming = [regex.search(text, pos, endpos) for regex in present]
        while True:
            first = None
            for found in upcoming:
                if found is not None and (first is None or found.start() < first.start()):
                    first = found
            if first is None:
                return
            yield first
            pos = first.end()
            upcoming = [found if found is None or found.start() >= pos else regex.search(text, pos, endpos)
                        for regex, found in zip(present, upcoming)]

    def match(self, text, pos=0, endpos=None):
        return self.regex.match(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text, pos=0, endpos=None):
        return self.regex.fullmatch(text, pos, len(text) if endpos is None else endpos)

    def __getattr__(self, name):
        return getattr(self.regex, name)
