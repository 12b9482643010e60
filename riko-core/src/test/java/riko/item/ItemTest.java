package riko.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import riko.json.ItemJson;

class ItemTest {

  static Item json(String json) {
    return (Item) ItemJson.parse(json);
  }

  static String json(Item item) {
    return ItemJson.toJson(item);
  }

  /** The item of the spec's table in conf.md 6.2. */
  static final Item STANZAS = json("{\"stanzas\": {\"verses\": [\"v1\", \"v2\"]}, \"a\": [{\"b\": 1}, {\"b\": 2}]}");

  @Nested
  class PathRead {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
      "stanzas.verses          | [\"v1\",\"v2\"]",
      "stanzas.verses.1        | \"v2\"",
      "stanzas.verses.-1       | \"v2\"",
      "stanzas.verses.5        | null",
      "a.b                     | [1,2]",
      "a.0                     | null",
      "stanzas.missing.deeper  | null",
      "STANZAS.Verses          | [\"v1\",\"v2\"]",
    })
    void theSpecTable(String path, String expected) {
      Object value = STANZAS.get(path);
      assertThat(value == null ? "null" : ItemJson.toJson(Item.ofValue(value))).isEqualTo(expected);
    }

    @Test
    void theEmptyPathIsTheItemItself() {
      assertThat(STANZAS.get("")).isSameAs(STANZAS);
    }

    @Test
    void trailingDotsAreIgnored() {
      assertThat(STANZAS.get("stanzas.verses.")).isEqualTo(List.of("v1", "v2"));
      assertThat(STANZAS.get("a..")).isEqualTo(STANZAS.get("a"));
    }

    @Test
    void aPathOfDotsIsOneEmptyKeyNotTheWholeItem() {
      assertThat(STANZAS.get(".")).isNull();
      assertThat(STANZAS.get("...")).isNull();
      assertThat(Item.empty().put("", "empty key").get(".")).isEqualTo("empty key");
    }

    @Test
    void integerSegmentsFollowPythonInt() {
      assertThat(STANZAS.get("stanzas.verses. 1 ")).isEqualTo("v2");
      assertThat(STANZAS.get("stanzas.verses.+0")).isEqualTo("v1");
      assertThat(STANZAS.get("stanzas.verses.-2")).isEqualTo("v1");
      assertThat(STANZAS.get("stanzas.verses.-3")).isNull();
      assertThat(STANZAS.get("stanzas.verses.0_1")).isEqualTo("v2");
      assertThat(STANZAS.get("stanzas.verses.99999999999")).isNull();
      assertThat(STANZAS.get("stanzas.verses.x")).isNull();
    }

    @Test
    void keysThatLookLikeIntegersAreUnreachable() {
      Item item = json("{\"2014\": 1, \"n\": {\"7\": \"x\"}}");
      assertThat(item.get("2014")).isNull();
      assertThat(item.get("n.7")).isNull();
      assertThat(item.getKey("2014")).isEqualTo(1L);
    }

    @Test
    void descendingPastAScalarYieldsTheScalar() {
      Item item = Item.of("title", "x");
      assertThat(item.get("title.foo")).isEqualTo("x");
      assertThat(item.get("title.foo.bar.0")).isEqualTo("x");
      assertThat(Item.of("n", 5L).get("n.x")).isEqualTo(5L);
    }

    @Test
    void aNullOnTheWayIsMissing() {
      Item item = json("{\"a\": null}");
      assertThat(item.get("a")).isNull();
      assertThat(item.get("a.b")).isNull();
      assertThat(item.containsKey("a")).isTrue();
    }

    @Test
    void pluckingFailsWhenAnyElementLacksTheKey() {
      Item item = json("{\"a\": [{\"b\": 1}, {\"c\": 2}], \"d\": [{\"B\": 1}, {\"b\": null}]}");
      assertThat(item.get("a.b")).isNull();
      assertThat(item.get("d.b")).isEqualTo(Arrays.asList(1L, null));
    }

    @Test
    void pluckingWalksOnIntoThePluckedList() {
      Item item = json("{\"a\": [{\"b\": {\"c\": 1}}, {\"b\": {\"c\": 2}}]}");
      assertThat((List<?>) item.get("a.b")).hasSize(2);
      assertThat(item.get("a.b.c")).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void listsOfStringsIntegersAndBooleansAreIndexed() {
      Item item = json("{\"n\": [10, 20], \"b\": [true, false]}");
      assertThat(item.get("n.1")).isEqualTo(20L);
      assertThat(item.get("n.x")).isNull();
      assertThat(item.get("b.1")).isEqualTo(false);
    }

    @Test
    void anyOtherListIsReturnedWhateverTheSegment() {
      Item item = json("{\"f\": [1.5, 2.5], \"e\": [], \"z\": [null, 1], \"l\": [[1], [2]]}");
      assertThat(item.get("f.0")).isEqualTo(List.of(1.5, 2.5));
      assertThat(item.get("f.anything")).isEqualTo(List.of(1.5, 2.5));
      assertThat(item.get("e.0")).isEqualTo(List.of());
      assertThat(item.get("z.1")).isEqualTo(Arrays.asList(null, 1L));
      assertThat(item.get("l.0")).isEqualTo(List.of(List.of(1L), List.of(2L)));
    }

    @Test
    void aParsedPathIsTheSameAsItsText() {
      assertThat(STANZAS.get(ItemPath.parse("stanzas.verses.1"))).isEqualTo("v2");
      assertThat(STANZAS.get(ItemPath.key("stanzas.verses"))).isNull();
      assertThat(Item.of(Map.of()).put("a.b", 1L).get(ItemPath.key("a.b"))).isEqualTo(1L);
    }

    @Test
    void findWrapsGet() {
      assertThat(STANZAS.find("stanzas.verses.0")).contains("v1");
      assertThat(STANZAS.find("nope")).isEmpty();
    }
  }

  @Nested
  class PathWrite {

    @Test
    void theSpecExamples() {
      Item author = Item.of("author", "bar");
      Item named = author.with("author.name", "bar");
      assertThat(json(named)).isEqualTo("{\"author\":{\"name\":\"bar\"}}");
      Item withUrl = named.with("author.url", "example.com");
      assertThat(json(withUrl)).isEqualTo("{\"author\":{\"name\":\"bar\",\"url\":\"example.com\"}}");
      assertThat(json(Item.of("count", 0L).with("count.total", 1L))).isEqualTo("{\"count\":{\"total\":1}}");
    }

    @Test
    void writesAreCopies() {
      Item original = Item.of("author", "bar");
      original.with("author.name", "x");
      original.put("other", 1L);
      original.without("author");
      assertThat(json(original)).isEqualTo("{\"author\":\"bar\"}");
    }

    @Test
    void missingOrNonMapIntermediatesBecomeNewMaps() {
      assertThat(json(Item.empty().with("a.b.c", 1L))).isEqualTo("{\"a\":{\"b\":{\"c\":1}}}");
      assertThat(json(json("{\"a\": [1, 2]}").with("a.b", 1L))).isEqualTo("{\"a\":{\"b\":1}}");
      assertThat(json(json("{\"a\": null, \"z\": 0}").with("a.b", 1L))).isEqualTo("{\"a\":{\"b\":1},\"z\":0}");
    }

    @Test
    void aRewrittenKeyKeepsItsPlace() {
      Item item = json("{\"count\": 0, \"x\": 1}").with("count.total", 1L);
      assertThat(item.keys()).containsExactly("count", "x");
    }

    @Test
    void theLatestSpellingOfATopLevelKeyIsKept() {
      Item item = Item.of("title", "a").put("x", 1L).put("TITLE", "b");
      assertThat(item.keys()).containsExactly("TITLE", "x");
      assertThat(item.get("title")).isEqualTo("b");
      assertThat(Item.of("Title", "a").with("TITLE", "b").keys()).containsExactly("TITLE");
    }

    @Test
    void anExistingNestedMapKeepsItsSpellingWhenWrittenThrough() {
      Item item = json("{\"Author\": {\"name\": \"n\"}}").with("author.url", "u");
      assertThat(json(item)).isEqualTo("{\"Author\":{\"name\":\"n\",\"url\":\"u\"}}");
      Item replaced = Item.of("Author", "scalar").with("author.url", "u");
      assertThat(json(replaced)).isEqualTo("{\"author\":{\"url\":\"u\"}}");
    }

    @Test
    void putDoesNotSplitTheKey() {
      Item item = Item.empty().put("a.b", 1L);
      assertThat(item.keys()).containsExactly("a.b");
      assertThat(item.getKey("A.B")).isEqualTo(1L);
      assertThat(item.get("a.b")).isNull();
    }

    @Test
    void theEmptyPathWritesNothing() {
      Item item = Item.of("a", 1L);
      assertThat(item.with("", 2L)).isSameAs(item);
    }
  }

  @Nested
  class Building {

    @Test
    void dottedKeysNest() {
      assertThat(json(Item.of(ordered("a.b", 1L, "a.c", 2L)))).isEqualTo("{\"a\":{\"b\":1,\"c\":2}}");
    }

    @Test
    void dottedKeysWinAndDropTheParentKey() {
      assertThat(json(Item.of(ordered("author", "bar", "author.name", "n", "author.url", "u"))))
          .isEqualTo("{\"author\":{\"name\":\"n\",\"url\":\"u\"}}");
      assertThat(json(Item.of(ordered("author.name", "x", "author", "y")))).isEqualTo("{\"author\":{\"name\":\"x\"}}");
      assertThat(json(Item.of(ordered("author", Map.of("a", 1L), "author.name", "n"))))
          .isEqualTo("{\"author\":{\"name\":\"n\"}}");
      assertThat(json(Item.of(ordered("AUTHOR", "y", "author.name", "x", "other", 1L))))
          .isEqualTo("{\"author\":{\"name\":\"x\"},\"other\":1}");
    }

    @Test
    void jsonObjectsNestDottedKeysToo() {
      assertThat(json(json("{\"author\": \"bar\", \"author.name\": \"n\"}"))).isEqualTo("{\"author\":{\"name\":\"n\"}}");
    }

    @Test
    void valuesAreNormalised() {
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("i", 1);
      nested.put("f", 1.5f);
      nested.put("s", (short) 2);
      List<Object> list = new ArrayList<>(List.of(Map.of("k", 3)));
      nested.put("l", list);
      Item item = Item.of(Map.of("n", nested));
      assertThat(item.get("n.i")).isEqualTo(1L);
      assertThat(item.get("n.f")).isEqualTo(1.5);
      assertThat(item.get("n.s")).isEqualTo(2L);
      assertThat(item.get("n")).isInstanceOf(Item.class);
      assertThat(item.get("n.l.k")).isEqualTo(List.of(3L));
      list.add("later");
      assertThat((List<?>) item.get("n.l")).hasSize(1);
      assertThatThrownBy(() -> castList(item.get("n.l")).add("x"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofOneKeyAndOfAnEmptyMap() {
      assertThat(json(Item.of("a.b", 1L))).isEqualTo("{\"a\":{\"b\":1}}");
      assertThat(Item.of(Map.of())).isSameAs(Item.empty());
      assertThat(Item.empty().isEmpty()).isTrue();
      assertThat(Item.empty().size()).isZero();
    }

    @Test
    void asMapIsOrderedAndUnmodifiable() {
      Item item = Item.of(ordered("b", 1L, "a", 2L));
      assertThat(item.asMap().keySet()).containsExactly("b", "a");
      assertThatThrownBy(() -> item.asMap().put("c", 3L)).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class TypedValueCollapse {

    @Test
    void nestedTypedValueMapsReadAsTheirValue() {
      assertThat(json(json("{\"a\": {\"value\": \"bar\"}}"))).isEqualTo("{\"a\":\"bar\"}");
      assertThat(json(json("{\"count\": {\"type\": \"int\", \"value\": \"5\"}}"))).isEqualTo("{\"count\":5}");
      assertThat(json(json("{\"a\": {\"b\": {\"type\": \"text\", \"value\": 5}}}"))).isEqualTo("{\"a\":{\"b\":\"5\"}}");
      assertThat(Item.of("a", Map.of("value", "bar")).get("a")).isEqualTo("bar");
    }

    @Test
    void mapsWithAnyOtherKeyAreLeftAlone() {
      String permalink = "{\"guid\":{\"permalink\":\"false\",\"value\":\"http://x\"}}";
      assertThat(json(json(permalink))).isEqualTo(permalink);
      assertThat(json(json("{\"a\":{\"type\":\"int\"}}"))).isEqualTo("{\"a\":{\"type\":\"int\"}}");
    }

    @Test
    void unknownTypesAndLocationsAreNotCast() {
      assertThat(json(json("{\"a\": {\"type\": \"location\", \"value\": \"London\"}}"))).isEqualTo("{\"a\":\"London\"}");
      assertThat(json(json("{\"a\": {\"type\": \"INT\", \"value\": \"5\"}}"))).isEqualTo("{\"a\":\"5\"}");
    }
  }

  @Nested
  class Delete {

    @Test
    void removesTheLeafIgnoringCaseAtEveryLevel() {
      Item item = json("{\"Author\": {\"Name\": \"n\", \"url\": \"u\"}, \"x\": 1}");
      assertThat(json(item.without("author.name"))).isEqualTo("{\"Author\":{\"url\":\"u\"},\"x\":1}");
      assertThat(json(item.without("X"))).isEqualTo("{\"Author\":{\"Name\":\"n\",\"url\":\"u\"}}");
      assertThat(json(item.without("AUTHOR"))).isEqualTo("{\"x\":1}");
    }

    @Test
    void missingPathsAreANoOp() {
      Item item = json("{\"a\": {\"b\": 1}, \"s\": \"x\"}");
      assertThat(item.without("nope")).isEqualTo(item);
      assertThat(item.without("a.nope")).isEqualTo(item);
      assertThat(item.without("a.b.c")).isEqualTo(item);
      assertThat(item.without("s.deeper")).isEqualTo(item);
      assertThat(item.without("")).isSameAs(item);
    }

    @Test
    void withoutExactKeyIsCaseSensitive() {
      Item item = Item.of("Title", "t");
      assertThat(item.withoutExactKey("title")).isEqualTo(item);
      assertThat(item.withoutExactKey("Title").isEmpty()).isTrue();
    }
  }

  @Nested
  class CaseInsensitivity {

    @Test
    void readsIgnoreCase() {
      Item item = Item.of("Title", "riko");
      assertThat(item.get("title")).isEqualTo("riko");
      assertThat(item.get("TITLE")).isEqualTo("riko");
      assertThat(item.getKey("tItLe")).isEqualTo("riko");
      assertThat(item.containsKey("TITLE")).isTrue();
      assertThat(item.keys()).containsExactly("Title");
    }

    @Test
    void equalityAndHashIgnoreKeyCaseAndOrder() {
      assertThat(Item.of("attr1", "v")).isEqualTo(Item.of("ATTR1", "v")).hasSameHashCodeAs(Item.of("ATTR1", "v"));
      assertThat(Item.of(ordered("a", 1L, "b", 2L))).isEqualTo(Item.of(ordered("B", 2L, "A", 1L)));
      assertThat(Item.of("a", 1L)).isNotEqualTo(Item.of("a", 2L));
      assertThat(Item.of("a", 1L)).isNotEqualTo(Item.of(ordered("a", 1L, "b", 2L)));
      assertThat(Item.of("a", null)).isNotEqualTo(Item.of("b", null));
    }

    @Test
    void lowerCasedLowersEveryDepth() {
      Item item = json("{\"Outer\": {\"Inner\": [{\"DEEP\": 1}]}, \"KEY\": \"Value\"}");
      assertThat(json(item.lowerCased())).isEqualTo("{\"outer\":{\"inner\":[{\"deep\":1}]},\"key\":\"Value\"}");
    }

    @Test
    void mergeLetsTheOtherItemWin() {
      Item merged = Item.of(ordered("a", 1L, "b", 2L)).merge(Item.of(ordered("B", 3L, "c", 4L)));
      assertThat(json(merged)).isEqualTo("{\"a\":1,\"B\":3,\"c\":4}");
    }
  }

  @Nested
  class RawItems {

    @Test
    void readAsContentAndPrintAsTheBareValue() {
      Item raw = Item.ofValue("hello");
      assertThat(raw.isRaw()).isTrue();
      assertThat(raw.rawValue()).isEqualTo("hello");
      assertThat(raw.get("content")).isEqualTo("hello");
      assertThat(raw.keys()).containsExactly("content");
      assertThat(json(raw)).isEqualTo("\"hello\"");
      assertThat(raw.toString()).isEqualTo("'hello'");
    }

    @Test
    void becomeOrdinaryOnNormalisingOrWriting() {
      Item raw = Item.ofValue(5);
      assertThat(raw.rawValue()).isEqualTo(5L);
      assertThat(raw.normalised().isRaw()).isFalse();
      assertThat(json(raw.normalised())).isEqualTo("{\"content\":5}");
      assertThat(json(raw.with("extra", true))).isEqualTo("{\"content\":5,\"extra\":true}");
      assertThat(raw.put("extra", true).isRaw()).isFalse();
      assertThat(raw.withoutExactKey("nope").isRaw()).isFalse();
    }

    @Test
    void mapsAndItemsAreNotWrapped() {
      Item item = Item.of("a", 1L);
      assertThat(Item.ofValue(item)).isSameAs(item);
      assertThat(Item.ofValue(Map.of("a", 1)).isRaw()).isFalse();
      assertThat(Item.ofValue(Map.of("a", 1))).isEqualTo(item);
    }

    @Test
    void rawItemsCompareByValue() {
      assertThat(Item.ofValue("x")).isEqualTo(Item.ofValue("x")).hasSameHashCodeAs(Item.ofValue("x"));
      assertThat(Item.ofValue("x")).isNotEqualTo(Item.of("content", "x"));
      assertThat(Item.ofValue(null).rawValue()).isNull();
    }

    @Test
    void aRawItemStoredInAnotherBecomesItsRecord() {
      Item holder = Item.of("inner", Item.ofValue("v"));
      assertThat(json(holder)).isEqualTo("{\"inner\":{\"content\":\"v\"}}");
    }

    @Test
    void toStringIsPythonRepr() {
      assertThat(Item.of(ordered("a", "x", "n", List.of(1L, new BigDecimal("2.50"))))).hasToString(
          "{'a': 'x', 'n': [1, Decimal('2.50')]}");
    }
  }

  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  static List<Object> castList(Object value) {
    return (List<Object>) value;
  }
}
