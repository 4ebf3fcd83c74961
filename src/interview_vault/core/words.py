"""The words a vault uses for a meeting's status, a message's direction and an application's
stage, read by meaning; the people a meeting's title names; and what a folder's name says
it holds (templates, daily notes); the headings over who was at a meeting. English, but
for the common words of other languages for attendees. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Literal

from .model import Direction, InterviewStatus, Stage

_WORD = re.compile(r"[a-z0-9]+")
# The words of a log line, for its verb (`wrote back`, `one-on-one`, `møde`), in any
# language's letters: read as ASCII, `møde` and `måde` were both "m de"
LOG_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W\d_]+)*")

# A meeting's status, by meaning. "No status" words leave the date to decide (before today:
# done; today or later: scheduled), as for a note without a status.
_NO_STATUS = {
    "todo", "to do", "planned", "plan", "upcoming", "booked", "open", "pending",
    "tentative", "not started", "new", "idea", "proposed",
    "unprocessed", "inbox", "raw", "draft",  # (notes not yet written up: the date decides)
}  # fmt: skip
_STATUSES: dict[str, InterviewStatus] = {
    "scheduled": "scheduled",
    "done": "done",
    "complete": "done",
    "completed": "done",
    "held": "done",
    "happened": "done",
    "finished": "done",
    "met": "done",
    "processed": "done",  # (its notes written up, as a meeting-notes workflow says it)
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "skipped": "cancelled",
    "no show": "cancelled",
    "noshow": "cancelled",
    "did not happen": "cancelled",
}


def _phrase(text: str) -> str:
    """Words in lower case, one space apart: `No-Show` is `no show`, `To-Do` is `to do`."""
    return " ".join(_WORD.findall(text.casefold()))


def meeting_status(word: str) -> InterviewStatus | Literal[False] | None:
    """A written status by meaning: scheduled, done or cancelled; None where the date
    decides; False for a word it does not know (which the date then decides too)."""
    phrase = _phrase(word)
    if phrase in _STATUSES:
        return _STATUSES[phrase]
    if not phrase or phrase in _NO_STATUS or phrase.replace(" ", "") in _NO_STATUS:
        return None
    return False


# A touch note's direction, by meaning (`Comm-Type: Sent`, `direction: inbound`...)
_DIRECTIONS: dict[str, Direction] = {
    "sent": "outgoing",
    "outgoing": "outgoing",
    "outbound": "outgoing",
    "out": "outgoing",
    "to them": "outgoing",
    "received": "incoming",
    "incoming": "incoming",
    "inbound": "incoming",
    "in": "incoming",
    "reply": "incoming",
    "replied": "incoming",
    "from them": "incoming",
    # who started it (`initiated_by: me | them`)
    "me": "outgoing",
    "i": "outgoing",
    "we": "outgoing",
    "us": "outgoing",
    "them": "incoming",
    "they": "incoming",
    "exchanged": "both",
    "both": "both",
    "two way": "both",
    "conversation": "both",
    "mixed": "mixed",
}


def direction_of(word: str) -> Direction | None:
    """What a direction property's value means; None for a word it does not know."""
    return _DIRECTIONS.get(_phrase(word))


# The values that say who started a contact rather than which way it went: a call you
# started (`initiated_by: me`) is still a talk both ways, where "Sent" over a call is you
# calling them (see `core.talks`)
_WHO_STARTED = frozenset({"me", "i", "we", "us", "them", "they"})


def says_who_started(word: str) -> bool:
    return _phrase(word) in _WHO_STARTED


