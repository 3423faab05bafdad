package dev.hundred.server.sip;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * SIP outbound trunks (spec §16): the credentials, SIP address and caller number a call dials out with.
 * Every field is mandatory on create; an update changes the fields it sends. The password is checked and
 * then dropped (Hundred dials nobody), so no answer, log or emulator view can show it.
 */
public final class SipTrunkService {
    private final Database db;
    private final TrunkStore store = new TrunkStore();
    private final Clock clock;

    public SipTrunkService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public SipId create(Workspace ws, TrunkBody body) {
        SipRules.checkNewTrunk(body);
        Instant now = clock.instant();
        Trunk trunk = new Trunk(Ids.objectId(), ws.id(), body.username(), body.address(), body.from(), now, now);
        db.tx(h -> {
            store.insert(h, trunk);
            return null;
        });
        return new SipId(trunk.id());
    }

    /** 404 {@code trunk not found} for an unknown id or another workspace's. */
    public SipId update(Workspace ws, String trunkId, TrunkBody body) {
        SipRules.checkTrunkFields(body);
        return db.tx(h -> {
            Trunk old = (Ids.isObjectId(trunkId) ? store.byId(h, ws.id(), trunkId) : Optional.<Trunk>empty())
                    .orElseThrow(SipErrors::trunkNotFound);
            store.update(h, new Trunk(old.id(), ws.id(),
                    body.username() != null ? body.username() : old.username(),
                    body.address() != null ? body.address() : old.address(),
                    body.from() != null ? body.from() : old.from(),
                    old.createdAt(), clock.instant()));
            return new SipId(old.id());
        });
    }

    public Optional<Trunk> find(Workspace ws, String trunkId) {
        return Ids.isObjectId(trunkId) ? db.read(h -> store.byId(h, ws.id(), trunkId)) : Optional.empty();
    }
}
