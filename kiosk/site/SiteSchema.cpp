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
    age         smallint,          -- for the report's age bands, never the birth date
    campaign_step text,
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

-- The next number for a person, in one round trip (the counter row is locked from its
-- increment to the commit, so the fewer round trips inside, the more kiosks it serves): the
-- person's open number of the day if they hold one, else the next number of the desk with
-- the fewest waiting (the first listed on a tie). Two kiosks checking in the same person at
-- once: the second insert hits queue_entries_one_open_visit, its number is rolled back with
-- it, and it takes the first one's.
CREATE FUNCTION issue_number(p_site text, p_day date, p_person text, p_masked text,
                             p_desks text[], p_device text, p_at bigint, p_age smallint,
                             p_step text)
RETURNS TABLE (desk char(1), number integer, issued_by text, returned boolean,
               people_ahead integer)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
    v_desk char(1);
    v_number integer;
    v_by text;
    v_returned boolean := false;
BEGIN
    LOOP
        SELECT q.desk, q.number, q.issued_by INTO v_desk, v_number, v_by
          FROM queue_entries q
         WHERE q.site_id = p_site AND q.day = p_day AND q.person_hash = p_person
           AND q.state IN ('waiting', 'called', 'recalled', 'skipped', 'registered');
        IF FOUND THEN
            v_returned := true;
            EXIT;
        END IF;
        SELECT u.d INTO v_desk
          FROM unnest(p_desks) WITH ORDINALITY AS u(d, pos)
         ORDER BY (SELECT count(*) FROM queue_entries q
                    WHERE q.site_id = p_site AND q.day = p_day AND q.desk = u.d
                      AND q.state = 'waiting'), u.pos
         LIMIT 1;
        BEGIN
            INSERT INTO queue_counters AS c (site_id, day, desk, last_number)
                 VALUES (p_site, p_day, v_desk, 1)
            ON CONFLICT (site_id, day, desk) DO UPDATE SET last_number = c.last_number + 1
            RETURNING c.last_number INTO v_number;
            INSERT INTO queue_entries (site_id, day, desk, number, person_hash, masked_id, age,
                                       campaign_step, issued_by, issued_ms, updated_ms)
                 VALUES (p_site, p_day, v_desk, v_number, p_person, p_masked, p_age, p_step,
                         p_device, p_at, p_at);
            v_by := p_device;
            EXIT;
        EXCEPTION WHEN unique_violation THEN
            -- loop: their number is committed now, or will be found on the next pass
        END;
    END LOOP;
    RETURN QUERY SELECT v_desk, v_number, v_by, v_returned,
        (SELECT count(*)::integer FROM queue_entries q
          WHERE q.site_id = p_site AND q.day = p_day AND q.desk = v_desk
            AND q.number < v_number AND q.state IN ('waiting', 'called', 'recalled'));
END
$fn$;

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
    age           smallint,  -- the report groups doses without a join per dose
    campaign_step text,
    device_id     text     NOT NULL,
    station       text     NOT NULL,
    bound_ms      bigint   NOT NULL,
    observation_ends_ms bigint NOT NULL,
    confirmed     boolean  NOT NULL,  -- false: bound offline, on the slip's signature alone
    PRIMARY KEY (site_id, trace_code, use_number),
    UNIQUE (site_id, trace_code, day, desk, number),
    CHECK (use_number BETWEEN 1 AND doses_in_pack)
);
CREATE INDEX bindings_by_day ON bindings (site_id, day, observation_ends_ms);
CREATE INDEX bindings_by_code ON bindings (site_id, trace_code);

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
    day             date   NOT NULL,  -- the dose's day
    trace_code      text   NOT NULL,
    person_hash     text   NOT NULL,
    kind            text   NOT NULL CHECK (kind IN ('exited', 'left_early', 'adverse_reaction')),
    at_ms           bigint NOT NULL,
    category        text,
    extend_until_ms bigint,
    PRIMARY KEY (site_id, device_id, seq)
);
CREATE INDEX observation_events_by_dose ON observation_events (site_id, trace_code, person_hash);
CREATE INDEX observation_events_by_day ON observation_events (site_id, day, kind);

