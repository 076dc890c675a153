"""Stage 2, the article: fold the triggers of one article into encounters (a definite reference
joins what it refers to; mentions agreeing in kind, status, parties, date and venue become one),
then settle each encounter's parties.
"""

import re

from loaders.dates import DateMention, dates_agree
from loaders.extraction.model import _because, _Candidate, _Group, _unique
from loaders.extraction.patterns import (
    _ANY_ABSENCE_RE,
    _CANCEL_RE,
    _KIND_RANK,
    _PRECISION_RANK,
    _REPORTER_AFTER_RE,
    _REPRESENTED_RE,
    KIND_CLASS,
    NO_CUE_HELD,
    OPENED_BEFORE_DAYS,
)
from loaders.gazetteer import seated_members


def _opened_before(group, candidate):
    """Whether the candidate tells the first day of the group's encounter, told as ending later
    ("The talks began on June 28" ... "signed the agreement this morning", 3 July): at most
    OPENED_BEFORE_DAYS before the group's day."""
    a, b = candidate.date, group.date
    return candidate.opens and a is not None and b is not None and a.precision == b.precision == "day" and \
        0 < (b.date - a.date).days <= OPENED_BEFORE_DAYS


def _resumed_after(group, candidate):
    """Whether the candidate tells a later day of the group's encounter, taken up again ("Clinton
    came back on Sunday and resumed the talks"): at most OPENED_BEFORE_DAYS after the group's day."""
    a, b = candidate.date, group.date
    return candidate.resumes and a is not None and b is not None and \
        0 < (a.date - b.date).days <= OPENED_BEFORE_DAYS


def _heads_agree(a, b):
    """Two encounters with two or more named principals each, each naming one the other does
    not, are two encounters (Blinken–Xi and Blinken–Wang on one day)."""
    if len(a) < 2 or len(b) < 2:
        return True

    def tokens(head):
        return {t.lower() for t in re.findall(r"[\w'-]+", head) if len(t) > 1}

    def unmatched(these, those):
        return [h for h in these if not any(tokens(h) & tokens(o) for o in those)]
    return not (unmatched(a, b) and unmatched(b, a))


def _compatible(group, candidate, strict_status=True, anaphor=False):
    # "held talks ..., their first meeting since 2019": the earlier encounter stands alone
    # (nothing joins an earlier encounter, so a group holds one only as its first member), but
    # for the same earlier one told again ("... had not met since the G20 summit in June 2019")
    if candidate.earlier != group.members[0].earlier:
        return False
    if _told_apart(group, [candidate]):
        return False
    if candidate.preparatory != group.members[0].preparatory:
        return False
    # "his previous visit, in 2017" is not the undated visit in play
    if candidate.prior and group.date is None or candidate.date is None and all(m.prior for m in group.members):
        return False
    # "The visit was agreed when the two men met in New York. Their earlier meeting, ...": an
    # earlier one, undated, is not the one told before it
    if candidate.prior and candidate.date is None and candidate.sentence not in group.sentences:
        return False
    if KIND_CLASS[group.kind] != KIND_CLASS[candidate.kind] and not _signed_there(group, candidate) and \
            not (anaphor and any(m.kind == candidate.kind for m in group.members)):
        # ("the signing" refers back to the signing that closed a summit)
        return False
    if strict_status and candidate.status != "past-plan" and group.status != "past-plan" and group.status != candidate.status:
        return False
    # (what is held is not "the next summit", still to come)
    if candidate.status == "held" and group.members[0].upcoming:
        return False
    # (a plan told in the past may have moved: "had planned to travel in February; the visit
    # finally took place on Monday"; an earlier encounter is one in its year: "since 2019")
    if candidate.status != "past-plan" and group.status != "past-plan" and group.date is not None and candidate.date is not None and \
            not dates_agree(group.date, candidate.date, by_year=candidate.earlier) and not _opened_before(group, candidate) and \
            not _resumed_after(group, candidate):
        return False
    if _held_before_plan(group, candidate):
        return False
    # an encounter told as ending on a day ("his summit with Putin ended on Friday") is not one
    # dated weeks before or after it
    if not _ends_agree(group.date, candidate.ends) or not _ends_agree(candidate.date, group.ends):
        return False
    if group.country and candidate.country and group.country != candidate.country:
        return False
    # an entry of a timeline tells an encounter of its own ("July 10, 2015: the two meet in Ufa")
    if not anaphor and (candidate.entry or group.members[0].entry) and candidate.sentence not in group.sentences:
        return False
    # (but "the summit ended ... after 15 days of talks": the sentence tells the summit's own days)
    course = candidate.days and candidate.sentence in group.sentences
    if not course and (_bilateral_within_multilateral(group, candidate) or _bilateral_within_multilateral(candidate, group)):
        return False
    if anaphor:
        return not _tenses_apart(group, candidate)
    if group.city and candidate.city and group.city != candidate.city:
        return False
    if not _heads_agree(group.heads, candidate.heads):
        return False
    # two encounters of one sentence led by other people ("Doval and Wang held talks on Tuesday,
    # and Modi received the visiting minister in the evening") are two
    if candidate.sentence in group.sentences and group.heads and candidate.heads and candidate.date is not None and \
            not set(group.heads) & set(candidate.heads) and not candidate.anaphoric:
        return False
    a, b = set(group.countries), set(candidate.countries)
    if a and b and not (a & b):
        return False
    # the go-betweens of mediated talks meeting each other hold an encounter of their own
    if len(b) >= 2 and b <= set(group.mediators) or len(a) >= 2 and a <= set(candidate.mediators):
        return False
    # a call is between two sides: two calls of different pairs are two calls
    if group.kind == candidate.kind == "call" and len(a) == len(b) == 2 and a != b:
        return False
    return True


