"""The GCG report the seed is taken from, read section by section as the seed cites it, so
tests can check that what a fact cites says it. The report sits beside the project
(`../shared/seed-documents/`); tests that need it skip, saying so, where it is absent.

`mentions(section, node)` is how the checks read "the section says it": the section's text
names the node by its name, acronym or an alias, or by the words the report itself uses for
it (`REPORT_WORDS`, written by reading the report), compared as plain words (no case, no
accents, punctuation as spaces)."""

import re
from functools import cache

import pytest

from service.config import PROJECT_ROOT
from service.model.fields import plain
from service.model.records import MapRecord

REPORT = PROJECT_ROOT.parent / "shared" / "seed-documents" / "000_ef5699df8079a662.txt"
REPORT_ID = "source:gcg-2017-report"
needs_report = pytest.mark.skipif(
    not REPORT.exists(),
    reason="the GCG report (../shared/seed-documents/000_ef5699df8079a662.txt) is not "
    "beside the project, so the seed cannot be checked against it",
)

# The report's headings, as its text writes them, and the section the seed cites for the
# text under each. Headings with no text of their own ("2. Partner Updates", "Action
# Groups") are not sections; the text before "Meeting Report" is the title page.
HEADINGS = {
    "Meeting Report": None,
    "In attendance": "In attendance",
    "Agenda": "Agenda",
    "1. Introduction to Alliance 8.7": "1. Introduction to Alliance 8.7",
    "2. Partner Updates": None,
    "Secretariat": "2. Partner Updates / Secretariat",
    "Workers": "2. Partner Updates / Workers",
    "Employers": "2. Partner Updates / Employers",
    "Knowledge Platform (UN University)": "2. Partner Updates / Knowledge Platform (UN University)",
    "Action Groups": None,
    "Conflict and Humanitarian Settings (IOM, UNICEF and UNHCR)": (
        "2. Partner Updates / Action Groups / Conflict and Humanitarian Settings"
    ),
    "Migration (IOM)": "2. Partner Updates / Action Groups / Migration",
    "Supply Chains (ILO)": "2. Partner Updates / Action Groups / Supply Chains",
    "Rural Development (FAO)": "2. Partner Updates / Action Groups / Rural Development",
    "Civil Society": "2. Partner Updates / Civil Society",
    "Regional Organizations (OSCE)": "2. Partner Updates / Regional Organizations (OSCE)",
    "3. Operational Guidelines and Membership": "3. Operational Guidelines and Membership",
    "4. Next Steps": "4. Next Steps",
}
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")

