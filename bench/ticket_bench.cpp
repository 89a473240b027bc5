// Tickets: sign + encode + render (ESC/POS, and the PNG preview), verify, and the dose report
// over a million doses. Targets (issue 4): sign+encode+render <= 5 ms, verify <= 1 ms,
// report <= 1 s.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "crypto/CodeSigner.h"
#include "crypto/TrustList.h"
#include "devices/EscPosRenderer.h"
#include "devices/PrinterProfile.h"
#include "devices/TicketDocument.h"
#include "devices/TicketImage.h"
#include "store/Journal.h"
#include "support/TempDir.h"

namespace vax {
namespace {

const std::string kSite = "BJ-XC-017";

DoseTicket sampleTicket() {
    DoseTicket t;
    t.visitId = 123456;
    t.person.fill(9);
    t.traceCode = "(01)02001234000017(17)271231(10)A2026B(21)0000123";
    t.productCode = "INACT-A";
    t.lot = "A2026B";
    t.doseNumber = 2;
    t.station = "station-1";
    t.vaccinatedAtUnix = 1'795'600'000;
    t.observationEndsAtUnix = 1'795'601'800;
    return t;
}

DoseTicketView viewOf(const std::string& text) {
    return DoseTicketView{"示范路社区卫生服务中心",
                          "1101**********1234",
                          "灭活疫苗（示例甲）",
                          "A2026B",
                          2,
                          "station-1",
                          "2026-11-25 09:10",
                          "2026-11-25 09:40",
                          text,
                          false,
                          30};
}

void BM_SignEncodeRenderEscPos(benchmark::State& state) {
    const SiteKeys keys = SiteKeys::generate();
    const CodeSigner signer = CodeSigner::create(keys, kSite).value();
    const EscPosRenderer renderer(printerProfile("generic-80-native-qr").value());
    const DoseTicket ticket = sampleTicket();
    for (auto _ : state) {
        const std::string text = signer.sign(ticket).value();
        benchmark::DoNotOptimize(renderer.render(doseTicketDocument(viewOf(text))));
    }
}
BENCHMARK(BM_SignEncodeRenderEscPos)->Unit(benchmark::kMicrosecond);

void BM_SignEncodeRenderRasterPrinter(benchmark::State& state) {
    const SiteKeys keys = SiteKeys::generate();
    const CodeSigner signer = CodeSigner::create(keys, kSite).value();
    const EscPosRenderer renderer(printerProfile("generic-58-raster").value());
    for (auto _ : state) {
        const std::string text = signer.sign(sampleTicket()).value();
        benchmark::DoNotOptimize(renderer.render(doseTicketDocument(viewOf(text))));
    }
}
BENCHMARK(BM_SignEncodeRenderRasterPrinter)->Unit(benchmark::kMicrosecond);

void BM_SignEncodeRenderPngPreview(benchmark::State& state) {
    const SiteKeys keys = SiteKeys::generate();
    const CodeSigner signer = CodeSigner::create(keys, kSite).value();
    const TicketImage image;
    const PrinterProfile profile = printerProfile("generic-80-native-qr").value();
    for (auto _ : state) {
        const std::string text = signer.sign(sampleTicket()).value();
        benchmark::DoNotOptimize(image.png(doseTicketDocument(viewOf(text)), profile));
    }
}
BENCHMARK(BM_SignEncodeRenderPngPreview)->Unit(benchmark::kMillisecond);

void BM_Verify(benchmark::State& state) {
    const SiteKeys keys = SiteKeys::generate();
    const std::string text = CodeSigner::create(keys, kSite).value().sign(sampleTicket()).value();
    const TrustList trust = TrustList::fromSiteKeys(keys, kSite);
    for (auto _ : state) {
        benchmark::DoNotOptimize(trust.verify(text, kSite));
    }
}
BENCHMARK(BM_Verify)->Unit(benchmark::kMicrosecond);

std::string traceCode(int serial) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "8612345%013d", serial);
    return buf;
}

// A million doses (and their visits) on one day, loaded straight into the tables; then the
// report's dose figures from the file.
void BM_DoseReportOverOneMillionDoses(benchmark::State& state) {
    constexpr int kDoses = 1'000'000;
    test::TempDir dir;
    auto journal = Journal::open(dir / "doses.db").value();
    Database& db = journal.database();
    (void)db.exec("PRAGMA synchronous=OFF");
    auto tx = Transaction::begin(db).value();
    (void)db.exec("INSERT INTO persons VALUES (1, x'00', 'x', x'00', '1980-01-01', 'F', 0)");
    auto visit = db.prepare(
                       "INSERT INTO visits (id, person_id, day, stage, decision, reasons,"
                       " reason_mask, fever, age, campaign_step, checked_in_at, updated_at)"
                       " VALUES (?, 1, '2026-11-25', ?, 'proceed', '', 0, 0, ?, ?, 0, 0)")
                     .value();
    auto dose = db.prepare(
                      "INSERT INTO doses (visit_id, person_id, day, trace_code, product_code,"
                      " lot, dose_number, booster, station, vaccinated_at, observation_ends_at,"
                      " ticket, exited_at) VALUES (?, 1, '2026-11-25', ?, ?, 'L1', ?, ?, 's1',"
                      " ?, ?, 'VK1:', ?)")
                    .value();
    for (int i = 1; i <= kDoses; ++i) {
        const bool exited = i % 10 != 0;
        visit.reset();
        visit.bind(1, i)
            .bind(2, exited ? "exited" : "observing")
            .bind(3, 18 + i % 70)
            .bind(4, i % 70 < 42 ? "adults" : "seniors");
        dose.reset();
        const std::int64_t at = 1'795'600'000'000 + i;
        dose.bind(1, i)
            .bind(2, traceCode(i))
            .bind(3, i % 3 ? "INACT-A" : "RECOMB-C")
            .bind(4, 1 + i % 3)
            .bind(5, i % 7 == 0 ? 1 : 0)
            .bind(6, at)
            .bind(7, at + 1'800'000)
            .bind(8, exited ? std::optional<std::int64_t>(at + 1'900'000) : std::nullopt);
        if (!visit.run() || !dose.run()) {
            state.SkipWithError("loading failed");
            return;
        }
    }
    (void)tx.commit();
    for (auto _ : state) {
        auto figures = journal.report().doseFigures("2026-11-25", 1'795'700'000'000);
        if (!figures || figures->doses != kDoses) {
            state.SkipWithError("report failed");
            return;
        }
        benchmark::DoNotOptimize(figures);
    }
    state.counters["doses"] = kDoses;
}
BENCHMARK(BM_DoseReportOverOneMillionDoses)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace vax

BENCHMARK_MAIN();
