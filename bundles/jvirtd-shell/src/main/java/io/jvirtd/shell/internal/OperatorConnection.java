package io.jvirtd.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import io.jvirtd.api.event.IoRegistration;

/**
 * One {@code bin/jvirtd-shell} connection on the operator socket: reads one command line, hands it
 * to a worker, writes the answer back, closes. Every method runs on the event loop (the worker's
 * answer comes back through {@code EventLoop.execute}); the state moves READING → RUNNING →
 * WRITING → CLOSED and never back.
 */
final class OperatorConnection {
    enum State { READING, RUNNING, WRITING, CLOSED }

    static final int MAX_COMMAND_BYTES = 64 * 1024;

    private final SocketChannel channel; // immutable
    private final BiConsumer<OperatorConnection, String> runner; // immutable: queues the command on a worker
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(); // event-loop confined
    private final ByteBuffer readBuffer = ByteBuffer.allocate(4096); // event-loop confined
    private IoRegistration registration; // event-loop confined; set right after register
    private ByteBuffer answer; // event-loop confined
    private State state = State.READING; // event-loop confined

    OperatorConnection(SocketChannel channel, BiConsumer<OperatorConnection, String> runner) {
        this.channel = channel;
        this.runner = runner;
    }

    void registered(IoRegistration reg) {
        registration = reg;
    }

    State state() {
        return state;
    }

    /** The loop says the socket is ready. */
    void ready(int ops) {
        try {
            if (state == State.READING && (ops & SelectionKey.OP_READ) != 0) {
                read();
            } else if (state == State.WRITING && (ops & SelectionKey.OP_WRITE) != 0) {
                write();
            }
        } catch (IOException e) {
            close();
        }
    }

    private void read() throws IOException {
        readBuffer.clear();
        int n = channel.read(readBuffer);
        boolean ended = n < 0;
        for (int i = 0; i < Math.max(n, 0) && !ended; i++) {
            byte b = readBuffer.get(i);
            if (b == '\n') {
                ended = true;
            } else {
                line.write(b);
            }
        }
        if (line.size() > MAX_COMMAND_BYTES) {
            reply("error: a command line is at most " + MAX_COMMAND_BYTES + " bytes\n", false);
            return;
        }
        if (ended) {
            state = State.RUNNING;
            registration.setInterest(0);
            runner.accept(this, line.toString(StandardCharsets.UTF_8).trim());
        }
    }

    /** Sends the command's output and the trailer ({@code NUL status newline}), then closes. */
    void reply(String text, boolean ok) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.WRITING;
        answer = StandardCharsets.UTF_8.encode(text + OperatorSocket.TRAILER + (ok ? "0" : "1") + "\n");
        try {
            write();
        } catch (IOException e) {
            close();
        }
    }

    private void write() throws IOException {
        channel.write(answer);
        if (answer.hasRemaining()) {
            registration.setInterest(SelectionKey.OP_WRITE);
        } else {
            close();
        }
    }

    void close() {
        state = State.CLOSED;
        if (registration != null) {
            registration.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
