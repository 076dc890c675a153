"""The extraction's rule tables (`loaders.cues`) compiled once, and the bounds the stages share.
"""

import re

from loaders import cues, schema
from loaders.sieve import Alternation

_FLAGS = re.IGNORECASE


def _any(patterns, flags=_FLAGS):
    # searched with only the cues whose words the text holds (loaders/sieve.py)
    return Alternation([f"(?:{p})" for p in patterns], flags)


# every trigger starts at a word boundary: tested once, before the alternatives, it spares the
# engine trying each of them inside words (twice as fast, the same matches); and a sentence is
# searched with only the triggers whose words it holds (eight times as fast again)
_TRIGGER_RE = Alternation([f"(?P<t{i}>{t.pattern}\\b)" for i, t in enumerate(cues.TRIGGERS)], _FLAGS,
                          head="\\b(?:", tail=")")


_NOT_ENCOUNTER_RE = _any(cues.NOT_ENCOUNTERS)


_CANCEL_RE = _any(cues.CANCEL_CUES)


_PLAN_RE = _any(cues.PLAN_CUES)


_PAST_PLAN_RE = _any(cues.PAST_PLAN_CUES)


_PLAN_BEFORE_RE = _any(cues.PLAN_BEFORE_CUES)


_HELD_RE = _any(cues.HELD_CUES)


_STATUS_AFTER = (("planned", _PLAN_RE), ("held", _HELD_RE))


_STATUS_BEFORE = _STATUS_AFTER + (("planned", _PLAN_BEFORE_RE),)


_HEDGE_RE = _any(cues.HEDGE_CUES)
_LOCATED_AT_RE = re.compile(cues.LOCATED_AT, _FLAGS)
_CLOSED_BY_DAYS_RE = re.compile(cues.CLOSED_BY_DAYS, _FLAGS)
_RETURN_BEFORE_RE = re.compile(cues.RETURN_BEFORE, _FLAGS)
_MODAL_BE_RE = re.compile(cues.MODAL_BE)


_SERIES_RE = _any(cues.SERIES_CUES)
_URGING_RE = _any(cues.URGING_CUES)


_REPRESENTED_RE = _any(cues.REPRESENTED_CUES)


_SPORT_RE = _any(cues.SPORT_WORDS)
_LISTED_NEXT_RE = re.compile(cues.LISTED_NEXT)
_THEIR_ENCOUNTER_RE = re.compile(cues.THEIR_ENCOUNTER, _FLAGS)
_REGION_RE = re.compile("|".join(cues.REGION_WORDS))
_REPORTING_RE = re.compile(r"(?:" + "|".join(cues.REPORTING_CUES) + r")\s+(?:\w+\s+){0,2}$", _FLAGS)


_COUNTERPART_RE = re.compile(r"\bcounterparts?\b", _FLAGS)


_WHEN_RE = re.compile(r"\s*,?\s*(?:" + cues.WHEN_WORD + "|" + cues.WHERE_WORD + r")\b", _FLAGS)
_WHERE_RE = re.compile(r"\s*,?\s*" + cues.WHERE_WORD + r"\b", _FLAGS)
_WHERE_ON_IT_RE = re.compile(cues.WHERE_ON_IT, _FLAGS)


_HERE_RE = re.compile(r"\bhere\b", _FLAGS)


_DECIDED_RE = re.compile(r"(?:" + "|".join(cues.DECISION_CUES) + r")\s+(?:\w+\s+){0,2}$", _FLAGS)
#: ... with its object between ("reached a deal on Tuesday after a call"): the day of a result
_RESULT_DAY_RE = re.compile(r"(?:" + "|".join(cues.DECISION_CUES) + r")\s+(?:\w+\s+){0,4}$", _FLAGS)
#: ... or right before it ("Obama on Wednesday cancelled a summit")
_DEADLINE_RE = re.compile(cues.DEADLINE_BEFORE, _FLAGS)
_DECIDED_AFTER_RE = re.compile(r"\s*,?\s*(?:" + "|".join(cues.DECISION_CUES) + r")", _FLAGS)


