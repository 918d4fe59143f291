"""The cluster deployment as written (deploy/cluster): never run where the project is
built (no Docker engine), so what can be checked without running it is: every service host
reaches Neo4j through the routing driver, every cluster member names all three as its
discovery endpoints and advertises its own name, the balancer spreads requests over every
service host, and the Neo4j image is the release line the project runs."""

import re
from pathlib import Path
from typing import Any

import yaml

from service.localdb.server import NEO4J_VERSION

CLUSTER = Path(__file__).resolve().parents[2] / "deploy" / "cluster"


def _compose() -> dict[str, Any]:
    found: dict[str, Any] = yaml.safe_load((CLUSTER / "docker-compose.yml").read_text())
    return found


def test_every_host_reads_through_the_routing_driver() -> None:
    services = _compose()["services"]
    hosts = [s for n, s in services.items() if n.startswith("api")]
    assert len(hosts) >= 2
    assert all(h["environment"]["NEO4J_URI"].startswith("neo4j://") for h in hosts)


def test_the_cluster_has_three_members_that_find_each_other() -> None:
    services = _compose()["services"]
    members = {n: s for n, s in services.items() if n.startswith("core")}
    assert len(members) == 3
    for name, member in members.items():
        environment = member["environment"]
        endpoints = environment["NEO4J_dbms_cluster_discovery_endpoints"].split(",")
        assert {e.split(":")[0] for e in endpoints} == set(members)
        assert environment["NEO4J_server_default__advertised__address"] == name
        assert environment["NEO4J_initial_dbms_default__primaries__count"] == "3"
        release = ".".join(NEO4J_VERSION.split(".")[:2])
        assert member["image"] == f"neo4j:{release}-enterprise"


def test_the_balancer_spreads_over_every_host() -> None:
    hosts = {n for n in _compose()["services"] if n.startswith("api")}
    upstream = re.findall(r"server (\w+):8000;", (CLUSTER / "nginx.conf").read_text())
    assert set(upstream) == hosts
