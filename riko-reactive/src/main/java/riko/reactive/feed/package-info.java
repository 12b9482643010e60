/**
 * Feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed documents read into riko's feed entry items
 * ({@code modules.md} S1, the shape of Python feedparser's entries plus riko's augmentation), and
 * feed link discovery in HTML pages. {@link riko.reactive.feed.FeedEntries} and
 * {@link riko.reactive.feed.FeedLinks} are the entry points; the rest is package-private.
 */
@NullMarked
package riko.reactive.feed;

import org.jspecify.annotations.NullMarked;
