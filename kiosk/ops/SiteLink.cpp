#include "ops/SiteLink.h"

#include <nlohmann/json.hpp>

#include "store/JournalSiteFeed.h"

namespace vax {

namespace {

ReplayEntry replayEntryOf(const SiteFeedEntry& e, const Policy& catalogue) {
    ReplayEntry r;
    r.seq = e.seq;
    r.visitId = e.visitId;
    r.day = e.day;
    if (e.desk && e.number) {
        r.number = QueueNumber{*e.desk, *e.number};
    }
    r.atMs = e.atMs;
    r.kind = e.kind;
    r.stage = e.stage;
    r.data = e.data;
    r.personHash = e.personRef;
    r.maskedId = e.maskedId;
    if (e.kind == "vaccinated") {
        // The site caps a code's uses at its pack's doses: the catalogue knows them.
        auto data = nlohmann::json::parse(e.data, nullptr, false);
        if (data.is_object()) {
            const Product* product = catalogue.findProduct(data.value("product", ""));
            data["doses_in_pack"] = product ? product->dosesPerPack : 1;
            r.data = data.dump();
        }
    }
    return r;
}

}  // namespace

Result<std::unique_ptr<SiteLink>> SiteLink::open(const KioskConfig& config) {
    if (config.siteServer.url.empty()) {
        return std::unique_ptr<SiteLink>{};
    }
    auto settings = siteSettingsFrom(config.siteServer);
    if (!settings) {
        return settings.error();
    }
    return std::make_unique<SiteLink>(SiteClient(*settings, siteDeviceFrom(config)), config.policy);
}

Result<SiteSyncResult, PgError> SiteLink::sync(Database& journalDb, std::int64_t nowMs, int chunk) {
    JournalSiteFeed feed(journalDb);
    auto newest = feed.newestSeq();
    if (!newest) {
        return PgError{"journal: " + newest.error().message};
    }
    return with([&](PgConnection& conn) -> Result<SiteSyncResult, PgError> {
        SiteReplay replay(conn, device());
        auto from = replay.hello(*newest, nowMs);
        if (!from) {
            return from.error();
        }
        SiteSyncResult result;
        result.journalSeq = *newest;
        result.replayedSeq = *from;
        while (result.replayedSeq < *newest) {
            auto entries = feed.after(result.replayedSeq, chunk);
            if (!entries) {
                return PgError{"journal: " + entries.error().message};
            }
            if (entries->empty()) {
                break;
            }
            std::vector<ReplayEntry> batch;
            batch.reserve(entries->size());
            for (const SiteFeedEntry& e : *entries) {
                batch.push_back(replayEntryOf(e, m_catalogue));
            }
            auto ack = replay.push(batch, *newest, nowMs);
            if (!ack) {
                return ack.error();
            }
            result.stored += ack->stored;
            result.duplicates += ack->duplicates;
            result.conflicts += ack->conflicts;
            result.replayedSeq = std::max(ack->replayedSeq, batch.back().seq);
        }
        return result;
    });
}

}  // namespace vax
