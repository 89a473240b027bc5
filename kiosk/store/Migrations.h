#pragma once

#include <string_view>
#include <vector>

#include "core/Result.h"
#include "store/Sqlite.h"

namespace vax {

/// One numbered schema step. Steps are never edited once shipped: add a new one instead.
struct Migration {
    int version;
    std::string_view sql;
};

/// Every migration, in order; version N is the Nth.
const std::vector<Migration>& migrations();

/// The newest schema version this build knows.
int latestSchemaVersion();

/// The file's schema version (PRAGMA user_version).
Result<int> schemaVersion(Database& db);

/// Applies the migrations after the file's version up to `target` (default: latest), each in
/// its own transaction. Refuses a file newer than this build.
Status migrate(Database& db, int target = -1);

}  // namespace vax