# How the report writes what the map names otherwise: the report's own words for a record,
# read from the report, for records whose name, acronym and aliases it does not use.
REPORT_WORDS: dict[str, tuple[str, ...]] = {
    "organization:alliance-8-7": ("Alliance 8.7", "Alliance"),
    "organization:coca-cola": ("Coca Cola",),
    "organization:government-of-australia": ("Australia",),
    "organization:government-of-argentina": ("Argentina",),
    "organization:government-of-peru": ("Peru",),
    "organization:government-of-the-united-kingdom": ("UK",),
    "organization:government-of-the-united-states": ("US governments",),
    "organization:business-network-child-labour": ("business networks",),
    "organization:business-network-forced-labour": ("business networks",),
    "organization:g20": ("G20",),
    "organization:freedom-fund": ("Freedom Fund",),
    "organization:ipccla": ("International Partnership for Cooperation on Child Labour",),
    "action-group:global-coordinating-group": ("Global Coordinating Group", "GCG"),
    "action-group:friends-of-alliance-8-7": ("Friends of Alliance 8.7",),
    "action-group:secretariat": ("Secretariat",),
    "action-group:conflict-humanitarian-settings": ("Conflict and Humanitarian Settings",),
    "action-group:migration": ("Migration Action Group", "Migration (IOM)", "AG, Migration"),
    "action-group:supply-chains": ("Supply Chain Action Group", "Supply Chains"),
    "action-group:rural-development": ("Rural Development Action Group",),
    "event:gcg-1-buenos-aires-2017": ("Buenos Aires", "the meeting", "in attendance"),
    "event:gcg-2-new-york-2018": ("next in-person meeting",),
    "event:gcg-virtual-meeting-2018": ("virtual meeting",),
    "event:wilton-park-strategic-workshop-2017": ("Wilton Park",),
    "event:civil-society-convening-2017": (
        "civil society convening",
        "consultation with civil society",
    ),
    "event:conflict-action-group-new-york-2017": ("convened on 17-18 May 2017",),
    "event:supply-chains-action-group-berlin-2017": ("met on 21 June in Berlin",),
    "event:migration-working-group-meeting": ("working group meeting",),
    "event:europe-central-asia-consultation-2017": (
        "Europe and Central Asia regional consultation",
    ),
    "event:iv-global-conference-child-labour-2017": ("IV Global Conference",),
    "event:alliance-against-trafficking-conference": ("annual high-level Alliance Conference",),
    "event:alliance-expert-coordination-team": ("AECT",),
    "event:hlpf-2018": ("High Level Political Forum",),
    "initiative:knowledge-platform": ("Knowledge Platform",),
    "initiative:kp-evidence-directory": ("data and evidence directory",),
    "initiative:global-estimates-modern-slavery": ("Global Estimates",),
    "initiative:modern-slavery-in-migration-prevalence": (
        "measure the prevalence of modern slavery in migration",
    ),
    "initiative:conflict-evidence-base": ("evidence base",),
    "initiative:migration-knowledge-stocktake": ("take stock of existing knowledge",),
    "initiative:migration-strategic-work-plan": ("strategic work plan",),
    "initiative:g20-joint-report-supply-chains": ("joint report",),
    "initiative:g20-employment-ministers-declaration-2017": (
        "G20 employment ministers' declaration",
    ),
    "initiative:supply-chains-priority-tool": ("developing a tool",),
    "initiative:supply-chains-good-practice": ("compilation of good practice",),
    "initiative:regional-consultations-2017": ("regional consultations", "regional consultation"),
    "initiative:operational-guidelines": ("Operational Guidelines",),
    "initiative:member-registration": ("registering members",),
    "initiative:membership-options-paper": ("options paper",),
    "initiative:alliance-web-portal": ("website", "web portal"),
    "initiative:alliance-country-coordination": ("country coordination",),
    "initiative:high-level-work-plan-2018": ("High-Level Work Plan",),
    "initiative:alliance-outcome-report": ("Outcome Report",),
    "initiative:buenos-aires-declaration-follow-up": ("Buenos Aires Declaration",),
    "initiative:call-to-action-forced-labour": ("Call to Action",),
    "initiative:global-conference-pledges": ("pledges",),
    "initiative:parliamentarians-without-borders": ("Parliamentarians Without Borders",),
    "initiative:alliance-against-trafficking-in-persons": (
        "Alliance against Trafficking in Persons",
    ),
    "initiative:alliance-8-7-platform": ("Alliance 8.7",),
    "initiative:icat-coordination": ("ICAT",),
    "initiative:osce-special-representative": ("OSCE Special Representative",),
    "initiative:global-compact-on-migration": ("Global Compact on Migration",),
    "initiative:sdg-5-2-partnership": ("partnership around SDG 5.2",),
    "commitment:register-members": ("registering members",),
    "commitment:membership-options-paper": ("options paper",),
    "commitment:detailed-outcome-report": ("more detailed version",),
    "commitment:high-level-work-plan-2018": ("High-Level Work Plan 2018",),
    "commitment:gcg-regular-meetings": ("regular meetings",),
    "commitment:support-global-conference-pledges": ("supporting those who made pledges",),
    "indicator:sdg-8-7-1": ("common numbers to measure progress",),
    "indicator:modern-slavery-prevalence": ("common numbers to measure progress",),
    "indicator:forced-labour-prevalence": ("common numbers to measure progress",),
    "source:regional-consultations-outcome-reports-2017": ("Outcome reports",),
    "organization:united-nations": ("United Nations", "UN processes"),
    "region:osce-area": ("OSCE",),
    "theme:forced-labour": ("forced labour",),
    "theme:modern-slavery": ("modern slavery",),
    "theme:human-trafficking": ("human trafficking", "Trafficking in Persons"),
    "theme:child-labour": ("child labour",),
    "theme:migration": ("migration",),
    "theme:conflict-humanitarian-settings": ("conflict", "humanitarian"),
    "theme:supply-chains": ("supply chains", "supply chain"),
    "theme:rural-development": ("rural development",),
    "theme:gender": ("gender",),
    "theme:education": ("education",),
    "theme:evidence-and-research": ("evidence", "research", "good practice"),
    "theme:accountability": ("accountability", "measure progress", "progress towards Target 8.7"),
    "theme:civil-society-voice": ("hearing civil society", "civil society"),
    # The Alliance is named for the target and exists to achieve it (1. Introduction): what
    # a section reports as the Alliance's work is work towards it.
    "sdg-target:8.7": ("Target 8.7", "SDG 8.7", "Alliance 8.7"),
    "sdg-target:5.2": ("SDG 5.2",),
    "sdg:4": ("SDG 4",),
    # The world, where the report says so; "global" alone is no scope (the Global
    # Estimates, the Global March), and an open scope is not the world.
    "region:world": (
        "around the world",
        "across the world",
        "globally",
        "global supply chains",
        "international community",
    ),
    "region:ilo-europe-and-central-asia": ("Europe and Central Asia",),
    "country:ARG": ("Argentina", "Buenos Aires"),
    "country:AUS": ("Australia",),
    "country:PER": ("Peru",),
    "country:ITA": ("Italy",),
    "country:KHM": ("Cambodia",),
    "country:DEU": ("Germany", "Berlin"),
    "country:HUN": ("Budapest",),
    "country:USA": ("US governments", "New York"),
    "country:GBR": ("UK",),
}


