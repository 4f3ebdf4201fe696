/**
 * The Yu Jian wire protocol: the seed's JSON message types as records, channel names, error and close
 * codes. Everything here is plain data with no framework behind it, so that the core, the Spring adapter
 * and the generated TypeScript definitions share one source of truth.
 *
 * <p>Client-to-server messages are {@link lab.yujian.protocol.ClientMessage}s, server-to-client messages
 * are {@link lab.yujian.protocol.ServerMessage}s. A field is required unless its record component is
 * marked {@link lab.yujian.protocol.Nullable}.
 */
package lab.yujian.protocol;
