package warta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch 2.x node started from the jars Maven resolved, for Warta's development cluster.
 *
 * Usage: ClusterNode NAME HTTP_PORT TRANSPORT_PORT HOME SEED_HOSTS INITIAL_MANAGERS
 * (SEED_HOSTS and INITIAL_MANAGERS comma-separated). The node runs until the process is signalled.
 */
public final class ClusterNode extends Node {

    private static final Collection<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class);

    private ClusterNode(Environment environment) {
        super(environment, PLUGINS, true);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ClusterNode NAME HTTP_PORT TRANSPORT_PORT HOME SEED_HOSTS INITIAL_MANAGERS");
            System.exit(2);
        }
        String name = args[0];
        Path home = Path.of(args[3]).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Settings settings = Settings.builder()
            .put("cluster.name", "warta-dev")
            .put("node.name", name)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", args[1])
            .put("transport.port", args[2])
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            .putList("discovery.seed_hosts", List.of(args[4].split(",")))
            .putList("cluster.initial_cluster_manager_nodes", List.of(args[5].split(",")))
            .put("action.auto_create_index", "false")
            .build();
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, java.util.Map.of(), home.resolve("config"), () -> name);
        ClusterNode node = new ClusterNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("closing " + name + ": " + e);
            }
            stopped.countDown();
        }));
        node.start();
        System.out.println("node " + name + " started: http://127.0.0.1:" + args[1]);
        stopped.await();
    }
}
