// Entry decision, decision + durable journal commit, and the day's report over a million
// visits. Targets (DESIGN.md): decision <= 10 us, decision + commit <= 5 ms, report <= 1 s.
#include <benchmark/benchmark.h>

#include <random>

#include "core/Decision.h"
#include "core/Report.h"
#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"

namespace vax {
namespace {

Policy benchPolicy() {
    Policy policy;
    policy.age.doctorReviewFromAge = 60;
    policy.products.push_back(
        Product{"INACT-A", "Inactivated", "Maker", {"8612345"}, {}, 2, 21, 56, 180, 1});
    policy.campaignSteps = {{"adults", "18-59", 18, 59, true}, {"seniors", "60+", 60, {}, true}};
    return policy;
}

CheckInFacts benchFacts() {
    const CivilDate today = *CivilDate::parseIso("2026-11-25");
    return CheckInFacts{HealthCodeStatus::Green,
                        TemperatureInput::reading(36.6),
                        {},
                        *CivilDate::parseIso("1985-03-12"),
                        PriorDoses{today.plusDays(-30), "INACT-A", 1},
                        today};
}

void BM_Decision(benchmark::State& state) {
    const Policy policy = benchPolicy();
    const CheckInFacts facts = benchFacts();
    for (auto _ : state) {
        benchmark::DoNotOptimize(decideCheckIn(facts, policy));
    }
}
BENCHMARK(BM_Decision);

// Each iteration is one resident: decide, then commit the check-in and its queueing with
// synchronous=FULL (fsync) before "returning to the screen".
void BM_DecisionAndDurableCommit(benchmark::State& state) {
    test::TempDir dir;
    auto journal = Journal::open(dir / "bench.db").value();
    const PersonVault vault(SiteKeys::generate());
    const Policy policy = benchPolicy();
    const CheckInFacts facts = benchFacts();
    int serial = 0;
    for (auto _ : state) {
        CheckInRecord record = test::makeCheckIn(vault, ++serial, Outcome::Proceed);
        record.decision = decideCheckIn(facts, policy);
        auto done = journal.visits().checkIn(record);
        if (!done) {
            state.SkipWithError(done.error().message.c_str());
            break;
        }
    }
}
BENCHMARK(BM_DecisionAndDurableCommit)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// A million visits on one day written straight into the visit table (the report reads
// only that projection), then the report streamed from the file.
void BM_ReportOverOneMillionVisits(benchmark::State& state) {
    constexpr int kVisits = 1'000'000;
    test::TempDir dir;
    auto journal = Journal::open(dir / "report.db").value();
    Database& db = journal.database();
    (void)db.exec("PRAGMA synchronous=OFF");  // loading only; the report reads afterwards
    auto tx = Transaction::begin(db).value();
    (void)db.exec("INSERT INTO persons VALUES (1, x'00', 'x', x'00', '1980-01-01', 'F', 0)");
    auto insert = db.prepare(
                        "INSERT INTO visits (person_id, day, stage, decision, reasons, "
                        "reason_mask, fever, age, campaign_step, desk, queue_no, "
                        "checked_in_at, queued_at, called_at, updated_at) VALUES "
                        "(1, '2026-11-25', ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                      .value();
    std::mt19937 rng(7);
    const char* stages[] = {"exited", "observing", "waiting", "deferred"};
    for (int i = 0; i < kVisits; ++i) {
        const auto r = unsigned(rng());
        const bool defer = r % 10 == 0;
        const std::int64_t at = 1'795'000'000'000 + i * 30;
        insert.reset();
        insert.bind(1, defer ? "deferred" : stages[r % 3])
            .bind(2, defer ? "defer" : "proceed")
            .bind(3, std::int64_t(defer ? reasonBit(ReasonCode::Fever) : 0))
            .bind(4, defer ? 1 : 0)
            .bind(5, int(18 + r % 70))
            .bind(6, r % 70 < 42 ? "adults" : "seniors")
            .bind(7, i % 2 ? "A" : "B")
            .bind(8, i / 2 + 1)
            .bind(9, at)
            .bind(10, at)
            .bind(11, at + std::int64_t(r % 900'000))
            .bind(12, at);
        if (!insert.run()) {
            state.SkipWithError("loading failed");
            return;
        }
    }
    (void)tx.commit();
    for (auto _ : state) {
        DayReportBuilder builder("2026-11-25");
        auto st = journal.report().forEachVisit(
            "2026-11-25", [&builder](const VisitSummary& v) { builder.add(v); });
        const DayReport report = builder.finish();
        if (!st || report.checkIns != kVisits) {
            state.SkipWithError("report failed");
            return;
        }
        benchmark::DoNotOptimize(report);
    }
    state.counters["visits"] = kVisits;
}
BENCHMARK(BM_ReportOverOneMillionVisits)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace vax

BENCHMARK_MAIN();
