-- A delivery in flight is leased on the machines' clock, apart from when it is due (the server clock, which
-- the emulator moves): moving the clock past an attempt in flight no longer hands the row to a second
-- claimer, which sent the same event twice.
ALTER TABLE webhook_outbox ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
