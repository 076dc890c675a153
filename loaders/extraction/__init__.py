"""Diplomatic encounters reported in articles: `extract_mentions(articles) -> MENTIONS frame`.

One row of the result is one encounter (meeting, talks, summit, call, visit, signing; held,
planned or cancelled) as one article tells it; the columns are `schema.MENTIONS`. The stages,
one module each, read the rule tables of `loaders.cues` (compiled in `patterns`):

1. `model`: the article read once: sentences, places (`loaders.gazetteer`), dates
   (`loaders.dates`, counted from a wire report's dateline day), the people it names;
2. `clause`: each trigger read in its clause: status, date, venue, parties, mediators, absentees;
3. `fold`: the triggers of one article folded into encounters, their parties settled;
4. `discourse`: what one sentence tells about another's encounter (chronologies, "first ...
   since", the lede's or the paragraph's day, day N of a visit ...);
5. `rows`: the MENTIONS frame, each row with the rules that decided it (`explain`).

    >>> from loaders.registry import read_paths
    >>> frame = extract_mentions(read_paths(["article.txt"]).articles)
"""
from loaders.extraction.rows import extract_mentions, mentions_to_records

__all__ = ["extract_mentions", "mentions_to_records"]
