"""loaders/sieve.py: the words a regex needs, and sieved regexes that match exactly as the plain ones."""
import re
import sys

import pytest

from loaders import cues
from loaders.extraction import patterns
from loaders.sentences import split_sentences
from loaders.settings import ROOT
from loaders.sieve import Alternation, Sieve, folded, sieved, words_needed


@pytest.mark.parametrize("pattern, words", [
    (r"\bsummits?\b", {"summit"}),
    (r"(?:tele)?phone (?:call|talks)s?", {"phone "}),
    (r"(?:state|official) visit", {" visit"}),  # the set whose shortest word is longest
    (r"(?<=the )(?:\w+ )?negotiations?", {"negotiation"}),  # a lookbehind is not consumed
    (r"met(?= with)", {" with"}),          # the longest word of the lookahead
    (r"(?:called|calls) on", {"call"}),    # re factors out the common start
    (r"(?:Fed|Opec) meeting", {" meeting"}),
    (r"\d+ days? of talks", {" of talks"}),
    (r"(?:talks){1,2}", {"talks"}),
    (r"[A-Z]\w+ said", {" said"}),         # a class ends a word
    (r"\b(?:in|at)\s+", None),              # words too short to be worth a test
    (r"(?:meeting)?s", None),                # an optional word is not needed
    (r"(?:talks|\w+ing)", {"talks", "ing"}),
    (r"(?:talks|\w+s)", None),               # an alternative that needs only a letter
    (r"\w+(?= summit)", {" summit"}),        # a search reads no further than its `endpos`
    (r"(?<=summit )\w+", None),               # but a lookbehind reads before its `pos`
    (r"(?!summit)\w+", None),
])
def test_words_needed(pattern, words):
    assert words_needed(pattern, re.IGNORECASE) == (frozenset(words) if words else None)


def test_the_only_non_ascii_twins_of_ascii_letters_are_folded():
    # every character re.IGNORECASE matches with an ASCII character folds to that character
    everything = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    twins = re.findall(r"[\x00-\x7f]", everything, re.IGNORECASE)
    assert sorted(twins) == ["\u0130", "\u0131", "\u017f", "\u212a"]  # İ ı ſ, the Kelvin sign
    for twin in twins:
        ascii_twins = [c for c in map(chr, range(128)) if re.fullmatch(re.escape(c), twin, re.IGNORECASE)]
        assert {folded(c) for c in ascii_twins} == {folded(twin)}
    assert len(folded("İSTANBUL summİt")) == len("İSTANBUL summİt")


TEXTS = [
    "Biden and Xi held talks on Wednesday, their first face-to-face meeting in a year.",
    "The SUMMİT was called off; the ſummit of ministers met in Geneva.",
    "She telephoned her counterpart and they spoke by phone for an hour, then a phone call.",
    "The talks, which had been due to open on Monday, were postponed after a meeting of the cabinet.",
    "Fans met the team at the airport; the minister did not travel to Paris without meeting Macron.",
    "The ministers will meet next week; they met last year and meeting again is planned.",
    "No trigger word at all in this one.",
    "",
    "talks talks talks meetmeet met visit visits visited signing ceremony signed in Oslo",
]


@pytest.mark.parametrize("name", [name for name, value in vars(patterns).items() if isinstance(value, Alternation)])
def test_alternations_match_as_the_whole_regex(name):
    sieved_regex = getattr(patterns, name)
    whole = sieved_regex.regex
    for text in TEXTS + [t.upper() for t in TEXTS]:
        for pos, endpos in ((0, len(text)), (5, len(text)), (3, max(3, len(text) - 7))):
            expected = [(m.span(), m.lastgroup) for m in whole.finditer(text, pos, endpos)]
            assert [(m.span(), m.lastgroup) for m in sieved_regex.finditer(text, pos, endpos)] == expected
            first = sieved_regex.search(text, pos, endpos)
            assert ((first.span(), first.lastgroup) if first else None) == (expected[0] if expected else None)


def test_trigger_alternation_is_the_triggers_table():
    assert patterns._TRIGGER_RE.pattern == \
        "\\b(?:" + "|".join(f"(?P<t{i}>{t.pattern}\\b)" for i, t in enumerate(cues.TRIGGERS)) + ")"


def test_alternation_search_picks_the_first_alternative_at_the_earliest_start():
    either = Alternation(["(?P<short>meet)", "(?P<long>meeting)", "(?P<other>talks)"], re.IGNORECASE)
    assert [(m.group(0), m.lastgroup) for m in either.finditer("Talks after a MEETING")] == \
        [("Talks", "other"), ("MEET", "short")]
    assert either.search("no such words") is None


def test_sieve_skips_only_texts_without_the_words():
    regex = re.compile(r"\b(?:postponed|called off)\b", re.IGNORECASE)
    sieve = sieved(regex)
    assert isinstance(sieve, Sieve)
    assert sieve.search("The visit was CALLED OFF.").group(0) == "CALLED OFF"
    assert sieve.search("The visit went ahead.") is None
    assert sieve.search("postponed", 1) is None and regex.search("postponed", 1) is None
    assert sieve.match("postponed").group(0) == "postponed"
    assert sieved(re.compile(r"\s+")) is not None and not isinstance(sieved(re.compile(r"\s+")), Sieve)


def test_alternations_match_as_the_whole_regex_on_the_sample_articles():
    # every sentence of the bundled articles, and a window inside each, as the stages search them
    sample = ROOT / "data" / "sample" / "articles"
    sentences = [s.text for path in sorted(sample.glob("*.txt"))
                 for s in split_sentences(path.read_text(encoding="utf-8"))]
    assert len(sentences) > 300
    alternations = [value for value in vars(patterns).values() if isinstance(value, Alternation)]
    for text in sentences:
        for pos, endpos in ((0, len(text)), (len(text) // 3, len(text) - 10)):
            for alternation in alternations:
                expected = [(m.span(), m.lastgroup) for m in alternation.regex.finditer(text, pos, endpos)]
                assert [(m.span(), m.lastgroup) for m in alternation.finditer(text, pos, endpos)] == expected


def test_a_table_with_an_alternative_matching_nothing_is_searched_whole():
    either = Alternation(["(?:talks)", "(?:x?)"], re.IGNORECASE)
    text = "talks, then more talks"
    assert [m.span() for m in either.finditer(text)] == [m.span() for m in either.regex.finditer(text)]
    assert either.search("no words").span() == (0, 0)
