package dev.hundred.server.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a server-side request (a webhook delivery) may go. With {@code allowPrivate} false, a URL whose host
 * is or resolves to a loopback, private, link-local (the cloud metadata address 169.254.169.254 among them),
 * carrier-grade NAT, unique-local, multicast or unspecified address is refused: what a control plane open to
 * users needs so that a webhook URL cannot reach its own network. The default allows them (local testing).
 */
public final class PrivateTargets {
    public static final PrivateTargets ALLOW_ALL = new PrivateTargets(true);

    private final boolean allowPrivate;

    public PrivateTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The first address of the URL's host that is not allowed, if any. A host that does not resolve passes. */
    public Optional<InetAddress> refused(String url) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a URL: the caller's own checks refuse it
        }
        if (host == null) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
                if (isPrivate(address)) {
                    return Optional.of(address);
                }
            }
        } catch (UnknownHostException e) {
            return Optional.empty(); // delivery will fail on its own and is checked again then
        }
        return Optional.empty();
    }

    /** Throws 400 Invalid body param naming {@code field} when the URL may not be used. */
    public void check(String field, String url) {
        refused(url).ifPresent(address -> {
            throw ApiError.badBody(field + " resolves to a private address (" + address.getHostAddress()
                    + "), refused with --webhook-allow-private false");
        });
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128); // "this network", CGNAT 100.64/10
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
