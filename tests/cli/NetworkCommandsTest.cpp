#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <thread>

#include "cli/VaxctlFixture.h"
#include "net/JwsSigner.h"
#include "tools/vaxupstream/UpstreamServer.h"

namespace vax {
namespace {

using namespace vax::test;
using nlohmann::json;

class NetworkCommandsTest : public StationFlowTest {
protected:
    void SetUp() override {
        StationFlowTest::SetUp();
        // Learn a free port, then leave it closed: the network is "down" until startServer().
        m_port = startServer({});
        m_server.reset();
        appendConfig("\n[network]\ndevice_id = \"entry-9\"\nrecords_service = \"http://127.0.0.1:" +
                     std::to_string(m_port) + "\"\nhealth_code_service = \"http://127.0.0.1:" +
                     std::to_string(m_port) + "\"\n");
    }

    void appendConfig(const std::string& text) {
        const auto path = m_dir / "kiosk.toml";
        std::string config = slurp(path);
        // [network] must replace the example's own section.
        const auto at = config.find("\n[network]\n");
        if (at != std::string::npos && text.find("[network]") != std::string::npos) {
            const auto next = config.find("\n[", at + 1);
            config.erase(at, next == std::string::npos ? std::string::npos : next - at);
        }
        std::ofstream(path) << config << text;
    }

    int startServer(upstream::Faults faults) {
        upstream::UpstreamOptions options;
        options.database = m_dir / "upstream.db";
        options.port = m_port;
        std::string error;
        m_server = upstream::UpstreamServer::create(options, error);
        EXPECT_TRUE(m_server) << error;
        EXPECT_TRUE(m_server->start(&error)) << error;
        m_server->setFaults(faults);
        return m_server->port();
    }

    json outboxStatus() { return vaxctl({"outbox", "status"}).parsed(); }

    int m_port = 0;
    std::unique_ptr<upstream::UpstreamServer> m_server;
};

TEST_F(NetworkCommandsTest, AnOutageLosesNothingAndEveryRecordArrivesOnceInOrder) {
    // A morning without network: check-ins, doses and a reaction go on.
    const std::vector<const char*> people{kAdult, kAdult2};
    std::vector<std::string> tickets;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const std::string pack = "8612345000000001234" + std::to_string(i);  // one pack each
        const CmdRun bound = bind(calledSlip(people[i]), pack);
        ASSERT_EQ(bound.status, 0) << bound.err;
        tickets.push_back(bound.parsed()["ticket"]);
    }
    const CmdRun down = vaxctl({"outbox", "flush"});
    EXPECT_EQ(down.status, 1);
    EXPECT_EQ(down.parsed()["error_kind"], "connect-failed") << down.out;
    const std::int64_t waiting = outboxStatus()["pending"];
    EXPECT_GT(waiting, 10);
    const CmdRun reaction =
        vaxctl({"reaction", "1", "--category", "allergic_rash", "--action", "antihistamine",
                "--outcome", "recovering", "--staff", "dr-01", "--at", "2026-11-25 09:30"});
    ASSERT_EQ(reaction.status, 0) << reaction.err;
    ASSERT_EQ(checkIn(kMinor, "36.6").status, 0);   // deferred: too young
    ASSERT_EQ(checkIn(kSenior, "36.6").status, 0);  // a doctor decides first

    // Back, but flaky: a 500, an answer lost after storing, and a garbage answer.
    startServer({0, 1, 0, 1, 1});
    int flushes = 0;
    while (outboxStatus()["pending"] != 0 && flushes < 10) {
        vaxctl({"outbox", "flush"});
        ++flushes;
    }
    const json status = outboxStatus();
    EXPECT_EQ(status["pending"], 0) << status.dump();
    EXPECT_EQ(status["refused"], 0);
    EXPECT_GE(flushes, 2) << "the injected faults must have stopped a flush";

    const auto stats = m_server->stats();
    EXPECT_EQ(stats.records, status["delivered"].get<std::int64_t>())
        << "every record once, counted by idempotency key";
    EXPECT_GE(stats.duplicates, 1) << "the lost answer was resent and deduplicated";
    EXPECT_EQ(stats.orderViolations, 0) << "records of each visit arrive in order";

