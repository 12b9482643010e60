package riko.modules.processor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.Cast;
import riko.value.PyStr;

/**
 * riko's {@code currencyformat}: formats a number as a currency amount, the way Babel's
 * {@code format_currency} does for locale {@code en_US} with CLDR data.
 *
 * <p><b>Conf.</b> {@code currency} (text, default {@code USD}): an ISO 4217 code. It may be an
 * item or terminal reference.
 *
 * <p>The field ({@code field} option, default {@code content}) is cast to a decimal (a missing
 * or unreadable value is decimal NaN). The result is the en_US currency pattern: the currency's
 * symbol ({@code $}, {@code £}, {@code €}, {@code ¥}, {@code CA$}, or the code itself where CLDR
 * has no symbol, {@code CHF100.00}), a minus sign before it for negative amounts
 * ({@code -$5.00}), grouping by thousands, and the currency's CLDR number of fraction digits
 * (USD 2, JPY 0, BHD 3; CLDR rather than ISO where they differ, e.g. IRR 0), rounded half-even
 * ({@code 0.005} is {@code $0.00}). Examples: {@code 10.33} is {@code $10.33};
 * {@code 1234567.891} is {@code $1,234,567.89}; {@code 1234.5} JPY is {@code ¥1,234}. A code
 * that is not a known currency (unknown, or not upper case) is used as the symbol with two
 * fraction digits: {@code 100} XYZ is {@code XYZ100.00}. NaN (non-numeric input) formats as
 * the symbol followed by {@code NaN} and the fraction's zeros, {@code $NaN.00}, as with the
 * Babel version riko pins.
 *
 * <p><b>Emits</b> each item with the text assigned under {@code assign} (default
 * {@code currencyformat}); with {@code emit: true} the text alone, raw.
 *
 * <p><b>Errors.</b> A {@code currency} that is {@code null}, empty, a map or a list is a
 * {@link ConfException}, at assembly when the conf is static (else when the item is processed).
 *
 * <p><b>Divergence.</b> Python's decimal has a negative zero, which Babel writes {@code -$0.00};
 * {@code java.math.BigDecimal} has none, so {@code "-0"} formats as {@code $0.00}. Symbols and
 * fraction digits come from the JDK's CLDR data, which may trail the CLDR version of riko's Babel
 * for rarely used currencies.
 *
 * <p><b>Example.</b> {@code new CurrencyFormat.Conf("GBP").format(new BigDecimal("100"))} is
 * {@code £100.00}; pipeline JSON:
 * {@code {"type": "currencyformat", "conf": {"currency": "GBP"}}}.
 */
public final class CurrencyFormat extends ProcessorModule {

  /**
   * CLDR's fraction digits where they differ from ISO 4217's (which {@link Currency} reports):
   * CLDR drops the minor unit of currencies that are not used with one, keeps two digits for
   * some obsolete European ones, and gives the pseudo-currencies (precious metals, XXX) CLDR's
   * default of 2.
   */
  private static final Map<String, Integer> CLDR_DIGITS = Map.ofEntries(
      Map.entry("AFN", 0), Map.entry("ALL", 0), Map.entry("IQD", 0), Map.entry("IRR", 0), Map.entry("KPW", 0),
      Map.entry("LAK", 0), Map.entry("LBP", 0), Map.entry("MGA", 0), Map.entry("MMK", 0), Map.entry("MRO", 0),
      Map.entry("RSD", 0), Map.entry("SLL", 0), Map.entry("SOS", 0), Map.entry("STD", 0), Map.entry("SYP", 0),
      Map.entry("TMM", 0), Map.entry("YER", 0), Map.entry("ZMK", 0), Map.entry("ZWD", 0),
      Map.entry("BEF", 2), Map.entry("BYB", 2), Map.entry("GRD", 2), Map.entry("PTE", 2), Map.entry("ROL", 2),
      Map.entry("TPE", 2), Map.entry("UYW", 4));

  /** CLDR's fraction digits for a currency it does not list. */
  private static final int DEFAULT_DIGITS = 2;

  /**
   * The module's conf.
   *
   * @param currency the currency code
   */
  public record Conf(String currency) {

    /** Checks the code is not empty. */
    public Conf {
      if (currency.isEmpty()) {
        throw new ConfException("currencyformat", "currency", "must be an ISO 4217 code such as USD, was empty");
      }
    }

    /**
     * The amount formatted for en_US.
     *
     * @param amount a {@link BigDecimal}, or anything else for NaN
     */
    public String format(@Nullable Object amount) {
      Optional<Currency> known = known(currency);
      int digits = CLDR_DIGITS.getOrDefault(currency,
          known.map(Currency::getDefaultFractionDigits).filter(d -> d >= 0).orElse(DEFAULT_DIGITS));
      DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(Locale.US);
      DecimalFormatSymbols symbols = format.getDecimalFormatSymbols();
      String symbol = known.map(c -> c.getSymbol(Locale.US)).orElse(currency);
      symbols.setCurrencySymbol(symbol);
      format.setDecimalFormatSymbols(symbols);
      format.setMinimumFractionDigits(digits);
      format.setMaximumFractionDigits(digits);
      format.setRoundingMode(RoundingMode.HALF_EVEN);
      if (!(amount instanceof BigDecimal decimal)) {
        return symbol + "NaN" + (digits > 0 ? "." + "0".repeat(digits) : "");
      }
      return format.format(decimal);
    }

    static Conf from(ResolvedConf conf) {
      Object currency = conf.get("currency");
      if (currency == null || currency instanceof Map<?, ?> || currency instanceof Item
          || currency instanceof List<?> || PyStr.str(currency).isEmpty()) {
        throw new ConfException(conf.module(), "currency", "must be an ISO 4217 code such as USD or GBP, was "
            + PyStr.repr(currency));
      }
      return new Conf(PyStr.str(currency));
    }
  }

  /** The module, as registered. */
  public CurrencyFormat() {
    super(ModuleMetadata.transformer("currencyformat", "Formats a number as a currency amount (en_US)."),
        ProcessorSpec.transformer(Map.<String, @Nullable Object>of("currency", "USD"), "content", FieldCast.DECIMAL,
            "currencyformat"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(conf.parsed(Conf.class, Conf::from).format(Cast.toDecimal(value)));
  }

  /** The JDK's currency for an exact ISO code; Babel, like CLDR, matches codes case-sensitively. */
  private static Optional<Currency> known(String code) {
    if (!code.matches("[A-Z]{3}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Currency.getInstance(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
