package riko.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.item.Item;
import riko.value.DecimalNaN;
import riko.value.PyStr;
import riko.value.TimeTuple;

/**
 * The boundary between items and JSON. Reading maps objects to items, integers to
 * {@link Long}, other numbers to {@link Double}; writing follows the conformance suite's rules:
 * decimals with their own digits, floats with Python's repr digits ({@code 1e+16}), float NaN and
 * infinities as strings, dates as ISO strings
 * ({@code YYYY-MM-DD}, {@code YYYY-MM-DDTHH:MM:SS[.ffffff]+HH:MM}), time tuples without offset,
 * and a raw item as its bare value.
 */
public final class ItemJson {

  /** The shared factory: no duplicate-key or nesting surprises, large documents allowed. */
  public static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .build();


  private ItemJson() {}

  /** Parses a JSON document into a value: an item for an object, a list for an array, or a scalar. */
  public static @Nullable Object parse(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new IllegalArgumentException("empty JSON document");
      }
      return readValue(parser);
    } catch (IOException e) {
      throw new UncheckedIOException("invalid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the value whose first token the parser is on, leaving the parser on its last token.
   * Objects become items (in document order, dotted keys nested as riko does), arrays lists.
   */
  public static @Nullable Object readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, readValue(parser));
        }
        return Item.of(map);
      }
      case START_ARRAY: {
        List<@Nullable Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(parser));
        }
        return list;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? new BigDecimal(parser.getBigIntegerValue())
            : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }

  /** The item as one line of compact JSON (no trailing newline). */
  public static String toJson(Item item) {
    StringWriter out = new StringWriter();
    write(item, out);
    return out.toString();
  }

  /** Writes the item as compact JSON. */
  public static void write(Item item, Writer out) {
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      writeValue(generator, item);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes any riko value with the conformance suite's rules. */
  public static void writeValue(JsonGenerator out, @Nullable Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Item item) {
      if (item.isRaw()) {
        writeValue(out, item.rawValue());
        return;
      }
      out.writeStartObject();
      for (Map.Entry<String, @Nullable Object> e : item.asMap().entrySet()) {
        out.writeFieldName(e.getKey());
        writeValue(out, e.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Long || value instanceof Integer) {
      out.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double d) {
      if (d.isNaN()) {
        out.writeString("NaN");
      } else if (d.isInfinite()) {
        out.writeString(d > 0 ? "Infinity" : "-Infinity");
      } else {
        out.writeNumber(PyStr.floatRepr(d)); // Python's digits: 1e+16, 5e-324 (JDK 17's toString differs)
      }
    } else if (value instanceof BigDecimal d) {
      out.writeNumber(d.toString());
    } else if (value == DecimalNaN.INSTANCE) {
      out.writeString("NaN");
    } else if (value instanceof List<?> list) {
      out.writeStartArray();
      for (Object element : list) {
        writeValue(out, element);
      }
      out.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      writeValue(out, Item.ofValue(map));
    } else if (value instanceof TimeTuple t) {
      out.writeString(t.isoString());
    } else if (value instanceof ZonedDateTime z) {
      out.writeString(PyStr.isoFormat(z.toOffsetDateTime(), 'T'));
    } else if (value instanceof OffsetDateTime o) {
      out.writeString(PyStr.isoFormat(o, 'T'));
    } else if (value instanceof LocalDate d) {
      out.writeString(d.toString());
    } else if (value instanceof byte[] bytes) {
      out.writeString(new String(bytes, StandardCharsets.UTF_8));
    } else {
      out.writeString(value.toString());
    }
  }


}
