package lab.yujian.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StompDispatcherTest {

    @Test
    void findsTheStampInAYujianDataBody() {
        String body = "{\"type\":\"DATA\",\"channel\":\"collaboration.bench\",\"payload\":" + YujianDialect.payload("u", 42, 987654321L, "t", "")
                + ",\"sequence\":9}";
        ByteBuf buf = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);

        int at = StompDispatcher.indexOf(buf, 0, buf.writerIndex(), "\"bseq\":".getBytes());

        assertThat(StompDispatcher.digits(buf, at + 7, buf.writerIndex())).isEqualTo(42);
        assertThat(StompDispatcher.number(buf, 0, buf.writerIndex(), ",\"bt\":".getBytes())).isEqualTo(987654321L);
    }

    @Test
    void readsNoNumberWhereThereIsNone() {
        ByteBuf buf = Unpooled.copiedBuffer("{\"type\":\"PONG\"}", StandardCharsets.UTF_8);

        assertThat(StompDispatcher.number(buf, 0, buf.writerIndex(), "\"clientTimestamp\":".getBytes())).isEqualTo(-1);
    }
}
