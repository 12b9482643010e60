package riko.reactive.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The element-by-element reading of a feed document into feedparser-shaped entries. It receives
 * parser events (start tag, text, end tag; from SAX, or from jsoup for a document that is not
 * well-formed) and keeps feedparser's state: the stack of open elements collecting text, the
 * content parameters of the text construct being read ({@code type}, {@code language},
 * {@code base}), and whether the reader is inside the feed, an entry, an author, an image, a
 * source. Each known element (RSS, Atom, RDF, Dublin Core, content, Media RSS, iTunes) is mapped
 * the way feedparser maps it; any other element becomes a {@code prefix_localname} key (its text,
 * or its attributes when it has some).
 */
final class FeedParserState {

  private static final Set<String> HTML_ELEMENTS = Set.of("content", "copyright", "description", "info", "rights",
      "subtitle", "summary", "tagline", "title");
  private static final Set<String> URI_ELEMENTS = Set.of("comments", "docs", "href", "icon", "id", "link", "logo",
      "url", "wfw_comment", "wfw_commentrss");
  private static final Pattern LINK_ENTITY = Pattern.compile("&([A-Za-z0-9_]+);");

  private final boolean utf8;
  private final FeedDict feed = new FeedDict();
  private final List<FeedDict> entries = new ArrayList<>();
  private final OpenElements elements = new OpenElements();
  private final FeedNamespaces namespaces = new FeedNamespaces();
  private final Map<FeedDict, Map<String, Integer>> propertyDepths = new IdentityHashMap<>();
  private final List<String> baseStack = new ArrayList<>();
  private final List<@Nullable String> langStack = new ArrayList<>();
  private FeedDict source = new FeedDict();
  private FeedDict contentParams = new FeedDict();
  private String version = "";
  private String base = "";
  private @Nullable String lang;
  private @Nullable String root;
  private @Nullable String summaryKey;
  private boolean inFeed;
  private boolean inEntry;
  private int inContent;
  private boolean inTextInput;
  private boolean inImage;
  private boolean inAuthor;
  private boolean inContributor;
  private boolean inPublisher;
  private boolean inSource;
  private boolean guidIsLink;
  private boolean hasContent;
  private int titleDepth = -1;
  private int depth;

  /** @param utf8 whether the document was decoded as UTF-8 (feedparser then repairs double-encoded text) */
  FeedParserState(boolean utf8) {
    this.utf8 = utf8;
  }

  /** The entries read so far, in document order. */
  List<FeedDict> entries() {
    return entries;
  }

  /** The root element's name as feedparser names it ({@code rss}, {@code feed}, {@code rdf:rdf}), or null. */
  @Nullable String root() {
    return root;
  }

  // ---------------------------------------------------------------- events

  /** A namespace declaration ({@code xmlns:prefix="uri"}; a null prefix for the default namespace). */
  void prefixMapping(@Nullable String prefix, String uri) {
    if (uri.isEmpty()) {
      return;
    }
    String lower = uri.toLowerCase(Locale.ROOT);
    if (version.isEmpty()) {
      if (prefix == null && lower.equals("http://my.netscape.com/rdf/simple/0.9/")) {
        version = "rss090";
      } else if (lower.equals("http://purl.org/rss/1.0/")) {
        version = "rss10";
      } else if (lower.equals("http://www.w3.org/2005/atom")) {
        version = "atom10";
      }
    }
    namespaces.declare(prefix, uri);
  }

  /**
   * A start tag.
   *
   * @param namespace the element's namespace URI ("" for none)
   * @param localName its local name
   * @param qName its name as written (with any prefix)
   * @param attributes its attributes, each {namespace URI, local name, qualified name, value}
   */
  void start(String namespace, String localName, String qName, List<String[]> attributes) {
    String tag = FeedNamespaces.elementName(namespace, localName, qName);
    Map<String, String> attrs = new LinkedHashMap<>();
    for (String[] attribute : attributes) {
      String prefix = FeedNamespaces.attributePrefix(attribute[0]);
      String key = prefix.isEmpty() ? attribute[1] : prefix + ":" + attribute[1];
      attrs.put(key.toLowerCase(Locale.ROOT), attribute[3]);
    }
    for (String[] attribute : attributes) {
      if (!attribute[2].isEmpty()) {
        attrs.put(attribute[2].toLowerCase(Locale.ROOT), attribute[3]);
      }
    }
    attrs.replaceAll((key, value) -> key.equals("rel") || key.equals("type") ? value.toLowerCase(Locale.ROOT) : value);
    if (root == null) {
      root = tag;
    }
    startTag(tag, attrs);
  }

