#!/usr/bin/python3
"""The libvirt python binding against one daemon serving test:///default.

usage: binding_parity.py URI FIXTURE_DIR

Prints one line per observation ("key: value"), already free of volatile values (cpu time,
generated uuids), so two daemons can be compared line by line. Ends with "done" when every step ran.
Exit code 0 unless the script itself broke (a libvirt error is an observation, not a failure).
"""
import os
import re
import sys
import threading
import time

import libvirt

URI = sys.argv[1]
FIXTURES = sys.argv[2]
EVENT_DEADLINE_S = 10.0
V4_UUID = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')
# libvirt generates version 4 uuids; the test driver's fixed objects have other versions
V4_UUID_IN_TEXT = re.compile(r'[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}')

LIFECYCLE = {
    libvirt.VIR_DOMAIN_EVENT_DEFINED: ('DEFINED', ['ADDED', 'UPDATED', 'RENAMED', 'FROM_SNAPSHOT']),
    libvirt.VIR_DOMAIN_EVENT_UNDEFINED: ('UNDEFINED', ['REMOVED', 'RENAMED']),
    libvirt.VIR_DOMAIN_EVENT_STARTED: ('STARTED', ['BOOTED', 'MIGRATED', 'RESTORED', 'FROM_SNAPSHOT', 'WAKEUP']),
    libvirt.VIR_DOMAIN_EVENT_SUSPENDED: ('SUSPENDED', ['PAUSED', 'MIGRATED', 'IOERROR', 'WATCHDOG', 'RESTORED',
                                                      'FROM_SNAPSHOT', 'API_ERROR', 'POSTCOPY',
                                                      'POSTCOPY_FAILED']),
    libvirt.VIR_DOMAIN_EVENT_RESUMED: ('RESUMED', ['UNPAUSED', 'MIGRATED', 'FROM_SNAPSHOT', 'POSTCOPY']),
    libvirt.VIR_DOMAIN_EVENT_STOPPED: ('STOPPED', ['SHUTDOWN', 'DESTROYED', 'CRASHED', 'MIGRATED', 'SAVED',
                                                  'FAILED', 'FROM_SNAPSHOT']),
    libvirt.VIR_DOMAIN_EVENT_SHUTDOWN: ('SHUTDOWN', ['FINISHED', 'GUEST', 'HOST']),
    libvirt.VIR_DOMAIN_EVENT_PMSUSPENDED: ('PMSUSPENDED', ['MEMORY', 'DISK']),
    libvirt.VIR_DOMAIN_EVENT_CRASHED: ('CRASHED', ['PANICKED', 'CRASHLOADED']),
}


def out(key, value):
    print('%s: %s' % (key, V4_UUID_IN_TEXT.sub('<v4-uuid>', str(value))), flush=True)


def event_name(event, detail):
    name, details = LIFECYCLE.get(event, ('event%d' % event, []))
    return '%s/%s' % (name, details[detail] if 0 <= detail < len(details) else 'detail%d' % detail)


def uuid_shape(uuid):
    """A generated uuid is random: only its shape is comparable."""
    return 'v4' if V4_UUID.match(uuid) else uuid


def error_of(e):
    return 'error code %s domain %s: %s' % (e.get_error_code(), e.get_error_domain(), e.get_error_message())


def observe(key, fn):
    """Prints fn()'s value, or the libvirt error it raised."""
    try:
        out(key, fn())
    except libvirt.libvirtError as e:
        out(key, error_of(e))


def fixture(name):
    with open(os.path.join(FIXTURES, name)) as f:
        return f.read()


class EventLog:
    """Lifecycle events per callback, in arrival order; filled by the event loop thread."""

    def __init__(self):
        self.cond = threading.Condition()
        self.events = {}  # guarded by cond

    def callback(self, tag):
        def cb(conn, dom, event, detail, opaque):
            with self.cond:
                self.events.setdefault(tag, []).append((dom.name(), event_name(event, detail)))
                self.cond.notify_all()
            return 0
        return cb

    def await_event(self, tag, entry, deadline_s):
        end = time.monotonic() + deadline_s
        with self.cond:
            while entry not in self.events.get(tag, []):
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(left)
            return True

    def of(self, tag, domain):
        with self.cond:
            return [e for d, e in self.events.get(tag, []) if d == domain]


def run_event_loop():
    while True:
        libvirt.virEventRunDefaultImpl()


