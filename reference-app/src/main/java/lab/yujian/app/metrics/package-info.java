/**
 * The {@code metrics} channel: this host's CPU, memory, disk and network from OSHI every few seconds,
 * with the health of the database and of lab services that devices report.
 */
package lab.yujian.app.metrics;
