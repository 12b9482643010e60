package riko.reactive.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The response timeout while a body is read: fails the exchange when the server sends nothing
 * for {@code timeout}, but only while the connection is reading. Reactor Netty stops reading
 * (auto-read off) when the consumer asks for nothing more, e.g. a source waiting for its turn
 * in an ordered merge; that pause is the consumer's, so it does not count as the server's
 * silence. (Netty's own {@code ReadTimeoutHandler} cannot tell the two apart.)
 *
 * <p>Runs on the connection's event loop: a check every quarter of the timeout, no blocking.
 */
final class BodySilenceTimeout extends ChannelDuplexHandler {

  /** The handler's name in the pipeline. */
  static final String NAME = "riko.bodySilenceTimeout";

  private final long timeoutNanos;
  private final long checkEveryNanos;
  private long lastActivity;
  private @Nullable ScheduledFuture<?> check;

  BodySilenceTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    this.checkEveryNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), timeoutNanos / 4);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    lastActivity = System.nanoTime();
    schedule(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (check != null) {
      check.cancel(false);
      check = null;
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    lastActivity = System.nanoTime();
    ctx.fireChannelRead(message);
  }

  private void schedule(ChannelHandlerContext ctx) {
    check = ctx.executor().schedule(() -> check(ctx), checkEveryNanos, TimeUnit.NANOSECONDS);
  }

  private void check(ChannelHandlerContext ctx) {
    if (!ctx.channel().isActive() || ctx.isRemoved()) {
      return;
    }
    long now = System.nanoTime();
    if (!ctx.channel().config().isAutoRead()) {
      lastActivity = now; // the consumer is holding back: the server is not being listened to
    } else if (now - lastActivity >= timeoutNanos) {
      ctx.fireExceptionCaught(ReadTimeoutException.INSTANCE);
      ctx.close();
      return;
    }
    schedule(ctx);
  }
}
