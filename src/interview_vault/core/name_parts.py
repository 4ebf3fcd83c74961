"""What a person's name is made of: a title before it ("Dr."), the given and family names,
a suffix ("Jr.") and credentials after a comma ("Simeon Soetan, MSc"), as address books and
LinkedIn write them; and whether a text says a name. Pure.
"""

from __future__ import annotations

import re
import unicodedata

# Titles before a name ("Dr. Maya Ortiz"): not a first name, and an address book's prefix.
TITLES = (
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
    "mr",
    "mr.",
    "ms",
    "ms.",
    "mrs",
    "mrs.",
    "mx",
    "mx.",
)


# After a comma, these end a name ("Lee Chen, Jr."), as do letters in capitals ("MBA") and
# words with dots ("Ph.D."); anything else there is the given name of a name written family
# first ("Chen, Lee").
SUFFIXES = frozenset({"jr", "sr", "esq", "phd", "dphil", "mphil", "edd", "md", "jd"})  # (no dots)
_END_SUFFIXES = SUFFIXES | {"ii", "iii", "iv"}


def without_symbols(name: str) -> str:
    """A name without the pictographs people add to it on LinkedIn and in address books
    (`Olga Kordas 🇸🇪🇺🇦`, `💻 Frida McIntosh`): symbols (Unicode's So: emoji, flags'
    regional indicators, ™, ©), emoji skin tones, variation selectors, keycaps, tag
    characters (a region's flag) and the joiners between them, with the spaces they leave
    trimmed ("" when nothing else is there). Letters, marks, digits, punctuation and other
    symbols (`+`, `$`, `|`) stay; an ASCII name is returned as it is."""
    if name.isascii():
        return name
    dropped = [not char.isascii() and _pictographic(char) for char in name]
    if not any(dropped):
        return name
    for at, char in enumerate(name):  # (a joiner inside an emoji sequence, not a script's)
        if char == _JOINER and (
            (at > 0 and dropped[at - 1]) or (at + 1 < len(name) and dropped[at + 1])
        ):
            dropped[at] = True
    return " ".join("".join(c for c, out in zip(name, dropped, strict=True) if not out).split())


_JOINER = "\u200d"


def _pictographic(char: str) -> bool:
    return (
        unicodedata.category(char) == "So"
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # skin tones (Sk: `´` stays, an apostrophe)
        or "\ufe00" <= char <= "\ufe0f"  # variation selectors (emoji or text style)
        or char == "\u20e3"  # the keycap around a digit
        or "\U000e0020" <= char <= "\U000e007f"  # tags: a region's flag (🏴 of Scotland)
    )


def name_parts(name: str) -> tuple[str, str, str]:
    """(prefix, given, family) of a name as written: titles first, the last word the
    family name, or what comes before a comma ("Chen, Lee"); suffixes and credentials after
    a comma, or at the end of three words or more, are left out (an address book's best
    guess; the full name is kept whole)."""
    parts = [part.strip() for part in _commas(split_credentials(name)[0])]
    if len(parts) == 2 and parts[0] and parts[1]:
        family, given = parts[0].split(), parts[1].split()
        prefix = _titles(family) + _titles(given)
        return " ".join(prefix), " ".join(given), " ".join(family)
    words = " ".join(parts).split()
    prefix = _titles(words)
    # ("Michael Angstadt Jr.": only a known suffix, as "Ana Maria SOUZA" writes a family
    # name in capitals)
    while len(words) > 2 and words[-1].replace(".", "").casefold() in _END_SUFFIXES:
        words.pop()
    if len(words) < 2:
        return " ".join(prefix), " ".join(words), ""
    return " ".join(prefix), " ".join(words[:-1]), words[-1]


def split_honorific(name: str) -> tuple[str, str]:
    """(honorific, the name without it): "Dr. Chidi Okonkwo" is ("Dr.", "Chidi Okonkwo");
    a name of one word keeps it ("Dr. Who" is ("Dr.", "Who"), "Dr." alone is ("", "Dr."))."""
    words = name.split()
    taken = _titles(words)
    return " ".join(taken), " ".join(words)


def _titles(words: list[str]) -> list[str]:
    """The titles that start `words`, taken out of them (one word always stays)."""
    taken = []
    while len(words) > 1 and words[0].casefold() in TITLES:
        taken.append(words.pop(0))
    return taken


def given_first(name: str) -> str | None:
    """A name written family name first, with a comma, as directories and work vaults write
    it ("Barber, Matt"), in the order people say it ("Matt Barber"); None for any other
    name (a comma's credentials, "Lee Chen, PhD", are none: no given name follows)."""
    if "," not in name:
        return None
    parts = _commas(without_credentials(name if name.isascii() else without_symbols(name)))
    if len(parts) != 2:
        return None
    family, given = parts[0].split(), parts[1].split()
    # (a suffix after the given name ends the name: "Smith, John Jr." is John Smith Jr.)
    suffix = given[-1:] if len(given) > 1 and _bare(given[-1]) in _END_SUFFIXES else []
    given = given[: len(given) - len(suffix)]
    # (one family name, or one led by particles: "van der Berg"; "Jane Smith, Google" is a
    # name and a company)
    if not (family and all(word.casefold() in _PARTICLES for word in family[:-1])):
        return None
    if not 0 < len(given) <= 3:
        return None
    if not all(_NAME_WORD.fullmatch(word) for word in (*family, *given)):
        return None
    return " ".join((*given, *family, *suffix))


