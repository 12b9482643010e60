/**
 * Collections: many sources fetched at once and merged into one stream of items.
 * {@link riko.reactive.collection.AsyncCollection} is the reactive face (bounded concurrency,
 * per-host limits, items as they arrive or in source order) and
 * {@link riko.reactive.collection.SyncCollection} the blocking one (riko's sequential and
 * parallel modes). A failing source is reported as a {@link riko.reactive.collection.SourceFailure}
 * while the others still deliver, or ends the stream with a
 * {@link riko.reactive.collection.CollectionException} when fail-fast was asked for.
 */
@NullMarked
package riko.reactive.collection;

import org.jspecify.annotations.NullMarked;
