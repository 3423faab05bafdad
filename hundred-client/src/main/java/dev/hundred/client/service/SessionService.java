package dev.hundred.client.service;

import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.Session;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.SessionListParams;

/** Sessions, {@code /sessions} (spec §6). */
public final class SessionService extends Service {
    public SessionService(Requester requester) {
        super(requester);
    }

    public Session retrieve(String sessionId) {
        return r.call("GET", "/sessions/" + seg(sessionId), null, null, Session.class);
    }

    public HmsPage<Session> list(SessionListParams params) {
        return Pages.byLast(r, "/sessions", query(params), Session.class);
    }

    /** The room's live session, or null (as the Node SDK: {@code room_id} and {@code active=true}, first item). */
    public Session retrieveActive(String roomId) {
        HmsPage<Session> page = list(SessionListParams.builder().roomId(roomId).active(true).build());
        return page.data().isEmpty() ? null : page.data().get(0);
    }
}
