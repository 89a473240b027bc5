#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "site/Pg.h"
#include "site/SiteQueue.h"

namespace vax {

/// What a call screen (叫号屏) runs on: its own connection LISTENing to the calls channel.
/// A notification only says "something changed at this site": the feed reads the board
/// again. So does every (re)connect, since a notification sent while it was away is lost.
class CallBoardFeed {
public:
    CallBoardFeed(PgSettings settings, SiteDevice device, std::vector<Desk> desks,
                  std::function<std::string()> today);

    /// Waits up to `timeoutMs` for a change. Returns the board when it changed (or on the
    /// first call after a connect), nullopt when nothing happened, an error when the site
    /// cannot be reached (the next call tries to connect again).
    Result<std::optional<CallBoard>, PgError> next(int timeoutMs);

private:
    Result<CallBoard, PgError> read();

    PgSettings m_settings;
    SiteDevice m_device;
    std::vector<Desk> m_desks;
    std::function<std::string()> m_today;
    std::optional<PgConnection> m_conn;
};

}  // namespace vax
