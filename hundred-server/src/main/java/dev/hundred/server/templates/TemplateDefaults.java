package dev.hundred.server.templates;

import dev.hundred.server.templates.RecordingConfig.BrowserComposite;
import dev.hundred.server.templates.RecordingConfig.CompositeRecording;
import dev.hundred.server.templates.RecordingConfig.StreamRecording;
import dev.hundred.server.templates.RecordingConfig.Toggle;
import dev.hundred.server.templates.Role.Audio;
import dev.hundred.server.templates.Role.Permissions;
import dev.hundred.server.templates.Role.PublishParams;
import dev.hundred.server.templates.Role.Simulcast;
import dev.hundred.server.templates.Role.SimulcastLayer;
import dev.hundred.server.templates.Role.SimulcastLayers;
import dev.hundred.server.templates.Role.SubscribeDegradation;
import dev.hundred.server.templates.Role.SubscribeParams;
import dev.hundred.server.templates.Role.Video;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every default of a template, written once. Numbers come from the tables of spec §5.9; where the tables
 * give none, from what the docs' examples answer for a role or settings sent as {@code {}}
 * (update-a-template.mdx): every role subscribes to every role, {@code maxSubsBitRate} 3200, priority 1,
 * {@code roomState.stopRoomStateOnJoin} true, {@code recording} null, {@code retry} {}.
 */
final class TemplateDefaults {
    static final String REGION = "auto";
    static final List<String> ALLOWED = List.of("audio", "video", "screen");
    static final Audio AUDIO = new Audio(32, "opus");
    static final Video VIDEO = new Video(256, "vp8", 25, 320, 180);
    static final Video SCREEN = new Video(1024, "vp8", 10, 1280, 720);
    static final int MAX_SUBS_BIT_RATE = 3200;
    static final SubscribeDegradation DEGRADATION = new SubscribeDegradation(50, 1, 4);
    static final Permissions PERMISSIONS = new Permissions(false, false, false, false, false, false, false, false,
            true, true, true);
    /** What the host of the default template may do: run the room and its polls. */
    static final Permissions HOST_PERMISSIONS = new Permissions(true, true, true, true, true, false, true, true,
            true, true, true);
    static final int PRIORITY = 1;
    static final int MAX_PEER_COUNT = 0;
    static final int SIMULCAST_MAX_BITRATE = 0;
    static final Settings.RoomState ROOM_STATE = new Settings.RoomState(5, false, true, false);
    static final String DEFAULT_TEMPLATE_NAME = "default";

    private TemplateDefaults() {}

    /** Roles {@code host} and {@code guest} of the template every workspace starts with. */
    static Map<String, Role> defaultTemplateRoles() {
        List<String> names = List.of("host", "guest");
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("host", role("host", new Role(null, null, null, HOST_PERMISSIONS, null, null), names));
        roles.put("guest", role("guest", null, names));
        return roles;
    }

    /** The role with every missing field filled; by default it subscribes to all of {@code templateRoles}. */
    static Role role(String name, Role given, List<String> templateRoles) {
        Role r = given != null ? given : new Role(null, null, null, null, null, null);
        return new Role(name, publish(r.publishParams()), subscribe(r.subscribeParams(), templateRoles),
                permissions(r.permissions()), or(r.priority(), PRIORITY), or(r.maxPeerCount(), MAX_PEER_COUNT));
    }

    private static PublishParams publish(PublishParams p) {
        if (p == null) {
            p = new PublishParams(null, null, null, null, null);
        }
        Audio a = p.audio() != null ? p.audio() : AUDIO;
        return new PublishParams(or(p.allowed(), ALLOWED),
                new Audio(or(a.bitRate(), AUDIO.bitRate()), or(a.codec(), AUDIO.codec())),
                video(p.video(), VIDEO), video(p.screen(), SCREEN), simulcast(p.simulcast()));
    }

    private static Video video(Video v, Video d) {
        if (v == null) {
            return d;
        }
        return new Video(or(v.bitRate(), d.bitRate()), or(v.codec(), d.codec()), or(v.frameRate(), d.frameRate()),
                or(v.width(), d.width()), or(v.height(), d.height()));
    }

    private static Simulcast simulcast(Simulcast s) {
        if (s == null) {
            return new Simulcast(new SimulcastLayers(null), new SimulcastLayers(null));
        }
        return new Simulcast(layers(s.video()), layers(s.screen()));
    }

    private static SimulcastLayers layers(SimulcastLayers given) {
        if (given == null || given.layers() == null) {
            return new SimulcastLayers(null);
        }
        return new SimulcastLayers(map(given.layers(), l -> new SimulcastLayer(l.rid(), l.scaleResolutionDownBy(),
                or(l.maxBitrate(), SIMULCAST_MAX_BITRATE), l.maxFramerate())));
    }

