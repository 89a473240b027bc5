#include "net/OutboxDrain.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <thread>

#include "support/TempDir.h"
#include "tools/vaxupstream/UpstreamServer.h"

namespace vax {
namespace {

using nlohmann::json;

// The outbox in memory: records in upload order and what became of each.
class MemoryQueue final : public OutboxQueue {
public:
    void add(UploadRecord::Kind kind, std::int64_t visit, std::string key = "") {
        UploadRecord r;
        r.outboxId = std::int64_t(m_records.size()) + 1;
        r.kind = kind;
        r.key = key.empty() ? "S/k/" + std::to_string(r.outboxId) : key;
        r.visitId = visit;
        r.facts = kind == UploadRecord::Kind::Event
                      ? json{{"kind", "checked_in"}, {"at_ms", 1'795'000'000'000}, {"data", {}}}
                      : json{{"product", "INACT-A"},
                             {"lot", "L1"},
                             {"expiry", "2027-06-30"},
                             {"dose_number", 2},
                             {"station", "S1"},
                             {"person_ref", "ab12"},
                             {"masked_id", "1101**********1234"},
                             {"vaccinated_at_ms", 1'795'000'000'000},
                             {"reactions", json::array({{{"category", "allergic_rash"},
                                                         {"onset_at_ms", 1'795'000'600'000}}})}};
        m_records.push_back(r);
    }
    Result<std::vector<UploadRecord>> pending(int limit) override {
        std::vector<UploadRecord> out;
        for (const auto& r : m_records) {
            if (!m_state.contains(r.outboxId) && int(out.size()) < limit) {
                out.push_back(r);
            }
        }
        return out;
    }
    Status delivered(const std::vector<std::int64_t>& ids) override {
        for (auto id : ids) {
            m_state[id] = "delivered";
        }
        return okStatus();
    }
    Status failed(const std::vector<std::int64_t>& ids, const std::string& error) override {
        m_failures += int(ids.size());
        m_lastError = error;
        return okStatus();
    }
    Status refused(std::int64_t id, const std::string& reason) override {
        m_state[id] = "refused: " + reason;
        return okStatus();
    }

