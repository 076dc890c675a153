"""Dates in news text: an article's publication date, and every date expression in its body.

All of Parley's use of dateparser goes through this module, with one settings dict
(`DATEPARSER_SETTINGS`; `RELATIVE_BASE` is set per call to the article's publication time).
dateparser's `search_dates` is slow on whole texts (tens of milliseconds per article) and finds
dates in "may", "now", "a second" and "We". So candidate spans are found here with compiled
regexes built from the word tables below (month names, weekdays, relative words), most forms are
resolved by hand, and the rest ("three weeks ago", "28/02/2025") is handed to dateparser and
cached by (normalised candidate, base date).

How an expression resolves (the publication date is the base; `RULES` lists the patterns):

- absolute: "18 February", "Feb. 18", "November 15, 2023", "2023-11-15", "Today, April 7",
  "Wednesday, Sept 13", "Thursday, Jan. 6:" -> day. Ranges: "18-19 March", "from March 6 to 10",
  "September 9 and 10" -> day with `end_date`.
- month: "in May", "last November", "late last July", "June 2019", "early February 2022",
  "September last year". Quarters and seasons are their three months (`end_date` is the last
  day): "the third quarter", "Q3 2024", "the fourth quarter of last year", "next quarter",
  "last summer", "the autumn of 2024", "winter 2021" (December 2021 to February 2022).
  "Earlier that month", "the same month": the month of the previous dated mention; "in March of
  that year", "February the following year": that month in the year of the previous dated mention
  (or the year after or before it).
- year: "in 2019", "last year", "later this year", "the end of the year", "this fiscal year",
  "fiscal 1989", "FY2026", and a year before its noun ("a 2010 raid", "the 2019 summit": rule
  year_modifier). A year range is one mention per year: "2009-2010", "2009-10", "between 2021
  and 2022". Decades and centuries are spans of years: "the 1990s", "the 20th century" (1900 to
  1999), "last century".
- week: "next week", "earlier this week", "the last week" -> the Monday, precision week.
- day: "today", "yesterday", "Wednesday", "on Thursday", "earlier Monday", "Wednesday afternoon",
  "this weekend" (Saturday to Sunday), "over the next two days", "six days later" or
  "forty-eight hours later" (after the previous dated mention), "the day before" (the eve of
  the previous dated mention, or of the publication day), "the day after" (the morrow of the
  previous dated mention), "three days ago", "six years ago to the day" (that very day). In an entry of a timeline (a line opening
  with a day and a dash or colon: "Aug. 22, 2015: the meeting, set for the next two days, is
  called off"), the other dates of the line count from that day.
- the present: "now", "currently", "at present" are the publication day, precision day (TimeML's
  PRESENT_REF has no day of its own; the publication day is the one it stands for). "At the time"
  is not found: it points back to a time told before, which may be a month, a year or no date at
  all, and a guess would give a wrong day. `NOT_EVENT_RULES` names the rules (the present, a year
  before its noun) whose dates are of a state or a thing rather than of an event.

A weekday, day-month, month, quarter or season without a year takes the occurrence that fits the
tense of the verb that governs it (`tense_near`: the nearest verb group before it in its clause,
else after it; a reporting verb only for a date right beside it, "said on Monday"). Past -> on or
before the publication date; future or present ("will meet in April", "is payable Jan. 2", "is
scheduled for", "next") -> on or after it. A present verb leaves a weekday to its nearest
occurrence and a quarter to the latest one begun. With no tense a weekday takes the nearest
occurrence (a weekday named in an article published that weekday is that day) and a month the
publication year.
"""
from __future__ import annotations

import calendar
import re
import time
import warnings
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from loaders import schema
from loaders.errors import ParleyError
from loaders.sentences import ABBREVIATIONS
from loaders.settings import SETTINGS

__all__ = [
    "DATEPARSER_SETTINGS", "DateBudgetWarning", "DateMention", "DateScan", "NOT_EVENT_RULES",
    "Published", "RULES",
    "date_mentions", "find_dates", "parse_published", "scan_dates", "tense_near",
]

# --------------------------------------------------------------------------------------------
# Word tables. Every pattern below is built from these; extend a table, not a regex.

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
    # hours counted in whole days ("forty-eight hours later")
    "twenty-four": 24, "forty-eight": 48, "seventy-two": 72,
}
#: Ordinals of quarters and centuries ("the third quarter", "the twentieth century").
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}
#: Seasons of the northern hemisphere, by their first month; winter runs into the next year.
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
#: Words before a bare season ("in summer", "in the summer") that make it a date.
SEASON_PREPOSITIONS = frozenset("in during by until till since through throughout before after "
                                "over".split())
#: Words before "the last week", "the past year" that make it a stretch of time, not a date
#: ("prices rose over the last year").
SPAN_PREPOSITIONS = frozenset("over for throughout across within during in".split())
#: Words before a bare year that make it the modifier of a noun: "a 2010 raid", "its 2019 report".
YEAR_DETERMINERS = frozenset("a an the its his her their our my your this that".split())
#: Words after "the 2000" that make it a number, not a year ("the 2000 largest firms").
NOT_AFTER_YEAR = frozenset(
    "percent per cent km kilometres kilometers miles mile metres meters feet acres hectares "
    "square more most other others or to and of plus odd additional extra largest biggest "
    "richest best worst highest lowest top leading employees workers staff jobs households "
    "homes families children companies firms students".split())
#: Words before "now" that make a stretch up to now ("until now"), not the present.
NOT_BEFORE_NOW = frozenset("until till since from by than".split())
#: Words after "the day before" or "the day after" that make it the eve or the morrow of an
#: event ("the day before the vote"), which is not a date this module can resolve.
EVENT_DETERMINERS = frozenset(
    "the a an his her its their our my your this that these those he she they it we i".split())
#: Words before a bare month name ("in May") or a bare year ("in 2019") that make it a date.
MONTH_PREPOSITIONS = frozenset(
    "in since until till by from during through throughout before after of for ending "
    "between around to".split())
YEAR_PREPOSITIONS = frozenset(
    "in since until till by from during through throughout before after of ending between "
    "around year circa".split())
#: "May" is also a name and a modal: alone it needs one of these before it ("Theresa May" no).
MAY_PREPOSITIONS = frozenset("in since until till by from during through before after".split())
#: After "and"/"or"/"to", a bare month or year is a date only when one came just before
#: ("in February and March", "in 2021 and 2022").
LIST_WORDS = frozenset("and or to".split())
#: Nouns that make "in 2000 cases" a count rather than a year.
COUNT_NOUNS = frozenset(
    "people persons troops soldiers cases times votes deaths dead units tonnes tons barrels "
    "points members seats copies votes rounds days weeks months years dollars euros metres meters "
    "miles".split())
#: Words before a weekday that name a different day ("Black Friday") or a holiday.
WEEKDAY_NAME_PREFIXES = frozenset("black good cyber super ash holy easter maundy palm bloody".split())
#: Capitalised words after a weekday that make it a newspaper ("the Sunday Times").
WEEKDAY_NAME_SUFFIXES = frozenset(
    "Times Telegraph Express Mirror Post Herald Mail Independent Observer Sport People".split())
#: "Today" is also a programme and a paper.
TODAY_NAME_PREFIXES = frozenset("usa the".split())
TODAY_NAME_SUFFIXES = frozenset("show programme program newspaper".split())

#: Tense markers: the one of the verb that governs a date decides which occurrence of an
#: underspecified date is meant (see `tense_near`). Order matters: longer phrases come first,
#: and "neutral" ("had been due to", "would have") hides the plain past/future word inside it.
#: "present" ("is payable", "are in talks") resolves a calendar date forward, as the future does,
#: but leaves a weekday to the nearest occurrence.
TENSE_MARKERS = (
    # (with the participle it governs: "which was to be held on Sunday" is no past "held")
    ("neutral", r"(?:was|were|had)\s+(?:\w+ly\s+)?(?:been\s+)?(?:due|scheduled|set|expected|supposed"
                r"|meant|slated|planned|planning|going|to)\b(?:(?<=to)\s+be\s+[a-z]+\b)?"),
    ("neutral", r"would\s+(?:\w+ly\s+)?have\b"),
    # a plan told as one that changed: "the trip, originally set for Friday, ..."
    ("neutral", r"(?:originally|initially|first)\s+(?:set|scheduled|planned|slated|due|expected)\b"),
    ("neutral", r"(?:cancel+ed|cancels?|postponed?|postpones|scrapped|called\s+off|calls\s+off"
                r"|put\s+off|puts\s+off)\b"),
    # an intention or an agreement about what is to come: "agreed on Monday to meet on March 20";
    # a date before it is the agreement's own ("In a call on Monday, they agreed to ...": past)
    ("intent", r"(?:agreed|agreeing|agrees?|decided|deciding|promised|pledged|vowed|hoped|intended|wanted|invited\s+\w+|asked\s+\w+"
               r"|urged\s+\w+)\s+(?:\w+\s+){0,2}?to\s+(?!the\b|a\b|an\b)[a-z]+\b"),
    # "is to be held": the participle belongs to the future, not to the past
    ("future", r"(?:is|are|am|'s|'re)\s+(?:\w+ly\s+)?(?:set|due|scheduled|expected|slated|poised|planned"
               r"|going|likely|about|to)\b(?:\s+be\s+[a-z]+)?"),
    # ... as does any modal's: "could be wrapped up on Friday" looks ahead
    ("future", r"(?:will|shall|would|to|could|might|should|must|can|(?-i:may))\s+(?:not\s+)?(?:\w+ly\s+)?be\s+\w+"),
    ("future", r"(?:will|won't|won\u2019t|shall|would|\w+['\u2019]ll)\b"),
    ("future", r"(?:pencil+ed\s+in|earmarked)\s+for\b"),
    # what a meeting prepares is still to come: "met on Monday to prepare for a summit in May"
    ("future", r"(?:to\s+prepare|prepar(?:e|es|ed|ing)\s+for|in\s+preparation\s+for|run-up\s+to"
               r"|pav(?:e|es|ed|ing)\s+the\s+way\s+for)\b"),
    # ("plan" is a verb before "to": "plans to meet"; "a border plan" is a noun)
    ("future", r"(?:due|scheduled|plans?(?=\s+to\b)|planning|planned|upcoming|forthcoming|coming|next|expects?"
               r"|expected|intends?|kicks?\s+off|opens|begins|starts|ahead\s+of|to\s+be\s+held)\b"),
    # Modals look ahead; lower-case "may" only, "May" is the month.
    ("future", r"(?:might|could|should|must|can|(?-i:may))\b"),
    # A passive is as present as its auxiliary: "is dated", "are held".
    ("present", r"(?:is|are|am)\s+(?:\w+ly\s+)?(?:being\s+)?[a-z]{2,}(?:ed|en)\b"),
    ("present", r"(?:is|are|am|isn't|aren't|remains?|says|say|tells|adds|writes|does|do)\b"),
    # the present of going and meeting, which news uses for what is scheduled: "arrives in Paris
    # on 12 March", "meets Putin on Friday", "heads to Brasilia on Wednesday" look ahead
    # ("heads of government" is a noun)
    ("future", r"(?:arrives|travels|flies|visits|meets|hosts|heads(?!\s+of\b)|leaves|returns|goes|receives|holds)\b"),
    ("past", r"(?:was|were|had|did|has|have|ago|earlier|yesterday|last|since|previously)\b"),
    ("past", r"(?:said|told|met|held|spoke|took|made|went|came|gave|got|saw|began|left|sent|paid|led"
             r"|brought|thought|found|kept|won|lost|struck|fell|rose|ran|became|broke|chose|drew"
             r"|drove|flew|grew|knew|meant|rang|sat|shook|sold|shot|sought|stood|stole|swore|taught"
             r"|threw|understood|woke|wore|wrote|fought|bought|caught|spent|felt|heard|hit|quit)\b"),
    # Regular past forms; the lookahead keeps out words that merely end in -ed.
    ("past", r"(?-i:(?!(?:need|speed|feed|seed|deed|indeed|proceed|exceed|succeed|bed|shed|hundred|embed"
             r"|breed|greed|bleed|creed|weed|steed|red|wed|fled|led|bred)\b)[a-z]{2,}ed\b)"),
)

