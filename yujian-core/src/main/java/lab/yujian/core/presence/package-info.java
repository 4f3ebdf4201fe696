/**
 * Lab presence, kept per user and aggregated over all of that user's sessions. Each session holds a
 * lease with a time to live, renewed by its node, so the sessions of a node that died expire by
 * themselves.
 */
package lab.yujian.core.presence;
