package riko.modules.processor;

import java.util.List;
import riko.item.Item;
import riko.testing.ModuleRunner;

/**
 * The records of the conformance data's {@code words.json} (padded, Unicode, empty, multi-line
 * and missing content), written out once for the text modules' tests.
 */
final class Words {

  private Words() {}

  /** All eight records, in file order; the last has no {@code content}. */
  static List<Item> all() {
    return ModuleRunner.items("""
        [{"content": "hello world", "title": "Greetings"},
         {"content": "The Quick Brown Fox jumps over the lazy dog", "title": "pangram"},
         {"content": "  padded text  ", "title": "Padded"},
         {"content": "Ünïcödé straße ÆØÅ", "title": "unicode"},
         {"content": "", "title": "empty"},
         {"content": "a,b,,c,b", "title": "csv-ish"},
         {"content": "line one\\nline two", "title": "multi line"},
         {"title": "no content"}]""");
  }

  /** The seven records that have {@code content}. */
  static List<Item> withContent() {
    return all().subList(0, 7);
  }
}