#: Offsets within a sentence where its tense is looked for, in characters each way.
TENSE_WINDOW = 200
#: Verbs that report speech. A date right after one ("said on Monday", "told reporters on
#: Friday") or right before one ("on Monday said") is governed by it; a date further on belongs
#: to the reported clause ("said the talks in April would be hard": "would" governs "April").
REPORTING_VERBS = frozenset(
    "said says say told tells added adds announced stated noted reported wrote writes explained "
    "confirmed insisted stressed argued warned".split())
#: Words that may stand between a reporting verb and the date it governs.
REPORTING_GAP_WORDS = frozenset(
    "on in at during late early earlier later last this reporters journalists him her them us me "
    "also again then".split())
#: Where a clause ends inside a sentence: semicolons, colons, dashes, brackets, a comma before
#: a conjunction that opens a new clause ("They met in May, but talks in June are planned"), and
#: a subordinating word before a subject ("flies there on Friday, a week after they met").
CLAUSE_BREAKS = (r"[;()]|:(?!\d)|\s[-\u2013\u2014]{1,2}\s"
                 r"|,\s+(?:and|but|while|whereas|although|though|because|so|yet)\b"
                 # a subordinate clause with its own subject: "... on Friday, weeks after the two met"
                 r"|\b(?:after|before|since|until|when|while)\s+(?=(?:the|a|an|his|her|their|its|he|she|they|it|we|I)\b)"
                 # ... or a clause a verb's "that" opens: "said, after a meeting on Monday, that they would"
                 r"|\bthat\s+(?=(?:the|a|an|his|her|their|its|he|she|they|it|we|I)\b)")

#: The one settings dict for dateparser; `RELATIVE_BASE` is added per call.
DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "current_period",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "DMY",
    "STRICT_PARSING": False,
}
DATEPARSER_LANGUAGES = ["en"]

#: Time-zone abbreviations printed in bylines. Ambiguous ones take their usual news meaning
#: (IST: India, CST: US Central).
TZ_ABBREVIATIONS = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "BST": "+01:00", "CET": "+01:00",
    "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "IST": "+05:30",
    "PKT": "+05:00", "ICT": "+07:00", "WIB": "+07:00", "SGT": "+08:00", "HKT": "+08:00",
    "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00", "NZST": "+12:00",
    "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00",
    "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "ET": "-05:00", "PT": "-08:00",
}


# --------------------------------------------------------------------------------------------
# Public types

@dataclass(frozen=True)
class Published:
    """An article's publication time as printed: `value` is local wall-clock time (naive),
    `precision` is minute | day | month | year | unknown, `tz` the stated UTC offset or None."""
    value: datetime | None
    precision: str
    tz: str | None


UNKNOWN = Published(None, "unknown", None)


@dataclass(frozen=True)
class DateMention:
    """One date expression: `text` is exactly text[start:end]; `date` the first day it stands
    for (the Monday for a week, the 1st for a month, 1 January for a year); `end_date` the last
    day of a range or None; `precision` day | week | month | year; `rule` the pattern that
    matched (see `RULES`)."""
    start: int
    end: int
    text: str
    date: date
    end_date: date | None
    precision: str
    rule: str


class DateBudgetWarning(UserWarning):
    """`find_dates` ran out of time (settings.date_budget_seconds) and skipped the rest of a
    text; `scan_dates` says where, for callers that report it per article."""


@dataclass(frozen=True)
class DateScan:
    """The result of `scan_dates`: the mentions, and `truncated_at`, the offset from which the
    text was not read because the time budget ran out (None when it was read whole)."""
    mentions: list
    truncated_at: int | None


# --------------------------------------------------------------------------------------------
# Pattern pieces

_SP = r"[ \t\u00a0]+"
_SPO = r"[ \t\u00a0]*"
_DASH = r"[ \t\u00a0]*[-\u2013\u2014][ \t\u00a0]*"


def _cased(words):
    """An alternation of `words` as Title and UPPER case, longest first: lower-case "march" and
    "may" are verbs, not months."""
    forms = sorted({f(w) for w in words for f in (str.title, str.upper)}, key=len, reverse=True)
    return "|".join(forms)


def _month(name, full_only=False):
    full = _cased(MONTHS)
    if full_only:
        return rf"(?P<{name}>{full}|Sept\.)(?!\w)"
    return rf"(?P<{name}>(?:{full})(?!\w)|(?:{_cased(MONTH_ABBREVIATIONS)})(?:\.|(?!\w)))"


def _day(name):
    # Not part of a number ("2,000", "1.5", "$97") and not a count or time ("10%", "10:30").
    return (rf"(?<![\d.,$\u00a3\u20ac/:])(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
            rf"(?![\d%/]|:\d|,\d{{3}}(?!\d)|\.\d)")


def _year(name):
    return rf"(?<![\d.,$\u00a3\u20ac/])(?P<{name}>\d{{4}})(?![\d%/]|,\d|\.\d)"


def _one_of(words):
    return "|".join(sorted((re.escape(w).replace(r"\ ", _SP) for w in words), key=len, reverse=True))


_WEEKDAY = rf"(?:{_cased(WEEKDAYS)})"
_NUMBER = rf"(?:\d{{1,3}}|(?i:{_one_of(NUMBER_WORDS)}))"
_MOD = rf"(?i:(?:the{_SP})?(?:end|start|beginning|middle){_SP}of|early|late)"
_PREFIX = rf"(?:(?P<weekday>{_WEEKDAY}|Today|TODAY|today),?{_SP}(?:the{_SP})?)?"
_YEAR_TAIL = rf"(?:,?{_SP}{_year('year')})?"
#: "27 March of this year", "March 27 of last year"
_OF_RELYEAR = rf"{_SP}(?i:of){_SP}(?P<relyear>(?i:last|this|next)){_SP}(?i:year)\b"
_TO = rf"(?:{_DASH}|{_SP}(?i:to|until|till|through|thru){_SP})"
_LINK = rf"(?P<link>{_DASH}|{_SP}(?i:to|until|till|through|thru|and){_SP})"
_LEAD = rf"(?:(?P<lead>(?i:from|between)){_SP})?"
_REL = r"(?P<rel>(?i:last|next|this|coming|past))"
_ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_one_of(ORDINALS)}))"
_SEASON = rf"(?P<season>{'|'.join(w for s in SEASONS for w in (s, s.title(), s.upper()))})"
_PERIOD = rf"(?P<unit>(?i:week|month|quarter|(?:fiscal{_SP}|financial{_SP})?year|century))"

