package dev.hundred.client.service;

import dev.hundred.client.model.AnalyticsEvent;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.PeerStats;
import dev.hundred.client.model.ReplayWorkflow;
import dev.hundred.client.model.WebhookDelivery;
import dev.hundred.client.net.Query;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.AnalyticsEventListParams;
import dev.hundred.client.param.WebhookHistoryParams;
import dev.hundred.client.param.WebhookReplayParams;

/** Analytics, {@code /analytics} (spec §13): events, the webhook history and its replay, peer stats. */
public final class AnalyticsService extends Service {
    public AnalyticsService(Requester requester) {
        super(requester);
    }

    /** Events of a room; pages follow {@code next}. */
    public HmsPage<AnalyticsEvent> listEvents(AnalyticsEventListParams params) {
        return Pages.byNext(r, "/analytics/events", query(params), AnalyticsEvent.class, "events");
    }

    /** The webhook delivery history; pages by number ({@code page}), {@code total()} is total_items. */
    public HmsPage<WebhookDelivery> listWebhooks(WebhookHistoryParams params) {
        return Pages.byPageNumber(r, "/analytics/webhooks", query(params), WebhookDelivery.class, "events");
    }

    public ReplayWorkflow replayWebhooks(WebhookReplayParams params) {
        return r.call("POST", "/analytics/webhooks/replay", null, body(params), ReplayWorkflow.class);
    }

    public ReplayWorkflow retrieveReplay(String workflowId) {
        return r.call("GET", "/analytics/webhooks/replay/" + seg(workflowId), null, null, ReplayWorkflow.class);
    }

    /** A peer's quality stats, once its session has ended. */
    public PeerStats retrievePeerStats(String peerId, String sessionId) {
        return r.call("GET", "/analytics/peer-stats", new Query().add("peer_id", peerId).add("session_id", sessionId),
                null, PeerStats.class);
    }
}
