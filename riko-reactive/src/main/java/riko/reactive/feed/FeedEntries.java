package riko.reactive.feed;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import riko.item.Item;
import riko.value.TimeTuple;

/**
 * Turns a feed document into riko's feed entry items ({@code modules.md} S1): the entries as
 * Python feedparser shapes them ({@code title}, {@code title_detail}, {@code links},
 * {@code summary}, {@code content}, {@code authors}, {@code tags}, {@code published_parsed},
 * extension elements as {@code prefix_localname} keys, ...), then riko's augmentation
 * ({@code author} as {@code {name, uri}}, {@code dc:creator}, {@code y:id}, {@code y:title},
 * {@code pubDate}, {@code y:published}, {@code summary} filled in).
 *
 * <pre>{@code
 * List<Item> entries = FeedEntries.read(bytes, "application/rss+xml", StandardCharsets.UTF_8);
 * String title = (String) entries.get(0).get("title");
 * }</pre>
 *
 * <p>Formats: RSS 0.9x, 1.0 (RDF) and 2.0, Atom 0.3 and 1.0, and JSON Feed 1.0/1.1 (chosen by a
 * JSON content type, or by a document starting with <code>{</code>). XML documents are decoded as
 * the document says (byte order mark, XML declaration; Rome's {@link XmlReader}), with the
 * response's charset when it names one, else {@code fallback}; HTML entities such as
 * {@code &nbsp;} are accepted outside CDATA sections. DTDs and external entities are
 * never loaded. A document that is not well-formed is read leniently with jsoup's XML parser,
 * recovering what entries it can.
 *
 * <p>A document that holds no entries and whose root is not a feed ({@code rss}, {@code feed},
 * {@code rdf:RDF}, {@code channel}; or a JSON object with a JSON Feed {@code version}) is a
 * {@link FeedException}: riko logs it and yields nothing; riko-java reports it, so that a page
 * fetched by mistake is not taken for an empty feed. A feed without entries yields no items.
 */
public final class FeedEntries {