#: (rule name, head, pattern). Every match contains a head (see `HEADS`); a rule is only tried
#: near the heads of its kind, which keeps the scan of an article well under a millisecond.
#: Where candidates overlap the longest wins, then the earlier rule.
RULES = (
    ("iso", "digit", r"(?<![\d/-])(?P<year>\d{4})(?P<isep>[-/])(?P<mon>\d{1,2})(?P=isep)(?P<day>\d{1,2})(?![\d/-])"),
    ("numeric", "digit", r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d./])"),
    ("range", "month", rf"{_LEAD}{_day('day')}{_SP}(?:of{_SP})?{_month('month')}{_TO}{_day('day2')}{_SP}"
              rf"(?:of{_SP})?{_month('month2')}{_YEAR_TAIL}"),
    ("range", "month", rf"{_LEAD}{_month('month')}{_SP}{_day('day')}{_TO}{_month('month2')}{_SP}{_day('day2')}"
              rf"{_YEAR_TAIL}"),
    ("range", "month", rf"{_LEAD}{_day('day')}{_LINK}{_day('day2')}{_SP}(?:of{_SP})?{_month('month')}{_YEAR_TAIL}"),
    ("range", "month", rf"{_LEAD}{_month('month')}{_SP}{_day('day')}{_LINK}{_day('day2')}{_YEAR_TAIL}"),
    ("absolute", "month", rf"{_PREFIX}{_day('day')}{_SP}(?:of{_SP})?{_month('month')}(?:{_OF_RELYEAR}|{_YEAR_TAIL})"),
    ("absolute", "month", rf"{_PREFIX}{_month('month')}{_SPO}{_day('day')}(?:{_OF_RELYEAR}|{_YEAR_TAIL})"),
    ("month", "month", rf"(?:(?P<mod>{_MOD}){_SP}|(?P<mid>(?i:mid)(?:-|{_SP})))?{_month('month')},?{_SP}{_year('year')}"),
    ("month", "month", rf"(?:(?P<mod>{_MOD}){_SP}|(?P<mid>(?i:mid)(?:-|{_SP})))?{_month('month', full_only=True)}{_SP}"
              rf"(?:of{_SP})?(?P<relyear>(?i:last|this|next)){_SP}(?i:year)"),
    # the year of the date told before: "In February the following year", "in March of that year"
    ("month_told", "month", rf"(?:(?P<mod>{_MOD}){_SP})?{_month('month', full_only=True)},?{_SP}(?:of{_SP})?"
                   rf"(?P<yearref>(?i:that|the{_SP}same|the{_SP}following|the{_SP}next|the{_SP}previous)){_SP}(?i:year)\b"),
    ("month", "month", rf"(?:(?P<outer>(?i:early|late)){_SP}(?=(?i:last|next|this|coming|past)\b))?(?:{_REL}{_SP})?"
              rf"(?:(?P<mod>{_MOD}){_SP}|(?P<mid>(?i:mid)(?:-|{_SP})))?{_month('month', full_only=True)}"),
    ("year_range", "digit", rf"{_LEAD}{_year('year')}(?P<link>{_DASH}|{_SP}(?i:to|until|through|and){_SP})"
                   rf"(?P<year2>\d{{4}}|\d{{2}})(?![\d%]|,\d|\.\d)"),
    ("year", "digit", rf"(?:(?P<mod>{_MOD}){_SP}|(?P<mid>(?i:mid)(?:-|{_SP}(?=\d{{3}}0s)))"
              rf"|(?P<fiscal>(?i:fiscal(?:{_SP}year)?){_SP}|FY{_SPO}))?{_year('year')}(?P<decade>s)?"),
    ("year_modifier", "digit", _year("year")),
    ("century", "rare", rf"(?:(?P<mod>(?i:early|late)){_SP}|(?P<mid>(?i:mid)(?:-|{_SP})))?"
                rf"(?P<ordinal>{_ORDINAL})(?:-|{_SP})(?i:century)"),
    ("quarter", "rare", rf"(?:(?i:fiscal){_SP})?(?P<ordinal>(?i:first|second|third|fourth|1st|2nd|3rd|4th))"
                rf"(?:-|{_SP})(?:(?i:fiscal|financial){_SP})?(?i:quarter)"
                rf"(?:(?:{_SP}(?i:of){_SP}(?:(?i:fiscal){_SP}(?:(?i:year){_SP})?)?|,?{_SP}(?:(?i:fiscal){_SP})?){_year('year')}"
                rf"|{_SP}(?i:of){_SP}(?P<relyear>(?i:last|this|next|the)){_SP}(?:(?i:fiscal){_SP})?(?i:year))?"),
    ("quarter", "rare", rf"(?P<ordinal>Q[1-4])(?:{_SP}(?:(?i:of){_SP})?{_year('year')})?"),
    ("season", "rare", rf"(?:{_REL}{_SP})?(?:(?P<mod>(?i:early|late)){_SP}|(?P<mid>(?i:mid)(?:-|{_SP})))?{_SEASON}"
               rf"(?:{_SP}(?:(?i:of){_SP})?{_year('year')})?"),
    ("relative", "period", rf"(?:(?P<mod>(?i:earlier|later)|{_MOD}){_SP})?"
                 rf"(?P<rel>(?i:last|next|this|coming|past|current|the)){_SP}{_PERIOD}\b"),
    ("weekend", "word", rf"(?P<rel>(?i:this|last|next|coming|over{_SP}the|at{_SP}the|during{_SP}the|on{_SP}the))"
                rf"{_SP}(?i:weekend)\b"),
    ("present", "rare", r"(?P<word>(?i:now|currently|at[ \t\u00a0]+present|at[ \t\u00a0]+the[ \t\u00a0]+moment))(?!-)"),
    ("day_word", "word", rf"(?P<word>(?i:the{_SP}day{_SP}before{_SP}yesterday|the{_SP}day{_SP}after{_SP}tomorrow"
                 rf"|today|tonight|yesterday|tomorrow|last{_SP}night|this{_SP}(?:morning|afternoon|evening)))\b"),
    ("weekday_range", "weekday", rf"(?P<weekday>{_WEEKDAY}){_LINK}(?P<weekday2>{_WEEKDAY})\b"),
    # "on the 12th": a day of the month the report is in, or the one before or after it
    ("day_of_month", "ordinal", rf"(?<=\b[Oo]n )the{_SP}(?P<dom>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
                    rf"(?!{_SP}(?i:of|century|anniversary|round|time|day|summit|meeting|session|floor|street|avenue))"),
    ("weekday", "weekday", rf"(?:{_REL}{_SP})?(?:(?P<mod>(?i:early|late|earlier|later)){_SP}(?:(?i:on){_SP})?)?"
                rf"(?P<weekday>{_WEEKDAY})\b(?:'s)?(?:{_SP}(?P<part>(?i:morning|afternoon|evening|night))\b)?"
                # "on Wednesday last week", "Friday of next week"
                rf"(?:{_SP}(?:(?i:of){_SP})?(?P<week>(?i:last|next|this)){_SP}(?i:week)\b)?"),
    # the fixed holidays news dates encounters by ("on Christmas Day", "New Year's Eve 1999")
    ("holiday", "rare", rf"(?P<holiday>(?i:christmas{_SP}(?:day|eve)|new{_SP}year['’]?s{_SP}(?:day|eve)|boxing{_SP}day))"
                rf"(?:,?{_SP}{_year('year')})?"),
    ("next_days", "word", rf"(?:(?P<prep>(?i:over|in|during|within|for)){_SP})?(?i:the){_SP}(?P<rel>(?i:next|coming|past|last)){_SP}"
                  rf"(?P<count>{_NUMBER}){_SP}(?P<unit>(?i:days))\b(?!{_SP}(?i:of)\b)"),
    # "six years ago to the day" (or "a year ago today"): that very day, so many years back; "a
    # year ago this month": that month, a year back
    ("ago", "word", rf"(?P<count>{_NUMBER}){_SP}(?P<unit>(?i:days?|weeks?|months?|years?)){_SP}(?i:ago)\b"
            rf"(?:(?P<exact>,?{_SP}(?i:to{_SP}the{_SP}day|today))\b|{_SP}(?i:this){_SP}(?P<frame>(?i:week|month))\b)?"),
    ("after_previous", "word", rf"(?P<count>{_NUMBER}){_SP}(?P<unit>(?i:days?|weeks?|months?|years?|hours?)){_SP}"
                       rf"(?P<dir>(?i:later|earlier|afterwards|after{_SP}that|before{_SP}that))\b"),
    ("after_previous", "word", rf"(?P<phrase>(?i:(?P<eve>the{_SP}day{_SP}before)|(?P<morrow>the{_SP}day{_SP}after)"
                       rf"|the{_SP}(?:next|following|previous|same){_SP}(?P<unit>day|week|month|year)"
                       rf"|(?:later{_SP})?that{_SP}(?:same{_SP})?(?P<unit2>day|evening|night|morning|afternoon)"
                       # a part of the day told: the day just told ("In the afternoon he met ...",
                       # "later in the day"), or the one after it ("the next morning")
                       rf"|(?:(?:later|earlier){_SP})?in{_SP}the{_SP}(?P<unit3>morning|afternoon|evening)"
                       rf"|(?:later|earlier){_SP}in{_SP}the{_SP}(?P<unit4>day)"
                       # the month just told ("Earlier that month a summit ...", "later that
                       # same month")
                       rf"|(?:(?:earlier|later){_SP}(?:in{_SP})?|in{_SP})?that{_SP}(?:same{_SP})?(?P<unit6>month)"
                       rf"|the{_SP}(?:next|following){_SP}(?P<unit5>morning|afternoon|evening)))\b"),
)

#: Rules whose mentions date a state or a thing rather than an event: "now", "currently" (the
#: time of writing: "the talks are now cancelled") and a year before its noun ("the 2015
#: declaration"). A reader looking for when something happened may pass them over.
NOT_EVENT_RULES = frozenset({"present", "year_modifier"})

#: The words every date expression contains, by kind. Literal alternations with no leading
#: lookbehind let the regex engine skip ahead by first character, so these scans are cheap.
#: All but "month", "weekday" and "digit" are looked for in the lower-cased text.
HEADS = {
    "month": re.compile(_cased(MONTHS) + "|" + _cased(MONTH_ABBREVIATIONS)),
    "weekday": re.compile(_cased(WEEKDAYS)),
    # Every digit-headed rule (iso, numeric, year, year_range) holds a four-digit year.
    "digit": re.compile(r"\d{4}"),
    "word": re.compile(r"day|week|month|year|night|morning|afternoon|evening|ago|later|earlier"
                       r"|after|before|tomorrow"),
    "period": re.compile(r"week|month|quarter|year|centur"),
    # Rarer words, one pass for the rules of the present, quarters, centuries and seasons.
    "rare": re.compile(r"now|currently|present|moment|quarter|q[1-4]|centur|spring|summer|autumn"
                       r"|fall|winter|christmas|new year|boxing"),
    "ordinal": re.compile(r"\d(?:st|nd|rd|th)\b"),
}
_CASED_HEADS = frozenset({"month", "weekday", "digit"})
#: How far from a head a match may start or end, in characters ("over the next two days").
HEAD_REACH = 40

_COMPILED = tuple(
    (order, name, head, re.compile(r"(?<!\w)" + pattern + r"(?!\w)"))
    for order, (name, head, pattern) in enumerate(RULES))
