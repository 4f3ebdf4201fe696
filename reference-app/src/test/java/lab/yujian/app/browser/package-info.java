/**
 * Browser tests of the dashboard in real Chromium (Debian's package, driven by Selenium and
 * ChromeDriver), against the app running in this JVM, restarted in place when a test asks.
 */
package lab.yujian.app.browser;
