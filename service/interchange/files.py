"""One way in for imports, whatever the format: uploaded files are read into rows (the
format named, or guessed from the file: `.json` is the map's JSON, `.xml` an IATI file, and a
`.csv` with a row of hashtags a 3W table, else the map's CSV), then checked and written."""

from dataclasses import dataclass
from pathlib import PurePath

from service.db import Database
from service.domain import directory
from service.editing.duplicates import KnownOrganization, plain
from service.editing.keys import Editor
from service.interchange import hxl, iati, native
from service.interchange.apply import ImportReport, Progress, import_rows
from service.interchange.hxl import Citing
from service.interchange.organizations import OrganizationIndex
from service.interchange.rows import ImportInvalid, Row
from service.seed.files import Problem

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
        return "hxl" if hxl.is_hxl(_text(upload)) else "csv"
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
) -> ImportReport:
    """Reads every file, checks them together and writes them in one transaction."""
    if file_format is not None and file_format not in IMPORT_FORMATS:
        raise ImportInvalid(
            [Problem("(format)", None, None, f"formats are {', '.join(IMPORT_FORMATS)}")]
        )
    rows: list[Row] = []
    for upload in uploads:
        rows += await _read(db, upload, file_format or guess_format(upload), citing)
    return await import_rows(db, editor, rows, batch_size, progress)


async def _read(db: Database, upload: Upload, file_format: str, citing: Citing | None) -> list[Row]:
    if file_format == "csv":
        return native.read_csv(upload.name, _text(upload))
    if file_format == "json":
        return native.read_json(upload.name, _text(upload))
    if citing is None:
        raise ImportInvalid(
            [
                Problem(
                    upload.name,
                    None,
                    "source",
                    "a 3W or IATI file needs the id of the source it is recorded under",
                )
            ]
        )
    known = [KnownOrganization(**row) for row in await db.read("edits/organization_names")]
    themes = await _themes(db)
    if file_format == "hxl":
        return hxl.read_3w(upload.name, _text(upload), citing, OrganizationIndex(known), themes)
    return iati.read_activities(upload.name, upload.data, citing, OrganizationIndex(known), themes)


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
