#pragma once

#include <string>
#include <string_view>

#include "site/Pg.h"

namespace vax {

/// The newest site schema version this build knows.
int siteSchemaVersion();

/// The schema version of the connected site database; 0 when it has none yet.
Result<int, PgError> installedSiteSchema(PgConnection& conn);

/// Creates or migrates the site schema to siteSchemaVersion(), one numbered migration per
/// transaction, under an advisory lock so two `vaxctl site init` runs cannot interleave.
/// Refuses a database newer than this build. When `deviceRole` is not empty, that role (which
/// must exist) may read and write the rows devices need and nothing else: it owns no table,
/// so it can neither alter nor drop one. Returns the version the database was at before.
Result<int, PgError> migrateSiteSchema(PgConnection& conn, std::string_view deviceRole);

/// Refuses to work on a database whose schema is not exactly this build's (a device never
/// migrates: `vaxctl site init` does, with the owner's rights).
Result<Unit, PgError> checkSiteSchema(PgConnection& conn);

}  // namespace vax
