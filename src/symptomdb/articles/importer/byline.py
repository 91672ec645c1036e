"""Who wrote the article: name, credentials, affiliation and location from byline lines.

A byline arrives as a few short lines in any order, mixed with page furniture:

    Haroon Rashid, MD
    Rate author
    Urgent Care Center of Arlington, VA
    Add a comment

`is_byline_line` says whether a line can belong to such a block (so `structure` can find
where the article ends); `parse_byline` turns the lines into a `Byline`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Byline

US_STATES = frozenset(
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
        "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
        "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
        "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI"
    }
)  # fmt: skip
# Canadian provinces and Australian states read the same way: "Toronto, ON".
OTHER_REGIONS = frozenset(
    {
        "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT", "NSW",
        "QLD", "SA", "TAS", "VIC", "WA", "ACT"
    }
)  # fmt: skip
COUNTRIES = frozenset(
    {
        "uk", "united kingdom", "england", "scotland", "wales", "northern ireland", "ireland",
        "usa", "us", "united states", "canada", "australia", "new zealand", "india",
        "south africa", "singapore", "germany", "france", "netherlands", "spain", "italy",
        "nigeria", "kenya", "ghana", "pakistan", "philippines", "malaysia", "uae",
        "united arab emirates", "sweden", "norway", "denmark", "switzerland", "belgium",
    }
)  # fmt: skip

CREDENTIALS = frozenset(
    {
        "MD", "DO", "MBBS", "MBChB", "MBBCh", "BMBS", "MB", "BS", "BCh", "FNP", "FNP-C",
        "FNP-BC", "PA", "PA-C", "RN", "BSN", "MSN", "NP", "NP-C", "APRN", "ARNP", "CRNP",
        "CNP", "CNM", "DNP", "PhD", "PharmD", "MPH", "MPAS", "MRCGP", "MRCP", "MRCS", "FRCP",
        "FRCS", "FRCGP", "FRACGP", "FACEP", "FACP", "FACS", "FAAFP", "FAAP", "FAAEM",
        "DABFM", "DC", "DPT", "PT", "OD", "DDS", "DMD", "DPM", "LPN", "RD", "RDN", "LD",
        "ATC", "MSc", "BSc", "MA", "MS", "MBA", "CPNP", "AGNP", "PMHNP",
    }
)  # fmt: skip
# Look like credentials (short, capitals) but are not.
_NOT_CREDENTIALS = frozenset({"II", "III", "IV", "Jr", "Sr", "UK", "USA", "NHS", "ER", "ED"})

_ORGANISATION = re.compile(
    r"\b(center|centre|clinic|hospital|hospitals|university|practice|health|healthcare|"
    r"institute|surgery|associates|group|pharmacy|department|college|school|nhs|trust|"
    r"foundation|partners|urgent care|medicine|medical center|infirmary|physicians|"
    r"family|pediatrics|paediatrics|services|network|system)\b",
    re.IGNORECASE,
)

_NOISE = re.compile(
    r"(rate (this |the )?(author|article)|add a comment|leave a comment|post a comment|"
    r"write a comment|\d+ comments?|comments?( \(\d+\))?|share( this( article| page)?)?"
    r"( on \w+)?|print( this( article| page)?)?|email|tweet|like|follow|subscribe|report|"
    r"reply|was this (article |page )?helpful|(not )?helpful|yes|no|read more|back to top|"
    r"advertisement|sponsored|\d+(\.\d+)? ?(/ ?5|out of 5)( stars)?|"
    r"\(?\d+ (ratings?|reviews?|votes?)\)?|"
    r"(published|updated|last (updated|reviewed|modified)|posted|reviewed)( on)?:? .*|"
    r"(medically |clinically )?reviewed by .*|fact[- ]checked by .*)",
    re.IGNORECASE,
)
_DECORATION = " \t*_—–-•·|★☆⭐"

_LABELLED = re.compile(
    r"^(?P<label>author|name|written by|by|credentials|qualifications|affiliation|"
    r"organi[sz]ation|practice|employer|clinic|hospital|location|based in|city)\s*:\s*"
    r"(?P<value>.+)$",
    re.IGNORECASE,
)
_PREFIX = re.compile(r"^(?:(?:written |posted )?by|author:?)\s+", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:Dr\.?|Doctor|Prof\.?|Professor)\s+")
_PARTS = re.compile(r"\s+[—–|·•-]\s+")
_PARTICLES = frozenset({"de", "da", "di", "del", "der", "van", "von", "bin", "ibn", "al", "el"})
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")


def clean_line(line: str) -> str:
    """A byline line without list bullets or emphasis marks around it."""
    return line.strip().strip(_DECORATION).strip()


def is_noise(line: str) -> bool:
    """Page furniture printed around a byline: "Rate author", "Add a comment", "Share"."""
    return bool(_NOISE.fullmatch(clean_line(line).rstrip(".!?")))


def is_credential(token: str) -> bool:
    token = token.strip().rstrip(".")
    bare = (
        token.replace(".", "") if re.fullmatch(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]?", token) else token
    )
    if bare in CREDENTIALS:
        return True
    if bare in _NOT_CREDENTIALS:
        return False
    # Unlisted post-nominals: short, mostly capitals, e.g. "FRCEM", "CNS-BC".
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{1,5}(?:-[A-Z]{1,3})?", bare)) and (
        sum(c.isupper() for c in bare) >= 2
    )


def _credential_tokens(text: str) -> list[str] | None:
    tokens = [t for t in re.split(r"[,\s]+", text.strip()) if t]
    return tokens if tokens and all(is_credential(t) for t in tokens) else None


def is_person_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or _ORGANISATION.search(text):
        return False
    for word in words:
        if word.lower() in _PARTICLES and word != words[0]:
            continue
        if not (_NAME_WORD.fullmatch(word) and word[0].isupper()):
            return False
    # "MD FACEP" is credentials, not a name: a name has a lower-case letter somewhere.
    return any(c.islower() for c in text)


def parse_name(text: str, *, bare_ok: bool) -> tuple[str, str, str] | None:
    """(name, credentials, rest) from "By Dr. Jane Doe, DO, Riverside Clinic", or None.

    Without a "By"/"Dr." prefix or credentials a line is only taken as a name when
    `bare_ok` (inside a block already known to be the byline): "Stress Management"
    looks like a name too.
    """
    text = clean_line(text)
    prefixed = False
    if match := _PREFIX.match(text):
        text, prefixed = text[match.end() :], True
    if match := _HONORIFIC.match(text):
        text, prefixed = text[match.end() :], True
    tokens = [t.strip() for t in text.split(",")]
    words = tokens[0].split()
    credentials: list[str] = []
    # "Jane Doe MD" without a comma: peel credentials off the end of the name.
    while len(words) > 1 and is_credential(words[-1]):
        credentials.insert(0, words.pop())
    name = " ".join(words)
    if not is_person_name(name) or (len(words) < 2 and not prefixed):
        return None
    index = 1
    while index < len(tokens) and (found := _credential_tokens(tokens[index])):
        credentials.extend(found)
        index += 1
    if not (credentials or prefixed or bare_ok):
        return None
    rest = ", ".join(t for t in tokens[index:] if t)
    return name, ", ".join(credentials), rest


def _is_region(token: str) -> bool:
    token = token.strip().rstrip(".")
    return token in US_STATES or token in OTHER_REGIONS or token.lower() in COUNTRIES


def split_place(text: str) -> tuple[str, str]:
    """(affiliation, location) from a line such as "Urgent Care Center of Arlington, VA".

    The location is the "City, ST" or "City, Country" tail. When the affiliation itself
    ends "of City" (or "in"/"at"), that city is the location's city and stays in the
    affiliation's name as written.
    """
    tokens = [t.strip() for t in clean_line(text).rstrip(".").split(",") if t.strip()]
    if len(tokens) < 2 or not _is_region(tokens[-1]):
        return ", ".join(tokens), ""
    region = tokens[-1]
    if len(tokens) >= 3 and len(tokens[-2].split()) <= 4 and not _ORGANISATION.search(tokens[-2]):
        return ", ".join(tokens[:-2]), f"{tokens[-2]}, {region}"
    head = ", ".join(tokens[:-1])
    if match := re.search(
        r"\b(?:of|in|at)\s+((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,2})$", head
    ):
        return head, f"{match.group(1)}, {region}"
    if not _ORGANISATION.search(head) and len(head.split()) <= 3:
        return "", f"{head}, {region}"  # "Arlington, VA" on its own
    return head, region


def _is_place(text: str) -> bool:
    text = clean_line(text)
    if not text or text.endswith(".") or len(text) > 120 or len(text.split()) > 16:
        return False
    affiliation, location = split_place(text)
    return bool(location) or bool(_ORGANISATION.search(affiliation))


def _parts(line: str) -> list[str]:
    return [p for p in (clean_line(x) for x in _PARTS.split(clean_line(line))) if p]


def is_byline_line(line: str) -> bool:
    """Whether a line can be part of a byline block (a name with credentials, an
    affiliation, a location, a labelled field, or page furniture next to them)."""
    text = clean_line(line)
    if not text or is_noise(text) or _LABELLED.match(text):
        return bool(text)
    return all(
        is_noise(p) or parse_name(p, bare_ok=False) or _credential_tokens(p) or _is_place(p)
        for p in _parts(text)
    )


def has_name(line: str) -> bool:
    """Whether a line names the author ("Haroon Rashid, MD", "By Dr. Jane Doe")."""
    text = clean_line(line)
    if label := _LABELLED.match(text):
        return label["label"].lower() in {"author", "name", "written by", "by"}
    return any(parse_name(p, bare_ok=False) for p in _parts(text))


def parse_byline(lines: Iterable[str], *, explicit: bool = False) -> Byline:
    """The author from byline lines; fields not found are "".

    `explicit` says the lines are known to be the byline (an "About the author" section,
    an HTML element marked as the author), so a bare name without credentials counts.
    Labelled lines ("Affiliation: …") are taken as written.
    """
    fields = {"name": "", "credentials": "", "affiliation": "", "location": ""}

    def offer(key: str, value: str) -> None:
        if value and not fields[key]:
            fields[key] = value

    def offer_place(text: str) -> None:
        affiliation, location = split_place(text)
        offer("affiliation", affiliation)
        offer("location", location)

    for raw in lines:
        text = clean_line(raw)
        if not text or is_noise(text):
            continue
        if label := _LABELLED.match(text):
            kind, value = label["label"].lower(), clean_line(label["value"])
            if kind == "name":
                offer("name", value)
            elif kind in {"author", "written by", "by"}:
                person = parse_name(value, bare_ok=True)
                offer("name", person[0] if person else value)
                if person:
                    offer("credentials", person[1])
                    offer_place(person[2])
            elif kind in {"credentials", "qualifications"}:
                offer("credentials", value)
            elif kind in {"location", "based in", "city"}:
                offer("location", value)
            else:
                offer("affiliation", value)
            continue
        for part in _parts(text):
            if is_noise(part):
                continue
            person = None if fields["name"] else parse_name(part, bare_ok=explicit)
            if person:
                offer("name", person[0])
                offer("credentials", person[1])
                if person[2]:
                    offer_place(person[2])
            elif found := _credential_tokens(part):
                offer("credentials", ", ".join(found))
            elif _is_place(part):
                offer_place(part)
    return Byline(**fields)


def byline_lines(author: Byline) -> list[str]:
    """Lines that `parse_byline(..., explicit=True)` reads back as exactly `author`:
    the natural "Jane Doe, DO" / "Riverside Clinic, Springfield, IL" form when it
    survives the trip, labelled fields otherwise."""
    natural: list[str] = []
    if author.name:
        natural.append(
            f"{author.name}, {author.credentials}" if author.credentials else author.name
        )
    place = author.affiliation
    if author.location:
        city, _, region = author.location.rpartition(", ")
        if city and author.affiliation.endswith(city):
            place = f"{author.affiliation}, {region}"
        else:
            place = ", ".join(p for p in (author.affiliation, author.location) if p)
    if place:
        natural.append(place)
    if parse_byline(natural, explicit=True) == author:
        return natural
    labelled = [
        f"{label}: {value}"
        for label, value in (
            ("Name", author.name),
            ("Credentials", author.credentials),
            ("Affiliation", author.affiliation),
            ("Location", author.location),
        )
        if value
    ]
    return labelled
