// The reference upstream (tools/vaxupstream) driven over real loopback HTTP(S) with
// httplib::Client, as the kiosk and the demo scripts see it.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/TempDir.h"
#include "support/TestCertificates.h"
#include "tools/vaxupstream/UpstreamServer.h"

namespace vax::upstream {
namespace {

using nlohmann::json;

const HealthCode kGreen{"HC-GREEN-0001", "green", "张*", "1101**********123X",
                        "2026-11-25T07:59:00Z"};

json immunization(const std::string& key, const std::string& visitSeq = {}) {
    json resource{
        {"resourceType", "Immunization"},
        {"identifier", {{{"system", "urn:vaxkiosk:record"}, {"value", key}}}},
        {"status", "completed"},
        {"vaccineCode", {{"coding", {{{"system", "urn:vaxkiosk:product"}, {"code", "8600123"}}}}}},
        {"patient", {{"identifier", {{"system", "urn:vaxkiosk:person"}, {"value", "p-1"}}}}},
        {"occurrenceDateTime", "2026-11-25T08:00:00Z"},
        {"lotNumber", "L2026-11"},
    };
    if (!visitSeq.empty()) {
        resource["extension"] = {{{"url", "urn:vaxkiosk:visit-seq"}, {"valueString", visitSeq}}};
    }
    return resource;
}

json entryFor(const json& resource) {
    const std::string key = resource["identifier"][0]["value"];
    char uuid[64];
    std::snprintf(uuid, sizeof uuid, "urn:uuid:5a1e0000-0000-4000-8000-%012zx",
                  std::hash<std::string>{}(key)&0xffffffffffffu);
    return {{"fullUrl", uuid},
            {"resource", resource},
            {"request",
             {{"method", "POST"},
              {"url", "Immunization"},
              {"ifNoneExist", "identifier=urn:vaxkiosk:record|" + key}}}};
}

json bundle(const std::vector<json>& resources) {
    json entries = json::array();
    for (const json& resource : resources) {
        entries.push_back(entryFor(resource));
    }
    return {{"resourceType", "Bundle"}, {"type", "transaction"}, {"entry", entries}};
}

json event(const std::string& key, const std::string& visit, int seq) {
    return {{"key", key},
            {"visit", visit},
            {"seq", seq},
            {"type", "temperature"},
            {"at", "2026-11-25T08:00:00Z"},
            {"data", {{"celsius", 36.6}}}};
}

json events(const std::vector<json>& list) {
    return {{"events", list}};
}

json parse(const httplib::Result& res) {
    return json::parse(res->body, nullptr, false);
}

class UpstreamServerTest : public ::testing::Test {
protected:
    void SetUp() override { startServer(); }

    void startServer(UpstreamOptions options = {}) {
        if (options.database.empty()) {
            options.database = m_dir / "upstream.db";
        }
        std::string error;
        m_server = UpstreamServer::create(std::move(options), error);
        ASSERT_TRUE(m_server) << error;
        ASSERT_TRUE(m_server->start(&error)) << error;
        m_client = std::make_unique<httplib::Client>(m_server->baseUrl());
        m_client->set_connection_timeout(5);
        m_client->set_read_timeout(5);
    }

    httplib::Result verify(const std::string& code) {
        return m_client->Post(
            "/api/healthcode/v1/verify",
            json{{"code", code}, {"site", "site-1"}, {"device", "kiosk-1"}}.dump(),
            "application/json");
    }
    httplib::Result postBundle(const json& body) {
        return m_client->Post("/fhir/r4", body.dump(), "application/fhir+json");
    }
    httplib::Result postEvents(const json& body) {
        return m_client->Post("/api/events/v1", body.dump(), "application/json");
    }

