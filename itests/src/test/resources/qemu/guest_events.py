# python-libvirt event client for the booting-guest tests: registers for lifecycle and reboot events
# on every domain, prints "READY", then one line per event as it arrives:
#   "LIFECYCLE <name> <event> <detail>"  (VIR_DOMAIN_EVENT_ID_LIFECYCLE)
#   "REBOOT <name>"                      (VIR_DOMAIN_EVENT_ID_REBOOT)
# Runs until its standard input is closed.
# Usage: guest_events.py URI
import sys
import threading

import libvirt

libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(sys.argv[1])


def on_lifecycle(c, dom, event, detail, opaque):
    print("LIFECYCLE %s %d %d" % (dom.name(), event, detail), flush=True)


def on_reboot(c, dom, opaque):
    print("REBOOT %s" % dom.name(), flush=True)


def loop():
    while True:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=loop, daemon=True).start()
conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, on_lifecycle, None)
conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT, on_reboot, None)
print("READY", flush=True)
sys.stdin.read()
conn.close()
