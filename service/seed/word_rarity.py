"""The word rarity overlap scoring uses (service/scoring/text.py), learnt from the seed's
curated texts: the name and description of every initiative, organization, action group,
theme and event (the texts overlap scoring compares are of that kind; the SDG targets'
wording would make the field's own words look rare). `make word-rarity` writes it again
after the seed's texts change; tests/unit/test_word_rarity.py fails until it is."""

from pathlib import Path

from service.model.ids import kind_of
from service.scoring import text
from service.seed.graph import SeedGraph
from service.seed.loader import prepare

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"
KINDS = {"initiative", "organization", "action-group", "theme", "event"}


def seed_texts(graph: SeedGraph) -> list[str]:
    return [
        f"{node.props.get('name', '')}. {node.props.get('description') or ''}"
        for node in sorted(graph.nodes, key=lambda n: n.id)
        if kind_of(node.id) in KINDS
    ]


def from_seed(seed_dir: Path = SEED_DIR) -> text.WordRarity:
    return text.learn_rarity(seed_texts(prepare(seed_dir)))


if __name__ == "__main__":
    text.RARITY_FILE.write_text(from_seed().as_json(), encoding="utf-8")
