package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.item.Item;
import riko.json.ItemJson;
import riko.spi.ModuleException;

class JsonRecordsTest {

  private static final String DOC = "{\"skip\": {\"items\": [0], \"deep\": [[{\"x\": {}}]]},"
      + " \"Value\": {\"Items\": [{\"n\": 1, \"Name\": \"a\"}, null, 2, \"three\", [4], {\"value\": 5}],"
      + " \"obj\": {\"K\": {\"V\": [1, {\"W\": 2}]}}, \"s\": \"text\", \"list\": [{\"b\": 1}, {\"b\": 2}]},"
      + " \"tail\": [1, 2, {\"z\": null}]}";

  /** The records for {@code path}, feeding the document one byte at a time. */
  private static List<String> byteByByte(String doc, String path) {
    JsonRecords records = new JsonRecords("fetchdata", "http://127.0.0.1/doc.json", path);
    List<String> out = new ArrayList<>();
    try {
      for (byte b : doc.getBytes(StandardCharsets.UTF_8)) {
        records.feed(new byte[] {b}).forEach(item -> out.add(ItemJson.toJson(item)));
      }
      records.finish().forEach(item -> out.add(ItemJson.toJson(item)));
    } catch (ModuleException e) {
      out.add("error");
    }
    return out;
  }

  /** The records for {@code path}, feeding the whole document at once. */
  private static List<String> whole(String doc, String path) {
    JsonRecords records = new JsonRecords("fetchdata", "http://127.0.0.1/doc.json", path);
    List<String> out = new ArrayList<>();
    try {
      records.feed(doc.getBytes(StandardCharsets.UTF_8)).forEach(item -> out.add(ItemJson.toJson(item)));
      records.finish().forEach(item -> out.add(ItemJson.toJson(item)));
    } catch (ModuleException e) {
      out.add("error");
    }
    return out;
  }

  /**
   * The records {@link Item#get} gives on the whole document read into an item (plain maps, so
   * typed-value maps collapse as conf.md 6.5 says), turned out by fetchdata's rules ("error" for
   * a number).
   */
  private static List<String> reference(String doc, String path) {
    Map<String, Object> tree;
    try {
      tree = new ObjectMapper().readValue(doc, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    Object value = Item.of(tree).get(path);
    List<String> expected = new ArrayList<>();
    if (value == null) {
      expected.add("{\"content\":\"\"}");
    } else if (value instanceof List<?> list) {
      list.stream().filter(e -> e != null).forEach(e -> expected.add(ItemJson.toJson(Item.ofValue(e))));
    } else if (value instanceof Item item) {
      expected.add(ItemJson.toJson(item.lowerCased()));
    } else if (value instanceof String text) {
      expected.add(ItemJson.toJson(Item.of("content", text)));
    } else {
      expected.add("error"); // numbers and booleans
    }
    return expected;
  }

  @ParameterizedTest
  @ValueSource(strings = {"value.items", "VALUE.ITEMS", "value", "value.obj", "value.obj.k.v", "value.obj.k.v.w",
      "value.s", "value.s.deeper", "value.list", "value.list.b", "value.list.0", "value.items.1", "tail",
      "tail.0", "tail.-1", "tail.z", "missing", "value.missing.x", "skip.deep", "skip.deep.0", "0", "value.0.x"})
  void streamingReaderMatchesItemGetOnTheWholeDocument(String path) {
    List<String> expected = reference(DOC, path);
    assertThat(byteByByte(DOC, path)).as(path).isEqualTo(expected);
    assertThat(whole(DOC, path)).as(path).isEqualTo(expected);
  }

  @Test
  void withoutPathARootArrayStreamsAndAnObjectIsOneItem() {
    assertThat(byteByByte("[{\"A\": 1}, null, \"s\", 2.5, true]", ""))
        .containsExactly("{\"A\":1}", "\"s\"", "2.5", "true");
    assertThat(byteByByte("{\"B\": {\"C\": 1}}", "")).containsExactly("{\"B\":{\"C\":1}}");
    assertThat(byteByByte("\"just text\"", "")).containsExactly("{\"content\":\"just text\"}");
  }

  @Test
  void recordsAreHandedOutAsSoonAsTheyAreComplete() {
    JsonRecords records = new JsonRecords("fetchdata", "u", "items");
    assertThat(records.feed("{\"items\": [{\"n\": 1}, {\"n\"".getBytes(StandardCharsets.UTF_8)))
        .containsExactly(Item.of("n", 1L));
    assertThat(records.feed(": 2}, 3".getBytes(StandardCharsets.UTF_8))).containsExactly(Item.of("n", 2L));
    assertThat(records.feed("]}".getBytes(StandardCharsets.UTF_8))).containsExactly(Item.ofValue(3L));
    assertThat(records.finish()).isEmpty();
  }

  @Test
  void bigIntegersAndFloatsKeepTheirValues() {
    assertThat(whole("[12345678901234567890123, 1.5e3, -0.25]", ""))
        .containsExactly("12345678901234567890123", "1500.0", "-0.25");
  }

  @Test
  void aFailureComesAfterTheRecordsOfTheSameChunk() {
    JsonRecords records = new JsonRecords("fetchdata", "http://127.0.0.1/x.json", "");
    StepVerifier.create(records.read(Flux.just("[1, 2, }".getBytes(StandardCharsets.UTF_8))))
        .expectNext(Item.ofValue(1L), Item.ofValue(2L))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("invalid JSON in http://127.0.0.1/x.json").hasMessageContaining("line 1"))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void aFailedReaderStaysFailed() {
    JsonRecords records = new JsonRecords("fetchdata", "u", "");
    assertThatThrownBy(() -> records.feed("}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(ModuleException.class);
    assertThatThrownBy(records::finish).isInstanceOf(ModuleException.class).hasMessageContaining("invalid JSON");
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    JsonRecords records = new JsonRecords("fetchdata", "u", "");
    List<Item> out = new ArrayList<>(records.feed(bom));
    out.addAll(records.feed("[\"Zoë\"]".getBytes(StandardCharsets.UTF_8)));
    out.addAll(records.finish());
    assertThat(out).containsExactly(Item.ofValue("Zoë"));
  }
}
