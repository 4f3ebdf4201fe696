/**
 * Per-channel message history with sequence numbers and epochs, for recovery after a reconnect.
 * Sequences are assigned by the store when it appends, so no separate counter can drift from history.
 */
package lab.yujian.core.history;
