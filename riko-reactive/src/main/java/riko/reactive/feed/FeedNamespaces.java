package riko.reactive.feed;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * feedparser's namespace table (namespace URI to the usual prefix it gives its elements) and the
 * prefixes a document declares, from which an element gets its feedparser name.
 */
final class FeedNamespaces {

  /** Namespace URIs (lower-cased) and the prefix feedparser gives them ("" for the core formats). */
  private static final Map<String, String> KNOWN = table();

  private final Map<@Nullable String, String> prefixes = new HashMap<>();

  /** Records a namespace declaration ({@code xmlns:prefix="uri"}; a null prefix for the default namespace). */
  void declare(@Nullable String prefix, String uri) {
    String known = KNOWN.get(normalised(uri));
    if (known != null) {
      prefixes.put(prefix, known);
    }
  }

  /** The usual prefix of a known namespace URI, or "" (for the core formats, and for an unknown namespace). */
  static String attributePrefix(String namespace) {
    return KNOWN.getOrDefault(namespace.toLowerCase(Locale.ROOT), "");
  }

  /** An element's name as feedparser's parser reports it: lower-cased, with its namespace's usual prefix and {@code :}. */
  static String elementName(String namespace, String localName, String qName) {
    String lower = normalised(namespace);
    int colon = qName.indexOf(':');
    String given = colon > 0 ? qName.substring(0, colon) : null;
    String prefix = KNOWN.containsKey(lower) ? KNOWN.get(lower) : given;
    String name = localName.toLowerCase(Locale.ROOT);
    return prefix != null && !prefix.isEmpty() ? prefix.toLowerCase(Locale.ROOT) + ":" + name : name;
  }

  /** The usual prefix of an element's namespace (the prefix as written when the namespace is not known). */
  String prefixOf(String tag) {
    int colon = tag.indexOf(':');
    String written = colon < 0 ? "" : tag.substring(0, colon);
    return prefixes.getOrDefault(written, written);
  }

  /** feedparser's key for an element: its namespace's usual prefix and {@code _}, then its local name. */
  String qualifiedName(String tag) {
    String prefix = prefixOf(tag);
    return (prefix.isEmpty() ? "" : prefix + "_") + tag.substring(tag.indexOf(':') + 1);
  }

  /** The URI lower-cased, with every Userland RSS namespace read as one. */
  private static String normalised(String uri) {
    String lower = uri.toLowerCase(Locale.ROOT);
    return lower.contains("backend.userland.com/rss") ? "http://backend.userland.com/rss" : lower;
  }

  private static Map<String, String> table() {
    Map<String, String> map = new HashMap<>();
    for (String core : List.of("", "http://backend.userland.com/rss", "http://blogs.law.harvard.edu/tech/rss",
        "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://example.com/newformat#",
        "http://example.com/necho", "http://purl.org/echo/", "uri/of/echo/namespace#", "http://purl.org/pie/",
        "http://purl.org/atom/ns#", "http://www.w3.org/2005/atom", "http://purl.org/rss/1.0/modules/rss091#")) {
      map.put(core, "");
    }
    String[][] known = {
        {"http://webns.net/mvcb/", "admin"}, {"http://purl.org/rss/1.0/modules/aggregation/", "ag"},
        {"http://purl.org/rss/1.0/modules/annotate/", "annotate"}, {"http://media.tangent.org/rss/1.0/", "audio"},
        {"http://backend.userland.com/blogchannelmodule", "blogChannel"},
        {"http://creativecommons.org/ns#license", "cc"}, {"http://web.resource.org/cc/", "cc"},
        {"http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html", "creativeCommons"},
        {"http://backend.userland.com/creativecommonsrssmodule", "creativeCommons"},
        {"http://purl.org/rss/1.0/modules/company", "co"}, {"http://purl.org/rss/1.0/modules/content/", "content"},
        {"http://my.theinfo.org/changed/1.0/rss/", "cp"}, {"http://purl.org/dc/elements/1.1/", "dc"},
        {"http://purl.org/dc/terms/", "dcterms"}, {"http://purl.org/rss/1.0/modules/email/", "email"},
        {"http://purl.org/rss/1.0/modules/event/", "ev"}, {"http://rssnamespace.org/feedburner/ext/1.0", "feedburner"},
        {"http://freshmeat.net/rss/fm/", "fm"}, {"http://xmlns.com/foaf/0.1/", "foaf"},
        {"http://www.w3.org/2003/01/geo/wgs84_pos#", "geo"}, {"http://www.georss.org/georss", "georss"},
        {"http://www.opengis.net/gml", "gml"}, {"http://postneo.com/icbm/", "icbm"},
        {"http://purl.org/rss/1.0/modules/image/", "image"}, {"http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes"},
        {"http://example.com/dtds/podcast-1.0.dtd", "itunes"}, {"http://purl.org/rss/1.0/modules/link/", "l"},
        {"http://search.yahoo.com/mrss", "media"}, {"http://search.yahoo.com/mrss/", "media"},
        {"http://madskills.com/public/xml/rss/module/pingback/", "pingback"},
        {"http://prismstandard.org/namespaces/1.2/basic/", "prism"},
        {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"}, {"http://www.w3.org/2000/01/rdf-schema#", "rdfs"},
        {"http://purl.org/rss/1.0/modules/reference/", "ref"}, {"http://purl.org/rss/1.0/modules/richequiv/", "reqv"},
        {"http://purl.org/rss/1.0/modules/search/", "search"}, {"http://purl.org/rss/1.0/modules/slash/", "slash"},
        {"http://schemas.xmlsoap.org/soap/envelope/", "soap"},
        {"http://purl.org/rss/1.0/modules/servicestatus/", "ss"},
        {"http://hacks.benhammersley.com/rss/streaming/", "str"},
        {"http://purl.org/rss/1.0/modules/subscription/", "sub"},
        {"http://purl.org/rss/1.0/modules/syndication/", "sy"},
        {"http://schemas.pocketsoap.com/rss/mydescmodule/", "szf"},
        {"http://purl.org/rss/1.0/modules/taxonomy/", "taxo"}, {"http://purl.org/rss/1.0/modules/threading/", "thr"},
        {"http://purl.org/rss/1.0/modules/textinput/", "ti"},
        {"http://madskills.com/public/xml/rss/module/trackback/", "trackback"},
        {"http://wellformedweb.org/commentapi/", "wfw"}, {"http://purl.org/rss/1.0/modules/wiki/", "wiki"},
        {"http://www.w3.org/1999/xhtml", "xhtml"}, {"http://www.w3.org/1999/xlink", "xlink"},
        {"http://www.w3.org/xml/1998/namespace", "xml"}, {"http://podlove.org/simple-chapters", "psc"}};
    for (String[] entry : known) {
      map.put(entry[0], entry[1]);
    }
    return Map.copyOf(map);
  }
}
