package io.jvirtd.shell.internal;


import io.jvirtd.api.admin.ServerAdmin;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code virt:client-close [--server S] ID}: disconnects a client (virt-admin client-disconnect).
 * <p>
 * Gogo maps a function to the Java method of the same name, and a dash cannot be in one, so this
 * command is the single {@code _main} method of its own component (Gogo passes the function name
 * first). Felix's {@code help} lists methods by name and cannot show it; {@code --help} prints the
 * usage instead.
 */
// Registered as Object: Gogo finds commands by their scope/function properties, the one accepted
// exception to "no concrete classes registered as services".
@Component(service = Object.class, property = {"osgi.command.scope=virt", "osgi.command.function=client-close"})
public final class ClientCloseCommand {
    static final String USAGE = """
            client-close - disconnect a client of a server (virt-admin client-disconnect); its calls in flight are dropped
               scope: virt
               options:
                  --server, -s   the server: libvirtd (default) or admin
                  --help         this text
               parameters:
                  ID             the client id, as virt:clients shows it
            """;

    /** Bound and unbound by SCR (optional, dynamic): null while the providing bundle is stopped. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ServerAdmin admin;

    /**
     * Gogo's option parsing does not line up with the name it inserts before {@code _main}'s
     * arguments, so the options are read here.
     */
    @Descriptor("disconnect a client of a server (virt-admin client-disconnect)")
    public String _main(@Descriptor("the function name Gogo passes: client-close") String function,
            @Descriptor("[--server|-s SERVER] [--help] ID") String[] args) {
        String server = ClientCommands.DEFAULT_SERVER;
        String id = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help" -> {
                    return USAGE;
                }
                case "--server", "-s" -> {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException("--server needs a server name\n" + USAGE);
                    }
                    server = args[i];
                }
                default -> {
                    if (id != null || args[i].startsWith("-")) {
                        throw new IllegalArgumentException("unexpected '" + args[i] + "'\n" + USAGE);
                    }
                    id = args[i];
                }
            }
        }
        if (id == null) {
            throw new IllegalArgumentException("which client? give its id, as virt:clients shows it\n" + USAGE);
        }
        long clientId;
        try {
            clientId = Long.parseUnsignedLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("client id must be a number, as virt:clients shows it, not '" + id + "'");
        }
        Views.required(admin, ServerAdmin.class, "io.jvirtd.rpc").closeClient(server, clientId);
        return "Client '" + Long.toUnsignedString(clientId) + "' disconnected\n";
    }
}