def _tenses_apart(group, anaphor):
    """Whether an anaphor's own tense keeps it from the group: what is told as over is not the
    encounter still planned ("will meet Trump on Monday" ... "The meeting has ended"), nor is one
    to resume the one held ("held talks on Saturday ... agreed to resume the talks next Saturday")."""
    told_over = anaphor.status == "held" and anaphor.why.get("status") != NO_CUE_HELD
    return group.status == "planned" and told_over or group.status == "held" and anaphor.status == "planned" and anaphor.resumes


def _ends_agree(date, ends):
    """Whether an encounter dated `date` may be one told as ending on `ends` (DateMentions or
    None): ending on or after its day, within OPENED_BEFORE_DAYS."""
    if date is None or ends is None or date.precision != "day" or ends.precision != "day":
        return True
    return 0 <= ((ends.end_date or ends.date) - date.date).days <= OPENED_BEFORE_DAYS


def _held_before_plan(group, candidate):
    """A plan told in the past may have moved, but later, not back: an encounter held before the
    day the plan was for is another one ("had been expected to meet Cho on Sept. 4 ... The two
    ministers last met in Vientiane in July")."""
    statuses = {group.status, candidate.status}
    if "past-plan" not in statuses or statuses == {"past-plan"} or group.date is None or candidate.date is None:
        return False
    plan, other = (group.date, candidate.date) if group.status == "past-plan" else (candidate.date, group.date)
    return (other.end_date or other.date) < plan.date and not dates_agree(plan, other, by_year=False)


def _told_apart(group, others):
    """Whether one of `others` is told as coming after or before a member of `group`, or the
    other way round ("the talks followed negotiations in Quito", "it came after a meeting")."""
    return any(a is o for a in group.apart for o in others) or \
        any(o.apart is not None and any(m is o.apart for m in group.members) for o in others)


def _signed_there(group, candidate):
    """A signing told in the sentence of a meeting, talks or summit ("met on Monday and signed a
    treaty") is an act of that encounter, not an encounter of its own."""
    families = {KIND_CLASS[group.kind], KIND_CLASS[candidate.kind]}
    return families == {"agree", "consult"} and candidate.sentence in group.sentences


def _bilateral_within_multilateral(one, other):
    """Two leaders' talks on the sidelines of a summit are an encounter of their own."""
    return one.kind == "summit" and other.kind != "summit" and len(one.countries) > 2 and len(other.countries) == 2


def _new_group(candidate):
    return _Group(
        members=[candidate], kind=candidate.kind, cameo=candidate.cameo, plover=candidate.plover,
        status=candidate.status, date=candidate.date, city=candidate.city, country=candidate.country,
        countries=list(candidate.countries), absent=dict(candidate.absent), mediators=list(candidate.mediators),
        organizations=list(candidate.organizations), heads=list(candidate.heads), sentences=[candidate.sentence],
        ends=candidate.ends, days=candidate.days, why=dict(candidate.why),
        apart=[candidate.apart] if candidate.apart is not None else [])


