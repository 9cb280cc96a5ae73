package io.jvirtd.core.internal.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import io.jvirtd.api.error.VirException;
import io.jvirtd.api.object.ObjectHandle;
import io.jvirtd.api.object.ObjectList;
import io.jvirtd.core.internal.lock.OrderedLockFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ObjectListTest {
    private final OrderedLockFactory locks = new OrderedLockFactory(true, Duration.ofSeconds(5));
    private final ObjectModel model = new ObjectModel(locks, Duration.ofSeconds(5));
    private final ObjectList<TestDomain> domains = model.create("domain", VirErrorDomain.TEST);

    @Test
    void addReturnsALockedHandleAndFindsByEveryKey() {
        TestDomain vm = new TestDomain("vm1", UUID.randomUUID(), 3);
        try (ObjectHandle<TestDomain> h = domains.addIfAbsent(vm).orElseThrow()) {
            assertTrue(h.lock().isHeldByCurrentThread());
            assertEquals("domain vm1", h.lock().name());
        }
        try (ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
            assertEquals(vm, h.value());
        }
        try (ObjectHandle<TestDomain> h = domains.findByUuid(vm.uuid()).orElseThrow()) {
            assertEquals(vm, h.value());
        }
        try (ObjectHandle<TestDomain> h = domains.findById(3).orElseThrow()) {
            assertEquals(vm, h.value());
        }
        assertTrue(domains.findByName("nope").isEmpty());
        assertTrue(domains.findById(-1).isEmpty());
        assertEquals(List.of(), locks.heldByCurrentThread());
    }

    @Test
    void aTakenNameOrUuidIsRefused() {
        TestDomain vm = TestDomain.inactive("vm1");
        domains.addIfAbsent(vm).orElseThrow().close();
        assertTrue(domains.addIfAbsent(new TestDomain("vm1", UUID.randomUUID(), -1)).isEmpty());
        assertTrue(domains.addIfAbsent(new TestDomain("other", vm.uuid(), -1)).isEmpty());
        assertEquals(1, domains.size());
    }

    @Test
    void aDefinitionReplacesItsOwnObjectAndClashesAreRefusedInLibvirtsWords() {
        TestDomain vm = TestDomain.inactive("vm1");
        domains.addIfAbsent(vm).orElseThrow().close();
        try (ObjectHandle<TestDomain> same = domains.findForDefinition("vm1", vm.uuid(), VirErrorDomain.QEMU)
                .orElseThrow()) {
            assertTrue(same.lock().isHeldByCurrentThread(), "the object to replace comes locked");
        }
        assertTrue(domains.findForDefinition("vm2", UUID.randomUUID(), VirErrorDomain.QEMU).isEmpty());
        VirException renamed = assertThrows(VirException.class,
                () -> domains.findForDefinition("vm2", vm.uuid(), VirErrorDomain.QEMU));
        assertEquals(VirErrorCode.OPERATION_FAILED, renamed.code());
        assertEquals(VirErrorDomain.QEMU, renamed.domain());
        assertEquals("operation failed: domain 'vm1' is already defined with uuid " + vm.uuid(), renamed.getMessage());
        UUID other = UUID.randomUUID();
        VirException taken = assertThrows(VirException.class,
                () -> domains.findForDefinition("vm1", other, VirErrorDomain.QEMU));
        assertEquals("operation failed: domain 'vm1' already exists with uuid " + vm.uuid(), taken.getMessage());
        try (ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
            assertTrue(h.lock().isHeldByCurrentThread(), "a refusal leaves no lock held or reference taken");
        }
    }

    @Test
    void removeUnlistsButHoldersKeepTheirObject() {
        domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow().close();
        ManagedObject<TestDomain> object;
        try (ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
            object = ((ManagedObjectHandle<TestDomain>) h).object();
            assertEquals(2, object.references(), "the list's and the handle's");
            domains.remove(h);
            assertTrue(h.lock().isHeldByCurrentThread(), "remove returns with the object lock held again");
            assertFalse(h.isListed());
            assertEquals(1, object.references(), "the list gave its reference back; the holder keeps one");
            assertEquals("vm1", h.value().name());
            h.update(h.value().withId(4)); // still usable by its holder
            assertEquals(4, h.value().id());
        }
        assertEquals(0, object.references());
        assertTrue(domains.findByName("vm1").isEmpty());
        assertTrue(domains.findById(4).isEmpty(), "an unlisted object is not re-indexed");
        assertEquals(0, domains.size());
    }

    @Test
    void updateToAnotherObjectsKeyIsRefusedAndIndexesStay() {
        domains.addIfAbsent(new TestDomain("a", UUID.randomUUID(), 1)).orElseThrow().close();
        domains.addIfAbsent(new TestDomain("b", UUID.randomUUID(), 2)).orElseThrow().close();
        try (ObjectHandle<TestDomain> b = domains.findByName("b").orElseThrow()) {
            VirException e = assertThrows(VirException.class, () -> b.update(b.value().withId(1)));
            assertEquals(VirErrorCode.OPERATION_INVALID, e.code());
            assertEquals(VirErrorDomain.TEST, e.domain());
            assertTrue(b.lock().isHeldByCurrentThread(), "the object lock is held again after the failed update");
            assertEquals(2, b.value().id());
        }
        try (ObjectHandle<TestDomain> h = domains.findById(1).orElseThrow()) {
            assertEquals("a", h.value().name());
        }
        try (ObjectHandle<TestDomain> h = domains.findById(2).orElseThrow()) {
            assertEquals("b", h.value().name());
        }
        assertEquals(List.of(), locks.heldByCurrentThread());
    }

    @Test
    void updateReindexesAChangedId() {
        domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow().close();
        try (ObjectHandle<TestDomain> h = domains.findByName("vm1").orElseThrow()) {
            h.update(h.value().withId(7));
            assertTrue(h.lock().isHeldByCurrentThread());
        }
        try (ObjectHandle<TestDomain> h = domains.findById(7).orElseThrow()) {
            assertEquals("vm1", h.value().name());
            h.update(h.value().withId(-1));
        }
        assertTrue(domains.findById(7).isEmpty());
        assertEquals(List.of(TestDomain.inactive("vm1")), domains.snapshot());
    }

    @Test
    void closingAHandleReleasesItsLockAndReference() {
        ObjectHandle<TestDomain> added = domains.addIfAbsent(TestDomain.inactive("vm1")).orElseThrow();
        ManagedObject<TestDomain> object = ((ManagedObjectHandle<TestDomain>) added).object();
        assertEquals(2, object.references(), "the list's reference and the handle's");
        added.close();
        added.close();
        assertEquals(1, object.references());
        assertFalse(object.lock().isHeldByCurrentThread());
    }

    @Test
    void lookupsOfDifferentObjectsDoNotWaitForEachOther() throws Exception {
        domains.addIfAbsent(TestDomain.inactive("a")).orElseThrow().close();
        domains.addIfAbsent(TestDomain.inactive("b")).orElseThrow().close();
        try (ObjectHandle<TestDomain> a = domains.findByName("a").orElseThrow()) {
            CountDownLatch gotB = new CountDownLatch(1);
            Thread other = new Thread(() -> {
                try (ObjectHandle<TestDomain> b = domains.findByName("b").orElseThrow()) {
                    gotB.countDown();
                }
            });
            other.start();
            assertTrue(gotB.await(5, TimeUnit.SECONDS), "b is found while a is held");
            other.join(5000);
        }
    }

    @Test
    void aLookupWhileHoldingAnObjectLockIsAnOrderViolation() {
        domains.addIfAbsent(TestDomain.inactive("a")).orElseThrow().close();
        try (ObjectHandle<TestDomain> a = domains.findByName("a").orElseThrow()) {
            assertThrows(io.jvirtd.api.lock.LockOrderViolationException.class, () -> domains.findByName("a"));
        }
    }
}
