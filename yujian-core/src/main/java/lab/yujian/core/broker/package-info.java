/**
 * How publications reach every node: the {@link lab.yujian.core.broker.Broker} contract, the single-node
 * {@link lab.yujian.core.broker.InMemoryBroker}, and the {@link lab.yujian.core.broker.ClusterBroker},
 * a shared history plus a {@link lab.yujian.core.broker.Fanout} between nodes.
 */
package lab.yujian.core.broker;
