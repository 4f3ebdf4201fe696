/**
 * {@code --demo}: a few lab members with a known password and simulated lab life (check-ins, location
 * changes, activity), for trying the dashboard out. Never enabled unless asked for.
 */
package lab.yujian.app.demo;
