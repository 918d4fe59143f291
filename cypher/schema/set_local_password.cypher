// Gives the local server's `neo4j` user the configured password (run on the system
// database by service/localdb/Neo4jLocal.java, where embedded calls bypass auth).
// Parameters: $password
// Returns: nothing
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
