package io.jvirtd.core.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.jvirtd.api.event.EventLoop;
import io.jvirtd.api.event.IoRegistration;
import io.jvirtd.api.event.LoopTimer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SelectorEventLoopTest {
    private SelectorEventLoop loop;

    @BeforeEach
    void start() {
        loop = new SelectorEventLoop();
        loop.start();
    }

    @AfterEach
    void stop() {
        loop.stop();
    }

    @Test
    void timersFireInDueOrderThenInScheduleOrder() throws Exception {
        List<String> fired = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(5);
        Runnable[] tasks = new Runnable[5];
        String[] names = {"c-60ms", "a-20ms", "b1-40ms", "b2-40ms", "b3-40ms"};
        long[] delays = {60, 20, 40, 40, 40};
        // schedule from the loop itself so equal delays get exactly the same base time
        loop.execute(() -> {
            for (int i = 0; i < names.length; i++) {
                String n = names[i];
                loop.schedule(Duration.ofMillis(delays[i]), () -> {
                    fired.add(n);
                    all.countDown();
                });
            }
        });
        assertTrue(all.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("a-20ms", "b1-40ms", "b2-40ms", "b3-40ms", "c-60ms"), fired);
    }

    @Test
    void aRepeatingTimerRepeatsUntilCancelled() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        LoopTimer timer = loop.scheduleRepeating(Duration.ZERO, Duration.ofMillis(5), () -> {
            runs.incrementAndGet();
            three.countDown();
        });
        assertTrue(three.await(5, TimeUnit.SECONDS));
        timer.cancel();
        // after the cancel has been processed by the loop, no further run happens
        CountDownLatch processed = new CountDownLatch(1);
        loop.execute(processed::countDown);
        assertTrue(processed.await(5, TimeUnit.SECONDS));
        int after = runs.get();
        CountDownLatch later = new CountDownLatch(1);
        loop.schedule(Duration.ofMillis(30), later::countDown);
        assertTrue(later.await(5, TimeUnit.SECONDS));
        assertEquals(after, runs.get());
        assertTrue(timer.isCancelled());
    }

    @Test
    void rescheduleMovesATimer() throws Exception {
        List<String> fired = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        LoopTimer first = loop.schedule(Duration.ofMillis(20), () -> {
            fired.add("moved");
            both.countDown();
        });
        loop.schedule(Duration.ofMillis(60), () -> {
            fired.add("fixed");
            both.countDown();
        });
        first.reschedule(Duration.ofMillis(200));
        assertTrue(both.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("fixed", "moved"), fired);
    }

    @Test
    void channelsRegisteredFromAnotherThreadGetReadCallbacksOnTheLoop() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        AtomicBoolean onLoop = new AtomicBoolean(true);
        CountDownLatch gotAll = new CountDownLatch(1);
        IoRegistration reg = loop.register(pipe.source(), SelectionKey.OP_READ, (r, ops) -> {
            onLoop.compareAndSet(true, Thread.currentThread().getName().equals(EventLoop.THREAD_NAME));
            ByteBuffer buf = ByteBuffer.allocate(64);
            try {
                int n = pipe.source().read(buf);
                received.write(buf.array(), 0, Math.max(n, 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (received.size() >= 10) {
                gotAll.countDown();
            }
        });
        pipe.sink().write(ByteBuffer.wrap("hello".getBytes()));
        pipe.sink().write(ByteBuffer.wrap("world".getBytes()));
        assertTrue(gotAll.await(5, TimeUnit.SECONDS));
        assertEquals("helloworld", received.toString());
        assertTrue(onLoop.get(), "callbacks run on " + EventLoop.THREAD_NAME);
        reg.cancel();
        assertTrue(reg.isCancelled());
        pipe.sink().close();
        pipe.source().close();
    }

    @Test
    void interestCanBePausedAndResumed() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        AtomicInteger callbacks = new AtomicInteger();
        CountDownLatch resumed = new CountDownLatch(1);
        IoRegistration reg = loop.register(pipe.source(), 0, (r, ops) -> {
            callbacks.incrementAndGet();
            r.setInterest(0);
            resumed.countDown();
        });
        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
        CountDownLatch turn = new CountDownLatch(1);
        loop.schedule(Duration.ofMillis(30), turn::countDown);
        assertTrue(turn.await(5, TimeUnit.SECONDS));
        assertEquals(0, callbacks.get(), "no callback while interest is 0");
        reg.setInterest(SelectionKey.OP_READ);
        assertTrue(resumed.await(5, TimeUnit.SECONDS));
        assertEquals(1, callbacks.get());
        pipe.sink().close();
        pipe.source().close();
    }

    @Test
    void aThrowingCallbackDoesNotStopTheLoop() throws Exception {
        loop.execute(() -> {
            throw new IllegalStateException("boom (expected by the test)");
        });
        loop.schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("timer boom (expected by the test)");
        });
        CountDownLatch later = new CountDownLatch(1);
        loop.schedule(Duration.ofMillis(10), later::countDown);
        assertTrue(later.await(5, TimeUnit.SECONDS));
    }

    @Test
    void stopEndsTheLoopThreadAndCancelsEveryKey() throws Exception {
        assertFalse(loop.inEventLoop());
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        loop.register(pipe.source(), SelectionKey.OP_READ, (r, ops) -> { });
        CountDownLatch registered = new CountDownLatch(1);
        loop.execute(registered::countDown); // runs after the queued registration
        assertTrue(registered.await(5, TimeUnit.SECONDS));
        assertTrue(pipe.source().isRegistered());
        loop.stop();
        assertFalse(pipe.source().isRegistered(), "the key was cancelled and the selector closed");
        assertTrue(pipe.source().isOpen(), "the channel belongs to its owner and stays open");
        pipe.sink().close();
        pipe.source().close();
        assertTrue(loop.isTerminated());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(EventLoop.THREAD_NAME) && t.isAlive()));
    }

    @Test
    void aTimerCancelledBeforeItIsDueNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        LoopTimer timer = loop.schedule(Duration.ofMillis(20), runs::incrementAndGet);
        timer.cancel();
        CountDownLatch later = new CountDownLatch(1);
        loop.schedule(Duration.ofMillis(60), later::countDown);
        assertTrue(later.await(5, TimeUnit.SECONDS));
        assertEquals(0, runs.get());
        assertTrue(timer.isCancelled());
    }

    @Test
    void inEventLoopIsTrueOnlyOnTheLoopThread() throws Exception {
        AtomicBoolean onLoop = new AtomicBoolean();
        CountDownLatch ran = new CountDownLatch(1);
        loop.execute(() -> {
            onLoop.set(loop.inEventLoop() && Thread.currentThread().getName().equals(EventLoop.THREAD_NAME));
            ran.countDown();
        });
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertTrue(onLoop.get());
        assertFalse(loop.inEventLoop());
    }
}
