package io.crmflow.functions.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Work a function does before Lambda's SnapStart takes its snapshot, so that a restored
 * function starts with the classes of its first event loaded and their code run once: the
 * snapshot then holds them, and the first event after a restore pays for neither. Priming
 * reads and decodes; it never writes, sends or publishes, since the snapshot may be restored
 * many times and any effect would happen once at most, at deploy time, where nobody asked for it.
 */
public final class Priming implements Resource {
    /** CRaC keeps its resources by weak reference; these are kept alive for as long as the function lives. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();
    private static final System.Logger LOG = System.getLogger(Priming.class.getName());
    private final Runnable work;

    private Priming(Runnable work) {
        this.work = work;
    }

    /** Has {@code work} run before the snapshot (a no-op where there is no snapshot). */
    public static void register(Runnable work) {
        Priming priming = new Priming(work);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    /** Runs every registered priming now: what the snapshot would hold, for a measurement to compare with. */
    public static void primeNow() {
        REGISTERED.forEach(Priming::prime);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the SDK's HTTP client opens new connections when the old ones are gone.
    }

    /** A failed priming costs only speed: the function starts all the same. */
    private void prime() {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "priming before the snapshot failed; the first event will be slower: " + e);
        }
    }
}
