package riko.reactive.modules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.item.Item;
import riko.item.ItemPath;
import riko.json.ItemJson;
import riko.reactive.http.ResponseCharset;
import riko.spi.ModuleException;
import riko.value.PyStr;

/**
 * Reads fetchdata's records out of a JSON document fed chunk by chunk, with Jackson's
 * non-blocking parser: {@link #read} turns a body into records as it arrives ({@link #feed} takes
 * the next chunk and returns the records it completed, {@link #finish} ends the document). One
 * instance reads one document.
 *
 * <p>Without a path the root is the answer: an array streams its non-null elements, an object
 * is one item (keys as written), a string is {@code {"content": s}}. With a path the reader walks
 * the objects along it, token by token, skipping everything else. When the path ends on an array
 * reached through objects only, the array's non-null elements stream out as they are parsed;
 * otherwise the value where the walk stopped is built and the rest of the path is read from it
 * with {@link Item#get} semantics (plucking across lists of objects, integer indexes into lists
 * of scalars). The path's result then gives the records: a list its non-null elements, an object
 * one item with every key lower-cased, text {@code {"content": text}}, nothing
 * {@code {"content": ""}}; a number or boolean is an error.
 *
 * <p>Keys match case-insensitively. Values reached through the path are read as an item reads
 * them, so typed-value maps ({@code {"value": x}}) collapse ({@code conf.md} 6.5); the records of a
 * root array read without a path are kept as written. Two limits of walking token by token: when
 * an object repeats a key along the path (in any letter case) the walk follows the first
 * occurrence, where riko's fully parsed document keeps the last; and an object standing on the
 * path whose only keys are {@code value} (and {@code type}) is walked into, not collapsed.
 * After the records, the rest of the document is still read, so invalid JSON anywhere is an
 * error, raised after the records already produced.
 */
final class JsonRecords {

  private enum Mode { ROOT, WALK, SKIP, STREAM, BUILD, REST, DONE }

  private enum Field { NONE, MATCH, OTHER }

  private enum Purpose { ROOT, ELEMENT, TARGET }

  private final String label;
  private final String url;
  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  private final List<String> segments;
  private final List<String> folded;
  private final List<Item> out = new ArrayList<>();

  private Mode mode = Mode.ROOT;
  private Field field = Field.NONE;
  private Purpose purpose = Purpose.ROOT;
  /** Open arrays and objects after the current token. */
  private int depth;
  /** Index of the segment looked up in the object being walked (the root object is level 0). */
  private int level;
  /** SKIP: the depth at which the skipped value has ended. */
  private int resumeDepth;
  /** STREAM: the depth inside the streamed array. */
  private int streamDepth;
  private @Nullable ValueBuilder builder;
  private @Nullable ModuleException failure;

  /**
   * @param label the module's label, for errors
   * @param url the document's URL, for errors
   * @param path the dotted path; empty for the whole document
   */
  JsonRecords(String label, String url, String path) {
    this.label = label;
    this.url = url;
    this.segments = ItemPath.parse(path).segments();
    this.folded = segments.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    try {
      this.parser = ItemJson.FACTORY.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException("Jackson cannot create a non-blocking parser", e);
    }
    this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
  }

  /**
   * The records of a body written in {@code charset}: UTF-8 is parsed as it arrives, any other
   * charset is transcoded to UTF-8 chunk by chunk first.
   */
  static Flux<Item> read(String label, String url, String path, Flux<byte[]> body, Charset charset) {
    Flux<byte[]> utf8 = charset.equals(StandardCharsets.UTF_8)
        ? body
        : ResponseCharset.decode(body, charset).map(text -> text.getBytes(StandardCharsets.UTF_8));
    return Flux.defer(() -> new JsonRecords(label, url, path).read(utf8));
  }

  /**
   * The records of a UTF-8 body, emitted as its chunks are parsed. A failure comes after the
   * records completed before it, even those completed by the chunk that failed.
   */
  Flux<Item> read(Flux<byte[]> body) {
    return body.concatMapIterable(this::feed)
        .concatWith(Flux.defer(() -> Flux.fromIterable(finish())))
        .concatWith(Flux.defer(() -> failure == null ? Flux.empty() : Flux.error(failure)));
  }

