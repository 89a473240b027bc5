#include "ops/SiteNumbers.h"

#include "store/JournalNumberBlocks.h"

namespace vax {

NumberPlan planNumber(SiteLink* link, Database& journalDb, const NumberRequest& request) {
    NumberPlan plan;
    if (!link) {
        return plan;
    }
    auto issued = link->with(
        [&](PgConnection& conn) { return SiteQueue(conn, link->device()).issue(request); });
    if (issued) {
        plan.numbering = VisitNumbering::site(issued->number);
        plan.returned = issued->returned;
        plan.peopleAhead = issued->peopleAhead;
        return plan;
    }
    plan.offline = true;
    plan.siteError = issued.error().message;
    plan.numbering = VisitNumbering::block();
    JournalNumberBlocks blocks(journalDb);
    int left = 0;
    for (Desk desk : request.desks) {
        auto remaining = blocks.remaining(request.day, desk);
        left += remaining ? *remaining : 0;
    }
    plan.exhausted = left == 0;
    return plan;
}

Result<int, PgError> topUpOfflineNumbers(SiteLink& link, Database& journalDb,
                                         const std::string& day, const std::vector<Desk>& desks,
                                         int size, std::int64_t atMs) {
    if (size <= 0) {
        return 0;
    }
    JournalNumberBlocks blocks(journalDb);
    int taken = 0;
    for (Desk desk : desks) {
        auto left = blocks.remaining(day, desk);
        if (!left) {
            return PgError{"journal: " + left.error().message};
        }
        if (*left * 2 >= size) {
            continue;
        }
        auto block = link.with([&](PgConnection& conn) {
            return SiteQueue(conn, link.device()).reserveBlock(day, desk, size, atMs);
        });
        if (!block) {
            return block.error();
        }
        // Kept before anything else: a block the site reserved and the journal lost would
        // only be numbers nobody gives, never a number given twice.
        if (auto st = blocks.add({block->day, block->desk, block->first, block->last}, atMs); !st) {
            return PgError{"journal: " + st.error().message};
        }
        ++taken;
    }
    return taken;
}

}  // namespace vax
