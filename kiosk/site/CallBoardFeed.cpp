#include "site/CallBoardFeed.h"

#include <nlohmann/json.hpp>

#include "site/SiteSchema.h"

namespace vax {

CallBoardFeed::CallBoardFeed(PgSettings settings, SiteDevice device, std::vector<Desk> desks,
                             std::function<std::string()> today)
    : m_settings(std::move(settings)),
      m_device(std::move(device)),
      m_desks(std::move(desks)),
      m_today(std::move(today)) {}

Result<CallBoard, PgError> CallBoardFeed::read() {
    auto board = SiteQueue(*m_conn, m_device).board(m_today(), m_desks);
    if (!board && board.error().connectionLost) {
        m_conn.reset();
    }
    return board;
}

Result<std::optional<CallBoard>, PgError> CallBoardFeed::next(int timeoutMs) {
    if (!m_conn || !m_conn->isOpen()) {
        m_conn.reset();
        auto conn = PgConnection::connect(m_settings);
        if (!conn) {
            return conn.error();
        }
        if (auto schema = checkSiteSchema(*conn); !schema) {
            return schema.error();
        }
        if (auto st = conn->listen(kCallsChannel); !st) {
            return st.error();
        }
        m_conn = std::move(*conn);
        // Listening first, then reading: a call made in between is in the board or pending.
        auto board = read();
        if (!board) {
            return board.error();
        }
        return std::optional(std::move(*board));
    }
    auto received = m_conn->waitForNotifications(timeoutMs);
    if (!received) {
        m_conn.reset();
        return received.error();
    }
    bool ours = false;
    for (const PgNotification& n : *received) {
        const auto payload = nlohmann::json::parse(n.payload, nullptr, false);
        ours = ours || (payload.is_object() && payload.value("site", "") == m_device.siteId);
    }
    if (!ours) {
        return std::optional<CallBoard>();
    }
    auto board = read();
    if (!board) {
        return board.error();
    }
    return std::optional(std::move(*board));
}

}  // namespace vax