def _absorb(group, candidate, anaphor=False):
    group.members.append(candidate)
    if candidate.apart is not None:
        group.apart.append(candidate.apart)
    if candidate.sentence not in group.sentences:
        group.sentences.append(candidate.sentence)
    if group.status == "past-plan" and candidate.status != "past-plan" or \
            anaphor and candidate.status == "cancelled" and group.status != "cancelled":
        group.status = candidate.status
        _because(group, "status", candidate.why.get("status"), candidate)
    if _opened_before(group, candidate):
        # the encounter ran from the candidate's day to the group's
        first, last = candidate.date, group.date
        group.date = DateMention(first.start, first.end, first.text, first.date, last.end_date or last.date, "day", first.rule)
        _because(group, "date", f"began {first.text!r}, ended {last.text!r}", candidate)
    elif group.date is None and candidate.date is not None or candidate.date is not None and group.date is not None \
            and candidate.status != "past-plan" and _more_precise(candidate.date, group.date) and \
            (not anaphor or group.date.precision != "day"):
        group.date = candidate.date
        _because(group, "date", candidate.why.get("date"), candidate)
    if group.city is None and candidate.city is not None:
        _because(group, "venue", candidate.why.get("venue"), candidate)
    group.ends = group.ends or candidate.ends
    group.days = group.days or candidate.days
    group.city = group.city or candidate.city
    group.country = group.country or candidate.country
    # the kind is named where the encounter is first told; a later sentence's word ("continue
    # preparing talks") does not rename it; a signing told first ("signed a declaration at the
    # conference") is the encounter's act; "the summit ... ended after 15 days of talks" names
    # the summit its talks were
    renames = _KIND_RANK[candidate.kind] > _KIND_RANK[group.kind] and candidate.sentence == group.sentences[0] and \
        not candidate.backdrop and \
        (not anaphor or group.kind == "signing" or bool(candidate.days))
    if not anaphor or group.kind == "summit" or len(group.countries) < 2 or candidate.roster or renames:
        group.countries = _unique(group.countries + candidate.countries)
    group.absent.update(candidate.absent)
    if not candidate.backdrop:
        # (the hosts of a summit are not those of the talks held on its sidelines; nor is a party
        # the encounter was first told as held with, hosting a dinner during it in a later sentence)
        group.mediators = _unique(group.mediators + [m for m in candidate.mediators if not (
            anaphor and m in group.members[0].countries and candidate.sentence != group.members[0].sentence)])
    group.organizations = _unique(group.organizations + candidate.organizations)
    group.heads = _unique(group.heads + candidate.heads)
    if renames:
        group.kind, group.cameo, group.plover = candidate.kind, candidate.cameo, candidate.plover


def _more_precise(a, b):
    return _PRECISION_RANK.get(a.precision, 0) > _PRECISION_RANK.get(b.precision, 0)


def _fold(article, candidates):
    groups = []
    pending = []
    attendance = [c for c in candidates if c.attendance]
    told = [c for c in candidates if not c.attendance]
    for before, candidate in zip(told, told[1:]):
        if candidate.sequel:
            candidate.apart = before
    for candidate in candidates:
        if candidate.attendance:
            continue
        if candidate.anaphoric:
            antecedent = _antecedent([g for g in reversed(groups) if _compatible(g, candidate, False, True)], candidate)
            if antecedent:
                _absorb(antecedent, candidate, anaphor=True)
            else:
                pending.append(candidate)
            continue
        target = next((g for g in reversed(groups) if _compatible(g, candidate)), None)
        if target:
            _absorb(target, candidate)
        else:
            groups.append(_new_group(candidate))
    for candidate in pending:
        # an anaphor refers back; one told before anything it could refer to joins a later
        # encounter only when it agrees with it in status ("the talks held in Beijing" is not
        # the talks the ministers "would hold")
        fits = [g for g in groups if _compatible(g, candidate, False, True) and
                (min(g.sentences) <= candidate.sentence or g.status == candidate.status and
                 _mostly_shared(g.countries, candidate.countries))]
        # the nearest, of its own kind first ("the conference" is the conference told before)
        target = min(fits, key=lambda g: (g.kind != candidate.kind, min(
            abs(s - candidate.sentence) + (0.5 if s > candidate.sentence else 0) for s in g.sentences))) if fits else None
        if target:
            _absorb(target, candidate, anaphor=True)
        else:
            groups.append(_new_group(candidate))
    for candidate in attendance:
        if candidate.countries:
            # (or any gathering or signing whose parties its own sentences leave unnamed: "Five
            # Andean states signed a charter. The signatories were ...")
            _join_nearest(groups, candidate, lambda g: g.kind == "summit" or
                          (g.kind in ("meeting", "talks") and bool(g.organizations)) or
                          (KIND_CLASS[g.kind] in ("consult", "agree") and g.status == "held" and len(g.countries) < 2),
                          add_countries=True)
        elif candidate.absent or candidate.mediators:
            # who stays away, or who brokers ("Norway and Cuba are guarantors of the process")
            _join_nearest(groups, candidate, lambda g: KIND_CLASS[g.kind] == "consult", add_countries=False)
    cancelled = any(_CANCEL_RE.search(s.text) for s in article.sentences)
    out = []
    for group in groups:
        if group.status == "past-plan":
            if not cancelled:
                continue
            group.status = "cancelled"
        out.append(group)
    # a plan told twice ("will meet" ... "the meeting") is one plan: fold groups again
    return _fold_signings(_fold_groups(out))