_LOCATION_RE = re.compile(cues.LOCATION_PREPOSITIONS, _FLAGS)


_VENUE_RE = re.compile(cues.VENUE_PREPOSITIONS, _FLAGS)


_ANAPHORA_RE = re.compile(cues.ANAPHORA, _FLAGS)
_ANOTHER_OCCURRENCE_RE = re.compile(cues.ANOTHER_OCCURRENCE, _FLAGS)
_COUNTED_RE = re.compile(cues.COUNTED, _FLAGS)
_COUNTED_NOUN_RE = re.compile(cues.COUNTED_NOUN + r"$", _FLAGS)
_SAME_PLACE_RE = re.compile(cues.SAME_PLACE, _FLAGS)
_REPORTER_AFTER_RE = re.compile(cues.REPORTER_AFTER, _FLAGS)
_BY_PHONE_RE = re.compile(cues.BY_PHONE, _FLAGS)
_BY_PHONE_BETWEEN_RE = re.compile(cues.BY_PHONE_BETWEEN, _FLAGS)
_OFF_AFTER_RE = re.compile(cues.OFF_AFTER, _FLAGS)
_OCCURRED_RE = re.compile(cues.OCCURRED, _FLAGS)
_TOPIC_VERB_RE = re.compile(cues.TOPIC_VERBS, _FLAGS)
_PREPARATORY_RE = re.compile(cues.PREPARATORY, _FLAGS)
_RETURNED_FROM_RE = re.compile(cues.RETURNED_FROM, _FLAGS)
_ORDER_ONLY_RE = re.compile(cues.ORDER_ONLY, _FLAGS)


_GROUP_RE = _any(cues.GROUP_REFERENCES)
_COLLECTIVE_RE = re.compile(cues.COLLECTIVE_REFERENCE, _FLAGS)


# (searched as the other tables are: a break whose words a sentence lacks is not tried there, and
# the break after "is", "was", ... with six lookbehinds tried at every space is half the cost)
_CLAUSE_RE = _any(cues.CLAUSE_BREAKS, flags=0)
_RELATIVE_CLOSE_RE = re.compile(cues.RELATIVE_CLOSE)
_OTHER_ENCOUNTER_RE = re.compile(cues.OTHER_ENCOUNTER_OPENING, _FLAGS)


_NON_ACTOR_AFTER_RE = re.compile(cues.NON_ACTOR_FOLLOWERS, _FLAGS)


_MEDIA_RE = _any(cues.MEDIA_OUTLETS)


_PURPOSE_RE = re.compile(cues.PURPOSE_BEFORE, _FLAGS)
_MET_FOR_RE = re.compile(cues.MET_FOR, _FLAGS)


_NOUN_TRIGGER_RE = re.compile(cues.NOUN_TRIGGER_ENDINGS, _FLAGS)


_TOPIC_PREP_RE = re.compile(cues.TOPIC_PREPOSITIONS, _FLAGS)


_NOT_VENUE_RE = re.compile(cues.NOT_VENUE_BEFORE, _FLAGS)


_ATTENDANCE_RE = _any(cues.ATTENDANCE_CUES)


_REPORTING_ANY_RE = _any(cues.REPORTING_CUES)


_ABSENCE = tuple((re.compile(c.pattern, _FLAGS), c.side) for c in cues.ABSENCE_CUES)
_ABSENCE_REACH_ENDS_RE = re.compile(cues.ABSENCE_REACH_ENDS, _FLAGS)


_ANY_ABSENCE_RE = _any(c.pattern for c in cues.ABSENCE_CUES)


_ANY_MEDIATOR_RE = _any(c.pattern for c in cues.MEDIATOR_CUES)


_MEDIATORS = tuple((re.compile(c.pattern, _FLAGS), c.side, c.target) for c in cues.MEDIATOR_CUES)


_HEAD_AFTER_RE = _any(cues.HEAD_AFTER_CUES)


