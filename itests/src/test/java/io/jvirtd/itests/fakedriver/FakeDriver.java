package io.jvirtd.itests.fakedriver;

import io.jvirtd.api.driver.Driver;

/** The driver the fake bundle registers. */
public final class FakeDriver implements Driver {

    @Override
    public String name() {
        return FakeDriverBundle.NAME;
    }
}
