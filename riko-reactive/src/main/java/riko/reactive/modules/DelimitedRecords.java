package riko.reactive.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.value.PyStr;

/**
 * Reads csv's and fetchtable's records out of delimited text fed chunk by chunk, as riko's table
 * reader (Python's {@code csv} module under a header step) reads them. One instance reads one
 * text: {@link #feed} takes the next decoded chunk and returns the records it completed,
 * {@link #finish} ends the text.
 *
 * <p>Why a tokenizer of our own rather than Jackson's {@code CsvParser}: Jackson's parser only
 * reads a blocking {@code Reader}/{@code InputStream}, so streaming a download through it would
 * need a bridge thread per fetch; and its dialect differs from Python's in the corners riko's
 * output depends on (text after a closing quote, bare quotes inside unquoted fields, lone
 * {@code \r} line ends, a record ending inside a quoted field at the end of the text). The state
 * machine below is Python's (excel dialect: doubled quote = literal quote, no escape character, no
 * initial-space skipping, non-strict), it runs on whatever thread delivers the chunk without ever
 * blocking, and it only holds the current record, so records stream out as the bytes arrive and
 * cancelling downstream stops the download.
 *
 * <p>The header step, line by line ({@link TextLines} boundaries): the first {@code skipRows}
 * physical lines are dropped; the next line is parsed on its own. With {@code hasHeader} it is
 * consumed and gives the names (unless {@code colNames} are given, which replace them); without it,
 * it is read again as data, and the names are {@code colNames} or {@code column_1} ..
 * {@code column_N} (N = its number of fields). Names go through {@link ColumnNames} (blank removal,
 * sanitize, dedupe); {@code column_N} names do not. A leading byte-order mark is removed.
 *
 * <p>Each record maps the names to the fields in order: extra fields are dropped, missing ones are
 * {@code null}, an empty name (a name sanitized to nothing) is dropped, a record whose values are
 * all blank is skipped, and dotted names nest ({@code Item.of}: QUIRK, {@code No. of Journeys}
 * becomes {@code {"No": {" of Journeys": ...}}}).
 */
final class DelimitedRecords {

  /**
   * How a table is laid out.
   *
   * @param delimiter the field delimiter
   * @param quote the quote character
   * @param skipRows physical lines dropped before the header
   * @param hasHeader whether the first line read is a header
   * @param colNames explicit names; empty for none
   * @param sanitize whether names are slugified with {@code _}
   * @param dedupe whether repeated names get {@code _2}, {@code _3}... suffixes
   */
  record Layout(char delimiter, char quote, int skipRows, boolean hasHeader, List<String> colNames, boolean sanitize,
      boolean dedupe) {
    Layout {
      colNames = List.copyOf(colNames);
    }

    /**
     * The layout a resolved conf describes.
     *
     * @param sanitizeDefault the module's {@code sanitize} default
     * @param delimiterDefault the delimiter when the conf names none
     * @throws ConfException when {@code delimiter} or {@code quotechar} is not one character
     */
    static Layout from(ResolvedConf conf, boolean sanitizeDefault, String delimiterDefault) {
      List<String> names = new ArrayList<>();
      if (conf.get("col_names") != null) {
        for (Object name : conf.list("col_names")) {
          names.add(PyStr.str(name));
        }
      }
      return new Layout(character(conf, "delimiter", delimiterDefault), character(conf, "quotechar", "\""),
          (int) Math.max(0, Math.min(Integer.MAX_VALUE, conf.integer("skip_rows"))), conf.flag("has_header", true), names,
          conf.flag("sanitize", sanitizeDefault), conf.flag("dedupe", true));
    }

    private static char character(ResolvedConf conf, String key, String fallback) {
      String text = conf.text(key, fallback);
      if (text.length() != 1) {
        throw new ConfException(conf.module(), key, "must be a single character, was '" + text + "'");
      }
      return text.charAt(0);
    }
  }

  private final Layout layout;
  private final TextLines lines = new TextLines();
  private final Tokenizer tokenizer;
  private boolean started;
  private int skipped;
  private @Nullable List<String> names;

  DelimitedRecords(Layout layout) {
    this.layout = layout;
    this.tokenizer = new Tokenizer(layout.delimiter(), layout.quote());
  }

  /** The records of a decoded text, emitted as they are completed. */
  static Flux<Item> read(Flux<String> text, Layout layout) {
    return Flux.defer(() -> {
      DelimitedRecords records = new DelimitedRecords(layout);
      return text.concatMapIterable(records::feed).concatWith(Flux.defer(() -> Flux.fromIterable(records.finish())));
    });
  }

