package riko.reactive.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import riko.item.Item;

/**
 * Feed link discovery in an HTML page, as riko's {@code feedautodiscovery} does it
 * ({@code modules.md}): every start tag is scanned (not only {@code <link>}: {@code <a>} tags
 * count too), as Python's {@code HTMLParser} reads tags (names and attribute names lower-cased,
 * character references in values decoded, {@code script} and {@code style} content and comments
 * skipped).
 *
 * <p>A tag is a candidate when it has a non-empty {@code href} that does not start with
 * {@code /}, and its {@code type} ends with one of {@link #SUFFIXES}; when not strict, an
 * {@code href} ending with one of them qualifies too. Each candidate is an item of the tag's
 * attributes (in order; an attribute without a value is null; a repeated one keeps its last
 * value) plus {@code link} (the {@code href}, not resolved) and {@code tag} (the element name).
 *
 * <pre>{@code
 * List<Item> feeds = FeedLinks.discover(html, true, false);
 * String first = (String) feeds.get(0).get("link");
 * }</pre>
 */
public final class FeedLinks {

  /** The feed type suffixes, in the order {@code sort} ranks them. */
  public static final List<String> SUFFIXES = List.of("rss+xml", "atom+xml", "rdf+xml", "text/xml", "xml");

  private static final Pattern START_TAG = Pattern.compile("<([a-zA-Z][^\\t\\n\\r\\f />\\x00]*)");
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "((?<=['\"\\s/])[^\\s/>][^\\s/=>]*)(\\s*=+\\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\\s]*))?(?:\\s|/(?!>))*");
  private static final Pattern TAG_END = Pattern.compile("\\s*/?\\s*>");
  private static final Pattern ATTRIBUTES_END = Pattern.compile("[\\s/]*");

  private FeedLinks() {}

  /**
   * The feed links of a page, in document order, or ranked by type when {@code sort}.
   *
   * @param html the page's text
   * @param strict whether only the {@code type} attribute decides (else the {@code href}'s
   *     ending counts too)
   * @param sort whether to order the candidates by the first suffix their {@code type} ends with
   *     (stable; no matching type goes last)
   */
  public static List<Item> discover(String html, boolean strict, boolean sort) {
    List<Map<String, @Nullable Object>> candidates = new ArrayList<>();
    int i = 0;
    int n = html.length();
    String rawText = null;
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0) {
        break;
      }
      if (rawText != null) {
        int close = html.toLowerCase(Locale.ROOT).indexOf("</" + rawText, lt);
        if (close < 0) {
          break;
        }
        rawText = null;
        i = close + 2;
        continue;
      }
      if (html.startsWith("<!--", lt)) {
        int close = html.indexOf("-->", lt + 4);
        i = close < 0 ? n : close + 3;
        continue;
      }
      if (html.startsWith("<!", lt) || html.startsWith("<?", lt) || html.startsWith("</", lt)) {
        int close = html.indexOf('>', lt + 2);
        i = close < 0 ? n : close + 1;
        continue;
      }
      Matcher tag = START_TAG.matcher(html).region(lt, n);
      if (!tag.lookingAt()) {
        i = lt + 1;
        continue;
      }
      String name = tag.group(1).toLowerCase(Locale.ROOT);
      Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
      int k = tag.end();
      Matcher attribute = ATTRIBUTE.matcher(html).useTransparentBounds(true);
      Matcher leading = ATTRIBUTES_END.matcher(html).region(k, n);
      if (leading.lookingAt()) {
        k = leading.end();
      }
      while (k < n) {
        attribute.region(k, n);
        if (!attribute.lookingAt() || attribute.end() == k) {
          break;
        }
        String key = attribute.group(1).toLowerCase(Locale.ROOT);
        String value = attribute.group(3);
        if (value != null) {
          if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
            value = value.substring(1, value.length() - 1);
          }
          value = Parser.unescapeEntities(value, true);
        }
        attributes.put(key, value);
        k = attribute.end();
      }
      Matcher end = TAG_END.matcher(html).region(k, n);
      if (!end.lookingAt()) {
        int close = html.indexOf('>', k);
        if (close < 0) {
          break;
        }
        i = close + 1;
      } else {
        i = end.end();
      }
      candidate(name, attributes, strict).ifPresent(candidates::add);
      if (name.equals("script") || name.equals("style")) {
        rawText = name;
      }
    }
    if (sort) {
      candidates.sort(Comparator.comparingInt(FeedLinks::rank));
    }
    List<Item> items = new ArrayList<>(candidates.size());
    candidates.forEach(candidate -> items.add(Item.of(candidate)));
    return items;
  }

  private static Optional<Map<String, @Nullable Object>> candidate(String tag,
      Map<String, @Nullable Object> attributes, boolean strict) {
    Object href = attributes.get("href");
    if (!(href instanceof String link) || link.isEmpty() || link.startsWith("/")) {
      return Optional.empty();
    }
    String type = attributes.get("type") instanceof String t ? t : "";
    boolean matches = SUFFIXES.stream().anyMatch(type::endsWith);
    if (!strict) {
      matches = matches || SUFFIXES.stream().anyMatch(link::endsWith);
    }
    if (!matches) {
      return Optional.empty();
    }
    Map<String, @Nullable Object> entry = new LinkedHashMap<>(attributes);
    entry.put("link", link);
    entry.put("tag", tag);
    return Optional.of(entry);
  }

  private static int rank(Map<String, @Nullable Object> candidate) {
    String type = candidate.get("type") instanceof String t ? t : "";
    for (int i = 0; i < SUFFIXES.size(); i++) {
      if (type.endsWith(SUFFIXES.get(i))) {
        return i;
      }
    }
    return SUFFIXES.size();
  }
}
