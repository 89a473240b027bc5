#pragma once

// How the visits table stores a decision (store-internal): written by the check-in
// (JournalCheckIn.cpp), read back by the journal's queries, so writing and reading stay one
// format.

#include <string>
#include <string_view>
#include <vector>

#include "core/Decision.h"

namespace vax::store_detail {

/// The decision's reason codes as stored: their names, comma-separated.
std::string reasonKeys(const std::vector<Reason>& reasons);
/// The names back out of a stored list.
std::vector<std::string> splitReasonKeys(std::string_view keys);
/// A stored decision ("proceed", "staff_review", "defer").
Outcome outcomeFromString(std::string_view text);

}  // namespace vax::store_detail
