package dev.hundred.server.templates;

import static dev.hundred.server.templates.Problems.at;
import static dev.hundred.server.templates.Problems.index;

import dev.hundred.server.templates.Role.SimulcastLayer;
import dev.hundred.server.templates.Role.SubscribeDegradation;
import dev.hundred.server.templates.Role.Video;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** The ranges of a role (spec §5.9), checked on the role with its defaults filled. */
final class RoleRules {
    static final List<String> TRACKS = List.of("audio", "video", "screen", "simulcast");
    /** Simulcast rids, from the largest layer to the smallest. */
    static final List<String> RIDS = List.of("f", "h", "q");
    static final int MAX_SIMULCAST_LAYERS = 3;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.:-]{1,100}");

    private RoleRules() {}

    /** Role names travel in URLs and tokens: letters, digits and {@code _ - . :}, at most 100. */
    static void name(String path, String name, Problems p) {
        if (name == null || !NAME.matcher(name).matches()) {
            p.add(path, "must be a role name of 1 to 100 characters a-z, A-Z, 0-9, _, -, . or :");
        }
    }

    /** {@code prefix} is where the role sits in the body: {@code roles.host}, or empty for the role endpoint. */
    static void check(Role role, String prefix, Collection<String> roleNames, Problems p) {
        Role.PublishParams publish = role.publishParams();
        String pub = at(prefix, "publishParams");
        p.eachOneOf(at(pub, "allowed"), publish.allowed(), TRACKS);
        p.between(at(pub, "audio.bitRate"), publish.audio().bitRate(), 16, 128);
        p.oneOf(at(pub, "audio.codec"), publish.audio().codec(), List.of("opus"));
        video(at(pub, "video"), publish.video(), 30, 2000, 50, 1080, 50, 1920, p);
        video(at(pub, "screen"), publish.screen(), 500, null, 270, 1080, 480, 1920, p);
        layers(at(pub, "simulcast.video.layers"), publish.simulcast().video().layers(), p);
        layers(at(pub, "simulcast.screen.layers"), publish.simulcast().screen().layers(), p);

        Role.SubscribeParams subscribe = role.subscribeParams();
        String sub = at(prefix, "subscribeParams");
        p.eachRole(at(sub, "subscribeToRoles"), subscribe.subscribeToRoles(), roleNames);
        p.atLeast(at(sub, "maxSubsBitRate"), subscribe.maxSubsBitRate(), 0);
        SubscribeDegradation degradation = subscribe.subscribeDegradation();
        String deg = at(sub, "subscribeDegradation");
        p.between(at(deg, "packetLossThreshold"), degradation.packetLossThreshold(), 1, 100);
        p.between(at(deg, "degradeGracePeriodSeconds"), degradation.degradeGracePeriodSeconds(), 1, 10);
        p.between(at(deg, "recoverGracePeriodSeconds"), degradation.recoverGracePeriodSeconds(), 1, 10);

        p.between(at(prefix, "priority"), role.priority(), 1, 5);
        p.atLeast(at(prefix, "maxPeerCount"), role.maxPeerCount(), -1);
    }

    private static boolean isRid(String rid) {
        return rid != null && RIDS.contains(rid); // List.of refuses contains(null)
    }

    private static void video(String path, Video v, int minBitRate, Integer maxBitRate, int minHeight, int maxHeight,
                              int minWidth, int maxWidth, Problems p) {
        if (maxBitRate == null) {
            p.atLeast(at(path, "bitRate"), v.bitRate(), minBitRate);
        } else {
            p.between(at(path, "bitRate"), v.bitRate(), minBitRate, maxBitRate);
        }
        p.oneOf(at(path, "codec"), v.codec(), List.of("vp8"));
        p.between(at(path, "frameRate"), v.frameRate(), 1, 30);
        p.between(at(path, "height"), v.height(), minHeight, maxHeight);
        p.between(at(path, "width"), v.width(), minWidth, maxWidth);
    }

    /**
     * At most 3 layers; rids unique and in the order f, h, q, the first {@code f} at full resolution;
     * each layer scaled down strictly more than the one before.
     */
    private static void layers(String path, List<SimulcastLayer> layers, Problems p) {
        if (layers == null) {
            return;
        }
        p.maxSize(path, layers, MAX_SIMULCAST_LAYERS, "layers");
        SimulcastLayer previous = null;
        for (int i = 0; i < layers.size(); i++) {
            String at = index(path, i);
            SimulcastLayer layer = layers.get(i);
            if (layer == null) {
                p.add(at, "must be an object");
                previous = null;
                continue;
            }
            p.required(at(at, "rid"), layer.rid());
            p.oneOf(at(at, "rid"), layer.rid(), RIDS);
            p.required(at(at, "scaleResolutionDownBy"), layer.scaleResolutionDownBy());
            p.between(at(at, "scaleResolutionDownBy"), layer.scaleResolutionDownBy(), "1.0", "12.0");
            p.between(at(at, "maxBitrate"), layer.maxBitrate(), 0, 2000);
            p.required(at(at, "maxFramerate"), layer.maxFramerate());
            p.between(at(at, "maxFramerate"), layer.maxFramerate(), 1, 30);
            if (i == 0) {
                if (isRid(layer.rid()) && !layer.rid().equals("f")) {
                    p.add(at(at, "rid"), "must be f in the first layer");
                }
                if (layer.scaleResolutionDownBy() != null && layer.scaleResolutionDownBy() != 1.0) {
                    p.add(at(at, "scaleResolutionDownBy"), "must be 1.0 in the first layer");
                }
            } else if (previous != null) {
                if (isRid(layer.rid()) && isRid(previous.rid())
                        && RIDS.indexOf(layer.rid()) <= RIDS.indexOf(previous.rid())) {
                    p.add(at(at, "rid"), "must come after " + previous.rid() + " (order f, h, q, each once)");
                }
                if (layer.scaleResolutionDownBy() != null && previous.scaleResolutionDownBy() != null
                        && layer.scaleResolutionDownBy() <= previous.scaleResolutionDownBy()) {
                    p.add(at(at, "scaleResolutionDownBy"), "must be greater than in the layer before");
                }
            }
            previous = layer;
        }
    }
}