# A job application's stage, by meaning: the first group with a word of the stage decides,
# closed first ("Offer accepted" is closed, "Interview rejected" too).
_STAGE_WORDS: tuple[tuple[Stage, frozenset[str]], ...] = (
    (
        "closed",
        frozenset({
            "rejected", "rejection", "declined", "withdrawn", "withdrew", "nogo", "no go",
            "do not apply", "dont apply", "not applying", "accepted", "closed", "ghosted",
            "archived", "not selected", "hired", "filled", "expired", "dead", "lost",
        }),
    ),
    (
        "in-progress",
        frozenset({
            "screen", "screening", "phone screen", "recruiter", "interview", "interviews",
            "interviewing", "assessment", "test", "take home", "takehome", "onsite",
            "on site", "final", "final round", "offer", "negotiating", "negotiation",
            "reference", "references", "case study", "in progress", "progress", "offered",
            "under review", "reviewed", "shortlisted",
        }),
    ),
    ("applied", frozenset({"applied", "submitted", "application sent", "sent"})),
    (
        "considering",
        frozenset({
            "interested", "saved", "reviewing", "review", "pursue", "considering",
            "wishlist", "wish list", "bookmarked", "researching", "research", "to apply",
            "not applied", "draft", "prospect", "idea", "maybe", "lead", "open",
        }),
    ),
)  # fmt: skip


def application_stage(written: str | None, applied: bool) -> Stage | None:
    """The stage an application is in: its stage word by meaning, else `applied` when it
    has an applied date and `considering` when not; None for a word it does not know."""
    if written is None or not _phrase(written):
        return "applied" if applied else "considering"
    phrase = _phrase(written)
    for stage, known in _STAGE_WORDS:  # the whole first: "not applied" is considering
        if phrase in known:
            return stage
    words = phrase.split()
    pairs = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))}
    for stage, known in _STAGE_WORDS:
        if pairs & known:
            return stage
    return None


# The words that head a list of who was at a meeting, or label a line naming them
# (`## Attendees`, `**Participants:**`, Dataview's `Teilnehmer::`): English, and the common
# words of other languages (a vault's own names for its people property are added)
PEOPLE_HEADINGS = frozenset({
    "attendees", "attendee", "participants", "participant", "people", "with", "who",
    "present",
    "teilnehmer", "teilnehmerin", "teilnehmerinnen", "teilnehmende", "anwesende",  # German
    "participantes", "participante", "asistentes", "presentes", "présents",  # Romance
    "deelnemers", "deelnemer", "aanwezigen", "partecipanti", "presenti",  # Dutch, Italian
})  # fmt: skip

# The headings a meeting template puts its notes of the talk under, besides `Notes`: text
# under one writes the talk up (an empty one is no empty Notes section)
NOTES_HEADINGS = frozenset({
    "summary", "meeting summary", "call summary", "minutes", "meeting minutes",
    "meeting notes", "call notes", "interview notes", "takeaways", "key takeaways",
    "notes and takeaways", "notes & takeaways", "recap", "debrief", "discussion",
    "key points", "learnings", "what i learned", "outcome", "outcomes",
})  # fmt: skip

# "Coffee with Ana Souza", "2026-11-20 Call with Lee Chen and Sam Park", "Lunch w/ Ana"
_WITH = re.compile(r"(?:^|\s)(?:with|w/)\s+(.+)$", re.IGNORECASE)
_JOINERS = re.compile(r"\s*(?:,|;|&|\band\b|\+)\s*", re.IGNORECASE)
_TRAILING = re.compile(r"\s*(?:\(.*\)|\d{4}-\d{2}-\d{2}.*|-+)\s*$")


# The tags that name a person by slug, `people/john-appleseed` (Dataview queries of
# one-on-ones find them so)
_PEOPLE_TAGS = frozenset({"people", "person"})


def people_in_tags(tags: Iterable[str]) -> list[str]:
    """The slugs a note's tags name people by (`people/john-appleseed`, `person/ana-souza`),
    in order of the tags; a tag nested deeper (`person/friend/old`) names nobody."""
    found = []
    for tag in tags:
        parent, _, slug = tag.lstrip("#").partition("/")
        if parent.casefold() in _PEOPLE_TAGS and slug and "/" not in slug:
            found.append(slug)
    return found