    test::TempDir m_dir;
    std::unique_ptr<UpstreamServer> m_server;
    std::unique_ptr<httplib::Client> m_client;
};

TEST_F(UpstreamServerTest, HealthzAnswersOkOnAnEphemeralPort) {
    EXPECT_GT(m_server->port(), 0);
    EXPECT_EQ(m_server->baseUrl(), "http://127.0.0.1:" + std::to_string(m_server->port()));
    auto res = m_client->Get("/healthz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->body, "ok");
}

TEST_F(UpstreamServerTest, KnownHealthCodeAnswersItsStatus) {
    ASSERT_TRUE(m_server->addHealthCode(kGreen));
    auto res = verify(kGreen.code);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    const json body = parse(res);
    EXPECT_EQ(body["status"], "green");
    EXPECT_EQ(body["name"], "张*");
    EXPECT_EQ(body["masked_id"], "1101**********123X");
    EXPECT_EQ(body["updated_at"], "2026-11-25T07:59:00Z");
    const std::string checkedAt = body["checked_at"];
    ASSERT_EQ(checkedAt.size(), 20u) << checkedAt;
    EXPECT_EQ(checkedAt[10], 'T');
    EXPECT_EQ(checkedAt.back(), 'Z');
}

TEST_F(UpstreamServerTest, AddHealthCodeRefusesBadFieldsAndReplacesByCode) {
    std::string error;
    EXPECT_FALSE(
        m_server->addHealthCode({"c", "blue", "张*", "1101*", "2026-11-25T07:59:00Z"}, &error));
    EXPECT_NE(error.find("status"), std::string::npos) << error;
    EXPECT_FALSE(m_server->addHealthCode({"c", "red", "张*", "1101*", "2026-11-25 07:59"}, &error));
    EXPECT_NE(error.find("updated_at"), std::string::npos) << error;

    ASSERT_TRUE(m_server->addHealthCode(kGreen));
    HealthCode red = kGreen;
    red.status = "red";
    ASSERT_TRUE(m_server->addHealthCode(red));
    auto res = verify(kGreen.code);
    ASSERT_TRUE(res);
    EXPECT_EQ(parse(res)["status"], "red");
}

TEST_F(UpstreamServerTest, AdminEndpointAddsAHealthCode) {
    const json entry{{"code", "https://hc.example/v?t=abc"},
                     {"status", "yellow"},
                     {"name", "李*"},
                     {"masked_id", "3101**********0021"},
                     {"updated_at", "2026-11-24T23:00:00Z"}};
    auto added = m_client->Post("/_admin/healthcodes", entry.dump(), "application/json");
    ASSERT_TRUE(added);
    EXPECT_EQ(added->status, 200);
    auto res = verify("https://hc.example/v?t=abc");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(parse(res)["status"], "yellow");

    auto bad = m_client->Post("/_admin/healthcodes", R"({"code": "x", "status": "green"})",
                              "application/json");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
}

TEST_F(UpstreamServerTest, UnknownHealthCodeIs404) {
    ASSERT_TRUE(m_server->addHealthCode(kGreen));
    auto res = verify("HC-NOT-KNOWN");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    const json body = parse(res);
    EXPECT_EQ(body["error"], "unknown-code");
    EXPECT_TRUE(body["message"].is_string());
}

TEST_F(UpstreamServerTest, MalformedVerifyBodiesAre400) {
    for (const std::string body :
         {"", "not json", "[]", R"({"code": "", "site": "s", "device": "d"})",
          R"({"code": "x", "device": "d"})", R"({"code": "x", "site": "s"})",
          R"({"code": 42, "site": "s", "device": "d"})"}) {
        SCOPED_TRACE(body);
        auto res = m_client->Post("/api/healthcode/v1/verify", body, "application/json");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400);
        const json answer = parse(res);
        EXPECT_EQ(answer["error"], "bad-request");
        EXPECT_TRUE(answer["message"].is_string());
    }
}

TEST_F(UpstreamServerTest, SeedFileLoadsHealthCodes) {
    const auto seed = m_dir / "seed.json";
    std::ofstream(seed) << json{{"codes",
                                 {{{"code", "SEED-1"},
                                   {"status", "green"},
                                   {"name", "王*"},
                                   {"masked_id", "4401**********5566"},
                                   {"updated_at", "2026-11-25T01:02:03Z"}},
                                  {{"code", "SEED-2"},
                                   {"status", "red"},
                                   {"name", "赵*"},
                                   {"masked_id", "4401**********7788"},
                                   {"updated_at", "2026-11-25T01:02:04.5Z"}}}}}
                               .dump();
    m_server.reset();
    UpstreamOptions options;
    options.database = m_dir / "seeded.db";
    options.seedFile = seed;
    startServer(options);

    auto green = verify("SEED-1");
    ASSERT_TRUE(green);
    EXPECT_EQ(green->status, 200);
    EXPECT_EQ(parse(green)["name"], "王*");
    auto red = verify("SEED-2");
    ASSERT_TRUE(red);
    EXPECT_EQ(parse(red)["status"], "red");
}

TEST_F(UpstreamServerTest, BadSeedFileFailsCreateWithItsEntry) {
    const auto seed = m_dir / "bad-seed.json";
    std::ofstream(seed) << R"({"codes": [{"code": "A", "status": "green", "name": "n",
        "masked_id": "m", "updated_at": "2026-11-25T01:02:03Z"}, {"code": "B"}]})";
    UpstreamOptions options;
    options.database = m_dir / "other.db";
    options.seedFile = seed;
    std::string error;
    EXPECT_FALSE(UpstreamServer::create(options, error));
    EXPECT_NE(error.find("codes[1]"), std::string::npos) << error;

    options.seedFile = m_dir / "missing.json";
    EXPECT_FALSE(UpstreamServer::create(options, error));
}

