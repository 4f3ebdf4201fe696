/**
 * A load-generator process: sessions on a small Netty event-loop group, a publisher that stamps each
 * message, a pinger, and the counts and histograms they record, driven line by line by the bench.
 */
package lab.yujian.bench.agent;
