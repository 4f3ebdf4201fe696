/**
 * ArchUnit rules for the core, run as unit tests: no framework, only {@code Redis*} classes touch Redis,
 * no package cycles (the API root included, with {@code HubBuilder} creating {@code DefaultHub} as the one
 * allowed edge into {@code .internal}), stores independent of the hub, and time only from the injected
 * clock. Test sources only; rules shared with other modules live in {@code lab.yujian.core.testing}.
 */
package lab.yujian.core.architecture;
