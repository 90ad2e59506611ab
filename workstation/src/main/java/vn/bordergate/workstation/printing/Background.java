package vn.bordergate.workstation.printing;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Where the preview's blocking work runs: the workstation's one background executor
 * ({@code BackgroundWork::submit}); answers complete on the FX thread.
 */
@FunctionalInterface
public interface Background {
    <T> CompletableFuture<T> run(Callable<T> work);
}