_HEAD_BEFORE_RE = _any(cues.HEAD_BEFORE_CUES)


_ENDING_RE = _any(cues.ENDING_CUES)


_ORDINAL_RES = tuple(re.compile(p + cues.ORDINAL_DAY_TAIL, _FLAGS) for p in cues.ORDINAL_DAY_PATTERNS)


_FIRST_SINCE_BEFORE_RE = re.compile(cues.FIRST_SINCE_BEFORE, _FLAGS)
_SINCE_OTHER_EVENT_RE = re.compile(cues.SINCE_OTHER_EVENT)
_LAST_TIME_BEFORE_RE = re.compile(cues.LAST_TIME_BEFORE, _FLAGS)
_DAYS_APART_RE = re.compile(cues.DAYS_APART_BEFORE, _FLAGS)
_DAYS_APART_OPENING_RE = re.compile(cues.DAYS_APART_OPENING)
_PRONOUN_OBJECT_RE = re.compile(cues.PRONOUN_OBJECT, _FLAGS)
_BARE_ROUND_RE = re.compile(cues.BARE_ROUND, _FLAGS)
_ENTRY_DATE_END_RE = re.compile(cues.ENTRY_DATE_END)
_FUTURE_DATE_RE = re.compile(cues.FUTURE_DATE, _FLAGS)
_OPENS_AFTER_RE = re.compile(cues.OPENS_AFTER, _FLAGS)
_RESUMES_BEFORE_RE = re.compile(cues.RESUMES_BEFORE, _FLAGS)
_RESUMES_AFTER_RE = re.compile(cues.RESUMES_AFTER, _FLAGS)
_CAPTION_END_RE = re.compile(cues.CAPTION_END)
_DAY_APPOSITION_RE = re.compile(cues.DAY_APPOSITION, _FLAGS)
_DAYS_TO_A_DAY_AFTER_RE = re.compile(cues.DAYS_TO_A_DAY_AFTER, _FLAGS)
_AFTER_ENCOUNTER_RE = re.compile(cues.AFTER_ENCOUNTER, _FLAGS)
_AFTER_CLAUSE_ENCOUNTER_RE = re.compile(cues.AFTER_CLAUSE_ENCOUNTER, _FLAGS)
_ARRIVAL_ASIDE_RE = re.compile(cues.ARRIVAL_ASIDE, _FLAGS)
_BUILDING_OF_RE = re.compile(cues.BUILDING_OF, _FLAGS)
_PAST_VERB_RE = re.compile(cues.PAST_VERB, _FLAGS)
_NOT_SINCE_BEFORE_RE = re.compile(cues.NOT_SINCE_BEFORE, _FLAGS)


_FIRST_SINCE_AFTER_RE = re.compile(cues.FIRST_SINCE_AFTER, _FLAGS)
_FIRST_SINCE_APPOSITIVE_RE = re.compile(cues.FIRST_SINCE_APPOSITIVE, _FLAGS)
_FIRST_TIME_BEFORE_RE = re.compile(cues.FIRST_TIME_BEFORE, _FLAGS)


_DURATION_RE = re.compile(r"\b(?P<duration>" + "|".join(map(re.escape, cues.DURATION_WORDS)) + r")\s+(?:[\w-]+\s+){0,2}$", _FLAGS)


_MOTION_RE = re.compile(cues.MOTION_TRIGGERS, _FLAGS)


_DAY_OF_RE = re.compile(r"[Dd]ay\s+(?:\w+\s+)?of\s")


_STAY_RE = re.compile(cues.STAY_IN_DAYS, _FLAGS)


_DAYS_OF_RE = re.compile(cues.DAYS_OF, _FLAGS)
_DAYS_OF_AFTER_RE = re.compile(cues.DAYS_OF_AFTER, _FLAGS)
_UNDER_WAY_AFTER_RE = re.compile(cues.UNDER_WAY_AFTER)
_LIVE_ENTRY_RE = re.compile(cues.LIVE_ENTRY, re.IGNORECASE)
_UNDER_WAY_BEFORE_RE = re.compile(cues.UNDER_WAY_BEFORE)