TEST_F(UpstreamServerTest, TransactionCreatesThenAnswersDuplicatesWith200) {
    const json body = bundle({immunization("rec-1"), immunization("rec-2"), immunization("rec-3")});
    auto first = postBundle(body);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(first->get_header_value("Content-Type"), "application/fhir+json");
    const json answer = parse(first);
    EXPECT_EQ(answer["resourceType"], "Bundle");
    EXPECT_EQ(answer["type"], "transaction-response");
    ASSERT_EQ(answer["entry"].size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(answer["entry"][i]["response"]["status"], "201 Created");
        EXPECT_EQ(answer["entry"][i]["response"]["location"],
                  "Immunization/" + std::to_string(i + 1));
    }

    // A retry of the same bundle (the kiosk never saw the answer) stores nothing new.
    auto second = postBundle(body);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, 200);
    const json again = parse(second);
    ASSERT_EQ(again["entry"].size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(again["entry"][i]["response"]["status"], "200 OK");
        EXPECT_EQ(again["entry"][i]["response"]["location"],
                  answer["entry"][i]["response"]["location"]);
    }

    const UpstreamStats stats = m_server->stats();
    EXPECT_EQ(stats.records, 3);
    EXPECT_EQ(stats.deliveries, 6);
    EXPECT_EQ(stats.duplicates, 3);
    EXPECT_EQ(stats.requests, 2);
    const auto records = m_server->records();
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].key, "rec-1");
    EXPECT_EQ(records[0].kind, "immunization");
    EXPECT_EQ(records[0].deliveries, 2);
    EXPECT_EQ(records[0].receivedOrder, 1);
    EXPECT_EQ(json::parse(records[0].body)["lotNumber"], "L2026-11");

    auto viaHttp = m_client->Get("/_admin/stats");
    ASSERT_TRUE(viaHttp);
    const json statsJson = parse(viaHttp);
    EXPECT_EQ(statsJson["records"], 3);
    EXPECT_EQ(statsJson["deliveries"], 6);
    EXPECT_EQ(statsJson["duplicates"], 3);
    EXPECT_EQ(statsJson["order_violations"], 0);
    EXPECT_EQ(statsJson["requests"], 2);
    EXPECT_EQ(statsJson["faults_injected"], 0);
}

