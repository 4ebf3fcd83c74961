"""Generate a seeded, realistic synthetic vault of informational-interview notes.

Usage: python benchmarks/generate.py OUT_DIR --contacts N [--seed 1] [--profile busy]

For N contacts the vault holds N notes in `Contacts/`, 2N in `Interviews/`,
N/20 in `Organizations/`, N/50 daily notes in `Daily/` (ordinary notes, no
`type`), a `Home.md`, and things a reader must skip: `Templates/`, `.obsidian/`
and `.trash/`. Notes average about 4 KB, so N=10,000 gives about 30,000 notes
and 120 MB.

The data is shaped like a real vault, including the awkward parts: dates as
plain YAML dates, quoted strings, date-times and daily-note links; links as
`[[Name]]`, `[[Contacts/Name]]`, `[[Name|Shown]]` or plain text; referral
chains (`referred_by` always points to an earlier contact, except for one
deliberate 2-cycle per 1,000 contacts); referrals to people without a note;
target organizations nobody works at; Tasks-plugin and Dataview task lines;
nested lists indented with tabs or spaces; and, in about one interview in
five, a fenced code block holding a fake `## Notes` heading and a fake task.
Interview statuses are consistent with `REFERENCE_DAY` as "today".

That is the `standard` profile (the default). `--profile busy` makes the same
people, meetings, organizations and daily notes, written the way a busy search
writes them: light front matter (a contact's type, organization, `referred_by`,
`contacted` and `replied`, now and then `declined` or `keep_in_touch`; a
meeting's type, contact, date, status and `thanked`; no `referrals`), long
histories (2-10 requests, four in five answered within a week, every one
before `REFERENCE_DAY`, some ending in a request or two nobody answered), a
date in the property only, in the property and the `## Log`, or in the Log
only, as a dated line in one of the forms docs/format.md reads (`- 2026-11-13
emailed asking for a short call`, `- [[2026-11-15]] — replied: happy to
talk`), and 1-4 tasks in a contact and in a held meeting, four in five open
with a `📅` or `[due:: ]` date. Notes are smaller (1-3 KB for a contact, under
2 KB for a meeting), and the digest has about two items per note, most of
them promises: N=10,000 gives about 30,700 notes, 53 MB and 60,000 items.

The output depends only on N and the seed: one `random.Random(seed)` drives
everything, and nothing iterates over a set or reads the clock.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

FIRST_DAY = dt.date(2025, 6, 1)
LAST_DAY = dt.date(2027, 1, 31)
# Interviews before this day are mostly `done`, later ones `scheduled`.
REFERENCE_DAY = dt.date(2026, 11, 26)

FILLS_PER_TEMPLATE = 10  # filled variants of each sentence template, per field
MAX_REFERRAL_DEPTH = 5  # real referral chains are short
CYCLE_EVERY = 1000  # one deliberate 2-cycle of `referred_by` per this many contacts


def words(text: str) -> list[str]:
    """The whitespace-separated words of a literal (keeps long word lists compact)."""
    return text.split()


def phrases(text: str) -> list[str]:
    """The `;`-separated phrases of a literal."""
    return [phrase.strip() for phrase in text.split(";")]


FIRST_NAMES = words("""
Ama Kwame Lee Priya Ravi Mei Wei Hiroshi Yuki Sofia Mateo Lucía José Camila Diego Aisha Omar
Fatima Yusuf Leila Noah Emma Olivia Liam Ava Ethan Mia Lucas Chloé Zoë Søren Ingrid Astrid Lars
Anika Jonas Felix Clara Hannah Elijah Grace Daniel Sarah Michael Jessica David Laura James Maria
Ana Carlos Sipho Thandiwe Chidi Ngozi Tunde Amara Kofi Abena Nia Malik Imani Jamal Keisha Andre
Tanya Dmitri Olga Ivan Katya Pavel Zainab Hassan Nour Rania Karim Samir Arjun Ananya Vikram
Deepa Rohan Kavya Sanjay Meera Linh Minh Huong Jin Soo-ah Min-jun Ji-woo Haruto Sakura Ren Aiko
Kai Leilani Manu Aroha Tane Siobhan Niamh Ciarán Aoife Declan Fionn Isabel Beatriz Joaquín
Valentina Santiago Paula Marco Giulia Luca Francesca Matteo Elena Nikos Eleni Yannis Ayşe Emre
Elif Mehmet Zeynep Tomás Inês João Rafael Gabriela Julia Piotr Agnieszka Kasia Tomasz Eva Martin
Petra Jakub Sam Alex Jordan Taylor Morgan Riley Casey Quinn Rowan Avery Maya Rachel
""")

LAST_NAMES = words("""
Agyapong Mensah Owusu Chen Wang Li Zhang Liu Raman Patel Shah Iyer Reddy Gupta Nair Kapoor
Tanaka Sato Suzuki Takahashi Kim Park Choi Nguyễn Tran Pham Garcia Martínez López Hernández
González Rodríguez Pérez Sánchez Ramírez Torres Flores Rivera Gómez Díaz Silva Santos Oliveira
Costa Pereira Ferreira Müller Schmidt Schneider Fischer Weber Becker Wagner Hoffmann Jensen
Nielsen Hansen Andersen Larsen Johansson Lindqvist Berg Haugen Virtanen Korhonen Novak Kowalski
Nowak Wiśniewski Dvořák Horvat Popescu Ivanova Petrov Smirnov Volkov Kuznetsova O'Brien O'Neill
D'Souza Murphy Kelly Byrne Walsh Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson
Taylor Thomas Moore Jackson Martin Thompson White Harris Clark Lewis Robinson Walker Young Allen
King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Campbell Evans Edwards
Collins Stewart Morris Rogers Reed Cook Bell Okafor Adeyemi Okonkwo Balogun Eze Nkosi Dlamini
Ndlovu Mokoena Haddad Khalil Mansour Farouk Aziz Rahman Hossain Karimi Hosseini Yilmaz Kaya
Demir Papadopoulos Georgiou Rossi Russo Ferrari Esposito Bianchi Romano Moreau Dubois Laurent
Lefèvre Fontaine Bakker Jansen Cohen Levi Friedman Ben-David Kahananui Smith-Jones Ortiz Reyes
Okoro
""")

# field -> (roles, topics)
FIELDS: dict[str, tuple[list[str], list[str]]] = {
    "data science": (
        phrases("Data Scientist; Senior Data Scientist; Analytics Manager; Data Analyst"),
        phrases(
            "experiment design; forecasting models; data pipelines; A/B testing;"
            "causal inference; executive dashboards; model monitoring"
        ),
    ),
    "UX research": (
        phrases("UX Researcher; Senior UX Researcher; Research Operations Lead; Design Manager"),
        phrases(
            "usability testing; diary studies; research repositories; journey mapping;"
            "accessibility audits; survey design"
        ),
    ),
    "public health": (
        phrases("Epidemiologist; Program Manager; Health Policy Analyst; Biostatistician"),
        phrases(
            "vaccination outreach; disease surveillance; grant reporting;"
            "community partnerships; health equity metrics"
        ),
    ),
    "climate policy": (
        phrases("Policy Analyst; Sustainability Manager; Climate Researcher; Program Officer"),
        phrases(
            "carbon accounting; grid decarbonization; adaptation planning;"
            "clean energy incentives; emissions reporting"
        ),
    ),
    "software engineering": (
        phrases("Software Engineer; Staff Engineer; Engineering Manager; Developer Advocate"),
        phrases(
            "code review culture; on-call rotations; system design; cloud migrations;"
            "developer tooling; technical debt"
        ),
    ),
    "product management": (
        phrases("Product Manager; Senior Product Manager; Director of Product"),
        phrases(
            "roadmap planning; customer discovery; pricing experiments;"
            "stakeholder alignment; product specs"
        ),
    ),
    "journalism": (
        phrases("Reporter; Data Journalist; Editor; Producer; Audience Editor"),
        phrases(
            "investigative projects; newsroom budgets; freelance pitching; fact-checking;local news"
        ),
    ),
    "architecture": (
        phrases("Architect; Project Architect; Urban Designer; Design Director; BIM Manager"),
        phrases(
            "adaptive reuse; licensure exams; client presentations; passive house design;"
            "zoning reviews"
        ),
    ),
    "biotech": (
        phrases("Research Scientist; Lab Manager; Clinical Research Associate; Bioinformatician"),
        phrases(
            "assay development; clinical trial design; FDA submissions;"
            "single-cell sequencing; lab automation"
        ),
    ),
    "finance": (
        phrases("Financial Analyst; Investment Associate; Risk Manager; Portfolio Manager"),
        phrases(
            "credit risk models; due diligence; the quarterly close; impact investing;valuation"
        ),
    ),
    "nonprofit management": (
        phrases("Executive Director; Development Director; Program Coordinator; Grants Manager"),
        phrases(
            "fundraising campaigns; board relations; program evaluation;"
            "volunteer retention; grant writing"
        ),
    ),
    "education": (
        phrases("Teacher; Instructional Designer; Curriculum Director; School Counselor"),
        phrases(
            "curriculum design; classroom technology; teacher certification;"
            "student assessment; online courses"
        ),
    ),
    "law": (
        phrases("Associate Attorney; Paralegal; Public Defender; Compliance Counsel"),
        phrases(
            "pro bono work; bar exam preparation; legal clinics; contract review;privacy regulation"
        ),
    ),
    "urban planning": (
        phrases("Urban Planner; Transportation Planner; GIS Analyst; Planning Director"),
        phrases(
            "transit-oriented development; bike lane networks; community meetings;"
            "housing affordability; GIS mapping"
        ),
    ),
}
FIELD_NAMES = list(FIELDS)

SKILLS = phrases(
    "clear writing; stakeholder management; statistics; project management; facilitation;"
    "data visualization; public speaking; negotiation; research design; budgeting; SQL;"
    "prototyping; coaching"
)
TOOLS = words("Excel Python R Figma Tableau Jira Notion Salesforce ArcGIS Airtable Miro")
CITIES = phrases(
    "Oakland; Toronto; Berlin; Lagos; Nairobi; Chicago; Austin; London; Bengaluru; São Paulo;"
    "Melbourne; Seattle; Boston; Mexico City; Accra; Dublin; Singapore; Montréal"
)
UNIVERSITIES = phrases(
    "State University; University of Lagos; McGill University; UC Berkeley;"
    "Universidad de Chile; TU Delft; National University of Singapore; University of Toronto;"
    "Ashesi University; University of Melbourne"
)
DEGREES = phrases(
    "a BA in economics; a BSc in biology; an MPH; an MS in statistics; a BA in history;"
    "a law degree; an MBA; a BFA in design; a PhD in chemistry"
)
SOURCES = phrases(
    "LinkedIn search; alumni directory; conference talk; company blog post; podcast episode;"
    "professional association directory; meetup; trade magazine article;"
    "university career center; Slack community; cold email; GitHub profile;"
    "Conference: Future of Work Summit; newsletter: weekly roundup"
)
ORG_PREFIXES = words("""
Northwind Bluebird Riverside Cedar Harbor Summit Lumen Meridian Granite Willow Beacon Evergreen
Orchard Pioneer Sterling Atlas Juniper Maple Horizon Ironwood Coastal Redwood Silverline
Brightwater Keystone Lakeshore Oakridge Prairie Quarry Tidewater Aurora Compass Crescent Falcon
Glacier Hollow Kestrel Lantern Mosaic Nimbus Opal Pinnacle Ridgeway Sable Tamarack Vantage Wren
Yarrow Zephyr
""")
ORG_SUFFIXES = words("""
Analytics Health Labs Partners Institute Foundation Group Studio Systems Collective Energy Bio
Capital Media Design Legal Learning Planning Works Network Alliance Consulting Therapeutics Trust
Press
""")
TEXT_ORGANIZATIONS = phrases(
    "Freelance; Self-employed; between jobs; City of Oakland; State Department of Health"
)
MODES = ["video", "video", "video", "phone", "in person", "coffee"]
DURATIONS = [20, 25, 30, 30, 30, 45, 60]
RECURRENCES = ["every week", "every 2 weeks", "every month", "every month when done"]

# Task lines as the Tasks plugin writes them: (the chance up to which each is chosen, how)
TaskForm = tuple[float, Callable[[random.Random, str, dt.date], str]]
TASK_FORMS: tuple[TaskForm, ...] = (
    (0.40, lambda rng, text, due: f"- [ ] {text} 📅 {due}"),
    (0.50, lambda rng, text, due: f"- [ ] {text}  [due:: {due}]"),
    (0.60, lambda rng, text, due: f"- [ ] {text}"),
    (0.65, lambda rng, text, due: f"- [ ] {text} ⏫ 📅 {due}"),
    (0.68, lambda rng, text, due: f"- [ ] {text} 🔁 {rng.choice(RECURRENCES)} 📅 {due}"),
    (0.88, lambda rng, text, due: f"- [{rng.choice('xxxxX')}] {text} ✅ {due}"),
    (0.94, lambda rng, text, due: f"- [-] {text} ❌ {due}"),
    (1.00, lambda rng, text, due: f"- [/] {text}"),
)
# The busy profile's: most open, with a due date
BUSY_TASK_FORMS: tuple[TaskForm, ...] = (
    (0.55, lambda rng, text, due: f"- [ ] {text} 📅 {due}"),
    (0.75, lambda rng, text, due: f"- [ ] {text}  [due:: {due}]"),
    (0.80, lambda rng, text, due: f"- [ ] {text} ⏫ 📅 {due}"),
    (0.83, lambda rng, text, due: f"- [ ] {text}"),
    (0.96, lambda rng, text, due: f"- [x] {text} ✅ {due}"),
    (1.00, lambda rng, text, due: f"- [-] {text} ❌ {due}"),
)

SENTENCE_TEMPLATES = [
    "{first} spent {n} years working on {topic} before moving to {org}.",
    "Most of the team's week goes into {topic}, with a standing review every Thursday.",
    "{first} thinks the hardest part of {topic} is agreeing on what success looks like.",
    "They use {tool} for almost everything, though {first} admitted the setup is fragile.",
    "Hiring at {org} leans on {skill} more than on any particular degree.",
    "A good first project would be something small in {topic} that shows {skill}.",
    "{first} recommended reading about {topic2} before applying anywhere.",
    "The path into {topic} is less linear than I assumed; {first} started in a different role.",
    "Entry-level roles are rare, but contract work on {topic} comes up every few months.",
    "{first} mentioned that {org} is growing the group working on {topic2} next year.",
    "Portfolio pieces matter more than certificates, especially ones about {topic}.",
    "I should be able to explain a project involving {topic} in two minutes.",
    "The team is about {n} people split between {topic} and {topic2}.",
    "{first} was candid that the pay is lower, but the work on {topic} is more interesting.",
    "Networking through professional groups worked better for {first} than job boards.",
    "Conferences on {topic2} are where most of the hiring managers meet.",
    "Their interview process includes a take-home exercise on {topic}.",
    "{first} suggested I practice {skill} by volunteering with a local group.",
    "There is a lot of overlap between {topic} and {topic2}, more than the job titles suggest.",
    "Remote work is allowed two days a week; the rest is in the office.",
    "{first} said the best people on the team are the ones who ask good questions early.",
    "I learned that {org} measures impact mostly through {topic2}.",
    "Mentorship is informal; new hires pair with someone senior for the first {n} weeks.",
    "The biggest surprise for {first} was how much of the job is writing.",
    "Budget cycles drive a lot of the decisions around {topic}.",
    "{first} would do a certificate in {topic2} if starting over today.",
    "They rarely post roles publicly; most come through referrals.",
    "Learning {tool} well would make me a stronger candidate.",
    "Burnout is real during the busy season, which runs about {n} weeks.",
    "{first} offered to look at my resume once I rewrite the summary around {skill}.",
    "There is a monthly meetup on {topic} that {first} attends.",
    "The work changed a lot after the reorganization last year.",
    "Stakeholders care more about clear recommendations than about methods.",
    "{first} keeps a running document of wins, which helps at review time.",
    "Strong candidates usually show {skill} and some depth in {topic}.",
    "It took {first} {n} months of applications before the first offer.",
    "Small organizations expect generalists; larger ones hire for {topic} specifically.",
    "I want to follow up about the project on {topic2} that {first} described.",
    "According to {first}, the field is moving quickly toward {topic2}.",
    "We talked about balancing {topic} with family commitments.",
]
QUESTION_TEMPLATES = [
    "What does a typical week look like for you?",
    "How did you get into {topic}?",
    "What skills matter most for someone starting in {field}?",
    "What do you wish you had known before joining {org}?",
    "How does {org} hire for entry-level roles?",
    "Which parts of {topic} are hardest to learn on the job?",
    "Who else should I talk to about {topic2}?",
    "What would you read if you were starting out today?",
    "How do you measure success in your role?",
    "What does career growth look like on your team?",
    "Is a graduate degree worth it in {field}?",
    "What is changing in {field} right now?",
    "How much of your time goes to {topic}?",
    "What would make an application stand out to you?",
    "Which professional groups or events are worth joining?",
    "What is the biggest misconception about {field}?",
    "How do teams at {org} work with each other?",
    "What projects could I do to practice {skill}?",
    "What do you enjoy most about working at {org}?",
    "What is hardest about the job?",
    "Are there volunteer or contract opportunities in {topic}?",
    "How do you stay current on {topic2}?",
    "What does the interview process at {org} look like?",
]
GOAL_TEMPLATES = [
    "Understand how {org} approaches {topic}",
    "Learn what an entry-level path into {field} looks like",
    "Ask about the team's hiring timeline",
    "Get feedback on my plan to move into {field}",
    "Find out which skills to prioritize this year",
    "Ask for one or two names of people to talk to next",
    "Hear how {first} moved from {topic2} into {topic}",
    "Check whether my portfolio project on {topic} is relevant",
    "Learn what a typical day looks like",
    "Understand the difference between {topic} and {topic2} roles",
]
TASK_TEMPLATES = [
    "Send thank-you note to {first}",
    "Email {first} the article on {topic} I mentioned",
    "Share my portfolio link with {first}",
    "Read the report {first} recommended about {topic2}",
    "Introduce {first} to {other}",
    "Ask {other} for an introduction to someone at {org}",
    "Update resume summary to highlight {skill}",
    "Sign up for the {topic} meetup",
    "Look up the {org} careers page for openings",
    "Follow up with {first} about the {topic2} project",
    "Apply to the {org} fellowship",
    "Finish the online course on {topic}",
    "Draft a one-page project write-up on {topic}",
    "Connect with {first} on LinkedIn",
    "Send {first} an update on my job search",
    "Research {org}'s recent work on {topic}",
]
PREP_TASK_TEMPLATES = [
    "Read {org}'s latest annual report",
    "Prepare questions about {topic2}",
    "Look up {first}'s recent talks on {topic}",
    "Confirm the meeting time with {first}",
]

_PLAIN_SCALAR = re.compile(r"[^\W\d_][\w .,'&()/+@:-]*")
_YAML_RESERVED = {"yes", "no", "y", "n", "true", "false", "on", "off", "null"}


@dataclasses.dataclass(eq=False)
class Organization:
    name: str
    field: str
    website: str
    target: bool
    claimable: bool  # False: a target nobody in the vault works at
    members: list[Contact] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(eq=False)
class Contact:
    index: int
    name: str
    first: str
    last: str
    organization: str
    org_has_note: bool
    field: str
    role: str
    start: dt.date  # when they entered the search, before any `contacted` date
    referred_by: Contact | None = None
    referral_written: bool = True  # False: the note omits `referred_by`, as people forget to
    source: str | None = None
    depth: int = 0
    contacted: list[dt.date] = dataclasses.field(default_factory=list)
    replied: list[dt.date] = dataclasses.field(default_factory=list)
    declined: bool | dt.date = False
    keep_in_touch: int | bool | None = None
    children: list[Contact] = dataclasses.field(default_factory=list)
    interviews: list[Interview] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(eq=False)
class Interview:
    stem: str
    contacts: list[Contact]
    day: dt.date
    status: str | None  # None: the property is absent
    thanked: dt.date | bool | None = None
    referrals: list[Contact | str] = dataclasses.field(default_factory=list)

    @property
    def held(self) -> bool:
        """Whether the meeting took place, by the same rule a reader applies."""
        if self.status is None:
            return self.day < REFERENCE_DAY
        return self.status == "done"


@dataclasses.dataclass
class Section:
    title: str
    blocks: list[str]  # Markdown blocks, separated by blank lines when rendered


def yaml_text(value: str) -> str:
    """Render a string as a plain YAML scalar when that is safe, else double-quoted."""
    plain = (
        _PLAIN_SCALAR.fullmatch(value) is not None
        and ": " not in value
        and not value.endswith((" ", ":"))
        and value.lower() not in _YAML_RESERVED
    )
    if plain:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ascii_slug(text: str, sep: str = "-") -> str:
    """Lowercase ASCII slug of a name, for emails, websites and tags."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", sep, folded.lower()).strip(sep)


