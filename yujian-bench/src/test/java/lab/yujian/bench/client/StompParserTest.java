package lab.yujian.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StompParserTest {

    private static final String BODY = "{\"bseq\":7,\"bt\":123456}";
    private static final String MESSAGE = "MESSAGE\ndestination:/topic/bench\nsubscription:c\ncontent-length:" + BODY.length()
            + "\n\n" + BODY + "\0";
    private static final String RECEIPT = "RECEIPT\nreceipt-id:c\n\n\0";

    private final List<String> frames = new ArrayList<>();
    private final StompParser parser = new StompParser(ByteBufAllocator.DEFAULT,
            f -> frames.add(f.command() + "|" + f.header("subscription") + "|" + f.header("receipt-id") + "|" + f.body()));

    @Test
    void parsesOneFrameInOneMessage() {
        feed(MESSAGE);

        assertThat(frames).containsExactly("MESSAGE|c|null|{\"bseq\":7,\"bt\":123456}");
        assertThat(parser.hasPartial()).isFalse();
    }

    @Test
    void parsesSeveralFramesInOneMessage() {
        feed(MESSAGE + RECEIPT + MESSAGE);

        assertThat(frames).hasSize(3).element(1).isEqualTo("RECEIPT|null|c|");
    }

    @Test
    void joinsAFrameSplitAcrossMessagesAtEveryPoint() {
        String stream = MESSAGE + "\n" + RECEIPT;
        for (int split = 1; split < stream.length(); split++) {
            frames.clear();
            feed(stream.substring(0, split));
            feed(stream.substring(split));
            assertThat(frames).as("split at %d", split).hasSize(2);
            assertThat(parser.hasPartial()).isFalse();
        }
    }

    @Test
    void takesAFrameOneByteAtATime() {
        for (char c : (MESSAGE + MESSAGE).toCharArray()) {
            feed(String.valueOf(c));
        }

        assertThat(frames).hasSize(2);
    }

    @Test
    void countsHeartBeatsBeforeAndBetweenFrames() {
        feed("\n\r\n" + MESSAGE + "\n\n" + RECEIPT + "\n");

        assertThat(frames).hasSize(2);
        assertThat(parser.heartbeats()).isEqualTo(5);
    }

    @Test
    void acceptsCrLfLineEndings() {
        feed("RECEIPT\r\nreceipt-id:c\r\n\r\n\0");

        assertThat(frames).containsExactly("RECEIPT|null|c|");
    }

    @Test
    void honoursContentLengthWhenTheBodyHoldsNul() {
        feed("MESSAGE\nsubscription:c\ncontent-length:3\n\na\0b\0" + RECEIPT);

        assertThat(frames).containsExactly("MESSAGE|c|null|a\0b", "RECEIPT|null|c|");
    }

    @Test
    void readsABodyWithoutContentLengthToTheNul() {
        feed("MESSAGE\nsubscription:r\n\n{\"type\":\"PONG\"}\0");

        assertThat(frames).containsExactly("MESSAGE|r|null|{\"type\":\"PONG\"}");
    }

    @Test
    void takesTheFirstOfRepeatedHeaders() {
        feed("MESSAGE\nsubscription:c\nsubscription:x\n\n\0");

        assertThat(frames).containsExactly("MESSAGE|c|null|");
    }

    @Test
    void unescapesHeaderValues() {
        assertThat(StompFrame.unescape("a\\cb\\nc\\\\")).isEqualTo("a:b\nc\\");
    }

    @Test
    void refusesABodyWithoutNulAfterItsContentLength() {
        assertThatThrownBy(() -> feed("MESSAGE\ncontent-length:1\n\nab\0")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void leavesTheCallersBufferAsItWas() {
        ByteBuf content = Unpooled.copiedBuffer(MESSAGE + "MESS", StandardCharsets.UTF_8);
        int before = content.readerIndex();

        parser.feed(content);

        assertThat(content.readerIndex()).isEqualTo(before);
        assertThat(parser.hasPartial()).isTrue();
        parser.release();
    }

    private void feed(String text) {
        ByteBuf content = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        parser.feed(content);
        content.release();
    }
}
