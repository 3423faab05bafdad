/**
 * The files emulated recordings and streams produce (spec §9, §10, §15): real, small files that standard
 * tools open, written with the JDK alone. Pure functions of their inputs, so any node makes the same bytes;
 * no database, no HTTP, no clock.
 *
 * <pre>
 *   TestCard     the still picture (colour bars, room name, "Hundred", size, time) and its JPEG
 *   H264         that picture as one H.264 IDR (Constrained Baseline), the video of every MP4 and HLS file
 *   Mp4          room-composite / stream assets: still video + silent AAC, or audio only (.mp4)
 *   Webm         track assets: silent Opus or flat-colour VP8 (.webm)
 *   Hls          live-stream playback: master and media playlists, fMP4 segments, timed metadata,
 *                and the compact room-vod set
 *   Zip          the zipped room-vod
 *   ChatCsv      the chat asset (.csv, the documented columns)
 *   Transcripts  transcript txt / srt / json and summary json
 * </pre>
 *
 * Every writer keeps its output from growing with the duration (a few KiB, plus the H.264 picture: tens to
 * hundreds of KiB by its size): long samples, runs of identical
 * frames that many chunks point at, and gaps where a container cannot share bytes (see each class).
 * The package-private rest is the machinery: Boxes and MovieBoxes (ISO BMFF), Fmp4, Ebml, Vp8 with
 * BoolEncoder and Vp8Tables, SilentAudio, BitmapFont, JsonText.
 */
package dev.hundred.server.media;
