"""The map's changes as an Atom feed (RFC 4287), which any feed reader follows: one entry
per change, newest first, each linking to the changed record's history on the page. The
feed is public, so it shows what anyone may read: no key names, no contact details."""

from datetime import UTC, datetime
from xml.etree import ElementTree

from service.editing.audit import AuditEvent

ATOM = "http://www.w3.org/2005/Atom"
ElementTree.register_namespace("", ATOM)


def atom_feed(events: list[AuditEvent], *, base_url: str, feed_url: str, title: str) -> bytes:
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", feed_url)
    _text(feed, "title", title)
    newest = max((e.at for e in events), default=None)
    _text(feed, "updated", _stamp(newest) if newest else _stamp(datetime.now(UTC).isoformat()))
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=feed_url)
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Alliance 8.7 stakeholder map")
    for event in sorted(events, key=lambda e: (e.at, e.id), reverse=True):
        _entry(feed, event.for_reader(reads_contact=False), base_url)
    return bytes(ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True))


def _entry(feed: ElementTree.Element, event: AuditEvent, base_url: str) -> None:
    entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "id", f"urn:uuid:{event.id}")
    _text(entry, "title", event.summary)
    _text(entry, "updated", _stamp(event.at))
    for target in event.targets:
        ElementTree.SubElement(
            entry, f"{{{ATOM}}}link", rel="related", href=f"{base_url}/?view=history&id={target}"
        )
    for target in event.targets:
        ElementTree.SubElement(entry, f"{{{ATOM}}}category", term=target.partition(":")[0])
    changed = ", ".join(event.changed_fields()) or "none"
    made_for = f" for {event.scope}" if event.scope else ""
    _text(
        entry,
        "summary",
        f"{event.action} by an {event.role} key{made_for}; records: {', '.join(event.targets)}; "
        f"fields changed: {changed}",
    )


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _stamp(at: str) -> str:
    """An RFC 3339 time, as Atom wants it (Neo4j may give nanoseconds and a zone name)."""
    moment = datetime.fromisoformat(at.split("[")[0])
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
