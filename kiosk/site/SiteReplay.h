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
};

/// What a push left on the site.
struct ReplayAck {
    int stored = 0;      ///< entries new to the site
    int duplicates = 0;  ///< entries the site already held (a replay cut and started again)
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

private:
    PgConnection& m_conn;
    SiteDevice m_device;
};

}  // namespace vax
