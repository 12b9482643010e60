/** The module registry: built from ServiceLoader discovery plus explicit additions, immutable once built. */
@NullMarked
package riko.registry;

import org.jspecify.annotations.NullMarked;