TEST_F(UpstreamServerTest, OneInvalidEntryRefusesTheWholeBundle) {
    const std::vector<std::pair<std::string, std::function<void(json&)>>> breakages = {
        {"resourceType", [](json& e) { e["resource"]["resourceType"] = "Observation"; }},
        {"identifier", [](json& e) { e["resource"].erase("identifier"); }},
        {"identifier",
         [](json& e) { e["resource"]["identifier"][0]["system"] = "urn:other:system"; }},
        {"status", [](json& e) { e["resource"].erase("status"); }},
        {"status", [](json& e) { e["resource"]["status"] = "done"; }},
        {"vaccineCode", [](json& e) { e["resource"].erase("vaccineCode"); }},
        {"patient", [](json& e) { e["resource"].erase("patient"); }},
        {"occurrenceDateTime", [](json& e) { e["resource"].erase("occurrenceDateTime"); }},
        {"ifNoneExist",
         [](json& e) { e["request"]["ifNoneExist"] = "identifier=urn:vaxkiosk:record|other"; }},
        {"request.method", [](json& e) { e["request"]["method"] = "PUT"; }},
        {"extension",
         [](json& e) {
             e["resource"]["extension"] = {
                 {{"url", "urn:vaxkiosk:visit-seq"}, {"valueString", "no-seq"}}};
         }},
    };
    for (const auto& [field, breakIt] : breakages) {
        SCOPED_TRACE(field);
        json body = bundle({immunization("ok-0"), immunization("bad-1"), immunization("ok-2")});
        breakIt(body["entry"][1]);
        auto res = postBundle(body);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400);
        const json outcome = parse(res);
        EXPECT_EQ(outcome["resourceType"], "OperationOutcome");
        EXPECT_EQ(outcome["issue"][0]["severity"], "error");
        const std::string diagnostics = outcome["issue"][0]["diagnostics"];
        EXPECT_NE(diagnostics.find("entry[1]"), std::string::npos) << diagnostics;
        EXPECT_NE(diagnostics.find(field), std::string::npos) << diagnostics;
    }
    EXPECT_EQ(m_server->stats().records, 0);
    EXPECT_TRUE(m_server->records().empty());
}

TEST_F(UpstreamServerTest, TransactionNeedsFhirJsonAndABundle) {
    auto wrongType = m_client->Post("/fhir/r4", bundle({immunization("k")}).dump(), "text/plain");
    ASSERT_TRUE(wrongType);
    EXPECT_EQ(wrongType->status, 415);
    EXPECT_EQ(parse(wrongType)["resourceType"], "OperationOutcome");

    auto withCharset = m_client->Post("/fhir/r4", bundle({immunization("k")}).dump(),
                                      "application/fhir+json; charset=utf-8");
    ASSERT_TRUE(withCharset);
    EXPECT_EQ(withCharset->status, 200);

    json batch = bundle({immunization("k2")});
    batch["type"] = "batch";
    for (const std::string& body :
         {std::string("{\"resourceType\": \"Bun"), std::string(R"({"resourceType": "Patient"})"),
          batch.dump(), std::string("[]")}) {
        SCOPED_TRACE(body);
        auto res = m_client->Post("/fhir/r4", body, "application/fhir+json");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400);
        EXPECT_EQ(parse(res)["resourceType"], "OperationOutcome");
    }
    EXPECT_EQ(m_server->stats().records, 1);
}

TEST_F(UpstreamServerTest, EventsAreCreatedThenReportedAsDuplicates) {
    const json body = events({event("ev-1", "visit-A", 1), event("ev-2", "visit-A", 2)});
    auto first = postEvents(body);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(parse(first), json::parse(R"({"results": [{"key": "ev-1", "status": "created"},
                                          {"key": "ev-2", "status": "created"}]})"));

    auto second = postEvents(events({event("ev-2", "visit-A", 2), event("ev-3", "visit-A", 3)}));
    ASSERT_TRUE(second);
    EXPECT_EQ(parse(second), json::parse(R"({"results": [{"key": "ev-2", "status": "duplicate"},
                                          {"key": "ev-3", "status": "created"}]})"));

    const UpstreamStats stats = m_server->stats();
    EXPECT_EQ(stats.records, 3);
    EXPECT_EQ(stats.deliveries, 4);
    EXPECT_EQ(stats.duplicates, 1);
    const auto records = m_server->records();
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].kind, "event");
    EXPECT_EQ(records[1].visit, "visit-A");
    EXPECT_EQ(records[1].seq, 2);
    EXPECT_EQ(json::parse(records[1].body)["data"]["celsius"], 36.6);

    auto listed = m_client->Get("/_admin/records");
    ASSERT_TRUE(listed);
    const json list = parse(listed)["records"];
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[1]["key"], "ev-2");
    EXPECT_EQ(list[1]["deliveries"], 2);
    EXPECT_EQ(list[1]["received_order"], 2);
    EXPECT_EQ(list[1]["order_violation"], false);
    EXPECT_EQ(list[1]["body"]["type"], "temperature");
}