_TENSE = re.compile(
    r"(?i)(?<!\w)(?:" + "|".join(f"(?P<m{i}>{p})" for i, (_, p) in enumerate(TENSE_MARKERS)) + ")")
_TENSE_KIND = {f"m{i}": kind for i, (kind, _) in enumerate(TENSE_MARKERS)}
_CLAUSE_BREAK = re.compile(CLAUSE_BREAKS)
_SUBORDINATE = re.compile(r"(?:after|before|since|until|when|while)\b")
# Ends of sentences; the abbreviation check (the shared ABBREVIATIONS) keeps "U.S. officials" and
# "Mr. Albanese" whole. Not loaders.sentences.split_sentences, for two reasons: tense_near runs
# once per date and looks only within TENSE_WINDOW of it, so it finds the boundaries near the
# date rather than splitting the whole text each time; and its rule differs in small ways the
# tense rules were written against (a digit, "'" or "[" may open a sentence, a full stop after any
# single letter ends none, "Leonid I. Brezhnev"). One rule for both would move the tense of some
# dates (about 1 boundary in 40 on the devsets), so that is for a change scored on its own.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n")
_PREVIOUS_WORD = re.compile(r"([\w'\u2019-]+)[ \t\u00a0]*$")
_NEXT_WORD = re.compile(r"[ \t\u00a0]*([\w'\u2019]+)")


# --------------------------------------------------------------------------------------------
# Finding

@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rule: str
    order: int
    groups: dict


def find_dates(text, published):
    """Every date expression in `text`, resolved against `published`.

    Takes the article body and its publication time (datetime, date, pandas Timestamp, or None
    when unknown: then only expressions that carry their own year are returned). Returns
    DateMention objects in text order, without overlaps. Raises ParleyError when `text` is not a
    string or `published` is not a date. Warns with DateBudgetWarning when the text is too long to
    read within settings.date_budget_seconds (the dates before the cut are returned).

    >>> [(m.text, str(m.date)) for m in find_dates("They met on Friday.", date(2023, 8, 22))]
    [('Friday', '2023-08-18')]
    """
    scan = scan_dates(text, published)
    if scan.truncated_at is not None:
        warnings.warn(DateBudgetWarning(
            f"text of {len(text)} characters: dates after offset {scan.truncated_at} skipped, "
            f"over the budget of {SETTINGS.date_budget_seconds} s"), stacklevel=2)
    return scan.mentions


def scan_dates(text, published, budget_seconds=None):
    """`find_dates`, plus where the time budget cut the text short.

    `budget_seconds` defaults to `SETTINGS.date_budget_seconds`; the text is read in blocks of
    whole lines and a block that cannot be finished in time is skipped with everything after it.
    Returns a DateScan(mentions, truncated_at).
    """
    if not isinstance(text, str):
        raise ParleyError(f"text: expected a string, received {type(text).__name__} {text!r:.60}")
    base = _base_date(published)
    budget = SETTINGS.date_budget_seconds if budget_seconds is None else budget_seconds
    deadline = time.perf_counter() + budget
    mentions = []
    for block_start, block_end in _blocks(text):
        found = _scan_block(text, block_start, block_end, base, mentions, deadline)
        if found is None:
            return DateScan(mentions, block_start)
        mentions.extend(found)
    return DateScan(mentions, None)


def date_mentions(text, published):
    """The date expressions of `text` as a DATE_MENTIONS frame: one row per expression, columns
    start, end, text, date, end_date (NaT unless a range), precision, rule.

    Raises ParleyError as `find_dates` does.

    >>> date_mentions("Talks are set for March 21.", date(2023, 3, 20))["date"].iloc[0]
    Timestamp('2023-03-21 00:00:00')
    """
    import pandas as pd
    rows = [
        {"start": m.start, "end": m.end, "text": m.text, "date": pd.Timestamp(m.date),
         "end_date": pd.Timestamp(m.end_date) if m.end_date else pd.NaT,
         "precision": m.precision, "rule": m.rule}
        for m in find_dates(text, published)
    ]
    if not rows:
        return schema.empty(schema.DATE_MENTIONS)
    frame = schema.conform(pd.DataFrame(rows), schema.DATE_MENTIONS)
    return schema.check(frame, schema.DATE_MENTIONS, "date mentions")


_BLOCK_CHARS = 20_000


