"""Naming organizations the way 3W tables and IATI files do, by name (and IATI by
organization identifier), and finding them on the map: the same name or acronym, with case,
accents and punctuation ignored, is the same organization, in any script. One not on the
map is added as a new record, of type "unknown" where the file gives none; its id is its
name in Latin letters, and two different names whose ids would be the same are refused,
never merged. A name matches automatically only by what the map holds as a record's own
names (its name, acronym and aliases, and those of records merged into it) or by its IATI
identifier; each such match is kept with its reason for the import report
(service/interchange/identity.py queues the look-alikes)."""

from dataclasses import dataclass, field
from typing import Any

from service.editing.duplicates import KnownOrganization, acronym_key
from service.interchange.rows import Row
from service.model.fields import plain
from service.model.kinds import alias_parts, slug
from service.model.values import OrganizationType


@dataclass(frozen=True)
class Matched:
    """A name in a file matched to an organization on the map, and why."""

    written: str
    id: str
    reason: str
    file: str
    row: str


@dataclass
class OrganizationIndex:
    """Organizations on the map, by plain name and acronym, and those a file adds."""

    known: list[KnownOrganization]
    new: dict[str, Row] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_name: dict[str, str] = {}
        # Who holds each id, in words, to name both sides of a clash.
        self._holders: dict[str, str] = {org.id: f"'{org.name}' (on the map)" for org in self.known}
        # Acronyms without their dots and spaces too: O.I.T. is OIT.
        self._by_acronym: dict[str, str] = {}
        # IATI organisation identifiers, matched before any name.
        self._by_ref: dict[str, str] = {o.iati_ref: o.id for o in self.known if o.iati_ref}
        self._refs: dict[str, str] = {o.id: o.iati_ref for o in self.known if o.iati_ref}
        # Why each name and acronym of the map's records matches: the import report says.
        self._why: dict[tuple[str, str], str] = {}
        self.matched: dict[tuple[str, str], Matched] = {}
        for org in self.known:
            names = [("name", org.name), ("acronym", org.acronym)]
            names += [("alias", a) for a in org.aliases]
            for what, name in names:
                if name:
                    self._add_known(org, what, name)

    def _add_known(self, org: KnownOrganization, what: str, name: str) -> None:
        written = alias_parts(name)[1] if what == "alias" else name
        said = f"its {what} '{name}'"
        if self._by_name.setdefault(plain(written), org.id) == org.id:
            self._why.setdefault(("n", plain(written)), said)
        if what != "name" and self._by_acronym.setdefault(acronym_key(written), org.id) == org.id:
            self._why.setdefault(("a", acronym_key(written)), said)

    def _note_match(self, name: str, found: str, origin: Row, ref: str | None) -> None:
        """Keeps why `name` matched a record on the map, once per name and record."""
        if found in self.new or (name, found) in self.matched:
            return
        if ref and self._by_ref.get(ref) == found:
            why = f"the same IATI identifier {ref}"
        else:
            why = self._why.get(("n", plain(name))) or self._why.get(
                ("a", acronym_key(name)), "its name"
            )
        self.matched[(name, found)] = Matched(name.strip(), found, why, origin.file, origin.where)

    def _goes_by(self, acronym: str, node_id: str) -> None:
        """Names written as this acronym are this organization, unless one already is."""
        self._by_name.setdefault(plain(acronym), node_id)
        self._by_acronym.setdefault(acronym_key(acronym), node_id)

    def known_ref(self, ref: str | None) -> str | None:
        """The id of the organization with this IATI identifier, on the map or in the file."""
        return self._by_ref.get(ref) if ref else None

    def find(self, name: str, ref: str | None = None) -> str | None:
        """The id `resolve` would give, if the organization is known; None (and nothing
        added) if it is not."""
        if ref and ref in self._by_ref:
            return self._by_ref[ref]
        found = self._named(name, None)
        return found if found and not (ref and self._refs.get(found, ref) != ref) else None

    def _named(self, name: str, acronym: str | None) -> str | None:
        return (
            self._by_name.get(plain(name))
            or self._by_acronym.get(acronym_key(name))
            or (self._by_name.get(plain(acronym)) if acronym else None)
            or (self._by_acronym.get(acronym_key(acronym)) if acronym else None)
        )

    def added_after(self, mark: int) -> list[Row]:
        """The organizations added since `mark`, the count of `new` a reader began with."""
        return list(self.new.values())[mark:]

    def resolve(
        self,
        name: str,
        type_text: str | None,  # the map's type for it, when the file gives one
        origin: Row,
        values: dict[str, Any],
        field_name: str = "#org",
        ref: str | None = None,
        acronym: str | None = None,
    ) -> str:
        """The id of the organization `name` names: on the map, new in this file, or, added
        now as a new record row (its type from `type_text`; a missing type is reported when
        the rows are checked)."""
        if ref and ref in self._by_ref:
            self._note_match(name, self._by_ref[ref], origin, ref)
            return self._by_ref[ref]
        found = self._named(name, acronym)
        if found and not (ref and self._refs.get(found, ref) != ref):
            if acronym:  # another acronym it goes by: a lead written so is the same
                self._goes_by(acronym, found)
            self._note_match(name, found, origin, None)
            return found
        # A name the map has under another IATI identifier is another organization.
        key = f"{name} {ref}" if found else name
        node_id = f"organization:{slug(key)}"
        holder = self._holders.get(node_id)
        if holder is not None:
            # Two different names would share one record: say so, never merge them.
            origin.issues.append(
                (
                    field_name,
                    f"'{name.strip()}' would get the id {node_id}, which {holder} already has; "
                    "they are different names, so they are not merged: add one of them to "
                    "the map first with a key of its own",
                )
            )
            return node_id
        if node_id not in self.new:
            kind = type_text or OrganizationType.UNKNOWN.value
            self.new[node_id] = Row(
                origin.file,
                origin.where,
                "organization",
                {
                    "id": node_id,
                    "name": name.strip(),
                    "acronym": acronym,
                    "type": kind,
                    "iati_ref": ref,
                    **values,
                },
            )
            if acronym:
                self._goes_by(acronym, node_id)
            if ref:
                self._by_ref[ref] = node_id
                self._refs[node_id] = ref
            self._by_name[plain(name)] = node_id
            self._holders[node_id] = f"'{name.strip()}' ({origin.file}, {origin.where})"
        return node_id
