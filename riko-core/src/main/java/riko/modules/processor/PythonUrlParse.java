package riko.modules.processor;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts of Python's {@code urllib.parse} (3.12/3.13) that riko's URL modules call:
 * {@code urlparse} ({@code urlparse}), {@code urljoin}, {@code urlunparse} and
 * {@code quote_plus} ({@code urlbuilder}). Python resolves relative references by RFC 3986
 * with deviations of its own, which riko users see: a base without a trailing slash loses its
 * last segment, empty segments of a relative path are dropped ({@code a//b} is {@code a/b}),
 * {@code ..} never climbs above the root, a relative reference against a base without a scheme
 * is joined the same way, and nothing is percent-encoded. {@link java.net.URI#resolve} differs
 * on several of these, so this class follows Python step by step.
 */
final class PythonUrlParse {

  /** Schemes whose URLs may be relative ({@code uses_relative}). */
  private static final Set<String> USES_RELATIVE = Set.of("", "ftp", "http", "gopher", "nntp", "imap", "wais", "file",
      "https", "shttp", "mms", "prospero", "rtsp", "rtsps", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss");

  /** Schemes with an authority ({@code uses_netloc}). */
  private static final Set<String> USES_NETLOC = Set.of("", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais",
      "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtsps", "rtspu", "rsync", "svn", "svn+ssh", "sftp",
      "nfs", "git", "git+ssh", "ws", "wss", "itms-services");

  /** Schemes whose last path segment may carry {@code ;params} ({@code uses_params}). */
  private static final Set<String> USES_PARAMS = Set.of("", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp",
      "rtsp", "rtsps", "rtspu", "sip", "sips", "mms", "sftp", "tel");

  private static final Pattern IPV_FUTURE = Pattern.compile("v[a-fA-F0-9]+\\..+", Pattern.DOTALL);

  private PythonUrlParse() {}

  /**
   * The six components of {@code urlparse}.
   *
   * @param scheme lower-cased scheme, or {@code ""}
   * @param netloc the authority, or {@code ""}
   * @param path the path, without the {@code ;params} of its last segment
   * @param params the {@code ;params} of the last segment, or {@code ""}
   * @param query the query, or {@code ""}
   * @param fragment the fragment, or {@code ""}
   */
  record Parts(String scheme, String netloc, String path, String params, String query, String fragment) {

    /** The components in riko's (Python's) order, with their names. */
    List<String[]> named() {
      return List.of(new String[] {"scheme", scheme}, new String[] {"netloc", netloc}, new String[] {"path", path},
          new String[] {"params", params}, new String[] {"query", query}, new String[] {"fragment", fragment});
    }
  }

  /**
   * {@code urllib.parse.urlparse(url, scheme)}.
   *
   * @throws IllegalArgumentException where Python raises {@code ValueError}: unbalanced or invalid
   *     bracketed hosts ({@code http://[::1}, {@code http://[1.2.3.4]}), and hosts that NFKC
   *     normalisation turns into URL delimiters
   */
  static Parts parse(String url, String defaultScheme) {
    String scheme = defaultScheme;
    String rest = stripLeadingControls(url).replace("\t", "").replace("\r", "").replace("\n", "");
    String netloc = "";
    String query = "";
    String fragment = "";
    int colon = rest.indexOf(':');
    if (colon > 0 && isAsciiLetter(rest.charAt(0)) && isScheme(rest.substring(0, colon))) {
      scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
      rest = rest.substring(colon + 1);
    }
    if (rest.startsWith("//")) {
      int end = rest.length();
      for (char delimiter : new char[] {'/', '?', '#'}) {
        int at = rest.indexOf(delimiter, 2);
        if (at >= 0) {
          end = Math.min(end, at);
        }
      }
      netloc = rest.substring(2, end);
      rest = rest.substring(end);
      boolean open = netloc.indexOf('[') >= 0;
      boolean close = netloc.indexOf(']') >= 0;
      if (open != close) {
        throw new IllegalArgumentException("Invalid IPv6 URL");
      }
      if (open) {
        checkBracketedNetloc(netloc);
      }
    }
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
    }
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    checkNetloc(netloc);
    String params = "";
    if (USES_PARAMS.contains(scheme) && rest.indexOf(';') >= 0) {
      int semicolon = rest.indexOf('/') >= 0 ? rest.indexOf(';', rest.lastIndexOf('/')) : rest.indexOf(';');
      if (semicolon >= 0) {
        params = rest.substring(semicolon + 1);
        rest = rest.substring(0, semicolon);
      }
    }
    return new Parts(scheme, netloc, rest, params, query, fragment);
  }

  /** {@code urllib.parse.urlunparse} (Python 3.13's {@code urlunsplit}). */
  static String unparse(Parts parts) {
    String url = parts.params().isEmpty() ? parts.path() : parts.path() + ";" + parts.params();
    if (!parts.netloc().isEmpty()) {
      if (!url.isEmpty() && !url.startsWith("/")) {
        url = "/" + url;
      }
      url = "//" + parts.netloc() + url;
    } else if (url.startsWith("//")) {
      url = "//" + url;
    } else if (!parts.scheme().isEmpty() && USES_NETLOC.contains(parts.scheme()) && (url.isEmpty() || url.startsWith("/"))) {
      url = "//" + url;
    }
    if (!parts.scheme().isEmpty()) {
      url = parts.scheme() + ":" + url;
    }
    if (!parts.query().isEmpty()) {
      url = url + "?" + parts.query();
    }
    if (!parts.fragment().isEmpty()) {
      url = url + "#" + parts.fragment();
    }
    return url;
  }

  /** {@code urllib.parse.urljoin(base, url)}: Python's reading of RFC 3986 reference resolution. */
  static String join(String base, String url) {
    if (base.isEmpty()) {
      return url;
    }
    if (url.isEmpty()) {
      return base;
    }
    Parts b = parse(base, "");
    Parts r = parse(url, b.scheme());
    String scheme = r.scheme();
    if (!scheme.equals(b.scheme()) || !USES_RELATIVE.contains(scheme)) {
      return url;
    }
    String netloc = r.netloc();
    if (USES_NETLOC.contains(scheme)) {
      if (!netloc.isEmpty()) {
        return unparse(r);
      }
      netloc = b.netloc();
    }
    if (r.path().isEmpty() && r.params().isEmpty()) {
      return unparse(new Parts(scheme, netloc, b.path(), b.params(), r.query().isEmpty() ? b.query() : r.query(),
          r.fragment()));
    }
    List<String> baseParts = new ArrayList<>(Arrays.asList(b.path().split("/", -1)));
    if (!baseParts.get(baseParts.size() - 1).isEmpty()) {
      baseParts.remove(baseParts.size() - 1);
    }
    List<String> segments;
    if (r.path().startsWith("/")) {
      segments = Arrays.asList(r.path().split("/", -1));
    } else {
      List<String> all = new ArrayList<>(baseParts);
      all.addAll(Arrays.asList(r.path().split("/", -1)));
      segments = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (i == 0 || i == all.size() - 1 || !all.get(i).isEmpty()) {
          segments.add(all.get(i));
        }
      }
    }
    List<String> resolved = new ArrayList<>();
    for (String segment : segments) {
      if (segment.equals("..")) {
        if (!resolved.isEmpty()) {
          resolved.remove(resolved.size() - 1);
        }
      } else if (!segment.equals(".")) {
        resolved.add(segment);
      }
    }
    String last = segments.get(segments.size() - 1);
    if (last.equals(".") || last.equals("..")) {
      resolved.add("");
    }
    String path = String.join("/", resolved);
    return unparse(new Parts(scheme, netloc, path.isEmpty() ? "/" : path, r.params(), r.query(), r.fragment()));
  }

  /**
   * {@code urllib.parse.quote_plus(text)}: UTF-8 percent-encoding of everything but ASCII letters,
   * digits and {@code _.-~}, a space becoming {@code +}.
   */
  static String quotePlus(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '~')) {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static String stripLeadingControls(String url) {
    int start = 0;
    while (start < url.length() && url.charAt(start) <= ' ') {
      start++;
    }
    return url.substring(start);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isScheme(String candidate) {
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Python's {@code _checknetloc}: a host that NFKC turns into URL delimiters is refused. */
  private static void checkNetloc(String netloc) {
    if (netloc.chars().allMatch(c -> c < 0x80)) {
      return;
    }
    String n = netloc.replace("@", "").replace(":", "").replace("#", "").replace("?", "");
    String normalised = Normalizer.normalize(n, Normalizer.Form.NFKC);
    if (n.equals(normalised)) {
      return;
    }
    for (char c : "/?#@:".toCharArray()) {
      if (normalised.indexOf(c) >= 0) {
        throw new IllegalArgumentException("netloc '" + netloc + "' contains invalid characters under NFKC normalization");
      }
    }
  }

  /** Python's {@code _check_bracketed_netloc}: a bracketed host must be an IPv6 address or IPvFuture. */
  private static void checkBracketedNetloc(String netloc) {
    String hostAndPort = netloc.substring(netloc.lastIndexOf('@') + 1);
    int open = hostAndPort.indexOf('[');
    String host;
    if (open >= 0) {
      if (open > 0) {
        throw new IllegalArgumentException("Invalid IPv6 URL");
      }
      String bracketed = hostAndPort.substring(open + 1);
      int close = bracketed.indexOf(']');
      host = close >= 0 ? bracketed.substring(0, close) : bracketed;
      String port = close >= 0 ? bracketed.substring(close + 1) : "";
      if (!port.isEmpty() && !port.startsWith(":")) {
        throw new IllegalArgumentException("Invalid IPv6 URL");
      }
    } else {
      int colon = hostAndPort.indexOf(':');
      host = colon >= 0 ? hostAndPort.substring(0, colon) : hostAndPort;
    }
    if (host.startsWith("v")) {
      if (!IPV_FUTURE.matcher(host).matches()) {
        throw new IllegalArgumentException("IPvFuture address is invalid");
      }
    } else if (!isIpv6(host)) {
      throw new IllegalArgumentException(isIpv4(host) ? "An IPv4 address cannot be in brackets"
          : "'" + host + "' does not appear to be an IPv4 or IPv6 address");
    }
  }

  /** Python's {@code ipaddress.IPv6Address} syntax, scope id included. */
  static boolean isIpv6(String text) {
    String address = text;
    int percent = text.indexOf('%');
    if (percent >= 0) {
      String scope = text.substring(percent + 1);
      if (scope.isEmpty() || scope.indexOf('%') >= 0) {
        return false;
      }
      address = text.substring(0, percent);
    }
    List<String> parts = new ArrayList<>(Arrays.asList(address.split(":", -1)));
    if (parts.size() < 3) {
      return false;
    }
    if (parts.get(parts.size() - 1).indexOf('.') >= 0) {
      if (!isIpv4(parts.remove(parts.size() - 1))) {
        return false;
      }
      parts.add("0");
      parts.add("0");
    }
    if (parts.size() > 9) {
      return false;
    }
    int skip = -1;
    for (int i = 1; i < parts.size() - 1; i++) {
      if (parts.get(i).isEmpty()) {
        if (skip >= 0) {
          return false;
        }
        skip = i;
      }
    }
    int first = 0;
    int last = parts.size();
    if (skip >= 0) {
      int high = skip;
      int low = parts.size() - skip - 1;
      if (parts.get(0).isEmpty()) {
        if (--high != 0) {
          return false;
        }
        first = 1;
      }
      if (parts.get(parts.size() - 1).isEmpty()) {
        if (--low != 0) {
          return false;
        }
        last = parts.size() - 1;
      }
      if (8 - (high + low) < 1) {
        return false;
      }
    } else if (parts.size() != 8) {
      return false;
    }
    for (int i = first; i < last; i++) {
      if (i != skip && !isHextet(parts.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHextet(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      if (Character.digit(part.charAt(i), 16) < 0 || part.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  /** Python's {@code ipaddress.IPv4Address} syntax: four decimal octets, no leading zeros. */
  static boolean isIpv4(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
          || (octet.length() > 1 && octet.charAt(0) == '0') || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
