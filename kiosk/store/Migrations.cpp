#include "store/Migrations.h"

#include <string>

namespace vax {

namespace {

// Version 1: persons, visits (a projection of the journal) and the append-only journal.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE persons (
    id          INTEGER PRIMARY KEY,
    id_hash     BLOB NOT NULL UNIQUE,  -- keyed BLAKE2b of the ID number, for lookup
    id_masked   TEXT NOT NULL,         -- for display: 1101**********123X
    id_sealed   BLOB NOT NULL,         -- sealed to the site key, for later upload
    birth_date  TEXT NOT NULL,
    sex         TEXT NOT NULL CHECK (sex IN ('F', 'M')),
    created_at  INTEGER NOT NULL
);
CREATE TABLE visits (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES persons(id),
    day            TEXT NOT NULL,      -- local date of the check-in, YYYY-MM-DD
    stage          TEXT NOT NULL,
    decision       TEXT NOT NULL,
    reasons        TEXT NOT NULL,      -- reason keys, comma separated
    reason_mask    INTEGER NOT NULL,
    fever          INTEGER NOT NULL,
    age            INTEGER NOT NULL,
    campaign_step  TEXT,
    desk           TEXT,
    queue_no       INTEGER,
    checked_in_at  INTEGER NOT NULL,   -- Unix ms
    queued_at      INTEGER,
    called_at      INTEGER,
    updated_at     INTEGER NOT NULL,
    UNIQUE (day, desk, queue_no)
);
CREATE INDEX visits_by_day ON visits(day, stage);
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    visit_id  INTEGER NOT NULL REFERENCES visits(id),
    at        INTEGER NOT NULL,        -- Unix ms
    kind      TEXT NOT NULL,
    stage     TEXT NOT NULL,           -- the stage the visit is in after this event
    data      TEXT NOT NULL            -- JSON; never an ID number or a name
);
CREATE INDEX events_by_visit ON events(visit_id, seq);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
)sql";

// Version 2: staff overrides are audited apart from the journal: who, when, what, why.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    staff     TEXT NOT NULL,
    action    TEXT NOT NULL,
    visit_id  INTEGER REFERENCES visits(id),
    reason    TEXT NOT NULL,
    detail    TEXT NOT NULL
);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
ALTER TABLE visits ADD COLUMN deferred_by_staff INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 3: one person, one dose, one code. Doses bound at the station with their signed
// ticket, and adverse reactions recorded in observation.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE doses (
    id                   INTEGER PRIMARY KEY,
    visit_id             INTEGER NOT NULL UNIQUE REFERENCES visits(id),  -- one dose a visit
    person_id            INTEGER NOT NULL REFERENCES persons(id),
    day                  TEXT NOT NULL,
    trace_code           TEXT NOT NULL,
    product_code         TEXT NOT NULL,
    lot                  TEXT NOT NULL,
    dose_number          INTEGER NOT NULL,
    booster              INTEGER NOT NULL,
    station              TEXT NOT NULL,
    vaccinated_at        INTEGER NOT NULL,   -- Unix ms
    observation_ends_at  INTEGER NOT NULL,   -- Unix ms; a reaction extends it
    ticket               TEXT NOT NULL,      -- the signed text as printed
    exited_at            INTEGER
);
CREATE INDEX doses_by_trace ON doses(trace_code);
CREATE INDEX doses_by_person ON doses(person_id);
CREATE INDEX doses_by_day ON doses(day);
CREATE TABLE reactions (
    id           INTEGER PRIMARY KEY,
    visit_id     INTEGER NOT NULL REFERENCES visits(id),
    category     TEXT NOT NULL,
    onset_at     INTEGER NOT NULL,
    action       TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    staff        TEXT NOT NULL,
    recorded_at  INTEGER NOT NULL
);
CREATE INDEX reactions_by_visit ON reactions(visit_id);
)sql";

// Version 4: every temperature measurement with its raw values and corrections, so that a
// disputed reading can be traced; linked to the visit it led to.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE temperature_measurements (
    id                   INTEGER PRIMARY KEY,
    at_ms                INTEGER NOT NULL,
    day                  TEXT NOT NULL,
    sensor_id            TEXT NOT NULL,
    emissivity           REAL,
    attempt              INTEGER NOT NULL,
    recheck              INTEGER NOT NULL,
    outcome              TEXT NOT NULL,
    body_c               REAL,
    raw_object_c         REAL,
    ambient_c            REAL,
    offset_c             REAL NOT NULL,
    ambient_correction_c REAL NOT NULL,
    samples_taken        INTEGER NOT NULL,
    samples_used         INTEGER NOT NULL,
    spread_c             REAL NOT NULL,
    elapsed_ms           INTEGER NOT NULL,
    detail               TEXT NOT NULL
);
CREATE INDEX temperature_measurements_by_day ON temperature_measurements(day);
CREATE TRIGGER temperature_measurements_append_only_update
BEFORE UPDATE ON temperature_measurements
BEGIN SELECT RAISE(ABORT, 'temperature measurements are append-only'); END;
CREATE TRIGGER temperature_measurements_append_only_delete
BEFORE DELETE ON temperature_measurements
BEGIN SELECT RAISE(ABORT, 'temperature measurements are append-only'); END;
CREATE TABLE visit_measurements (
    visit_id       INTEGER NOT NULL REFERENCES visits(id),
    measurement_id INTEGER NOT NULL REFERENCES temperature_measurements(id),
    PRIMARY KEY (visit_id, measurement_id)
);
)sql";

