#!/usr/bin/python3
"""Concurrent domain lifecycles against one test:///default state (ConcurrentLifecyclesIT).

usage: concurrency.py URI CLIENTS SECONDS

A keeper connection holds the shared state for the whole run. CLIENTS threads, each with its own
connection, loop for SECONDS: define c<N>-<i>, start, suspend, resume, destroy, undefine. Then the
keeper checks what is left. Every output line is "key: value"; the test parses them.
"""
import sys
import threading
import time

import libvirt

XML = """<domain type='test'>
  <name>%s</name>
  <memory unit='KiB'>8192</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
</domain>"""
CALLS_PER_ITERATION = 6  # define, create, suspend, resume, destroy, undefine
MAX_REPORTED_ERRORS = 5

# libvirt's default handler prints every error to stderr; errors are counted and reported here instead.
libvirt.registerErrorHandler(lambda ctx, err: None, None)


def describe(e):
    if isinstance(e, libvirt.libvirtError):
        return "code %s domain %s: %s" % (e.get_error_code(), e.get_error_domain(), e.get_error_message())
    return repr(e)


class Client(threading.Thread):
    def __init__(self, uri, number, deadline):
        super().__init__(name="client-%d" % number, daemon=True)
        self.uri = uri
        self.number = number
        self.deadline = deadline
        self.iterations = 0
        self.calls = 0
        self.errors = []
        self.last_name = None
        self.slowest = 0.0

    def call(self, fn, *args):
        start = time.monotonic()
        try:
            return fn(*args)
        finally:
            self.calls += 1
            self.slowest = max(self.slowest, time.monotonic() - start)

    def run(self):
        try:
            conn = libvirt.open(self.uri)
        except Exception as e:
            self.errors.append("open: " + describe(e))
            return
        try:
            i = 0
            while time.monotonic() < self.deadline:
                name = "c%d-%d" % (self.number, i)
                self.last_name = name
                step = "defineXML"
                dom = None
                try:
                    dom = self.call(conn.defineXML, XML % name)
                    step = "create"
                    self.call(dom.create)
                    step = "suspend"
                    self.call(dom.suspend)
                    step = "resume"
                    self.call(dom.resume)
                    step = "destroy"
                    self.call(dom.destroy)
                    step = "undefine"
                    self.call(dom.undefine)
                    self.iterations += 1
                except Exception as e:
                    self.errors.append("%s %s: %s" % (name, step, describe(e)))
                    self.cleanup(conn, name)
                i += 1
        finally:
            try:
                conn.close()
            except Exception as e:
                self.errors.append("close: " + describe(e))

    def cleanup(self, conn, name):
        """After an error: leave nothing behind, so one error does not cascade into the final checks."""
        try:
            dom = conn.lookupByName(name)
            if dom.isActive():
                dom.destroy()
            dom.undefine()
        except Exception:
            pass


def main():
    uri, count, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    keeper = libvirt.open(uri)
    print("keeper before: %s" % " ".join(sorted(d.name() for d in keeper.listAllDomains())), flush=True)
    deadline = time.monotonic() + seconds
    clients = [Client(uri, n, deadline) for n in range(count)]
    start = time.monotonic()
    for c in clients:
        c.start()
    for c in clients:
        c.join(seconds + 60)
    elapsed = time.monotonic() - start
    for c in clients:
        print("client %d: iterations %d calls %d errors %d slowest %.3f alive %s"
              % (c.number, c.iterations, c.calls, len(c.errors), c.slowest, c.is_alive()))
        for e in c.errors[:MAX_REPORTED_ERRORS]:
            print("error: client %d: %s" % (c.number, e))
    print("elapsed: %.1f" % elapsed)
    print("total iterations: %d" % sum(c.iterations for c in clients))
    print("total calls: %d" % sum(c.calls for c in clients))
    print("total errors: %d" % sum(len(c.errors) for c in clients))
    print("hung clients: %d" % sum(1 for c in clients if c.is_alive()))
    print("keeper after: %s" % " ".join(sorted(d.name() for d in keeper.listAllDomains())))
    leftovers = []
    for c in clients:
        if c.last_name is None:
            continue
        try:
            keeper.lookupByName(c.last_name)
            leftovers.append(c.last_name)
        except libvirt.libvirtError as e:
            if e.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN:
                leftovers.append("%s (%s)" % (c.last_name, describe(e)))
    print("last domains left: %s" % (" ".join(leftovers) if leftovers else "none"))
    test = keeper.lookupByName("test")
    print("test: id %d active %d" % (test.ID(), test.isActive()))
    keeper.close()
    print("done: True", flush=True)


if __name__ == "__main__":
    main()