  /** Text inside the current element. */
  void text(String text) {
    handleData(text, true);
  }

  /** An end tag (the same names as the matching {@link #start}). */
  void end(String namespace, String localName, String qName) {
    endTag(FeedNamespaces.elementName(namespace, localName, qName));
  }

  // ---------------------------------------------------------------- feedparser's dispatch

  private void startTag(String tag, Map<String, String> attrs) {
    depth++;
    String xmlBase = attrs.containsKey("xml:base") ? attrs.get("xml:base") : attrs.get("base");
    if (xmlBase != null && !xmlBase.isEmpty()) {
      base = FeedText.resolve(base, xmlBase);
    }
    @Nullable String newLang = attrs.containsKey("xml:lang") ? attrs.get("xml:lang") : attrs.get("lang");
    if (newLang != null && newLang.isEmpty()) {
      newLang = null;
    } else if (newLang == null) {
      newLang = lang;
    }
    lang = newLang;
    baseStack.add(base);
    langStack.add(newLang);
    if (inContent > 0 && !contentType("xml").endsWith("xml")) {
      if (tag.equals("xhtml:div") || tag.equals("div")) {
        return;
      }
      contentParams.put("type", "application/xhtml+xml");
    }
    if (inContent > 0 && "application/xhtml+xml".equals(contentParams.read("type"))) {
      String local = tag.contains(":") ? tag.substring(tag.indexOf(':') + 1) : tag;
      StringBuilder markup = new StringBuilder("<").append(local);
      attrs.forEach((key, value) -> markup.append(' ').append(key).append("=\"").append(FeedMarkup.xmlEscape(value).replace("\"", "&quot;")).append('"'));
      handleData(markup.append('>').toString(), false);
      return;
    }
    boolean unprefixed = namespaces.prefixOf(tag).isEmpty();
    if (unprefixed && !Set.of("title", "link", "description", "name").contains(tag)) {
      inTextInput = false;
    }
    if (unprefixed && !Set.of("title", "link", "description", "url", "href", "width", "height").contains(tag)) {
      inImage = false;
    }
    String name = namespaces.qualifiedName(tag);
    if (!startKnown(name, attrs)) {
      if (attrs.isEmpty()) {
        push(name, true);
      } else {
        context().put(name, attributes(attrs));
      }
    }
  }

  private void endTag(String tag) {
    String name = namespaces.qualifiedName(tag);
    if (!endKnown(name)) {
      pop(name, true);
    }
    if (inContent > 0 && !contentType("xml").endsWith("xml")) {
      if (tag.equals("xhtml:div") || tag.equals("div")) {
        return;
      }
      contentParams.put("type", "application/xhtml+xml");
    }
    if (inContent > 0 && "application/xhtml+xml".equals(contentParams.read("type"))) {
      String local = tag.contains(":") ? tag.substring(tag.indexOf(':') + 1) : tag;
      handleData("</" + local + ">", false);
    }
    if (!baseStack.isEmpty()) {
      baseStack.remove(baseStack.size() - 1);
      if (!baseStack.isEmpty() && !baseStack.get(baseStack.size() - 1).isEmpty()) {
        base = baseStack.get(baseStack.size() - 1);
      }
    }
    if (!langStack.isEmpty()) {
      langStack.remove(langStack.size() - 1);
      if (!langStack.isEmpty()) {
        lang = langStack.get(langStack.size() - 1);
      }
    }
    depth--;
  }

  private String contentType(String fallback) {
    Object type = contentParams.read("type");
    return type instanceof String s ? s : fallback;
  }