  /** Parses the next chunk; returns the records it completed. */
  List<Item> feed(byte[] chunk) {
    return parse(() -> {
      if (chunk.length > 0) {
        feeder.feedInput(chunk, 0, chunk.length);
        drain();
      }
    });
  }

  /** Ends the document; returns the last records. */
  List<Item> finish() {
    return parse(() -> {
      feeder.endOfInput();
      drain();
      if (mode == Mode.ROOT) {
        throw new ModuleException(label, "invalid JSON in " + url + ": the document is empty");
      }
      if (mode != Mode.DONE) {
        throw new ModuleException(label, "invalid JSON in " + url + ": the document ends early");
      }
    });
  }

  private interface Step {
    void run() throws IOException;
  }

  /**
   * Runs a parsing step. On failure the records already completed are still returned and the
   * failure is raised by the next step (or by {@link #read}'s end); without records it is raised
   * at once.
   */
  private List<Item> parse(Step step) {
    if (failure != null) {
      throw failure;
    }
    try {
      step.run();
    } catch (IOException e) {
      failure = invalid(e);
    } catch (ModuleException e) {
      failure = e;
    }
    if (failure != null && out.isEmpty()) {
      throw failure;
    }
    return take();
  }

  private List<Item> take() {
    if (out.isEmpty()) {
      return List.of();
    }
    List<Item> taken = List.copyOf(out);
    out.clear();
    return taken;
  }