def _blocks(text):
    """Offsets of blocks of about _BLOCK_CHARS, cut after a newline (or a space) so no date is
    cut in two; a normal article is one block."""
    start = 0
    while start < len(text):
        end = min(len(text), start + _BLOCK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + _BLOCK_CHARS // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + _BLOCK_CHARS // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, end
        start = end


def _scan_block(text, block_start, block_end, base, previous, deadline):
    """The mentions in text[block_start:block_end], or None when the deadline passed."""
    candidates = []
    for count, candidate in enumerate(_candidates(text, block_start, block_end)):
        if count % 64 == 0 and time.perf_counter() > deadline:
            return None
        candidates.append(candidate)
    found = []
    anchor = _last_date(previous, _is_anchor)
    month_anchor = _last_date(previous, _is_month_anchor)
    year_anchor = _last_date(previous, _is_year_anchor)
    anchor_end = previous[-1].end if previous else block_start
    chosen = _select(candidates)
    spans = [(c.start, c.end) for c in chosen]
    # the day heading an entry of a timeline, and where its line ends: the entry's other dates
    # count from that day ("Aug. 22, 2015: the meeting, set for the next two days, is called off")
    entry, entry_end = None, -1
    story = None  # the last date with a year of its own, years before the base
    for index, candidate in enumerate(chosen):
        if time.perf_counter() > deadline:
            return None
        # The neighbours' words ("last" in "last week") are no verbs for this date's tense.
        neighbours = spans[max(0, index - 6):index] + spans[index + 1:index + 7]
        for part in _parts(text, candidate):
            told_in = _story_base(text, story, part) if candidate.start >= entry_end else None
            # a bare part of the day opening a new paragraph ("In the afternoon ...") is the
            # report's day, not the day the paragraph before told
            held_over = base if "unit3" in part.groups and "\n" in text[anchor_end:part.start] else \
                year_anchor if part.rule == "month_told" else \
                month_anchor if _counts_in_months(part.groups) else anchor
            if told_in is not None:
                mention = _resolve(text, part, told_in, held_over, neighbours, nearest=True)
            else:
                mention = _resolve(text, part, entry if candidate.start < entry_end else base, held_over, neighbours)
            if mention is not None:
                found.append(mention)
                if base is not None and "year" in part.groups:
                    # (a later year of today's story ends the old one)
                    story = mention if mention.rule in _STORY_RULES and mention.date.year <= base.year - STORY_YEARS else None
                elif {"rel", "relyear"} & part.groups.keys():
                    story = None  # (so does a date told from today: "last July")
                if _is_anchor(mention):
                    anchor, anchor_end = mention.end_date or mention.date, mention.end
                if _is_month_anchor(mention):
                    month_anchor = mention.end_date or mention.date
                if _is_year_anchor(mention):
                    year_anchor = mention.end_date or mention.date
                if mention.precision == "day" and mention.rule != "present" and _heads_an_entry(text, part):
                    entry, entry_end = mention.end_date or mention.date, _line_end(text, mention.end)
    return found


def _story_base(text, story, candidate):
    """The day a date without a year counts from when the last date with a year of its own, told
    years before the base, stands in one of the two sentences before it, in the same paragraph
    (none dated between): a story of
    the past goes on in its own year ("Sadat flew to Jerusalem in November 1977. Begin returned
    the gesture on Christmas Day" is Christmas 1977). None otherwise: in the story's own sentence (a list of
    dated items runs up to today: "met in Lima in May 2019 and in Quito on 10 February"), or
    when the date's own verb looks ahead ("... in 1994. They will meet again on March 3")."""
    if story is None or candidate.rule not in _STORY_RULES or "year" in candidate.groups or \
            {"weekday", "rel", "relyear"} & candidate.groups.keys() or "\n" in text[story.end:candidate.start]:
        return None
    if len(_SENTENCE_BREAK.findall(text, story.end, candidate.start)) not in (1, 2):
        return None
    if tense_near(text, candidate.start, candidate.end) in ("future", "present"):
        return None
    # the present perfect runs up to today: "... in June 2019. They have spoken by phone several
    # times since, starting on February 12" is this February
    opening = max((m.end() for m in _SENTENCE_BREAK.finditer(text, story.end, candidate.start)), default=story.end)
    if _PRESENT_PERFECT.search(text, opening, candidate.start):
        return None
    return story.end_date or story.date


def _line_end(text, position):
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _is_anchor(mention):
    """Whether a later "six days later" counts from this mention: a day, but not "now"."""
    return mention.precision == "day" and mention.rule != "present"


def _is_month_anchor(mention):
    """Whether a later "earlier that month" or "two months later" counts from this mention: a day
    or a month, but not "now"."""
    return mention.precision in ("day", "month") and mention.rule != "present"


def _is_year_anchor(mention):
    """Whether a later "in March of that year" counts from this mention: any date but "now"."""
    return mention.rule != "present"


def _last_date(mentions, is_anchor):
    """The date the last of `mentions` that `is_anchor` holds for counts from (a span's last
    day), or None."""
    mention = next((m for m in reversed(mentions) if is_anchor(m)), None)
    return None if mention is None else mention.end_date or mention.date


def _counts_in_months(groups):
    """Whether an expression counted from a date told before counts in months or years ("that
    month", "two years later"): it may count from a month as well as from a day."""
    unit = groups.get("unit", "").lower().rstrip("s")
    return "unit6" in groups or unit in ("month", "year")


def _parts(text, candidate):
    """A year range is two dates, one per year ("2009-10": 2009 and 2010); anything else is one."""
    if candidate.rule != "year_range":
        return (candidate,)
    groups = candidate.groups
    first, second = groups["year"], groups["year2"]
    first_start = text.index(first, candidate.start)
    last = second if len(second) == 4 else str(int(first) // 100 * 100 + int(second))
    return (_Candidate(first_start, first_start + 4, candidate.rule, candidate.order, {"year": first}),
            _Candidate(candidate.end - len(second), candidate.end, candidate.rule, candidate.order,
                       {"year": last}))


def _candidates(text, start, end):
    windows = _head_windows(text, start, end)
    for order, rule, head, pattern in _COMPILED:
        for window_start, window_end in windows[head]:
            for match in pattern.finditer(text, window_start, window_end):
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                if _acceptable(text, rule, match, groups):
                    yield _Candidate(match.start(), match.end(), rule, order, groups)


def _head_windows(text, start, end):
    """For each kind of head, the merged spans of text[start:end] within HEAD_REACH of one."""
    lowered = text[start:end].lower()
    if len(lowered) != end - start:
        # Lower-casing changed the length (rare letters such as "İ"): look everywhere.
        return {kind: [(start, end)] for kind in HEADS}
    windows = {}
    for kind, pattern in HEADS.items():
        spans = []
        cased = kind in _CASED_HEADS
        source, offset = (text, 0) if cased else (lowered, start)
        for match in pattern.finditer(source, *((start, end) if cased else (0, end - start))):
            left = max(start, match.start() + offset - HEAD_REACH)
            right = min(end, match.end() + offset + HEAD_REACH)
            if spans and left <= spans[-1][1]:
                spans[-1] = (spans[-1][0], right)
            else:
                spans.append((left, right))
        windows[kind] = spans
    return windows


def _select(candidates):
    """Longest first, then the earlier rule; no two chosen candidates overlap. In text order."""
    if not candidates:
        return []
    offset = min(c.start for c in candidates)
    taken = bytearray(max(c.end for c in candidates) - offset)
    chosen = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
        start, end = candidate.start - offset, candidate.end - offset
        if taken.find(1, start, end) < 0:
            chosen.append(candidate)
            taken[start:end] = b"\x01" * (end - start)
    return sorted(chosen, key=lambda c: c.start)


def _previous_word(text, position):
    match = _PREVIOUS_WORD.search(text, max(0, position - 40), position)
    return match.group(1) if match else ""


def _second_previous_word(text, position):
    """The word before the previous word: "in" for "in the" before `position`."""
    match = _PREVIOUS_WORD.search(text, max(0, position - 40), position)
    return _previous_word(text, match.start(1)) if match else ""


def _next_word(text, position):
    match = _NEXT_WORD.match(text, position, min(len(text), position + 40))
    return match.group(1) if match else ""


def _acceptable(text, rule, match, groups):
    """Context checks that a regex cannot express: is this candidate a date at all?"""
    before = _previous_word(text, match.start())
    before_lower = before.lower()
    if rule == "month" and "year" not in groups and "relyear" not in groups:
        if "rel" in groups or "mod" in groups or "mid" in groups:
            return True
        preps = MAY_PREPOSITIONS if groups["month"].lower() == "may" else MONTH_PREPOSITIONS
        if before_lower == "to" and _next_word(text, match.end())[:1].isupper():
            return False  # "spoke to June Carter": a name
        if before_lower in preps:
            return True
        # a genitive month dates its noun: "October's meeting" ("May's" may be Theresa May's)
        if groups["month"].lower() != "may" and text[match.end():match.end() + 2] in ("'s", "\u2019s"):
            return True
        return before_lower in LIST_WORDS and _month_just_before(text, match.start())
    if rule == "year":
        if not SETTINGS.min_year <= int(groups["year"]) <= SETTINGS.max_year:
            return False
        if "decade" in groups:
            return groups["year"].endswith("0")
        following = _next_word(text, match.end())
        if following.lower() in COUNT_NOUNS:
            return False
        if "mod" in groups or "mid" in groups or "fiscal" in groups or before_lower in YEAR_PREPOSITIONS:
            return True
        return before_lower in LIST_WORDS and _year_just_before(text, match.start())
    if rule == "year_modifier":
        # "a 2010 raid", "Russia's 2014 annexation": a year before its noun.
        following = _next_word(text, match.end())
        return (SETTINGS.min_year <= int(groups["year"]) <= SETTINGS.max_year
                and (before_lower in YEAR_DETERMINERS or before_lower.endswith(("'s", "\u2019s")))
                and following.isalpha() and following.lower() not in NOT_AFTER_YEAR | COUNT_NOUNS)
    if rule == "century":
        # "21st Century Fox" is a name.
        return not (match.group(0)[-7:-6].isupper() and _next_word(text, match.end())[:1].isupper())
    if rule in ("quarter", "season"):
        # "the third quarter of the match", "the fall of the city": a part of something else.
        if _next_word(text, match.end()).lower() == "of":
            return False
    if rule == "season":
        if "rel" in groups or "mod" in groups or "mid" in groups:
            return True
        if groups["season"][:1].isupper() and before[:1].isupper() and before_lower not in SEASON_PREPOSITIONS:
            return False  # "the Arab Spring of 2011"
        if "year" in groups or before_lower in SEASON_PREPOSITIONS:
            return True
        return before_lower == "the" and _second_previous_word(text, match.start()).lower() in SEASON_PREPOSITIONS
    if rule == "present":
        return before_lower not in NOT_BEFORE_NOW
    if rule == "after_previous" and ("eve" in groups or "morrow" in groups):
        following = _next_word(text, match.end())
        return not (following.lower() in EVENT_DETERMINERS or following[:1].isupper()
                    or following.endswith("ing"))
    if rule == "year_range":
        return ("lead" in groups or not groups["link"].strip().isalpha()) and _year_range_ok(groups)
    if rule == "range" and not _day_range_ok(groups):
        return False
    if rule == "weekday_range":
        first, second = (WEEKDAYS[groups[k].lower()] for k in ("weekday", "weekday2"))
        return (second - first) % 7 == 1
    if rule in ("absolute", "range") and "weekday" not in groups and groups.get("month", "").lower() == "may":
        # "Theresa May 10" is not a date; "In May 10" would be odd but "On May 10" is one; a day
        # right before it makes it one ("Brazil from 5 to 7 May")
        if _previous_word(text, match.start("month")).isdigit():
            return True
        return not (before[:1].isupper() and before_lower not in MONTH_PREPOSITIONS
                    and before_lower not in {"on", "early", "late", "and", "to"})
    if rule in ("weekday", "weekday_range") and "rel" not in groups and "mod" not in groups:
        if before_lower in WEEKDAY_NAME_PREFIXES:
            return False
        if groups.get("part") is None and _next_word(text, match.end()) in WEEKDAY_NAME_SUFFIXES:
            return False
    if rule == "relative" and groups["rel"].lower() == "the":
        # "the end of the year" yes, "the year" alone no.
        return groups.get("mod", "").lower().endswith("of")
    if rule == "relative" and before_lower == "the":
        # "over the last year" is a span of time, not a dated period; "the last week of June"
        # is a week of June.
        if _next_word(text, match.end()).lower() == "of":
            return False
        return _second_previous_word(text, match.start()).lower() not in SPAN_PREPOSITIONS
    if rule == "day_word" and groups["word"].lower() == "today":
        return (before_lower not in TODAY_NAME_PREFIXES
                and _next_word(text, match.end()).lower() not in TODAY_NAME_SUFFIXES)
    return True


def _day_range_ok(groups):
    """"6-10 March" and "between 6 and 9 March" yes; "10-6 March" no; "6 and 9 March" is two
    dates, not a range."""
    if "month2" in groups:
        return True
    first, last = int(groups["day"]), int(groups["day2"])
    link = groups.get("link", "-").strip().lower()
    consecutive_only = link == "and" and groups.get("lead", "").lower() != "between"
    return last > first and (last == first + 1 or not consecutive_only)


def _year_range_ok(groups):
    first, second = int(groups["year"]), groups["year2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return last > first


_MONTH_ANYWHERE = re.compile(rf"(?:{_cased(MONTHS)})\b")
_YEAR_ANYWHERE = re.compile(r"\b\d{4}\b")


def _month_just_before(text, position):
    return _MONTH_ANYWHERE.search(text[max(0, position - 20):position]) is not None


def _year_just_before(text, position):
    return _YEAR_ANYWHERE.search(text[max(0, position - 14):position]) is not None


# --------------------------------------------------------------------------------------------
# Tense

def tense_near(text, start, end, skip=()):
    """'past', 'present', 'future' or None: the tense of the verb that governs text[start:end].

    The governing verb is the nearest tense marker before the date within its clause; failing
    that the first after it in the clause, then the nearest before it in the rest of the
    sentence, then the first after it unless a subordinate clause stands between ("flies there
    on Friday, a week after they met": "met" does not govern "Friday"). A reporting verb governs only a date right beside it
    ("said on Monday"); further off it closes the search backwards and is used last, when
    nothing else is found. Markers inside the spans of `skip` (other date expressions: the
    "last" of "last week") are not verbs and are ignored.

    >>> tense_near("They met on Friday.", 12, 18)
    'past'
    >>> tense_near("The company said the dividend is payable Jan. 2.", 41, 47)
    'present'
    """
    sentence_start = _sentence_start(text, max(0, start - TENSE_WINDOW), start)
    clause_start, opener = sentence_start, None
    for brk in _CLAUSE_BREAK.finditer(text, sentence_start, start):
        clause_start, opener = brk.end(), brk.group(0)
    skip = [(low, high) for low, high in skip if high > sentence_start and low < start + TENSE_WINDOW]
    reporting = None

    last = _last_marker(text, clause_start, start, skip)
    if last is not None:
        # "told him in a call on Monday that ...": a date closing the reporting verb's own
        # phrase, right before its "that", is the day of the telling
        if not _is_reporting(last) or _reports_date(text[last.end():start]) or _THAT_AFTER.match(text, end):
            return _tense_of(last)
        reporting = last
    reported_clause = reporting is not None
    sentence_stop = _sentence_stop(text, end, min(len(text), end + TENSE_WINDOW))
    brk = _CLAUSE_BREAK.search(text, end, sentence_stop)
    clause_stop = brk.start() if brk else sentence_stop
    # ("In a call on Sunday, Erdogan told Putin that ...": a date in a phrase opening the
    # sentence is the main verb's, a verb of telling too)
    opening = _OPENING_PHRASE.match(text, sentence_start, start) is not None
    for found in _TENSE.finditer(text, end, clause_stop):
        if skip and _inside(found, skip):
            continue
        if not _is_reporting(found) or _reports_date(text[end:found.start()]) or \
                opening and "," in text[end:found.start()]:
            return _tense_of(found, after=True)
        reporting = reporting or found
    if opener is not None and _TIME_SUBORDINATE.match(opener):
        # a phrase of time without a verb of its own ("will meet on 27 March, after a first
        # round on 15 January") is no tense of the main verb: the nearest occurrence
        return None
    if not reported_clause:
        earlier = _last_marker(text, sentence_start, clause_start, skip)
        if earlier is not None:
            return _tense_of(earlier)
    if brk is None or not _SUBORDINATE.match(brk.group(0)):
        # a later main clause may tell the tense; a subordinate one ("after they met") does not
        for found in _TENSE.finditer(text, clause_stop, sentence_stop):
            if not (skip and _inside(found, skip)) and not _is_reporting(found):
                return _tense_of(found, after=True)
    return _tense_of(reporting) if reporting is not None else None


_THAT_AFTER = re.compile(r",?\s+that\s")
#: A phrase opening a sentence before its subject, with no verb or comma of its own yet: "In a
#: call on ", "At talks in Lima on ", "During his visit on ".
_OPENING_PHRASE = re.compile(r"\s*(?:In|At|During|After|Before|Following)\s+[^,;.]*$")
_TIME_SUBORDINATE = re.compile(r"(?:after|before|since|until)\b", re.I)


def _last_marker(text, start, end, skip):
    last = None
    for found in _TENSE.finditer(text, start, end):
        if not (skip and _inside(found, skip)):
            last = found
    return last


def _tense_of(match, after=False):
    """The tense a marker gives a date; `after`: the marker follows the date."""
    kind = _TENSE_KIND[match.lastgroup]
    if kind == "intent":
        return "past" if after else "future"
    return None if kind == "neutral" else kind


def _inside(match, spans):
    return any(low <= match.start() < high for low, high in spans)


def _is_reporting(match):
    return match.group(0).lower() in REPORTING_VERBS


def _reports_date(gap):
    """Whether `gap`, the text between a reporting verb and a date, leaves the date to the verb."""
    words = gap.split()
    return len(words) <= 3 and all(w.lower() in REPORTING_GAP_WORDS or w.lower().endswith("ly")
                                   for w in words)


def _is_sentence_end(text, match):
    if match.group(0) == "\n":
        return True
    word = _PREVIOUS_WORD.search(text, max(0, match.start() - 12), match.start())
    if word is None:
        return True
    token = word.group(1).lower()
    return not (token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()))


def _sentence_start(text, left, position):
    """Where the sentence holding `position` starts, no further back than `left`."""
    start = left
    # Two characters past `position` let the lookahead see the capital that opens the sentence.
    for match in _SENTENCE_END.finditer(text, left, min(len(text), position + 2)):
        if match.end() <= position and _is_sentence_end(text, match):
            start = match.end()
    return start


def _sentence_stop(text, position, right):
    for match in _SENTENCE_END.finditer(text, position, min(len(text), right + 2)):
        if _is_sentence_end(text, match):
            return min(match.start(), right)
    return right


# --------------------------------------------------------------------------------------------
# Resolving

_NEEDS_TENSE = frozenset({"absolute", "range", "month", "weekday", "weekday_range", "weekend", "holiday",
                          "quarter", "season", "day_of_month"})


#: Rules whose tense "present" means the nearest occurrence (a weekday, a quarter of reported
#: results) rather than a forward one (a calendar date: "the dividend is payable Jan. 2").
_ENTRY_DASH = re.compile(r"\s*[-–—:]\s")
_PRESENT_IS_NEAREST = frozenset({"weekday", "weekday_range", "weekend", "quarter"})
#: A story of the past: a date with a year of its own this many years or more before the base
#: gives its year to the dates without one told right after it (`_story_base`).
STORY_YEARS = 2
#: (a bare year does not: "after the one with Egypt in 1979. In July, ..." is this July)
_STORY_RULES = frozenset({"absolute", "month", "range", "holiday", "season"})
_SENTENCE_BREAK = re.compile(r"[.!?][\"'’”)]*\s+(?=[A-Z\"“‘'(])")
#: A verb in the present perfect ("have spoken", "has often met"; not "have to", "has a plan").
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:not|never|also|already|since|\w+ly)\s+)?"
                              r"(?!(?:to|a|an|the|no|its|their|his|her|some|any)\b)[a-z]+\b", re.I)