def _bare(word: str) -> str:
    return word.replace(".", "").casefold()


# A word of a name: letters, and the apostrophes, hyphens and dots names hold ("O'Neil",
# "Mary-Kate", "J.")
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")


def without_credentials(name: str) -> str:
    """A name without the credentials and suffixes after its commas ("Chris Oshewolo, CFA"
    is Chris Oshewolo; "Chen, Lee" stays as it is): what a person is called, and linked."""
    return split_credentials(name)[0]


def split_credentials(name: str) -> tuple[str, str]:
    """(the name, its credentials): those after its commas, and a bracket of them ending it
    ("Brisk Haji (BA, MA)" is ("Brisk Haji", "BA, MA"); "Simeon Soetan, MSc,CEH" is
    ("Simeon Soetan", "MSc, CEH")); "Chen, Lee" is ("Chen, Lee", "")."""
    text, found = _bracketed_credentials(name.strip())
    parts = _commas(text)
    taken: list[str] = []
    while len(parts) > 1 and (not parts[-1].strip() or _is_credential(parts[-1].strip())):
        if parts[-1].strip():
            taken.insert(0, parts[-1].strip())
        parts.pop()
    return ",".join(parts).strip(), ", ".join([*taken, *found])


def family_and_credentials(family: str) -> tuple[str, str]:
    """(the family name, the credentials) of a family name written alone, as LinkedIn's
    `Last Name` is: what follows a comma is no given name there, so it is credentials
    ("Saleh, Certified Executive Coach"), or the particles Dutch and others write after
    it to sort by the name ("Sliedregt, van" is "van Sliedregt")."""
    text, found = _bracketed_credentials(family.strip().strip(" ,;"))
    first, *rest = _commas(text)
    after = [part.strip() for part in rest if part.strip()]
    words = " ".join(after).split()
    if words and all(word in _PARTICLES for word in words):
        return f"{' '.join(words)} {first.strip()}".strip(), ", ".join(found)
    return first.strip(), ", ".join([*after, *found])


# Lower-case words that start a family name (van Sliedregt, de la Cruz, von Trapp)
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "del", "della", "di", "da", "das", "do", "dos", "du",
     "la", "le", "ten", "ter", "te", "zu", "zum", "zur", "vom", "'t", "y", "bin", "al"}
)  # fmt: skip


def bare_name(name: str, honorific: str = "", credentials: str = "") -> str:
    """A name without the honorific it starts with and the credentials it ends with (after
    a comma or not): "Herr Max Mustermann sen." with Herr and sen. is "Max Mustermann"."""
    words = name.split()
    title = honorific.split()
    if title and len(words) > len(title) and _same(words[: len(title)], title):
        words = words[len(title) :]
    ending = credentials.replace(",", " ").split()
    if ending and len(words) > len(ending):
        last = [word.rstrip(",") for word in words[-len(ending) :]]
        if _same(last, ending):
            words = words[: -len(ending)]
    return " ".join(words).rstrip(" ,")


def starts_with(name: str, honorific: str) -> bool:
    """Whether a name starts with the words of an honorific, in any case ("Herr Max")."""
    title = honorific.split()
    words = name.split()
    return bool(title) and len(words) > len(title) and _same(words[: len(title)], title)


def says(name: str, words: str) -> bool:
    """Whether `name` has `words` in it, whole and in order, in any case, commas aside
    ("Dr. Max Mustermann jr. Maxl" says "jr.")."""
    wanted = [word.casefold() for word in words.replace(",", " ").split()]
    found = [word.casefold() for word in name.replace(",", " ").split()]
    return bool(wanted) and any(
        found[at : at + len(wanted)] == wanted for at in range(len(found) - len(wanted) + 1)
    )


def _same(words: list[str], others: list[str]) -> bool:
    return [w.casefold() for w in words] == [w.casefold() for w in others]


def _commas(text: str) -> list[str]:
    """`text` split at its commas, but for those inside brackets."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            parts.append(text[start:at])
            start = at + 1
    return [*parts, text[start:]]


def _bracketed_credentials(text: str) -> tuple[str, list[str]]:
    """A bracket of credentials ending a name taken off it: ("Brisk Haji", ["BA", "MA"])."""
    if not text.endswith(")") or "(" not in text:
        return text, []
    cut = text.rindex("(")
    inside = [part.strip() for part in text[cut + 1 : -1].split(",")]
    before = text[:cut].rstrip(" ,")
    if before and inside and all(part and _is_credential(part) for part in inside):
        return before, inside
    return text, []


def _is_credential(text: str) -> bool:
    """Whether what follows a comma in a name is a credential or suffix ("MBA", "Ph.D.",
    "Jr.", "MSc", "cATO"), not a given name ("Lee", "LaToya")."""
    letters = text.replace(".", "").replace(" ", "")
    return bool(letters) and (
        letters.casefold() in SUFFIXES
        or (letters.isupper() and len(letters) > 1)
        or ("." in text.rstrip(".") and " " not in text)
        # (a degree in mixed case, "MSc", "BEng"; lower case first, as "cATO" and "eMBA")
        or (len(letters) <= 4 and sum(c.isupper() for c in letters) >= 2)
        or (letters[0].islower() and any(c.isupper() for c in letters))
    )


def has_name(text: str) -> bool:
    """Whether `text` can be a name at all: a letter or a digit in it ("-" and "....." are
    the placeholders exports write for none)."""
    return any(char.isalnum() for char in text)
