/** The admin API: users and roles, live connections, and device keys. Every endpoint needs the admin role. */
package lab.yujian.app.admin;