def people_in_title(title: str) -> list[str]:
    """The names after "with" in a meeting's title, else after the date it starts with, as
    `vault new interview` names a talk ("2024-11-20 John Appleseed"), as written ([] when
    there are none)."""
    found = _WITH.search(title)
    if found is not None:
        listed = found.group(1)
    elif (dated := _AFTER_A_DATE.match(title)) is not None:
        listed = dated.group("names")
    else:
        return []
    return names_listed(_TRAILING.sub("", listed))


_AFTER_A_DATE = re.compile(r"\d{4}([-.]?)\d{2}\1\d{2}\s*[-–—:]?\s+(?P<names>\D.*)$")


# Left out of a list of names: asides in brackets, template placeholders, emphasis marks
_ASIDES = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{\{[^}]*\}\}|<%.*?%>|[*_`]+")
# What follows a name after a comma without being one ("John Smith, Jr.")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq"})


def names_listed(text: str) -> list[str]:
    """The names in a list such as "Ana Souza, Lee and Sam (+ their team)", as written:
    asides in brackets, placeholders, emphasis marks and suffixes such as "Jr." left out."""
    names = (" ".join(name.split()) for name in _JOINERS.split(_ASIDES.sub(" ", text)))
    return [name for name in names if name and name.strip(".").casefold() not in _SUFFIXES]


# --- what a vault's own words say a note is (`vault adopt`) ----------------------------------

# The words of other languages for the people, meetings and organizations a vault keeps, as a
# folder, a tag or a type value says them (`Kontakte/`, `#kontakt`, `Personer/`, `Møder/`,
# `type: reunión`), singular and plural: German, French, Spanish, Italian, Portuguese,
# Dutch, Danish, Norwegian, Swedish, Polish. Only words that say the kind and nothing else a
# vault keeps: not Spanish and Italian `persona` (a product's user persona), Danish and
# Norwegian `folk` (music), German `Termin` (any appointment), French `entretien` alone
# (upkeep), Polish `wywiad` (a patient's history), `firma` (a company in German and Polish,
# a signature in Spanish and Italian: their plurals `Firmen`, `firmy` are read).
_PEOPLE_ABROAD = frozenset({
    "person", "personen", "kontakt", "kontakte", "leute", "menschen", "ansprechpartner",
    "ansprechpartnerin", "ansprechpartnerinnen",  # German
    "personne", "personnes", "contact", "contacts",  # French
    "contacto", "contactos", "gente",  # Spanish
    "contatto", "contatti", "persone",  # Italian
    "contato", "contatos", "pessoa", "pessoas",  # Portuguese
    "contacten", "persoon", "mensen",  # Dutch
    "personer", "kontakter", "människor",  # Danish, Norwegian, Swedish
    "osoba", "osoby", "kontakty", "ludzie",  # Polish
})  # fmt: skip
_MEETINGS_ABROAD = frozenset({
    "besprechung", "besprechungen", "treffen", "vorstellungsgespräch",
    "vorstellungsgespräche",  # German
    "réunion", "réunions", "rencontre", "rencontres", "entretien d embauche",
    "entretiens d embauche",  # French
    "reunión", "reuniones", "entrevista", "entrevistas",  # Spanish
    "riunione", "riunioni", "incontro", "incontri", "colloquio", "colloqui",  # Italian
    "reunião", "reuniões", "encontro", "encontros",  # Portuguese
    "vergadering", "vergaderingen", "bespreking", "besprekingen", "sollicitatiegesprek",
    "sollicitatiegesprekken",  # Dutch
    "møde", "møder", "møte", "møter", "möte", "möten", "intervju", "intervjuer",  # Nordic
    "spotkanie", "spotkania", "rozmowa kwalifikacyjna", "rozmowy kwalifikacyjne",  # Polish
})  # fmt: skip
# ...of which folders hold talks too (as `Conversations/`: a log's are messages')
_TALKS_ABROAD = frozenset({
    "gespräch", "gespräche",  # German
    "conversación", "conversaciones", "conversazione", "conversazioni", "conversa",
    "conversas",  # Spanish, Italian, Portuguese (French: `conversation`, as English)
    "gesprek", "gesprekken", "samtale", "samtaler", "samtal",  # Dutch, Nordic
    "rozmowa", "rozmowy",  # Polish
})  # fmt: skip
_ORGANIZATIONS_ABROAD = frozenset({
    "firmen", "unternehmen", "organisation", "organisationen", "arbeitgeber",
    # German
    "entreprise", "entreprises", "société", "sociétés", "organisations", "employeur",
    "employeurs",  # French
    "empresa", "empresas", "organización", "organizaciones", "compañía", "compañías",
    "empleador", "empleadores",  # Spanish
    "azienda", "aziende", "società", "organizzazione", "organizzazioni", "impresa",
    "imprese",  # Italian
    "organização", "organizações", "companhia", "companhias", "empregador",
    "empregadores",  # Portuguese
    "bedrijf", "bedrijven", "organisatie", "organisaties", "werkgever", "werkgevers",  # Dutch
    "virksomhed", "virksomheder", "firmaer", "organisationer", "arbejdsgiver",
    "arbejdsgivere", "bedrift", "bedrifter", "selskap", "selskaper", "organisasjon",
    "organisasjoner", "arbeidsgiver", "arbeidsgivere", "företag", "bolag",
    "arbetsgivare",  # Danish, Norwegian, Swedish
    "firmy", "organizacja", "organizacje", "pracodawca", "pracodawcy", "przedsiębiorstwo",
    "przedsiębiorstwa",  # Polish
})  # fmt: skip
_INSTITUTIONS_ABROAD = frozenset({
    "institution", "institutionen", "institutions", "institución", "instituciones",
    "istituzione", "istituzioni", "instituição", "instituições", "instelling",
    "instellingen", "institutioner", "institusjon", "institusjoner", "instytucja",
    "instytucje",
})  # fmt: skip


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


_LETTERS = re.compile(r"[^\W_]+")  # (a word in any language's letters: `réunions`, `møder`)


def _words_said(text: str) -> list[str]:
    """A name's words as `kind_said` compares them: casefolded, composed (a Mac's file
    names are not), singular as English makes them (`people`, `réunion`)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return [_singular(word) for word in _LETTERS.findall(text.casefold())]


def _said(words: frozenset[str]) -> frozenset[str]:
    """Words as written, the way `kind_said` reads them (`reuniones` as `reunione`)."""
    return frozenset(" ".join(_words_said(phrase)) for phrase in words)


# The words a tag or a value of `type`, `category`, `kind`, `class` or `fileClass` uses for
# each kind (singular: plurals aside); a tag is about its subject, so only words that
# cannot be about anything else (`#network` may be computers', `#communication` a skill).
KIND_WORDS: dict[str, frozenset[str]] = {
    "contact": frozenset({"person", "people", "contact", "recruiter", "crm contact"})
    | _said(_PEOPLE_ABROAD),
    "interview": frozenset({
        "meeting", "interview", "informational interview", "1 on 1", "1on1", "1on1s",
        "1 on 1s", "one on one", "one on ones", "coffee chat",
    }) | _said(_MEETINGS_ABROAD),
    "organization": frozenset({
        "company", "organization", "organisation", "employer", "crm company",
    }) | _said(_ORGANIZATIONS_ABROAD),
    "touch": frozenset({
        "email", "message", "chat", "call", "log communication", "communication log",
        "interaction", "crm interaction", "correspondence", "phone call",
    }),
    "application": frozenset({
        "application", "job application", "job", "position", "job opportunity",
    }),
}  # fmt: skip
# The names a folder of each kind has (`20 People`, `Meetings`, `Positions`): calls held
# are meetings (only as a value or a tag is a call one logged), a log's folder is one of
# messages.
FOLDER_WORDS: dict[str, frozenset[str]] = {
    "contact": frozenset({"person", "people", "contact", "network", "recruiter"})
    | _said(_PEOPLE_ABROAD),
    "interview": KIND_WORDS["interview"]
    | {"call", "conversation", "meeting note"}
    | _said(_TALKS_ABROAD),
    "organization": KIND_WORDS["organization"]
    | {"org", "institution"}
    | _said(_INSTITUTIONS_ABROAD),
    "touch": frozenset({
        "email", "mail", "message", "chat", "log", "communication", "interaction",
        "correspondence", "email note",
    }),
    "application": KIND_WORDS["application"] | {"opportunity", "opening"},
}  # fmt: skip
# Touch notes whose mark says one of these hold both ways when nothing says which
ARCHIVE_WORDS = frozenset({"email", "mail", "message", "chat", "dm", "text", "correspondence"})
TYPE_KEYS = frozenset({"type", "category", "categories", "kind", "class", "fileclass"})
# What a type-like value calls a note of something read or kept, which no meeting or message
# is (`type: resource` on an interview's saved newsletter), singular
DOCUMENT_WORDS = frozenset({
    "resource", "reference", "article", "book", "paper", "video", "podcast", "course",
    "clipping", "clip", "bookmark", "link", "web page", "webpage", "website", "newsletter",
    "post", "blog post", "tweet", "highlight", "quote", "literature", "literature note",
})  # fmt: skip
# The hosts of video calls, whose address in a meeting's `url` is no web page's
CALL_HOSTS = (
    "zoom.us", "meet.google.com", "teams.microsoft.com", "teams.live.com", "webex.com",
    "whereby.com", "meet.jit.si",
)  # fmt: skip
_WEB_ADDRESS = re.compile(r"https?://([^/\s?#]+)", re.IGNORECASE)


def says_document(text: str) -> bool:
    """Whether a type-like value says a note is of something read or kept (`resource`,
    `Articles`, `Literature Note`)."""
    words = [_singular(w) for w in _WORD.findall(text.casefold())]
    return " ".join(words) in DOCUMENT_WORDS


def is_web_page(text: str) -> bool:
    """Whether a value is the address of a web page: http or https, not a video call's."""
    found = _WEB_ADDRESS.match(text.strip())
    if found is None:
        return False
    host = found.group(1).casefold()
    return not any(host == call or host.endswith("." + call) for call in CALL_HOSTS)


_NUMBER_PREFIX = re.compile(r"^\d+[\s._-]*")


# A nested tag's parent that says what follows is a stage, not a kind of note
_STATUS_PARENTS = frozenset({"status", "stage", "state", "phase", "step", "pipeline"})


def kind_said(text: str, folder: bool = False, *, whole: bool = False) -> str | None:
    """The kind a folder's name, a tag or a type value says, if it says one: the whole of
    it (`Log-Communication`, `1-on-1s`, `20 People`), or (unless `whole`) its last word
    (`crm-contact`, `job-applications`); `Meeting Notes` is a meeting's."""
    table = FOLDER_WORDS if folder else KIND_WORDS
    folded = text.casefold()
    if folded.partition("/")[0] in _STATUS_PARENTS and "/" in folded:
        return None  # (`#status/interview` is a job's stage, no meeting's mark)
    for written in (folded, _NUMBER_PREFIX.sub("", folded)):  # ("1-on-1s" is no prefix)
        words = _words_said(written)
        if len(words) > 1 and words[-1] == "note":
            words.pop()
        phrases = (" ".join(words),) if whole else (" ".join(words), words[-1] if words else "")
        for phrase in phrases:
            for kind, known in table.items():
                if phrase in known:
                    return kind
    return None


def speaks_of(text: str, words: frozenset[str]) -> bool:
    """Whether a name (of a property, a mark) has one of these words, singular or not."""
    return any(_singular(w) in words or w in words for w in _WORD.findall(text.casefold()))


# A copy of the Questions section of vault-template/Templates/Interview.md (a test keeps the
# two the same): offered by `vault prep` when a meeting has fewer than `min_questions`
# prepared, and, left word for word as the template gives them, no question prepared.
DEFAULT_QUESTIONS = (
    "How did you get started in this field?",
    "What does a typical day or week look like for you?",
    "How do people usually progress in this field?",
    "What training or education was most important for your work?",
    "What advice would you give someone just starting out?",
    "What do you find most satisfying about your work, and most frustrating?",
    "What problems do people in this field commonly face?",
    "What are the best sources of information: journals, associations, events?",
    "What entry-level opportunities are there?",
    "How do people hear about openings?",
    "What is the work environment and culture like?",
    "Do you know anyone else I should talk to?",
)
TEMPLATE_PROMPTS = frozenset(question.casefold() for question in DEFAULT_QUESTIONS)

_NOT_WORDS = re.compile(r"[\W_]+")
# A folder of templates, by its words (`Templates`, `_templates`, `99 Templates`)
_TEMPLATES_FOLDERS = frozenset({"templates", "template"})


@cache
def folder_words(name: str) -> str:
    """A folder's name as words, casefolded, without the numbers and marks that sort it
    first: `1_lifeos` is "lifeos", `04 Daily-Notes` is "daily notes", `_templates` is
    "templates"."""
    words = _NOT_WORDS.sub(" ", name).casefold().split()
    while words and words[0].isdigit():
        del words[0]
    return " ".join(words)


def is_templates_folder(name: str) -> bool:
    """Whether a folder's name says it holds templates (`0_meta/templates`, `_Templates`)."""
    return folder_words(name) in _TEMPLATES_FOLDERS


# A folder of notes put away, by its words (`archive`, `_archive`, `99 Archives`, `Old`)
_ARCHIVE_FOLDERS = frozenset({"archive", "archives", "archived", "old"})


def is_archive_folder(name: str) -> bool:
    """Whether a folder's name says old notes are put away there (`_archive`, `Old`)."""
    return folder_words(name) in _ARCHIVE_FOLDERS


# The names the folder-note plugins give a note that stands for its folder
# (`People/Ana Souza/README.md` is Ana Souza's note)
FOLDER_NOTES = frozenset({"readme", "index", "_index"})
# The names of a note that lists a folder's notes rather than being one of them
_INDEX_NAMES = frozenset({"aliases", "alias", "moc", "map of content", "map of contents"})


def is_index_note(name: str) -> bool:
    """Whether a note's file name (without `.md`) says it indexes the notes beside it: one
    starting with `_` (`_aliases`, `_people-index`: sorted first, a folder's own), a map of
    content (`People MOC`), or `aliases`; but not `_index`, a folder note's name."""
    folded = name.casefold()
    if folded.startswith("_"):
        return folded not in FOLDER_NOTES
    return folded in _INDEX_NAMES or "moc" in _WORD.findall(folded)


# The words of a team's roster kept among people's notes (`Matthew Barber Department`, `Team
# Platform`), first or last in its name: a list of people, no person
_GROUP_WORDS = frozenset({"department", "dept", "team", "squad", "division", "roster"})


# Words that name a gathering, a place, a firm or a website, not a person: `Met through
# [[Women in Tech Meetup]]`, `Referred by [[Glassdoor]]` were introductions by nobody
GATHERING_WORDS = frozenset({
    "meetup", "conference", "summit", "club", "network", "program", "programme", "school",
    "university", "college", "fair", "event", "community", "group", "hackathon",
    "bootcamp", "forum", "association", "society", "workshop", "webinar", "alumni",
    "news", "labs", "inc", "llc", "ltd", "corp", "recruiter", "recruiters", "recruiting",
    "batch", "dms", "dm", "combinator", "jobs", "careers", "board", "team", "company",
    "glassdoor", "handshake", "indeed", "twitter", "reddit", "slack", "discord", "github",
    "facebook", "instagram", "email", "craigslist", "wellfound", "angellist", "hn",
})  # fmt: skip


def is_roster(name: str) -> bool:
    """Whether a note's file name (without `.md`) says it lists a team rather than being a
    person's: a group's word first or last (`Ryan Sanders Department`, `Team Atlas`)."""
    words = _WORD.findall(name.casefold())
    return len(words) > 1 and (words[0] in _GROUP_WORDS or words[-1] in _GROUP_WORDS)


# When a note was made or changed: words of a property that stamps a note (`created`,
# `date modified`), which dates it only when nothing else does
STAMP_WORDS = frozenset(
    {"created", "modified", "updated", "reviewed", "migrated", "imported", "synced"}
)
# The words that name a property for a touch with someone, or a step still to take with them
# (`first_contact`, `date_met`, `last_reply`, `next_follow_up`): a fact an import cannot
# invent (see notes.template_dates)
TOUCH_WORDS = frozenset({
    "contact", "contacted", "outreach", "reached", "request", "requested", "asked", "reply",
    "replied", "response", "responded", "heard", "met", "meet", "meeting", "talk", "talked",
    "spoke", "call", "called", "emailed", "messaged", "follow", "followed", "followup",
    "touch", "touched", "connected", "connection", "interaction", "intro", "introduced",
    "thanked", "declined", "applied", "next", "last", "due", "deadline", "seen",
})  # fmt: skip


# --- small talk: LinkedIn's one-tap messages ---------------------------------------------------

# The words of the greetings and thanks LinkedIn suggests ("Happy birthday!", "Congrats on
# your work anniversary!", "Thanks, Andre", "You're welcome"): a message of these words
# only, and names, neither asks for a talk nor answers such a request.
_SMALL_TALK = frozenset({
    "hi", "hello", "hey", "dear", "good", "morning", "afternoon", "evening", "thanks",
    "thank", "you", "so", "much", "very", "many", "a", "lot", "ty", "appreciate",
    "appreciated", "it", "you're", "youre", "welcome", "my", "pleasure", "congrats",
    "congratulations", "congratulation", "on", "your", "the", "new", "role", "job",
    "position", "work", "anniversary", "promotion", "happy", "birthday", "bday", "belated",
    "hope", "have", "great", "wonderful", "day", "year", "for", "connecting", "connection",
    "to", "be", "connected", "nice", "glad", "cheers", "best", "regards", "wishes", "all",
    "and", "too", "same",
})  # fmt: skip
# ...of which one at least: a bare "Hello" opens a conversation (the ask may follow)
_OCCASIONS = frozenset({
    "thanks", "thank", "ty", "appreciate", "appreciated", "welcome", "pleasure", "congrats",
    "congratulations", "congratulation", "birthday", "bday", "anniversary", "connecting",
})  # fmt: skip
# ...and none of these, that answer ("No, thanks", "Sure, thanks!") or set a time ("Thanks,
# Monday", "Congrats! Coffee Tuesday"): capitalized, they are no names
_ANSWERS = frozenset({
    "no", "yes", "sure", "ok", "okay", "sorry", "not", "unfortunately", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "tonight",
    "week", "weekend", "zoom", "coffee", "call", "meet", "meeting", "chat", "lunch", "teams",
    "dinner", "drinks", "breakfast", "brunch",
})  # fmt: skip
_TALK_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def small_talk(text: str) -> bool:
    """Whether a message is only thanks or good wishes: at most 12 words, one of them
    thanks, congratulations or a birthday's (`_OCCASIONS`), all of them LinkedIn's one-tap
    words (`_SMALL_TALK`) but for two capitalized ones (a name: "Thanks, Andre"), no
    question mark, no answer or time (`_ANSWERS`), not "happy to". "Thanks! Happy to chat"
    is no small talk: it says yes; nor is "Hello": the ask may follow."""
    written = _TALK_WORDS.findall(text)
    words = [word.casefold().replace("’", "'") for word in written]
    if "?" in text or len(words) > 12 or _OCCASIONS.isdisjoint(words):
        return False  # (a question asks something)
    if not _ANSWERS.isdisjoint(words) or "happy to" in " ".join(words):
        return False  # ("Thanks, happy to!": a yes)
    others = [word for word, key in zip(written, words, strict=True) if key not in _SMALL_TALK]
    return len(others) <= 2 and all(word[0].isupper() for word in others)
