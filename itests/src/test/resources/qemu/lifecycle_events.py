# python-libvirt against jvirtd's QEMU driver: drives one guest through its lifecycle and prints
# every lifecycle event the connection receives, one per line: "EVENT <name> <event> <detail>".
# Usage: lifecycle_events.py URI DOMAIN_XML_FILE
import sys
import threading
import time

import libvirt

uri, xml_file = sys.argv[1], sys.argv[2]
libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(uri)
events = []
cond = threading.Condition()


def on_lifecycle(c, dom, event, detail, opaque):
    with cond:
        events.append((dom.name(), event, detail))
        cond.notify_all()


def loop():
    while True:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=loop, daemon=True).start()
conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, on_lifecycle, None)

with open(xml_file) as f:
    dom = conn.defineXML(f.read())
dom.create()
print("STATE", dom.state()[0], dom.state()[1], flush=True)
dom.suspend()
print("STATE", dom.state()[0], dom.state()[1], flush=True)
dom.resume()
print("INFO", dom.info()[0], dom.info()[1], dom.isActive(), dom.isPersistent(), flush=True)
dom.destroy()
print("STATE", dom.state()[0], dom.state()[1], flush=True)
dom.undefine()

deadline = time.time() + 20
with cond:
    while len(events) < 6 and time.time() < deadline:
        cond.wait(deadline - time.time())
for e in events:
    print("EVENT %s %d %d" % e, flush=True)
conn.close()
