/**
 * Channel access control: which roles may subscribe to and publish on which channels. The policy is data
 * ({@link lab.yujian.core.acl.ChannelPolicy}), so it can be configured without code.
 */
package lab.yujian.core.acl;
