/**
 * Users, roles and login: the user table, password hashing, token issuing (HS256, the same key the
 * adapter verifies), the session cookie, and the first admin.
 */
package lab.yujian.app.auth;