TEST_F(UpstreamServerTest, EventMissingAFieldRefusesTheBatchWithItsIndex) {
    for (const char* field : {"key", "visit", "seq", "type"}) {
        SCOPED_TRACE(field);
        json second = event("ev-b", "visit-A", 2);
        second.erase(field);
        auto res = postEvents(events({event("ev-a", "visit-A", 1), second}));
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400);
        const json answer = parse(res);
        EXPECT_EQ(answer["error"], "bad-request");
        EXPECT_EQ(answer["index"], 1);
        EXPECT_NE(answer["message"].get<std::string>().find(field), std::string::npos);
    }
    for (const json& seq : {json("1"), json(-1), json(1.5), json(nullptr)}) {
        SCOPED_TRACE(seq.dump());
        auto res =
            postEvents(events({json{{"key", "k"}, {"visit", "v"}, {"seq", seq}, {"type", "t"}}}));
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400);
        EXPECT_EQ(parse(res)["index"], 0);
    }
    auto notABatch = postEvents(json{{"event", json::array()}});
    ASSERT_TRUE(notABatch);
    EXPECT_EQ(notABatch->status, 400);
    EXPECT_FALSE(parse(notABatch).contains("index"));
    EXPECT_EQ(m_server->stats().records, 0);
}

TEST_F(UpstreamServerTest, LowerSeqAfterAHigherOneIsAnOrderViolation) {
    ASSERT_TRUE(postEvents(
        events({event("a1", "visit-A", 1), event("a3", "visit-A", 3), event("b1", "visit-B", 1)})));
    // Out of order for visit-A (2 after 3); a duplicate of a1 is no new record; visit-B's seq
    // space is its own.
    ASSERT_TRUE(postEvents(
        events({event("a2", "visit-A", 2), event("a1", "visit-A", 1), event("b2", "visit-B", 2)})));
    // The FHIR extension carries visit and seq the same way.
    ASSERT_TRUE(postBundle(
        bundle({immunization("imm-a0", "visit-A:0"), immunization("imm-b3", "visit-B:3")})));

    EXPECT_EQ(m_server->stats().orderViolations, 2);
    std::vector<std::string> late;
    for (const StoredRecord& record : m_server->records()) {
        if (record.orderViolation) {
            late.push_back(record.key);
        }
    }
    EXPECT_EQ(late, (std::vector<std::string>{"a2", "imm-a0"}));
    const auto records = m_server->records();
    EXPECT_EQ(records.back().visit, "visit-B");
    EXPECT_EQ(records.back().seq, 3);
}

TEST_F(UpstreamServerTest, InjectedStatus500StoresNothing) {
    m_server->setFaults({.status500 = 2});
    for (int i = 0; i < 2; ++i) {
        auto res = postEvents(events({event("ev-1", "v", 1)}));
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 500);
    }
    EXPECT_EQ(m_server->stats().records, 0);
    auto res = postEvents(events({event("ev-1", "v", 1)}));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    const UpstreamStats stats = m_server->stats();
    EXPECT_EQ(stats.records, 1);
    EXPECT_EQ(stats.duplicates, 0);
    EXPECT_EQ(stats.requests, 3);
    EXPECT_EQ(stats.faultsInjected, 2);
}

