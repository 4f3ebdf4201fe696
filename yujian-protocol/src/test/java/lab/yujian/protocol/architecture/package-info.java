/**
 * ArchUnit rules for the protocol, run as unit tests: the module holds plain data and depends on the JDK
 * and Jackson only, so clients and servers of any framework can share it. Test sources only.
 */
package lab.yujian.protocol.architecture;