@cache
def sections() -> dict[str, str]:
    """The report's text by the section the seed cites it by."""
    text = REPORT.read_text(encoding="utf-8")
    found: dict[str, list[str]] = {"Title page": []}
    current: str | None = "Title page"
    for line in text.splitlines():
        match = _HEADING.match(line.strip())
        if match:
            heading = match.group(1).strip().strip("*").strip()
            if heading in HEADINGS:
                current = HEADINGS[heading]
                if current is not None:
                    found.setdefault(current, []).append(heading)
                continue
        if current is not None:
            found[current].append(line)
    return {name: "\n".join(lines) for name, lines in found.items()}


def words(text: str) -> str:
    """Text as plain words between spaces, so a phrase matches only whole words."""
    return f" {plain(text)} "


def names_of(node: MapRecord) -> list[str]:
    """What a record may be called: its name, acronym, aliases and the report's words."""
    aliases = [a.split(":", 1)[1] for a in node.props.get("aliases") or []]
    given = [node.props.get("name"), node.props.get("acronym"), node.props.get("title")]
    return [n for n in [*given, *aliases, *REPORT_WORDS.get(node.id, ())] if n]


def mentions(section: str, node: MapRecord) -> bool:
    """Whether the section names the record."""
    text = words(sections()[section])
    return any(words(name) in text for name in names_of(node))


def quotes(section: str, reasoning: str, length: int = 3) -> bool:
    """Whether the reasoning takes at least `length` words in a row from the section: an
    inference names what it is inferred from, in the section's own words."""
    said = plain(reasoning).split()
    text = words(sections()[section])
    runs = (" ".join(said[i : i + length]) for i in range(len(said) - length + 1))
    return any(f" {run} " in text for run in runs)