def add_days(day: dt.date, days: int) -> dt.date:
    return min(day + dt.timedelta(days=days), LAST_DAY)


class VaultGenerator:
    """Builds the vault's people, meetings and organizations, then renders the notes."""

    def __init__(self, contacts: int, seed: int) -> None:
        self.count = contacts
        self.rng = random.Random(seed)
        self.taken_names: set[str] = set()  # casefolded; membership only, never iterated
        # field -> template -> filled variants; prose draws distinct templates, so it reads
        # less repetitively than sampling sentences with replacement.
        self.variants = {
            name: [
                [self._fill(template, name) for _ in range(FILLS_PER_TEMPLATE)]
                for template in SENTENCE_TEMPLATES
            ]
            for name in FIELD_NAMES
        }
        self.organizations = self._make_organizations(max(1, contacts // 20))
        self.contacts = self._make_contacts(contacts)
        self._add_cycles()
        self.interviews = self._make_interviews(2 * contacts)

    # ----- model ---------------------------------------------------------------------------

    def _fill(self, template: str, field: str, **people: str) -> str:
        """Fill a template's slots; `{first}` and `{org}` stay as they are unless given."""
        rng = self.rng
        topic, topic2 = rng.sample(FIELDS[field][1], 2)
        return template.format(
            topic=topic,
            topic2=topic2,
            skill=rng.choice(SKILLS),
            tool=rng.choice(TOOLS),
            n=rng.randint(2, 12),
            field=field,
            first=people.get("first", "{first}"),
            org=people.get("org", "{org}"),
            other=people.get("other", "a colleague"),
        )

    def _unique(self, candidates: Iterator[str]) -> str:
        for candidate in candidates:
            if candidate.casefold() not in self.taken_names:
                self.taken_names.add(candidate.casefold())
                return candidate
        raise AssertionError("candidate generators are endless")

    def _person_names(self) -> Iterator[str]:
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        yield f"{first} {last}"
        for _ in range(3):
            yield f"{first} {self.rng.choice('ABCDEFGHJKLMNPRSTVW')}. {last}"
        suffix = 2
        while True:
            yield f"{first} {last} {suffix}"
            suffix += 1

    def _org_names(self) -> Iterator[str]:
        for _ in range(20):
            yield f"{self.rng.choice(ORG_PREFIXES)} {self.rng.choice(ORG_SUFFIXES)}"
        base = f"{self.rng.choice(ORG_PREFIXES)} {self.rng.choice(ORG_SUFFIXES)}"
        yield f"{base} {self.rng.choice(CITIES)}"
        suffix = 2
        while True:
            yield f"{base} {suffix}"
            suffix += 1

    def new_person(self) -> str:
        """A person name no note or link in the vault uses yet."""
        return self._unique(self._person_names())

    def _make_organizations(self, count: int) -> list[Organization]:
        rng = self.rng
        organizations = []
        for _ in range(count):
            name = self._unique(self._org_names())
            target = rng.random() < 0.2
            organizations.append(
                Organization(
                    name=name,
                    field=rng.choice(FIELD_NAMES),
                    website=f"https://www.{ascii_slug(name)}.example",
                    target=target,
                    claimable=not (target and rng.random() < 0.4),
                )
            )
        return organizations

    def _make_contacts(self, count: int) -> list[Contact]:
        rng = self.rng
        employers = [org for org in self.organizations if org.claimable] or self.organizations
        noteless_orgs = [self._unique(self._org_names()) for _ in range(max(1, count // 100))]
        # Sorted, so whoever referred a contact (always an earlier one) entered the search first.
        span = (LAST_DAY - FIRST_DAY).days - 60
        starts = sorted(FIRST_DAY + dt.timedelta(days=rng.randint(0, span)) for _ in range(count))
        contacts: list[Contact] = []
        for index in range(count):
            name = self.new_person()
            words_in_name = [word for word in name.split() if not word.isdigit()]
            first, last = words_in_name[0], words_in_name[-1]
            roll = rng.random()
            org: Organization | None = None
            if roll < 0.85:
                org = rng.choice(employers)
                org_name, org_has_note = org.name, True
            elif roll < 0.93:
                org_name, org_has_note = rng.choice(noteless_orgs), False
            else:
                org_name, org_has_note = rng.choice(TEXT_ORGANIZATIONS), False
            field = org.field if org and rng.random() < 0.8 else rng.choice(FIELD_NAMES)
            contact = Contact(
                index=index,
                name=name,
                first=first,
                last=last,
                organization=org_name,
                org_has_note=org_has_note,
                field=field,
                role=rng.choice(FIELDS[field][0]),
                start=starts[index],
            )
            if org:
                org.members.append(contact)
            if contacts and rng.random() < 0.63:
                referrer = rng.choice(contacts)
                while referrer.depth >= MAX_REFERRAL_DEPTH and referrer.referred_by:
                    referrer = referrer.referred_by
                contact.referred_by = referrer
                contact.referral_written = rng.random() >= 0.05
                contact.depth = referrer.depth + 1
                referrer.children.append(contact)
            else:
                contact.source = rng.choice(SOURCES)
            self._add_outreach(contact)
            contacts.append(contact)
        return contacts

    def _add_outreach(self, contact: Contact) -> None:
        rng = self.rng
        requests = rng.choices([0, 1, 2, 3], weights=[15, 45, 28, 12])[0]
        day = contact.start
        for _ in range(requests):
            contact.contacted.append(day)
            day = add_days(day, rng.randint(6, 14))
        if contact.contacted and rng.random() < 0.65:
            reply = add_days(rng.choice(contact.contacted), rng.randint(0, 6))
            contact.replied.append(reply)
            if rng.random() < 0.25:
                contact.replied.append(add_days(reply, rng.randint(2, 20)))
        if rng.random() < 0.03:
            contact.declined = True if rng.random() < 0.8 else add_days(day, rng.randint(1, 9))
        if rng.random() < 0.15:
            contact.keep_in_touch = rng.choice([30, 60, 90, 180, 0, False])

    def _add_cycles(self) -> None:
        """Close one `referred_by` 2-cycle per block of CYCLE_EVERY contacts."""
        in_cycle: set[int] = set()
        for block in range(self.count // CYCLE_EVERY):
            members = self.contacts[block * CYCLE_EVERY : (block + 1) * CYCLE_EVERY]
            offset = self.rng.randrange(len(members))
            for contact in members[offset:] + members[:offset]:
                parent = contact.referred_by
                if (
                    parent
                    and parent.referred_by is None
                    and contact.referral_written
                    and not {contact.index, parent.index} & in_cycle
                ):
                    parent.referred_by, parent.source = contact, None
                    contact.children.append(parent)
                    in_cycle.update((contact.index, parent.index))
                    break

    def _make_interviews(self, count: int) -> list[Interview]:
        rng = self.rng
        weights = []
        for contact in self.contacts:
            if contact.declined:
                weights.append(0.1)
            elif contact.replied:
                weights.append(4.0)
            else:
                weights.append(0.3 if contact.contacted else 0.4)
        chosen = rng.choices(range(len(self.contacts)), weights=weights, k=count)
        per_contact = [0] * len(self.contacts)
        for index in chosen:
            per_contact[index] += 1

        taken_stems: set[str] = set()
        interviews: list[Interview] = []
        for contact, meetings in zip(self.contacts, per_contact, strict=True):
            anchor = contact.replied[0] if contact.replied else contact.start
            day = add_days(anchor, rng.randint(3, 21))
            for _ in range(meetings):
                if day >= LAST_DAY:
                    day = contact.start + dt.timedelta(
                        days=rng.randint(0, (LAST_DAY - contact.start).days)
                    )
                stem = f"{day.isoformat()} {contact.name}"
                suffix = 2
                while stem.casefold() in taken_stems:
                    stem = f"{day.isoformat()} {contact.name} ({suffix})"
                    suffix += 1
                taken_stems.add(stem.casefold())
                people = [contact]
                if rng.random() < 0.05:
                    other = rng.choice(self.contacts)
                    if other is not contact:
                        people.append(other)
                interview = Interview(stem=stem, contacts=people, day=day, status=self._status(day))
                contact.interviews.append(interview)
                interviews.append(interview)
                day = add_days(day, rng.randint(30, 120))

        interviews.sort(key=lambda iv: (iv.day, iv.stem))
        referred_contacts = [c for c in self.contacts if c.referred_by and c.referral_written]
        noteless: list[str] = []
        mentioned: set[int] = set()  # indexes of contacts already named in some `referrals`
        for interview in interviews:
            if interview.held:
                self._add_aftermath(interview, referred_contacts, noteless, mentioned)
        return interviews

    def _status(self, day: dt.date) -> str | None:
        roll = self.rng.random()
        if day >= REFERENCE_DAY:
            return "scheduled" if roll < 0.88 else None if roll < 0.98 else "cancelled"
        if roll < 0.80:
            return "done"
        return "cancelled" if roll < 0.87 else None if roll < 0.97 else "scheduled"

    def _add_aftermath(
        self,
        interview: Interview,
        referred: list[Contact],
        noteless: list[str],
        mentioned: set[int],
    ) -> None:
        """Thank-you and referrals for a meeting that took place."""
        rng = self.rng
        if rng.random() < 0.75:
            interview.thanked = (
                True if rng.random() < 0.05 else add_days(interview.day, rng.randint(0, 3))
            )
        wanted = rng.choices([0, 1, 2, 3], weights=[40, 30, 20, 10])[0]
        for child in interview.contacts[0].children:
            if len(interview.referrals) >= wanted:
                break
            if child.index not in mentioned and child not in interview.contacts:
                interview.referrals.append(child)
                mentioned.add(child.index)
        while len(interview.referrals) < wanted:
            roll = rng.random()
            if roll < 0.25 and referred:
                # Someone who already has a referrer: adds an `also_referred_by`, never a cycle.
                target: Contact | str = rng.choice(referred)
            elif roll < 0.35 and noteless:
                target = rng.choice(noteless)
            else:
                target = self.new_person()
                noteless.append(target)
            if isinstance(target, Contact) and target in interview.contacts:
                continue
            interview.referrals.append(target)
        # The same person may come up twice; keep the list as a person would write it.
        unique: list[Contact | str] = []
        for target in interview.referrals:
            if target not in unique:
                unique.append(target)
        interview.referrals = unique

    # ----- rendering helpers ----------------------------------------------------------------

    def date_value(self, day: dt.date, meeting: bool = False) -> str:
        """A YAML date in one of the forms Obsidian users write."""
        rng = self.rng
        roll = rng.random()
        timed = 0.25 if meeting else 0.06
        if roll < 0.80 - timed:
            return day.isoformat()
        if roll < 0.80:
            clock = f"{rng.randint(8, 18):02d}:{rng.choice(['00', '15', '30', '45'])}"
            return rng.choice([f"{day}T{clock}", f"{day}T{clock}:00", f'"{day} {clock}"'])
        if roll < 0.90:
            return f'"{day}"'
        return f'"[[{day}]]"'

    def link(self, target: Contact | str) -> str:
        """A quoted YAML link to a person, in one of Obsidian's forms."""
        if isinstance(target, str):
            return yaml_text(target) if self.rng.random() < 0.1 else f'"[[{target}]]"'
        roll = self.rng.random()
        if roll < 0.88:
            return f'"[[{target.name}]]"'
        if roll < 0.92:
            return f'"[[Contacts/{target.name}]]"'
        if roll < 0.96:
            return f'"[[{target.name}|{target.first}]]"'
        return yaml_text(target.name)

    def paragraph(self, field: str, low: int = 2, high: int = 5, budget: int = 0) -> str:
        """A paragraph of low..high sentences, cut short once it reaches a positive budget."""
        chosen = self.sentences(field, self.rng.randint(low, high))
        if budget > 0:
            length = 0
            for count, sentence in enumerate(chosen, 1):
                length += len(sentence) + 1
                if length >= budget:
                    chosen = chosen[:count]
                    break
        return " ".join(chosen)

    def sentences(self, field: str, count: int) -> list[str]:
        """Sentences about a field, each from a different template."""
        variants = self.variants[field]
        picks = self.rng.sample(range(len(variants)), count)
        return [self.rng.choice(variants[pick]) for pick in picks]

    def task_text(self, contact: Contact, prep: bool = False) -> str:
        """What a task to or about a contact says (a preparation task before a meeting)."""
        rng = self.rng
        return self._fill(
            rng.choice(PREP_TASK_TEMPLATES if prep else TASK_TEMPLATES),
            contact.field,
            first=contact.first,
            org=contact.organization,
            other=rng.choice(self.contacts).name,
        )

    def task_line(self, contact: Contact, day: dt.date, prep: bool = False) -> str:
        """A Tasks-plugin task line, open, done, cancelled or in progress."""
        return self.any_task(contact, day, prep, TASK_FORMS)

    def any_task(
        self, contact: Contact, day: dt.date, prep: bool, forms: tuple[TaskForm, ...]
    ) -> str:
        """A task line in one of `forms`, (chance up to which it is chosen, the line)."""
        rng = self.rng
        text = self.task_text(contact, prep)
        due = day + dt.timedelta(days=rng.randint(-3, 3) if prep else rng.randint(1, 21))
        roll = rng.random()
        write = next((form for below, form in forms if roll < below), forms[-1][1])
        return write(rng, text, due)

    def indent(self, numbered: bool = False) -> str:
        """Indentation for a nested list item (a numbered parent needs at least 3 columns)."""
        return self.rng.choice(["\t", "    "] if numbered else ["\t", "\t", "    ", "  "])

    def fake_block(self, contact: Contact) -> str:
        """A fenced code block whose heading and task line must not count."""
        fence = self.rng.choice(["```", "```", "```text", "```md", "~~~"])
        close = "~~~" if fence == "~~~" else "```"
        lines = [
            fence,
            f"Subject: Thank you, {contact.first}",
            "",
            "## Notes",
            "- [ ] not a task",
            f"Hi {contact.first}, thank you again for your time.",
            close,
        ]
        return "\n".join(lines)

    def html_comment(self) -> str:
        if self.rng.random() < 0.5:
            return "<!-- TODO: tidy this section up after the call -->"
        return "<!--\n## Notes\n- [ ] hidden task inside a comment\n-->"

    def render_sections(self, sections: list[Section], level: int = 2) -> str:
        out = []
        for section in sections:
            title = section.title.lower() if self.rng.random() < 0.03 else section.title
            if level == 2 and self.rng.random() < 0.01:
                heading = f"{title}\n{'-' * len(title)}"  # a setext heading
            else:
                heading = f"{'#' * level} {title}"
            out.append("\n\n".join([heading, *section.blocks]))
        return "\n\n".join(out)

    @staticmethod
    def front_matter(lines: list[str]) -> str:
        return "---\n" + "\n".join(lines) + "\n---\n"

    @staticmethod
    def block_list(key: str, values: Sequence[str]) -> list[str]:
        return [f"{key}:", *(f"  - {value}" for value in values)]

    def date_list(self, key: str, days: list[dt.date]) -> list[str]:
        if not days:
            return [f"{key}: []"] if self.rng.random() < 0.3 else []
        if len(days) == 1 and self.rng.random() < 0.1:
            return [f"{key}: {self.date_value(days[0])}"]
        return self.block_list(key, [self.date_value(day) for day in days])

    def personalize(self, text: str, contact: Contact) -> str:
        return text.replace("{first}", contact.first).replace("{org}", contact.organization)

    # ----- notes ----------------------------------------------------------------------------

    def contact_note(self, contact: Contact) -> str:
        rng = self.rng
        type_value = "Contact" if rng.random() < 0.02 else "contact"
        fm = [f"type: {type_value}"]
        if rng.random() < 0.95:
            shown = f"Dr. {contact.name}" if rng.random() < 0.05 else contact.name
            fm.append(f"name: {yaml_text(shown)}")
        if rng.random() < 0.1:
            fm += self.block_list("aliases", [yaml_text(f"{contact.first} {contact.last[0]}.")])
        org = contact.organization
        is_text = org in TEXT_ORGANIZATIONS
        linked = contact.org_has_note or (not is_text and rng.random() < 0.8)
        fm.append(f'organization: "[[{org}]]"' if linked else f"organization: {yaml_text(org)}")
        fm += [f"role: {yaml_text(contact.role)}", f"field: {yaml_text(contact.field)}"]
        domain = "mail" if is_text else ascii_slug(org)
        fm.append(f"email: {ascii_slug(contact.name, '.')}@{domain}.example")
        if rng.random() < 0.2:
            fm.append(f'phone: "+1 555-01{rng.randint(0, 99):02d}"')
        if rng.random() < 0.3:
            fm.append(f"location: {yaml_text(rng.choice(CITIES))}")
        if contact.referred_by and contact.referral_written:
            fm.append(f"referred_by: {self.link(contact.referred_by)}")
        elif contact.source:
            fm.append(f"source: {yaml_text(contact.source)}")
        fm += self.date_list("contacted", contact.contacted)
        fm += self.date_list("replied", contact.replied)
        if contact.declined is True:
            fm.append("declined: true")
        elif isinstance(contact.declined, dt.date):
            fm.append(f"declined: {self.date_value(contact.declined)}")
        if contact.keep_in_touch is not None:
            value = contact.keep_in_touch
            fm.append(f"keep_in_touch: {str(value).lower() if isinstance(value, bool) else value}")
        tags = ["contact", ascii_slug(contact.field)]
        if contact.referred_by:
            tags.append("referral")
        fm += self.block_list("tags", tags)

        sections = [
            Section("About", [self.paragraph(contact.field) for _ in range(rng.randint(1, 3))]),
            Section("Background", [self._background(contact)]),
            Section("Log", self._log(contact)),
        ]
        notes = Section("Notes", [])
        sections.append(notes)
        tasks = [
            self.task_line(contact, contact.start)
            for _ in range(rng.choices([0, 1, 2, 3], weights=[30, 35, 25, 10])[0])
        ]
        sections.append(
            Section(rng.choice(["Follow-ups", "To do"]), ["\n".join(tasks)] if tasks else [])
        )
        if rng.random() < 0.1:
            notes.blocks.append(self.fake_block(contact))
        target = rng.randint(3000, 11500)
        size = sum(len(block) for section in sections for block in section.blocks)
        while size < target:
            if rng.random() < 0.3:
                bullets = self.sentences(contact.field, rng.randint(2, 5))
                block = "\n".join(f"- {sentence}" for sentence in bullets)
            else:
                block = self.paragraph(contact.field, 3, 7)
            notes.blocks.append(block)
            size += len(block)
        title = f"# {contact.name}\n\n" if rng.random() < 0.4 else ""
        body = title + self.render_sections(sections)
        return self.front_matter(fm) + self.personalize(body, contact) + "\n"

    def _background(self, contact: Contact) -> str:
        rng = self.rng
        other_field = rng.choice(FIELD_NAMES)
        previous = rng.choice(self.organizations).name
        lines = [
            f"- Previously {rng.choice(FIELDS[other_field][0])} at [[{previous}]]",
            f"- Studied {rng.choice(DEGREES)} at {rng.choice(UNIVERSITIES)}",
            f"- Based in {rng.choice(CITIES)}",
        ]
        if rng.random() < 0.3:
            lines.insert(1, f"{self.indent()}- Worked on {rng.choice(FIELDS[other_field][1])}")
        return "\n".join(lines)

    def _log(self, contact: Contact) -> list[str]:
        rng = self.rng
        entries: list[tuple[dt.date, str]] = []
        for number, day in enumerate(contact.contacted):
            what = "emailed asking for 20 minutes" if number == 0 else "sent a short follow-up"
            entries.append((day, what))
        entries += [(day, "replied, happy to talk") for day in contact.replied]
        entries += [(iv.day, f"met, see [[{iv.stem}]]") for iv in contact.interviews]
        entries.sort()
        blocks = ["\n".join(f"- {day}: {what}" for day, what in entries)] if entries else []
        if contact.replied and rng.random() < 0.4:
            quote = self.sentences(contact.field, rng.randint(2, 4))
            blocks.append("\n".join(["> Hi, thanks for reaching out!", *(f"> {s}" for s in quote)]))
        return blocks

    def interview_note(self, interview: Interview) -> str:
        rng = self.rng
        contact = interview.contacts[0]
        fm = ["type: interview"]
        if len(interview.contacts) == 1 and rng.random() < 0.85:
            fm.append(f"contact: {self.link(contact)}")
        else:
            fm += self.block_list("contact", [self.link(c) for c in interview.contacts])
        fm.append(f"date: {self.date_value(interview.day, meeting=True)}")
        if interview.status is not None:
            fm.append(f"status: {interview.status}")
        fm.append(f"mode: {yaml_text(rng.choice(MODES))}")
        fm.append(f"duration: {rng.choice(DURATIONS)}")
        if interview.thanked is True:
            fm.append("thanked: true")
        elif isinstance(interview.thanked, dt.date):
            fm.append(f"thanked: {self.date_value(interview.thanked)}")
        if interview.referrals:
            fm += self.block_list("referrals", [self.link(t) for t in interview.referrals])
        elif rng.random() < 0.3:
            fm.append("referrals: []")
        fm += self.block_list("tags", ["interview"])
        body = self._interview_body(interview)
        return self.front_matter(fm) + self.personalize(body, contact) + "\n"

    def _interview_body(self, interview: Interview) -> str:
        rng = self.rng
        contact = interview.contacts[0]
        field = contact.field
        upcoming = not interview.held and interview.status != "cancelled"

        goals = [
            f"- {self._fill(template, field)}"
            for template in rng.sample(GOAL_TEMPLATES, rng.randint(1, 3))
        ]
        goals_section = Section("Goals", ["\n".join(goals)])
        if upcoming and rng.random() < 0.15:
            goals_section.blocks = [rng.choice(["- ", "- [ ] "])]
        research: Section | None = Section("Research", [self.paragraph(field, 1, 3)])
        if upcoming and rng.random() < 0.1:
            research = None

        question_count = rng.randint(0, 8) if upcoming else rng.randint(3, 9)
        style = rng.choices(["bullets", "numbered", "checkboxes"], weights=[70, 15, 15])[0]
        questions = []
        for number, template in enumerate(rng.sample(QUESTION_TEMPLATES, question_count), 1):
            text = self._fill(template, field)
            if style == "numbered":
                questions.append(f"{number}. {text}")
            elif style == "checkboxes" or rng.random() < 0.1:
                asked = interview.held and rng.random() < 0.9
                questions.append(f"- [{'x' if asked else ' '}] {text}")
            else:
                questions.append(f"- {text}")
            if rng.random() < 0.12:
                detail = self._fill(rng.choice(GOAL_TEMPLATES), field)
                questions.append(f"{self.indent(style == 'numbered')}- {detail}")
        questions_section = Section("Questions", ["\n".join(questions)] if questions else [])

        notes: Section | None = None
        roll = rng.random()
        if not interview.held:
            notes = Section("Notes", []) if roll < 0.6 else None
        elif roll < 0.08:  # held, but nothing written down yet
            notes = Section("Notes", [rng.choice(["- ", "- [ ]"])] if roll < 0.04 else [])
        elif roll < 0.97:
            notes = Section("Notes", [self.paragraph(field)])

        task_count = rng.randint(1, 5) if interview.held else rng.randint(0, 3)
        tasks = [
            self.task_line(contact, interview.day, prep=not interview.held)
            for _ in range(task_count)
        ]
        if tasks and rng.random() < 0.1:
            tasks.insert(1, f"{self.indent()}- [ ] {self._fill('Draft notes on {topic}', field)}")
        follow_ups = Section("Follow-ups", ["\n".join(tasks)] if tasks else [])

        sections = [
            s
            for s in (goals_section, research, questions_section, notes, follow_ups)
            if s is not None
        ]
        if notes is not None and notes.blocks and notes.blocks[0] not in ("- ", "- [ ]"):
            padded = notes
        elif research is not None:
            padded = research
        else:
            padded = Section("Context", [])
            sections.insert(1, padded)
        if rng.random() < 0.2:
            rng.choice(sections).blocks.append(self.fake_block(contact))
        if rng.random() < 0.05:
            rng.choice(sections).blocks.append(self.html_comment())
        if rng.random() < 0.1:
            quote = self.sentences(field, 1)[0]
            padded.blocks.append(f"> {{first}} said: {quote}")

        intro = ""
        if rng.random() < 0.5:
            intro = f"Talk with [[{contact.name}]], {contact.role} at {contact.organization}.\n\n"
        # Bodies are 1-3 KB: pad to a target, overshooting by at most one sentence.
        target = rng.randint(1050, 2850)
        size = len(intro) + sum(
            len(section.title) + 5 + sum(len(block) + 2 for block in section.blocks)
            for section in sections
        )
        while size < target:
            block = self.paragraph(field, budget=target - size)
            padded.blocks.append(block)
            size += len(block) + 2
        level = rng.choices([2, 3, 1], weights=[93, 5, 2])[0]
        return intro + self.render_sections(sections, level)

    def organization_note(self, org: Organization) -> str:
        rng = self.rng
        fm = [
            "type: organization",
            f"name: {yaml_text(org.name)}",
            f"website: {org.website}",
            f"field: {yaml_text(org.field)}",
        ]
        if org.target:
            fm.append("target: true")
        elif rng.random() < 0.3:
            fm.append("target: false")
        fm += self.block_list("tags", ["organization", ascii_slug(org.field)])
        people: list[str] = []
        if rng.random() < 0.5:
            people.append(
                '```dataview\nTABLE role, field FROM "Contacts"\n'
                "WHERE contains(organization, this.file.link)\n```"
            )
        elif org.members:
            people.append("\n".join(f"- [[{c.name}]]" for c in org.members[:8]))
        sections = [
            Section("What they do", [self.paragraph(org.field, 2, 4)]),
            Section("People", people),
            Section("Notes", [self.paragraph(org.field, 1, 4) for _ in range(rng.randint(0, 2))]),
        ]
        body = self.render_sections(sections)
        return (
            self.front_matter(fm)
            + body.replace("{first}", "Their recruiter").replace("{org}", org.name)
            + "\n"
        )

    def daily_note(self, day: dt.date) -> str:
        rng = self.rng
        header = self.front_matter(self.block_list("tags", ["daily"])) if rng.random() < 0.5 else ""
        contact = rng.choice(self.contacts)
        lines = [
            f"# {day:%A, %B} {day.day}, {day.year}",
            "",
            f"- Emailed [[{contact.name}]] about {rng.choice(FIELDS[contact.field][1])}.",
            f"- [ ] Update the tracker 📅 {day}",
            f"- [x] Review applications ✅ {day}",
            "",
            self.personalize(self.paragraph(contact.field, 2, 6), contact),
        ]
        return header + "\n".join(lines) + "\n"

    def extra_files(self) -> Iterator[tuple[str, str]]:
        """Files a reader must skip or treat as ordinary notes."""
        yield (
            "Home.md",
            (
                "# Job search\n\n- [[Contacts]]\n- [[Interviews]]\n\n"
                '```dataview\nTABLE date, status FROM "Interviews" SORT date DESC\n```\n'
            ),
        )
        yield ".obsidian/app.json", '{\n  "newLinkFormat": "shortest"\n}\n'
        yield ".obsidian/templates.json", '{\n  "folder": "Templates"\n}\n'
        yield (
            "Templates/Contact.md",
            (
                '---\ntype: contact\nname: "{{title}}"\norganization:\ncontacted: []\n'
                "replied: []\n---\n## About\n- \n\n## Log\n- {{date}}: added this contact\n"
            ),
        )
        yield (
            "Templates/Interview.md",
            (
                '---\ntype: interview\ncontact: "[[{{title}}]]"\ndate: "{{date}}"\n'
                "status: scheduled\n---\n## Goals\n- \n\n## Questions\n- \n\n"
                "## Follow-ups\n- [ ] \n"
            ),
        )
        yield (
            ".trash/Old contact.md",
            (
                '---\ntype: contact\nreferred_by: "[[Nobody]]"\n---\n'
                "- [ ] deleted task 📅 2026-01-01\n"
            ),
        )

    def files(self) -> Iterator[tuple[str, str]]:
        """Every file of the vault as (vault-relative path, text)."""
        for org in self.organizations:
            yield f"Organizations/{org.name}.md", self.organization_note(org)
        for contact in self.contacts:
            yield f"Contacts/{contact.name}.md", self.contact_note(contact)
        for interview in self.interviews:
            yield f"Interviews/{interview.stem}.md", self.interview_note(interview)
        span = (LAST_DAY - FIRST_DAY).days + 1
        days = sorted(self.rng.sample(range(span), k=min(span, max(1, self.count // 50))))
        for offset in days:
            day = FIRST_DAY + dt.timedelta(days=offset)
            yield f"Daily/{day}.md", self.daily_note(day)
        yield from self.extra_files()


# Log lines of the busy profile, by what they record (docs/format.md, "Facts in the text").
LOG_REQUESTS = phrases(
    "emailed asking for a short call; sent a follow-up; messaged on LinkedIn; pinged again;"
    "followed up about a call; wrote to ask about the team; asked for 20 minutes"
)
LOG_REPLIES = phrases(
    "replied: happy to talk; wrote back, busy until next month; got back with some times;"
    "heard back: next week works; responded on LinkedIn; replied with two names to try"
)


class BusyVaultGenerator(VaultGenerator):
    """The `busy` profile: the same people and meetings, with light front matter, long
    request and reply histories (in the properties and in the Log) and many open tasks."""

    def _add_outreach(self, contact: Contact) -> None:
        """Rounds of a request and, four times in five, a reply, before REFERENCE_DAY; now
        and then one or two more requests nobody answered."""
        rng = self.rng
        day = contact.start
        for _ in range(rng.randint(2, 10)):
            if day >= REFERENCE_DAY:
                break
            contact.contacted.append(day)
            if rng.random() < 0.8:
                day = min(add_days(day, rng.randint(0, 6)), REFERENCE_DAY)
                contact.replied.append(day)
            day = add_days(day, rng.randint(5, 20))
        if rng.random() < 0.09:
            for _ in range(rng.randint(1, 2)):
                if day < REFERENCE_DAY:
                    contact.contacted.append(day)
                    day = add_days(day, rng.randint(6, 14))
        if rng.random() < 0.03:
            contact.declined = True
        if rng.random() < 0.3:
            contact.keep_in_touch = rng.choice([30, 45, 60, 90, 0])

    def _add_aftermath(
        self,
        interview: Interview,
        referred: list[Contact],
        noteless: list[str],
        mentioned: set[int],
    ) -> None:
        """A thank-you for most meetings; the busy profile writes no `referrals`."""
        if self.rng.random() < 0.9:
            interview.thanked = add_days(interview.day, self.rng.randint(0, 2))

    def busy_task(self, contact: Contact, day: dt.date, prep: bool = False) -> str:
        """A task line, most of them open with a due date (`📅` or `[due:: ]`)."""
        return self.any_task(contact, day, prep, BUSY_TASK_FORMS)

    def log_line(self, day: dt.date, what: str, subject: str) -> str:
        """A dated line in one of the forms people write, sometimes with a subject."""
        roll = self.rng.random()
        if roll < 0.55:
            return f"- {day} {what}"
        if roll < 0.75:
            return f"- {day}: {what}"
        if roll < 0.85:
            return f"- [[{day}]] — {what}"
        if roll < 0.95:
            return f"- **{day}** {what}"
        return f"- {day} {subject} {what}"

    def contact_note(self, contact: Contact) -> str:
        rng = self.rng
        org = contact.organization
        fm = ["type: contact"]
        fm.append(
            f'organization: "[[{org}]]"'
            if contact.org_has_note
            else f"organization: {yaml_text(org)}"
        )
        if contact.referred_by and contact.referral_written:
            fm.append(f"referred_by: {self.link(contact.referred_by)}")
        # Where each date is written: the property only, the property and the Log, the Log only.
        places = ["property", "both", "log"]
        requests = [
            (day, rng.choices(places, weights=[60, 25, 15])[0]) for day in contact.contacted
        ]
        replies = [(day, rng.choices(places, weights=[60, 25, 15])[0]) for day in contact.replied]
        fm += self.date_list("contacted", [day for day, place in requests if place != "log"])
        fm += self.date_list("replied", [day for day, place in replies if place != "log"])
        if contact.declined:
            fm.append("declined: true")
        if contact.keep_in_touch is not None:
            value = contact.keep_in_touch
            fm.append(f"keep_in_touch: {str(value).lower() if isinstance(value, bool) else value}")

        log: list[tuple[dt.date, int, str]] = []
        for day, place in requests:
            if place != "property":
                log.append((day, 0, self.log_line(day, rng.choice(LOG_REQUESTS), "I")))
        for day, place in replies:
            if place != "property":
                log.append((day, 1, self.log_line(day, rng.choice(LOG_REPLIES), contact.first)))
        for interview in contact.interviews:
            if interview.held and rng.random() < 0.5:
                log.append((interview.day, 2, f"- {interview.day} met, see [[{interview.stem}]]"))
        log.sort()
        history = [day for day, _ in requests + replies] or [contact.start]
        tasks = [self.busy_task(contact, rng.choice(history)) for _ in range(rng.randint(1, 4))]
        notes = Section("Notes", [self.paragraph(contact.field)])
        sections = [
            Section("Log", ["\n".join(line for _, _, line in log)] if log else []),
            notes,
            Section(rng.choice(["Follow-ups", "To do"]), ["\n".join(tasks)] if tasks else []),
        ]
        target = rng.randint(1000, 3000)
        size = sum(len(block) for section in sections for block in section.blocks)
        while size < target:
            block = self.paragraph(contact.field, 2, 5)
            notes.blocks.append(block)
            size += len(block)
        return (
            self.front_matter(fm) + self.personalize(self.render_sections(sections), contact) + "\n"
        )

    def interview_note(self, interview: Interview) -> str:
        rng = self.rng
        contact = interview.contacts[0]
        field = contact.field
        people = [self.link(person) for person in interview.contacts]
        fm = ["type: interview"]
        fm += [f"contact: {people[0]}"] if len(people) == 1 else self.block_list("contact", people)
        fm.append(f"date: {self.date_value(interview.day, meeting=True)}")
        if interview.status is not None:
            fm.append(f"status: {interview.status}")
        if isinstance(interview.thanked, dt.date):
            fm.append(f"thanked: {self.date_value(interview.thanked)}")

        if interview.held:
            notes = Section("Notes", [self.paragraph(field)])
            sections = [notes]
            tasks = [self.busy_task(contact, interview.day) for _ in range(rng.randint(1, 4))]
        else:
            questions = rng.sample(QUESTION_TEMPLATES, rng.randint(3, 5))
            notes = Section("Research", [self.paragraph(field, 1, 3)])
            sections = [
                Section("Goals", [f"- {self._fill(rng.choice(GOAL_TEMPLATES), field)}"]),
                notes,
                Section("Questions", ["\n".join(f"- {self._fill(q, field)}" for q in questions)]),
            ]
            tasks = [
                self.busy_task(contact, interview.day, prep=True) for _ in range(rng.randint(0, 2))
            ]
        sections.append(Section("Follow-ups", ["\n".join(tasks)] if tasks else []))
        target = rng.randint(600, 1800)
        size = sum(len(block) for section in sections for block in section.blocks)
        while size < target:
            block = self.paragraph(field, budget=target - size)
            notes.blocks.append(block)
            size += len(block) + 2
        return (
            self.front_matter(fm) + self.personalize(self.render_sections(sections), contact) + "\n"
        )


PROFILES = {"standard": VaultGenerator, "busy": BusyVaultGenerator}


def write_vault(out_dir: Path, files: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """Write the files below out_dir; return (file count, total bytes)."""
    count = size = 0
    made: set[Path] = set()
    for relative, text in files:
        path = out_dir / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = text.encode("utf-8")
        path.write_bytes(data)
        count += 1
        size += len(data)
    return count, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic vault for benchmarks.")
    parser.add_argument(
        "out_dir", type=Path, metavar="OUT_DIR", help="new or empty folder to write the vault into"
    )
    parser.add_argument(
        "--contacts",
        type=int,
        required=True,
        metavar="N",
        help="number of contact notes (2N interviews, N/20 organizations)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--profile",
        choices=list(PROFILES),
        default="standard",
        help="standard (default), or busy: light front matter, long histories, many tasks",
    )
    args = parser.parse_args(argv)
    out_dir: Path = args.out_dir
    if args.contacts < 1:
        parser.error("--contacts must be at least 1")
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        print(f"generate.py: {out_dir} exists and is not an empty folder", file=sys.stderr)
        return 2

    started = time.perf_counter()
    generator = PROFILES[args.profile](args.contacts, args.seed)
    count, size = write_vault(out_dir, generator.files())
    elapsed = time.perf_counter() - started
    print(
        f"wrote {count:,} files, {size:,} bytes ({size / 1e6:.1f} MB) to {out_dir} "
        f"in {elapsed:.1f} s (profile={args.profile}, contacts={args.contacts}, seed={args.seed})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
