/** Built-in operator modules: composers, aggregators and the splitter. */
@NullMarked
package riko.modules.operator;

import org.jspecify.annotations.NullMarked;
