#include "site/SiteQueue.h"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

namespace vax {

namespace {

constexpr std::array<std::string_view, 8> kCallStates{
    "waiting", "called", "recalled", "skipped", "registered", "vaccinated", "left", "cancelled"};

std::string deskText(Desk desk) {
    return std::string(1, desk);
}

CalledNumber calledFrom(const PgResult& r, int row) {
    CalledNumber c;
    c.number = {r.text(row, 0).empty() ? 'A' : r.text(row, 0)[0], int(r.int64(row, 1))};
    c.maskedId = std::string(r.text(row, 2));
    c.state = callStateFromString(r.text(row, 3)).value_or(CallState::Called);
    c.calledAtMs = r.optionalInt64(row, 4).value_or(0);
    c.calls = int(r.int64(row, 5));
    return c;
}

constexpr std::string_view kCalledColumns = "desk, number, masked_id, state, called_ms, calls";

}  // namespace

std::string_view toString(CallState state) {
    return kCallStates[std::size_t(state)];
}

std::optional<CallState> callStateFromString(std::string_view text) {
    for (std::size_t i = 0; i < kCallStates.size(); ++i) {
        if (kCallStates[i] == text) {
            return CallState(i);
        }
    }
    return std::nullopt;
}

Result<IssuedNumber, PgError> SiteQueue::issue(const NumberRequest& request) {
    if (request.desks.empty()) {
        return PgError{"no registration desk is open"};
    }
    std::string desks = "{";
    for (Desk d : request.desks) {
        desks += (desks.size() > 1 ? "," : "") + deskText(d);
    }
    desks += "}";
    auto row = m_conn.exec(
        "SELECT desk, number, issued_by, returned, people_ahead FROM issue_number($1, $2, $3,"
        " $4, $5::text[], $6, $7, $8::smallint, nullif($9, ''))",
        pgParams(m_device.siteId, request.day, request.personHash, request.maskedId, desks,
                 m_device.deviceId, request.atMs, request.age, request.campaignStep));
    if (!row) {
        return row.error();
    }
    IssuedNumber issued;
    issued.number = {row->text(0, 0)[0], int(row->int64(0, 1))};
    issued.issuedBy = std::string(row->text(0, 2));
    issued.returned = row->boolean(0, 3);
    issued.peopleAhead = int(row->int64(0, 4));
    return issued;
}

Result<NumberBlock, PgError> SiteQueue::reserveBlock(const std::string& day, Desk desk, int size,
                                                     std::int64_t atMs) {
    if (size < 1 || size > 999) {
        return PgError{"a number block holds 1 to 999 numbers"};
    }
    auto tx = PgTransaction::begin(m_conn);
    if (!tx) {
        return tx.error();
    }
    auto taken = m_conn.exec(
        "INSERT INTO queue_counters (site_id, day, desk, last_number) VALUES ($1, $2, $3, $4)"
        " ON CONFLICT (site_id, day, desk) DO UPDATE SET last_number ="
        " queue_counters.last_number + $4 RETURNING last_number",
        pgParams(m_device.siteId, day, deskText(desk), size));
    if (!taken) {
        return taken.error();
    }
    NumberBlock block{day, desk, int(taken->int64(0, 0)) - size + 1, int(taken->int64(0, 0))};
    auto st = m_conn.exec(
        "INSERT INTO number_blocks (site_id, day, desk, device_id, first_number, last_number,"
        " reserved_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        pgParams(m_device.siteId, day, deskText(desk), m_device.deviceId, block.first, block.last,
                 atMs));
    if (!st) {
        return st.error();
    }
    if (auto done = tx->commit(); !done) {
        return done.error();
    }
    return block;
}

Result<Unit, PgError> SiteQueue::notifyCall(const std::string& day, Desk desk,
                                            std::string_view kind) {
    // Delivered at commit, to every call screen listening; they read the board again.
    const nlohmann::json payload{
        {"site", m_device.siteId}, {"day", day}, {"desk", deskText(desk)}, {"kind", kind}};
    auto st = m_conn.exec("SELECT pg_notify($1, $2)",
                          pgParams(std::string(kCallsChannel), payload.dump()));
    if (!st) {
        return st.error();
    }
    return Unit{};
}

