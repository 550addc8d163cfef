// An in-process Neo4j (the Maven test harness) for pledgegraph's tests.
//
//   java -cp target/classes:target/lib/* Launcher [PORT [DATA_DIR [IMPORT_DIR]]]
//
// Bolt listens on 127.0.0.1 only. PORT 0 (the default) lets the OS pick a free port at bind time,
// so parallel test runs never race for one; the real port is in the READY line. Auth and the
// HTTP/HTTPS connectors are off: the tests speak Bolt to a throwaway database. Data goes under
// DATA_DIR (default: a temp dir the harness deletes on close). With IMPORT_DIR, LOAD CSV may read
// file:/// URLs, resolved inside IMPORT_DIR (what a server's import directory does), so tests can
// load CSV exports the way a user without neo4j-admin would; without it, file URLs are refused.
//
// Stdout carries exactly one line, "READY bolt://127.0.0.1:PORT", printed once Bolt accepts
// connections. The server stops cleanly when stdin reaches end of file (the parent closed it or
// died, so a crashed test run never leaves a JVM behind) or on SIGTERM (via the shutdown hook).
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

public final class Launcher {
    /** Test graphs are tiny; a fixed small page cache keeps the JVM's footprint predictable. */
    private static final long PAGE_CACHE_BYTES = 64L << 20;

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Neo4jBuilder builder = args.length > 1
                ? Neo4jBuilders.newInProcessBuilder(Path.of(args[1]))
                : Neo4jBuilders.newInProcessBuilder();
        if (args.length > 2) {
            builder = builder
                    .withConfig(GraphDatabaseSettings.allow_file_urls, true)
                    .withConfig(GraphDatabaseSettings.load_csv_file_url_root, Path.of(args[2]).toAbsolutePath());
        } else {
            builder = builder.withConfig(GraphDatabaseSettings.allow_file_urls, false);
        }
        Neo4j neo4j = builder
                .withDisabledServer()
                .withConfig(HttpConnector.enabled, false)
                .withConfig(HttpsConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                .withConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE_BYTES)
                // Netty's default quiet period holds every shutdown for ~10 s; nobody is listening.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "neo4j-shutdown"));
        System.out.println("READY bolt://127.0.0.1:" + neo4j.boltURI().getPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // Block until the parent closes our stdin; input bytes themselves mean nothing.
        }
        System.exit(0); // runs the shutdown hook, which closes the database
    }
}
