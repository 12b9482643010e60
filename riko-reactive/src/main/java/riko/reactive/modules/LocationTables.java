package riko.reactive.modules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.json.ItemJson;

/**
 * riko's two lookup tables for {@code geolocate}: ISO 4217 currency code to currency facts
 * ({@code CURRENCY_CODES} in riko's {@code riko/currencies.py}) and place name to country facts
 * ({@code LOCATIONS} in {@code riko/locations.py}).
 *
 * <p>They ship in this jar as the resources {@code riko/reactive/modules/geolocate/currencies.json}
 * and {@code locations.json}, generated from riko's source (riko 0.75.0, commit {@code 3bdb548},
 * MIT licence, whose text ships next to them as {@code LICENSE-riko.txt}) by
 * {@code riko-reactive/tools/geolocate_tables.py}; each file names its source in a
 * {@code provenance} object. They are riko's data, kept as riko has them: keys in riko's order,
 * integers as integers, floats as floats.
 *
 * <p>Both are read once, on first use, from the class path. That read is blocking I/O, so the
 * module triggers it at assembly ({@link #load()}), never on an event loop. Lookups are exact and
 * case-sensitive, as Python's dictionary lookups are.
 */
final class LocationTables {

  private static final String FOLDER = "geolocate/";

  private final Map<String, Map<String, Object>> currencies;
  private final Map<String, Map<String, Object>> locations;

  private LocationTables(Map<String, Map<String, Object>> currencies, Map<String, Map<String, Object>> locations) {
    this.currencies = currencies;
    this.locations = locations;
  }

  /** Loaded on first use (class initialisation makes it once and safely published). */
  private static final class Loaded {
    static final LocationTables TABLES = new LocationTables(read("currencies.json"), read("locations.json"));
  }

  /** The tables, read from the class path the first time. */
  static LocationTables load() {
    return Loaded.TABLES;
  }

  /** The currency entry of an ISO code ({@code GBP}), in riko's key order; {@code null} when unknown. */
  @Nullable Map<String, Object> currency(String code) {
    return currencies.get(code);
  }

  /** The country facts of a place name ({@code United Kingdom}); {@code null} when unknown. */
  @Nullable Map<String, Object> location(String name) {
    return locations.get(name);
  }

  private static Map<String, Map<String, Object>> read(String name) {
    String resource = FOLDER + name;
    try (InputStream in = LocationTables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the geolocate table " + resource + " is missing from the class path");
      }
      try (JsonParser parser = ItemJson.FACTORY.createParser(in)) {
        return table(parser, resource);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the geolocate table " + resource + ": " + e.getMessage(), e);
    }
  }

  /** The {@code table} member of {@code {"provenance": {...}, "table": {name: {key: scalar}}}}. */
  private static Map<String, Map<String, Object>> table(JsonParser parser, String resource) throws IOException {
    expect(parser.nextToken(), JsonToken.START_OBJECT, resource);
    Map<String, Map<String, Object>> table = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String member = parser.currentName();
      parser.nextToken();
      if (member.equals("table")) {
        table = entries(parser, resource);
      } else {
        parser.skipChildren();
      }
    }
    if (table == null) {
      throw new IOException(resource + " has no \"table\"");
    }
    return Collections.unmodifiableMap(table);
  }

  private static Map<String, Map<String, Object>> entries(JsonParser parser, String resource) throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, resource);
    Map<String, Map<String, Object>> table = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      expect(parser.nextToken(), JsonToken.START_OBJECT, resource);
      Map<String, Object> entry = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        Object value = ItemJson.readValue(parser);
        if (value == null) {
          throw new IOException(resource + ": " + key + "." + field + " is null");
        }
        entry.put(field, value);
      }
      table.put(key, Collections.unmodifiableMap(entry));
    }
    return table;
  }

  private static void expect(@Nullable JsonToken actual, JsonToken expected, String resource) throws IOException {
    if (actual != expected) {
      throw new IOException(resource + ": expected " + expected + ", found " + actual);
    }
  }
}
