"""Sentences with their offsets, shared by extraction and the Historian's visits (travels).

Date resolution (tense) shares `ABBREVIATIONS` but finds the boundaries near one date itself;
loaders/dates.py says why.

`split_sentences(text)` cuts a text into `Sentence(start, end, text)` with
text[start:end] == sentence.text; `ABBREVIATIONS` are the words whose full stop ends no sentence.
"""
import re
from dataclasses import dataclass

#: Words ending in a full stop that do not end a sentence ("U.S. officials", "Mr. Albanese").
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sept jan feb mar apr jun jul aug sep oct nov dec gen lt col sen rep gov "
    "prof no vs u.s u.k u.n e.u adm capt sgt maj jr sr inc corp co ltd pres amb a.m p.m".split())

_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])")
_LEAD = re.compile(r"^[\s•\-–*·]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


_LAST_WORD = re.compile(r"([\w.]+)$")
#: One capital letter, an initial (not "I", more often a Roman numeral ending a sentence).
_INITIAL = re.compile(r"[A-HJ-Z]")
#: Words that open sentences: after "I." one of them tells a sentence's end, any other word
#: the family name after a middle initial I.
_OPENER = re.compile(r"[\"“‘(]?(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|Or|So|This|That|These|Those|His|Her|"
                     r"Their|Its|Our|After|Before|When|While|As|For|With|By|From|There|Then|Yet|If|Since|Under|"
                     r"During|Although|Though|Some|Many|Most|No|Not|Both|Each|All|One|Two|Three)\b")


def split_sentences(text):
    """Split `text` into sentences; returns [Sentence(start, end, text)] with text[start:end] == text.

    Lines are never joined; within a line a sentence ends at . ! ? followed by a capital, unless
    the word before the stop is an abbreviation ("U.S. Secretary", "Mr. Albanese").

    >>> [s.text for s in split_sentences("Mr. Li met Mr. Kim. They spoke.")]
    ['Mr. Li met Mr. Kim.', 'They spoke.']
    """
    sentences = []
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        cut = 0
        for match in _BOUNDARY.finditer(line):
            # only the word before the stop matters; looking further back made long lines quadratic
            word = _LAST_WORD.search(line, max(0, match.start() - 64), match.start())
            if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
                continue
            if word and _INITIAL.fullmatch(word.group(1)):
                continue  # a middle initial: "John F. Kennedy", "George H. W. Bush"
            if word and word.group(1) == "I" and not _OPENER.match(line, match.end()):
                continue  # "Leonid I. Brezhnev", unlike "... of Elizabeth I. The queen"
            _add_sentence(sentences, line, line_start, cut, match.start() + 1)
            cut = match.end()
        _add_sentence(sentences, line, line_start, cut, len(line))
    return sentences


#: Longer "sentences" are cut at a space before this length. News sentences are far shorter;
#: without the cut, one megabyte-long sentence made every per-trigger scan of it quadratic.
MAX_SENTENCE_CHARS = 1500


def _add_sentence(sentences, line, line_start, start, end):
    piece = line[start:end]
    lead = _LEAD.match(piece)
    if lead:
        start += lead.end()
    while end - start > MAX_SENTENCE_CHARS:
        cut = line.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _add_sentence(sentences, line, line_start, start, cut)
        start = cut + 1
    piece = line[start:end].rstrip()
    if piece:
        sentences.append(Sentence(line_start + start, line_start + start + len(piece), piece))
