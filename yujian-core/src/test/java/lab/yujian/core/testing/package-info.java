/**
 * Test helpers shared with other modules through the core's test-jar: a clock that tests move by hand, a
 * transport that records what the hub sends, a scheduler whose tasks tests run themselves, and history and
 * presence stores that can be taken down to test outages.
 */
package lab.yujian.core.testing;