def _fold_signings(groups):
    """A signing by the parties of a held meeting, talks or summit, at its place or at none
    named, on one of its days, closes that encounter: it is the encounter's act ("opened the
    talks on Oct. 15" ... "signed the accord here today", a week later), not an encounter of its
    own. Talks, or an encounter told as opening, may run up to OPENED_BEFORE_DAYS; they then end
    on the signing's day."""
    out = []
    for group in groups:
        closed = None
        if group.kind == "signing" and group.status == "held":
            closed = next((other for other in groups if _signing_closes(other, group)), None)
        if closed is None:
            out.append(group)
            continue
        _absorb_group(closed, group)
        first, signed = closed.date, group.date
        if signed.date > (first.end_date or first.date):
            closed.date = DateMention(first.start, first.end, first.text, first.date, signed.date, "day", first.rule)
            _because(closed, "date", f"opened {first.text!r}, closed by the signing {signed.text!r}", group.members[0])
    return out


def _signing_closes(encounter, signing):
    if encounter is signing or KIND_CLASS[encounter.kind] != "consult" or encounter.status != "held":
        return False
    a, b = encounter.date, signing.date
    if a is None or b is None or a.precision != "day" or b.precision != "day":
        return False
    # (a meeting or a summit is closed only by a signing on its days; talks, which run on, or
    # an encounter told as opening, later too)
    last = a.end_date or a.date
    opened = encounter.kind == "talks" or any(member.opens for member in encounter.members)
    if not (a.date <= b.date <= last or opened and 0 < (b.date - a.date).days <= OPENED_BEFORE_DAYS):
        return False
    if encounter.country and signing.country and encounter.country != signing.country or \
            encounter.city and signing.city and encounter.city != signing.city:
        return False
    # (talks whose parties their own sentences leave unnamed are the signatories' talks: "the
    # declaration was the fruit of a week of talks that opened last Tuesday")
    ours, theirs = set(encounter.countries), set(signing.countries)
    return bool(theirs) and (theirs <= ours or len(ours) < 2 and ours <= theirs)


def _mostly_shared(ours, theirs):
    """Whether two lists of parties share at least half of all they name, or one holds the
    other ("the annual summit" of five Gulf states is not the envoy's meeting with two of them)."""
    a, b = set(ours), set(theirs)
    return a <= b or b <= a or len(a & b) * 2 >= len(a | b)


def _antecedent(groups, anaphor):
    """The encounter an anaphor ("the talks in Istanbul") refers to, among compatible `groups`
    (most recent first): the one at the place it names, else the one of its status, else the
    most recent."""
    at_place = [g for g in groups if anaphor.city and g.city == anaphor.city]
    same_status = [g for g in groups if g.status == anaphor.status]
    return next(iter(at_place or same_status or groups), None)


def _join_nearest(groups, candidate, accept, add_countries):
    """Give a sentence without a trigger (who attends, who stays away) to the nearest accepted
    encounter before it, else after it."""
    accepted = [g for g in groups if accept(g)]
    if not accepted:
        return
    before = [g for g in accepted if min(g.sentences) <= candidate.sentence]
    group = max(before, key=lambda g: max(s for s in g.sentences if s <= candidate.sentence)) if before \
        else min(accepted, key=lambda g: min(g.sentences))
    group.members.append(candidate)
    if candidate.sentence not in group.sentences:
        group.sentences.append(candidate.sentence)
    if add_countries:
        # (a mediator of the encounter present at it stays its mediator)
        group.countries = _unique(group.countries + [c for c in candidate.countries if c not in group.mediators])
        group.heads = _unique(group.heads + candidate.heads)
    group.absent.update(candidate.absent)
    group.mediators = _unique(group.mediators + candidate.mediators)


def _fold_groups(groups):
    out = []
    for group in groups:
        target = next((g for g in out if _groups_agree(g, group)), None)
        if target is None:
            out.append(group)
            continue
        _absorb_group(target, group)
    return out


def _absorb_group(target, group):
    """Fold every mention of `group` into `target`."""
    for member in group.members:
        _absorb(target, member)


