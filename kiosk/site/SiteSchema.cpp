#include "site/SiteSchema.h"

#include <array>

namespace vax {

namespace {

struct Migration {
    int version;
    std::string_view sql;
};

// Numbered migrations: append only, never edit one that has shipped. Every table carries
// site_id so one server may hold several sites. No ID numbers: the keyed hash and the
// masked form only, as in the journal.
constexpr std::array kMigrations{
    Migration{1, R"sql(
CREATE TABLE site_devices (
    site_id      text   NOT NULL,
    device_id    text   NOT NULL,
    role         text   NOT NULL,
    last_seen_ms bigint NOT NULL,
    journal_seq  bigint NOT NULL DEFAULT 0,  -- the device's newest journal entry, as it said
    replayed_seq bigint NOT NULL DEFAULT 0,  -- the newest entry the site holds from it
    PRIMARY KEY (site_id, device_id)
);

-- The last number given out (or reserved in a block) per day and desk: one row, locked by
-- the transaction that takes the next, so no two kiosks can take the same.
CREATE TABLE queue_counters (
    site_id     text    NOT NULL,
    day         date    NOT NULL,
    desk        char(1) NOT NULL,
    last_number integer NOT NULL CHECK (last_number >= 0),
    PRIMARY KEY (site_id, day, desk)
);

-- Numbers reserved for one device to give out while it cannot reach the site.
CREATE TABLE number_blocks (
    site_id      text    NOT NULL,
    day          date    NOT NULL,
    desk         char(1) NOT NULL,
    device_id    text    NOT NULL,
    first_number integer NOT NULL,
    last_number  integer NOT NULL,
    reserved_ms  bigint  NOT NULL,
    PRIMARY KEY (site_id, day, desk, first_number),
    CHECK (first_number BETWEEN 1 AND last_number)
);

-- One row per queue number: who holds it and where their call stands. States change, rows
-- are never deleted (a skipped number is a state, not a gap).
CREATE TABLE queue_entries (
    id          bigserial PRIMARY KEY,
    site_id     text    NOT NULL,
    day         date    NOT NULL,
    desk        char(1) NOT NULL,
    number      integer NOT NULL CHECK (number > 0),
    person_hash text    NOT NULL,
    masked_id   text    NOT NULL,
    state       text    NOT NULL DEFAULT 'waiting' CHECK (state IN
                    ('waiting', 'called', 'recalled', 'skipped', 'registered', 'vaccinated',
                     'left', 'cancelled')),
    issued_by   text    NOT NULL,
    offline     boolean NOT NULL DEFAULT false,
    issued_ms   bigint  NOT NULL,
    called_ms   bigint,
    calls       integer NOT NULL DEFAULT 0,
    updated_ms  bigint  NOT NULL,
    UNIQUE (site_id, day, desk, number)
);
-- One open visit a person a day, whichever kiosk they checked in at.
CREATE UNIQUE INDEX queue_entries_one_open_visit ON queue_entries (site_id, day, person_hash)
    WHERE state IN ('waiting', 'called', 'recalled', 'skipped', 'registered');
CREATE INDEX queue_entries_by_state ON queue_entries (site_id, day, desk, state, number);

-- Each use of a trace code: at most as many as its pack holds doses, by the database itself.
CREATE TABLE bindings (
    site_id       text     NOT NULL,
    trace_code    text     NOT NULL,
    use_number    smallint NOT NULL,
    doses_in_pack smallint NOT NULL CHECK (doses_in_pack BETWEEN 1 AND 100),
    day           date     NOT NULL,
    desk          char(1)  NOT NULL,
    number        integer  NOT NULL,
    masked_id     text     NOT NULL,
    person_hash   text     NOT NULL,
    product_code  text     NOT NULL,
    dose_number   smallint NOT NULL,
    device_id     text     NOT NULL,
    station       text     NOT NULL,
    bound_ms      bigint   NOT NULL,
    observation_ends_ms bigint NOT NULL,
    confirmed     boolean  NOT NULL,  -- false: bound offline, on the slip's signature alone
    PRIMARY KEY (site_id, trace_code, use_number),
    UNIQUE (site_id, trace_code, day, desk, number),
    CHECK (use_number BETWEEN 1 AND doses_in_pack)
);
CREATE INDEX bindings_by_day ON bindings (site_id, day);

-- Every device's journal, replayed: the key is the device and its journal position, so a
-- replay that is cut and started again stores nothing twice.
CREATE TABLE journal_entries (
    site_id    text   NOT NULL,
    device_id  text   NOT NULL,
    seq        bigint NOT NULL,
    visit_id   bigint NOT NULL,  -- the device's own visit id
    day        date,             -- the visit's day; desk and number when it has one, so
    desk       char(1),          -- entries of every device about one visit meet
    number     integer,
    at_ms      bigint NOT NULL,
    kind       text   NOT NULL,
    stage      text   NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (site_id, device_id, seq)
);
CREATE INDEX journal_entries_by_number ON journal_entries (site_id, day, desk, number);
CREATE INDEX journal_entries_by_kind ON journal_entries (site_id, day, kind);
CREATE INDEX journal_entries_by_device_visit ON journal_entries (site_id, device_id, visit_id);

-- What happened to a dose in observation, wherever it was recorded: the exit scan, a person
-- who left early, an adverse reaction (which extends the observation). Keyed by the dose:
-- its trace code and its person, as the exit reads them from the signed ticket.
CREATE TABLE observation_events (
    site_id         text   NOT NULL,
    device_id       text   NOT NULL,
    seq             bigint NOT NULL,
    trace_code      text   NOT NULL,
    person_hash     text   NOT NULL,
    kind            text   NOT NULL CHECK (kind IN ('exited', 'left_early', 'adverse_reaction')),
    at_ms           bigint NOT NULL,
    category        text,
    extend_until_ms bigint,
    PRIMARY KEY (site_id, device_id, seq)
);
CREATE INDEX observation_events_by_dose ON observation_events (site_id, trace_code, person_hash);

-- A trace code bound at two places while one of them was offline, or a number given twice:
-- an alarm for staff, never resolved silently.
CREATE TABLE conflicts (
    id          bigserial PRIMARY KEY,
    site_id     text   NOT NULL,
    kind        text   NOT NULL CHECK (kind IN ('trace_code', 'queue_number', 'open_visit')),
    subject     text   NOT NULL,  -- the trace code or the number; never a person's data
    detail      jsonb  NOT NULL,
    found_ms    bigint NOT NULL,
    resolved_ms bigint,
    resolved_by text
);
)sql"},
};

constexpr std::string_view kVersionTable =
    "CREATE TABLE IF NOT EXISTS site_schema (version integer NOT NULL, applied_at timestamptz "
    "NOT NULL DEFAULT now())";

// The rights a device needs: read everything, add rows, move states on. No DELETE, no DDL.
constexpr std::string_view kDeviceGrants[] = {
    "GRANT USAGE ON SCHEMA public TO {role}",
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
    "GRANT INSERT ON site_devices, queue_counters, number_blocks, queue_entries, bindings,"
    " journal_entries, observation_events, conflicts TO {role}",
    "GRANT UPDATE ON site_devices, queue_counters, queue_entries, conflicts TO {role}",
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}",
};

bool isRoleName(std::string_view name) {
    if (name.empty() || name.size() > 63) {
        return false;
    }
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return false;
        }
    }
    return true;
}

