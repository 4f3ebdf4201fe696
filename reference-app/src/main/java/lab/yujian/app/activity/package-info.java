/**
 * The activity feed: joins, leaves, check-ins and announcements, stored and broadcast on the
 * {@code activity} channel. Its {@code INITIAL_DATA} comes from the database, so it survives restarts.
 */
package lab.yujian.app.activity;
