#pragma once

// The visit's event log and stage moves (store-internal): what every topic that moves a visit
// on shares, so a move is always checked, projected into the visits table and journaled the
// same way. Callers run them inside their own write transaction.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/Queue.h"
#include "core/Result.h"
#include "core/VisitStage.h"
#include "store/Sqlite.h"
#include "store/VisitNumbering.h"
#include "store/VisitState.h"

namespace vax::store_detail {

/// A visit's row: where it stands, and its day.
struct VisitRow {
    VisitState state;  ///< lastEventSeq is left 0
    std::string day;
};

/// The visit's row; an error when there is no such visit.
Result<VisitRow> loadVisit(Database& db, std::int64_t visitId);
/// Appends an event to the visit's journal; returns its sequence number.
Result<std::int64_t> appendEvent(Database& db, std::int64_t visitId, std::int64_t atMs,
                                 std::string_view kind, Stage stage, const std::string& data);
/// Queues the visit with the number `numbering` says: the site's, the next of this device's
/// reserved numbers, or this journal's own next number at the least busy of `desks`.
Result<VisitState> queueVisit(Database& db, std::int64_t visitId, const std::string& day,
                              const std::vector<Desk>& desks, std::int64_t atMs,
                              const VisitNumbering& numbering = {});
/// Moves the visit to `to` when that transition is legal, journaling it as `kind`.
Result<VisitState> moveTo(Database& db, std::int64_t visitId, Stage to, std::int64_t atMs,
                          std::string_view kind, const std::string& data);

}  // namespace vax::store_detail