    std::vector<UploadRecord> m_records;
    std::map<std::int64_t, std::string> m_state;
    int m_failures = 0;
    std::string m_lastError;
};

UploadContext context() {
    static const std::vector<Product> products = [] {
        Product p;
        p.code = "INACT-A";
        p.name = "Inactivated A";
        return std::vector<Product>{p};
    }();
    return UploadContext{"BJ-XC-017", "Test site", "entry-1", &products};
}

TEST(FhirImmunization, CarriesEveryFieldTheRegistryNeedsAndNoIdNumber) {
    MemoryQueue q;
    q.add(UploadRecord::Kind::Immunization, 42, "BJ-XC-017/entry-1/immunization/7");
    const json r = fhirImmunization(q.m_records[0], context());
    EXPECT_EQ(r["resourceType"], "Immunization");
    EXPECT_EQ(r["status"], "completed");
    EXPECT_EQ(r["identifier"][0]["system"], "urn:vaxkiosk:record");
    EXPECT_EQ(r["identifier"][0]["value"], "BJ-XC-017/entry-1/immunization/7");
    EXPECT_EQ(r["vaccineCode"]["coding"][0]["code"], "INACT-A");
    EXPECT_EQ(r["vaccineCode"]["coding"][0]["display"], "Inactivated A");
    EXPECT_EQ(r["patient"]["identifier"]["value"], "ab12");
    EXPECT_EQ(r["lotNumber"], "L1");
    EXPECT_EQ(r["expirationDate"], "2027-06-30");
    EXPECT_EQ(r["occurrenceDateTime"], "2026-11-18T11:06:40Z");
    EXPECT_EQ(r["performer"][0]["actor"]["identifier"]["value"], "S1");
    EXPECT_EQ(r["location"]["identifier"]["value"], "BJ-XC-017");
    EXPECT_EQ(r["protocolApplied"][0]["doseNumberPositiveInt"], 2);
    EXPECT_EQ(r["reaction"][0]["detail"]["display"], "allergic_rash");
    EXPECT_EQ(r["extension"][0]["valueString"], "BJ-XC-017/42:1");
    const json bundle = fhirTransaction(q.m_records, context());
    EXPECT_EQ(bundle["entry"][0]["request"]["ifNoneExist"],
              "identifier=urn:vaxkiosk:record|BJ-XC-017/entry-1/immunization/7");
    EXPECT_EQ(bundle["entry"][0]["fullUrl"].get<std::string>().rfind("urn:uuid:", 0), 0u);
    EXPECT_EQ(bundle.dump(), fhirTransaction(q.m_records, context()).dump())
        << "a resent bundle is the same bytes";
}

TEST(DrainOutbox, MixedRecordsArriveOnceInOrderAndTheQueueEmpties) {
    test::TempDir dir;
    upstream::UpstreamOptions options;
    options.database = dir / "up.db";
    std::string error;
    auto server = upstream::UpstreamServer::create(options, error);
    ASSERT_TRUE(server && server->start(&error)) << error;
    MemoryQueue q;
    for (int visit = 1; visit <= 3; ++visit) {
        q.add(UploadRecord::Kind::Event, visit);
        q.add(UploadRecord::Kind::Event, visit);
        q.add(UploadRecord::Kind::Immunization, visit);
        q.add(UploadRecord::Kind::Event, visit);
    }
    RecordUploader uploader({server->baseUrl(), {}}, context());
    const DrainSummary summary = drainOutbox(q, uploader, {5, 0});
    EXPECT_FALSE(summary.stoppedBy);
    EXPECT_EQ(summary.delivered, 12);
    EXPECT_EQ(q.pending(100)->size(), 0u);
    const auto stats = server->stats();
    EXPECT_EQ(stats.records, 12);
    EXPECT_EQ(stats.orderViolations, 0);

    // Sent again (as after a lost answer): duplicates, nothing new.
    q.m_state.clear();
    const DrainSummary again = drainOutbox(q, uploader);
    EXPECT_EQ(again.duplicates, 12);
    EXPECT_EQ(server->stats().records, 12);
}

// A records service that refuses events whose key is "bad", and answers 401 on demand.
class PickyServer {
public:
    PickyServer() {
        m_server.Post(
            "/api/events/v1", [this](const httplib::Request& req, httplib::Response& res) {
                ++requests;
                if (unauthorised) {
                    res.status = 401;
                    return;
                }
                const json body = json::parse(req.body);
                json results = json::array();
                for (std::size_t i = 0; i < body["events"].size(); ++i) {
                    if (body["events"][i]["key"] == "bad") {
                        res.status = 400;
                        res.set_content(json{{"error", "bad-request"},
                                             {"index", i},
                                             {"message", "events[" + std::to_string(i) +
                                                             "]: seq must be an integer >= 0"}}
                                            .dump(),
                                        "application/json");
                        return;
                    }
                    results.push_back({{"key", body["events"][i]["key"]}, {"status", "created"}});
                }
                res.set_content(json{{"results", results}}.dump(), "application/json");
            });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds{1});
        }
    }
    ~PickyServer() {
        m_server.stop();
        m_thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    std::atomic<int> requests{0};
    std::atomic<bool> unauthorised{false};

private:
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
};

TEST(DrainOutbox, ARefusedRecordIsFoundByHalvingAndSetAsideTheRestGoOn) {
    PickyServer server;
    MemoryQueue q;
    for (int i = 0; i < 8; ++i) {
        q.add(UploadRecord::Kind::Event, 1, i == 5 ? "bad" : "");
    }
    RecordUploader uploader({server.url(), {}}, context());
    const DrainSummary summary = drainOutbox(q, uploader);
    EXPECT_FALSE(summary.stoppedBy);
    EXPECT_EQ(summary.delivered, 7);
    EXPECT_EQ(summary.refused, 1);
    EXPECT_EQ(q.m_state[6], "refused: HTTP 400: events[0]: seq must be an integer >= 0");
    EXPECT_LE(server.requests.load(), 7) << "halving, not one request per record";
}

TEST(DrainOutbox, AnUnusableRecordIsSetAsideInItsPlaceAndNeverSent) {
    PickyServer server;
    MemoryQueue q;
    for (int i = 0; i < 5; ++i) {
        q.add(UploadRecord::Kind::Event, 1);
    }
    q.m_records[2].unusable = "cannot be made into an upload record: its facts are not JSON";
    q.m_records[2].key = "bad";  // the server would refuse it: it must not see it at all
    RecordUploader uploader({server.url(), {}}, context());
    const DrainSummary summary = drainOutbox(q, uploader);
    EXPECT_FALSE(summary.stoppedBy);
    EXPECT_FALSE(summary.storeError);
    EXPECT_EQ(summary.delivered, 4);
    EXPECT_EQ(summary.refused, 1);
    EXPECT_EQ(summary.requests, 2) << "the records before it, then those after it";
    EXPECT_EQ(server.requests.load(), 2);
    EXPECT_EQ(q.m_state[3],
              "refused: cannot be made into an upload record: its facts are not JSON");
    EXPECT_EQ(q.pending(10)->size(), 0u);
}

TEST(DrainOutbox, AnUnusableRecordBehindAFailedRequestStaysPending) {
    MemoryQueue q;
    q.add(UploadRecord::Kind::Event, 1);
    q.add(UploadRecord::Kind::Event, 1);
    q.m_records[1].unusable = "cannot be made into an upload record: its source is missing";
    RecordUploader uploader({"http://127.0.0.1:9", {}}, context());
    const DrainSummary summary = drainOutbox(q, uploader);
    ASSERT_TRUE(summary.stoppedBy);
    EXPECT_EQ(summary.refused, 0);
    EXPECT_EQ(q.pending(10)->size(), 2u);
}

TEST(DrainOutbox, AMisconfiguredKioskKeepsEverythingPendingAndSaysWhy) {
    PickyServer server;
    server.unauthorised = true;
    MemoryQueue q;
    q.add(UploadRecord::Kind::Event, 1);
    q.add(UploadRecord::Kind::Event, 1);
    RecordUploader uploader({server.url(), {}}, context());
    const DrainSummary summary = drainOutbox(q, uploader);
    ASSERT_TRUE(summary.stoppedBy);
    EXPECT_EQ(summary.stoppedBy->status, 401);
    EXPECT_EQ(summary.refused, 0) << "a 401 says nothing about the records";
    EXPECT_EQ(q.pending(10)->size(), 2u);
    EXPECT_EQ(q.m_failures, 2);
}

TEST(DrainOutbox, NothingListeningStopsTheDrainAndKeepsTheOrder) {
    MemoryQueue q;
    q.add(UploadRecord::Kind::Event, 1);
    q.add(UploadRecord::Kind::Immunization, 1);
    RecordUploader uploader({"http://127.0.0.1:9", {}}, context());
    const DrainSummary summary = drainOutbox(q, uploader);
    ASSERT_TRUE(summary.stoppedBy);
    EXPECT_EQ(summary.stoppedBy->kind, HttpError::Kind::ConnectFailed);
    EXPECT_EQ(summary.requests, 1) << "the immunization must not overtake the event";
    EXPECT_EQ(q.pending(10)->size(), 2u);
}

}  // namespace
}  // namespace vax