_VISIT_NOUN_RE = re.compile(r"\b(?:visit|trip|tour)", _FLAGS)


_NAME_RE = re.compile(r"(?:[A-Z][\w'’-]+|bin|al|Al|de|da|van|von)(?:\s+(?:[A-Z][\w'’-]+|bin|bin|al|de|da))*")


_TITLES = frozenset(cues.PERSON_TITLES)
_TITLED_PERSON_RE = re.compile(cues.TITLED_PERSON)


#: How far after its trigger a date may stand and still be the encounter's, in characters;
#: further on it belongs to another predicate ("... that pushed relations to lows early last year").
MAX_DATE_AFTER = 150
#: How many days before the day an encounter is told to end it may be told to begin.
OPENED_BEFORE_DAYS = 21
#: Kinds of encounter that, told only by their last day and no length, are taken to have
#: lasted that one day ("the talks in Honiara ended on Thursday with agreements"; a visit's
#: first day stays unknown).
ONE_DAY_KINDS = ("meeting", "summit", "call", "signing", "talks")


#: How many days before publication a lede's trigger-less date may lie to date the article's
#: undated encounter (see _date_from_lede).
LEDE_DAYS = 3


KIND_CLASS = schema.KIND_FAMILY


CAMEO = schema.KIND_CAMEO


ACTOR_KINDS = ("country", "demonym", "capital", "seat", "official")


VENUE_KINDS = ("city", "capital", "venue", "country", "seat")


#: A dateline opening a report: a place in capitals or title case, an optional region, then
#: the day ("GENEVA, Jan 21 (Reuters) -", "Peking, February 21", "GOYANG, South Korea, April 27").
_BYLINE_RE = re.compile(cues.BYLINE)
_DATELINE_HEAD_RE = re.compile(r"\s*[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?,\s*")
#: What follows a dateline's place: its region, then a dash, a day or a date ("-", ", U.S.S.R., Jan. 10"),
#: the agency's name in brackets or slashes before the dash ("BRUSSELS (AP) --", "HANOI /TASS/ -").
_DATELINE_AFTER_RE = re.compile(r"[\s,A-Za-z.]*?(?:\([A-Za-z .&-]{1,30}\)\s*|/[A-Za-z .-]{1,20}/\.?\s*)?(?:[-–—]|\d|[A-Z][a-z]+\.? \d)")
#: A dateline's town in capitals, before its region ("CHAGUARAMAS, Trinidad, July 4 -"), unless a
#: wire slug ("EXCLUSIVE, Ukraine, March 5 -").
_DATELINE_TOWN_RE = re.compile(r"\s*(?!(?:" + "|".join(cues.WIRE_SLUGS) + r")\b)([A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,4}),\s*")


#: How many days before publication a dateline's day may be (a report runs the next morning, or
#: up to a week later in a weekly); further back, the line is no dateline of this report.
DATELINE_DAYS = 7


#: How far (characters) from its trigger a status cue may stand. Clauses of news prose are far
#: shorter; the bound keeps a pathological one-sentence megabyte from costing quadratic time.
STATUS_REACH = 400
#: How many sentences back a pronoun subject looks for the person it stands for.
PRONOUN_REACH = 6
#: The reason given for a status no cue decided.
NO_CUE_HELD = "no cue of tense: held"


#: How far after its trigger a tense cue may stand: its own noun group and verb ("talks between
#: the two sides will open"), not a later clause ("..., and Xi said then that the visit would").
STATUS_AFTER = 120


#: How far after its trigger a hedge may stand: past the trigger's own noun group ("a summit
#: between the two neighbours would help no one"), not into the next predicate.
HEDGE_AFTER = 45
#: A plan's date without a year resolved to more than this many days before the report is
#: taken to be the next year's ("will meet in April", in an article of June).
PLAN_BEHIND_DAYS = 31
#: How far after a trigger a word of how often is read ("met several times", "talk by phone
#: every two weeks"); before it, 20 characters ("regularly meet").
SERIES_AFTER = 40
#: How far after a trigger a plan told in the past is read ("the talks, which had been due to ...").
PAST_PLAN_AFTER = 40


