/**
 * The servers under test and how each is started fresh: the stock Spring app (simple broker or RabbitMQ
 * relay) and the Yu Jian reference app. {@link lab.yujian.bench.targets.TargetKind} is where more join.
 */
package lab.yujian.bench.targets;
