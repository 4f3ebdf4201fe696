package lab.yujian.protocol.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import lab.yujian.protocol.BatchMessage;
import lab.yujian.protocol.DataMessage;
import lab.yujian.protocol.RecoveryFailure;
import lab.yujian.protocol.Sender;
import lab.yujian.protocol.SequenceRange;
import lab.yujian.protocol.SyncResponseMessage;
import org.junit.jupiter.api.Test;

class DataEncodingTest {

    private final MessageCodec codec = MessageCodec.create();
    private final Sender sender = new Sender("ada", "ws_n1_1");

    private byte[] data(long sequence, String text) {
        byte[] prefix = DataEncoding.prefix(codec, "activity", Map.of("message", text), sender, 1000 + sequence);
        return DataEncoding.complete(prefix, sequence, "ep-1");
    }

    @Test
    void aCompletedPrefixIsTheSameBytesTheCodecWritesForTheMessage() {
        byte[] data = data(12, "hello \"lab\"");
        DataMessage decoded = (DataMessage) codec.decodeServer(data);
        assertThat(decoded.sequence()).isEqualTo(12);
        assertThat(decoded.epoch()).isEqualTo("ep-1");
        assertThat(decoded.timestamp()).isEqualTo(1012);
        assertThat(decoded.sender()).isEqualTo(sender);
        assertThat(decoded.payload().get("message").asString()).isEqualTo("hello \"lab\"");
        assertThat(new String(codec.encode(decoded), UTF_8)).isEqualTo(new String(data, UTF_8));
    }

    @Test
    void thePositionIsReadBackFromTheEndOfTheBytes() {
        byte[] data = data(9_007_199_254L, "x");
        assertThat(DataEncoding.sequenceOf(data)).isEqualTo(9_007_199_254L);
        assertThat(DataEncoding.epochOf(data)).isEqualTo("ep-1");
        assertThatThrownBy(() -> DataEncoding.sequenceOf("{\"type\":\"PONG\"}".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchIsAssembledFromTheDataBytesInOrder() {
        byte[] batch = DataEncoding.batch(codec, "activity", List.of(data(1, "a"), data(2, "b"), data(3, "c")));
        BatchMessage decoded = (BatchMessage) codec.decodeServer(batch);
        assertThat(decoded.channel()).isEqualTo("activity");
        assertThat(decoded.messages()).extracting(DataMessage::sequence).containsExactly(1L, 2L, 3L);
        assertThat(((BatchMessage) codec.decodeServer(DataEncoding.batch(codec, "activity", List.of()))).messages())
                .isEmpty();
    }

    @Test
    void aSyncResponseCarriesTheDataBytesAndEveryOtherField() {
        SyncResponseMessage shell = new SyncResponseMessage("activity", List.of(), 5, "ep-1", false,
                RecoveryFailure.TRIMMED, new SequenceRange(2, 3), 77);
        SyncResponseMessage decoded = (SyncResponseMessage) codec.decodeServer(
                DataEncoding.syncResponse(codec, shell, List.of(data(4, "d"), data(5, "e"))));
        assertThat(decoded.messages()).extracting(DataMessage::sequence).containsExactly(4L, 5L);
        assertThat(decoded.currentSequence()).isEqualTo(5);
        assertThat(decoded.reason()).isEqualTo(RecoveryFailure.TRIMMED);
        assertThat(decoded.missing()).isEqualTo(new SequenceRange(2, 3));
        assertThat(decoded.timestamp()).isEqualTo(77);
    }

    @Test
    void anEpochThatWouldNeedEscapingIsRefused() {
        byte[] prefix = DataEncoding.prefix(codec, "activity", Map.of(), sender, 1);
        assertThatThrownBy(() -> DataEncoding.complete(prefix, 1, "a\"b")).hasMessageContaining("epoch");
        assertThatThrownBy(() -> DataEncoding.complete(prefix, 0, "e")).hasMessageContaining("sequence");
    }
}
