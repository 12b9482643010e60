package riko.reactive.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import riko.item.Item;
import riko.json.ItemJson;
import riko.testing.SharedData;
import riko.value.TimeTuple;

class FeedEntriesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Item> read(String document) {
    return FeedEntries.read(document.getBytes(StandardCharsets.UTF_8), null, StandardCharsets.UTF_8);
  }

  private static List<Item> fixture(String name) {
    return FeedEntries.read(SharedData.file(name), null, StandardCharsets.UTF_8);
  }

  private static List<JsonNode> json(List<Item> items) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (Item item : items) {
      nodes.add(JSON.readTree(ItemJson.toJson(item)));
    }
    return nodes;
  }

  /** riko's recorded output for a conformance case (the feed cases' expectations hold no placeholders). */
  private static List<JsonNode> expected(String conformanceCase) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(SharedData.conformanceCase(conformanceCase).resolve("expected.jsonl"))) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  private static Item first(Item entry, String key) {
    return (Item) ((List<?>) entry.get(key)).get(0);
  }

  @ParameterizedTest
  @CsvSource({
      "small-rss.xml, fetch-rss2, 3",
      "small-atom.xml, fetch-atom, 2",
      "feeds.feedburner.com_ouseful.xml, yahoo-2de0e4517ed76082dcddf66f7b218057, 17",
      "feed.xml, fetch-feed-truncate, 3"})
  void entriesAreWhatRikoRecorded(String document, String conformanceCase, int count) throws IOException {
    List<JsonNode> actual = json(fixture(document));
    assertThat(actual.subList(0, count)).isEqualTo(expected(conformanceCase));
  }

  @Test
  void rss2EntryHasFeedparsersKeysAndRikosAdditions() {
    Item first = fixture("small-rss.xml").get(0);
    assertThat(first.get("title")).isEqualTo("First post");
    assertThat(first.get("title_detail.type")).isEqualTo("text/plain");
    assertThat(first.get("summary_detail.type")).isEqualTo("text/html");
    assertThat(first.get("summary")).isEqualTo("The <b>first</b> post about apples.");
    assertThat(first.get("dc:creator")).isEqualTo("alice@example.com (Alice)");
    assertThat(first.get("author_detail.email")).isEqualTo("alice@example.com");
    assertThat(first.get("author.name")).isEqualTo("Alice");
    assertThat(first.get("author.uri")).isNull();
    assertThat(first.get("guidislink")).isEqualTo(false);
    assertThat(first.get("pubDate")).isEqualTo(new TimeTuple(LocalDateTime.of(2020, 1, 6, 10, 0)));
    assertThat(first.containsKey("description")).isFalse();
  }

  @Test
  void datesWithOffsetsAreUtcTuples() {
    List<Item> atom = fixture("small-atom.xml");
    assertThat(atom.get(0).get("published")).isEqualTo("2021-02-28T08:00:00-05:00");
    assertThat(atom.get(0).get("published_parsed")).isEqualTo(new TimeTuple(LocalDateTime.of(2021, 2, 28, 13, 0)));
    assertThat(atom.get(1).get("updated_parsed")).isEqualTo(new TimeTuple(LocalDateTime.of(2021, 3, 2, 9, 15)));
    assertThat(fixture("small-rss.xml").get(1).get("y:published")).isEqualTo(new TimeTuple(LocalDateTime.of(2020, 1, 7, 10, 30)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Mon, 06 Jan 2020 10:00:00 EST | 2020-01-06T15:00",
      "06 Jan 20 10:00 +0130 | 2020-01-06T08:30",
      "Jan 06 2020 10:00:00 GMT | 2020-01-06T10:00",
      "2020-01-06 | 2020-01-06T00:00",
      "2020-01-06T10:00:00.250+02:00 | 2020-01-06T08:00",
      "Sun Jan  5 16:29:06 2020 | 2020-01-05T16:29:06"})
  void feedDatesParseAsFeedparserDoes(String text, String utc) {
    assertThat(FeedDates.parse(text)).isEqualTo(new TimeTuple(LocalDateTime.parse(utc)));
  }

  @Test
  void unparseableDatesAreNullTuples() {
    Item entry = read("<rss version='2.0'><channel><item><title>t</title><pubDate>someday</pubDate></item></channel></rss>").get(0);
    assertThat(entry.get("published")).isEqualTo("someday");
    assertThat(entry.containsKey("published_parsed")).isTrue();
    assertThat(entry.get("published_parsed")).isNull();
    assertThat(entry.get("pubDate")).isNull();
  }

  @Test
  void missingFieldsGiveRikosNullsAndTheTitleAsSummary() {
    Item entry = read("<rss version='2.0'><channel><item><title>Only a title</title></item></channel></rss>").get(0);
    assertThat(entry.get("summary")).isEqualTo("Only a title");
    assertThat(entry.containsKey("summary_detail")).isFalse();
    assertThat(entry.get("y:id")).isNull();
    assertThat(entry.get("dc:creator")).isNull();
    assertThat(entry.get("author")).isEqualTo(Item.of(java.util.Map.of("name", "x")).with("name", null).with("uri", null));
    assertThat(entry.containsKey("id")).isFalse();
    assertThat(entry.containsKey("link")).isFalse();
  }

  @Test
  void rss1RdfItemsTakeTheirIdFromRdfAbout() {
    List<Item> entries = fixture("small-rdf.xml");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("id")).isEqualTo(entries.get(0).get("y:id"));
    assertThat((String) entries.get(0).get("id")).isNotEmpty();
    assertThat(entries.get(0).get("title")).isNotNull();
  }

  @Test
  void extensionElementsBecomePrefixedKeys() {
    Item first = fixture("feed.xml").get(0);
    assertThat(first.get("wfw_commentrss")).isEqualTo("http://writetoreply.org/donations/feed/");
    assertThat(first.get("slash_comments")).isEqualTo("0");
    Item third = fixture("small-rss.xml").get(2);
    assertThat(third.get("media_thumbnail")).isEqualTo(List.of(Item.of(java.util.Map.of("url", "http://example.com/img/3.png", "width", "80", "height", "60"))));
    assertThat(third.get("href")).isEqualTo("");
  }

  @Test
  void enclosuresAreLinksWithRelEnclosure() {
    Item second = fixture("small-rss.xml").get(1);
    assertThat((List<?>) second.get("links")).hasSize(2);
    assertThat(((Item) ((List<?>) second.get("links")).get(1)).get("rel")).isEqualTo("enclosure");
    assertThat(second.containsKey("enclosures")).isFalse();
  }

  @Test
  void htmlIsSanitisedAsFeedparserDoes() {
    Item entry = read("<rss version='2.0'><channel><item><description><![CDATA[<p onclick=\"x()\">Hi <script>alert(1)</script>"
        + "<a title=\"t\" HREF=\"javascript:evil()\">there</a><br/>&amp; AT&T <img src=\"a.png\" alt=\"A\"/></p>]]></description>"
        + "</item></channel></rss>").get(0);
    assertThat(entry.get("summary")).isEqualTo("<p>Hi <a href=\"\" title=\"t\">there</a><br />&amp; AT&amp;T <img alt=\"A\" src=\"a.png\" /></p>");
  }

  @Test
  void anIso88591FeedIsDecodedFromItsDeclaration() {
    byte[] latin1 = ("<?xml version='1.0' encoding='ISO-8859-1'?><rss version='2.0'><channel><item><title>Caf\u00e9 na\u00efve</title>"
        + "</item></channel></rss>").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(FeedEntries.read(latin1, "application/xml", StandardCharsets.UTF_8).get(0).get("title")).isEqualTo("Caf\u00e9 na\u00efve");
  }

  @Test
  void theEncodingFallbackAppliesOnlyWhenTheDocumentNamesNone() {
    byte[] latin1 = "<rss version='2.0'><channel><item><title>\u00e9t\u00e9</title></item></channel></rss>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(FeedEntries.read(latin1, null, StandardCharsets.ISO_8859_1).get(0).get("title")).isEqualTo("\u00e9t\u00e9");
    byte[] utf8 = "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><item><title>\u00e9t\u00e9</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8);
    assertThat(FeedEntries.read(utf8, null, StandardCharsets.ISO_8859_1).get(0).get("title")).isEqualTo("\u00e9t\u00e9");
  }

  @Test
  void htmlEntitiesOutsideCdataAreAccepted() {
    Item entry = read("<rss version='2.0'><channel><item><title>a&nbsp;b &amp; c</title>"
        + "<description><![CDATA[x&nbsp;y]]></description></item></channel></rss>").get(0);
    assertThat(entry.get("title")).isEqualTo("a\u00a0b & c");
    assertThat(entry.get("summary")).isEqualTo("x&nbsp;y");
  }

  @Test
  void malformedFeedsAreReadLeniently() {
    List<Item> entries = read("<rss version='2.0'><channel><item><title>One</title><link>http://a/1</link></item>"
        + "<item><title>Two & three</title><br></item></channel>");
    assertThat(entries).extracting(item -> item.get("title")).containsExactly("One", "Two & three");
    assertThat(entries.get(0).get("link")).isEqualTo("http://a/1");
  }

  @Test
  void aDocumentThatIsNotAFeedIsAnError() {
    assertThatThrownBy(() -> read("<html><body><p>hello</p></body></html>"))
        .isInstanceOf(FeedException.class).hasMessageContaining("not an RSS, Atom or JSON feed").hasMessageContaining("<html>");
    assertThatThrownBy(() -> read("not xml at all")).isInstanceOf(FeedException.class);
  }

  @Test
  void aFeedWithoutEntriesIsEmpty() {
    assertThat(read("<rss version='2.0'><channel><title>Nothing</title></channel></rss>")).isEmpty();
    assertThat(read("<feed xmlns='http://www.w3.org/2005/Atom'><title>Nothing</title></feed>")).isEmpty();
  }

  @Test
  void doctypesAndExternalEntitiesAreNeverLoaded() {
    List<Item> entries = read("<?xml version='1.0'?><!DOCTYPE rss SYSTEM 'http://127.0.0.1:1/rss.dtd' ["
        + "<!ENTITY secret SYSTEM 'file:///etc/passwd'>]><rss version='2.0'><channel><item><title>t&secret;</title>"
        + "</item></channel></rss>");
    assertThat(entries).hasSize(1);
    assertThat((String) entries.get(0).get("title")).doesNotContain("root");
  }

  @Test
  void atomXhtmlContentIsUnwrappedFromItsDiv() {
    Item entry = read("<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>x</title><content type='xhtml'>"
        + "<div xmlns='http://www.w3.org/1999/xhtml'><p>Hello <b>you</b></p></div></content></entry></feed>").get(0);
    assertThat(first(entry, "content").get("type")).isEqualTo("application/xhtml+xml");
    assertThat(first(entry, "content").get("value")).isEqualTo("<p>Hello <b>you</b></p>");
    assertThat(entry.get("summary")).isEqualTo("<p>Hello <b>you</b></p>");
  }

  @Test
  void jsonFeedMapsOntoTheSameKeys() {
    String feed = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "J", "language": "en",
         "items": [
          {"id": 1, "url": "https://example.org/1", "title": "One", "content_html": "<p>Hi</p>",
           "summary": "Short", "date_published": "2020-01-06T10:00:00+02:00", "date_modified": "2020-01-07T00:00:00Z",
           "authors": [{"name": "Ann", "url": "https://ann.example"}], "tags": ["a", "b"],
           "image": "https://example.org/1.png",
           "attachments": [{"url": "https://example.org/1.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 12}],
           "_ext": {"n": 2}},
          {"id": "2", "content_text": "Plain"}]}""";
    List<Item> entries = FeedEntries.read(feed.getBytes(StandardCharsets.UTF_8), "application/feed+json", StandardCharsets.UTF_8);
    Item first = entries.get(0);
    assertThat(first.get("id")).isEqualTo("1");
    assertThat(first.get("y:id")).isEqualTo("1");
    assertThat(first.get("link")).isEqualTo("https://example.org/1");
    assertThat(first.get("title_detail.language")).isEqualTo("en");
    assertThat(first.get("summary")).isEqualTo("Short");
    assertThat(first(first, "content").get("value")).isEqualTo("<p>Hi</p>");
    assertThat(first.get("pubDate")).isEqualTo(new TimeTuple(LocalDateTime.of(2020, 1, 6, 8, 0)));
    assertThat(first.get("updated_parsed")).isEqualTo(new TimeTuple(LocalDateTime.of(2020, 1, 7, 0, 0)));
    assertThat(first.get("author")).isEqualTo(Item.empty().with("name", "Ann").with("uri", "https://ann.example"));
    assertThat(first.get("dc:creator")).isEqualTo("Ann");
    assertThat(((Item) ((List<?>) first.get("tags")).get(1)).get("term")).isEqualTo("b");
    assertThat(first(first, "media_thumbnail").get("url")).isEqualTo("https://example.org/1.png");
    Item enclosure = (Item) ((List<?>) first.get("links")).get(1);
    assertThat(enclosure.get("rel")).isEqualTo("enclosure");
    assertThat(enclosure.get("length")).isEqualTo("12");
    assertThat(first.get("_ext.n")).isEqualTo(2L);
    Item second = entries.get(1);
    assertThat(second.get("summary")).isEqualTo("Plain");
    assertThat(first(second, "content").get("type")).isEqualTo("text/plain");
    assertThat(second.get("pubDate")).isNull();
  }

  @Test
  void jsonFeedIsDetectedWithoutAContentType() {
    byte[] feed = "  {\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"a\", \"title\": \"T\"}]}".getBytes(StandardCharsets.UTF_8);
    assertThat(FeedEntries.read(feed, null, StandardCharsets.UTF_8)).extracting(item -> item.get("title")).containsExactly("T");
  }

  @Test
  void jsonThatIsNotAJsonFeedIsAnError() {
    assertThatThrownBy(() -> FeedEntries.read("{\"items\": []}".getBytes(StandardCharsets.UTF_8), "application/json", StandardCharsets.UTF_8))
        .isInstanceOf(FeedException.class).hasMessageContaining("not a JSON Feed");
    assertThatThrownBy(() -> FeedEntries.read("{\"version\": ".getBytes(StandardCharsets.UTF_8), "application/json", StandardCharsets.UTF_8))
        .isInstanceOf(FeedException.class).hasMessageContaining("invalid JSON Feed");
  }
}
