package io.pgrecord.internal.r2dbc;

import io.pgrecord.Capabilities;
import io.pgrecord.internal.exec.ReactiveScope;
import io.pgrecord.internal.exec.Work;
import java.util.List;
import java.util.function.Function;
import org.jooq.Record;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * {@link Work} run as one {@code Mono}: one subscriber walks the steps, subscribing to each
 * step's statement after the previous one completed, instead of a {@code deferContextual},
 * {@code onErrorMap} and a {@code flatMap} per step (a few objects and calls less per statement
 * on the hot path). Failures of the steps' statements come out translated
 * ({@link R2dbcErrors#translate}); a failure of the plan itself or of a continuation (mapping,
 * an after-hook) comes out as it is, as from {@code Mono.defer}. Cancelling cancels the running step, which releases its connection, and
 * starts no other.
 */
final class WorkMono<T> extends Mono<T> {

    private final R2dbcRunner runner;
    private final Function<Capabilities, Work<T>> plan;
    private final Work<T> work;
    private final ReactiveScope scope;

    private WorkMono(R2dbcRunner runner, Function<Capabilities, Work<T>> plan, Work<T> work, ReactiveScope scope) {
        this.runner = runner;
        this.plan = plan;
        this.work = work;
        this.scope = scope;
    }

    /**
     * @param plan planned at subscription with the server's capabilities, or null to run {@code work}
     * @param scope where the work runs, or null for the subscriber's context's scope
     */
    static <T> Mono<T> of(R2dbcRunner runner, Function<Capabilities, Work<T>> plan, Work<T> work, ReactiveScope scope) {
        return onAssembly(new WorkMono<>(runner, plan, work, scope));
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        Steps<T> steps = new Steps<>(actual, runner);
        actual.onSubscribe(steps);
        Work<T> first;
        try {
            first = plan == null ? work : plan.apply(runner.capabilities());
        } catch (Throwable e) {
            // as Mono.defer signals it: untranslated, after Reactor's hooks (a JVM error is thrown)
            actual.onError(Operators.onOperatorError(e, actual.currentContext()));
            return;
        }
        steps.start(first, scope);
    }

    /** The downstream's subscription and, in turn, the subscriber of each step's publisher. */
    private static final class Steps<T> extends Operators.MonoSubscriber<Object, T> {

        private final R2dbcRunner runner;
        /**
         * The downstream's context, fixed at subscription: the driver and the pool look it up
         * many times per statement, and without this each lookup walks every subscriber below.
         */
        private final Context context;
        private ReactiveScope scope;
        /** The step running now, whose continuation takes its value. */
        private Work<T> step;
        /** What puts back the instances of the work's write if it fails; null without one. */
        private Runnable undoOnFailure;
        /** What the running step gave; null until it gives something. */
        private Object received;
        private volatile Subscription upstream;

        Steps(CoreSubscriber<? super T> actual, R2dbcRunner runner) {
            super(actual);
            this.runner = runner;
            this.context = actual.currentContext();
        }

        @Override
        public Context currentContext() {
            return context;
        }

        void start(Work<T> first, ReactiveScope given) {
            try {
                scope = given != null ? given : runner.scope(context);
            } catch (Throwable e) {
                failed(e);
                return;
            }
            advance(first);
        }

        /** Emits a finished value, or subscribes to the next step's publisher. */
        private void advance(Work<T> w) {
            if (isCancelled()) {
                return;
            }
            if (w instanceof Work.Tracked<T> t) {
                try {
                    undone(t.captured(scope.undoLog()));
                    w = t.plan();
                } catch (Throwable e) {
                    // planning failed (validation, a hook): as a plan's own failure, untranslated
                    undo();
                    actual.onError(R2dbcErrors.application(Operators.onOperatorError(e, context)));
                    return;
                }
            }
            if (w instanceof Work.Done<T> d) {
                T v = d.value();
                if (v == null) {
                    actual.onComplete();
                } else {
                    complete(v);
                }
                return;
            }
            Mono<?> publisher;
            try {
                publisher = runner.step(w, scope);
            } catch (Throwable e) {
                failed(e);
                return;
            }
            step = w;
            publisher.subscribe(this);
        }

        @Override
        public void onSubscribe(Subscription s) {
            upstream = s;
            // a cancel that came before the subscription did not see it
            if (isCancelled()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(Object v) {
            received = v;
        }

        @Override
        public void onError(Throwable e) {
            fail(e);
        }

        @Override
        public void onComplete() {
            Object v = received;
            received = null;
            if (v == null) {
                // a step that ends empty ends the work empty, as a flatMap over it did
                if (!isCancelled()) {
                    actual.onComplete();
                }
                return;
            }
            Work<T> next;
            try {
                next = continued(step, v);
            } catch (Throwable e) {
                // the work's own code after its statement (mapping, an after-hook): untranslated,
                // here and by the work around this one, as from the blocking runner
                undo();
                actual.onError(R2dbcErrors.application(Operators.onOperatorError(e, context)));
                return;
            }
            advance(next);
        }

        @Override
        public void cancel() {
            super.cancel();
            Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
        }

        private void fail(Throwable e) {
            undo();
            actual.onError(R2dbcErrors.translate(e));
        }

        /** Puts back the instances of a write of this work when it fails (see {@link Work.Tracked#captured}). */
        private void undone(Runnable undo) {
            if (undo != null) {
                Runnable earlier = undoOnFailure;
                undoOnFailure = earlier == null ? undo : () -> {
                    undo.run();
                    earlier.run();
                };
            }
        }

        private void undo() {
            Runnable u = undoOnFailure;
            undoOnFailure = null;
            if (u != null) {
                u.run();
            }
        }

        /** A failure of this runner's own code: through Reactor's hooks (a JVM error is thrown), as an operator's. */
        private void failed(Throwable e) {
            fail(Operators.onOperatorError(e, context));
        }

        /** The work after a step, from the value its publisher gave. */
        @SuppressWarnings("unchecked")
        private static <T> Work<T> continued(Work<T> step, Object v) {
            return switch (step) {
                case Work.Fetch<T> f -> f.next().apply((List<Record>) v);
                case Work.Rows<T> r -> r.next().apply((List<Object[]>) v);
                case Work.Execute<T> e -> e.next().apply((Integer) v);
                case Work.Copy<T> c -> c.next().apply((Long) v);
                // the other steps' publishers run the rest of the work and give its value
                default -> Work.done((T) v);
            };
        }
    }
}
