package riko.modules.operator;

import java.util.List;
import riko.item.Item;
import riko.testing.ModuleRunner;

/**
 * The people records the conformance cases recorded from riko read (ages, cities in mixed case,
 * a missing email, an empty and a padded note), written out here so that operator tests can
 * check riko's recorded outputs.
 */
final class People {

  private People() {}

  static final String P1 = "{\"id\":\"p1\",\"name\":\"Alice Smith\",\"age\":34,\"score\":\"12.5\",\"city\":\"Boston\","
      + "\"email\":\"alice@example.com\",\"note\":\"likes tea\"}";
  static final String P2 = "{\"id\":\"p2\",\"name\":\"bob jones\",\"age\":27,\"score\":\"7\",\"city\":\"austin\","
      + "\"email\":\"bob@example.org\",\"note\":\"\"}";
  static final String P3 = "{\"id\":\"p3\",\"name\":\"Zoë Ångström\",\"age\":41,\"score\":\"-3.25\",\"city\":\"Malmö\","
      + "\"email\":\"zoe@example.se\",\"note\":\"Ünïcödé straße\"}";
  static final String P4 = "{\"id\":\"p4\",\"name\":\"Carlos  Díaz\",\"age\":19,\"score\":\"100\",\"city\":\"Boston\","
      + "\"email\":\"carlos@example.com\"}";
  static final String P5 = "{\"id\":\"p5\",\"name\":\"dana\",\"age\":34,\"score\":\"abc\",\"city\":\"Denver\","
      + "\"note\":\"The Quick Brown Fox\"}";
  static final String P6 = "{\"id\":\"p6\",\"name\":\"Eve O'Neil\",\"age\":52,\"score\":\"0\",\"city\":\"austin\","
      + "\"email\":\"eve@example.net\",\"note\":\"  padded  \"}";

  /** All six, in file order. */
  static List<Item> all() {
    return ModuleRunner.items("[" + String.join(",", P1, P2, P3, P4, P5, P6) + "]");
  }

  /** The numbers records: content as text, integer, decimal text, exponent. */
  static List<Item> numbers() {
    return ModuleRunner.items("[{\"content\":\"10\",\"label\":\"ten\"},{\"content\":7,\"label\":\"seven\"},"
        + "{\"content\":\"2.5\",\"label\":\"two and a half\"},{\"content\":\"-4\",\"label\":\"minus four\"},"
        + "{\"content\":\"1e3\",\"label\":\"exp\"},{\"content\":\"0\",\"label\":\"zero\"}]");
  }
}
