// vaxctl healthcode check | outbox status|flush|retry-failed: the network side of the kiosk
// from the command line.
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "net/OutboxDrain.h"
#include "sync/JournalSync.h"
#include "sync/NetworkSetup.h"

namespace vax::cli {

namespace {

using nlohmann::json;

int checkHealthCode(const std::string& text, const Paths& paths) {
    if (text.empty()) {
        return fail(kExitBadInput, "give the scanned text");
    }
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    JournalReplayCache replay(*journal);
    auto checker = makeHealthCodeChecker(*config, replay);
    if (!checker) {
        return fail(kExitFailure, checker.error().message);
    }
    const HealthCodeCheck check = (*checker)->check(text, unixMsNow() / 1000);
    printJson(healthCodeCheckJson(check));
    return check.form.empty() ? kExitBadInput : kExitOk;
}

json countsJson(const OutboxCounts& counts) {
    json refused = json::array();
    for (const RefusedRecord& r : counts.refusedRecords) {
        refused.push_back({{"id", r.id}, {"key", r.key}, {"reason", r.reason}, {"at_ms", r.atMs}});
    }
    return json{{"pending", counts.pending},
                {"delivered", counts.delivered},
                {"refused", counts.refused},
                {"oldest_pending_at_ms",
                 counts.oldestPendingAtMs ? json(*counts.oldestPendingAtMs) : json()},
                {"last_error", counts.lastError ? json(*counts.lastError) : json()},
                {"refused_records", refused}};
}

int outboxStatus(const Paths& paths) {
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto counts = journal->outbox().status();
    if (!counts) {
        return fail(kExitFailure, counts.error().message);
    }
    printJson(countsJson(*counts));
    return kExitOk;
}

int outboxFlush(const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto uploader = makeUploader(*config);
    if (!uploader) {
        return fail(kExitFailure, uploader.error().message);
    }
    JournalOutboxQueue queue(*journal, config->site.id, config->network.deviceId);
    DrainOptions options;
    options.batchSize = config->network.uploadBatch;
    const DrainSummary summary = drainOutbox(queue, **uploader, options);
    auto counts = journal->outbox().status();
    json out{{"delivered", summary.delivered},
             {"duplicates", summary.duplicates},
             {"refused", summary.refused},
             {"requests", summary.requests},
             {"elapsed_ms", summary.elapsed.count()}};
    if (summary.stoppedBy) {
        out["error"] = summary.stoppedBy->message;
        out["error_kind"] = httpErrorKindName(summary.stoppedBy->kind);
    }
    if (summary.storeError) {
        out["store_error"] = *summary.storeError;
    }
    if (counts) {
        out["outbox"] = countsJson(*counts);
    }
    printJson(out);
    return summary.stoppedBy || summary.storeError ? kExitFailure : kExitOk;
}

int outboxRetryFailed(const Paths& paths) {
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto requeued = journal->outbox().retryRefused(unixMsNow());
    if (!requeued) {
        return fail(kExitFailure, requeued.error().message);
    }
    printJson(json{{"requeued", *requeued}});
    return kExitOk;
}

}  // namespace

void addNetworkCommands(CLI::App& app, const Paths& paths, int& status) {
    CLI::App* healthcode = app.add_subcommand("healthcode", "Health codes");
    healthcode->require_subcommand(1);
    auto text = std::make_shared<std::string>();
    CLI::App* check = healthcode->add_subcommand(
        "check", "Check a scanned health code online or by its signature; prints JSON");
    check->add_option("text", *text, "The scanned text")->required();
    check->callback([text, &paths, &status] { status = checkHealthCode(*text, paths); });

    CLI::App* outbox = app.add_subcommand("outbox", "Records waiting for upload");
    outbox->require_subcommand(1);
    outbox->add_subcommand("status", "Pending, delivered and refused records")
        ->callback([&paths, &status] { status = outboxStatus(paths); });
    outbox->add_subcommand("flush", "Upload pending records now")->callback([&paths, &status] {
        status = outboxFlush(paths);
    });
    outbox->add_subcommand("retry-failed", "Queue refused records again")
        ->callback([&paths, &status] { status = outboxRetryFailed(paths); });
}

}  // namespace vax::cli
