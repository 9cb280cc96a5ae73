#!/usr/bin/python3
"""Long-lived connections to a libvirt URI, driven line by line on stdin (DriverHotDeployIT).

usage: holder.py URI NAMES...   (opens one connection per name, then prints "ready")

Each command line is "SEQ CONN OP"; the answer is one line
"SEQ ok SECONDS RESULT" or "SEQ error SECONDS CODE MESSAGE", SECONDS being how long the call took.
OP: lookup (the domain 'test': "id ID active A"), restart (destroy and start 'test': its new id),
list (names of all domains), close (close the connection: its remaining reference count).
"quit" ends the script.
"""
import sys
import time

import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)


def lookup(conn):
    dom = conn.lookupByName("test")
    return "id %d active %d" % (dom.ID(), dom.isActive())


def restart(conn):
    dom = conn.lookupByName("test")
    dom.destroy()
    dom.create()
    return "id %d" % dom.ID()


def listall(conn):
    return " ".join(sorted(d.name() for d in conn.listAllDomains()))


def close(conn):
    return "refs %d" % conn.close()


OPS = {"lookup": lookup, "restart": restart, "list": listall, "close": close}


def main():
    uri = sys.argv[1]
    conns = {name: libvirt.open(uri) for name in sys.argv[2:]}
    print("ready", flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        seq, name, op = words
        start = time.monotonic()
        try:
            result = OPS[op](conns[name])
            print("%s ok %.3f %s" % (seq, time.monotonic() - start, result), flush=True)
        except libvirt.libvirtError as e:
            message = (e.get_error_message() or "").replace("\n", " ")
            print("%s error %.3f %d %s" % (seq, time.monotonic() - start, e.get_error_code(), message), flush=True)
        except Exception as e:
            print("%s error %.3f -1 %r" % (seq, time.monotonic() - start, e), flush=True)


if __name__ == "__main__":
    main()
