package riko.modules.processor;

import java.util.List;
import riko.item.Item;
import riko.testing.ModuleRunner;

/**
 * The records of the conformance data's {@code dates.json} (US, ISO, word, short, offset and
 * RFC 822 date text in three fields), written out once for the date modules' tests.
 */
final class Dates {

  private Dates() {}

  /** All six records, in file order. */
  static List<Item> all() {
    return ModuleRunner.items("""
        [{"content": "12/2/2014", "date": "2015-05-04", "label": "us", "alt": "2008-02-12 20:45"},
         {"content": "2014-12-02T15:30:00", "date": "2008-02-12 20:45:00", "label": "iso", "alt": "May 4, 1982"},
         {"content": "Jan. 12, 2001", "date": "May 4, 1982", "label": "words", "alt": "1999-12-31T23:59:59"},
         {"content": "15 JUN 06", "date": "1181230100", "label": "short", "alt": "4 July 1976 10am"},
         {"content": "2014-12-02T15:30:00+02:00", "date": "2014-12-02T15:30:00Z", "label": "offset",
          "alt": "2014-12-02 15:30:00-05:00"},
         {"content": "Tue, 02 Dec 2014 10:00:00 GMT", "date": "2001-01-01", "label": "rfc822",
          "alt": "Mon, 01 Jan 2001 00:00:01 +0100"}]""");
  }
}
