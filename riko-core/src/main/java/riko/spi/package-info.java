/** The module SPI: what a riko module is, the call it receives, and the processor and operator machinery that applies riko's fold rules. */
@NullMarked
package riko.spi;

import org.jspecify.annotations.NullMarked;