// Version 5: the upload outbox, filled by triggers in the same transaction as the journal
// write it reports (so nothing recorded can miss it), and backfilled with every earlier event
// and dose; the pack's expiry date on doses (FHIR expirationDate); the replay cache of signed
// health codes.
constexpr std::string_view kV5 = R"sql(
ALTER TABLE doses ADD COLUMN expiry TEXT;
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- upload order; the per-visit sequence
    record_key  TEXT NOT NULL UNIQUE,               -- idempotency key (site prefix added on send)
    kind        TEXT NOT NULL CHECK (kind IN ('event', 'immunization')),
    visit_id    INTEGER NOT NULL REFERENCES visits(id),
    source_id   INTEGER NOT NULL,                   -- events.seq or doses.id
    created_at  INTEGER NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'delivered', 'refused')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    updated_at  INTEGER
);
CREATE INDEX outbox_by_state ON outbox(state, id);
INSERT INTO outbox (record_key, kind, visit_id, source_id, created_at)
    SELECT 'event/' || seq, 'event', visit_id, seq, at FROM events ORDER BY seq;
INSERT INTO outbox (record_key, kind, visit_id, source_id, created_at)
    SELECT 'immunization/' || id, 'immunization', visit_id, id, vaccinated_at FROM doses
    ORDER BY id;
CREATE TRIGGER outbox_event AFTER INSERT ON events
BEGIN
    INSERT INTO outbox (record_key, kind, visit_id, source_id, created_at)
    VALUES ('event/' || NEW.seq, 'event', NEW.visit_id, NEW.seq, NEW.at);
END;
CREATE TRIGGER outbox_immunization AFTER INSERT ON doses
BEGIN
    INSERT INTO outbox (record_key, kind, visit_id, source_id, created_at)
    VALUES ('immunization/' || NEW.id, 'immunization', NEW.visit_id, NEW.id, NEW.vaccinated_at);
END;
CREATE TRIGGER outbox_never_deleted BEFORE DELETE ON outbox
BEGIN SELECT RAISE(ABORT, 'outbox records are never deleted'); END;
CREATE TABLE seen_codes (
    code_id     TEXT PRIMARY KEY,   -- the signed code's jti
    expires_at  INTEGER NOT NULL,   -- Unix s; after this the code is refused anyway
    first_seen  INTEGER NOT NULL
);
)sql";

// Version 6: the prior doses a check-in was decided on, and where the kiosk learned of them;
// the station's dose number and series checks rest on them. The visits of a person and day
// are found by person (one visit a person a day).
constexpr std::string_view kV6 = R"sql(
CREATE TABLE visit_prior_doses (
    visit_id        INTEGER PRIMARY KEY REFERENCES visits(id),
    last_dose_date  TEXT NOT NULL,      -- YYYY-MM-DD
    product_code    TEXT NOT NULL,
    doses_received  INTEGER NOT NULL CHECK (doses_received >= 1),
    source          TEXT NOT NULL
                    CHECK (source IN ('declared', 'staff_confirmed', 'verified_certificate',
                                      'registry'))
);
CREATE INDEX visits_by_person_day ON visits(person_id, day);
)sql";

// Version 7: the site server. A visit's origin says who numbered it: this journal ('local', a
// device alone), the site server ('site'), a block of the site's numbers set aside for this
// device while the site cannot be reached ('block'), or another device of the site whose slip
// a station took ('slip': the visit is a copy, made to bind its dose). A dose's site_use is
// the use of its pack's code the site granted at binding; NULL when it was bound without the
// site (the replay claims it later, and a clash becomes the site's alarm).
constexpr std::string_view kV7 = R"sql(
ALTER TABLE visits ADD COLUMN origin TEXT NOT NULL DEFAULT 'local'
    CHECK (origin IN ('local', 'site', 'block', 'slip'));
ALTER TABLE doses ADD COLUMN site_use INTEGER;
CREATE TABLE number_blocks (
    day          TEXT NOT NULL,
    desk         TEXT NOT NULL,
    first        INTEGER NOT NULL,
    last         INTEGER NOT NULL,
    next         INTEGER NOT NULL,     -- the block's next number to give
    reserved_at  INTEGER NOT NULL,     -- Unix ms
    PRIMARY KEY (day, desk, first),
    CHECK (first <= last AND next BETWEEN first AND last + 1)
);
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{{1, kV1}, {2, kV2}, {3, kV3}, {4, kV4},
                                            {5, kV5}, {6, kV6}, {7, kV7}};
    return all;
}

int latestSchemaVersion() {
    return migrations().back().version;
}

Result<int> schemaVersion(Database& db) {
    auto stmt = db.prepare("PRAGMA user_version");
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    return int(stmt->int64(0));
}

Status migrate(Database& db, int target) {
    if (target < 0) {
        target = latestSchemaVersion();
    }
    auto current = schemaVersion(db);
    if (!current) {
        return current.error();
    }
    if (*current > latestSchemaVersion()) {
        return Error{"the database has schema version " + std::to_string(*current) +
                     ", newer than this program knows (" + std::to_string(latestSchemaVersion()) +
                     "): update the program"};
    }
    for (const Migration& m : migrations()) {
        if (m.version <= *current || m.version > target) {
            continue;
        }
        auto tx = Transaction::begin(db);
        if (!tx) {
            return tx.error();
        }
        // Another connection (the app's workers open the journal side by side) may have
        // migrated while this one waited for the write lock: read the version again under it.
        auto now = schemaVersion(db);
        if (!now) {
            return now.error();
        }
        if (*now >= m.version) {
            continue;  // the transaction rolls back, having changed nothing
        }
        if (auto st = db.exec(m.sql); !st) {
            return Error{"migration " + std::to_string(m.version) +
                         " failed: " + st.error().message};
        }
        if (auto st = db.exec("PRAGMA user_version = " + std::to_string(m.version)); !st) {
            return st.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
    }
    return okStatus();
}

}  // namespace vax
