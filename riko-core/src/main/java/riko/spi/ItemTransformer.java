package riko.spi;

import java.util.function.Function;
import reactor.core.publisher.Flux;
import riko.item.Item;

/**
 * One configured module, ready to run: a function from its input stream to its output stream,
 * so {@code flux.transform(transformer)} applies it. It is assembled once and may be applied
 * and subscribed many times; each subscription runs it afresh.
 */
@FunctionalInterface
public interface ItemTransformer extends Function<Flux<Item>, Flux<Item>> {}
