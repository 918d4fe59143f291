"""Overlap profiles for unit tests: an initiative with nothing recorded but what is given."""

from service.scoring.overlap import Profile


def profile(pid: str, text: str = "", **given: object) -> Profile:
    base: dict[str, object] = {
        "id": pid,
        "text": text,
        "places": frozenset(),
        "around": frozenset(),
        "themes": frozenset(),
        "targets": frozenset(),
        "organizations": frozenset(),
        "action_groups": frozenset(),
        "work": frozenset(),
        "start": None,
        "end": None,
    }
    return Profile(**{**base, **given})  # type: ignore[arg-type]
