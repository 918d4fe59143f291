"""Import and export over HTTP: POST /import (for keys only) takes files as a multipart
upload and answers with what was created, updated and left unchanged; GET /export (public,
like all reading) streams the map, or a filtered part, as JSON, CSV (zip), a 3W table or
GraphML. Refusals are `MapError`s, answered by the app's one handler as 401, 403, 400, 413
or 422 (with every problem listed), never as a 500."""

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Path, Query, UploadFile
from fastapi.responses import PlainTextResponse, StreamingResponse
from pydantic import BaseModel

from service.api.deps import DatabaseDep, EditorDep, SettingsDep
from service.domain import aggregates
from service.domain.filters import InitiativeFilter
from service.editing import holds, permissions
from service.errors import NotFound, TooLarge
from service.interchange.apply import ImportReport
from service.interchange.export import export_map
from service.interchange.files import Upload, import_files
from service.interchange.hxl import Citing, SheetOptions
from service.interchange.summaries import aggregate_table
from service.interchange.vocabulary import load_vocabulary
from service.interchange.writers import EXPORT_FORMATS, chunks, render
from service.model.values import OrganizationType

router = APIRouter(tags=["import and export"])
ExportFormat = Literal["json", "csv", "hxl", "graphml", "iati"]
# An import's ticket: chosen by the caller, such as a UUID.
TICKET = r"^[A-Za-z0-9-]{8,64}$"


@router.post("/import", tags=["import and export"], response_model=ImportReport)
async def import_map(
    who: EditorDep,
    db: DatabaseDep,
    settings: SettingsDep,
    files: Annotated[
        list[UploadFile],
        File(description="The map's CSV or JSON files, a 3W table, or IATI XML"),
    ],
    file_format: Annotated[
        str | None,
        Form(alias="format", description="csv, json, hxl or iati; else from each file"),
    ] = None,
    source: Annotated[str | None, Form(description="3W and IATI: the id of the source")] = None,
    section: Annotated[str | None, Form(description="3W and IATI: the section of it")] = None,
    country: Annotated[
        str | None, Form(description="A 3W sheet with no country column: the country it is about")
    ] = None,
    sheet: Annotated[
        str | None, Form(description="A workbook: the sheet to read (else the 3W one)")
    ] = None,
    dry_run: Annotated[
        bool,
        Query(alias="dryRun", description="Check and count everything, write nothing"),
    ] = False,
    ticket: Annotated[
        str | None,
        Query(
            pattern=TICKET,
            description="A random id the caller chooses, to follow the import's progress "
            "(GET /import/progress/{ticket}) and cancel it (DELETE) with the same key",
        ),
    ] = None,
) -> ImportReport:
    """Checks the files whole (a row the checks refuse is left out and listed), then writes
    the rest in batches, all of it or none (with
    `dryRun=true`, answers what it would write and writes nothing)."""
    permissions.may_import(who)  # before the files are read: a refused key learns nothing
    size = sum(f.size or 0 for f in files)
    if size > settings.import_max_bytes:
        raise TooLarge(
            f"the files come to {size:,} bytes; an HTTP import takes at most "
            f"{settings.import_max_bytes:,} (use `a87map import` for more)"
        )
    uploads = [Upload(f.filename or "upload", await f.read()) for f in files]
    citing = Citing(source, section) if source else None
    return await import_files(
        db,
        who,
        uploads,
        settings.load_batch_size,
        vocabulary=load_vocabulary(settings.seed_dir),
        file_format=file_format,
        citing=citing,
        options=SheetOptions(country, sheet),
        dry_run=dry_run,
        pause_s=settings.import_batch_pause_s,
        ticket=ticket,
    )


class ImportProgress(BaseModel):
    """How far an import has got: records and relationships written of those to write
    (null while its rows are still being checked), and whether it is final, being taken
    back, or asked to cancel."""

    written: int | None
    to_write: int | None
    done: bool
    undoing: bool
    cancel: bool


@router.get("/import/progress/{ticket}", response_model=ImportProgress)
async def import_progress(
    who: EditorDep, db: DatabaseDep, ticket: Annotated[str, Path(pattern=TICKET)]
) -> ImportProgress:
    """The progress of an import this key started with `ticket`. 404 while its rows are
    checked, once it has ended, and for another key's."""
    found = await holds.progress_of(db, who, ticket)
    if found is None:
        raise NotFound("no import of this key is being written under that ticket")
    return ImportProgress(**asdict(found))


@router.delete("/import/progress/{ticket}", status_code=202)
async def cancel_import(
    who: EditorDep, db: DatabaseDep, ticket: Annotated[str, Path(pattern=TICKET)]
) -> dict[str, str]:
    """Asks an import this key started with `ticket` to stop: at its next batch it stops
    and takes back everything it wrote, and its POST answers 409 CANCELLED."""
    if not await holds.cancel(db, who, ticket):
        raise NotFound("no import of this key is being written under that ticket")
    return {"status": "cancelling"}


@router.get("/export/aggregate", tags=["import and export"], response_class=PlainTextResponse)
async def export_aggregate(
    db: DatabaseDep,
    by: Annotated[list[str], Query(description="COUNTRY, ADMIN_AREA, REGION, THEME, ...")],
    file_format: Annotated[Literal["csv", "hxl"], Query(alias="format")] = "csv",
    theme: str | None = None,
    country: str | None = None,
    region: str | None = None,
    status: str | None = None,
    organization_type: Annotated[OrganizationType | None, Query(alias="organizationType")] = None,
) -> PlainTextResponse:
    """The GraphQL `aggregate` as a table to download: CSV, or HXL (hashtags under the
    headers), one column of money per currency. Public, as all reading is."""
    wanted = InitiativeFilter(
        theme=theme,
        country=country,
        region=region,
        status=status,
        organization_type=organization_type,
    )
    groups = await aggregates.aggregate(db, by, wanted)
    table = aggregate_table(by, groups, hxl=file_format == "hxl")
    name = "aggregate-" + "-".join(d.lower() for d in by) + ".csv"
    return PlainTextResponse(
        table,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/export", tags=["import and export"], response_class=StreamingResponse)
async def export(
    db: DatabaseDep,
    settings: SettingsDep,
    file_format: Annotated[ExportFormat, Query(alias="format")] = "json",
    theme: str | None = None,
    country: str | None = None,
    region: str | None = None,
) -> StreamingResponse:
    """The map, or the part around the initiatives on a theme or in a place. Public, as
    all reading is: it holds what GraphQL shows anyone, in files the field's tools read."""
    wanted = InitiativeFilter(theme=theme, country=country, region=region)
    exported = await export_map(db, wanted if theme or country or region else None)
    name, media_type = EXPORT_FORMATS[file_format]
    return StreamingResponse(
        chunks(render(exported, file_format, settings)),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
