"""One way in for imports, whatever the format: uploaded files are read into rows (the
format named, or guessed from the file: `.json` is the map's JSON, `.xml` an IATI file, and a
`.csv` with a row of hashtags a 3W table, else the map's CSV), then checked and written."""

from dataclasses import dataclass
from pathlib import PurePath

from service.db.driver import Database
from service.domain import directory
from service.editing.duplicates import KnownOrganization
from service.editing.keys import Editor
from service.errors import ImportInvalid, Problem
from service.interchange import hxl, iati, native
from service.interchange.apply import ImportReport, Progress, import_rows
from service.interchange.hxl import Citing
from service.interchange.organizations import OrganizationIndex
from service.interchange.rows import Row
from service.model.fields import plain

IMPORT_FORMATS = ("csv", "json", "hxl", "iati")


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def guess_format(upload: Upload) -> str:
    suffix = PurePath(upload.name).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".xml":
        return "iati"
    if suffix == ".csv":
        return "hxl" if hxl.is_hxl(upload.name, _text(upload)) else "csv"
    raise ImportInvalid(
        [Problem(upload.name, None, None, "name it .csv, .json or .xml, or give the format")]
    )


async def import_files(
    db: Database,
    editor: Editor,
    uploads: list[Upload],
    batch_size: int,
    *,
    file_format: str | None = None,
    citing: Citing | None = None,
    progress: Progress | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Reads every file, checks them together and writes them in one transaction; with
    `dry_run`, reports what it would write and writes nothing."""
    if file_format is not None and file_format not in IMPORT_FORMATS:
        raise ImportInvalid(
            [Problem("(format)", None, None, f"formats are {', '.join(IMPORT_FORMATS)}")]
        )
    rows: list[Row] = []
    # Looked up once per import, so files read together share the organizations they add.
    lookups: Lookups | None = None
    for upload in uploads:
        chosen = file_format or guess_format(upload)
        if chosen == "csv":
            rows += native.read_csv(upload.name, _text(upload))
        elif chosen == "json":
            rows += native.read_json(upload.name, _text(upload))
        else:
            lookups = lookups or await _lookups(db)
            rows += _read_field_file(upload, chosen, _citing(upload, citing), lookups)
    return await import_rows(db, editor, rows, batch_size, progress, dry_run=dry_run)


@dataclass(frozen=True)
class Lookups:
    """What 3W and IATI files are read against: the organizations on the map (and those the
    import adds) and the themes by name."""

    organizations: OrganizationIndex
    themes: dict[str, str]


async def _lookups(db: Database) -> Lookups:
    known = [KnownOrganization(**row) for row in await db.read("edits/organization_names")]
    return Lookups(OrganizationIndex(known), await _themes(db))


def _citing(upload: Upload, citing: Citing | None) -> Citing:
    if citing is None:
        reason = "a 3W or IATI file needs the id of the source it is recorded under"
        raise ImportInvalid([Problem(upload.name, None, "source", reason)])
    return citing


def _read_field_file(
    upload: Upload, file_format: str, citing: Citing, lookups: Lookups
) -> list[Row]:
    """A 3W table or an IATI file, whose organizations and themes are named, not ids."""
    orgs, themes = lookups.organizations, lookups.themes
    if file_format == "hxl":
        return hxl.read_3w(upload.name, _text(upload), citing, orgs, themes)
    return iati.read_activities(upload.name, upload.data, citing, orgs, themes)


async def _themes(db: Database) -> dict[str, str]:
    """Each theme's id by its plain name and by its key."""
    found = {}
    for theme in await directory.themes(db):
        found[plain(theme.name)] = theme.id
        found[plain(theme.id.split(":", 1)[1])] = theme.id
    return found


def _text(upload: Upload) -> str:
    try:
        return upload.data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportInvalid(
            [Problem(upload.name, None, None, f"not UTF-8 text: {error.reason}")]
        ) from None
