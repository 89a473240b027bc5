#include "store/JournalNumberBlocks.h"

namespace vax {

Status JournalNumberBlocks::add(const ReservedBlock& block, std::int64_t atMs) {
    if (block.first < 1 || block.last < block.first) {
        return Error{"a number block runs from 1 up: " + std::to_string(block.first) + "-" +
                     std::to_string(block.last)};
    }
    auto insert = m_db.prepare(
        "INSERT INTO number_blocks (day, desk, first, last, next, reserved_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day, desk, first) DO NOTHING");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, block.day)
        .bind(2, std::string(1, block.desk))
        .bind(3, block.first)
        .bind(4, block.last)
        .bind(5, block.first)
        .bind(6, atMs);
    return insert->run();
}

Result<int> JournalNumberBlocks::remaining(const std::string& day, Desk desk) {
    int left = 0;
    auto st = m_db.query(
        "SELECT coalesce(sum(last + 1 - next), 0) FROM number_blocks WHERE day = ? AND desk = ?",
        [&](Statement& s) { s.bind(1, day).bind(2, std::string(1, desk)); },
        [&](const Statement& s) { left = int(s.int64(0)); });
    if (!st) {
        return st.error();
    }
    return left;
}

Result<std::optional<QueueNumber>> JournalNumberBlocks::take(const std::string& day,
                                                             const std::vector<Desk>& desks) {
    std::optional<Desk> best;
    int bestLeft = 0;
    for (Desk desk : desks) {
        auto left = remaining(day, desk);
        if (!left) {
            return left.error();
        }
        if (*left > bestLeft) {
            best = desk;
            bestLeft = *left;
        }
    }
    if (!best) {
        return std::optional<QueueNumber>{};
    }
    // The oldest block first: its numbers are the lowest, the nearest to be called.
    std::optional<int> first;
    std::optional<int> next;
    auto st = m_db.query(
        "SELECT first, next FROM number_blocks WHERE day = ? AND desk = ? AND next <= last"
        " ORDER BY first LIMIT 1",
        [&](Statement& s) { s.bind(1, day).bind(2, std::string(1, *best)); },
        [&](const Statement& s) {
            first = int(s.int64(0));
            next = int(s.int64(1));
        });
    if (!st) {
        return st.error();
    }
    if (!next) {
        return std::optional<QueueNumber>{};
    }
    auto advance = m_db.prepare(
        "UPDATE number_blocks SET next = next + 1 WHERE day = ? AND desk = ? AND first = ?");
    if (!advance) {
        return advance.error();
    }
    advance->bind(1, day).bind(2, std::string(1, *best)).bind(3, *first);
    if (auto done = advance->run(); !done) {
        return done.error();
    }
    return std::optional<QueueNumber>{QueueNumber{*best, *next}};
}

}  // namespace vax