#: Rules that count from the previous dated mention.
_ANCHORED = frozenset({"after_previous", "month_told"})


def _resolve(text, candidate, base, anchor, skip=(), nearest=False):
    """The DateMention `candidate` names, counted from `base` (or None); with `nearest`, the
    occurrence nearest `base` whatever the tense (a story's own year)."""
    groups = candidate.groups
    tense = None
    if not nearest and base is not None and _needs_tense(candidate) and not _heads_an_entry(text, candidate):
        tense = tense_near(text, candidate.start, candidate.end, skip)
        if tense == "present":
            tense = None if candidate.rule in _PRESENT_IS_NEAREST else "future"
    key = tuple(sorted((k, _normalise(v)) for k, v in groups.items()))
    resolved = _resolve_cached(candidate.rule, key, base, tense,
                               anchor if candidate.rule in _ANCHORED else None)
    if resolved is None:
        return None
    day, end_day, precision = resolved
    return DateMention(candidate.start, candidate.end, text[candidate.start:candidate.end],
                       day, end_day, precision, candidate.rule)


def _heads_an_entry(text, candidate):
    """Whether the date opens a line and a dash or colon follows it ("May 3 - A round planned for
    Rome is postponed"): the heading of an entry of a timeline, which no verb governs; it is the
    occurrence nearest to the base."""
    line_start = text.rfind("\n", 0, candidate.start) + 1
    return not text[line_start:candidate.start].strip() and _ENTRY_DASH.match(text, candidate.end) is not None


def _needs_tense(candidate):
    groups = candidate.groups
    if candidate.rule not in _NEEDS_TENSE or "year" in groups or "relyear" in groups:
        return False
    if candidate.rule == "absolute" and "weekday" in groups:
        return False
    rel = groups.get("rel", "").lower().split()
    return not rel or rel[0] not in ("last", "past", "next", "coming")


def _normalise(value):
    return " ".join(value.lower().replace(".", "").split())


@lru_cache(maxsize=65536)
def _resolve_cached(rule, key, base, tense, anchor):
    groups = dict(key)
    try:
        return _RESOLVERS[rule](groups, base, tense, anchor)
    except (ValueError, OverflowError):
        # An impossible date such as "31 February" or a year out of range is no date.
        return None


def _month_number(word):
    word = word.rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS.get(word)


def _count(word):
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _in_range(year):
    if not SETTINGS.min_year <= year <= SETTINGS.max_year:
        raise ValueError(f"year {year} out of range")
    return year


