package riko.reactive.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import riko.item.Item;
import riko.testing.SharedData;

class FeedLinksTest {

  private static final String BBC = new String(SharedData.file("bbc.html"), StandardCharsets.UTF_8);

  @Test
  void strictKeepsTagsWithAFeedType() {
    List<Item> links = FeedLinks.discover(BBC, true, false);
    assertThat(links).extracting(item -> item.get("link")).containsExactly("file://riko/data/bbci.co.uk.xml");
    assertThat(links.get(0).get("tag")).isEqualTo("link");
    assertThat(links.get(0).keys()).containsExactly("href", "rel", "type", "title", "link", "tag");
  }

  @Test
  void notStrictAlsoKeepsHrefsEndingInAFeedSuffixInDocumentOrder() {
    assertThat(FeedLinks.discover(BBC, false, false)).extracting(item -> item.get("link"))
        .containsExactly("greenhughes.xml", "file://riko/data/bbci.co.uk.xml", "http://feeds.bbci.co.uk/news/rss.xml");
  }

  @Test
  void sortRanksByTypeStably() {
    assertThat(FeedLinks.discover(BBC, false, true)).extracting(item -> item.get("link"))
        .containsExactly("file://riko/data/bbci.co.uk.xml", "greenhughes.xml", "http://feeds.bbci.co.uk/news/rss.xml");
    String html = "<a href='a.xml' type='text/xml'></a><a href='b.xml' type='application/atom+xml'></a>"
        + "<a href='c.xml' type='application/rss+xml'></a><a href='d.xml' type='application/atom+xml'>";
    assertThat(FeedLinks.discover(html, true, true)).extracting(item -> item.get("link")).containsExactly("c.xml", "b.xml", "d.xml", "a.xml");
  }

  @Test
  void rootRelativeAndEmptyHrefsAreExcluded() {
    String html = "<link rel=alternate type=application/rss+xml href=/feed.xml><link type=application/rss+xml href=''>"
        + "<link rel=stylesheet type=text/css href='style.css'>";
    assertThat(FeedLinks.discover(html, true, false)).isEmpty();
    assertThat(FeedLinks.discover("<LINK TYPE='application/RSS+xml' HREF='x.rss'>", true, false))
        .extracting(item -> item.get("link")).containsExactly("x.rss"); // suffixes are matched case-sensitively: "xml" matches
  }

  @Test
  void attributesAreReadAsPythonsHtmlParserReadsThem() {
    String html = "<!-- <link type='application/rss+xml' href='commented.xml'> -->"
        + "<script>var s = \"<link type='application/rss+xml' href='scripted.xml'>\";</script>"
        + "<LINK Rel=\"alternate\" type=\"application/rss+xml\" title=\"Tom &amp; Jerry\" href=\"a.xml?x=1&amp;y=2\" async/>";
    List<Item> links = FeedLinks.discover(html, true, false);
    assertThat(links).hasSize(1);
    assertThat(links.get(0).get("title")).isEqualTo("Tom & Jerry");
    assertThat(links.get(0).get("link")).isEqualTo("a.xml?x=1&y=2");
    assertThat(links.get(0).get("rel")).isEqualTo("alternate");
    assertThat(links.get(0).containsKey("async")).isTrue();
    assertThat(links.get(0).get("async")).isNull();
  }
}
