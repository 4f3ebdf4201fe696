/**
 * The seed's channel payloads: what a {@code DATA} message carries on each channel. Timestamps are
 * ISO-8601 strings, as in the seed. Enum values travel in lower case.
 */
package lab.yujian.protocol.payload;
