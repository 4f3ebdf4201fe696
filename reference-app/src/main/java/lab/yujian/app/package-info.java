/**
 * The Yu Jian presence dashboard: the reference application of the Yu Jian hub. It adds what a lab needs
 * around the real-time core: users and login, announcements, the activity feed, host metrics, device
 * check-ins, an admin API, a presence log, and the built frontend at {@code /}.
 */
package lab.yujian.app;
