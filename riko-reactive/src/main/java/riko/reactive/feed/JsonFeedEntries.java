package riko.reactive.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/) read onto the keys feedparser
 * gives RSS and Atom entries, so that the rest of a pipeline cannot tell the difference:
 *
 * <ul>
 *   <li>{@code id} to {@code id} (numbers as text), {@code guidislink} false;
 *   <li>{@code url} to {@code link} and a {@code links} entry {@code {rel: alternate, type:
 *       text/html, href}}; {@code external_url} to a {@code links} entry with {@code rel: related};
 *   <li>{@code title} to {@code title} and {@code title_detail} ({@code text/plain});
 *   <li>{@code summary} to {@code summary} and {@code summary_detail} ({@code text/plain});
 *   <li>{@code content_html} and {@code content_text} to {@code content} entries
 *       ({@code text/html}, {@code text/plain}); the first also fills {@code summary} when the
 *       item has none, as Atom content does;
 *   <li>{@code date_published} / {@code date_modified} to {@code published} / {@code updated}
 *       (as written) and {@code published_parsed} / {@code updated_parsed} (UTC);
 *   <li>{@code authors} (1.1) or {@code author} (1.0) to {@code authors} ({@code name},
 *       {@code href} from {@code url}), {@code author_detail} (the first) and {@code author}
 *       (its name);
 *   <li>{@code tags} to {@code tags} ({@code {term, scheme: null, label: null}});
 *   <li>{@code image} to {@code media_thumbnail} ({@code [{url}]}), {@code banner_image} to
 *       {@code media_content} ({@code [{url, medium: image}]});
 *   <li>{@code attachments} to {@code links} entries with {@code rel: enclosure} ({@code href},
 *       {@code type}, {@code length} as text, {@code title});
 *   <li>{@code language} (1.1; the item's, else the feed's) into every {@code *_detail};
 *   <li>extension keys (starting with {@code _}) as they are.
 * </ul>
 */
final class JsonFeedEntries {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFeedEntries() {}

  static List<FeedDict> read(byte[] document) {
    JsonNode root;
    try {
      root = MAPPER.readTree(document);
    } catch (JsonProcessingException e) {
      throw new FeedException("invalid JSON Feed: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FeedException("cannot read the JSON Feed: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")) {
      throw new FeedException("the document is not a JSON Feed (no \"version\" starting https://jsonfeed.org/version/)", null);
    }
    String feedLanguage = text(root.get("language"));
    List<FeedDict> entries = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      if (item.isObject()) {
        entries.add(entry(item, feedLanguage));
      }
    }
    return entries;
  }

  private static FeedDict entry(JsonNode item, @Nullable String feedLanguage) {
    String language = text(item.get("language"));
    if (language == null) {
      language = feedLanguage;
    }
    FeedDict entry = new FeedDict();
    List<Object> links = new ArrayList<>();
    String title = text(item.get("title"));
    if (title != null) {
      entry.put("title", title);
      entry.put("title_detail", detail("text/plain", language, title));
    }
    String url = text(item.get("url"));
    if (url != null) {
      links.add(link("alternate", "text/html", url));
      entry.put("link", url);
    }
    String external = text(item.get("external_url"));
    if (external != null) {
      links.add(link("related", "text/html", external));
    }
    String id = text(item.get("id"));
    if (id != null) {
      entry.put("id", id);
      entry.put("guidislink", false);
    }
    String summary = text(item.get("summary"));
    if (summary != null) {
      entry.put("summary", summary);
      entry.put("summary_detail", detail("text/plain", language, summary));
    }
    List<Object> content = new ArrayList<>();
    String html = text(item.get("content_html"));
    if (html != null) {
      content.add(detail("text/html", language, html));
    }
    String plainText = text(item.get("content_text"));
    if (plainText != null) {
      content.add(detail("text/plain", language, plainText));
    }
    if (!content.isEmpty()) {
      entry.put("content", content);
      entry.keep("summary", ((FeedDict) content.get(0)).get("value"));
    }
    date(entry, "published", text(item.get("date_published")));
    date(entry, "updated", text(item.get("date_modified")));
    authors(entry, item);
    List<Object> tags = new ArrayList<>();
    for (JsonNode tag : item.path("tags")) {
      String term = text(tag);
      if (term != null) {
        FeedDict value = new FeedDict();
        value.put("term", term);
        value.put("scheme", null);
        value.put("label", null);
        tags.add(value);
      }
    }
    if (!tags.isEmpty()) {
      entry.put("tags", tags);
    }
    String image = text(item.get("image"));
    if (image != null) {
      entry.put("media_thumbnail", new ArrayList<Object>(List.of(new FeedDict(Map.of("url", image)))));
    }
    String banner = text(item.get("banner_image"));
    if (banner != null) {
      Map<String, @Nullable Object> media = new LinkedHashMap<>();
      media.put("url", banner);
      media.put("medium", "image");
      entry.put("media_content", new ArrayList<Object>(List.of(new FeedDict(media))));
    }
    for (JsonNode attachment : item.path("attachments")) {
      String href = text(attachment.get("url"));
      if (href == null) {
        continue;
      }
      Map<String, @Nullable Object> link = new LinkedHashMap<>();
      String size = text(attachment.get("size_in_bytes"));
      if (size != null) {
        link.put("length", size);
      }
      String type = text(attachment.get("mime_type"));
      if (type != null) {
        link.put("type", type);
      }
      String linkTitle = text(attachment.get("title"));
      if (linkTitle != null) {
        link.put("title", linkTitle);
      }
      link.put("href", href);
      link.put("rel", "enclosure");
      links.add(new FeedDict(link));
    }
    if (!links.isEmpty()) {
      entry.put("links", links);
    }
    for (Map.Entry<String, JsonNode> field : item.properties()) {
      if (field.getKey().startsWith("_")) {
        entry.put(field.getKey(), MAPPER.convertValue(field.getValue(), Object.class));
      }
    }
    return entry;
  }

  private static void authors(FeedDict entry, JsonNode item) {
    List<JsonNode> nodes = new ArrayList<>();
    item.path("authors").forEach(nodes::add);
    if (nodes.isEmpty() && item.path("author").isObject()) {
      nodes.add(item.get("author"));
    }
    List<Object> authors = new ArrayList<>();
    for (JsonNode node : nodes) {
      FeedDict author = new FeedDict();
      String name = text(node.get("name"));
      if (name != null) {
        author.put("name", name);
      }
      String href = text(node.get("url"));
      if (href != null) {
        author.put("href", href);
      }
      if (!author.isEmpty()) {
        authors.add(author);
      }
    }
    if (authors.isEmpty()) {
      return;
    }
    entry.put("authors", authors);
    FeedDict first = (FeedDict) authors.get(0);
    entry.put("author_detail", new FeedDict(first));
    Object name = first.get("name");
    entry.put("author", name != null ? name : first.get("href"));
  }

  private static void date(FeedDict entry, String key, @Nullable String text) {
    if (text != null) {
      entry.put(key, text);
      entry.put(key + "_parsed", FeedDates.parse(text));
    }
  }

  private static FeedDict link(String rel, String type, String href) {
    FeedDict link = new FeedDict();
    link.put("rel", rel);
    link.put("type", type);
    link.put("href", href);
    return link;
  }

  private static FeedDict detail(String type, @Nullable String language, String value) {
    FeedDict detail = new FeedDict();
    detail.put("type", type);
    detail.put("language", language);
    detail.put("base", "");
    detail.put("value", value);
    return detail;
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }
}
