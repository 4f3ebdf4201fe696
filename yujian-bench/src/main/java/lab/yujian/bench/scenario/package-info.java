/**
 * The scenarios (idle, fan-out, saturation, connect storm, slow consumers) and the bounded steps they are
 * made of: opening sessions, publishing at a rate and measuring a window, waiting for a backlog or quiet.
 */
package lab.yujian.bench.scenario;