  private boolean startKnown(String name, Map<String, String> attrs) {
    switch (name) {
      case "rss" -> {
        if (!version.startsWith("rss")) {
          String given = attrs.getOrDefault("version", "");
          version = switch (given) {
            case "0.91" -> "rss091u";
            case "0.92" -> "rss092";
            case "0.93" -> "rss093";
            case "0.94" -> "rss094";
            default -> given.startsWith("2.") ? "rss20" : "rss";
          };
        }
      }
      case "channel" -> inFeed = true;
      case "feed" -> {
        inFeed = true;
        if (version.isEmpty()) {
          version = switch (attrs.getOrDefault("version", "")) {
            case "0.1" -> "atom01";
            case "0.2" -> "atom02";
            case "0.3" -> "atom03";
            default -> "atom";
          };
        }
      }
      case "image" -> {
        if (!inEntry) {
          context().keep("image", new FeedDict());
        }
        inImage = true;
        titleDepth = -1;
        push("image", false);
      }
      case "textinput" -> {
        context().keep("textinput", new FeedDict());
        inTextInput = true;
        titleDepth = -1;
        push("textinput", false);
      }
      case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author" -> {
        inAuthor = true;
        push("author", true);
        context().list("authors").add(new FeedDict());
      }
      case "contributor" -> {
        inContributor = true;
        context().list("contributors").add(new FeedDict());
        push("contributor", false);
      }
      case "dc_contributor" -> {
        inContributor = true;
        context().list("contributors").add(new FeedDict());
        push("name", false);
      }
      case "name", "itunes_name" -> push("name", false);
      case "width", "height", "email", "itunes_email" -> push(name.startsWith("itunes_") ? "email" : name, false);
      case "url", "homepage", "uri" -> push("href", true);
      case "subtitle", "tagline", "itunes_subtitle" -> pushContent("subtitle", attrs, "text/plain", true);
      case "rights", "copyright", "dc_rights" -> pushContent("rights", attrs, "text/plain", true);
      case "item", "entry" -> {
        FeedDict entry = new FeedDict();
        entries.add(entry);
        push("item", false);
        inEntry = true;
        guidIsLink = false;
        titleDepth = -1;
        String about = attrs.get("rdf:about");
        if (about != null && !about.isEmpty()) {
          context().put("id", about);
        }
      }
      case "language", "dc_language" -> push("language", true);
      case "webmaster", "dc_publisher" -> push("publisher", true);
      case "itunes_owner" -> {
        inPublisher = true;
        push("publisher", false);
      }
      case "published", "issued", "pubdate", "dcterms_issued" -> push("published", true);
      case "updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified" -> push("updated", true);
      case "created", "dcterms_created" -> push("created", true);
      case "expirationdate" -> push("expired", true);
      case "category", "keywords", "dc_subject", "media_category" -> {
        if (name.equals("media_category")) {
          attrs.putIfAbsent("scheme", "http://search.yahoo.com/mrss/category_schema");
        }
        FeedTags.add(context(), attrs.get("term"), attrs.containsKey("scheme") ? attrs.get("scheme") : attrs.get("domain"), attrs.get("label"));
        push("category", true);
      }
      case "itunes_category" -> {
        FeedTags.add(context(), attrs.get("text"), "http://www.itunes.com/", null);
        push("category", true);
      }
      case "tags" -> push("tags", true);
      case "cloud" -> context().put("cloud", new FeedDict(new LinkedHashMap<>(attrs)));
      case "link" -> startLink(attrs);
      case "guid", "id" -> {
        guidIsLink = "true".equals(attrs.getOrDefault("ispermalink", "true"));
        push("id", true);
      }
      case "title", "dc_title", "media_title" -> pushContent("title", attrs, "text/plain", inFeed || inEntry || inSource);
      case "description", "dc_description", "media_description" -> {
        if (context().has("summary") && !hasContent) {
          summaryKey = "content";
          startContent(attrs);
        } else {
          pushContent("description", attrs, "text/html", inFeed || inEntry || inSource);
        }
      }
      case "abstract" -> pushContent("description", attrs, "text/plain", inFeed || inEntry || inSource);
      case "info", "feedburner_browserfriendly" -> pushContent("info", attrs, "text/plain", true);
      case "generator" -> {
        Map<String, @Nullable Object> detail = new LinkedHashMap<>(attrs);
        enforceHref(detail);
        context().put("generator_detail", new FeedDict(detail));
        push("generator", true);
      }
      case "summary", "itunes_summary" -> {
        if (context().has("summary") && !hasContent) {
          summaryKey = "content";
          startContent(attrs);
        } else {
          summaryKey = "summary";
          pushContent("summary", attrs, "text/plain", true);
        }
      }
      case "enclosure" -> {
        Map<String, @Nullable Object> link = new LinkedHashMap<>(attrs);
        enforceHref(link);
        link.put("rel", "enclosure");
        context().list("links").add(new FeedDict(link));
      }
      case "source" -> {
        if (attrs.containsKey("url")) {
          source.put("href", attrs.get("url"));
        }
        push("source", true);
        inSource = true;
        titleDepth = -1;
      }
      case "content" -> startContent(attrs);
      case "body", "xhtml_body" -> pushContent("content", attrs, "application/xhtml+xml", true);
      case "content_encoded", "fullitem" -> {
        hasContent = true;
        pushContent("content", attrs, "text/html", true);
      }
      case "cc_license" -> {
        FeedDict link = new FeedDict();
        link.put("rel", "license");
        String resource = attrs.get("rdf:resource");
        if (resource != null && !resource.isEmpty()) {
          link.put("href", resource);
        }
        context().list("links").add(link);
      }
      case "creativecommons_license" -> push("license", true);
      case "media_group" -> {
        // nothing: its children are read as if they were the entry's own
      }
      case "media_rating", "media_restriction", "media_license" -> {
        context().keep(name, attributes(attrs));
        push(name.substring("media_".length()), true);
      }
      case "media_credit" -> {
        context().list("media_credit").add(attributes(attrs));
        push("credit", true);
      }
      case "media_content" -> context().list("media_content").add(attributes(attrs));
      case "media_thumbnail" -> {
        List<Object> thumbnails = context().list("media_thumbnail");
        push("url", true);
        thumbnails.add(attributes(attrs));
      }
      case "media_player" -> {
        push("media_player", false);
        context().put("media_player", new FeedDict(new LinkedHashMap<>(attrs)));
      }
      case "itunes_image", "itunes_link" -> {
        push("itunes_image", false);
        String href = attrs.get("href");
        String url = attrs.get("url");
        if (href != null && !href.isEmpty()) {
          context().put("image", new FeedDict(new LinkedHashMap<>(Map.of("href", href))));
        } else if (url != null && !url.isEmpty()) {
          context().put("image", new FeedDict(new LinkedHashMap<>(Map.of("href", url))));
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean endKnown(String name) {
    switch (name) {
      case "channel", "feed" -> inFeed = false;
      case "image" -> {
        pop("image", true);
        inImage = false;
      }
      case "textinput" -> {
        pop("textinput", true);
        inTextInput = false;
      }
      case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author" -> {
        pop("author", true);
        inAuthor = false;
        FeedAuthors.syncDetail(context(), "author");
      }
      case "contributor" -> {
        pop("contributor", true);
        inContributor = false;
      }
      case "dc_contributor" -> {
        endName();
        inContributor = false;
      }
      case "name", "itunes_name" -> endName();
      case "width", "height" -> pop(name, true);
      case "url", "homepage", "uri" -> {
        String value = pop("href", true);
        if (inAuthor) {
          FeedAuthors.save(context(), "href", value, "author");
        } else if (inContributor) {
          FeedAuthors.saveContributor(context(), "href", value);
        }
      }
      case "email", "itunes_email" -> {
        String value = pop("email", true);
        if (inPublisher) {
          FeedAuthors.save(context(), "email", value, "publisher");
        } else if (inAuthor) {
          FeedAuthors.save(context(), "email", value, "author");
        } else if (inContributor) {
          FeedAuthors.saveContributor(context(), "email", value);
        }
      }
      case "subtitle", "tagline", "itunes_subtitle" -> popContent("subtitle");
      case "rights", "copyright", "dc_rights" -> popContent("rights");
      case "item", "entry" -> {
        pop("item", true);
        inEntry = false;
        hasContent = false;
      }
      case "language", "dc_language" -> lang = pop("language", true);
      case "webmaster", "dc_publisher" -> {
        pop("publisher", true);
        FeedAuthors.syncDetail(context(), "publisher");
      }
      case "itunes_owner" -> {
        pop("publisher", true);
        inPublisher = false;
        FeedAuthors.syncDetail(context(), "publisher");
      }
      case "published", "issued", "pubdate", "dcterms_issued" ->
          context().put("published_parsed", FeedDates.parse(pop("published", true)));
      case "updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified" ->
          context().put("updated_parsed", FeedDates.parse(pop("updated", true)));
      case "created", "dcterms_created" -> context().put("created_parsed", FeedDates.parse(pop("created", true)));
      case "expirationdate" -> context().put("expired_parsed", FeedDates.parse(pop("expired", true)));
      case "category", "keywords", "dc_subject", "media_category", "itunes_category" -> {
        String value = pop("category", true);
        if (value == null || value.isEmpty()) {
          return true;
        }
        List<Object> tags = context().list("tags");
        if (!tags.isEmpty() && !FeedText.truthy(((FeedDict) tags.get(tags.size() - 1)).read("term"))) {
          ((FeedDict) tags.get(tags.size() - 1)).put("term", value);
        } else {
          FeedTags.add(context(), value, null, null);
        }
      }
      case "tags" -> {
        String value = pop("tags", true);
        for (String term : (value == null ? "" : value).split(",", -1)) {
          FeedTags.add(context(), term.strip(), null, null);
        }
      }
      case "media_keywords", "itunes_keywords" -> {
        String value = pop(name, true);
        for (String term : (value == null ? "" : value).split(",", -1)) {
          if (!term.isBlank()) {
            FeedTags.add(context(), term.strip(), name.equals("itunes_keywords") ? "http://www.itunes.com/" : null, null);
          }
        }
      }
      case "link" -> pop("link", true);
      case "guid", "id" -> {
        String value = pop("id", true);
        FeedDict context = context();
        context.keep("guidislink", guidIsLink && !context.has("link"));
        if (guidIsLink) {
          context.keep("link", value);
        }
      }
      case "title", "dc_title" -> endTitle();
      case "media_title" -> {
        int kept = titleDepth;
        endTitle();
        titleDepth = kept;
      }
      case "description", "dc_description", "media_description", "abstract" -> {
        if ("content".equals(summaryKey)) {
          endContent();
        } else {
          popContent("description");
        }
        summaryKey = null;
      }
      case "info", "feedburner_browserfriendly" -> popContent("info");
      case "generator" -> {
        String value = pop("generator", true);
        if (context().read("generator_detail") instanceof FeedDict detail) {
          detail.put("name", value);
        }
      }
      case "summary", "itunes_summary" -> {
        if ("content".equals(summaryKey)) {
          endContent();
        } else {
          popContent(summaryKey == null ? "summary" : summaryKey);
        }
        summaryKey = null;
      }
      case "source" -> {
        inSource = false;
        String value = pop("source", true);
        if (value != null && !value.isEmpty()) {
          source.put("title", value);
        }
        context().put("source", new FeedDict(source));
        source = new FeedDict();
      }
      case "content", "body", "xhtml_body", "content_encoded", "fullitem" -> endContent();
      case "creativecommons_license" -> {
        String value = pop("license", true);
        FeedDict context = context();
        FeedDict link = new FeedDict();
        link.put("rel", "license");
        if (value != null && !value.isEmpty()) {
          link.put("href", value);
        }
        context.list("links").add(link);
        context.remove("license");
      }
      case "media_rating", "media_license" -> {
        String value = pop(name.substring("media_".length()), true);
        if (value != null && !value.isBlank() && context().read(name) instanceof Map<?, ?> detail) {
          putContent(detail, value);
        }
      }
      case "media_restriction" -> {
        String value = pop("restriction", true);
        if (value != null && !value.isBlank() && context().read(name) instanceof Map<?, ?> detail) {
          List<Object> codes = new ArrayList<>();
          for (String code : value.split(" ", -1)) {
            codes.add(code.strip().toLowerCase(Locale.ROOT));
          }
          putContent(detail, codes);
        }
      }
      case "media_credit" -> {
        String value = pop("credit", true);
        List<Object> credits = context().list("media_credit");
        if (value != null && !value.isBlank() && !credits.isEmpty()) {
          putContent((Map<?, ?>) credits.get(credits.size() - 1), value);
        }
      }
      case "media_thumbnail" -> {
        String url = pop("url", true);
        List<Object> thumbnails = context().list("media_thumbnail");
        if (url != null && !url.isBlank() && !thumbnails.isEmpty()) {
          @SuppressWarnings("unchecked")
          Map<String, @Nullable Object> last = (Map<String, @Nullable Object>) thumbnails.get(thumbnails.size() - 1);
          last.putIfAbsent("url", url);
        }
      }
      case "media_player" -> {
        String value = pop("media_player", true);
        if (context().read("media_player") instanceof FeedDict player) {
          player.put("content", value);
        }
      }
      case "itunes_block" -> {
        String value = pop("itunes_block", false);
        context().put("itunes_block", "yes".equals(value) || "Yes".equals(value) ? 1L : 0L);
      }
      case "itunes_explicit" -> {
        String value = pop("itunes_explicit", true);
        context().put("itunes_explicit", "yes".equals(value) ? Boolean.TRUE : "clean".equals(value) ? Boolean.FALSE : null);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- element handlers

  private void startLink(Map<String, String> attrs) {
    Map<String, @Nullable Object> link = new LinkedHashMap<>(attrs);
    link.putIfAbsent("rel", "alternate");
    link.putIfAbsent("type", "self".equals(link.get("rel")) ? "application/atom+xml" : "text/html");
    FeedDict context = context();
    enforceHref(link);
    if (link.get("href") instanceof String href) {
      link.put("href", FeedText.resolve(base, href));
    }
    boolean expectingText = inFeed || inEntry || inSource;
    List<Object> links = context.list("links");
    if (!(inEntry && inImage)) {
      links.add(new FeedDict(link));
    }
    if (link.containsKey("href")) {
      if ("alternate".equals(link.get("rel")) && FeedMarkup.isHtml(String.valueOf(link.get("type")))) {
        context.put("link", link.get("href"));
      }
    } else {
      push("link", expectingText);
    }
  }

  private void startContent(Map<String, String> attrs) {
    hasContent = true;
    pushContent("content", attrs, "text/plain", true);
    String src = attrs.get("src");
    if (src != null && !src.isEmpty()) {
      contentParams.put("src", src);
    }
    push("content", true);
  }

  private void endContent() {
    boolean copyToSummary = Set.of("text/plain", "text/html", "application/xhtml+xml")
        .contains(FeedMarkup.mapContentType(contentType("")));
    String value = popContent("content");
    if (copyToSummary) {
      context().keep("summary", value);
    }
  }

  private void endTitle() {
    String value = popContent("title");
    if (value != null && !value.isEmpty()) {
      titleDepth = depth;
    }
  }

  private void endName() {
    String value = pop("name", true);
    if (inPublisher) {
      FeedAuthors.save(context(), "name", value, "publisher");
    } else if (inAuthor) {
      FeedAuthors.save(context(), "name", value, "author");
    } else if (inContributor) {
      FeedAuthors.saveContributor(context(), "name", value);
    } else if (inTextInput) {
      context().put("name", value);
    }
  }

  private static void enforceHref(Map<String, @Nullable Object> attrs) {
    Object href = attrs.containsKey("url") ? attrs.get("url") : attrs.containsKey("uri") ? attrs.get("uri") : attrs.get("href");
    if (FeedText.truthy(href)) {
      attrs.remove("url");
      attrs.remove("uri");
      attrs.put("href", href);
    }
  }

  // ---------------------------------------------------------------- the element stack

  private void push(String element, boolean expectingText) {
    elements.push(element, expectingText);
  }

  private void pushContent(String tag, Map<String, String> attrs, String defaultType, boolean expectingText) {
    inContent++;
    if (lang != null) {
      lang = lang.replace('_', '-');
    }
    contentParams = new FeedDict();
    contentParams.put("type", FeedMarkup.mapContentType(attrs.getOrDefault("type", defaultType)));
    contentParams.put("language", lang);
    contentParams.put("base", base);
    String type = (String) contentParams.read("type");
    boolean base64 = "base64".equals(attrs.get("mode"))
        || !(type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml"));
    contentParams.put("base64", base64);
    push(tag, expectingText);
  }

  private @Nullable String popContent(String tag) {
    String value = pop(tag, true);
    inContent--;
    contentParams = new FeedDict();
    return value;
  }

  private void handleData(String text, boolean escape) {
    if (!elements.anyOpen()) {
      return;
    }
    elements.append(escape && "application/xhtml+xml".equals(contentParams.read("type")) ? FeedMarkup.xmlEscape(text) : text);
  }

  /** Closes {@code element} (when it is the innermost open one) and stores its text where feedparser does. */
  private @Nullable String pop(String element, boolean stripWhitespace) {
    OpenElements.Open top = elements.close(element);
    if (top == null) {
      return null;
    }
    List<String> pieces = top.pieces;
    if (version.equals("atom10") && "application/xhtml+xml".equals(contentType("text"))) {
      pieces = FeedMarkup.unwrapDiv(pieces);
    }
    String output = String.join("", pieces);
    if (stripWhitespace) {
      output = output.strip();
    }
    if (!top.expectingText) {
      return output;
    }
    if (Boolean.TRUE.equals(contentParams.read("base64"))) {
      output = FeedText.decodeBase64(output);
    }
    if (URI_ELEMENTS.contains(element) && !output.isEmpty() && (!element.equals("id") || guidIsLink)) {
      output = FeedText.resolve(base, output);
    }
    if (!version.startsWith("atom") && "text/plain".equals(contentParams.read("type")) && FeedMarkup.looksLikeHtml(output)) {
      contentParams.put("type", "text/html");
    }
    contentParams.remove("mode");
    contentParams.remove("base64");
    String type = contentType("text/html");
    if (FeedMarkup.isHtml(type) && HTML_ELEMENTS.contains(element)) {
      output = HtmlSanitizer.clean(output, type, base);
    }
    if (utf8) {
      output = FeedText.repairDoubleEncoding(output);
    }
    output = FeedText.cp1252(output);
    if (element.equals("category") || element.equals("tags") || element.equals("itunes_keywords")) {
      return output;
    }
    if (element.equals("title") && titleDepth > -1 && titleDepth <= depth) {
      return output;
    }
    return store(element, output);
  }

  /** Stores an element's finished text in the entry, feed or source being read, as feedparser does; returns the text (links unescaped). */
  private String store(String element, String output) {
    if (inEntry && !inSource) {
      FeedDict entry = entries.get(entries.size() - 1);
      if (element.equals("content")) {
        FeedDict content = new FeedDict(contentParams);
        content.put("value", output);
        entry.list("content").add(content);
      } else if (element.equals("link")) {
        if (!inImage) {
          output = LINK_ENTITY.matcher(output.replace("&amp;", "&")).replaceAll("&$1");
          entry.put("link", output);
          if (!output.isEmpty() && entry.read("links") instanceof List<?> links && !links.isEmpty()
              && links.get(links.size() - 1) instanceof FeedDict last) {
            last.put("href", output);
          }
        }
      } else {
        String key = element.equals("description") ? "summary" : element;
        Map<String, Integer> depths = propertyDepths.computeIfAbsent(entry, e -> new HashMap<>());
        Integer old = depths.get(key);
        if (old == null || depth <= old) {
          depths.put(key, depth);
          entry.put(key, output);
        }
        if (inContent > 0) {
          FeedDict detail = new FeedDict(contentParams);
          detail.put("value", output);
          entry.put(key + "_detail", detail);
        }
      }
    } else if (inFeed || inSource) {
      FeedDict context = context();
      String key = element.equals("description") ? "subtitle" : element;
      context.put(key, output);
      if (key.equals("link")) {
        output = LINK_ENTITY.matcher(output).replaceAll("&$1");
        context.put(key, output);
        if (context.read("links") instanceof List<?> links && !links.isEmpty() && links.get(links.size() - 1) instanceof FeedDict last) {
          last.put("href", output);
        }
      } else if (inContent > 0) {
        FeedDict detail = new FeedDict(contentParams);
        detail.put("value", output);
        context.put(key + "_detail", detail);
      }
    }
    return output;
  }

  private FeedDict context() {
    if (inSource) {
      return source;
    }
    if (inImage && feed.read("image") instanceof FeedDict image) {
      return image;
    }
    if (inTextInput && feed.read("textinput") instanceof FeedDict textInput) {
      return textInput;
    }
    if (inEntry) {
      return entries.get(entries.size() - 1);
    }
    return feed;
  }

  @SuppressWarnings("unchecked")
  private static void putContent(Map<?, ?> detail, Object value) {
    ((Map<String, @Nullable Object>) detail).put("content", value);
  }

  private static Map<String, @Nullable Object> attributes(Map<String, String> attrs) {
    return new LinkedHashMap<>(attrs);
  }
}
