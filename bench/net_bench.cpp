// Network figures for issue 6: outbox drain rate over loopback into the reference upstream
// (records per second, batched against one record per request as the baseline, both in this
// run), and the added latency of an online health-code check. Run by scripts/bench.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

#include "net/HealthCodeService.h"
#include "net/HttpClient.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"
#include "sync/JournalSync.h"
#include "tools/vaxupstream/UpstreamServer.h"

namespace {

using namespace vax;
using Clock = std::chrono::steady_clock;

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

std::unique_ptr<upstream::UpstreamServer> startServer(const std::filesystem::path& db) {
    upstream::UpstreamOptions options;
    options.database = db;
    std::string error;
    auto server = upstream::UpstreamServer::create(options, error);
    if (!server || !server->start(&error)) {
        std::fprintf(stderr, "upstream: %s\n", error.c_str());
        std::exit(1);
    }
    return server;
}

// Fills a journal with `visits` check-ins (two journal events each, so two outbox records).
Journal journalWith(const std::filesystem::path& path, int visits) {
    Journal journal = Journal::open(path).value();
    PersonVault vault(SiteKeys::generate());
    for (int i = 0; i < visits; ++i) {
        (void)journal.visits().checkIn(test::makeCheckIn(vault, i + 1, Outcome::Proceed));
    }
    return journal;
}

// Drains the journal's outbox; returns records per second.
double drainRate(Journal& journal, const std::string& url, int batch, int maxBatches,
                 std::int64_t* delivered) {
    JournalOutboxQueue queue(journal, "BENCH", "k1");
    RecordUploader uploader({url, {}}, UploadContext{"BENCH", "bench", "k1", nullptr});
    const auto t0 = Clock::now();
    const DrainSummary s = drainOutbox(queue, uploader, {batch, maxBatches});
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    if (s.stoppedBy) {
        std::fprintf(stderr, "drain stopped: %s\n", s.stoppedBy->message.c_str());
    }
    *delivered = s.delivered;
    return double(s.delivered) / seconds;
}

}  // namespace

int main() {
    test::TempDir dir;
    std::printf("net_bench: reference upstream in-process on 127.0.0.1, plain HTTP\n\n");

    constexpr int kVisits = 5000;
    const auto fill0 = Clock::now();
    Journal journal = journalWith(dir / "kiosk.db", kVisits);
    std::printf("journal filled: %d check-ins, %d outbox records (%.1f s)\n\n", kVisits,
                2 * kVisits, std::chrono::duration<double>(Clock::now() - fill0).count());

    auto server = startServer(dir / "upstream.db");
    std::int64_t single = 0;
    const double baseline = drainRate(journal, server->baseUrl(), 1, 400, &single);
    std::int64_t batched = 0;
    const double rate = drainRate(journal, server->baseUrl(), 250, 0, &batched);
    const auto stats = server->stats();
    std::printf("Outbox drain (journal -> HTTP -> upstream SQLite, marked delivered)\n");
    std::printf("%-34s %10s %12s\n", "mode", "records", "records/s");
    std::printf("%-34s %10lld %12.0f\n", "baseline: one record per request", (long long)single,
                baseline);
    std::printf("%-34s %10lld %12.0f\n", "ours: batches of 250", (long long)batched, rate);
    std::printf("ratio batched / baseline: %.1fx (target >= 2000 records/s)\n", rate / baseline);
    std::printf("upstream: %lld records, %lld duplicates, %lld order violations\n\n",
                (long long)stats.records, (long long)stats.duplicates,
                (long long)stats.orderViolations);

    // Online health-code check against the same server.
    const std::time_t hourAgo = std::time(nullptr) - 3600;
    std::tm utc{};
    gmtime_r(&hourAgo, &utc);
    char updated[32];
    std::strftime(updated, sizeof updated, "%Y-%m-%dT%H:%M:%SZ", &utc);
    server->addHealthCode({"HC1:BENCHCODE00000001", "green", "张*", "1101**********1234", updated});
    HealthCodeServiceOptions options;
    options.baseUrl = server->baseUrl();
    options.site = "BENCH";
    options.device = "k1";
    HealthCodeService service(options);
    HttpClient raw;
    std::vector<double> checks;
    std::vector<double> pings;
    for (int i = 0; i < 300; ++i) {
        auto t0 = Clock::now();
        (void)raw.send(HttpRequest::get(server->baseUrl() + "/healthz"));
        pings.push_back(ms(Clock::now() - t0));
        t0 = Clock::now();
        auto answer = service.check("HC1:BENCHCODE00000001", std::time(nullptr));
        checks.push_back(ms(Clock::now() - t0));
        if (!answer) {
            std::fprintf(stderr, "check failed: %s\n", answer.error().message.c_str());
            return 1;
        }
    }
    std::printf("Online health-code check, 300 calls (ms)\n");
    std::printf("%-34s %8s %8s\n", "", "p50", "p95");
    std::printf("%-34s %8.2f %8.2f\n", "baseline: GET /healthz", percentile(pings, 0.5),
                percentile(pings, 0.95));
    std::printf("%-34s %8.2f %8.2f\n", "health-code check (validated)", percentile(checks, 0.5),
                percentile(checks, 0.95));
    std::printf("added by the check over the bare round trip: %.2f ms at p50\n",
                percentile(checks, 0.5) - percentile(pings, 0.5));
    return 0;
}