def main():
    # the event implementation must be registered before the connection is opened
    libvirt.virEventRegisterDefaultImpl()
    threading.Thread(target=run_event_loop, name='libvirt-event-loop', daemon=True).start()
    libvirt.registerErrorHandler(lambda ctx, err: None, None)  # keep libvirt's own stderr print quiet

    conn = libvirt.open(URI)
    out('type', conn.getType())
    out('hv version', conn.getVersion())
    out('lib version', conn.getLibVersion())
    out('hostname', conn.getHostname() == os.uname().nodename)
    out('node info', conn.getInfo())
    out('max vcpus', conn.getMaxVcpus(None))
    out('alive', conn.isAlive())

    # domains
    dom = conn.lookupByName('test')
    out('test id', dom.ID())
    out('test uuid', dom.UUIDString())
    info = dom.info()
    out('test info (no cpu time)', info[:4])
    out('test state', dom.state())
    out('test active/persistent', (dom.isActive(), dom.isPersistent()))
    out('test os type', dom.OSType())
    out('test max memory', dom.maxMemory())
    out('test autostart', dom.autostart())
    out('by id', conn.lookupByID(1).name())
    out('by uuid', conn.lookupByUUIDString('6695eb01-f6a4-8304-79aa-97f2502e193f').name())
    observe('by name nosuch', lambda: conn.lookupByName('nosuch').name())
    observe('by id 99', lambda: conn.lookupByID(99).name())
    observe('by uuid unknown', lambda: conn.lookupByUUIDString('00000000-0000-0000-0000-000000000000').name())
    out('all domains', sorted(d.name() for d in conn.listAllDomains(0)))
    out('active ids', conn.listDomainsID())
    out('defined names', conn.listDefinedDomains())
    out('num active/inactive', (conn.numOfDomains(), conn.numOfDefinedDomains()))

    # the sample domain's life, without events
    tiny = conn.defineXML(fixture('tiny.xml'))
    out('tiny defined', (tiny.name(), tiny.ID(), uuid_shape(tiny.UUIDString()), tiny.isActive()))
    observe('tiny define again', lambda: conn.defineXML(fixture('tiny.xml')).name())
    out('tiny create', tiny.create())
    out('tiny running', (tiny.ID(), tiny.state(), tiny.isActive()))
    observe('tiny create again', lambda: tiny.create())
    out('tiny destroy', tiny.destroy())
    out('tiny after destroy', (tiny.ID(), tiny.state()))
    observe('tiny destroy again', lambda: tiny.destroy())
    out('tiny undefine', tiny.undefine())
    observe('tiny after undefine', lambda: tiny.info()[:4])
    observe('define malformed', lambda: conn.defineXML(fixture('bad.xml')).name())
    observe('define without name', lambda: conn.defineXML(fixture('noname.xml')).name())
    out('all domains after', sorted(d.name() for d in conn.listAllDomains(0)))

    # network and pool
    net = conn.networkLookupByName('default')
    out('network', (net.name(), net.UUIDString(), net.isActive(), net.isPersistent(), net.bridgeName(),
                    net.autostart()))
    out('networks', sorted(n.name() for n in conn.listAllNetworks(0)))
    observe('network nosuch', lambda: conn.networkLookupByName('nosuch').name())
    pool = conn.storagePoolLookupByName('default-pool')
    out('pool', (pool.name(), pool.UUIDString(), pool.isActive(), pool.info(), pool.numOfVolumes()))
    out('pools', sorted(p.name() for p in conn.listAllStoragePools(0)))
    observe('pool nosuch', lambda: conn.storagePoolLookupByName('nosuch').name())

    # lifecycle events, through the new and the old registration API
    log = EventLog()
    any_id = conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, log.callback('any'), None)
    out('register any id >= 0', any_id >= 0)
    old_cb = log.callback('old')
    out('register old', conn.domainEventRegister(old_cb, None))
    evt = conn.defineXML(fixture('tiny.xml').replace('<name>tiny</name>', '<name>evt</name>'))
    evt.create()
    evt.suspend()
    evt.resume()
    evt.destroy()
    evt.undefine()
    # shutdown, reboot (the test driver emits no lifecycle nor reboot event for it), destroy while paused
    reboot_id = conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT,
                                            lambda c, d, o: log.callback('reboot')(c, d, -1, 0, o), None)
    evt2 = conn.defineXML(fixture('tiny.xml').replace('<name>tiny</name>', '<name>evt2</name>'))
    evt2.create()
    evt2.shutdown()
    evt2.create()
    evt2.reboot(0)
    evt2.suspend()
    evt2.destroy()
    evt2.setAutostart(1)
    evt2.undefine()
    # a transient domain: started and stopped, never defined nor undefined
    conn.createXML(fixture('tiny.xml').replace('<name>tiny</name>', '<name>evttr</name>'), 0).destroy()
    # a last domain's undefine marks the end: events arrive in order, so everything of 'evt' is in by then
    end = conn.defineXML(fixture('tiny.xml').replace('<name>tiny</name>', '<name>endmark</name>'))
    end.undefine()
    for tag in ('any', 'old'):
        out('events %s complete' % tag, log.await_event(tag, ('endmark', 'UNDEFINED/REMOVED'), EVENT_DEADLINE_S))
        out('events %s' % tag, ' '.join(log.of(tag, 'evt')))
        out('events %s evt2' % tag, ' '.join(log.of(tag, 'evt2')))
        out('events %s transient' % tag, ' '.join(log.of(tag, 'evttr')))
    out('reboot events', len(log.of('reboot', 'evt2')))
    conn.domainEventDeregisterAny(reboot_id)
    conn.domainEventDeregisterAny(any_id)
    conn.domainEventDeregister(old_cb)
    out('deregistered', True)

    out('close', conn.close())
    out('done', True)


if __name__ == '__main__':
    main()
