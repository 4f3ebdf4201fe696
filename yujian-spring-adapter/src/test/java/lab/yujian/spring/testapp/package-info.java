/** A bare application of the adapter for contract tests over real sockets. */
package lab.yujian.spring.testapp;
