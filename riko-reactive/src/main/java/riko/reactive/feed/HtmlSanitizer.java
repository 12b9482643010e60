package riko.reactive.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * feedparser's treatment of HTML in feed text (summaries, content, HTML titles), reproduced so
 * that riko-java's entries carry the same strings: the markup is re-serialised tag by tag
 * (attribute names lower-cased and sorted, values quoted and escaped, void elements written
 * {@code <br />}), and the sanitiser keeps only an allow-list of elements and attributes, drops
 * {@code script}, {@code style} and {@code applet} with their content, drops processing
 * instructions and declarations, keeps only safe URL schemes in {@code href} and safe CSS in
 * {@code style}. Inline SVG and MathML are dropped (feedparser keeps a sanitised copy).
 */
final class HtmlSanitizer {

  private static final Set<String> VOID = Set.of("area", "base", "basefont", "br", "col", "command", "embed",
      "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr");

  static final Set<String> ACCEPTABLE_ELEMENTS = Set.of(words(
      "a abbr acronym address area article aside audio b big blockquote br button canvas caption center cite "
      + "code col colgroup command datagrid datalist dd del details dfn dialog dir div dl dt em event-source "
      + "fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i img input ins kbd keygen "
      + "label legend li m map menu meter multicol nav nextid noscript ol optgroup option output p pre "
      + "progress q s samp section select small sound source spacer span strike strong sub sup table tbody "
      + "td textarea tfoot th thead time tr tt u ul var video"));

  private static final Set<String> ACCEPTABLE_ATTRIBUTES = Set.of(words(
      "abbr accept accept-charset accesskey action align alt autocomplete autofocus axis background balance "
      + "bgcolor bgproperties border bordercolor bordercolordark bordercolorlight bottompadding cellpadding "
      + "cellspacing ch challenge char charoff charset checked choff cite class clear color cols colspan "
      + "compact contenteditable controls coords data datafld datapagesize datasrc datetime default delay dir "
      + "disabled draggable dynsrc enctype end face for form frame galleryimg gutter headers height hidden "
      + "hidefocus high href hreflang hspace icon id inputmode ismap keytype label lang leftspacing list "
      + "longdesc loop loopcount loopend loopstart low lowsrc max maxlength media method min multiple name "
      + "nohref noshade nowrap open optimum pattern ping point-size poster pqg preload prompt radiogroup "
      + "readonly rel repeat-max repeat-min replace required rev rightspacing rows rowspan rules scope "
      + "selected shape size span src start step style summary suppress tabindex target template title "
      + "toppadding type unselectable urn usemap valign value variable volume vrml vspace width wrap xml:lang"));

  private static final Set<String> UNACCEPTABLE_WITH_CONTENT = Set.of("applet", "script", "style");

  private static final Set<String> CSS_PROPERTIES = Set.of(words(
      "azimuth background-color border-bottom-color border-collapse border-color border-left-color "
      + "border-right-color border-top-color clear color cursor direction display elevation float font "
      + "font-family font-size font-style font-variant font-weight height letter-spacing line-height overflow "
      + "pause pause-after pause-before pitch pitch-range richness speak speak-header speak-numeral "
      + "speak-punctuation speech-rate stress text-align text-decoration text-indent unicode-bidi "
      + "vertical-align voice-family volume white-space width"));

  private static final Set<String> CSS_KEYWORDS = Set.of(words(
      "!important aqua auto black block blue bold both bottom brown center collapse dashed dotted fuchsia "
      + "gray green italic left lime maroon medium navy none normal nowrap olive pointer purple red right "
      + "silver solid teal top transparent underline white yellow"));

  private static final Set<String> URI_SCHEMES = Set.of(words(
      "file ftp gopher h323 hdl http https imap magnet mailto mms news nntp prospero rsync rtsp rtspu sftp "
      + "shttp sip sips snews svn svn+ssh telnet wais aim callto cvs facetime feed git gtalk irc ircs irc6 "
      + "itms msnim skype ssh smb ymsg"));

