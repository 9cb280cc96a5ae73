#!/usr/bin/python3
"""Clients calling without pause until told to stop (LiveConfigurationIT).

usage: callers.py URI N STOPFILE

Opens N connections (one thread each), prints "ready" once all are open, then every thread loops
lookupByName('test') + info() + listAllDomains() + state() of each domain until STOPFILE exists.
Prints "client I: calls C errors E first ERROR" per thread, then "total calls C errors E".
"""
import os
import sys
import threading

import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)

uri, count, stopfile = sys.argv[1], int(sys.argv[2]), sys.argv[3]
conns = [libvirt.open(uri) for _ in range(count)]
results = [None] * count


def run(index):
    conn = conns[index]
    calls = errors = 0
    first = "-"
    while not os.path.exists(stopfile):
        try:
            dom = conn.lookupByName("test")
            dom.info()
            calls += 2
            for d in conn.listAllDomains(0):
                d.state()
                calls += 1
            calls += 1
        except libvirt.libvirtError as e:
            errors += 1
            if first == "-":
                first = "%d %s" % (e.get_error_code(), e.get_error_message())
    results[index] = (calls, errors, first)


threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
print("ready", flush=True)
for t in threads:
    t.start()
for t in threads:
    t.join()
for i, (calls, errors, first) in enumerate(results):
    print("client %d: calls %d errors %d first %s" % (i, calls, errors, first))
print("total calls %d errors %d" % (sum(r[0] for r in results), sum(r[1] for r in results)), flush=True)
for c in conns:
    c.close()