def _monday(day):
    return day - timedelta(days=day.weekday())


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _fit_day(month, day_of_month, base, tense):
    """The occurrence of day-month nearest to `base` that fits `tense`."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(date(year, month, day_of_month))
        except ValueError:
            continue
    if tense == "past":
        fitting = [d for d in options if d <= base]
    elif tense == "future":
        fitting = [d for d in options if d >= base]
    else:
        fitting = options
    if not fitting:
        raise ValueError("no such day")
    # Nearest; a tie goes to the past.
    return min(fitting, key=lambda d: (abs((d - base).days), d > base))


def _fit_weekday(weekday, base, tense):
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if back == 0:
        return base
    if tense == "past":
        return base - timedelta(days=back)
    if tense == "future":
        return base + timedelta(days=ahead)
    return base - timedelta(days=back) if back < ahead else base + timedelta(days=ahead)


def _resolve_iso(groups, base, tense, anchor):
    return date(_in_range(int(groups["year"])), int(groups["mon"]), int(groups["day"])), None, "day"


def _resolve_numeric(groups, base, tense, anchor):
    first, second, year = int(groups["a"]), int(groups["b"]), _in_range(int(groups["year"]))
    if groups["sep"] == "/" and first <= 12 and second <= 12:
        # "03/04/2023" is 3 April or March 4 depending on the writer: let dateparser decide with
        # the project's one DATE_ORDER.
        parsed = _dateparser_parse(f"{first}/{second}/{year}", base)
        if parsed is None:
            return None
        return parsed.date(), None, "day"
    if groups["sep"] == "/" and second > 12:
        first, second = second, first
    return date(year, second, first), None, "day"


#: Fixed holidays: (month, day of month).
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new years day": (1, 1),
            "new years eve": (12, 31), "boxing day": (12, 26)}


def _resolve_holiday(groups, base, tense, anchor):
    month, day_of_month = HOLIDAYS[re.sub(r"['’]", "", groups["holiday"].lower())]
    if "year" in groups:
        return date(_in_range(int(groups["year"])), month, day_of_month), None, "day"
    if base is None:
        return None
    return _fit_day(month, day_of_month, base, tense), None, "day"


def _resolve_absolute(groups, base, tense, anchor):
    month = _month_number(groups["month"])
    day_of_month = int(groups["day"])
    if "year" in groups:
        day = date(_in_range(int(groups["year"])), month, day_of_month)
    elif base is None:
        return None
    elif "relyear" in groups:
        day = date(base.year + {"last": -1, "this": 0, "next": 1}[groups["relyear"].lower()], month, day_of_month)
    elif "weekday" in groups and groups["weekday"] in WEEKDAYS:
        day = _weekday_fit(month, day_of_month, WEEKDAYS[groups["weekday"]], base)
    else:
        day = _fit_day(month, day_of_month, base, None if "weekday" in groups else tense)
    return day, None, "day"


def _weekday_fit(month, day_of_month, weekday, base):
    """The year in which day-month falls on `weekday`, nearest `base` ("Wednesday, Sept 13")."""
    options = []
    for year in range(base.year - 6, base.year + 7):
        try:
            day = date(year, month, day_of_month)
        except ValueError:
            continue
        if day.weekday() == weekday:
            options.append(day)
    if not options:
        return _fit_day(month, day_of_month, base, None)
    return min(options, key=lambda d: (abs((d - base).days), d > base))


def _resolve_range(groups, base, tense, anchor):
    month = _month_number(groups["month"])
    end_month = _month_number(groups["month2"]) if "month2" in groups else month
    first, last = int(groups["day"]), int(groups["day2"])
    if "year" in groups:
        start = date(_in_range(int(groups["year"])), month, first)
    elif base is None:
        return None
    else:
        start = _fit_day(month, first, base, tense)
    end = date(start.year, end_month, last)
    if end < start:
        end = date(start.year + 1, end_month, last)
    if "month2" in groups and "year" in groups and end.year != start.year:
        # "30 December - 2 January 2024": the printed year belongs to the end.
        start, end = date(start.year - 1, month, first), date(start.year, end_month, last)
    return start, end, "day"


def _resolve_month(groups, base, tense, anchor):
    month = _month_number(groups["month"])
    if "year" in groups:
        return date(_in_range(int(groups["year"])), month, 1), None, "month"
    if base is None:
        return None
    relyear = groups.get("relyear")
    if relyear:
        year = base.year + {"last": -1, "this": 0, "next": 1}[relyear]
        return date(_in_range(year), month, 1), None, "month"
    rel = groups.get("rel")
    if rel in ("last", "past"):
        year = base.year if month < base.month else base.year - 1
    elif rel in ("next", "coming"):
        year = base.year if month > base.month else base.year + 1
    elif rel == "this":
        year = base.year
    elif tense == "past":
        year = base.year if month <= base.month else base.year - 1
    elif tense == "future":
        year = base.year if month >= base.month else base.year + 1
    else:
        year = base.year
    return date(_in_range(year), month, 1), None, "month"


def _resolve_month_told(groups, base, tense, anchor):
    if anchor is None:
        return None
    step = {"following": 1, "next": 1, "previous": -1}.get(groups["yearref"].split()[-1], 0)
    return date(_in_range(anchor.year + step), _month_number(groups["month"]), 1), None, "month"


def _resolve_year(groups, base, tense, anchor):
    year = _in_range(int(groups["year"]))
    if "decade" in groups:
        return date(year, 1, 1), date(_in_range(year + 9), 12, 31), "year"
    return date(year, 1, 1), None, "year"


def _resolve_relative(groups, base, tense, anchor):
    if base is None:
        return None
    step = {"last": -1, "past": -1, "this": 0, "the": 0, "current": 0, "next": 1, "coming": 1}[groups["rel"]]
    unit = groups["unit"].split()[-1]
    side = (groups.get("mod") or "").lower()
    if step == 0 and side in ("later", "earlier") and unit in ("week", "month"):
        # "later this week": the days after the report's to the week's end; "earlier this
        # month": the month's first day to the day before the report's
        first = _monday(base) if unit == "week" else date(base.year, base.month, 1)
        last = first + timedelta(days=6) if unit == "week" else _add_months(first, 1) - timedelta(days=1)
        start, end = (base + timedelta(days=1), last) if side == "later" else (first, base - timedelta(days=1))
        if start <= end:
            return start, end, unit
    if unit == "week":
        return _monday(base) + timedelta(weeks=step), None, "week"
    if unit == "month":
        return _add_months(date(base.year, base.month, 1), step), None, "month"
    if unit == "quarter":
        start = _add_months(date(base.year, (base.month - 1) // 3 * 3 + 1, 1), 3 * step)
        return start, _add_months(start, 3) - timedelta(days=1), "month"
    if unit == "century":
        first = _in_range(base.year // 100 * 100 + 100 * step)
        return date(first, 1, 1), date(_in_range(first + 99), 12, 31), "year"
    return date(_in_range(base.year + step), 1, 1), None, "year"


def _resolve_quarter(groups, base, tense, anchor):
    """A quarter is its three months: "Q3 2024" is 1 July to 30 September 2024, precision month.
    Without a year: the latest one begun by the publication date, or with a future verb the
    first one not yet over."""
    ordinal = groups["ordinal"]
    number = int(ordinal[1]) if ordinal[0] == "q" else ORDINALS.get(ordinal) or int(ordinal[0])
    if "year" in groups:
        year = _in_range(int(groups["year"]))
    elif base is None:
        return None
    elif "relyear" in groups:
        year = base.year + {"last": -1, "this": 0, "the": 0, "next": 1}[groups["relyear"]]
    else:
        begun = base.month >= 3 * number - 2
        year = base.year if begun else base.year - 1
        if tense == "future" and _add_months(date(year, 3 * number - 2, 1), 3) <= base:
            year += 1
    start = date(_in_range(year), 3 * number - 2, 1)
    return start, _add_months(start, 3) - timedelta(days=1), "month"


def _season_span(season, year):
    start = date(year, SEASONS[season], 1)
    return start, _add_months(start, 3) - timedelta(days=1)


def _resolve_season(groups, base, tense, anchor):
    """A season is its three months, precision month ("winter 2019": December 2019 to February
    2020). "last summer" is the latest summer over by the publication date, "next summer" the
    first not yet begun; "this summer", or a bare one with no tense, the nearest."""
    season = groups["season"]
    if "year" in groups:
        start, end = _season_span(season, _in_range(int(groups["year"])))
        return start, end, "month"
    if base is None:
        return None
    options = [_season_span(season, year) for year in (base.year - 2, base.year - 1, base.year, base.year + 1)]
    rel = groups.get("rel")
    if rel in ("last", "past"):
        fitting = [o for o in options if o[1] < base][-1:]
    elif rel in ("next", "coming"):
        fitting = [o for o in options if o[0] > base][:1]
    elif rel is None and tense == "past":
        fitting = [o for o in options if o[0] <= base][-1:]
    elif rel is None and tense == "future":
        fitting = [o for o in options if o[1] >= base][:1]
    else:
        fitting = [min(options, key=lambda o: max((o[0] - base).days, (base - o[1]).days, 0))]
    start, end = fitting[0]
    _in_range(start.year)
    return start, end, "month"


def _resolve_century(groups, base, tense, anchor):
    ordinal = groups["ordinal"]
    number = ORDINALS[ordinal] if ordinal in ORDINALS else int(ordinal[:-2])
    first = (number - 1) * 100
    return date(_in_range(first), 1, 1), date(_in_range(first + 99), 12, 31), "year"


def _resolve_present(groups, base, tense, anchor):
    """"now", "currently": the publication day (TimeML's PRESENT_REF has no day of its own)."""
    if base is None:
        return None
    return base, None, "day"


def _resolve_weekend(groups, base, tense, anchor):
    if base is None:
        return None
    rel = groups["rel"].split()[0]
    saturday = _monday(base) + timedelta(days=5)
    if rel == "last":
        saturday -= timedelta(weeks=1)
    elif rel in ("next",):
        saturday += timedelta(weeks=1)
    elif base.weekday() < 5 and (tense == "past" or (
            tense is None and rel != "this" and base.weekday() < 3)):
        # On a weekday "over the weekend" said of the past, or early in the week, is the one
        # just gone; otherwise the coming one.
        saturday -= timedelta(weeks=1)
    return saturday, saturday + timedelta(days=1), "day"


_DAY_WORD_OFFSETS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}


def _resolve_day_word(groups, base, tense, anchor):
    if base is None:
        return None
    return base + timedelta(days=_DAY_WORD_OFFSETS[groups["word"]]), None, "day"


def _resolve_weekday(groups, base, tense, anchor):
    if base is None:
        return None
    weekday = WEEKDAYS[groups["weekday"]]
    rel = groups.get("rel")
    week = (groups.get("week") or "").lower()
    if week:  # that weekday of the week named: "Wednesday last week"
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks={"last": -1, "this": 0, "next": 1}[week])
        return monday + timedelta(days=weekday), None, "day"
    if rel in ("last", "past"):
        back = (base.weekday() - weekday) % 7 or 7
        return base - timedelta(days=back), None, "day"
    if rel in ("next", "coming"):
        ahead = (weekday - base.weekday()) % 7 or 7
        return base + timedelta(days=ahead), None, "day"
    return _fit_weekday(weekday, base, tense), None, "day"


def _resolve_day_of_month(groups, base, tense, anchor):
    """That day in the base's month, or in the month before (told in the past and still to come
    this month) or after (told ahead and already gone this month)."""
    if base is None:
        return None
    base_day = base.date() if isinstance(base, datetime) else base
    dom = int(groups["dom"])
    options = []
    for shift in (-1, 0, 1):
        year, month = divmod(base_day.year * 12 + base_day.month - 1 + shift, 12)
        try:
            options.append(date(year, month + 1, dom))
        except ValueError:
            continue
    if not options:
        return None
    if tense == "past":
        fitting = [d for d in options if d <= base_day]
    elif tense == "future":
        fitting = [d for d in options if d >= base_day]
    else:
        fitting = []
    day = (fitting[-1] if tense == "past" else fitting[0]) if fitting else \
        min(options, key=lambda d: abs((d - base_day).days))
    return day, None, "day"


def _resolve_weekday_range(groups, base, tense, anchor):
    if base is None:
        return None
    start = _fit_weekday(WEEKDAYS[groups["weekday"]], base, tense)
    return start, start + timedelta(days=1), "day"


def _resolve_next_days(groups, base, tense, anchor):
    if base is None:
        return None
    count = _count(groups["count"])
    if not 1 <= count <= 31:
        return None
    if groups["rel"].lower() in ("past", "last"):
        # "over the past five days" ends today; "the last three days of the summit" is no date
        return (base - timedelta(days=count - 1), base, "day") if groups.get("prep") else None
    return base, base + timedelta(days=count - 1), "day"


