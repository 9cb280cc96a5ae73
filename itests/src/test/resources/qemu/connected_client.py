# A client connected across a driver update: opens a connection, prints READY, waits for a line on
# stdin, then calls on the old connection ("OLD OK" or "OLD ERROR <code>") and on a new one
# ("NEW <state> <reason>"). Usage: connected_client.py URI NAME
import sys

import libvirt

uri, name = sys.argv[1], sys.argv[2]
libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open(uri)
conn.lookupByName(name)
print("READY", flush=True)
sys.stdin.readline()
try:
    conn.lookupByName(name).info()
    print("OLD OK", flush=True)
except libvirt.libvirtError as e:
    print("OLD ERROR %d" % e.get_error_code(), flush=True)
fresh = libvirt.open(uri)
state = fresh.lookupByName(name).state()
print("NEW %d %d" % (state[0], state[1]), flush=True)
