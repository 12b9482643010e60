package riko.reactive.collection;

import riko.item.Item;
import riko.spi.ItemTransformer;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.RikoModule;

/** A test source module emitting its conf, as it received it, as one item. */
final class ConfEcho implements RikoModule {

  private final String name;

  ConfEcho(String name) {
    this.name = name;
  }

  @Override
  public ModuleMetadata metadata() {
    return ModuleMetadata.source(name, "emits its conf as one item (test module)");
  }

  @Override
  public ItemTransformer create(ModuleCall call) {
    Item conf = Item.of(call.conf().asMap());
    return items -> items.map(ignored -> conf);
  }
}