TEST_F(UpstreamServerTest, DroppedConnectionIsAClientErrorNotAResponse) {
    m_server->setFaults({.drop = 1});
    auto dropped = postEvents(events({event("ev-1", "v", 1)}));
    EXPECT_FALSE(dropped);
    EXPECT_EQ(dropped.error(), httplib::Error::Read);
    EXPECT_EQ(m_server->stats().records, 0);  // lost on the way in

    auto retry = postEvents(events({event("ev-1", "v", 1)}));
    ASSERT_TRUE(retry);
    EXPECT_EQ(retry->status, 200);
    EXPECT_EQ(m_server->stats().faultsInjected, 1);
}

TEST_F(UpstreamServerTest, DropClosesTheConnectionBeforeAnyByte) {
    m_server->setFaults({.drop = 1});
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(m_server->port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    const std::string body = events({event("ev-1", "v", 1)}).dump();
    const std::string request =
        "POST /api/events/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(request.size()));
    std::string received;
    char buffer[512];
    ssize_t n = 0;
    while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
        received.append(buffer, static_cast<std::size_t>(n));
    }
    const int lastErrno = errno;
    ::close(fd);
    EXPECT_TRUE(n == 0 || lastErrno == ECONNRESET) << "recv timed out: the server kept it open";
    EXPECT_EQ(received, "");
}

TEST_F(UpstreamServerTest, DropAfterStoresButLosesTheAnswer) {
    m_server->setFaults({.dropAfter = 1});
    const json body = bundle({immunization("rec-1")});
    auto lost = postBundle(body);
    EXPECT_FALSE(lost);
    EXPECT_EQ(m_server->stats().records, 1);  // handled before the connection went

    // The kiosk's retry is the duplicate an idempotency key exists for.
    auto retry = postBundle(body);
    ASSERT_TRUE(retry);
    EXPECT_EQ(parse(retry)["entry"][0]["response"]["status"], "200 OK");
    const UpstreamStats stats = m_server->stats();
    EXPECT_EQ(stats.records, 1);
    EXPECT_EQ(stats.deliveries, 2);
    EXPECT_EQ(stats.duplicates, 1);
}

TEST_F(UpstreamServerTest, GarbageIs200WithABodyThatIsNotJson) {
    ASSERT_TRUE(m_server->addHealthCode(kGreen));
    m_server->setFaults({.garbage = 1});
    auto res = verify(kGreen.code);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_FALSE(json::accept(res->body)) << res->body;
    auto next = verify(kGreen.code);
    ASSERT_TRUE(next);
    EXPECT_TRUE(json::accept(next->body));

    m_server->setFaults({.garbage = 1});
    auto events1 = postEvents(events({event("ev-1", "v", 1)}));
    ASSERT_TRUE(events1);
    EXPECT_FALSE(json::accept(events1->body));
    EXPECT_EQ(m_server->stats().records, 0);  // not handled: a proxy answered, not the server
}

TEST_F(UpstreamServerTest, LatencyDelaysEveryApiRequest) {
    ASSERT_TRUE(m_server->addHealthCode(kGreen));
    m_server->setFaults({.latencyMs = 300});
    for (int i = 0; i < 2; ++i) {
        const auto before = std::chrono::steady_clock::now();
        auto res = verify(kGreen.code);
        const auto elapsed = std::chrono::steady_clock::now() - before;
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 200);
        EXPECT_GE(elapsed, std::chrono::milliseconds(300));
    }
    // A client that gives up first sees a timeout; the server survives the hang-up.
    m_client->set_read_timeout(0, 100000);
    auto impatient = verify(kGreen.code);
    EXPECT_FALSE(impatient);
    EXPECT_EQ(impatient.error(), httplib::Error::Read);
    // No pause for the abandoned handler: it sleeps on its own thread while the next request,
    // on a new connection, is answered at once.

    m_server->setFaults({});
    m_client->set_read_timeout(5);
    const auto before = std::chrono::steady_clock::now();
    ASSERT_TRUE(verify(kGreen.code));
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds(300));
}

