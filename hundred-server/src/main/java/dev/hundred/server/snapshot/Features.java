package dev.hundred.server.snapshot;

import dev.hundred.server.emulator.EmulatorSettings;
import dev.hundred.server.polls.PollService;
import dev.hundred.server.roomcodes.RoomCodeService;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.streamkeys.StreamKeyService;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.webhooks.WebhookSettingsService;

/** The services whose data a {@link Snapshot} holds: export reads through them, import writes through them. */
public record Features(TemplateService templates, RoomService rooms, RoomCodeService roomCodes, PollService polls,
                       StreamKeyService streamKeys, EmulatorSettings settings, WebhookSettingsService webhook) {}
