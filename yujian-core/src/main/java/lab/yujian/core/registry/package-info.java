/**
 * Who is connected to this node: sessions by client id, by user, the channels each session joined, and
 * subscription counts per channel. Every lookup is O(1); nothing on a hot path scans all sessions.
 */
package lab.yujian.core.registry;