TEST_F(UpstreamServerTest, FaultsAreSetAndResetOverHttp) {
    auto set = m_client->Post("/_admin/faults", R"({"status500": 1, "latency_ms": 10})",
                              "application/json");
    ASSERT_TRUE(set);
    EXPECT_EQ(set->status, 200);
    EXPECT_EQ(parse(set)["status500"], 1);
    EXPECT_EQ(m_server->faults().latencyMs, 10);

    // Absent fields keep their value.
    ASSERT_TRUE(m_client->Post("/_admin/faults", R"({"garbage": 2})", "application/json"));
    EXPECT_EQ(m_server->faults().status500, 1);
    EXPECT_EQ(m_server->faults().garbage, 2);

    for (const char* bad : {R"({"status_500": 1})", R"({"drop": -1})", R"({"drop": "1"})",
                            R"({"latency_ms": 600001})", "x"}) {
        SCOPED_TRACE(bad);
        auto res = m_client->Post("/_admin/faults", bad, "application/json");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400);
    }

    auto reset = m_client->Post("/_admin/reset-faults", "", "application/json");
    ASSERT_TRUE(reset);
    EXPECT_EQ(reset->status, 200);
    const Faults after = m_server->faults();
    EXPECT_EQ(after.latencyMs, 0);
    EXPECT_EQ(after.status500, 0);
    EXPECT_EQ(after.garbage, 0);
    auto current = m_client->Get("/_admin/faults");
    ASSERT_TRUE(current);
    EXPECT_EQ(parse(current)["garbage"], 0);
}

TEST_F(UpstreamServerTest, AdminEndpointsNeverGetFaults) {
    m_server->setFaults({.latencyMs = 2000, .status500 = 3, .drop = 3, .garbage = 3});
    const auto before = std::chrono::steady_clock::now();
    for (int i = 0; i < 3; ++i) {
        auto stats = m_client->Get("/_admin/stats");
        ASSERT_TRUE(stats);
        EXPECT_EQ(stats->status, 200);
        EXPECT_TRUE(json::accept(stats->body));
        auto records = m_client->Get("/_admin/records");
        ASSERT_TRUE(records);
        EXPECT_EQ(parse(records)["records"], json::array());
        auto code = m_client->Post("/_admin/healthcodes",
                                   json{{"code", "C" + std::to_string(i)},
                                        {"status", "green"},
                                        {"name", "n*"},
                                        {"masked_id", "m*"},
                                        {"updated_at", "2026-11-25T07:59:00Z"}}
                                       .dump(),
                                   "application/json");
        ASSERT_TRUE(code);
        EXPECT_EQ(code->status, 200);
        auto health = m_client->Get("/healthz");
        ASSERT_TRUE(health);
        EXPECT_EQ(health->body, "ok");
    }
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds(2000));
    const Faults left = m_server->faults();
    EXPECT_EQ(left.status500, 3);
    EXPECT_EQ(left.drop, 3);
    EXPECT_EQ(left.garbage, 3);
    EXPECT_EQ(m_server->stats().requests, 0);
    EXPECT_EQ(m_server->stats().faultsInjected, 0);
}

TEST_F(UpstreamServerTest, RestartOnTheSameFileKeepsRecords) {
    ASSERT_TRUE(m_server->addHealthCode(kGreen));
    ASSERT_TRUE(postBundle(bundle({immunization("rec-1", "visit-A:2")})));
    ASSERT_TRUE(postEvents(events({event("ev-1", "visit-A", 3)})));
    m_server->stop();
    m_server.reset();

    startServer();  // same m_dir / "upstream.db"
    EXPECT_EQ(m_server->stats().records, 2);
    EXPECT_EQ(m_server->stats().requests, 0);
    auto res = verify(kGreen.code);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);

    auto again = postBundle(bundle({immunization("rec-1", "visit-A:2")}));
    ASSERT_TRUE(again);
    EXPECT_EQ(parse(again)["entry"][0]["response"]["status"], "200 OK");
    // The order check remembers the visit's highest seq across the restart.
    ASSERT_TRUE(postEvents(events({event("ev-0", "visit-A", 1)})));
    const auto records = m_server->records();
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[2].receivedOrder, 3);
    EXPECT_TRUE(records[2].orderViolation);
    EXPECT_EQ(m_server->stats().duplicates, 1);
}

