/**
 * The hub's implementation. Not API: nothing outside {@code yujian-core} may use these types, and an
 * ArchUnit rule enforces it.
 */
package lab.yujian.core.internal;