  private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "rdf:rdf", "channel", "rdf");

  private static final ThreadLocal<SAXParser> SAX = ThreadLocal.withInitial(FeedEntries::newParser);

  private FeedEntries() {}

  /**
   * The entries of a feed document, in document order.
   *
   * @param document the document's bytes, as fetched
   * @param contentType the response's {@code Content-Type}, or null (local files)
   * @param fallback the charset of an XML document that names none ({@code fetch}'s
   *     {@code encoding} conf)
   * @throws FeedException when the document is not a feed
   */
  public static List<Item> read(byte[] document, @Nullable String contentType, Charset fallback) {
    List<FeedDict> entries = isJson(document, contentType)
        ? JsonFeedEntries.read(document)
        : xmlEntries(document, contentType, fallback);
    List<Item> items = new ArrayList<>(entries.size());
    for (FeedDict entry : entries) {
      items.add(augment(entry));
    }
    return items;
  }

  private static boolean isJson(byte[] document, @Nullable String contentType) {
    String media = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (media.equals("application/feed+json") || media.equals("application/json")) {
      return true;
    }
    for (int i = 0; i < document.length; i++) {
      int b = document[i] & 0xFF;
      if (b == 0xEF && i == 0 && document.length > 2 && (document[1] & 0xFF) == 0xBB && (document[2] & 0xFF) == 0xBF) {
        i += 2;
        continue;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == '{';
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- XML

  private static List<FeedDict> xmlEntries(byte[] document, @Nullable String contentType, Charset fallback) {
    boolean utf8;
    String text;
    try (XmlReader decoder = decoder(document, contentType, fallback)) {
      utf8 = decoder.getEncoding() == null || decoder.getEncoding().equalsIgnoreCase("UTF-8");
      text = HtmlEntities.toNumeric(readAll(decoder, document.length));
    } catch (IOException e) {
      throw new FeedException("cannot decode the feed: " + e.getMessage(), e);
    }
    FeedParserState state = new FeedParserState(utf8);
    try {
      SAXParser parser = SAX.get();
      parser.reset();
      parser.parse(new InputSource(new StringReader(text)), new SaxEvents(state));
    } catch (SAXException e) {
      state = new FeedParserState(utf8);
      lenient(text, state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String root = state.root();
    if (state.entries().isEmpty() && (root == null || !FEED_ROOTS.contains(root))) {
      throw new FeedException(root == null
          ? "the document is not an RSS, Atom or JSON feed (no elements)"
          : "the document is not an RSS, Atom or JSON feed (its root element is <" + root + ">)", null);
    }
    return state.entries();
  }

  private static XmlReader decoder(byte[] document, @Nullable String contentType, Charset fallback) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(document);
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=")) {
      return new XmlReader(in, contentType, true, fallback.name());
    }
    return new XmlReader(in, true, fallback.name());
  }

  /** The decoded text; {@code expected} (the byte count: a bound for most encodings) sizes the buffer once. */
  private static String readAll(Reader reader, int expected) throws IOException {
    StringBuilder text = new StringBuilder(expected);
    char[] buffer = new char[8192];
    int read;
    while ((read = reader.read(buffer)) >= 0) {
      text.append(buffer, 0, read);
    }
    return text.toString();
  }

  private static SAXParser newParser() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setXIncludeAware(false);
      return factory.newSAXParser();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot configure the XML parser for feeds", e);
    }
  }

  /** SAX events into the feed state. */
  private static final class SaxEvents extends DefaultHandler {
    private final FeedParserState state;

    SaxEvents(FeedParserState state) {
      this.state = state;
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
      state.prefixMapping(prefix.isEmpty() ? null : prefix, uri);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      List<String[]> attrs = new ArrayList<>(attributes.getLength());
      for (int i = 0; i < attributes.getLength(); i++) {
        String name = attributes.getQName(i);
        if (name.equals("xmlns") || name.startsWith("xmlns:")) {
          continue;
        }
        attrs.add(new String[] {attributes.getURI(i), attributes.getLocalName(i), name, attributes.getValue(i)});
      }
      state.start(uri, localName, qName, attrs);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      state.text(new String(ch, start, length));
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      state.end(uri, localName, qName);
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) {
      return new InputSource(new StringReader(""));
    }
  }

  /** Reads a document that is not well-formed: jsoup's XML tree, walked with namespaces tracked by hand. */
  private static void lenient(String text, FeedParserState state) {
    org.jsoup.nodes.Document document = Jsoup.parse(text, "", Parser.xmlParser());
    for (Node child : document.childNodes()) {
      if (child instanceof Element element) {
        walk(element, state, Map.of());
      }
    }
  }

  private static void walk(Element element, FeedParserState state, Map<String, String> inherited) {
    Map<String, String> scope = inherited;
    List<Attribute> plain = new ArrayList<>();
    for (Attribute attribute : element.attributes()) {
      String key = attribute.getKey();
      if (key.equals("xmlns") || key.startsWith("xmlns:")) {
        if (scope == inherited) {
          scope = new LinkedHashMap<>(inherited);
        }
        String prefix = key.equals("xmlns") ? "" : key.substring(6);
        scope.put(prefix, attribute.getValue());
        state.prefixMapping(prefix.isEmpty() ? null : prefix, attribute.getValue());
      } else {
        plain.add(attribute);
      }
    }
    String qName = element.tagName();
    int colon = qName.indexOf(':');
    String namespace = scope.getOrDefault(colon > 0 ? qName.substring(0, colon) : "", "");
    String localName = colon > 0 ? qName.substring(colon + 1) : qName;
    List<String[]> attrs = new ArrayList<>();
    for (Attribute attribute : plain) {
      String key = attribute.getKey();
      int c = key.indexOf(':');
      String uri = c > 0 ? (key.startsWith("xml:") ? XMLConstants.XML_NS_URI : scope.getOrDefault(key.substring(0, c), "")) : "";
      attrs.add(new String[] {uri, c > 0 ? key.substring(c + 1) : key, key, attribute.getValue()});
    }
    state.start(namespace, localName, qName, attrs);
    for (Node child : element.childNodes()) {
      if (child instanceof Element nested) {
        walk(nested, state, scope);
      } else if (child instanceof CDataNode cdata) {
        state.text(cdata.getWholeText());
      } else if (child instanceof TextNode textNode) {
        state.text(textNode.getWholeText());
      }
    }
    state.end(namespace, localName, qName);
  }

  // ---------------------------------------------------------------- riko's augmentation

  /** riko's additions to a feedparser entry ({@code modules.md} S1, steps 1-6). */
  static Item augment(FeedDict entry) {
    String text = firstText(entry.read("summary"));
    if (text.isEmpty() && entry.read("content") instanceof List<?> content && !content.isEmpty()
        && content.get(0) instanceof Map<?, ?> first) {
      text = firstText(first.get("value"));
    }
    if (text.isEmpty()) {
      text = firstText(entry.read("title"));
    }
    if (!FeedText.truthy(entry.read("summary"))) {
      entry.put("summary", text);
    }
    Object pub = null;
    Object upd = null;
    if (entry.has("published_parsed")) {
      pub = entry.read("published_parsed");
      upd = pub;
    } else if (entry.has("published")) {
      pub = FeedDates.parse(entry.text("published"));
      upd = pub;
    }
    if (entry.containsKey("updated_parsed")) {
      upd = entry.get("updated_parsed");
    } else if (entry.containsKey("updated")) {
      upd = FeedDates.parse(entry.text("updated"));
    }
    Map<String, @Nullable Object> detail = entry.read("author_detail") instanceof Map<?, ?> map ? plainMap(map) : Map.of();
    Map<String, @Nullable Object> author = new LinkedHashMap<>();
    author.put("name", detail.get("name"));
    author.put("uri", detail.get("href"));
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    entry.forEach((key, value) -> out.put(key, plain(value)));
    out.put("dc:creator", entry.read("author"));
    out.put("author", author);
    out.put("y:id", entry.read("id"));
    out.put("updated_parsed", upd);
    out.put("published_parsed", pub);
    out.put("y:published", pub);
    out.put("pubDate", pub);
    out.put("y:title", entry.read("title"));
    return Item.of(out);
  }

  private static String firstText(@Nullable Object value) {
    return value instanceof String s ? s : value == null ? "" : String.valueOf(value);
  }

  private static @Nullable Object plain(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return plainMap(map);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      list.forEach(each -> copy.add(plain(each)));
      return copy;
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return value instanceof TimeTuple || value == null || value instanceof String || value instanceof Boolean
        || value instanceof Long || value instanceof Double ? value : String.valueOf(value);
  }

  private static Map<String, @Nullable Object> plainMap(Map<?, ?> map) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), plain(value)));
    return copy;
  }
}
