// A local Neo4j Community server for machines without a Docker engine.
//
// Runs the Neo4j DBMS embedded in this JVM with its Bolt connector on, so the
// service and the tests talk to it over Bolt exactly as they would to a
// standalone server. Started by `a87map neo4j start` (service/localdb/server.py),
// launched in Java's single-file source mode with the jars Maven resolved.
//
// Arguments: <home directory> <bolt host> <bolt port> <page cache size> <password statement file>
//            [<plugin folder>: Graph Data Science's jars, whose gds.* procedures may then run]
// Environment: NEO4J_PASSWORD, the password the `neo4j` user gets.
// Prints "READY" on stdout once Bolt accepts connections.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class Neo4jLocal {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("NEO4J_PASSWORD must be set to at least 8 characters");
            System.exit(2);
        }
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (args.length > 5) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(args[5]))
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"));
        }
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                // No keep-alive messages during requests, so no receive-timeout hint: with
                // one, the Python driver waits on every socket read under a timer of its
                // own, about a tenth of a small read's cost in the service.
                .setConfig(BoltConnector.connection_keep_alive_type, BoltConnector.KeepAliveRequestType.OFF)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(args[3]))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
        setPassword(dbms, password, statement(Path.of(args[4])));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }

    // The statement lives in cypher/ with every other; its header comment is dropped here.
    private static String statement(Path file) throws java.io.IOException {
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (!line.strip().startsWith("//")) {
                body.append(line).append('\n');
            }
        }
        return body.toString();
    }

    // Embedded calls bypass authentication, so the configured password always
    // wins, also over one set by an earlier run with another configuration.
    private static void setPassword(DatabaseManagementService dbms, String password, String statement) {
        try {
            dbms.database("system").executeTransactionally(statement, Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one already set.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }
}