std::string withRole(std::string_view sql, std::string_view role) {
    std::string out(sql);
    const std::string_view marker = "{role}";
    out.replace(out.find(marker), marker.size(), role);
    return out;
}

}  // namespace

int siteSchemaVersion() {
    return kMigrations.back().version;
}

Result<int, PgError> installedSiteSchema(PgConnection& conn) {
    auto present = conn.exec("SELECT to_regclass('site_schema') IS NOT NULL");
    if (!present) {
        return present.error();
    }
    if (!present->boolean(0, 0)) {
        return 0;
    }
    auto version = conn.exec("SELECT coalesce(max(version), 0) FROM site_schema");
    if (!version) {
        return version.error();
    }
    return int(version->int64(0, 0));
}

Result<int, PgError> migrateSiteSchema(PgConnection& conn, std::string_view deviceRole) {
    if (!deviceRole.empty() && !isRoleName(deviceRole)) {
        return PgError{"device role must be 1-63 of a-z 0-9 _, got \"" + std::string(deviceRole) +
                       "\""};
    }
    auto tx = PgTransaction::begin(conn);
    if (!tx) {
        return tx.error();
    }
    // Held to the end of the transaction: a second `site init` waits here, then sees the
    // migrations done.
    if (auto locked = conn.exec("SELECT pg_advisory_xact_lock(7412001)"); !locked) {
        return locked.error();
    }
    if (auto st = conn.script(kVersionTable); !st) {
        return st.error();
    }
    auto before = installedSiteSchema(conn);
    if (!before) {
        return before.error();
    }
    if (*before > siteSchemaVersion()) {
        return PgError{"the site database has schema version " + std::to_string(*before) +
                       ", newer than this build's " + std::to_string(siteSchemaVersion()) +
                       ": upgrade vaxkiosk first"};
    }
    for (const Migration& m : kMigrations) {
        if (m.version <= *before) {
            continue;
        }
        if (auto st = conn.script(m.sql); !st) {
            return PgError{
                "site schema migration " + std::to_string(m.version) + ": " + st.error().message,
                st.error().sqlstate, st.error().connectionLost};
        }
        if (auto st =
                conn.exec("INSERT INTO site_schema (version) VALUES ($1)", pgParams(m.version));
            !st) {
            return st.error();
        }
    }
    if (!deviceRole.empty()) {
        for (std::string_view grant : kDeviceGrants) {
            if (auto st = conn.script(withRole(grant, deviceRole)); !st) {
                return st.error();
            }
        }
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return *before;
}

Result<Unit, PgError> checkSiteSchema(PgConnection& conn) {
    auto version = installedSiteSchema(conn);
    if (!version) {
        return version.error();
    }
    if (*version == siteSchemaVersion()) {
        return Unit{};
    }
    if (*version == 0) {
        return PgError{"the site database has no schema yet: run `vaxctl site init` on it"};
    }
    return PgError{"the site database has schema version " + std::to_string(*version) +
                   " and this device needs " + std::to_string(siteSchemaVersion()) +
                   (*version < siteSchemaVersion() ? ": run `vaxctl site init` to migrate it"
                                                   : ": upgrade this device")};
}

}  // namespace vax
