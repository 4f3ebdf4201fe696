/**
 * Lab devices with API keys: a badge reader checks people in and out, a lab service reports its health.
 * Keys are random, shown once, and stored only as SHA-256 hashes.
 */
package lab.yujian.app.devices;
