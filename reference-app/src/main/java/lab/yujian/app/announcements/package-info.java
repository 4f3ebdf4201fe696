/**
 * Lab announcements: stored before they are acknowledged, broadcast on {@code announcements}, and
 * expired by time or by hand. Every publish, REST or STOMP, goes through one hook that stores it.
 */
package lab.yujian.app.announcements;
