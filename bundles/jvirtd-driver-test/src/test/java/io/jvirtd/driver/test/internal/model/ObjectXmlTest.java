package io.jvirtd.driver.test.internal.model;

import static io.jvirtd.driver.test.internal.model.Golden.assertError;
import static io.jvirtd.driver.test.internal.model.Golden.assertSameModuloGenerated;
import static io.jvirtd.driver.test.internal.model.Golden.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirErrorDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Networks, pools, volumes, host interfaces and node devices against the real daemon's output. */
class ObjectXmlTest {

    @Test
    void defaultObjectsFormatLikeDaemon() {
        InitialState s = InitialState.defaultState();
        assertEquals(golden("network-default.xml"), NetworkXml.format(s.networks().get(0).definition()));
        assertEquals(golden("pool-default-pool.xml"), PoolXml.format(s.pools().get(0).definition()));
        assertEquals(golden("interface-eth1.xml"), InterfaceXml.format(s.interfaces().get(0).definition()));
        for (NodeDeviceDefinition d : s.nodeDevices()) {
            assertEquals(golden("nodedev-" + d.name() + ".xml"), NodeDeviceXml.format(d), d.name());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<network><name>n1</name></network>|define-net-min.xml",
        "<network><name>n2</name><forward mode='nat'/><ip address='10.0.0.1' netmask='255.255.255.0'><dhcp><range start='10.0.0.2' end='10.0.0.9'/><host mac='52:54:00:00:00:01' name='h1' ip='10.0.0.5'/></dhcp></ip><domain name='example'/></network>|define-net-nat.xml",
        "<network><name>n3</name><bridge name='br7' stp='off' delay='2'/><mac address='52:54:00:aa:bb:cc'/><ip address='10.1.0.1' prefix='24'/></network>|define-net-bridge.xml",
    })
    void definedNetworksFormatLikeDaemon(String xml, String goldenName) {
        assertSameModuloGenerated(golden(goldenName), NetworkXml.format(NetworkXml.parse(xml)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<pool type='dir'><name>p1</name><target><path>/p1</path></target></pool>|define-pool-min.xml",
        "<pool type='dir'><name>p2</name><capacity unit='G'>1</capacity><target><path>/p2</path><permissions><mode>0711</mode><owner>0</owner><group>0</group><label>x</label></permissions></target></pool>|define-pool-perm.xml",
        "<pool type='logical'><name>p3</name><source><name>vg</name><device path='/dev/sda1'/><format type='lvm2'/></source><target><path>/dev/vg</path></target></pool>|define-pool-logical.xml",
        "<pool type='netfs'><name>p4</name><source><host name='nfs.example'/><dir path='/exp'/><format type='nfs'/></source><target><path>/mnt</path></target></pool>|define-pool-netfs.xml",
    })
    void definedPoolsFormatLikeDaemon(String xml, String goldenName) {
        assertSameModuloGenerated(golden(goldenName), PoolXml.format(PoolXml.parse(xml).withTestDefaults()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<volume><name>v1</name><capacity>1000</capacity></volume>|define-vol-min.xml",
        "<volume><name>v2.img</name><capacity unit='G'>5</capacity><allocation unit='MiB'>10</allocation><target><format type='raw'/><permissions><mode>0600</mode></permissions></target></volume>|define-vol-units.xml",
        "<volume type='file'><name>v3.qcow2</name><key>mykey</key><capacity unit='KiB'>1024</capacity><allocation>0</allocation><target><path>/elsewhere/v3</path><format type='qcow2'/></target></volume>|define-vol-qcow.xml",
        "<volume><name>v7</name><capacity unit='bytes'>512</capacity><allocation unit='b'>0</allocation></volume>|define-vol-bytes.xml",
        "<volume><name>v8</name><capacity unit='KB'>1</capacity><allocation unit='k'>1</allocation></volume>|define-vol-kb.xml",
    })
    void createdVolumesFormatLikeDaemon(String xml, String goldenName) {
        StoragePoolDefinition pool = InitialState.defaultState().pools().get(0).definition();
        assertEquals(golden(goldenName), VolumeXml.format(VolumeXml.parse(xml).createdIn(pool)));
    }

    @Test
    void poolAllocationCountsCreatedVolumes() {
        StoragePoolDefinition pool = InitialState.defaultState().pools().get(0).definition();
        // v1 (1000), v2.img (10 MiB), v3.qcow2 (0), v7 (0), v8 (1024) as created against the daemon
        for (long a : new long[] {1000, 10 * 1024 * 1024, 0, 0, 1024}) {
            pool = pool.withAllocated(a);
        }
        assertEquals(golden("define-pool-default-after-vols.xml"), PoolXml.format(pool));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<interface type='ethernet' name='eth2'><start mode='none'/><mac address='52:54:00:01:02:03'/><protocol family='ipv4'><dhcp/></protocol></interface>|define-if-eth.xml",
        "<interface type='ethernet' name='eth3'/>|define-if-min.xml",
        "<interface type='ethernet' name='eth4'><start mode='hotplug'/><mtu size='9000'/><protocol family='ipv6'><autoconf/><dhcp/><ip address='fe80::1' prefix='64'/><route gateway='fe80::ff'/></protocol></interface>|define-if-v6.xml",
        "<interface type='bridge' name='br0'><start mode='onboot'/><protocol family='ipv4'><dhcp peerdns='no'/></protocol><bridge stp='off' delay='0.01'><interface type='ethernet' name='eth5'><mac address='ab:bb:cc:dd:ee:ff'/></interface></bridge></interface>|define-if-bridge.xml",
    })
    void definedInterfacesFormatLikeDaemon(String xml, String goldenName) {
        assertEquals(golden(goldenName), InterfaceXml.format(InterfaceXml.parse(xml)));
    }

    /** Each case as the real daemon (libvirt 9.0, test:///default) reported it. */
    @Test
    void rejectsLikeDaemon() {
        assertError(VirErrorCode.NO_NAME, VirErrorDomain.NETWORK, "missing name information",
                () -> NetworkXml.parse("<network></network>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.NETWORK,
                "XML error: route forwarding requested, but no IP address provided for network 'n4'",
                () -> NetworkXml.parse("<network><name>n4</name><forward mode='route' dev='eth0'/></network>"));
        assertError(VirErrorCode.XML_DETAIL, VirErrorDomain.NETWORK,
                "(network_definition):1: Premature end of data in tag network line 1\n"
                        + "<network><name>x</name>\n-----------------------^",
                () -> NetworkXml.parse("<network><name>x</name>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.STORAGE, "XML error: missing pool source name element",
                () -> PoolXml.parse("<pool type='dir'><target><path>/p1</path></target></pool>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                "XML error: Missing required attribute 'type' in element 'pool'",
                () -> PoolXml.parse("<pool><name>p5</name><target><path>/p1</path></target></pool>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                "XML error: Invalid value for attribute 'type' in element 'pool': 'zzz'.",
                () -> PoolXml.parse("<pool type='zzz'><name>p5</name><target><path>/p1</path></target></pool>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.STORAGE, "XML error: missing storage pool target path",
                () -> PoolXml.parse("<pool type='dir'><name>p6</name></pool>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.STORAGE, "XML error: missing volume name element",
                () -> VolumeXml.parse("<volume><capacity>1000</capacity></volume>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.STORAGE, "XML error: missing capacity element",
                () -> VolumeXml.parse("<volume><name>v4</name></volume>"));
        assertError(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE, "invalid argument: unknown suffix 'xx'",
                () -> VolumeXml.parse("<volume><name>v5</name><capacity unit='xx'>1</capacity></volume>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.INTERFACE, "XML error: interface has no name",
                () -> InterfaceXml.parse("<interface type='ethernet'/>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                "XML error: Missing required attribute 'type' in element 'interface'",
                () -> InterfaceXml.parse("<interface name='x'/>"));
        assertError(VirErrorCode.XML_ERROR, VirErrorDomain.XML,
                "XML error: Invalid value for attribute 'type' in element 'interface': 'zz'.",
                () -> InterfaceXml.parse("<interface type='zz' name='x'/>"));
        assertError(VirErrorCode.INTERNAL_ERROR, VirErrorDomain.NODEDEV,
                "internal error: no system UUID supplied for 'computer'",
                () -> NodeDeviceXml.parse("<device><name>computer</name><capability type='system'>"
                        + "<hardware><vendor>X</vendor></hardware></capability></device>"));
    }

    @Test
    void scaledIntegersFollowLibvirtUnits() {
        assertEquals(1, ScaledIntegers.scale("b", 1024));
        assertEquals(1, ScaledIntegers.scale("bytes", 1024));
        assertEquals(1024, ScaledIntegers.scale(null, 1024));
        assertEquals(1024, ScaledIntegers.scale("KiB", 1));
        assertEquals(1024, ScaledIntegers.scale("k", 1));
        assertEquals(1000, ScaledIntegers.scale("KB", 1));
        assertEquals(1L << 30, ScaledIntegers.scale("G", 1));
        assertEquals(1L << 30, ScaledIntegers.scale("GiB", 1));
        assertEquals(1_000_000_000_000L, ScaledIntegers.scale("TB", 1));
        assertEquals(1L << 60, ScaledIntegers.scale("EiB", 1));
        assertError(VirErrorCode.INVALID_ARG, VirErrorDomain.NONE, "invalid argument: unknown suffix 'KIB'",
                () -> ScaledIntegers.scale("KIB", 1));
    }

    @Test
    void uuidsAndMacsNormalise() {
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f",
                Uuids.format(Uuids.parseOrNull("6695EB01F6A4830479AA97F2502E193F")));
        assertEquals(null, Uuids.parseOrNull("zzz"));
        assertEquals("0a:bb:cc:dd:ee:ff", MacAddresses.normalizeOrNull("A:BB-CC:DD:EE:FF"));
        assertEquals(null, MacAddresses.normalizeOrNull("aa:bb"));
    }
}
