package riko.registry;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riko.spi.ModuleMetadata;
import riko.spi.RikoModule;

/**
 * The modules a run can use, by name: immutable once built, from ServiceLoader discovery
 * ({@code META-INF/services/riko.spi.RikoModule}) plus explicit additions. Two modules with one
 * name are an error unless the second is added with {@link Builder#replace}.
 *
 * <pre>{@code
 * ModuleRegistry registry = ModuleRegistry.builder()
 *     .discover(Thread.currentThread().getContextClassLoader())
 *     .add(new MyModule())
 *     .build();
 * }</pre>
 */
public final class ModuleRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);

  private static volatile ModuleRegistry standard;

  private final Map<String, RikoModule> modules;

  private ModuleRegistry(Map<String, RikoModule> modules) {
    this.modules = Collections.unmodifiableMap(new TreeMap<>(modules));
  }

  /** Every module on the class path of this class's loader, discovered once and shared. */
  public static ModuleRegistry standard() {
    ModuleRegistry registry = standard;
    if (registry == null) {
      synchronized (ModuleRegistry.class) {
        registry = standard;
        if (registry == null) {
          registry = builder().discover(ModuleRegistry.class.getClassLoader()).build();
          standard = registry;
        }
      }
    }
    return registry;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The module registered under {@code name}. */
  public Optional<RikoModule> find(String name) {
    return Optional.ofNullable(modules.get(name));
  }

  /**
   * The module registered under {@code name}.
   *
   * @param where where the name was asked for, for the error message (may be empty)
   * @throws UnknownModuleException listing the known names
   */
  public RikoModule lookup(String name, String where) {
    RikoModule module = modules.get(name);
    if (module == null) {
      throw new UnknownModuleException(name, where, modules.keySet());
    }
    return module;
  }

  /** The module registered under {@code name}; see {@link #lookup(String, String)}. */
  public RikoModule lookup(String name) {
    return lookup(name, "");
  }

  /** The registered names, sorted. */
  public List<String> names() {
    return new ArrayList<>(modules.keySet());
  }

  /** The metadata of every module, sorted by name. */
  public List<ModuleMetadata> catalog() {
    return modules.values().stream().map(RikoModule::metadata).toList();
  }

  /** A builder holding this registry's modules, to add to. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    modules.values().forEach(builder::add);
    return builder;
  }

  /** Collects modules; {@link #build()} checks their names. */
  public static final class Builder {

    private final Map<String, RikoModule> modules = new TreeMap<>();

    private Builder() {}

    /** Adds every module the class loader's {@code META-INF/services/riko.spi.RikoModule} files name. */
    public Builder discover(ClassLoader loader) {
      List<String> found = new ArrayList<>();
      for (RikoModule module : ServiceLoader.load(RikoModule.class, loader)) {
        add(module);
        found.add(module.name() + " (" + origin(module) + ")");
      }
      LOG.debug("found {} riko modules: {}", found.size(), found);
      return this;
    }

    /**
     * Adds a module.
     *
     * @throws DuplicateModuleException when the name is taken
     */
    public Builder add(RikoModule module) {
      RikoModule existing = modules.get(module.name());
      if (existing != null && existing.getClass() != module.getClass()) {
        throw new DuplicateModuleException(module.name(), origin(existing), origin(module));
      }
      modules.put(module.name(), module);
      return this;
    }

    /** Adds a module, replacing (and logging) any module of the same name. */
    public Builder replace(RikoModule module) {
      RikoModule previous = modules.put(module.name(), module);
      if (previous != null) {
        LOG.info("module '{}' from {} replaces {}", module.name(), origin(module), origin(previous));
      }
      return this;
    }

    /** The registry. */
    public ModuleRegistry build() {
      return new ModuleRegistry(modules);
    }

    private static String origin(RikoModule module) {
      CodeSource source = module.getClass().getProtectionDomain().getCodeSource();
      String location = source == null || source.getLocation() == null ? "unknown location" : source.getLocation().getPath();
      return module.getClass().getName() + " in " + location;
    }
  }
}