  /** Takes the next chunk of text; returns the records it completed. */
  List<Item> feed(String chunk) {
    String text = chunk;
    if (!started && !text.isEmpty()) {
      started = true;
      if (text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
    }
    List<Item> out = new ArrayList<>();
    for (String line : lines.feed(text)) {
      line(line, out);
    }
    return out;
  }

  /** Ends the text; returns the last records. */
  List<Item> finish() {
    List<Item> out = new ArrayList<>();
    for (String line : lines.finish()) {
      line(line, out);
    }
    List<String> last = tokenizer.finish();
    if (last != null) {
      record(last, out);
    }
    return out;
  }

  private void line(String line, List<Item> out) {
    if (skipped < layout.skipRows()) {
      skipped++;
      return;
    }
    if (names == null) {
      names = header(Tokenizer.parseAlone(line, layout.delimiter(), layout.quote()));
      if (layout.hasHeader()) {
        return;
      }
    }
    List<String> fields = tokenizer.line(line);
    if (fields != null) {
      record(fields, out);
    }
  }

  private List<String> header(List<String> first) {
    boolean custom = !layout.colNames().isEmpty();
    if (layout.hasHeader() || custom) {
      return ColumnNames.of(custom ? layout.colNames() : first, layout.sanitize(), layout.dedupe());
    }
    List<String> numbered = new ArrayList<>(first.size());
    for (int i = 1; i <= first.size(); i++) {
      numbered.add("column_" + i);
    }
    return numbered;
  }

  private void record(List<String> fields, List<Item> out) {
    List<String> keys = names == null ? List.of() : names;
    Map<String, @Nullable Object> record = new LinkedHashMap<>();
    boolean blank = true;
    for (int i = 0; i < keys.size(); i++) {
      String value = i < fields.size() ? fields.get(i) : null;
      if (!keys.get(i).isEmpty()) {
        record.put(keys.get(i), value);
      }
    }
    for (Object value : record.values()) {
      if (value != null && !ElementConversion.pyStrip((String) value).isEmpty()) {
        blank = false;
        break;
      }
    }
    if (!blank) {
      out.add(Item.of(record));
    }
  }

  /**
   * Python's {@code csv} reader state machine (excel dialect with the given delimiter and quote
   * character, non-strict), fed line by line: each line ends with an end-of-line event, and a
   * record is complete when a line ends outside a quoted field.
   */
  static final class Tokenizer {

    private enum State { START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL }

    private final char delimiter;
    private final char quote;
    private State state = State.START_RECORD;
    private final StringBuilder field = new StringBuilder();
    private List<String> fields = new ArrayList<>();

    Tokenizer(char delimiter, char quote) {
      this.delimiter = delimiter;
      this.quote = quote;
    }

    /** The fields of one line parsed on its own (as riko parses the header line). */
    static List<String> parseAlone(String line, char delimiter, char quote) {
      Tokenizer tokenizer = new Tokenizer(delimiter, quote);
      List<String> fields = tokenizer.line(line);
      if (fields == null) {
        fields = tokenizer.finish();
      }
      return fields == null ? List.of() : fields;
    }

    /**
     * Reads one line (with its break); returns the record it completes, or {@code null} when the
     * line is empty or ends inside a quoted field.
     */
    @Nullable List<String> line(String line) {
      for (int i = 0; i < line.length(); i++) {
        process(line.charAt(i));
      }
      endOfLine();
      if (state != State.START_RECORD || fields.isEmpty()) {
        return null;
      }
      List<String> record = fields;
      fields = new ArrayList<>();
      return record;
    }

    /** Ends the text: a record left open inside a quoted field is completed; else {@code null}. */
    @Nullable List<String> finish() {
      if (state != State.IN_QUOTED_FIELD && field.isEmpty()) {
        return null;
      }
      saveField();
      state = State.START_RECORD;
      List<String> record = fields;
      fields = new ArrayList<>();
      return record;
    }

    private static boolean isNewline(char c) {
      return c == '\n' || c == '\r';
    }

    private void process(char c) {
      switch (state) {
        case START_RECORD -> {
          if (isNewline(c)) {
            state = State.EAT_CRNL;
          } else {
            state = State.START_FIELD;
            process(c);
          }
        }
        case START_FIELD -> {
          if (isNewline(c)) {
            saveField();
            state = State.EAT_CRNL;
          } else if (c == quote) {
            state = State.IN_QUOTED_FIELD;
          } else if (c == delimiter) {
            saveField();
          } else {
            field.append(c);
            state = State.IN_FIELD;
          }
        }
        case IN_FIELD -> {
          if (isNewline(c)) {
            saveField();
            state = State.EAT_CRNL;
          } else if (c == delimiter) {
            saveField();
            state = State.START_FIELD;
          } else {
            field.append(c);
          }
        }
        case IN_QUOTED_FIELD -> {
          if (c == quote) {
            state = State.QUOTE_IN_QUOTED_FIELD;
          } else {
            field.append(c);
          }
        }
        case QUOTE_IN_QUOTED_FIELD -> {
          if (c == quote) {
            field.append(c);
            state = State.IN_QUOTED_FIELD;
          } else if (c == delimiter) {
            saveField();
            state = State.START_FIELD;
          } else if (isNewline(c)) {
            saveField();
            state = State.EAT_CRNL;
          } else {
            field.append(c);
            state = State.IN_FIELD;
          }
        }
        case EAT_CRNL -> {
          // only line-break characters can follow here: lines end at the first break
        }
      }
    }

    private void endOfLine() {
      switch (state) {
        case START_FIELD, IN_FIELD, QUOTE_IN_QUOTED_FIELD -> {
          saveField();
          state = State.START_RECORD;
        }
        case EAT_CRNL -> state = State.START_RECORD;
        case START_RECORD, IN_QUOTED_FIELD -> {
          // an empty line, or a quoted field going on past the line break
        }
      }
    }

    private void saveField() {
      fields.add(field.toString());
      field.setLength(0);
    }
  }
}
