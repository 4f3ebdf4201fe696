/**
 * Test helpers shared with other modules through the core's test-jar: a clock that tests move by hand, a
 * transport that records what the hub sends, and a scheduler whose tasks tests run themselves.
 */
package lab.yujian.core.testing;
