"""A local Neo4j Community server for machines without a Docker engine.

`server.py` fetches Neo4j's jars from Maven Central with Maven (cached outside the
project), starts `Neo4jLocal.java` in the background with Bolt on 127.0.0.1, and stops it.
"""
