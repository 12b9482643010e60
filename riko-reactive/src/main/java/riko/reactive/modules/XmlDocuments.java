package riko.reactive.modules;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import riko.spi.ModuleException;

/**
 * Parses XML and HTML documents into W3C DOM trees and selects elements with riko's paths
 * ({@code modules.md} S2). These are blocking, CPU-bound calls: run them off the event loop.
 *
 * <p>XML is parsed namespace-aware with the JDK's secure processing on: external DTDs and external
 * entities are never loaded or resolved (a {@code DOCTYPE} declaration is tolerated, as riko's
 * parser tolerates it; entity expansion is capped by secure processing), and XInclude is off.
 * HTML is parsed with jsoup's HTML5 parser and converted to a DOM without namespaces.
 */
final class XmlDocuments {

  /** The prefix the path's unprefixed names get when the root declares a default namespace. */
  private static final String DEFAULT_PREFIX = "rikodefaultns";

  /** Literals, names (possibly prefixed), the axis separator, numbers, or any other single character. */
  private static final Pattern XPATH_TOKEN = Pattern.compile(
      "'[^']*'|\"[^\"]*\"|[A-Za-z_][\\w\\-]*(?::[A-Za-z_*][\\w\\-]*)?|::|\\d+|\\s+|.");

  private XmlDocuments() {}

  /** Parses an XML document; a parse error names the module and URL. */
  static Document parseXml(String text, String label, String url) {
    try {
      DocumentBuilder builder = secureFactory().newDocumentBuilder();
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      builder.setErrorHandler(new ThrowingErrorHandler());
      return builder.parse(new InputSource(new StringReader(text)));
    } catch (SAXException | IOException e) {
      throw new ModuleException(label, "invalid XML in " + url + ": " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser does not support secure processing", e);
    }
  }

  /** Parses an HTML document (never fails: jsoup repairs what it must). */
  static Document parseHtml(String text, String url) {
    W3CDom converter = new W3CDom();
    converter.namespaceAware(false);
    return converter.fromJsoup(Jsoup.parse(text, url));
  }

  private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setValidating(false);
    return factory;
  }

  /**
   * The nodes riko's {@code path} selects: every {@code .} becomes {@code /} (QUIRK: a real XPath
   * with dots is mangled), and the result is evaluated as an XPath from the root element, so a
   * relative path starts below the root and an absolute one at the document. When the root
   * declares a default namespace, the path's unprefixed element names match elements in it;
   * prefixes declared on the root may be used too.
   */
  static List<Node> select(Document document, String path, String label, String url) {
    Element root = document.getDocumentElement();
    String xpath = path.replace('.', '/');
    String defaultNamespace = defaultNamespace(root);
    String expression = defaultNamespace == null ? xpath : prefixNames(xpath);
    try {
      XPathFactory factory = XPathFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      XPath evaluator = factory.newXPath();
      evaluator.setNamespaceContext(new RootNamespaces(root, defaultNamespace));
      NodeList nodes = (NodeList) evaluator.evaluate(expression, root, XPathConstants.NODESET);
      List<Node> selected = new ArrayList<>(nodes.getLength());
      for (int i = 0; i < nodes.getLength(); i++) {
        selected.add(nodes.item(i));
      }
      return selected;
    } catch (XPathExpressionException e) {
      String problem = e.getMessage() != null ? e.getMessage() : String.valueOf(e.getCause());
      throw new ModuleException(label, "the path '" + path + "' (XPath '" + xpath + "') cannot select elements of "
          + url + ": " + problem, e);
    } catch (XPathFactoryConfigurationException e) {
      throw new IllegalStateException("the JDK's XPath does not support secure processing", e);
    }
  }

  private static @Nullable String defaultNamespace(Element root) {
    if (root.getNamespaceURI() == null) {
      return null;
    }
    String declared = root.getAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE);
    return declared.isEmpty() ? null : declared;
  }

  /** Prefixes every unprefixed element name test of the expression with {@link #DEFAULT_PREFIX}. */
  static String prefixNames(String xpath) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = XPATH_TOKEN.matcher(xpath);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    StringBuilder out = new StringBuilder(xpath.length() + 16);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      out.append(isElementName(tokens, i) ? DEFAULT_PREFIX + ":" + token : token);
    }
    return out.toString();
  }

  private static boolean isElementName(List<String> tokens, int at) {
    String token = tokens.get(at);
    boolean name = (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_') && token.indexOf(':') < 0;
    if (!name) {
      return false;
    }
    String previous = neighbour(tokens, at, -1);
    String next = neighbour(tokens, at, 1);
    if (next.equals("(") || next.equals("::") || previous.equals("@") || previous.equals("$")) {
      return false; // a function, node test, axis, attribute or variable
    }
    return !(token.matches("and|or|div|mod") && endsOperand(previous));
  }

  /** Whether a token can end an operand, so that a following {@code and}, {@code or}... is an operator. */
  private static boolean endsOperand(String token) {
    if (token.isEmpty()) {
      return false;
    }
    char first = token.charAt(0);
    return token.equals(")") || token.equals("]") || first == '\'' || first == '"'
        || Character.isLetterOrDigit(first) || first == '_';
  }

  /** The nearest token that is not whitespace, {@code step} tokens away in that direction; empty at the ends. */
  private static String neighbour(List<String> tokens, int at, int step) {
    for (int i = at + step; i >= 0 && i < tokens.size(); i += step) {
      if (!tokens.get(i).isBlank()) {
        return tokens.get(i);
      }
    }
    return "";
  }

  /** Fails on errors instead of printing them to standard error; ignores warnings. */
  private static final class ThrowingErrorHandler implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  /** Prefixes declared on the root element, plus {@link #DEFAULT_PREFIX} for its default namespace. */
  private record RootNamespaces(Element root, @Nullable String defaultNamespace) implements NamespaceContext {
    @Override
    public String getNamespaceURI(String prefix) {
      if (DEFAULT_PREFIX.equals(prefix) && defaultNamespace != null) {
        return defaultNamespace;
      }
      if (XMLConstants.XML_NS_PREFIX.equals(prefix)) {
        return XMLConstants.XML_NS_URI;
      }
      String uri = root.lookupNamespaceURI(prefix);
      return uri == null ? XMLConstants.NULL_NS_URI : uri;
    }

    @Override
    public @Nullable String getPrefix(String namespaceUri) {
      return null;
    }

    @Override
    public Iterator<String> getPrefixes(String namespaceUri) {
      return Collections.emptyIterator();
    }
  }
}
