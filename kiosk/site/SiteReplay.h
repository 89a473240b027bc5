#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Queue.h"
#include "site/Pg.h"
#include "site/SiteQueue.h"

namespace vax {

/// One entry of a device's journal as the site stores it.
struct ReplayEntry {
    std::int64_t seq = 0;      ///< the device's journal position: with the device, the key
    std::int64_t visitId = 0;  ///< the device's own visit id
    /// The site visit it is about (day and queue number), when the visit has a number.
    std::optional<std::string> day;
    std::optional<QueueNumber> number;
    std::int64_t atMs = 0;
    std::string kind;
    std::string stage;
    std::string data = "{}";  ///< JSON, as journaled: never an ID number or a name
    /// The visit's person (keyed hash and masked number), sent with the entries the site
    /// builds its own rows from: "queued" (a number given offline) and "vaccinated" (a
    /// binding made offline, whose data also carries doses_in_pack, observation_ends_ms and
    /// confirmed), and the entries of a dose in observation ("exited", "left_early",
    /// "adverse_reaction", whose data carries the trace code, and for a reaction its
    /// category and observation_ends_ms).
    std::string personHash;
    std::string maskedId;
};

/// An alarm the site raised: a trace code or a number given twice while a device was
/// offline. Never resolved by the replay itself.
struct SiteConflict {
    std::int64_t id = 0;
    std::string kind;     ///< "trace_code", "queue_number" or "open_visit"
    std::string subject;  ///< the trace code or the number label
    std::string detail;   ///< JSON: devices, stations, times, masked numbers
    std::int64_t foundAtMs = 0;
};

/// What a push left on the site.
struct ReplayAck {
    int stored = 0;      ///< entries new to the site
    int duplicates = 0;  ///< entries the site already held (a replay cut and started again)
    int conflicts = 0;   ///< alarms raised by the new entries
    std::int64_t replayedSeq = 0;  ///< the newest entry the site now holds from this device
};

/// How far a device is, as the site knows it.
struct DeviceLag {
    std::string deviceId;
    std::string role;
    std::int64_t lastSeenMs = 0;
    std::int64_t journalSeq = 0;   ///< its newest journal entry when it last reported
    std::int64_t replayedSeq = 0;  ///< the newest the site holds
    std::int64_t behind() const { return journalSeq > replayedSeq ? journalSeq - replayedSeq : 0; }
    /// Numbers the site gave this device since its journal last reached the site (or that
    /// a device never seen replaying gave): their check-ins are not in the report yet.
    std::int64_t unsentNumbers = 0;
};

/// The device's journal, replayed to the site: idempotent (the key is device + journal seq,
/// ON CONFLICT DO NOTHING), in order, each push one transaction.
class SiteReplay {
public:
    SiteReplay(PgConnection& conn, SiteDevice device) : m_conn(conn), m_device(std::move(device)) {}

    /// Registers the device (or updates its role and the time it was last seen) with its
    /// newest journal position; answers the newest position the site holds from it, where
    /// the next push starts.
    Result<std::int64_t, PgError> hello(std::int64_t journalSeq, std::int64_t atMs);
    /// Stores `entries` (ascending seq) in one transaction.
    Result<ReplayAck, PgError> push(const std::vector<ReplayEntry>& entries,
                                    std::int64_t journalSeq, std::int64_t atMs);
    /// Every device of the site with its lag, by device id.
    Result<std::vector<DeviceLag>, PgError> devices();
    /// The site's alarms not yet resolved, oldest first.
    Result<std::vector<SiteConflict>, PgError> openConflicts();

private:
    /// Builds the site's own rows from a new entry: the queue entry of a number given
    /// offline, the binding of a dose bound offline; a clash becomes a conflict.
    Result<int, PgError> project(const ReplayEntry& entry);
    Result<Unit, PgError> raise(std::string_view kind, const std::string& subject,
                                const std::string& detail, std::int64_t atMs);

    PgConnection& m_conn;
    SiteDevice m_device;
};

}  // namespace vax