  /** HTML 4's named character references (Python's {@code html.entities.name2codepoint}). */
  static final Set<String> ENTITY_NAMES = Set.of(words(
      "AElig Aacute Acirc Agrave Alpha Aring Atilde Auml Beta Ccedil Chi Dagger Delta ETH Eacute Ecirc "
      + "Egrave Epsilon Eta Euml Gamma Iacute Icirc Igrave Iota Iuml Kappa Lambda Mu Ntilde Nu OElig Oacute "
      + "Ocirc Ograve Omega Omicron Oslash Otilde Ouml Phi Pi Prime Psi Rho Scaron Sigma THORN Tau Theta "
      + "Uacute Ucirc Ugrave Upsilon Uuml Xi Yacute Yuml Zeta aacute acirc acute aelig agrave alefsym alpha "
      + "amp and ang aring asymp atilde auml bdquo beta brvbar bull cap ccedil cedil cent chi circ clubs "
      + "cong copy crarr cup curren dArr dagger darr deg delta diams divide eacute ecirc egrave empty emsp "
      + "ensp epsilon equiv eta eth euml euro exist fnof forall frac12 frac14 frac34 frasl gamma ge gt hArr "
      + "harr hearts hellip iacute icirc iexcl igrave image infin int iota iquest isin iuml kappa lArr "
      + "lambda lang laquo larr lceil ldquo le lfloor lowast loz lrm lsaquo lsquo lt macr mdash micro middot "
      + "minus mu nabla nbsp ndash ne ni not notin nsub ntilde nu oacute ocirc oelig ograve oline omega "
      + "omicron oplus or ordf ordm oslash otilde otimes ouml para part permil perp phi pi piv plusmn pound "
      + "prime prod prop psi quot rArr radic rang raquo rarr rceil rdquo real reg rfloor rho rlm rsaquo "
      + "rsquo sbquo scaron sdot sect shy sigma sigmaf sim spades sub sube sum sup sup1 sup2 sup3 supe szlig "
      + "tau there4 theta thetasym thinsp thorn tilde times trade uArr uacute uarr ucirc ugrave uml upsih "
      + "upsilon uuml weierp xi yacute yen yuml zeta zwj zwnj"));

  /** Code points 128-159 read as windows-1252 (feedparser's {@code _cp1252}). */
  private static final Map<Integer, Character> CP1252 = cp1252();

