/**
 * JSON encoding and decoding of protocol messages. {@link lab.yujian.protocol.json.MessageCodec} answers
 * every malformed input with a {@link lab.yujian.protocol.ProtocolException} carrying the seed's error
 * code, never with a raw Jackson exception.
 */
package lab.yujian.protocol.json;