_KIND_RANK = schema.KIND_RANK


_PRECISION_RANK = schema.PRECISION_RANK


#: How far after the trigger "since" may stand ("the first meeting between an American
#: president and a Soviet premier since ..."), and how far after "since" its date.
SINCE_REACH = 100


SINCE_DATE_REACH = 120


_SIDELINES_RE = re.compile(cues.SIDELINES, _FLAGS)
_AT_GATHERING_RE = re.compile(cues.AT_GATHERING, _FLAGS)
_COUNT_LISTED_RE = re.compile(cues.COUNT_LISTED)
_SERIES_FIRST_RE = re.compile(cues.SERIES_FIRST, _FLAGS)
_THAT_CLAUSE_RE = re.compile(cues.THAT_CLAUSE)
_DURING_THAT_RE = re.compile(cues.DURING_THAT, _FLAGS)
_PLUPERFECT_BEFORE_RE = re.compile(cues.PLUPERFECT_BEFORE, _FLAGS)
_ANOTHER_NOUNS_CLAUSE_RE = re.compile(cues.ANOTHER_NOUNS_CLAUSE)
_PARTICIPLE_ASIDE_RE = re.compile(cues.PARTICIPLE_ASIDE)
_SUBJECT_NOUN_BEFORE_RE = re.compile(cues.SUBJECT_NOUN_BEFORE)
_SUBJECT_PREDICATE_RE = re.compile(cues.SUBJECT_PREDICATE)
#: A title right before a person's name, perhaps after a comma and the given names.
_TITLE_BEFORE_RE = re.compile(r"\b(" + "|".join(sorted(cues.TITLE_ROLES, key=len, reverse=True)) +
                              r")\b,?\s+(?:[A-Z][\w.'’-]*\s+){0,2}$")
_SUBJECT_GAP_RE = re.compile(cues.SUBJECT_GAP, _FLAGS)
_COORDINATED_VERB_RE = re.compile(cues.COORDINATED_VERB, _FLAGS)
_OPENING_SUBORDINATE_RE = re.compile(cues.OPENING_SUBORDINATE.format(cues.SUBORDINATORS), _FLAGS)
#: ... one telling the same time as the main clause
_MEANWHILE_RE = re.compile(cues.OPENING_SUBORDINATE.format(cues.SIMULTANEOUS), _FLAGS)
#: ... one without a subject of its own: "After meeting X in Ottawa, ...", "Having flown in from ..."
_PARTICIPLE_OPENING_RE = re.compile(cues.PARTICIPLE_OPENING, _FLAGS)


_PLURAL_TRIGGER_RE = re.compile(cues.PLURAL_TRIGGER_NOUNS, _FLAGS)
_LIST_ITEM_REST_RE = re.compile(cues.LIST_ITEM_REST, _FLAGS)
_NEXT_ACT_RE = re.compile(cues.NEXT_ACT, _FLAGS)
_ONE_AFTER_ANOTHER_RE = re.compile(cues.ONE_AFTER_ANOTHER, _FLAGS)
_MET_SEPARATELY_RE = re.compile(cues.MET_SEPARATELY, _FLAGS)
_GROUP_CALL_RE = re.compile(cues.GROUP_CALL, _FLAGS)
_JUST_DONE_RE = re.compile(cues.JUST_DONE, _FLAGS)
_DURATION_OF_RE = re.compile(cues.DURATION_OF, _FLAGS)
_PURPOSE_OF_ITS_OWN_RE = re.compile(cues.PURPOSE_OF_ITS_OWN, _FLAGS)
_RELATIVE_ON_PERSON_RE = re.compile(cues.RELATIVE_ON_PERSON, _FLAGS)
_PRONOUN_SUBJECT_RE = re.compile(cues.PRONOUN_SUBJECT)
_GAPPED_OBJECT_REST_RE = re.compile(cues.GAPPED_OBJECT_REST)
_RESCHEDULED_RE = re.compile(cues.RESCHEDULED_TO, _FLAGS)
_CONTRAST_OPENING_RE = re.compile(cues.CONTRAST_OPENING, _FLAGS)
_SUBJECT_VERB_AFTER_RE = re.compile(cues.SUBJECT_VERB_AFTER)
_CALLED_TOO_RE = re.compile(cues.CALLED_TOO)


