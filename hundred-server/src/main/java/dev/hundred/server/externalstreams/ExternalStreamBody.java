package dev.hundred.server.externalstreams;

import java.util.List;

/** The start body (spec §11.2): {@code rtmp_urls} required, the rest optional. */
record ExternalStreamBody(String meetingUrl, List<String> rtmpUrls, Boolean recording, Resolution resolution,
                          String destination) {

    record Resolution(Integer width, Integer height) {}
}