  private void drain() throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
      handle(token);
    }
  }

  private void handle(JsonToken token) throws IOException {
    switch (mode) {
      case ROOT -> root(token);
      case WALK -> walk(token);
      case SKIP -> {
        if (depth == resumeDepth) {
          mode = Mode.WALK;
        }
      }
      case STREAM -> stream(token);
      case BUILD -> build(token);
      case REST -> {
        if (depth == 0) {
          mode = Mode.DONE;
        }
      }
      case DONE -> throw new ModuleException(label, "invalid JSON in " + url + ": more content after the document's end");
    }
  }

  private void root(JsonToken token) throws IOException {
    if (segments.isEmpty()) {
      if (token == JsonToken.START_ARRAY) {
        streamDepth = depth;
        mode = Mode.STREAM;
      } else {
        startBuild(token, Purpose.ROOT);
      }
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      throw new ModuleException(label, "the path '" + String.join(".", segments) + "' needs a JSON object at the root of "
          + url + ", found " + describe(token));
    }
    enterLevel(0);
  }

  /** Looks up segment {@code at} in the object just opened. */
  private void enterLevel(int at) {
    level = at;
    field = Field.NONE;
    if (ItemPath.index(segments.get(at)).isPresent()) {
      // an integer segment never matches an object's key (conf.md 6.2)
      emitTarget(null);
      rest();
    } else {
      mode = Mode.WALK;
    }
  }

  private void walk(JsonToken token) throws IOException {
    Field current = field;
    field = Field.NONE;
    switch (current) {
      case NONE -> {
        if (token == JsonToken.FIELD_NAME) {
          field = parser.currentName().toLowerCase(Locale.ROOT).equals(folded.get(level)) ? Field.MATCH : Field.OTHER;
        } else {
          // END_OBJECT: the object has no such key
          emitTarget(null);
          rest();
        }
      }
      case OTHER -> {
        if (token.isStructStart()) {
          resumeDepth = depth - 1;
          mode = Mode.SKIP;
        }
      }
      case MATCH -> {
        boolean last = level == segments.size() - 1;
        if (token == JsonToken.START_OBJECT && !last) {
          enterLevel(level + 1);
        } else if (token == JsonToken.START_ARRAY && last) {
          streamDepth = depth;
          mode = Mode.STREAM;
        } else {
          level++;
          startBuild(token, Purpose.TARGET);
        }
      }
    }
  }

  private void stream(JsonToken token) throws IOException {
    if (token == JsonToken.END_ARRAY && depth == streamDepth - 1) {
      rest();
    } else if (token.isStructStart()) {
      startBuild(token, Purpose.ELEMENT);
    } else if (token != JsonToken.VALUE_NULL) {
      out.add(element(ItemJson.readValue(parser)));
    }
  }

  private void startBuild(JsonToken token, Purpose purpose) throws IOException {
    this.purpose = purpose;
    builder = new ValueBuilder();
    mode = Mode.BUILD;
    build(token);
  }

  private void build(JsonToken token) throws IOException {
    ValueBuilder current = builder;
    if (current == null || !current.accept(token, parser)) {
      return;
    }
    builder = null;
    Object value = current.value();
    switch (purpose) {
      case ELEMENT -> {
        out.add(element(value));
        mode = Mode.STREAM;
      }
      case TARGET -> {
        emitTarget(readRest(value));
        rest();
      }
      case ROOT -> {
        out.add(rootRecord(value, parser.currentToken()));
        rest();
      }
    }
  }

  /** Reads the segments after the matched key from the value built there, with Item's rules. */
  private @Nullable Object readRest(@Nullable Object value) {
    StringBuilder path = new StringBuilder("value");
    for (String segment : segments.subList(level, segments.size())) {
      path.append('.').append(segment);
    }
    return Item.empty().put("value", value).get(path.toString());
  }

  private void rest() {
    mode = depth == 0 ? Mode.DONE : Mode.REST;
  }

  /** An element of the streamed array, read as an item would read it when a path led there. */
  private Item element(@Nullable Object value) {
    return Item.ofValue(segments.isEmpty() ? value : Item.empty().put("value", value).getKey("value"));
  }

  private void emitTarget(@Nullable Object value) {
    if (value == null) {
      out.add(Item.of("content", ""));
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element != null) {
          out.add(Item.ofValue(element));
        }
      }
    } else if (value instanceof Item item) {
      out.add(item.lowerCased());
    } else if (value instanceof String text) {
      out.add(Item.of("content", text));
    } else {
      throw new ModuleException(label, "the path '" + String.join(".", segments) + "' in " + url
          + " selects the value " + PyStr.repr(value) + "; fetchdata needs an object, a list or text there");
    }
  }

  private Item rootRecord(@Nullable Object value, @Nullable JsonToken token) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return Item.ofValue(value);
    }
    if (value instanceof String text) {
      return Item.of("content", text);
    }
    throw new ModuleException(label, "the JSON document " + url + " is " + describe(token)
        + "; fetchdata needs an object, an array or text");
  }

  private static String describe(@Nullable JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_ARRAY, END_ARRAY -> "an array";
      case START_OBJECT, END_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }

  private ModuleException invalid(IOException e) {
    String problem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    String where = "";
    if (e instanceof JsonProcessingException j && j.getLocation() != null) {
      where = " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
    }
    return new ModuleException(label, "invalid JSON in " + url + ": " + problem + where, e);
  }

  /** Builds one JSON value from its tokens into maps, lists and scalars. */
  private static final class ValueBuilder {
    private final Deque<Container> open = new ArrayDeque<>();
    private @Nullable Object value;

    /** Takes the next token; {@code true} once the value is complete. */
    boolean accept(JsonToken token, JsonParser parser) throws IOException {
      switch (token) {
        case START_OBJECT -> open.push(new ObjectContainer());
        case START_ARRAY -> open.push(new ArrayContainer());
        case END_OBJECT, END_ARRAY -> {
          return add(open.pop().value());
        }
        case FIELD_NAME -> ((ObjectContainer) open.element()).name = parser.currentName();
        default -> {
          return add(ItemJson.readValue(parser));
        }
      }
      return false;
    }

    private boolean add(@Nullable Object element) {
      if (open.isEmpty()) {
        value = element;
        return true;
      }
      open.element().add(element);
      return false;
    }

    @Nullable Object value() {
      return value;
    }
  }

  private interface Container {
    void add(@Nullable Object element);

    Object value();
  }

  private static final class ObjectContainer implements Container {
    private final Map<String, @Nullable Object> map = new LinkedHashMap<>();
    private String name = "";

    @Override
    public void add(@Nullable Object element) {
      map.put(name, element);
    }

    @Override
    public Object value() {
      return map;
    }
  }

  private static final class ArrayContainer implements Container {
    private final List<@Nullable Object> list = new ArrayList<>();

    @Override
    public void add(@Nullable Object element) {
      list.add(element);
    }

    @Override
    public Object value() {
      return list;
    }
  }
}