Result<std::vector<CalledNumber>, PgError> SiteQueue::callNext(const std::string& day, Desk desk,
                                                               int count, std::int64_t atMs) {
    if (count < 1) {
        return PgError{"call at least one person"};
    }
    auto tx = PgTransaction::begin(m_conn);
    if (!tx) {
        return tx.error();
    }
    // SKIP LOCKED: a second console calling at the same moment takes the numbers after these.
    auto called = m_conn.exec(
        "WITH next AS (SELECT id FROM queue_entries WHERE site_id = $1 AND day = $2 AND desk = $3"
        " AND state = 'waiting' ORDER BY number LIMIT $4 FOR UPDATE SKIP LOCKED)"
        " UPDATE queue_entries q SET state = 'called', called_ms = $5, calls = calls + 1,"
        " updated_ms = $5 FROM next WHERE q.id = next.id RETURNING " +
            std::string(kCalledColumns),
        pgParams(m_device.siteId, day, deskText(desk), count, atMs));
    if (!called) {
        return called.error();
    }
    std::vector<CalledNumber> out;
    for (int row = 0; row < called->rows(); ++row) {
        out.push_back(calledFrom(*called, row));
    }
    std::sort(out.begin(), out.end(), [](const CalledNumber& a, const CalledNumber& b) {
        return a.number.number < b.number.number;
    });
    if (!out.empty()) {
        if (auto st = notifyCall(day, desk, "call"); !st) {
            return st.error();
        }
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return out;
}

Result<CalledNumber, PgError> SiteQueue::changeCall(const std::string& day, QueueNumber number,
                                                    CallState to, std::string_view from,
                                                    std::int64_t atMs) {
    auto tx = PgTransaction::begin(m_conn);
    if (!tx) {
        return tx.error();
    }
    const bool calling = to == CallState::Recalled;
    auto changed = m_conn.exec(
        "UPDATE queue_entries SET state = $5, updated_ms = $6,"
        " called_ms = CASE WHEN $7 THEN $6 ELSE called_ms END,"
        " calls = calls + CASE WHEN $7 THEN 1 ELSE 0 END"
        " WHERE site_id = $1 AND day = $2 AND desk = $3 AND number = $4"
        " AND state = ANY(string_to_array($8, ',')) RETURNING " +
            std::string(kCalledColumns),
        pgParams(m_device.siteId, day, deskText(number.desk), number.number,
                 std::string(toString(to)), atMs, calling, std::string(from)));
    if (!changed) {
        return changed.error();
    }
    if (changed->rows() == 0) {
        auto now = m_conn.exec(
            "SELECT state FROM queue_entries WHERE site_id = $1 AND day = $2 AND desk = $3"
            " AND number = $4",
            pgParams(m_device.siteId, day, deskText(number.desk), number.number));
        if (!now) {
            return now.error();
        }
        if (now->rows() == 0) {
            return PgError{number.label() + " was not given out on " + day};
        }
        return PgError{number.label() + " is " + std::string(now->text(0, 0)) + ", not " +
                       std::string(from)};
    }
    CalledNumber result = calledFrom(*changed, 0);
    if (auto st = notifyCall(day, number.desk, toString(to)); !st) {
        return st.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return result;
}

Result<CalledNumber, PgError> SiteQueue::recall(const std::string& day, QueueNumber number,
                                                std::int64_t atMs) {
    return changeCall(day, number, CallState::Recalled, "called,recalled,skipped", atMs);
}

Result<CalledNumber, PgError> SiteQueue::skip(const std::string& day, QueueNumber number,
                                              std::int64_t atMs) {
    return changeCall(day, number, CallState::Skipped, "called,recalled", atMs);
}

Result<Unit, PgError> SiteQueue::advance(const std::string& day, QueueNumber number, CallState to,
                                         std::int64_t atMs) {
    std::string_view from;
    switch (to) {
        case CallState::Registered:
            from = "waiting,called,recalled,skipped";
            break;
        case CallState::Vaccinated:
            from = "waiting,called,recalled,skipped,registered";
            break;
        case CallState::Left:
            from = "vaccinated";
            break;
        case CallState::Cancelled:
            from = "waiting,called,recalled,skipped,registered";
            break;
        default:
            return PgError{"a number is called, recalled or skipped by its own command"};
    }
    auto st = changeCall(day, number, to, from, atMs);
    if (!st) {
        return st.error();
    }
    return Unit{};
}

Result<CallBoard, PgError> SiteQueue::board(const std::string& day,
                                            const std::vector<Desk>& desks) {
    CallBoard board;
    board.day = day;
    for (Desk d : desks) {
        board.desks.push_back({d, {}, 0, {}});
    }
    auto find = [&](Desk d) -> DeskBoard* {
        for (DeskBoard& b : board.desks) {
            if (b.desk == d) {
                return &b;
            }
        }
        return nullptr;
    };
    auto rows =
        m_conn.exec("SELECT " + std::string(kCalledColumns) +
                        " FROM queue_entries WHERE site_id = $1 AND day = $2"
                        " AND state IN ('called', 'recalled', 'skipped') ORDER BY desk, number",
                    pgParams(m_device.siteId, day));
    if (!rows) {
        return rows.error();
    }
    for (int row = 0; row < rows->rows(); ++row) {
        const CalledNumber c = calledFrom(*rows, row);
        if (DeskBoard* b = find(c.number.desk)) {
            if (c.state == CallState::Skipped) {
                b->skipped.push_back(c.number);
            } else {
                b->called.push_back(c);
            }
        }
    }
    auto waiting = m_conn.exec(
        "SELECT desk, count(*) FROM queue_entries WHERE site_id = $1 AND day = $2"
        " AND state = 'waiting' GROUP BY desk",
        pgParams(m_device.siteId, day));
    if (!waiting) {
        return waiting.error();
    }
    for (int row = 0; row < waiting->rows(); ++row) {
        if (DeskBoard* b = find(waiting->text(row, 0)[0])) {
            b->waiting = int(waiting->int64(row, 1));
        }
    }
    return board;
}

}  // namespace vax
