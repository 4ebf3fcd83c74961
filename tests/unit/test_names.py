"""The one name resolver, for links and for names typed in commands."""

from __future__ import annotations

import random

import pytest

from interview_vault.core.errors import NameLookupError
from interview_vault.core.model import Contact, Interview, Note, Problem
from interview_vault.core.name_parts import (
    bare_name,
    family_and_credentials,
    given_first,
    name_parts,
    says,
    split_credentials,
)
from interview_vault.core.names import (
    LOOSE,
    NameResolver,
    identity,
    last_part,
    link_key,
    loose_key,
    name_key,
)
from interview_vault.core.slips import close_names, one_slip, slips_around


def note(path: str, *, title: str | None = None, aliases: tuple[str, ...] = (), record=None):
    name = path.rsplit("/", 1)[-1][:-3]
    return Note(path, name, title or name, aliases, record)


CONTACT, INTERVIEW = Contact(), Interview()
NOTES = [
    note("Ama.md", record=CONTACT),
    note("Contacts/Ama.md", record=CONTACT),
    note("Contacts/Lee Chen.md", title="Dr. Lee Chen", aliases=("Lee",), record=CONTACT),
    note("Archive/Contacts/Sam.md", record=CONTACT),
    note("People/Sam.md", record=CONTACT),
    note("Interviews/2026-11-20 Lee Chen.md", record=INTERVIEW),
    note("Daily/2026-11-20.md"),
]
RESOLVER = NameResolver(NOTES)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ama", ["Ama.md"]),  # a path first: the root note, not the one in Contacts
        ("contacts/ama", ["Contacts/Ama.md"]),
        ("Contacts/Ama.md", ["Contacts/Ama.md"]),
        ("Contacts/Sam", ["Archive/Contacts/Sam.md"]),  # a path ending so
        ("Elsewhere/Lee Chen", ["Contacts/Lee Chen.md"]),  # no such path: the file name
        ("LEE CHEN", ["Contacts/Lee Chen.md"]),
        ("dr. lee chen", ["Contacts/Lee Chen.md"]),  # then `name` and aliases
        ("Sam", ["People/Sam.md", "Archive/Contacts/Sam.md"]),  # shortest path first
        ("Nobody", []),
    ],
)
def test_candidates_come_from_the_first_tier_that_matches(name, expected):
    assert [n.path for n in RESOLVER.candidates(name)] == expected


def test_a_link_takes_the_shortest_path_and_names_the_others():
    found, candidates = RESOLVER.resolve("Sam")
    assert found is not None and found.path == "People/Sam.md"
    assert [n.path for n in candidates] == ["People/Sam.md", "Archive/Contacts/Sam.md"]
    assert RESOLVER.resolve("Lee") == (NOTES[2], [])


def test_kinds_are_matched_before_tiers_are_decided():
    assert RESOLVER.candidates("2026-11-20", ("contact",)) == []
    found = RESOLVER.find("2026-11-20 lee chen", ("interview",))
    assert found.path == "Interviews/2026-11-20 Lee Chen.md"


def test_a_command_refuses_several_matches_listing_them():
    with pytest.raises(
        NameLookupError,
        match=r'"Sam" matches 2 notes: Archive/Contacts/Sam.md, People/Sam.md; give the path',
    ):
        RESOLVER.find("Sam", ("contact",))


def test_no_match_suggests_names_starting_so_or_spelled_alike():
    with pytest.raises(NameLookupError) as error:
        RESOLVER.find("Le", ("contact",))
    assert (
        str(error.value) == 'no contact note named "Le"; did you mean Dr. Lee Chen, Lee, Lee Chen?'
    )
    message = RESOLVER.not_found("Zed", ("contact",), what="contact", others=["Zeb"])
    assert message == 'no contact named "Zed"; did you mean Zeb?'


def test_a_note_that_cannot_be_read_is_named_with_its_problem():
    broken = Note(
        "Contacts/Kim.md",
        "Kim",
        "Kim",
        problems=(Problem("Contacts/Kim.md", 3, "error", "invalid YAML"),),
    )
    with pytest.raises(NameLookupError, match=r"Contacts/Kim.md:3: invalid YAML; fix it first"):
        NameResolver([broken]).find("Kim", ("contact",))


