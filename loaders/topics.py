"""The topic taxonomy of diplomatic encounters, with the keyword cues that assign it.

`TOPICS` is a table of `Topic(label, meaning, cues)`. An encounter gets every label one of
whose cues occurs in its evidence (multi-label); `other` when none does.

    >>> topics_of("They discussed a ceasefire and the exchange of prisoners.")
    ['war-and-ceasefire', 'prisoners-and-humanitarian']
"""
import re
from dataclasses import dataclass

from loaders.sieve import sieved


@dataclass(frozen=True)
class Topic:
    label: str
    meaning: str
    cues: tuple   # regular expressions, matched case-insensitively on word boundaries


TOPICS = (
    Topic("war-and-ceasefire", "wars, invasions, ceasefires, peace plans and peace talks",
          (r"war", r"ceasefire", r"cease-fire", r"truce", r"invasion", r"peace", r"conflict",
           r"hostilities", r"armistice", r"aggress\w*", r"fighting")),
    Topic("embassies-and-missions", "diplomatic relations, embassies, ambassadors, consulates, staffing",
          (r"embass(?:y|ies)", r"diplomatic (?:missions?|relations|ties)", r"ambassadors?",
           r"ambassador-designate", r"consulates?", r"missions? operations", r"diplomats?")),
    Topic("sanctions-and-economy", "sanctions, banking, investment, economic ties",
          (r"sanctions?", r"banking", r"econom\w+", r"investment", r"financ\w+", r"debt")),
    Topic("energy", "oil, gas, electricity and nuclear power as energy",
          (r"energy", r"oil", r"gas", r"pipelines?", r"electricity", r"fuel")),
    Topic("security-and-arms", "military ties, weapons, alliances, defence and security",
          (r"security", r"military", r"weapons?", r"arms", r"defen[cs]e", r"alliances?",
           r"missiles?", r"troops", r"nato")),
    Topic("prisoners-and-humanitarian", "prisoners, hostages, humanitarian aid, refugees",
          (r"prisoners?", r"hostages?", r"humanitarian", r"refugees?", r"aid", r"detainees?")),
    Topic("trade", "trade, tariffs, exports, supply chains, grain and minerals deals",
          (r"trade", r"tariffs?", r"exports?", r"imports?", r"grain", r"minerals?", r"supply chains?")),
    Topic("climate", "climate change and the environment",
          (r"climate", r"emissions?", r"environment\w*", r"carbon")),
    Topic("nuclear", "nuclear weapons and programmes, nuclear safety",
          (r"nuclear", r"enrichment", r"uranium", r"denucleari[sz]ation")),
    Topic("other", "none of the above", ()),
)

LABELS = tuple(topic.label for topic in TOPICS)

# a topic's regex runs only on texts holding one of the words its cues need (loaders/sieve.py)
_COMPILED = tuple(
    (topic.label, sieved(re.compile(r"\b(?:" + "|".join(topic.cues) + r")\b", re.IGNORECASE)))
    for topic in TOPICS if topic.cues
)


def topics_of(text):
    """Return the topic labels whose cues occur in `text`, in TOPICS order; ['other'] if none.

    Takes any string (None counts as empty); never raises.
    """
    found = [label for label, pattern in _COMPILED if text and pattern.search(text)]
    return found or ["other"]
