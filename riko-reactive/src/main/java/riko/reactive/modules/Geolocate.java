package riko.reactive.modules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.Cast;
import riko.value.PyStr;

/**
 * riko's {@code geolocate}: looks up location data for a street address, an IP address, a pair of
 * coordinates or a currency code. A transformer: it reads one field of each item ({@code content}
 * by default, as text).
 *
 * <p>Like riko, it makes NO network request: addresses and coordinates get fixed stub answers and
 * currencies come from riko's bundled tables ({@code conf.md} 7.5). The tables ship in this jar,
 * generated from riko's own source (riko 0.75.0's {@code CURRENCY_CODES} and {@code LOCATIONS},
 * MIT licence), so the module works offline out of the box; see {@code LocationTables} and
 * {@code riko-reactive/tools/geolocate_tables.py} for their provenance. They are read once, when
 * the first geolocate module is assembled.
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code type} (text, default {@code street_address}): the kind of lookup, exactly one of
 *       {@code street_address}, {@code ip_address}, {@code coordinates}, {@code currency}.
 * </ul>
 *
 * <p><b>Emits</b> a map per item, which by riko's rule for maps is EMITTED in place of the item;
 * with {@code emit: false} it is assigned to {@code assign} (default {@code geolocate}):
 * <ul>
 *   <li>{@code street_address}: {@code {"lat": 0.0, "lon": 0.0, "country": "United States",
 *       "admin1": "state", "admin2": "county", "admin3": "city", "city": "city", "street":
 *       "street", "postal": "61605"}}, whatever the text.
 *   <li>{@code ip_address}: {@code {"country": "United States", "admin1": "state", "admin2":
 *       "county", "admin3": "city", "city": "city"}}, whatever the text.
 *   <li>{@code coordinates}: the street-address stub with {@code lat} and {@code lon} read from
 *       text of the form {@code "lat, lon"} (exactly one comma; each side read with Python's
 *       {@code float()}, so {@code " 1e1"} and {@code "nan"} are numbers). Both are {@code 0.0}
 *       when either side is not a number, when there are two commas, and when there is none.
 *   <li>{@code currency}: riko's entry for the ISO code ({@code code}, {@code decimal_digits},
 *       {@code location}, {@code name}, {@code name_plural}, {@code rounding}, {@code symbol},
 *       {@code symbol_native}), followed, when its {@code location} is a place of riko's location
 *       table, by that place's {@code code_2}, {@code code_3}, {@code continent}, {@code country}
 *       and {@code num}. Codes match exactly ({@code gbp} is unknown). An unknown code gives the
 *       empty item {@code {}}, which is emitted like any map. (Some of riko's currencies name a
 *       location its table lacks, {@code USD}'s {@code United States} for one: they get no
 *       country facts, as in riko.)
 * </ul>
 *
 * <p><b>Errors.</b> A {@code type} other than the four names is a {@link ConfException} naming
 * {@code type} and the accepted names: at assembly when the conf is static, for the item when it
 * depends on the item. (riko fails with a bare {@code KeyError} at the first item.) Nothing else
 * fails: lookups never touch the network.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Item gbp = Geolocate.lookup("GBP", Geolocate.Type.CURRENCY);
 * gbp.get("country");   // "United Kingdom"
 * gbp.get("code_3");    // "GBR"
 * }</pre>
 * In a pipeline (the result assigned instead of replacing the item):
 * <pre>{@code
 * {"id": "sw-2", "type": "geolocate", "conf": {"type": "currency"},
 *  "field": "currency", "emit": false, "assign": "place"}
 * }</pre>
 */
public final class Geolocate extends ProcessorModule {

  private static final String NAME = "geolocate";
  private static final String TYPE = "type";

  /** The kinds of lookup, by their {@code type} conf name. */
  public enum Type {
    /** A street address: a fixed stub. */
    STREET_ADDRESS("street_address"),
    /** An IP address: a fixed stub. */
    IP_ADDRESS("ip_address"),
    /** {@code "lat, lon"}: the street-address stub with those coordinates. */
    COORDINATES("coordinates"),
    /** An ISO 4217 currency code: riko's currency table. */
    CURRENCY("currency");

    private final String confName;

    Type(String confName) {
      this.confName = confName;
    }

    /** The name used in confs ({@code street_address}, ...). */
    public String confName() {
      return confName;
    }

    /** The type named exactly {@code name}, if any. */
    public static Optional<Type> named(String name) {
      return Arrays.stream(values()).filter(type -> type.confName.equals(name)).findFirst();
    }

    static String knownNames() {
      return Arrays.stream(values()).map(Type::confName).collect(Collectors.joining(", "));
    }
  }

  /** The module, as registered. */
  public Geolocate() {
    super(ModuleMetadata.transformer(NAME,
            "Looks up location data of a street address, IP address, coordinates or currency code (offline)."),
        ProcessorSpec.transformer(Map.<String, @Nullable Object>of(TYPE, Type.STREET_ADDRESS.confName()),
            "content", FieldCast.TEXT, NAME));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    LocationTables.load();
    staticConf(conf, call).ifPresent(Geolocate::type);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(lookup(value == null ? "" : PyStr.str(value), type(conf)));
  }

  /**
   * riko's lookup of {@code text}, for Java callers. The first call reads riko's tables from the
   * class path (blocking I/O): make it off any event loop.
   */
  public static Item lookup(String text, Type type) {
    Map<String, Object> result = switch (type) {
      case STREET_ADDRESS -> streetAddress(0.0, 0.0);
      case IP_ADDRESS -> ipAddress();
      case COORDINATES -> coordinates(text);
      case CURRENCY -> currency(text);
    };
    return Item.of(result);
  }

  private static Type type(ResolvedConf conf) {
    Object value = conf.get(TYPE);
    Optional<Type> type = value instanceof String name ? Type.named(name) : Optional.empty();
    return type.orElseThrow(() -> new ConfException(conf.module(), TYPE,
        "must be one of " + Type.knownNames() + ", was " + PyStr.repr(value)));
  }

  private static Map<String, Object> streetAddress(double lat, double lon) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("lat", lat);
    result.put("lon", lon);
    result.putAll(ipAddress());
    result.put("street", "street");
    result.put("postal", "61605");
    return result;
  }

  private static Map<String, Object> ipAddress() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("country", "United States");
    result.put("admin1", "state");
    result.put("admin2", "county");
    result.put("admin3", "city");
    result.put("city", "city");
    return result;
  }

  /** {@code "lat, lon"}: Python's {@code split(",")} into exactly two floats, else both 0.0. */
  private static Map<String, Object> coordinates(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length == 2) {
      Optional<Double> lat = Cast.parseFloat(parts[0]);
      Optional<Double> lon = Cast.parseFloat(parts[1]);
      if (lat.isPresent() && lon.isPresent()) {
        return streetAddress(lat.get(), lon.get());
      }
    }
    return streetAddress(0.0, 0.0);
  }

  /** The currency entry, with its location's country facts merged in (riko's {@code dict.update}). */
  private static Map<String, Object> currency(String code) {
    LocationTables tables = LocationTables.load();
    Map<String, Object> entry = tables.currency(code);
    Map<String, Object> result = entry == null ? new LinkedHashMap<>() : new LinkedHashMap<>(entry);
    Object location = result.get("location");
    if (location != null && !PyStr.str(location).isEmpty()) {
      Map<String, Object> place = tables.location(PyStr.str(location));
      if (place != null) {
        result.putAll(place);
      }
    }
    return result;
  }
}
