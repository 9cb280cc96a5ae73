package io.jvirtd.rpc.internal;

import java.util.UUID;
import java.util.function.Supplier;

import io.jvirtd.api.domain.DomainEvent;
import io.jvirtd.api.domain.DomainEventListener;
import io.jvirtd.api.domain.DomainRef;
import io.jvirtd.api.driver.Subscription;
import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.xdr.codec.XdrCodec;
import io.jvirtd.xdr.codec.XdrCodecs;
import io.jvirtd.xdr.codec.XdrVoid;
import io.jvirtd.xdr.message.Frames;
import io.jvirtd.xdr.message.MessageHeader;
import io.jvirtd.xdr.message.MessageStatus;
import io.jvirtd.xdr.message.MessageType;
import io.jvirtd.xdr.remote.CallbackIdArgs;
import io.jvirtd.xdr.remote.CallbackIdRet;
import io.jvirtd.xdr.remote.CbRegisteredRet;
import io.jvirtd.xdr.remote.ConnectDomainEventCallbackRegisterAnyArgs;
import io.jvirtd.xdr.remote.DomainEventCallbackLifecycleMsg;
import io.jvirtd.xdr.remote.DomainEventLifecycleMsg;
import io.jvirtd.xdr.remote.DomainEventCallbackRebootMsg;
import io.jvirtd.xdr.remote.DomainEventRebootMsg;
import io.jvirtd.xdr.remote.EventIdArgs;
import io.jvirtd.xdr.remote.RemoteProgram;

/**
 * Domain event registration, and delivery of events as MESSAGE packets: lifecycle (event id 0) as
 * procedure 318 (one per matching callback of the modern API) and 107 (the legacy APIs), reboot
 * (event id 1) as 319 and 169. Drivers produce only these two so far; registrations for other valid
 * ids are accepted and stay silent, as they would on a driver that never raises them.
 */
final class DomainEventProcedures {
    /** VIR_DOMAIN_EVENT_ID_LIFECYCLE. */
    private static final int LIFECYCLE = 0;
    /** VIR_DOMAIN_EVENT_ID_REBOOT. */
    private static final int REBOOT = 1;
    /** VIR_DOMAIN_EVENT_ID_LAST in libvirt 9.0. */
    private static final int EVENT_ID_LAST = 27;
    /** Serial of event packets, as libvirtd sends them. */
    private static final int EVENT_SERIAL = 1;
    private static final XdrCodec<DomainEventCallbackLifecycleMsg> CALLBACK_MSG =
            XdrCodecs.of(DomainEventCallbackLifecycleMsg.class);
    private static final XdrCodec<DomainEventLifecycleMsg> LEGACY_MSG = XdrCodecs.of(DomainEventLifecycleMsg.class);
    private static final XdrCodec<DomainEventCallbackRebootMsg> CALLBACK_REBOOT_MSG =
            XdrCodecs.of(DomainEventCallbackRebootMsg.class);
    private static final XdrCodec<DomainEventRebootMsg> LEGACY_REBOOT_MSG = XdrCodecs.of(DomainEventRebootMsg.class);

    private final EventPusher pusher; // immutable

    DomainEventProcedures(EventPusher pusher) {
        this.pusher = pusher;
    }

    void register(HandlerTable t) {
        t.on(316, ConnectDomainEventCallbackRegisterAnyArgs.class, (c, a) -> {
            checkEventId(a.eventID());
            UUID filter = a.dom() == null ? null : a.dom().uuid();
            return new CallbackIdRet(c.session().events().addCallback(a.eventID(), filter, subscribe(c)));
        });
        t.on(317, CallbackIdArgs.class, (c, a) -> {
            c.connection();
            if (!c.session().events().removeCallback(a.callbackID())) {
                throw new VirException(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE, String.format(
                        "callback %d not registered", a.callbackID()));
            }
            return XdrVoid.INSTANCE;
        });
        t.on(167, EventIdArgs.class, (c, a) -> {
            checkEventId(a.eventID());
            if (!c.session().events().addLegacy(a.eventID(), subscribe(c))) {
                throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.NONE, String.format(
                        "domain event %d already registered", a.eventID()));
            }
            return XdrVoid.INSTANCE;
        });
        t.on(168, EventIdArgs.class, (c, a) -> {
            checkEventId(a.eventID());
            if (!c.session().events().removeLegacy(a.eventID())) {
                throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.NONE, String.format(
                        "domain event %d not registered", a.eventID()));
            }
            return XdrVoid.INSTANCE;
        });
        t.on(105, c -> new CbRegisteredRet(c.session().events().setOldApi(true, subscribe(c)) ? 1 : 0));
        t.on(106, c -> {
            c.connection();
            return new CbRegisteredRet(c.session().events().setOldApi(false, null) ? 1 : 0);
        });
    }

    private static void checkEventId(int eventId) {
        if (eventId < 0 || eventId >= EVENT_ID_LAST) {
            throw new VirException(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.NONE, String.format(
                    "unsupported event ID %d", eventId));
        }
    }

    /** Subscribes the client to its connection's domain events (a driver call; made with no lock held). */
    private Supplier<Subscription> subscribe(Call c) {
        Client client = c.client;
        return () -> c.domains().subscribe(new DomainEventListener() {
            @Override
            public void lifecycle(DomainEvent event) {
                deliver(client, event);
            }

            @Override
            public void reboot(DomainRef domain) {
                deliverReboot(client, domain);
            }
        });
    }

    /** Sends one driver event to every registration of the client that wants it. */
    private void deliver(Client client, DomainEvent event) {
        ClientEvents events = client.session.events();
        var dom = Handles.wire(event.domain());
        var msg = new DomainEventLifecycleMsg(dom, event.event(), event.detail());
        for (ClientEvents.Callback cb : events.callbacksFor(LIFECYCLE, event.domain().uuid())) {
            pusher.push(client, Frames.encode(header(318), CALLBACK_MSG,
                    new DomainEventCallbackLifecycleMsg(cb.id(), msg)));
        }
        if (events.legacyWants(LIFECYCLE)) {
            pusher.push(client, Frames.encode(header(107), LEGACY_MSG, msg));
        }
    }

    /** A reboot to the client's registrations for VIR_DOMAIN_EVENT_ID_REBOOT: MESSAGE 319 or 169. */
    private void deliverReboot(Client client, DomainRef domain) {
        ClientEvents events = client.session.events();
        var msg = new DomainEventRebootMsg(Handles.wire(domain));
        for (ClientEvents.Callback cb : events.callbacksFor(REBOOT, domain.uuid())) {
            pusher.push(client, Frames.encode(header(319), CALLBACK_REBOOT_MSG,
                    new DomainEventCallbackRebootMsg(cb.id(), msg)));
        }
        if (events.legacyWants(REBOOT)) {
            pusher.push(client, Frames.encode(header(169), LEGACY_REBOOT_MSG, msg));
        }
    }

    private static MessageHeader header(int procedure) {
        return new MessageHeader(RemoteProgram.PROGRAM, RemoteProgram.VERSION, procedure, MessageType.MESSAGE,
                EVENT_SERIAL, MessageStatus.OK);
    }
}
