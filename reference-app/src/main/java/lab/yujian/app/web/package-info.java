/**
 * HTTP plumbing of the app: security, the protocol's error shape for every REST refusal, and the
 * single-page app's routes.
 */
package lab.yujian.app.web;
