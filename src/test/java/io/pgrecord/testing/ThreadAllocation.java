package io.pgrecord.testing;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;

/**
 * The bytes the calling thread has allocated, as the JVM counts them: exact, and independent of
 * the machine's load, unlike a time.
 */
public final class ThreadAllocation {

    /**
     * {@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes()}, as {@code (Object)long}:
     * reached through a handle because the tests compile inside the module io.pgrecord, which
     * does not read jdk.management, and called exactly, so reading it allocates nothing.
     */
    private static final MethodHandle ALLOCATED = allocatedBytes();
    private static final Object BEAN = ManagementFactory.getThreadMXBean();

    private ThreadAllocation() {
    }

    /** The bytes this thread has allocated since it started. */
    public static long current() {
        try {
            return (long) ALLOCATED.invokeExact(BEAN);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle allocatedBytes() {
        try {
            Class<?> bean = Class.forName("com.sun.management.ThreadMXBean");
            return MethodHandles.publicLookup().findVirtual(bean, "getCurrentThreadAllocatedBytes",
                    MethodType.methodType(long.class)).asType(MethodType.methodType(long.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread", e);
        }
    }
}
