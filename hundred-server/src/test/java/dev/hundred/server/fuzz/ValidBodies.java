package dev.hundred.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A body each main endpoint accepts, so the fuzz gets past the first check: sent as it is (things happen in the
 * playground: rooms, peers, recordings), or with one value somewhere inside replaced by a hostile one (which
 * reaches rules and columns a malformed body never does). {@code <room>}, {@code <template>}, {@code <code>},
 * {@code <role>} and {@code <n>} are filled in per request.
 */
final class ValidBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValidBodies() {}

    static final Map<String, String> BY_PATH = Map.ofEntries(
            Map.entry("/v2/rooms", "{\"name\":\"fuzz-r-<n>\",\"description\":\"d\",\"template_id\":\"<template>\",\"region\":\"in\","
                    + "\"size\":10,\"max_duration_seconds\":3600,\"large_room\":false,\"recording_info\":{\"enabled\":false},"
                    + "\"webhook\":{\"url\":\"http://127.0.0.1:9/h\",\"events\":[\"session.open.success\"]},\"polls\":[]}"),
            Map.entry("/v2/rooms/{room}", "{\"description\":\"d2\",\"enabled\":true,\"size\":20}"),
            Map.entry("/v2/room-codes/code", "{\"code\":\"<code>\",\"enabled\":true}"),
            Map.entry("/v2/token", "{\"code\":\"<code>\",\"user_id\":\"u-<n>\"}"),
            Map.entry("/v2/templates", "{\"name\":\"fuzz-t-<n>\",\"roles\":{\"host\":{\"name\":\"host\",\"publishParams\":"
                    + "{\"allowed\":[\"audio\",\"video\"]},\"maxPeerCount\":5},\"guest\":{\"name\":\"guest\"}}}"),
            Map.entry("/v2/templates/{template}/roles/{role}", "{\"name\":\"<role>\",\"publishParams\":{\"allowed\":[\"audio\"]},"
                    + "\"subscribeParams\":{\"subscribeToRoles\":[\"host\"]},\"permissions\":{\"endRoom\":true},\"priority\":1,"
                    + "\"maxPeerCount\":3}"),
            Map.entry("/v2/polls", "{\"title\":\"p-<n>\",\"type\":\"quiz\",\"duration\":60,\"questions\":[{\"text\":\"q\","
                    + "\"weight\":2,\"options\":[{\"text\":\"a\"},{\"text\":\"b\"}],\"answer\":{\"options\":[2]}}]}"),
            Map.entry("/emulator/v1/rooms/{room}/peers", "{\"role\":\"<role>\",\"name\":\"P<n>\",\"user_id\":\"u<n>\","
                    + "\"tracks\":[{\"type\":\"audio\"}],\"metadata\":\"m\"}"),
            Map.entry("/v2/active-rooms/{room}/send-message", "{\"message\":\"hi\",\"type\":\"chat\",\"role\":\"host\"}"),
            Map.entry("/v2/active-rooms/{room}/remove-peers", "{\"role\":\"guest\",\"reason\":\"r\"}"),
            Map.entry("/v2/active-rooms/{room}/end-room", "{\"reason\":\"r\",\"lock\":false}"),
            Map.entry("/v2/active-rooms/{room}/peers/{peer}", "{\"name\":\"Ann2\",\"metadata\":\"m\"}"),
            Map.entry("/v2/recordings/room/{room}/start", "{\"meeting_url\":\"http://127.0.0.1:9/meet\","
                    + "\"resolution\":{\"width\":1280,\"height\":720}}"),
            Map.entry("/v2/live-streams/room/{room}/start", "{\"meeting_url\":\"http://127.0.0.1:9/meet\","
                    + "\"recording\":{\"hls_vod\":true}}"),
            Map.entry("/v2/external-streams/room/{room}/start", "{\"meeting_url\":\"http://127.0.0.1:9/meet\","
                    + "\"rtmp_urls\":[\"rtmp://127.0.0.1:9/live/k\"]}"),
            Map.entry("/v2/live-streams/{id}/timed-metadata", "{\"payload\":\"p\",\"duration\":5}"),
            Map.entry("/emulator/v1/webhook", "{\"url\":\"http://127.0.0.1:9/h\",\"signing_secret\":\"s\",\"headers\":{\"X-A\":\"b\"}}"),
            Map.entry("/emulator/v1/settings", "{\"jobs\":{\"start_delay_seconds\":0.1}}"),
            Map.entry("/v2/sip/outbound/trunks", "{\"username\":\"u\",\"password\":\"p\",\"address\":\"127.0.0.1\",\"from\":\"+15550100\"}"),
            Map.entry("/v2/sip/outbound/call", "{\"to\":\"+15550101\",\"room_code\":\"<code>\",\"name\":\"c\"}"),
            Map.entry("/v2/sip/dtmf", "{\"call_id\":\"<room>\",\"digits\":[\"1\"]}"),
            Map.entry("/emulator/v1/sip/inbound", "{\"room_code\":\"<code>\",\"from\":\"+15550102\"}"),
            Map.entry("/v2/analytics/webhooks/replay", "{\"start_time\":\"2024-01-01T00:00:00Z\",\"end_time\":\"2030-01-01T00:00:00Z\","
                    + "\"event_names\":[\"peer.join.success\"]}"),
            Map.entry("/emulator/v1/rooms/{room}/peers/{peer}/poll-responses", "{\"question\":1,\"option\":1}"),
            Map.entry("/emulator/v1/rooms/{room}/peers/{peer}/speech", "{\"text\":\"hello\"}"));

    /** The body with its placeholders filled; {@code hostile} non-null: one value inside replaced by it. */
    static String make(String base, SplittableRandom r, Fixture.Objects own, String hostile) {
        String filled = base.replace("<room>", RequestGenerator.pick(r, own.ids().get("room")))
                .replace("<template>", own.first("template")).replace("<code>", RequestGenerator.pick(r, own.ids().get("code")))
                .replace("<role>", RequestGenerator.pick(r, own.ids().get("role"))).replace("<n>", Integer.toString(r.nextInt(1_000_000)));
        if (hostile == null) {
            return filled;
        }
        try {
            JsonNode tree = JSON.readTree(filled);
            replaceOne(tree, r, hostile);
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks down from {@code node} to a random value (or a new field) and puts {@code hostile} there. */
    private static void replaceOne(JsonNode node, SplittableRandom r, String hostile) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || r.nextInt(8) == 0) {
                object.putRawValue("fuzz_unknown", new RawValue(hostile));
                return;
            }
            String name = RequestGenerator.pick(r, names);
            JsonNode child = object.get(name);
            if (child.isContainerNode() && child.size() > 0 && r.nextInt(3) != 0) {
                replaceOne(child, r, hostile);
            } else {
                object.putRawValue(name, new RawValue(hostile));
            }
        } else if (node instanceof ArrayNode array && array.size() > 0) {
            int i = r.nextInt(array.size());
            if (array.get(i).isContainerNode() && array.get(i).size() > 0 && r.nextBoolean()) {
                replaceOne(array.get(i), r, hostile);
            } else {
                array.set(i, new POJONode(new RawValue(hostile)));
            }
        }
    }
}
