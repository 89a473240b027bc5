#pragma once

#include <filesystem>

#include "core/Result.h"
#include "store/JournalAudit.h"
#include "store/JournalDoses.h"
#include "store/JournalMeasurements.h"
#include "store/JournalObservation.h"
#include "store/JournalOutbox.h"
#include "store/JournalReactions.h"
#include "store/JournalReport.h"
#include "store/JournalSeenCodes.h"
#include "store/JournalVisits.h"
#include "store/Sqlite.h"

namespace vax {

/// The site's append-only journal in SQLite, with the visit table as its projection.
/// It owns the database and hands out its topics as views over it (`journal.visits()`), cheap
/// to make and valid while the journal is neither destroyed nor moved. Every topic's method
/// commits before it returns: what it reports as done is on disk.
class Journal {
public:
    /// Opens (creating and migrating as needed) the database at `path`.
    static Result<Journal> open(const std::filesystem::path& path);

    JournalVisits visits() { return JournalVisits(m_db); }
    JournalMeasurements measurements() { return JournalMeasurements(m_db); }
    JournalDoses doses() { return JournalDoses(m_db); }
    JournalObservation observation() { return JournalObservation(m_db); }
    JournalReactions reactions() { return JournalReactions(m_db); }
    JournalAudit audit() { return JournalAudit(m_db); }
    JournalOutbox outbox() { return JournalOutbox(m_db); }
    JournalSeenCodes seenCodes() { return JournalSeenCodes(m_db); }
    JournalReport report() { return JournalReport(m_db); }

    Database& database() { return m_db; }

private:
    explicit Journal(Database db) : m_db(std::move(db)) {}

    Database m_db;
};

}  // namespace vax