  private static final Pattern STARTTAG_OPEN = Pattern.compile("<[>a-zA-Z]");
  private static final Pattern SHORTTAG_OPEN = Pattern.compile("<[a-zA-Z][-.a-zA-Z0-9]*/");
  private static final Pattern SHORTTAG = Pattern.compile("<([a-zA-Z][-.a-zA-Z0-9]*)/([^/]*)/");
  private static final Pattern END_BRACKET = Pattern.compile("[<>]");
  private static final Pattern TAG_NAME = Pattern.compile("[a-zA-Z][-_.a-zA-Z0-9]*");
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "\\s*([a-zA-Z_][-:.a-zA-Z_0-9]*)(\\s*=\\s*('[^']*'|\"[^\"]*\"|[\\]\\[\\-a-zA-Z0-9./,:;+*%?!&$\\(\\)_#=~'\"@]*))?");
  private static final Pattern REFERENCE = Pattern.compile("&(?:([a-zA-Z][-.a-zA-Z0-9]*)|#([0-9]+))(;?)");
  private static final Pattern CHARREF = Pattern.compile("&#([0-9]+)[^0-9]");
  private static final Pattern ENTITYREF = Pattern.compile("&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]");
  private static final Pattern INCOMPLETE = Pattern.compile(
      "&([a-zA-Z][a-zA-Z0-9]*|#[0-9]*)?|<([a-zA-Z][^<>]*|/([a-zA-Z][^<>]*)?|![^<>]*)?");
  private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!#\\d+;|#x[0-9a-fA-F]+;|\\w+;)");
  private static final Pattern COMMENT_END = Pattern.compile("--[^>]*>");
  private static final Pattern CSS_URL = Pattern.compile("url\\s*\\(\\s*[^\\s)]+?\\s*\\)\\s*");
  private static final Pattern CSS_GAUNTLET = Pattern.compile(
      "^([:,;#%.\\sa-zA-Z0-9!]|\\w-\\w|'[\\s\\w]+'|\"[\\s\\w]+\"|\\([\\d,\\s]+\\))*$");
  private static final Pattern CSS_DECLARATION = Pattern.compile("\\s*[-\\w]+\\s*:\\s*[^:;]*;?");
  private static final Pattern CSS_PROPERTY = Pattern.compile("([-\\w]+)\\s*:\\s*([^:;]*)");
  private static final Pattern CSS_VALUE = Pattern.compile(
      "^(#[0-9a-f]+|rgb\\(\\d+%?,\\d*%?,?\\d*%?\\)?|\\d{0,2}\\.?\\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\\))?)$");
  private static final Pattern URI_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+\\-.]*):");

  private final boolean sanitise;
  private final boolean xhtml;
  private final String base;
  private final StringBuilder out = new StringBuilder();
  private final String text;
  private final RawMatchers matchers;
  private String lastTag = "???";
  private int unacceptableDepth;

  private HtmlSanitizer(boolean sanitise, boolean xhtml, String base, String html) {
    this.sanitise = sanitise;
    this.xhtml = xhtml;
    this.base = base;
    this.text = prepare(html);
    this.matchers = new RawMatchers(text);
  }

  /**
   * {@code html} as feedparser leaves it: re-serialised (its relative-URI pass), then sanitised,
   * stripped, with CRLF turned into LF.
   *
   * @param type the content's media type ({@code text/html} or {@code application/xhtml+xml})
   * @param base the base URI relative links are resolved against ({@code xml:base}); empty for none
   */
  static String clean(String html, String type, String base) {
    boolean xhtml = type.equals("application/xhtml+xml");
    String normalised = new HtmlSanitizer(false, xhtml, base, html).run();
    return new HtmlSanitizer(true, xhtml, base, normalised.replace("<![CDATA[", "&lt;![CDATA[")).run().strip()
        .replace("\r\n", "\n");
  }

  /** sgmllib's view of the markup: stray {@code <!} escaped, {@code <x/>} expanded, two references decoded. */
  private static String prepare(String html) {
    String data = MarkupPreparation.expandSelfClosing(MarkupPreparation.escapeBangs(html), VOID);
    return data.replace("&#39;", "'").replace("&#34;", "\"");
  }

  private String run() {
    out.ensureCapacity(text.length());
    scan(text);
    return out.toString();
  }

  /** The matchers of the scanning loop, made once per text (not once per tag). */
  private static final class RawMatchers {
    final Matcher startTagOpen;
    final Matcher shortTagOpen;
    final Matcher shortTag;
    final Matcher endBracket;
    final Matcher tagName;
    final Matcher attribute;
    final Matcher charref;
    final Matcher entityref;
    final Matcher incomplete;
    final Matcher commentEnd;

    RawMatchers(String raw) {
      startTagOpen = STARTTAG_OPEN.matcher(raw);
      shortTagOpen = SHORTTAG_OPEN.matcher(raw);
      shortTag = SHORTTAG.matcher(raw);
      endBracket = END_BRACKET.matcher(raw);
      tagName = TAG_NAME.matcher(raw);
      attribute = ATTRIBUTE.matcher(raw);
      charref = CHARREF.matcher(raw);
      entityref = ENTITYREF.matcher(raw);
      incomplete = INCOMPLETE.matcher(raw);
      commentEnd = COMMENT_END.matcher(raw);
    }
  }

  /** The index of the next {@code &} or {@code <} at or after {@code from}, or {@code n}. */
  private static int nextInteresting(String raw, int from, int n) {
    for (int i = from; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '&' || c == '<') {
        return i;
      }
    }
    return n;
  }

  /** sgmllib's scanning loop over the whole text. */
  private void scan(String raw) {
    int i = 0;
    int n = raw.length();
    while (i < n) {
      int j = nextInteresting(raw, i, n);
      if (i < j) {
        data(raw, i, j);
      }
      i = j;
      if (i == n) {
        break;
      }
      if (raw.charAt(i) == '<') {
        if (lookingAt(matchers.startTagOpen, raw, i)) {
          int k = startTag(raw, i);
          if (k < 0) {
            break;
          }
          i = k;
          continue;
        }
        if (raw.startsWith("</", i)) {
          int k = endTag(raw, i);
          if (k < 0) {
            break;
          }
          i = k;
          continue;
        }
        if (raw.startsWith("<!--", i)) {
          int k = comment(raw, i);
          if (k < 0) {
            break;
          }
          i = k;
          continue;
        }
        if (raw.startsWith("<?", i)) {
          int close = raw.indexOf('>', i + 2);
          if (close < 0) {
            break;
          }
          if (!sanitise) {
            out.append("<?").append(raw, i + 2, close).append('>');
          }
          i = close + 1;
          continue;
        }
        if (raw.startsWith("<!", i)) {
          int close = raw.indexOf('>', i + 2);
          if (close < 0) {
            break;
          }
          if (!sanitise) {
            out.append("<!").append(raw, i + 2, close).append('>');
          }
          i = close + 1;
          continue;
        }
      } else {
        Matcher charref = matchers.charref.region(i, n);
        if (charref.lookingAt()) {
          charref(charref.group(1));
          i = charref.end();
          if (raw.charAt(i - 1) != ';') {
            i--;
          }
          continue;
        }
        Matcher entityref = matchers.entityref.region(i, n);
        if (entityref.lookingAt()) {
          entityref(entityref.group(1));
          i = entityref.end();
          if (raw.charAt(i - 1) != ';') {
            i--;
          }
          continue;
        }
      }
      Matcher incomplete = matchers.incomplete.region(i, n);
      if (!incomplete.lookingAt()) {
        data(raw, i, i + 1);
        i++;
        continue;
      }
      int end = incomplete.end();
      if (end == n) {
        break;
      }
      data(raw, i, end);
      i = end;
    }
    if (i < n) {
      data(raw, i, n);
    }
  }

  private static boolean lookingAt(Matcher matcher, String raw, int at) {
    return matcher.region(at, raw.length()).lookingAt();
  }

  private int comment(String raw, int i) {
    int close = raw.indexOf("-->", i + 4);
    if (close >= 0) {
      out.append(raw, i, close + 3);
      return close + 3;
    }
    if (!sanitise) {
      return -1;
    }
    Matcher end = matchers.commentEnd;
    return end.find(i + 4) ? end.end() : raw.length();
  }

  private int startTag(String raw, int i) {
    if (lookingAt(matchers.shortTagOpen, raw, i)) {
      Matcher shortTag = matchers.shortTag.region(i, raw.length());
      if (!shortTag.lookingAt()) {
        return -1;
      }
      String tag = shortTag.group(1).toLowerCase(Locale.ROOT);
      lastTag = tag;
      startTag(tag, new ArrayList<>());
      data(shortTag.group(2));
      endTag(tag);
      return shortTag.end();
    }
    Matcher bracket = matchers.endBracket;
    if (!bracket.find(i + 1)) {
      return -1;
    }
    int j = bracket.start();
    String tag;
    int k;
    if (raw.startsWith("<>", i)) {
      k = j;
      tag = lastTag;
    } else {
      Matcher name = matchers.tagName.region(i + 1, raw.length());
      name.lookingAt();
      k = name.end();
      tag = raw.substring(i + 1, k).toLowerCase(Locale.ROOT);
      lastTag = tag;
    }
    List<String[]> attributes = new ArrayList<>();
    Matcher attribute = matchers.attribute;
    while (k < j) {
      attribute.region(k, raw.length());
      if (!attribute.lookingAt() || attribute.end() == k) {
        break;
      }
      String name = attribute.group(1);
      String value;
      if (attribute.group(2) == null || attribute.group(2).isEmpty()) {
        value = name;
      } else {
        value = attribute.group(3);
        if (value.length() >= 2 && (value.charAt(0) == '\'' && value.endsWith("'") || value.charAt(0) == '"' && value.endsWith("\""))) {
          value = value.substring(1, value.length() - 1);
        }
        value = convertReferences(value);
      }
      attributes.add(new String[] {name.toLowerCase(Locale.ROOT), value});
      k = attribute.end();
    }
    if (raw.charAt(j) == '>') {
      j++;
    }
    startTag(tag, attributes);
    if (xhtml && j > 2 && raw.startsWith("/>", j - 2)) {
      endTag(lastTag);
    }
    return j;
  }

  /** References in attribute values are kept as written (feedparser's processor converts them back). */
  private static String convertReferences(String value) {
    Matcher reference = REFERENCE.matcher(value);
    return reference.replaceAll(match -> Matcher.quoteReplacement(match.group(2) != null
        ? "&#" + match.group(2) + match.group(3)
        : !match.group(3).isEmpty() ? "&" + match.group(1) + ";" : "&" + match.group(1)));
  }

  private int endTag(String raw, int i) {
    Matcher bracket = matchers.endBracket;
    if (!bracket.find(i + 1)) {
      return -1;
    }
    int j = bracket.start();
    String tag = raw.substring(i + 2, j).strip().toLowerCase(Locale.ROOT);
    if (raw.charAt(j) == '>') {
      j++;
    }
    endTag(tag);
    return j;
  }

  private void startTag(String tag, List<String[]> attributes) {
    boolean allowed = !sanitise || ACCEPTABLE_ELEMENTS.contains(tag);
    if (!allowed) {
      if (UNACCEPTABLE_WITH_CONTENT.contains(tag)) {
        unacceptableDepth++;
      }
      return;
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    for (String[] attribute : attributes) {
      String key = attribute[0];
      String value = key.equals("rel") || key.equals("type") ? attribute[1].toLowerCase(Locale.ROOT) : attribute[1];
      if (!sanitise && RELATIVE_URI_ATTRIBUTES.contains(tag + " " + key)) {
        String resolved = safeAbsolute(base, value.strip());
        if (!resolved.isEmpty()) {
          value = resolved;
        }
      }
      sorted.put(key, value);
    }
    out.append('<').append(tag);
    sorted.forEach((key, value) -> {
      if (sanitise) {
        if (key.equals("style")) {
          value = cleanStyle(value);
          if (value.isEmpty()) {
            return;
          }
        } else if (!ACCEPTABLE_ATTRIBUTES.contains(key)) {
          return;
        } else if (key.equals("href")) {
          value = safeUri(value);
        }
      }
      String escaped = value.replace(">", "&gt;").replace("<", "&lt;").replace("\"", "&quot;");
      escaped = BARE_AMPERSAND.matcher(escaped).replaceAll("&amp;");
      out.append(' ').append(key).append("=\"").append(escaped).append('"');
    });
    out.append(VOID.contains(tag) ? " />" : ">");
  }

  private void endTag(String tag) {
    if (sanitise && !ACCEPTABLE_ELEMENTS.contains(tag)) {
      if (UNACCEPTABLE_WITH_CONTENT.contains(tag)) {
        unacceptableDepth--;
      }
      return;
    }
    if (!VOID.contains(tag)) {
      out.append("</").append(tag).append('>');
    }
  }

  private void data(String text) {
    if (!sanitise || unacceptableDepth == 0) {
      out.append(text);
    }
  }

  private void data(String raw, int start, int end) {
    if (!sanitise || unacceptableDepth == 0) {
      out.append(raw, start, end);
    }
  }

  private void charref(String digits) {
    int value;
    try {
      value = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      value = -1;
    }
    Character mapped = CP1252.get(value);
    data(mapped != null ? "&#x" + Integer.toHexString(mapped) + ";" : "&#" + digits + ";");
  }

  private void entityref(String name) {
    data(ENTITY_NAMES.contains(name) || name.equals("apos") ? "&" + name + ";" : "&amp;" + name);
  }

  /** feedparser's {@code make_safe_absolute_uri(base, rel)}: the joined URI, or "" when its scheme is not safe. */
  static String safeAbsolute(String base, String rel) {
    if (base.isEmpty()) {
      return rel;
    }
    String joined = join(base, rel);
    String scheme = joined.strip().split(":", 2)[0];
    return URI_SCHEMES.contains(scheme) ? joined : "";
  }

  /** Python's {@code urljoin}, leniently: {@link java.net.URI} when both parse, else by hand. */
  static String join(String base, String rel) {
    try {
      URI baseUri = URI.create(base);
      if (baseUri.getRawAuthority() != null && (baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty())) {
        baseUri = URI.create(base + "/");
      }
      return baseUri.resolve(URI.create(rel)).toString();
    } catch (IllegalArgumentException e) {
      // not a valid URI: join as text below
    }
    if (URI_SCHEME.matcher(rel).find()) {
      return rel;
    }
    int schemeEnd = base.indexOf("://");
    if (schemeEnd < 0) {
      return rel;
    }
    if (rel.startsWith("//")) {
      return base.substring(0, schemeEnd + 1) + rel;
    }
    int pathStart = base.indexOf('/', schemeEnd + 3);
    String root = pathStart < 0 ? base : base.substring(0, pathStart);
    if (rel.startsWith("/")) {
      return root + rel;
    }
    String path = pathStart < 0 ? "/" : base.substring(pathStart, base.lastIndexOf('/') + 1);
    return root + path + rel;
  }

  private static String safeUri(String uri) {
    if (uri.isEmpty()) {
      return "";
    }
    Matcher scheme = URI_SCHEME.matcher(uri);
    if (!scheme.find()) {
      return uri;
    }
    return URI_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT)) ? uri : "";
  }

  private static String cleanStyle(String style) {
    String text = CSS_URL.matcher(style).replaceAll(" ");
    if (!CSS_GAUNTLET.matcher(text).matches()) {
      return "";
    }
    if (!CSS_DECLARATION.matcher(text).replaceAll("").strip().isEmpty()) {
      return "";
    }
    List<String> clean = new ArrayList<>();
    Matcher declaration = CSS_PROPERTY.matcher(text);
    while (declaration.find()) {
      String property = declaration.group(1);
      String value = declaration.group(2);
      if (value.isEmpty()) {
        continue;
      }
      String lower = property.toLowerCase(Locale.ROOT);
      if (CSS_PROPERTIES.contains(lower)) {
        clean.add(property + ": " + value + ";");
      } else if (List.of("background", "border", "margin", "padding").contains(lower.split("-")[0])) {
        boolean ok = true;
        for (String keyword : value.strip().split("\\s+")) {
          if (!CSS_KEYWORDS.contains(keyword) && !CSS_VALUE.matcher(keyword).matches()) {
            ok = false;
            break;
          }
        }
        if (ok) {
          clean.add(property + ": " + value + ";");
        }
      }
    }
    return String.join(" ", clean);
  }

  private static final Set<String> RELATIVE_URI_ATTRIBUTES = Set.of("a href", "applet codebase", "area href",
      "audio src", "blockquote cite", "body background", "del cite", "form action", "frame longdesc", "frame src",
      "iframe longdesc", "iframe src", "head profile", "img longdesc", "img src", "img usemap", "input src",
      "input usemap", "ins cite", "link href", "object classid", "object codebase", "object data", "object usemap",
      "q cite", "script src", "source src", "video poster", "video src");

  /** Windows-1252's characters for the C1 control range, as feedparser maps them. */
  static char cp1252(char c) {
    Character mapped = CP1252.get((int) c);
    return mapped == null ? c : mapped;
  }

  private static Map<Integer, Character> cp1252() {
    Map<Integer, Character> map = new HashMap<>();
    char[] chars = {'\u20ac', 0, '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021', '\u02c6', '\u2030',
        '\u0160', '\u2039', '\u0152', 0, '\u017d', 0, 0, '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013',
        '\u2014', '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', 0, '\u017e', '\u0178'};
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] != 0) {
        map.put(128 + i, chars[i]);
      }
    }
    return Map.copyOf(map);
  }

  private static String[] words(String text) {
    return Arrays.stream(text.strip().split("\\s+")).distinct().toArray(String[]::new);
  }
}