TEST_F(UpstreamServerTest, ConcurrentRetriesStoreEachKeyOnce) {
    constexpr int kThreads = 6;
    constexpr int kEvents = 20;
    json batch = json::array();
    for (int i = 0; i < kEvents; ++i) {
        batch.push_back(event("ev-" + std::to_string(i), "visit-C", i));
    }
    const std::string body = events(batch).dump();
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            httplib::Client client(m_server->baseUrl());
            client.set_read_timeout(10);
            auto res = client.Post("/api/events/v1", body, "application/json");
            if (res && res->status == 200) {
                ++ok;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(ok, kThreads);
    const UpstreamStats stats = m_server->stats();
    EXPECT_EQ(stats.records, kEvents);
    EXPECT_EQ(stats.deliveries, kThreads * kEvents);
    EXPECT_EQ(stats.orderViolations, 0);
}

TEST_F(UpstreamServerTest, CreateRefusesHalfATlsConfiguration) {
    UpstreamOptions options;
    options.database = m_dir / "tls.db";
    options.tlsCert = m_dir / "cert.pem";
    std::string error;
    EXPECT_FALSE(UpstreamServer::create(options, error));
    EXPECT_FALSE(error.empty());

    options.tlsKey = m_dir / "key.pem";  // both named, neither exists
    EXPECT_FALSE(UpstreamServer::create(options, error));
    EXPECT_NE(error.find("TLS"), std::string::npos) << error;
}

class UpstreamTlsTest : public UpstreamServerTest {
protected:
    void SetUp() override {
        m_pki = test::makeTestPki(m_dir.path());
        UpstreamOptions options;
        options.tlsCert = m_pki.serverCert;
        options.tlsKey = m_pki.serverKey;
        startServer(options);
    }

    std::unique_ptr<httplib::SSLClient> client(const std::string& host,
                                               const std::filesystem::path& ca) {
        auto client = std::make_unique<httplib::SSLClient>(host, m_server->port());
        client->set_ca_cert_path(ca.c_str());
        client->enable_server_certificate_verification(true);
        client->set_connection_timeout(5);
        client->set_read_timeout(5);
        return client;
    }

    test::TestPki m_pki;
};

TEST_F(UpstreamTlsTest, ServesHttpsThatVerifiesAgainstTheTestCa) {
    EXPECT_EQ(m_server->baseUrl().rfind("https://127.0.0.1:", 0), 0u) << m_server->baseUrl();
    ASSERT_TRUE(m_server->addHealthCode(kGreen));
    for (const char* host : {"localhost", "127.0.0.1"}) {
        SCOPED_TRACE(host);
        auto tls = client(host, m_pki.caCert);
        auto res = tls->Post("/api/healthcode/v1/verify",
                             json{{"code", kGreen.code}, {"site", "s"}, {"device", "d"}}.dump(),
                             "application/json");
        ASSERT_TRUE(res) << httplib::to_string(res.error());
        EXPECT_EQ(res->status, 200);
        EXPECT_EQ(parse(res)["status"], "green");
    }
}

TEST_F(UpstreamTlsTest, AClientTrustingAnotherCaRefusesTheServer) {
    auto tls = client("localhost", m_pki.otherCaCert);
    auto res = tls->Get("/healthz");
    EXPECT_FALSE(res);
    EXPECT_EQ(res.error(), httplib::Error::SSLServerVerification);
}

TEST_F(UpstreamTlsTest, DropWorksOverTls) {
    m_server->setFaults({.drop = 1});
    auto tls = client("localhost", m_pki.caCert);
    auto dropped =
        tls->Post("/api/events/v1", events({event("ev-1", "v", 1)}).dump(), "application/json");
    EXPECT_FALSE(dropped);
    EXPECT_EQ(dropped.error(), httplib::Error::Read);
    auto retry =
        tls->Post("/api/events/v1", events({event("ev-1", "v", 1)}).dump(), "application/json");
    ASSERT_TRUE(retry) << httplib::to_string(retry.error());
    EXPECT_EQ(retry->status, 200);
    EXPECT_EQ(m_server->stats().records, 1);
}

}  // namespace
}  // namespace vax::upstream
