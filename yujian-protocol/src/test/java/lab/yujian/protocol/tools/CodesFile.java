package lab.yujian.protocol.tools;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import lab.yujian.protocol.Channel;
import lab.yujian.protocol.ChannelKind;
import lab.yujian.protocol.CloseCode;
import lab.yujian.protocol.ErrorCode;

/** Renders {@code codes.ts}: error codes, close codes and channel names from the Java enums. */
final class CodesFile {

    private CodesFile() {
    }

    static String render() {
        StringBuilder ts = new StringBuilder();
        ts.append("// Generated from yujian-protocol (ErrorCode, CloseCode, ChannelKind). Do not edit.\n\n");
        ts.append("/** Error codes whose request may succeed if retried later. */\n");
        ts.append(errorCodes("TEMPORARY_ERROR_CODES", ErrorCode::temporary));
        ts.append("/** Error codes that need a different request or new credentials. */\n");
        ts.append(errorCodes("PERMANENT_ERROR_CODES", code -> !code.temporary()));
        ts.append("/**\n * Close codes after which a client reconnects by itself. Unlike the seed, 1001 (a server going\n"
                + " * away) and 1011 (a transient server failure) are included: neither is the client's fault.\n */\n");
        ts.append(closeCodes("RECONNECT_CLOSE_CODES", CloseCode::reconnect));
        ts.append("/** Close codes after which a client stays disconnected until the user acts. */\n");
        ts.append(closeCodes("FINAL_CLOSE_CODES", code -> !code.reconnect()));
        ts.append("/** The seed's fixed channels; collaboration channels are COLLABORATION_PREFIX + documentId. */\n");
        ts.append("export const CHANNELS = {\n");
        for (Channel channel : new Channel[] {Channel.PRESENCE, Channel.METRICS, Channel.ACTIVITY, Channel.ANNOUNCEMENTS}) {
            ts.append("  ").append(channel.kind().toString()).append(": '").append(channel.name()).append("',\n");
        }
        ts.append("} as const;\n\n");
        ts.append("export const COLLABORATION_PREFIX = '").append(ChannelKind.COLLABORATION.prefix()).append(".';\n\n");
        ts.append("export type FixedChannel = (typeof CHANNELS)[keyof typeof CHANNELS];\n\n");
        ts.append("/** The seed's channel names. A server may declare others, with the channel-name syntax. */\n");
        ts.append("export type SeedChannelName = FixedChannel | `${typeof COLLABORATION_PREFIX}${string}`;\n");
        return ts.toString();
    }

    private static String errorCodes(String name, Predicate<ErrorCode> filter) {
        String body = Arrays.stream(ErrorCode.values()).filter(filter)
                .map(code -> "  " + code.name() + ": '" + code.name() + "',")
                .collect(Collectors.joining("\n"));
        return "export const " + name + " = {\n" + body + "\n} as const;\n\n";
    }

    private static String closeCodes(String name, Predicate<CloseCode> filter) {
        String body = Arrays.stream(CloseCode.values()).filter(filter)
                .map(code -> "  " + code.name() + ": " + code.code() + ",")
                .collect(Collectors.joining("\n"));
        return "export const " + name + " = {\n" + body + "\n} as const;\n\n";
    }
}