def test_keys_for_the_incremental_digest():
    assert name_key("  Contacts/Ama.MD/ ") == "contacts/ama"
    assert link_key("Contacts/Lee Chen") == "lee chen"
    # then the loose forms of those names, which the last tier of matching uses
    assert identity(NOTES[2]) == ("lee chen", "dr. lee chen", "lee", "~lee chen", "~lee")


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Barber, Matt", "Matt Barber"),
        ("Sarver, Andrew J.", "Andrew J. Sarver"),
        ("van der Berg, Anna", "Anna van der Berg"),
        ("O'Neil, Mary-Kate", "Mary-Kate O'Neil"),
        ("Lee Chen, PhD", None),  # credentials after the comma: no given name
        ("Chen, Lee, MBA", "Lee Chen"),
        ("Matt Barber", None),
        ("Notes, ideas and plans for 2026", None),  # no name
        ("Team, Platform", "Platform Team"),  # (a name's shape: harmless as a key)
        ("Jane Smith, Google", None),  # (a name, then a company)
        ("Ana Souza, Acme", None),
        ("Kordas, Olga 🇸🇪", "Olga Kordas"),  # (symbols are no part of a name)
        ("Smith, John Jr.", "John Smith Jr."),
    ],
)
def test_a_name_written_family_first_is_said_given_first(name, said):
    assert given_first(name) == said


def test_a_note_named_family_first_answers_to_the_name_said_given_first():
    barber = note("People/Barber, Matt.md", record=CONTACT)
    resolver = NameResolver([barber, *NOTES])
    assert resolver.resolve("Matt Barber") == (barber, [])
    assert resolver.find("matt barber", ("contact",)) is barber
    assert identity(barber) == ("barber, matt", "~barber matt", "~matt barber")
    assert resolver.resolve("Barber Matt") == (barber, [])  # (the loose tier, as before)


# --- likely typos ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name", "slip"),
    [
        ("alex morgn", "alex morgan", True),  # a letter dropped
        ("alex morgann", "alex morgan", True),  # added
        ("alex morgen", "alex morgan", True),  # changed
        ("alex mroan", "alex moran", True),  # two neighbours swapped
        ("xlex morgan", "alex morgan", True),  # at either end
        ("alex morgax", "alex morgan", True),
        ("alexmorgan", "alex morgan", True),  # the space between
        ("alex mrgn", "alex morgan", False),  # two slips
        ("alex morgan", "alex morgan", False),  # the same
        ("ann b. lee", "ann c. lee", False),  # another initial: another person
        ("ann lee", "ann b. lee", False),
    ],
)
def test_one_slip(typed, name, slip):
    assert one_slip(typed, name) == slip
    assert one_slip(name, typed) == slip


def test_close_names_find_every_target_one_slip_from_a_key_and_only_those():
    keys = ["alex morgan", "alex morgen", "sam parker", "bo", "lee chen"]
    targets = ["alex morgn", "sam park", "bo", "bx", "lee chne", "maya ortiz"]
    found = close_names(targets, keys, str.title)
    # of two close names the first in order; short names are never called a slip
    assert found == {"alex morgn": "Alex Morgan", "lee chne": "Lee Chen"}


def test_close_names_agree_with_comparing_every_pair():
    words = ["ama", "amma", "lee", "le", "chen", "chan", "cheng", "park", "parks"]
    rng = random.Random(7)
    names = {" ".join(rng.sample(words, 2)) for _ in range(60)}
    keys, targets = sorted(names)[::2], sorted(names)[1::2]
    expected = {}
    for target in targets:
        close = sorted(key for key in keys if one_slip(target, key) and len(key) >= 5)
        if close and len(target) >= 5:
            expected[target] = close[0]
    assert close_names(targets, keys, str) == expected