    int immunizations = 0;
    for (const auto& record : m_server->records()) {
        EXPECT_EQ(record.key.rfind("BJ-XC-017/entry-9/", 0), 0u) << record.key;
        EXPECT_EQ(record.body.find(kAdult), std::string::npos) << "no ID number leaves the kiosk";
        if (record.kind == "immunization") {
            ++immunizations;
            const json resource = json::parse(record.body);
            // A 20-digit trace code names no lot, and FHIR forbids an empty one.
            EXPECT_FALSE(resource.contains("lotNumber")) << resource.dump();
            EXPECT_EQ(resource["protocolApplied"][0]["doseNumberPositiveInt"], 1);
            EXPECT_EQ(resource["vaccineCode"]["coding"][0]["code"], "INACT-A");
            EXPECT_EQ(resource["patient"]["display"].get<std::string>().find("**********"), 4u);
        }
    }
    EXPECT_EQ(immunizations, 2);
}

TEST_F(NetworkCommandsTest, OnlineHealthCodesPassOnlyOnAFreshServiceAnswer) {
    startServer({});
    // Updated an hour ago: fresh.
    const std::time_t hourAgo = std::time(nullptr) - 3600;
    std::tm utc{};
    gmtime_r(&hourAgo, &utc);
    char updated[32];
    std::strftime(updated, sizeof updated, "%Y-%m-%dT%H:%M:%SZ", &utc);
    ASSERT_TRUE(m_server->addHealthCode(
        {"HC1:GREENCODE0000001", "green", "张*", "1101**********1234", updated}));
    const CmdRun green = vaxctl({"healthcode", "check", "HC1:GREENCODE0000001"});
    ASSERT_EQ(green.status, 0) << green.err;
    EXPECT_EQ(green.parsed()["status"], "green") << green.out;
    EXPECT_EQ(green.parsed()["source"], "service");

    const CmdRun unknown = vaxctl({"healthcode", "check", "HC1:UNKNOWNCODE00001"});
    EXPECT_EQ(unknown.parsed()["status"], "unavailable");

    const CmdRun checkin =
        vaxctl({"checkin", "--id", kAdult, "--temp", "36.5", "--answers", "n,n,n,n,n,n,n,n,n",
                "--code", "HC1:GREENCODE0000001", "--at", "2026-11-25 09:00"});
    ASSERT_EQ(checkin.status, 0) << checkin.err;
    EXPECT_EQ(checkin.parsed()["decision"]["outcome"], "proceed");
    EXPECT_EQ(checkin.parsed()["health_code"]["source"], "service");

    // The same green code shown with another person's ID: a borrowed code is not a pass.
    const CmdRun borrowed =
        vaxctl({"checkin", "--id", kSenior, "--temp", "36.5", "--answers", "n,n,n,n,n,n,n,n,n",
                "--code", "HC1:GREENCODE0000001", "--at", "2026-11-25 09:00"});
    ASSERT_EQ(borrowed.status, 0) << borrowed.err;
    EXPECT_EQ(borrowed.parsed()["decision"]["outcome"], "staff_review");
    EXPECT_NE(borrowed.out.find("health_code_holder_mismatch"), std::string::npos) << borrowed.out;

    m_server.reset();  // the network goes down: staff review, never a pass
    const CmdRun offline =
        vaxctl({"checkin", "--id", kAdult2, "--temp", "36.5", "--answers", "n,n,n,n,n,n,n,n,n",
                "--code", "HC1:GREENCODE0000001", "--at", "2026-11-25 09:01"});
    ASSERT_EQ(offline.status, 0) << offline.err;
    EXPECT_EQ(offline.parsed()["decision"]["outcome"], "staff_review");
    EXPECT_EQ(offline.parsed()["decision"]["reasons"][0]["code"], "health_code_unavailable");
    EXPECT_EQ(vaxctl({"checkin", "--id", kSenior, "--temp", "36.5", "--answers",
                      "n,n,n,n,n,n,n,n,n", "--code", "HC1:GREENCODE0000001", "--health", "green"})
                  .status,
              2)
        << "--code and --health exclude each other";
}

TEST_F(NetworkCommandsTest, ASignedCodeIsVerifiedOfflineAndRefusedTheSecondTime) {
    auto signer = JwsSigner::generate(JwsAlgorithm::EdDSA, "issuer-2026");
    ASSERT_TRUE(signer);
    std::ofstream(m_dir / "jwks.json") << json{{"keys", json::array({signer->publicJwk()})}};
    appendConfig("");
    {
        const auto path = m_dir / "kiosk.toml";
        std::string config = slurp(path);
        const auto at = config.find("device_id = \"entry-9\"\n");
        config.insert(at, "jwks_file = \"jwks.json\"\n");
        std::ofstream(path) << config;
    }
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    const std::string code = signer->sign(
        {{"sub", "p-1"}, {"hcs", "green"}, {"iat", now - 10}, {"exp", now + 3600}, {"jti", "c-1"}});
    const CmdRun first = vaxctl({"healthcode", "check", code});
    ASSERT_EQ(first.status, 0) << first.err;
    EXPECT_EQ(first.parsed()["status"], "green") << first.out;
    EXPECT_EQ(first.parsed()["source"], "signature");
    const CmdRun replayed = vaxctl({"healthcode", "check", code});
    EXPECT_EQ(replayed.parsed()["status"], "unavailable") << "a second process, same journal";

    const std::string old = signer->sign({{"sub", "p-2"},
                                          {"hcs", "green"},
                                          {"iat", now - 900},
                                          {"exp", now + 3600},
                                          {"jti", "c-2"}});
    const json screenshot = vaxctl({"healthcode", "check", old}).parsed();
    EXPECT_EQ(screenshot["status"], "unavailable");
    EXPECT_NE(screenshot["detail"].get<std::string>().find("screenshot"), std::string::npos)
        << screenshot.dump();
}

TEST_F(NetworkCommandsTest, RetryFailedWithNothingRefusedAndFlushWithoutAServiceSaySo) {
    // Nothing refused in normal operation: retry-failed has nothing to do, status says so.
    EXPECT_EQ(vaxctl({"outbox", "retry-failed"}).parsed()["requeued"], 0);
    const CmdRun noService = [&] {
        const auto path = m_dir / "kiosk.toml";
        std::string config = slurp(path);
        const auto at = config.find("records_service");
        config.erase(at, config.find('\n', at) - at + 1);
        std::ofstream(path) << config;
        return vaxctl({"outbox", "flush"});
    }();
    EXPECT_EQ(noService.status, 1);
    EXPECT_NE(noService.err.find("no records service"), std::string::npos) << noService.err;
}

}  // namespace
}  // namespace vax
