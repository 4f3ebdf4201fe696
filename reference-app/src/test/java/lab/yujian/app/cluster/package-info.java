/**
 * The deployment as shipped in {@code deploy/}, tested on loopback: the reference app's packaged jar run as
 * separate OS processes ({@link lab.yujian.app.cluster.NodeCluster}, {@link lab.yujian.app.cluster.AppNode})
 * behind real nginx with the shipped {@code nginx.conf} ({@link lab.yujian.app.cluster.Nginx}). Cluster-mode
 * tests start their nodes with this harness too. Every process started here is stopped when its test ends,
 * and by a shutdown hook if the test run itself is cut short.
 */
package lab.yujian.app.cluster;