    private static SubscribeParams subscribe(SubscribeParams s, List<String> templateRoles) {
        if (s == null) {
            s = new SubscribeParams(null, null, null);
        }
        SubscribeDegradation d = s.subscribeDegradation() != null ? s.subscribeDegradation() : DEGRADATION;
        return new SubscribeParams(or(s.subscribeToRoles(), List.copyOf(templateRoles)),
                or(s.maxSubsBitRate(), MAX_SUBS_BIT_RATE),
                new SubscribeDegradation(or(d.packetLossThreshold(), DEGRADATION.packetLossThreshold()),
                        or(d.degradeGracePeriodSeconds(), DEGRADATION.degradeGracePeriodSeconds()),
                        or(d.recoverGracePeriodSeconds(), DEGRADATION.recoverGracePeriodSeconds())));
    }

    private static Permissions permissions(Permissions p) {
        if (p == null) {
            return PERMISSIONS;
        }
        Permissions d = PERMISSIONS;
        return new Permissions(or(p.endRoom(), d.endRoom()), or(p.removeOthers(), d.removeOthers()),
                or(p.mute(), d.mute()), or(p.unmute(), d.unmute()), or(p.changeRole(), d.changeRole()),
                or(p.sendRoomState(), d.sendRoomState()), or(p.pollRead(), d.pollRead()),
                or(p.pollWrite(), d.pollWrite()), or(p.browserRecording(), d.browserRecording()),
                or(p.rtmpStreaming(), d.rtmpStreaming()), or(p.hlsStreaming(), d.hlsStreaming()));
    }

    static Settings settings(Settings given) {
        Settings s = given != null ? given : new Settings(null, null, null, null);
        Settings.RoomState r = s.roomState() != null ? s.roomState() : ROOM_STATE;
        return new Settings(or(s.region(), REGION), s.recording(),
                new Settings.RoomState(or(r.messageInterval(), ROOM_STATE.messageInterval()),
                        or(r.sendPeerList(), ROOM_STATE.sendPeerList()),
                        or(r.stopRoomStateOnJoin(), ROOM_STATE.stopRoomStateOnJoin()),
                        or(r.enabled(), ROOM_STATE.enabled())),
                Map.of());
    }

    /** Names come from the keys when left out; maps left empty are not printed (Go's omitempty). */
    static Destinations destinations(Destinations given) {
        if (given == null) {
            return Destinations.NONE;
        }
        return new Destinations(
                named(given.browserRecordings(), (key, d) -> d == null
                        ? new Destinations.BrowserRecording(key, null, null, null, null, null, null, null, null)
                        : d.name() == null ? d.withName(key) : d),
                named(given.rtmpDestinations(), (key, d) -> d == null
                        ? new Destinations.RtmpDestination(key, null, null, null, null, null, null)
                        : d.name() == null ? d.withName(key) : d),
                named(given.hlsDestinations(), (key, d) -> d == null
                        ? new Destinations.HlsDestination(key, null, null, null, null, null, null, null, null, null, null)
                        : d.name() == null ? d.withName(key) : d),
                named(given.transcriptions(), (key, d) -> d == null
                        ? new Destinations.Transcription(key, null, null, null, null, null, null)
                        : d.name() == null ? d.withName(key) : d));
    }

    private static <T> Map<String, T> named(Map<String, T> given, BiFunction<String, T, T> fill) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        Map<String, T> out = new LinkedHashMap<>();
        given.forEach((key, value) -> out.put(key, fill.apply(key, value)));
        return out;
    }

    static Plugins plugins(Plugins given) {
        return given != null ? given : Plugins.NONE;
    }

    /** Recording configurations print no false booleans (configure-recordings example), so false is unset. */
    static RecordingConfig recording(RecordingConfig c) {
        if (c == null) {
            return null;
        }
        Destinations.Thumbnails t = c.thumbnails();
        CompositeRecording composite = c.compositeRecording();
        BrowserComposite browser = composite == null ? null : composite.browserComposite();
        StreamRecording stream = c.streamRecording();
        return new RecordingConfig(c.name(), c.role(), c.maxDuration(), c.presignDuration(),
                t == null ? null : new Destinations.Thumbnails(trueOrUnset(t.enabled()), t.width(), t.height(),
                        t.offsets(), t.fps()),
                composite == null ? null : new CompositeRecording(
                        browser == null ? null : new BrowserComposite(trueOrUnset(browser.autoStart()),
                                browser.autoStopTimeout(), browser.width(), browser.height()),
                        toggle(composite.customComposite())),
                toggle(c.trackRecording()),
                stream == null ? null : new StreamRecording(trueOrUnset(stream.enabled()), stream.width(), stream.height()));
    }

    private static Toggle toggle(Toggle t) {
        return t == null ? null : new Toggle(trueOrUnset(t.enabled()));
    }

    private static Boolean trueOrUnset(Boolean b) {
        return Boolean.TRUE.equals(b) ? true : null;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <A, B> List<B> map(List<A> list, java.util.function.Function<A, B> f) {
        List<B> out = new ArrayList<>(list.size());
        for (A a : list) {
            out.add(a == null ? null : f.apply(a));
        }
        return out;
    }
}
