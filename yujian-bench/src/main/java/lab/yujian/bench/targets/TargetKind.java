package lab.yujian.bench.targets;

import java.util.Arrays;

/**
 * The servers the bench compares, by the name {@code --targets} takes. Ratios are taken against
 * {@link #STOCK}. To add one: add a constant here, a {@link Target} that starts it and returns every node's
 * endpoint and process from {@link Target#start}, and a case in {@link Target#of}. The generator spreads
 * sessions over the endpoints, and CPU and memory are summed over the processes.
 */
public enum TargetKind {

    STOCK("stock", "Spring simple broker"),
    RELAY("relay", "Spring relay to RabbitMQ"),
    YUJIAN("yujian", "Yu Jian embedded"),
    CLUSTER_1("yujian-cluster-1", "Yu Jian cluster, 1 node"),
    CLUSTER_2("yujian-cluster-2", "Yu Jian cluster, 2 nodes");

    private final String id;
    private final String title;

    TargetKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static TargetKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("--targets: unknown target '" + id + "'; known: "
                        + Arrays.stream(values()).map(TargetKind::id).collect(java.util.stream.Collectors.joining(", "))));
    }
}
