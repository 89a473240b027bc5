#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Report.h"
#include "site/Pg.h"
#include "site/SiteQueue.h"
#include "site/SiteReplay.h"

namespace vax {

/// The day's work report over every device of the site, from what their journals replayed
/// and what the site decided itself (numbers, calls, bindings). The same figures a device's
/// own report gives, so one builder and one renderer serve both.
class SiteReport {
public:
    SiteReport(PgConnection& conn, SiteDevice device) : m_conn(conn), m_device(std::move(device)) {}

    /// Every check-in of `day` at any entry kiosk, with where its visit stands on the site.
    Result<Unit, PgError> forEachVisit(const std::string& day,
                                       const std::function<void(const VisitSummary&)>& visit);
    /// The day's doses, observation and reaction figures over every station. `seriesDoses`
    /// gives a product's doses in its primary series (from the catalogue): later doses are
    /// boosters.
    Result<DoseFigures, PgError> doseFigures(
        const std::string& day, std::int64_t nowMs,
        const std::function<int(std::string_view product)>& seriesDoses);
    /// The devices whose journal the site does not hold in full: while any is listed, the
    /// report of `day` is incomplete. A device is behind when it reported journal entries it
    /// has not sent, or when the site gave it numbers of `day` after its journal last came.
    Result<std::vector<DeviceLag>, PgError> behind(const std::string& day);

private:
    PgConnection& m_conn;
    SiteDevice m_device;
};

}  // namespace vax