def test_slips_around_reaches_every_string_one_slip_away():
    around = slips_around("abc", "abcx")
    assert {"bc", "ac", "ab", "bac", "acb", "xabc", "abxc", "abcx", "xbc", "abx"} <= around
    assert "abc" not in around
    assert all(one_slip(variant, "abc") or len(variant) < 3 for variant in around)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Dr. Maya Ortiz", ("Dr.", "Maya", "Ortiz")),
        ("Madonna", ("", "Madonna", "")),
        ("Chen, Lee", ("", "Lee", "Chen")),  # family name first
        ("Van der Berg, Anna Marie", ("", "Anna Marie", "Van der Berg")),
        ("Chen, Dr. Lee", ("Dr.", "Lee", "Chen")),
        ("Lee Chen, PhD", ("", "Lee", "Chen")),  # a suffix, left out
        ("Jane Doe, MBA, P.E.", ("", "Jane", "Doe")),  # credentials too
        ("Lee Chen, Jr.", ("", "Lee", "Chen")),
        ("Dr. Chen, Lee", ("Dr.", "Lee", "Chen")),
        # (LinkedIn names: "N:Anna Corsaro;cATO;;;", "N:(BA;Brisk Haji;;;")
        ("Anna Corsaro, cATO", ("", "Anna", "Corsaro")),
        ("Brisk Haji (BA, MA)", ("", "Brisk", "Haji")),
        ("Simeon Soetan, MSc,CEH, CCNP", ("", "Simeon", "Soetan")),
        ("Smith, LaToya", ("", "LaToya", "Smith")),  # (a given name, capitals and all)
    ],
)
def test_name_parts_for_an_address_book(name, parts):
    assert name_parts(name) == parts


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("Chris Oshewolo, CFA", ("Chris Oshewolo", "CFA")),
        ("Simeon Soetan, MSc,CEH, CCNP", ("Simeon Soetan", "MSc, CEH, CCNP")),
        ("Brisk Haji (BA, MA)", ("Brisk Haji", "BA, MA")),
        ("Anna Corsaro, cATO", ("Anna Corsaro", "cATO")),
        ("K M ADARSH ,", ("K M ADARSH", "")),
        ("Chen, Lee", ("Chen, Lee", "")),
        ("Ann Smith (Jones)", ("Ann Smith (Jones)", "")),  # (a name in brackets stays)
    ],
)
def test_credentials_are_split_off_a_name(name, split):
    assert split_credentials(name) == split


@pytest.mark.parametrize(
    ("last", "split"),
    [
        ("Corsaro, cATO", ("Corsaro", "cATO")),
        ("Saleh, Certified Executive Coach", ("Saleh", "Certified Executive Coach")),
        ("Haji (BA, MA)", ("Haji", "BA, MA")),
        ("Sliedregt, van", ("van Sliedregt", "")),  # (particles, written after to sort by)
        ("Berg, van der", ("van der Berg", "")),
        ("ADARSH ,", ("ADARSH", "")),
        ("Souza Lima", ("Souza Lima", "")),
    ],
)
def test_a_last_name_written_alone_keeps_what_follows_a_comma_apart(last, split):
    assert family_and_credentials(last) == split


def test_a_bare_name_is_without_its_honorific_and_credentials():
    assert bare_name("Herr Max Mustermann sen.", "Herr", "sen.") == "Max Mustermann"
    assert bare_name("Ann Lee, PhD", "Dr.", "PhD") == "Ann Lee"
    assert bare_name("Herr", "Herr") == "Herr"  # (a name is never left empty)
    assert says("Dr. Max Mustermann jr. Maxl", "jr.") and not says("Max Jr", "jr.")


@pytest.mark.parametrize(
    ("target", "name"),
    [
        ("Contacts/Ana Souza", "Ana Souza"),
        ("Matt (Oracle PM for DRCC/Alloy)", "Matt (Oracle PM for DRCC/Alloy)"),
        ("People/Matt (DRCC/Alloy)", "Matt (DRCC/Alloy)"),
        ("Met (2023)/1) Ana Souza", "1) Ana Souza"),  # (a bracket a folder's name closes)
        ("a/b/c", "c"),
    ],
)
def test_the_last_part_of_a_link_is_after_its_last_slash_outside_brackets(target, name):
    assert last_part(target) == name


def test_names_in_other_scripts_than_latin_are_not_matched_in_ascii():
    # (王伟 and 汪伟 are both "wang wei" in ASCII: a link to one found the other's note)
    wang = Note("Contacts/王伟.md", "王伟", "王伟", record=Contact())
    resolver = NameResolver([wang])
    assert resolver.resolve("汪伟")[0] is None
    assert resolver.resolve("王伟")[0] is wang
    assert loose_key("王伟") == loose_key("Иван") == LOOSE  # (no loose form: other tiers)
    assert loose_key("Łukasz Wróbel") == loose_key("lukasz wrobel")  # (Latin: as before)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Olga Kordas 🇸🇪🇺🇦", "~olga kordas"),
        ("💻 Frida McIntosh Lannerström", "~frida mcintosh lannerstrom"),
        ("Zeynep 👩🏽‍💻 Kaya", "~zeynep kaya"),
        ("Ana™ Silva", "~ana silva"),
        ("🌟", "~"),
    ],
)
def test_a_loose_name_leaves_out_emoji_and_flags(name, key):
    # (anyascii makes a flag letters, "olga kordas seua", and an emoji a word, ":computer:")
    assert loose_key(name) == key
