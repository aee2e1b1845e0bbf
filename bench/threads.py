"""The shape of the seed as plain arrays: who comments where, in which thread, who votes.

Comment i (0-based) gets id i + 1; a place is 0 for the consultation as a whole, else the
1-based index of an article. Everything is drawn from the Random passed in.
"""

from array import array
from collections import deque
from datetime import datetime

from .corpus import LANGUAGES

ROOT_SHARE = 0.6  # the other comments are replies
MAX_SEED_DEPTH = 3
GENERAL_SHARE = 0.04  # comments on the consultation as a whole
WITHDRAWN_SHARE = 0.004
STANCES = (None, "for", "against", "neutral")
VOTE_VALUES = ("agree", "disagree", "pass")


def threads(rng, count: int, articles, citizens, opens: datetime, end: datetime) -> dict:
    """Who wrote what where, in time order: comment i has id i + 1."""
    # A few articles draw most comments (the busiest about half), in a shuffled order.
    ranks = list(range(1, len(articles) + 1))
    rng.shuffle(ranks)
    weights = [GENERAL_SHARE] + [(1 - GENERAL_SHARE) * r**-1.7 for r in ranks]
    places = rng.choices(range(len(articles) + 1), weights=weights, k=count)
    activity = [rng.paretovariate(1.5) for _ in citizens]
    authors = rng.choices(range(len(citizens)), weights=activity, k=count)
    span = (end - opens).total_seconds()

    t = {key: array("i", bytes(4 * count)) for key in ("place", "parent", "root", "depth")}
    t["author"], t["lang"], t["stance"], t["withdrawn"] = array("i"), [], [], bytearray(count)
    t["at"] = array("d", bytes(8 * count))
    recent = [deque(maxlen=200) for _ in range(len(articles) + 1)]
    for i in range(count):
        place = places[i]
        pool = recent[place]
        t["place"][i] = place
        if pool and rng.random() >= ROOT_SHARE:
            parent = rng.choice(pool)
            t["parent"][i], t["depth"][i] = parent + 1, t["depth"][parent] + 1
            t["root"][i] = t["root"][parent] or parent + 1
        if t["depth"][i] < MAX_SEED_DEPTH:
            pool.append(i)
        user_id, locale = citizens[authors[i]]
        t["author"].append(user_id)
        t["lang"].append(locale if rng.random() < 0.85 else rng.choice(LANGUAGES))
        t["stance"].append(rng.choices(STANCES, weights=(5, 2, 2, 1))[0])
        t["withdrawn"][i] = rng.random() < WITHDRAWN_SHARE
        t["at"][i] = span * (i + rng.random()) / count
    t["opens"], t["end"], t["count"], t["places"] = opens, end, count, len(articles) + 1
    return t


def votes(rng, t: dict, total: int, citizens: int, end: datetime) -> dict:
    """`total` votes, at most one per person and comment, none on one's own comment."""
    count = t["count"]
    weights = [rng.paretovariate(1.2) for _ in range(count)]
    cap = min(citizens - 1, 5000)
    scale = total / sum(weights)
    wanted = [min(cap, int(w * scale)) for w in weights]
    missing = total - sum(wanted)
    order = list(range(count))
    while missing > 0:
        rng.shuffle(order)
        for i in order:
            if missing and wanted[i] < cap:
                wanted[i] += 1
                missing -= 1
    v = {"comment": array("i"), "user": array("i"), "value": bytearray(), "at": array("d")}
    span = (end - t["opens"]).total_seconds()
    for i in range(count):
        if not wanted[i]:
            continue
        voters = rng.sample(range(2, citizens + 2), wanted[i] + 1)
        voters = [u for u in voters if u != t["author"][i]][: wanted[i]]
        agree = rng.uniform(0.1, 0.85)
        for user in voters:
            roll = rng.random()
            v["comment"].append(i + 1)
            v["user"].append(user)
            v["value"].append(0 if roll < agree else 2 if roll > 0.92 else 1)
            v["at"].append(t["at"][i] + (span - t["at"][i]) * rng.random())
    return v


def counters(t: dict, v: dict) -> dict:
    """Every stored counter, computed here as the services would have maintained it."""
    count = t["count"]
    per_comment = {k: array("i", bytes(4 * count)) for k in ("reply", "discussion", *VOTE_VALUES)}
    places = t["places"]
    place = {k: [0] * places for k in ("comments", "threads", "votes")}
    people, section_people = set(t["author"]), set()
    for i in range(count):
        p = t["place"][i]
        place["comments"][p] += not t["withdrawn"][i]
        place["threads"][p] += t["depth"][i] == 0
        if t["parent"][i]:
            per_comment["reply"][t["parent"][i] - 1] += 1
            per_comment["discussion"][t["root"][i] - 1] += 1
        if p:
            section_people.add((p, t["author"][i]))
    for comment_id, user, value in zip(v["comment"], v["user"], v["value"], strict=True):
        per_comment[VOTE_VALUES[value]][comment_id - 1] += 1
        p = t["place"][comment_id - 1]
        place["votes"][p] += 1
        people.add(user)
        if p:
            section_people.add((p, user))
    return {
        "comment": per_comment,
        "place": place,
        "people": people,
        "section_people": section_people,
    }