def _resolve_ago(groups, base, tense, anchor):
    if base is None:
        return None
    count = _count(groups["count"])
    unit = groups["unit"].rstrip("s")
    parsed = _dateparser_parse(f"{count} {unit}s ago", base)
    if parsed is None:
        return None
    if "exact" in groups:
        return _same_day_back(base, count, unit), None, "day"
    if "frame" in groups:
        frame = groups["frame"].lower()
        return _period_start(_same_day_back(base, count, unit), frame), None, frame
    return _period_start(parsed.date(), unit), None, unit


def _same_day_back(day, count, unit):
    """The day `count` units before `day`, the same day of the month (the 28th for a 29 February
    or a 31st the month back lacks)."""
    if unit in ("day", "week"):
        return day - timedelta(days=count * (7 if unit == "week" else 1))
    year, month = divmod(day.year * 12 + day.month - 1 - count * (12 if unit == "year" else 1), 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _resolve_after_previous(groups, base, tense, anchor):
    if "eve" in groups:
        # "the day before": the eve of the date just told, or of the publication day.
        day = anchor or base
        return (day - timedelta(days=1), None, "day") if day else None
    if anchor is None:
        return None
    if "phrase" in groups:
        # "later that evening", "the same day": the day itself; "the next/previous week": one step.
        if "unit4" in groups and groups["phrase"].startswith("earlier") and base is not None and anchor > base:
            # "said he had spoken earlier in the day", after a day still to come: the report's day
            return base, None, "day"
        if "unit6" in groups:
            return date(anchor.year, anchor.month, 1), None, "month"
        if "same" in groups["phrase"].split() and groups.get("unit") in ("month", "year"):
            return _period_start(anchor, groups["unit"]), None, groups["unit"]
        if any(name in groups for name in ("unit2", "unit3", "unit4")) or "same" in groups["phrase"].split():
            return anchor, None, "day"
        if "unit5" in groups or "morrow" in groups:
            return anchor + timedelta(days=1), None, "day"
        unit = groups["unit"]
        count = -1 if "previous" in groups["phrase"] else 1
    else:
        unit = groups["unit"].lower().rstrip("s")
        count = _count(groups["count"])
        if unit == "hour":
            # "forty-eight hours later": whole days only
            if count % 24:
                return None
            unit, count = "day", count // 24
        if groups["dir"].split()[0] in ("earlier", "before"):
            count = -count
    if unit == "day":
        return anchor + timedelta(days=count), None, "day"
    if unit == "week":
        return _monday(anchor + timedelta(weeks=count)), None, "week"
    if unit == "month":
        return _add_months(date(anchor.year, anchor.month, 1), count), None, "month"
    return date(_in_range(anchor.year + count), 1, 1), None, "year"


def _period_start(day, unit):
    if unit == "week":
        return _monday(day)
    if unit == "month":
        return date(day.year, day.month, 1)
    if unit == "year":
        return date(day.year, 1, 1)
    return day


_RESOLVERS = {
    "iso": _resolve_iso, "numeric": _resolve_numeric, "absolute": _resolve_absolute,
    "range": _resolve_range, "month": _resolve_month, "month_told": _resolve_month_told, "year_range": _resolve_year,
    "year_modifier": _resolve_year,
    "year": _resolve_year, "relative": _resolve_relative, "weekend": _resolve_weekend,
    "day_word": _resolve_day_word, "weekday": _resolve_weekday,
    "weekday_range": _resolve_weekday_range, "next_days": _resolve_next_days, "holiday": _resolve_holiday,
    "day_of_month": _resolve_day_of_month,
    "ago": _resolve_ago, "after_previous": _resolve_after_previous, "quarter": _resolve_quarter,
    "season": _resolve_season, "century": _resolve_century,
    "present": _resolve_present,
}
assert set(_RESOLVERS) == {name for name, _, _ in RULES}
assert {head for _, head, _ in RULES} <= set(HEADS)


def _base_date(published):
    if published is None:
        return None
    if isinstance(published, datetime):
        if published != published:  # NaT
            return None
        return published.date()
    if isinstance(published, date):
        return published
    raise ParleyError(
        f"published: expected a datetime, a date or None, received {type(published).__name__} "
        f"{published!r:.60}")


@lru_cache(maxsize=4096)
def _dateparser_parse(candidate, base):
    """dateparser's reading of one short candidate string, with RELATIVE_BASE = `base`."""
    import dateparser  # imported here: it is slow to import and rarely needed
    settings = dict(DATEPARSER_SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = datetime.combine(base, datetime.min.time())
    return dateparser.parse(candidate, languages=DATEPARSER_LANGUAGES, settings=settings)


# --------------------------------------------------------------------------------------------
# Publication dates

_ISO_STAMP = re.compile(
    r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"[ \t]*(Z|[+-]\d{2}:?\d{2})?(?![\d-])")
_CLOCK = re.compile(
    rf"[ \t\u00a0,]*(?:(?i:at){_SP})?(?P<hour>[01]?\d|2[0-3])[:.h](?P<minute>[0-5]\d)"
    rf"(?::[0-5]\d)?(?:{_SPO}(?P<ampm>(?i:[ap]\.?m\.?)))?"
    rf"(?:{_SPO}(?:(?P<offset>(?:UTC|GMT)?[+-]\d{{1,2}}(?::?\d{{2}})?)|(?P<abbr>[A-Z]{{1,5}})\b))?")
_OFFSET = re.compile(r"([+-])(\d{1,2}):?(\d{2})?$")


def parse_published(text):
    """The publication date and time printed in `text` (a header, a byline, a timestamp).

    Returns Published(value, precision, tz): value is naive wall-clock time; precision is
    minute (a time is given), day, month, year or unknown; tz is '+HH:MM' where an offset or a
    known zone abbreviation is printed, else None. Text with no date gives
    Published(None, "unknown", None); nothing raises for bad text.

    >>> parse_published("Staff reporter, Friday, 28 February 2025, 08:53")
    Published(value=datetime.datetime(2025, 2, 28, 8, 53), precision='minute', tz=None)
    """
    if not isinstance(text, str) or not text.strip():
        return UNKNOWN
    text = text[:2000]
    stamp = _ISO_STAMP.search(text)
    if stamp:
        found = _from_iso(stamp)
        if found is not None:
            return found
    bare_year = re.fullmatch(r"\s*(\d{4})\s*", text)
    if bare_year and SETTINGS.min_year <= int(bare_year[1]) <= SETTINGS.max_year:
        return Published(datetime(int(bare_year[1]), 1, 1), "year", None)
    for mention in find_dates(text, None):
        if mention.rule in ("iso", "numeric", "absolute", "month", "year") and mention.end_date is None:
            return _with_clock(text, mention)
    if len(text) <= 64 and re.search(r"\d", text):
        parsed = _dateparser_parse(" ".join(text.split()), None)
        if parsed is not None and SETTINGS.min_year <= parsed.year <= SETTINGS.max_year:
            has_clock = re.search(r"\d[:.h]\d\d", text) is not None
            value = parsed.replace(second=0, microsecond=0) if has_clock else datetime.combine(
                parsed.date(), datetime.min.time())
            return Published(value, "minute" if has_clock else "day", None)
    return UNKNOWN


def _from_iso(stamp):
    year, month, day, hour, minute, second, offset = stamp.groups()
    try:
        value = datetime(_in_range(int(year)), int(month), int(day),
                         int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if hour is None:
        return Published(value, "day", None)
    return Published(value, "minute", _offset_text(offset) if offset else None)


def _with_clock(text, mention):
    value = datetime.combine(mention.date, datetime.min.time())
    if mention.precision != "day":
        return Published(value, mention.precision, None)
    clock = _CLOCK.match(text, mention.end)
    if not clock:
        return Published(value, "day", None)
    hour, minute = int(clock["hour"]), int(clock["minute"])
    ampm = (clock["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    tz = None
    if clock["offset"]:
        tz = _offset_text(clock["offset"].removeprefix("UTC").removeprefix("GMT"))
    elif clock["abbr"]:
        tz = TZ_ABBREVIATIONS.get(clock["abbr"])
    return Published(value.replace(hour=hour, minute=minute), "minute", tz)


def _offset_text(offset):
    if offset == "Z":
        return "+00:00"
    match = _OFFSET.match(offset)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    return f"{sign}{int(hours):02d}:{minutes or '00'}"


# --------------------------------------------------------------------------------------------
# Comparing

def dates_agree(first, second, by_year=True):
    """How the dates of two reports of one encounter agree, or None when they cannot be one's.

    Each of `first` and `second` has `date` (a date, datetime or pandas Timestamp: the first
    day), `end_date` (the last day of a range, or None) and `precision` (day | week | month |
    year): a DateMention, or any object shaped so. Two days agree when they are equal or one lies
    in the other's range; at a coarser precision, the same month or a day in the other's range;
    where either is known only to the year and `by_year`, the same year. Extraction (one
    article's mentions, `by_year=False`: beside a dated encounter, the same article's "in 2019"
    tells another one) and the merge (mentions of several sources) both ask this.

    Returns the reason they agree ("same day 2024-03-01", "same day range 2024-03-01..2024-03-03",
    "same month 2024-03", "same year 2024"), or None.
    >>> dates_agree(DateMention(0, 6, "May 5", date(2024, 5, 5), None, "day", "absolute"),
    ...             DateMention(0, 6, "in May", date(2024, 5, 1), None, "month", "month"))
    'same month 2024-05'
    """
    a, a_end = _calendar_day(first.date), _calendar_day(first.end_date or first.date)
    b, b_end = _calendar_day(second.date), _calendar_day(second.end_date or second.date)
    ranges_meet = a <= b <= a_end or b <= a <= b_end
    if first.precision == "day" and second.precision == "day":
        if a == b:
            return f"same day {a:%Y-%m-%d}"
        return f"same day range {a:%Y-%m-%d}..{a_end:%Y-%m-%d}" if ranges_meet else None
    if (a.year, a.month) == (b.year, b.month) or ranges_meet:
        return f"same month {a:%Y-%m}"
    if by_year and "year" in (first.precision, second.precision) and a.year == b.year:
        return f"same year {a:%Y}"
    return None


def _calendar_day(value):
    """The calendar day of a date, datetime or pandas Timestamp."""
    return value.date() if isinstance(value, datetime) else value