-- The report's figures, kept up to date by triggers as rows arrive, so the report of a
-- day of a million doses reads a few hundred rows instead of grouping a million. Written
-- only by the triggers (SECURITY DEFINER): a device cannot change a figure by itself.
CREATE TABLE dose_counts (
    site_id       text     NOT NULL,
    day           date     NOT NULL,
    product_code  text     NOT NULL,
    dose_number   smallint NOT NULL,
    campaign_step text     NOT NULL,
    age           smallint NOT NULL,
    doses         integer  NOT NULL,
    PRIMARY KEY (site_id, day, product_code, dose_number, campaign_step, age)
);
-- The first word heard of each dose after it was bound (an exit, an early leave, a
-- reaction), with the observation end it was bound with: what is not here is still in
-- observation, or overdue.
CREATE TABLE dose_outcomes (
    site_id     text   NOT NULL,
    day         date   NOT NULL,
    trace_code  text   NOT NULL,
    person_hash text   NOT NULL,
    kind        text   NOT NULL,
    bound_ends_ms bigint NOT NULL,
    PRIMARY KEY (site_id, trace_code, person_hash, kind)
);
CREATE INDEX dose_outcomes_by_day ON dose_outcomes (site_id, day, kind);
CREATE TABLE doses_heard (
    site_id     text   NOT NULL,
    day         date   NOT NULL,
    trace_code  text   NOT NULL,
    person_hash text   NOT NULL,
    bound_ends_ms bigint NOT NULL,
    PRIMARY KEY (site_id, trace_code, person_hash)
);
CREATE INDEX doses_heard_by_day ON doses_heard (site_id, day, bound_ends_ms);
CREATE TABLE outcome_counts (
    site_id text    NOT NULL,
    day     date    NOT NULL,
    kind    text    NOT NULL,
    doses   integer NOT NULL,
    PRIMARY KEY (site_id, day, kind)
);

CREATE FUNCTION count_binding() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $fn$
BEGIN
    INSERT INTO dose_counts AS c VALUES (NEW.site_id, NEW.day, NEW.product_code,
        NEW.dose_number, coalesce(NEW.campaign_step, ''), coalesce(NEW.age, 0), 1)
    ON CONFLICT (site_id, day, product_code, dose_number, campaign_step, age)
    DO UPDATE SET doses = c.doses + 1;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER bindings_counted AFTER INSERT ON bindings
    FOR EACH ROW EXECUTE FUNCTION count_binding();

CREATE FUNCTION count_outcome() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $fn$
DECLARE
    v_ends bigint;
    v_added integer;
BEGIN
    SELECT b.observation_ends_ms INTO v_ends FROM bindings b
     WHERE b.site_id = NEW.site_id AND b.trace_code = NEW.trace_code
       AND b.person_hash = NEW.person_hash LIMIT 1;
    IF NOT FOUND THEN
        RETURN NULL;  -- a ticket the site never saw bound (it is an alarm elsewhere)
    END IF;
    INSERT INTO doses_heard VALUES (NEW.site_id, NEW.day, NEW.trace_code, NEW.person_hash,
        v_ends) ON CONFLICT DO NOTHING;
    INSERT INTO dose_outcomes VALUES (NEW.site_id, NEW.day, NEW.trace_code, NEW.person_hash,
        NEW.kind, v_ends) ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_added = ROW_COUNT;
    IF v_added > 0 THEN  -- a dose scanned out at two exits counts once
        INSERT INTO outcome_counts AS c VALUES (NEW.site_id, NEW.day, NEW.kind, 1)
        ON CONFLICT (site_id, day, kind) DO UPDATE SET doses = c.doses + 1;
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER observation_events_counted AFTER INSERT ON observation_events
    FOR EACH ROW EXECUTE FUNCTION count_outcome();

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
