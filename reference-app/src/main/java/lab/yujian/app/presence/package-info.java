/**
 * Presence over REST and the presence log: every change of a user's aggregated presence is kept, so the
 * dashboard can show who was in the lab when.
 */
package lab.yujian.app.presence;
