package riko.reactive.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * riko's "Yahoo style" conversion of an XML or HTML element into a value ({@code modules.md} S2):
 * attributes become keys, leading text becomes {@code content}, child elements become keys by
 * local name (repeated children become lists, empty ones disappear), and an element holding only
 * text becomes that text. All values are strings.
 *
 * <p>Namespaced attributes are named {@code {uri}local}; namespace declarations are not
 * attributes. Comments and processing instructions are ignored, as is text after a child element
 * (tail text). An element whose only content is whitespace converts to the empty string, and so
 * disappears from its parent (riko itself fails on such an element: DIVERGENCE ALLOWED).
 */
final class ElementConversion {

  private static final String CONTENT = "content";

  private ElementConversion() {}

  /** The element as a string, a map, or (an element with a {@code content} attribute and text) a list. */
  static Object convert(Element element) {
    Map<String, Object> map = new LinkedHashMap<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String namespace = attribute.getNamespaceURI();
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
        continue;
      }
      String name = namespace == null || attribute.getLocalName() == null
          ? attribute.getName()
          : "{" + namespace + "}" + attribute.getLocalName();
      map.put(name, attribute.getValue());
    }
    String text = leadingText(element);
    if (text != null) {
      String stripped = pyStrip(text);
      if (!stripped.isEmpty()) {
        add(map, CONTENT, stripped);
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        Object value = convert(child);
        if (!isEmpty(value)) {
          add(map, localName(child), value);
        }
      }
    }
    if (text != null && !text.isEmpty() && (map.isEmpty() || (map.size() == 1 && map.containsKey(CONTENT)))) {
      return map.getOrDefault(CONTENT, "");
    }
    return map;
  }

  /** Whether a converted value is dropped by its parent: the empty string or an empty map. */
  static boolean isEmpty(Object value) {
    return (value instanceof String s && s.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
  }

  /** The element's name without namespace. */
  static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
  }

  /** A key's first value is set; a second turns it into a list; later ones are appended. */
  private static void add(Map<String, Object> map, String key, Object value) {
    Object existing = map.get(key);
    if (existing == null || isEmpty(existing)) {
      map.put(key, value);
    } else if (existing instanceof List<?> list) {
      List<Object> longer = new ArrayList<>(list);
      longer.add(value);
      map.put(key, longer);
    } else {
      List<Object> pair = new ArrayList<>(2);
      pair.add(existing);
      pair.add(value);
      map.put(key, pair);
    }
  }

  /** The text before the first child element; {@code null} when there is none. */
  private static @Nullable String leadingText(Element element) {
    StringBuilder text = null;
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      short type = node.getNodeType();
      if (type == Node.ELEMENT_NODE) {
        break;
      }
      if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE || type == Node.ENTITY_REFERENCE_NODE) {
        if (text == null) {
          text = new StringBuilder();
        }
        text.append(node.getTextContent());
      }
    }
    return text == null ? null : text.toString();
  }

  /** Python's {@code str.strip()}: removes Unicode whitespace, no-break spaces included. */
  static String pyStrip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isPySpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isPySpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isPySpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
