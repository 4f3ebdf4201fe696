/**
 * Build-time tools of the protocol module. They live in test sources so that their dependencies
 * (typescript-generator) never reach the module's users; the build runs them in
 * {@code process-test-classes}.
 */
package lab.yujian.protocol.tools;
