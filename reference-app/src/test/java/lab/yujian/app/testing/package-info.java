/** Test fixtures of the reference app: a running app on a random port and a small JSON HTTP client. */
package lab.yujian.app.testing;
