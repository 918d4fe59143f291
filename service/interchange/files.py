"""One way in for imports, whatever the format: uploaded files are read into rows (the
format named, or guessed from the file: `.json` is the map's JSON, `.xml` an IATI file,
`.xlsx` or `.ods` a 3W sheet, and a `.csv` with a row of hashtags or of 3W headings a 3W
sheet, else the map's CSV), then checked and written. A 3W or IATI file imported without a source
becomes its own: a source named for the file, which every fact it brings cites."""

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from functools import partial
from pathlib import PurePath

from service.db.driver import Database
from service.domain import directory
from service.editing.identity import known_organizations
from service.editing.keys import Editor
from service.errors import ImportInvalid, Problem
from service.interchange import hxl, iati, identity, native
from service.interchange.apply import ImportReport, Progress, import_rows
from service.interchange.hxl import Citing, SheetOptions
from service.interchange.identity import Identity
from service.interchange.organizations import OrganizationIndex
from service.interchange.rows import Row, decode
from service.interchange.sheets import is_workbook, looks_like_3w
from service.interchange.vocabulary import Vocabulary
from service.model.fields import plain
from service.model.kinds import slug
from service.scoring.identity import Profile

IMPORT_FORMATS = ("csv", "json", "hxl", "iati")


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def guess_format(upload: Upload, vocabulary: Vocabulary) -> str:
    suffix = PurePath(upload.name).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".xml":
        return "iati"
    if is_workbook(upload.name):
        return "hxl"
    if suffix == ".csv":
        return "hxl" if looks_like_3w(upload.name, _text(upload), vocabulary) else "csv"
    reason = "name it .csv, .xlsx, .ods, .json or .xml, or give the format"
    raise ImportInvalid([Problem(upload.name, None, None, reason)])


async def import_files(
    db: Database,
    editor: Editor,
    uploads: list[Upload],
    batch_size: int,
    *,
    vocabulary: Vocabulary,
    file_format: str | None = None,
    citing: Citing | None = None,
    options: SheetOptions | None = None,
    progress: Progress | None = None,
    dry_run: bool = False,
    pause_s: float = 0.0,
    ticket: str | None = None,
) -> ImportReport:
    """Reads every file, checks them together and writes them, all or nothing; with
    `dry_run`, reports what it would write and writes nothing."""
    if file_format is not None and file_format not in IMPORT_FORMATS:
        raise ImportInvalid(
            [Problem("(format)", None, None, f"formats are {', '.join(IMPORT_FORMATS)}")]
        )
    rows: list[Row] = []
    # Looked up once per import, so files read together share the organizations they add.
    lookups: Lookups | None = None
    for upload in uploads:
        chosen = file_format or guess_format(upload, vocabulary)
        if chosen == "csv":
            rows += native.read_csv(upload.name, _text(upload))
        elif chosen == "json":
            rows += native.read_json(upload.name, _text(upload))
        else:
            lookups = lookups or await _lookups(db, vocabulary)
            cited = citing or _own_source(upload, rows)
            rows += _read_field_file(upload, chosen, cited, lookups, options)
    # For 3W and IATI files, the organizations on the map are read while the rows are
    # checked, and what the files say of identity is worked out while they are written
    # (import_rows' `alongside`).
    known = asyncio.ensure_future(identity.known_profiles(db)) if lookups else None
    try:
        return await import_rows(
            db,
            editor,
            rows,
            batch_size,
            progress,
            dry_run=dry_run,
            pause_s=pause_s,
            ticket=ticket,
            alongside=partial(_review, known, rows, lookups.organizations)
            if known and lookups
            else None,
        )
    finally:
        if known:
            known.cancel()


async def _review(
    known: Awaitable[dict[str, Profile]], rows: list[Row], organizations: OrganizationIndex
) -> Identity:
    """The identity review, in a thread. The organizations this import adds are left out
    of those on the map: the read may come after its first batches went in."""
    on_map = {k: v for k, v in (await known).items() if k not in organizations.new}
    return await asyncio.to_thread(identity.review, rows, organizations, on_map)


@dataclass(frozen=True)
class Lookups:
    """What 3W and IATI files are read against: the organizations on the map (and those the
    import adds), the themes by name, and the field's words."""

    organizations: OrganizationIndex
    themes: dict[str, str]
    vocabulary: Vocabulary


async def _lookups(db: Database, vocabulary: Vocabulary) -> Lookups:
    known = await known_organizations(db)
    return Lookups(OrganizationIndex(known), await _themes(db), vocabulary)


def _own_source(upload: Upload, rows: list[Row]) -> Citing:
    """A file imported without a source is its own: a source record named for the file
    (added to `rows`), which its facts cite with the sheet and row they come from."""
    source_id = f"source:{slug(upload.name)}"
    rows.append(Row(upload.name, "(the file)", "source", {"id": source_id, "title": upload.name}))
    return Citing(source_id)


def _read_field_file(
    upload: Upload, file_format: str, citing: Citing, lookups: Lookups, options: SheetOptions | None
) -> list[Row]:
    """A 3W sheet or an IATI file, whose organizations and themes are named, not ids."""
    orgs, themes = lookups.organizations, lookups.themes
    if file_format == "hxl":
        rows = hxl.read_3w(
            upload.name, upload.data, citing, orgs, themes, lookups.vocabulary, options
        )
    else:
        rows = iati.read_activities(
            upload.name, upload.data, citing, orgs, themes, lookups.vocabulary
        )
    if not any(row.kind == "initiative" for row in rows):
        raise ImportInvalid(_nothing_read(upload.name, rows))
    return rows


def _nothing_read(name: str, rows: list[Row]) -> list[Problem]:
    """Why a file is refused whole: not one activity in it could be read. A bad value
    elsewhere only costs its row, so this is the one case a file's contents refuse it; each
    row left out is named with its reason (the first hundred of them)."""
    skipped = [row.problem(f, reason) for row in rows for f, reason in row.skipped]
    why = f"each part left out is listed ({len(skipped)})" if skipped else "it holds none"
    reason = f"nothing in it can be read: no activity goes in; {why}"
    return [Problem(name, None, None, reason), *skipped[:100]]


async def _themes(db: Database) -> dict[str, str]:
    """Each theme's id by its plain name and by its key."""
    found = {}
    for theme in await directory.themes(db):
        found[plain(theme.name)] = theme.id
        found[plain(theme.id.split(":", 1)[1])] = theme.id
    return found


def _text(upload: Upload) -> str:
    return decode(upload.name, upload.data)