def _groups_agree(a, b):
    probe = _Candidate(sentence=b.sentences[0], start=0, end=0, kind=b.kind, cameo=b.cameo, plover=b.plover,
                       status=b.status, anaphoric=False, date=b.date, city=b.city, country=b.country,
                       countries=b.countries, heads=b.heads, earlier=b.members[0].earlier, entry=b.members[0].entry,
                       prior=all(m.prior for m in b.members), upcoming=b.members[0].upcoming,
                       preparatory=b.members[0].preparatory, ends=b.ends)
    return _compatible(a, probe) and set(a.countries) & set(b.countries) != set() and \
        _mostly_shared(a.countries, b.countries) and not _told_apart(a, b.members)


def _finish(article, group):
    """Settle the parties of a group: group references, absences, mediators, venue."""
    countries = list(group.countries)
    play = article.in_play()
    group_reference = any(m.group_reference for m in group.members)
    hosted = len(countries) == 1 and not group_reference and group.country is not None and \
        group.country not in countries and group.country not in group.mediators and (
            group.kind in ("meeting", "talks") and (article.actor_counts.get(group.country, 0) > 0 or group.city is None)
            or group.kind == "visit")
    if hosted:
        # "Wang Yi held talks in the Solomon Islands": a visitor's talks abroad, with no other
        # party named, are with the host, where the article names the host a party somewhere
        # (not a neutral city: "talks in Geneva"; a country is: "held talks in the Solomon
        # Islands"); a visit is to its host
        countries.append(group.country)
    elif len(countries) < 2 and (group_reference or (not group.organizations and group.kind != "summit")) and \
            not _among_compatriots(article, group, countries):
        countries = _unique(countries + play) if (group_reference or countries or group.kind == "talks") else countries
    represented = _represented(article, group)
    present = _leaders_present(article, group)
    absent = [code for code, leader in group.absent.items() if not (leader and code in represented) and code not in present]
    mediators = [m for m in group.mediators if m not in absent]
    # a host or mediator counts as a party only when the text gives it no other role
    countries = [c for c in countries if c not in absent and c not in mediators]
    seated = {code for name in group.organizations for code in seated_members(name)}
    # an item of a chronology ("Istanbul, Jan. 8, 2020") keeps the parties of the list's noun
    listed = all(member.item is not None for member in group.members)
    if group.kind != "visit" and group.country and group.country in countries and not listed and not group_reference and \
            not hosted and \
            group.country not in seated and not _actor_outside_venue(article, group, group.country):
        countries.remove(group.country)
    return countries, absent, mediators


def _among_compatriots(article, group, countries):
    """Whether the people the encounter names are two or more officials of its one state ("Merkel
    would meet President Steinmeier"): a meeting at home, which the article's pair does not join."""
    if len(countries) != 1:
        return False
    people = {p.name: p.iso3 for index in group.sentences
              for p in article.in_sentence(article.places, article.sentences[index]) if p.kind == "official"}
    return len(people) >= 2 and set(people.values()) == set(countries)


def _leaders_present(article, group):
    """The countries whose officials the encounter's own sentences name taking part (sentences
    with no word of absence): "was received by Nawaz Sharif ... The chiefs of Pakistan's armed
    services were absent" leaves Pakistan a party."""
    found = set()
    for index in {m.sentence for m in group.members if not m.attendance}:
        sentence = article.sentences[index]
        if not _ANY_ABSENCE_RE.search(sentence.text):
            found |= {p.iso3 for p in article.in_sentence(article.places, sentence) if p.kind == "official" and p.iso3}
    return found


def _represented(article, group):
    found = set()
    for index in group.sentences:
        sentence = article.sentences[index]
        if _REPRESENTED_RE.search(sentence.text):
            found |= {p.iso3 for p in article.in_sentence(article.places, sentence) if p.iso3}
    return found


def _actor_outside_venue(article, group, code):
    """Whether `code` is named as a party in the group's sentences, or, for a group told by a
    group reference ("the two delegations"), in the sentences that reference reaches back to."""
    indexes = set(group.sentences)
    if any(member.group_reference for member in group.members):
        first = min(group.sentences)
        indexes |= set(range(max(0, first - 3), first))
    for index in sorted(indexes):
        sentence = article.sentences[index]
        for place in article.in_sentence(article.places, sentence):
            # (who reports the encounter is not thereby in it: "Oman said today that the talks ...")
            if place.iso3 == code and article.is_actor(place) and not _REPORTER_AFTER_RE.match(article.text, place.end):
                return True
    return False