_LIST_CUT_RE = re.compile(cues.LIST_SEPARATORS)

_OPENING_DATE_RE = re.compile(cues.OPENING_DATE)
_COORDINATED_RE = re.compile(cues.COORDINATED_BETWEEN)
_RELATIVE_SKIP_RE = re.compile(cues.RELATIVE_CLAUSE)
_PLAN_ASIDE_RE = re.compile(cues.PLAN_ASIDE, _FLAGS)
_CONTACT_RELATIVE_RE = re.compile(cues.CONTACT_RELATIVE)
_CANCEL_WISHED_RE = re.compile(cues.CANCEL_WISHED, _FLAGS)
_CANCELLED_OBJECT_RE = re.compile(cues.CANCELLED_OBJECT, _FLAGS)
_THERE_AFTER_RE = re.compile(cues.THERE_AFTER, _FLAGS)
_THAT_ON_TRIGGER_RE = re.compile(cues.THAT_ON_TRIGGER)
_PEOPLE_OF_STATE_AFTER_RE = re.compile(cues.PEOPLE_OF_STATE_AFTER, _FLAGS)
_PEOPLE_OF_STATE_BEFORE_RE = re.compile(cues.PEOPLE_OF_STATE_BEFORE, _FLAGS)
#: A relative clause right after a trigger, up to its end ("..., which kicks off Saturday.").
_RELATIVE_AFTER_RE = re.compile(cues.RELATIVE_AFTER)
_APPOSITIVE_ORDINAL_RE = re.compile(cues.APPOSITIVE_ORDINAL, _FLAGS)
_ENCOUNTER_VERB_RE = re.compile(cues.ENCOUNTER_VERBS)
_COURSE_RELATIVE_RE = re.compile(cues.COURSE_RELATIVE, _FLAGS)
_RELATIVE_PRONOUN_RE = re.compile(cues.RELATIVE_VERB)
_COUNTING_BEFORE_RE = re.compile(cues.COUNTING_BEFORE, _FLAGS)
_LIST_JOIN_RE = re.compile(cues.LIST_JOIN)
_ROSTER_GAP_RE = re.compile(cues.ROSTER_GAP)
_SPAN_END_ITEM_RE = re.compile(cues.SPAN_END_ITEM, _FLAGS)
_HEADLINE_FUTURE_RE = re.compile(cues.HEADLINE_FUTURE, _FLAGS)
_ENCOUNTER_NOUN_AFTER_RE = re.compile(cues.ENCOUNTER_NOUN_AFTER, _FLAGS)
_PREDICATE_RE = re.compile(cues.PREDICATE_BETWEEN, _FLAGS)
_SEQUENCE_RE = re.compile(cues.SEQUENCE_VERBS + r"\s+(?:[\w'’-]+\s+){0,5}$", _FLAGS)
_PREPARES_RE = re.compile(cues.PREPARES + r"\s+(?:[\w'’-]+\s+){0,5}$", _FLAGS)


_COUNT_BEFORE_RE = re.compile(r"\b(" + "|".join(cues.NUMBER_WORDS) + r")\s+(?:[\w-]+\s+)?$", _FLAGS)
#: A count of encounters after a verb ("have met three times"), before the list that tells them.
_TIMES_AFTER_RE = re.compile(r"\b(?:(" + "|".join(cues.NUMBER_WORDS) + r")\s+times|(twice))\b", _FLAGS)
