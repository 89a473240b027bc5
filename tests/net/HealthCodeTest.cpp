// The health-code check: HealthCodeService against the reference upstream (tools/vaxupstream)
// over real loopback HTTP(S), crafted answers from a bare httplib server, and
// HealthCodeChecker's routing between the service, the signature check and the replay cache.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "TestPaths.h"
#include "net/Base64Url.h"
#include "net/HealthCodeChecker.h"
#include "net/HealthCodeService.h"
#include "net/JsonSchema.h"
#include "net/Jwks.h"
#include "net/JwsSigner.h"
#include "net/ReplayCache.h"
#include "support/TempDir.h"
#include "support/TestCertificates.h"
#include "tools/vaxupstream/UpstreamServer.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using Clock = std::chrono::steady_clock;
using FailureKind = OnlineFailure::Kind;

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string rfc3339(std::int64_t unixSeconds) {
    const auto t = static_cast<time_t>(unixSeconds);
    tm parts{};
    ::gmtime_r(&t, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::chrono::milliseconds since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::string describe(const Result<OnlineAnswer, OnlineFailure>& result) {
    if (result) {
        return "answer " + std::string(toString(result->status));
    }
    return std::string(toString(result.error().kind)) + ": " + result.error().message;
}

// The codes the reference server is seeded with. Every one carries "SECRET" so that a test can
// look for the code text in messages.
constexpr std::string_view kGreen = "HC-SECRET-GREEN-0001";
constexpr std::string_view kYellow = "HC-SECRET-YELLOW-0001";
constexpr std::string_view kRed = "HC-SECRET-RED-0001";
constexpr std::string_view kStale = "HC-SECRET-STALE-0001";
constexpr std::string_view kFuture = "HC-SECRET-FUTURE-0001";
constexpr std::string_view kUnknown = "HC-SECRET-UNKNOWN-0001";
constexpr std::string_view kUrlCode = "https://hc.example/v/SECRETQ2FmZQ";
constexpr std::string_view kName = "张*";
constexpr std::string_view kMaskedId = "1101**********123X";
// A resident ID number with a valid check digit (the standard's own example).
constexpr std::string_view kResidentId = "11010519491231002X";

// A bare httplib server on 127.0.0.1 whose verify endpoint answers whatever the test set, for
// answers the reference server would never give.
class CraftedServer {
public:
    CraftedServer() {
        m_server.set_keep_alive_timeout(1);
        m_server.Post("/api/healthcode/v1/verify",
                      [this](const httplib::Request&, httplib::Response& res) {
                          const std::lock_guard lock(m_mutex);
                          res.status = m_status;
                          res.set_content(m_body, "application/json");
                      });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        if (m_port <= 0) {
            throw std::runtime_error("crafted server: cannot bind to 127.0.0.1");
        }
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        const auto deadline = Clock::now() + 5s;
        while (!m_server.is_running()) {
            if (Clock::now() > deadline) {
                throw std::runtime_error("crafted server: did not start");
            }
            std::this_thread::sleep_for(1ms);
        }
    }
    ~CraftedServer() {
        m_server.stop();
        m_thread.join();
    }
    CraftedServer(const CraftedServer&) = delete;
    CraftedServer& operator=(const CraftedServer&) = delete;

    void answer(int status, std::string body) {
        const std::lock_guard lock(m_mutex);
        m_status = status;
        m_body = std::move(body);
    }
    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    int m_status = 200;  // guarded by m_mutex
    std::string m_body;  // guarded by m_mutex
};

// A loopback port that refuses connections: bound (so nobody else takes it) but not listening.
class RefusingPort {
public:
    RefusingPort() {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            throw std::runtime_error("cannot bind a loopback socket");
        }
        m_port = ntohs(address.sin_port);
    }
    ~RefusingPort() { ::close(m_fd); }
    RefusingPort(const RefusingPort&) = delete;
    RefusingPort& operator=(const RefusingPort&) = delete;

    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
    int m_fd = -1;
    int m_port = 0;
};

// A well-formed 200 body, for the crafted server to break one member at a time.
json validAnswer(std::int64_t now) {
    return json{{"status", "green"},
                {"name", kName},
                {"masked_id", kMaskedId},
                {"updated_at", rfc3339(now - 3600)},
                {"checked_at", rfc3339(now)}};
}

class HealthCodeTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // libcurl honours proxy variables on purpose; loopback traffic must not go to a proxy.
        // Done before any thread of these tests runs, as setenv is not thread-safe.
        for (const char* name :
             {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) {
            ::unsetenv(name);
        }
        ::setenv("no_proxy", "127.0.0.1,localhost", 1);
        ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
        s_dir = std::make_unique<test::TempDir>();
        s_pki = test::makeTestPki(s_dir->path());

        auto ed = JwsSigner::generate(JwsAlgorithm::EdDSA, "issuer-ed-2026");
        auto es = JwsSigner::generate(JwsAlgorithm::ES256, "issuer-es-2026");
        auto stranger = JwsSigner::generate(JwsAlgorithm::EdDSA, "not-trusted");
        if (!ed || !es || !stranger) {
            throw std::runtime_error("cannot make signing keys");
        }
        s_ed.emplace(std::move(ed).value());
        s_es.emplace(std::move(es).value());
        s_stranger.emplace(std::move(stranger).value());
    }
    static void TearDownTestSuite() {
        s_ed.reset();
        s_es.reset();
        s_stranger.reset();
        s_dir.reset();
    }

    void SetUp() override {
        m_now = unixNow();
        m_upstream = startUpstream({});
    }

    std::unique_ptr<upstream::UpstreamServer> startUpstream(upstream::UpstreamOptions options) {
        std::string error;
        auto server = upstream::UpstreamServer::create(std::move(options), error);
        if (!server) {
            ADD_FAILURE() << error;
            return nullptr;
        }
        if (!server->start(&error)) {
            ADD_FAILURE() << error;
            return nullptr;
        }
        seed(*server, kGreen, "green", m_now - 3600);
        seed(*server, kYellow, "yellow", m_now - 3600);
        seed(*server, kRed, "red", m_now - 3600);
        seed(*server, kStale, "green", m_now - 2 * 86400);
        seed(*server, kFuture, "green", m_now + 3600);
        seed(*server, kUrlCode, "green", m_now - 60);
        return server;
    }

    static void seed(upstream::UpstreamServer& server, std::string_view code,
                     std::string_view status, std::int64_t updatedAt) {
        std::string error;
        const bool added =
            server.addHealthCode({std::string(code), std::string(status), std::string(kName),
                                  std::string(kMaskedId), rfc3339(updatedAt)},
                                 &error);
        EXPECT_TRUE(added) << error;
    }

    HealthCodeServiceOptions options(std::string baseUrl) const {
        HealthCodeServiceOptions o;
        o.baseUrl = std::move(baseUrl);
        o.site = "site-1";
        o.device = "kiosk-1";
        return o;
    }
    HealthCodeServiceOptions options() const { return options(m_upstream->baseUrl()); }

    static PayloadRules rules() {
        PayloadRules r;
        r.healthCodeUrlPrefixes = {"https://hc.example/v/"};
        r.healthCodeTokens = {
            TokenPattern{"HC-", 4, 40, TokenPattern::Alphabet::Base64Url},
        };
        return r;
    }

    static JwksTrust trust() {
        json doc;
        doc["keys"] = json::array({s_ed->publicJwk(), s_es->publicJwk()});
        auto parsed = JwksTrust::fromJson(doc.dump(), "issuer.jwks");
        if (!parsed) {
            throw std::runtime_error(parsed.error().message);
        }
        return std::move(parsed).value();
    }

    HealthCodeChecker checker(std::optional<HealthCodeServiceOptions> service) {
        std::optional<HealthCodeService> client;
        if (service) {
            client.emplace(std::move(*service));
        }
        return HealthCodeChecker(rules(), std::move(client), trust(), &m_replay);
    }
    HealthCodeChecker checker() { return checker(options()); }

    // A code issued `issuedAgo` seconds before m_now, valid for `lifetime` seconds.
    json claims(std::string jti, std::string hcs = "green", std::int64_t issuedAgo = 10,
                std::int64_t lifetime = 300) const {
        return json{{"iss", "https://hc.example"},
                    {"sub", "person-7f3a"},
                    {"hcs", std::move(hcs)},
                    {"iat", m_now - issuedAgo},
                    {"exp", m_now - issuedAgo + lifetime},
                    {"jti", std::move(jti)}};
    }

    void setFaults(upstream::Faults faults) { m_upstream->setFaults(faults); }
    std::int64_t requests() const { return m_upstream->stats().requests; }

    static std::unique_ptr<test::TempDir> s_dir;
    static test::TestPki s_pki;
    static std::optional<JwsSigner> s_ed;
    static std::optional<JwsSigner> s_es;
    static std::optional<JwsSigner> s_stranger;

    std::int64_t m_now = 0;
    MemoryReplayCache m_replay;
    std::unique_ptr<upstream::UpstreamServer> m_upstream;
};

std::unique_ptr<test::TempDir> HealthCodeTest::s_dir;
test::TestPki HealthCodeTest::s_pki;
std::optional<JwsSigner> HealthCodeTest::s_ed;
std::optional<JwsSigner> HealthCodeTest::s_es;
std::optional<JwsSigner> HealthCodeTest::s_stranger;

// --- the online service -------------------------------------------------------------------

TEST_F(HealthCodeTest, ServiceAnswersGreenYellowAndRed) {
    auto check = checker();
    const std::pair<std::string_view, HealthCodeStatus> cases[] = {
        {kGreen, HealthCodeStatus::Green},
        {kYellow, HealthCodeStatus::Yellow},
        {kRed, HealthCodeStatus::Red},
    };
    for (const auto& [code, expected] : cases) {
        SCOPED_TRACE(std::string(code));
        const HealthCodeCheck result = check.check(code, m_now);
        EXPECT_EQ(result.status, expected) << result.detail;
        EXPECT_EQ(result.source, "service");
        EXPECT_EQ(result.form, "token");
        ASSERT_TRUE(result.online);
        EXPECT_EQ(result.online->status, expected);
        EXPECT_EQ(result.online->name, kName);
        EXPECT_EQ(result.online->maskedId, kMaskedId);
        EXPECT_EQ(result.online->updatedAt, m_now - 3600);
        EXPECT_LE(std::abs(result.online->checkedAt - m_now), 60);
        EXPECT_FALSE(result.offline);
    }
    EXPECT_EQ(requests(), 3);
}

TEST_F(HealthCodeTest, UnknownCodeIsUnavailableAndNotRetried) {
    HealthCodeService service(options());
    const auto answer = service.check(kUnknown, m_now);
    ASSERT_FALSE(answer) << describe(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::UnknownCode) << describe(answer);
    EXPECT_EQ(answer.error().http, HttpError::Kind::HttpStatus);
    EXPECT_EQ(requests(), 1);

    const HealthCodeCheck result = checker().check(kUnknown, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Unavailable);
    EXPECT_EQ(result.source, "service");
    EXPECT_NE(result.detail.find("does not know"), std::string::npos) << result.detail;
    EXPECT_FALSE(result.online);
}

TEST_F(HealthCodeTest, ServerErrorsAreRetriedThenUnavailable) {
    setFaults({.status500 = 10});
    HealthCodeService service(options());
    const auto answer = service.check(kGreen, m_now);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::ServerError) << describe(answer);
    EXPECT_EQ(requests(), 2);  // maxAttempts

    const HealthCodeCheck result = checker().check(kGreen, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Unavailable);
    EXPECT_NE(result.detail.find("HTTP 500"), std::string::npos) << result.detail;
}

TEST_F(HealthCodeTest, OneServerErrorThenSuccessIsGreen) {
    setFaults({.status500 = 1});
    const HealthCodeCheck result = checker().check(kGreen, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Green) << result.detail;
    EXPECT_EQ(requests(), 2);
}

TEST_F(HealthCodeTest, GarbageBodyIsMalformedAndUnavailable) {
    setFaults({.garbage = 1});
    HealthCodeService service(options());
    const auto answer = service.check(kGreen, m_now);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::Malformed) << describe(answer);
    EXPECT_EQ(requests(), 1);  // a 200 that makes no sense is not asked again

    setFaults({.garbage = 1});
    const HealthCodeCheck result = checker().check(kGreen, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Unavailable);
    EXPECT_NE(result.detail.find("malformed"), std::string::npos) << result.detail;
}

TEST_F(HealthCodeTest, SlowServerTimesOutWithinTheBudget) {
    setFaults({.latencyMs = 2300});
    auto check = checker();
    const auto start = Clock::now();
    const HealthCodeCheck result = check.check(kGreen, m_now);
    const auto took = since(start);
    EXPECT_EQ(result.status, HealthCodeStatus::Unavailable);
    EXPECT_NE(result.detail.find("no answer"), std::string::npos) << result.detail;
    EXPECT_GE(took, 1900ms);
    EXPECT_LT(took, 2500ms);
    EXPECT_EQ(requests(), 1);  // nothing left of the budget for a second try

    setFaults({.latencyMs = 2300});
    HealthCodeService service(options());
    const auto answer = service.check(kGreen, m_now);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::Timeout) << describe(answer);
    EXPECT_EQ(answer.error().http, HttpError::Kind::Timeout);
}

TEST_F(HealthCodeTest, DroppedConnectionsAreUnavailable) {
    setFaults({.drop = 10});
    HealthCodeService service(options());
    const auto answer = service.check(kGreen, m_now);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::Unreachable) << describe(answer);
    EXPECT_EQ(answer.error().http, HttpError::Kind::ConnectionClosed);
    EXPECT_EQ(requests(), 2);

    const HealthCodeCheck result = checker().check(kGreen, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Unavailable) << result.detail;
}

TEST_F(HealthCodeTest, OneDroppedConnectionIsRetried) {
    setFaults({.drop = 1});
    const HealthCodeCheck result = checker().check(kGreen, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Green) << result.detail;
    EXPECT_EQ(requests(), 2);
}

TEST_F(HealthCodeTest, NothingListeningIsUnreachableQuickly) {
    RefusingPort nobody;
    HealthCodeService service(options(nobody.baseUrl()));
    const auto start = Clock::now();
    const auto answer = service.check(kGreen, m_now);
    const auto took = since(start);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::Unreachable) << describe(answer);
    EXPECT_EQ(answer.error().http, HttpError::Kind::ConnectFailed);
    EXPECT_LT(took, 500ms);

    const HealthCodeCheck result = checker(options(nobody.baseUrl())).check(kGreen, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Unavailable);
}

TEST_F(HealthCodeTest, StatusNotUpdatedForTwoDaysIsStale) {
    HealthCodeService service(options());
    const auto answer = service.check(kStale, m_now);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::Stale) << describe(answer);

    const HealthCodeCheck result = checker().check(kStale, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Unavailable);
    EXPECT_NE(result.detail.find("stale"), std::string::npos) << result.detail;
    EXPECT_NE(result.detail.find("48 h"), std::string::npos) << result.detail;
}

TEST_F(HealthCodeTest, StatusUpdatedInTheFutureIsStale) {
    HealthCodeService service(options());
    const auto answer = service.check(kFuture, m_now);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::Stale) << describe(answer);
}

TEST_F(HealthCodeTest, MaxStatusAgeIsConfigurable) {
    auto relaxed = options();
    relaxed.maxStatusAge = std::chrono::hours{72};
    HealthCodeService lenient(relaxed);
    EXPECT_TRUE(lenient.check(kStale, m_now));

    auto strict = options();
    strict.maxStatusAge = std::chrono::minutes{30};
    HealthCodeService picky(strict);
    const auto answer = picky.check(kGreen, m_now);  // updated an hour ago
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::Stale);
}

TEST_F(HealthCodeTest, CraftedAnswersThatBreakTheSchemaAreMalformed) {
    CraftedServer crafted;
    HealthCodeService service(options(crafted.baseUrl()));

    // The unbroken answer passes, so each case below fails for its one change.
    crafted.answer(200, validAnswer(m_now).dump());
    ASSERT_TRUE(service.check(kGreen, m_now)) << describe(service.check(kGreen, m_now));

    const auto without = [&](const char* member) {
        json body = validAnswer(m_now);
        body.erase(member);
        return body.dump();
    };
    const auto with = [&](const char* member, json value) {
        json body = validAnswer(m_now);
        body[member] = std::move(value);
        return body.dump();
    };
    const std::pair<std::string, std::string> cases[] = {
        {"unmasked ID", with("masked_id", std::string(kResidentId))},
        {"ID with a mask but 9 digits in a row", with("masked_id", "110105194*******2X")},
        {"ID with 13 digits shown", with("masked_id", "110105**1231002X")},
        {"ID not a string", with("masked_id", 1101)},
        {"empty name", with("name", "")},
        {"name not a string", with("name", json::array({"张"}))},
        {"status missing", without("status")},
        {"name missing", without("name")},
        {"masked_id missing", without("masked_id")},
        {"updated_at missing", without("updated_at")},
        {"checked_at missing", without("checked_at")},
        {"status not a colour", with("status", "blue")},
        {"status in capitals", with("status", "GREEN")},
        {"status not a string", with("status", 1)},
        {"timestamp with an offset", with("updated_at", "2026-11-25T15:59:00+08:00")},
        {"timestamp without Z", with("checked_at", "2026-11-25T07:59:00")},
        {"timestamp as a number", with("updated_at", m_now)},
        {"impossible date", with("checked_at", "2026-02-30T07:59:00Z")},
        {"array body", "[1,2]"},
        {"not JSON", "<html>proxy login</html>"},
        {"empty body", ""},
    };
    for (const auto& [what, body] : cases) {
        SCOPED_TRACE(what);
        crafted.answer(200, body);
        const auto answer = service.check(kGreen, m_now);
        ASSERT_FALSE(answer) << "accepted: " << body;
        EXPECT_EQ(answer.error().kind, FailureKind::Malformed) << describe(answer);
        EXPECT_FALSE(answer.error().http);
    }

    // Through the checker, a malformed answer is a staff review, never a pass.
    crafted.answer(200, with("masked_id", std::string(kResidentId)));
    const HealthCodeCheck result = checker(options(crafted.baseUrl())).check(kGreen, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Unavailable);
    EXPECT_NE(result.detail.find("masked_id"), std::string::npos) << result.detail;
    EXPECT_EQ(result.detail.find(kResidentId), std::string::npos) << result.detail;
}

TEST_F(HealthCodeTest, AMalformedAnswerNamesTheBrokenMemberNotItsValue) {
    CraftedServer crafted;
    HealthCodeService service(options(crafted.baseUrl()));
    const auto with = [&](const char* member, json value) {
        json body = validAnswer(m_now);
        body[member] = std::move(value);
        return body.dump();
    };
    json noStatus = validAnswer(m_now);
    noStatus.erase("status");
    const std::pair<std::string, std::string> cases[] = {
        {noStatus.dump(), "\"status\" is missing"},
        {with("status", "blue"), "\"status\" is not green, yellow or red"},
        {with("name", json::array({"张"})), "\"name\" is not a string"},
        {with("name", std::string(kName) + "\n"),
         "\"name\" is empty, too long or has control characters"},
        {with("masked_id", std::string(kResidentId)), "\"masked_id\" is not a masked ID number"},
        {with("updated_at", "2026-11-25T24:00:00Z"),
         "\"updated_at\" is not an RFC 3339 UTC timestamp"},
        {with("checked_at", "2026-02-29T07:59:00Z"),
         "\"checked_at\" is not an RFC 3339 UTC timestamp"},
        {"[1,2]", "the body is not a JSON object"},
        {"<html>proxy login</html>", "the body is not JSON"},
    };
    for (const auto& [body, problem] : cases) {
        SCOPED_TRACE(body);
        crafted.answer(200, body);
        const auto answer = service.check(kGreen, m_now);
        ASSERT_FALSE(answer);
        EXPECT_EQ(answer.error().message,
                  service.host() + " answered with a malformed health-code status: " + problem);
    }
}

TEST_F(HealthCodeTest, OtherAnswersMapToRefusedOrMalformed) {
    CraftedServer crafted;
    HealthCodeService service(options(crafted.baseUrl()));
    const std::tuple<int, std::string, FailureKind> cases[] = {
        {400, R"({"error":"bad-request","message":"site must be a non-empty string"})",
         FailureKind::Refused},
        {403, "", FailureKind::Refused},
        {404, R"({"error":"not-found","message":"no route"})", FailureKind::Refused},
        {503, "", FailureKind::ServerError},
        {204, "", FailureKind::Malformed},
    };
    for (const auto& [status, body, kind] : cases) {
        SCOPED_TRACE(status);
        crafted.answer(status, body);
        const auto answer = service.check(kGreen, m_now);
        ASSERT_FALSE(answer);
        EXPECT_EQ(answer.error().kind, kind) << describe(answer);
    }
}

TEST_F(HealthCodeTest, CheckOverTlsWithTheSiteCa) {
    upstream::UpstreamOptions tls;
    tls.tlsCert = s_pki.serverCert;
    tls.tlsKey = s_pki.serverKey;
    const auto secure = startUpstream(tls);
    ASSERT_TRUE(secure);
    ASSERT_EQ(secure->baseUrl().rfind("https://", 0), 0u);

    auto trusted = options(secure->baseUrl());
    trusted.tls.caFile = s_pki.caCert.string();
    const HealthCodeCheck result = checker(trusted).check(kGreen, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Green) << result.detail;

    auto wrongCa = options(secure->baseUrl());
    wrongCa.tls.caFile = s_pki.otherCaCert.string();
    HealthCodeService service(wrongCa);
    const auto answer = service.check(kGreen, m_now);
    ASSERT_FALSE(answer);
    EXPECT_EQ(answer.error().kind, FailureKind::Unreachable) << describe(answer);
    EXPECT_EQ(answer.error().http, HttpError::Kind::TlsUnknownCa);
}

TEST_F(HealthCodeTest, NoServiceConfiguredIsUnavailable) {
    auto check = checker(std::nullopt);
    const HealthCodeCheck result = check.check(kGreen, m_now);
    EXPECT_EQ(result.status, HealthCodeStatus::Unavailable);
    EXPECT_EQ(result.form, "token");
    EXPECT_EQ(result.source, "none");
    EXPECT_NE(result.detail.find("no health-code service configured"), std::string::npos);
}

// --- routing by PayloadRules --------------------------------------------------------------

TEST_F(HealthCodeTest, ConfiguredUrlPrefixGoesToTheService) {
    auto check = checker();
    const HealthCodeCheck url = check.check(kUrlCode, m_now);
    EXPECT_EQ(url.status, HealthCodeStatus::Green) << url.detail;
    EXPECT_EQ(url.form, "url");
    EXPECT_EQ(url.source, "service");
    EXPECT_EQ(requests(), 1);

    // The same path on another host is no health code of this site, and is not sent anywhere.
    const HealthCodeCheck other = check.check("https://evil.example/v/SECRETQ2FmZQ", m_now);
    EXPECT_EQ(other.status, HealthCodeStatus::NotChecked);
    EXPECT_EQ(other.source, "none");
    EXPECT_EQ(other.form, "");
    EXPECT_EQ(requests(), 1);
}

TEST_F(HealthCodeTest, OtherPayloadsAreNotHealthCodes) {
    auto check = checker();
    const std::pair<std::string, std::string> cases[] = {
        {std::string(kResidentId), "an ID number"},
        {"VK1:T-0042", "an exit ticket"},
        {"81234567890123456789", "a drug trace code"},
        {"hello kiosk", "Not a health code"},
    };
    for (const auto& [text, expected] : cases) {
        SCOPED_TRACE(expected);
        const HealthCodeCheck result = check.check(text, m_now);
        EXPECT_EQ(result.status, HealthCodeStatus::NotChecked);
        EXPECT_EQ(result.source, "none");
        EXPECT_EQ(result.form, "");
        EXPECT_NE(result.detail.find(expected), std::string::npos) << result.detail;
        EXPECT_EQ(result.detail.find(text), std::string::npos) << result.detail;
        EXPECT_FALSE(result.online);
        EXPECT_FALSE(result.offline);
    }
    EXPECT_EQ(requests(), 0);
}

// --- signed (offline) codes ---------------------------------------------------------------

TEST_F(HealthCodeTest, ValidSignedCodesAreGreenBySignature) {
    auto check = checker(std::nullopt);  // offline: no service needed
    for (const JwsSigner* signer : {&*s_ed, &*s_es}) {
        SCOPED_TRACE(std::string(signer->algName()));
        const std::string token = signer->sign(claims("jti-" + signer->kid()));
        const HealthCodeCheck result = check.check(token, m_now);
        EXPECT_EQ(result.status, HealthCodeStatus::Green) << result.detail;
        EXPECT_EQ(result.source, "signature");
        EXPECT_EQ(result.form, "jws");
        ASSERT_TRUE(result.offline);
        EXPECT_EQ(result.offline->alg, signer->algName());
        EXPECT_EQ(result.offline->kid, signer->kid());
        EXPECT_FALSE(result.online);
    }
    EXPECT_EQ(m_replay.size(), 2u);
}

TEST_F(HealthCodeTest, SignedYellowAndRedPassThrough) {
    auto check = checker(std::nullopt);
    EXPECT_EQ(check.check(s_ed->sign(claims("y-1", "yellow")), m_now).status,
              HealthCodeStatus::Yellow);
    EXPECT_EQ(check.check(s_es->sign(claims("r-1", "red")), m_now).status, HealthCodeStatus::Red);
}

TEST_F(HealthCodeTest, ReplayedSignedCodeIsUnavailable) {
    auto check = checker(std::nullopt);
    const std::string token = s_ed->sign(claims("jti-once"));
    EXPECT_EQ(check.check(token, m_now).status, HealthCodeStatus::Green);

    const HealthCodeCheck again = check.check(token, m_now + 5);
    EXPECT_EQ(again.status, HealthCodeStatus::Unavailable);
    EXPECT_EQ(again.source, "signature");
    EXPECT_EQ(again.detail, "this code was already used at this site");

    // Another code of the same person is a new first use.
    EXPECT_EQ(check.check(s_ed->sign(claims("jti-twice")), m_now + 5).status,
              HealthCodeStatus::Green);
}

TEST_F(HealthCodeTest, ReplayedRedCodeStaysRed) {
    auto check = checker(std::nullopt);
    const std::string token = s_es->sign(claims("jti-red", "red"));
    EXPECT_EQ(check.check(token, m_now).status, HealthCodeStatus::Red);
    const HealthCodeCheck again = check.check(token, m_now);
    EXPECT_EQ(again.status, HealthCodeStatus::Red);
    EXPECT_EQ(again.detail, "this code was already used at this site");
}

TEST_F(HealthCodeTest, RefusedSignedCodesAreUnavailable) {
    auto check = checker(std::nullopt);
    const std::string good = s_ed->sign(claims("jti-good"));
    const std::size_t firstDot = good.find('.');
    const std::size_t secondDot = good.find('.', firstDot + 1);

    const std::string tampered =
        good.substr(0, firstDot + 1) +
        base64UrlEncode(std::string_view(claims("jti-good", "yellow").dump())) +
        good.substr(secondDot);
    const std::string noneHeader = base64UrlEncode(std::string_view(R"({"alg":"none"})"));
    const std::string algNone =
        noneHeader + "." + base64UrlEncode(std::string_view(claims("jti-none").dump())) + ".c2ln";

    using Refusal = OfflineCodeError::Kind;
    const std::tuple<std::string, std::string, Refusal> cases[] = {
        {"too old (a screenshot?)", s_ed->sign(claims("jti-old", "green", 600, 3600)),
         Refusal::TooOld},
        {"expired", s_es->sign(claims("jti-expired", "green", 400)), Refusal::Expired},
        {"tampered", tampered, Refusal::BadSignature},
        {"unknown key", s_stranger->sign(claims("jti-stranger")), Refusal::UnknownKey},
        {"alg none", algNone, Refusal::AlgNotAllowed},
        {"issued in the future", s_ed->sign(claims("jti-future", "green", -600)),
         Refusal::NotYetValid},
    };
    const JwksTrust keys = trust();
    for (const auto& [what, token, refusal] : cases) {
        SCOPED_TRACE(what);
        const auto offline = checkOfflineHealthCode(token, keys, m_now);
        ASSERT_FALSE(offline);
        EXPECT_EQ(offline.error().kind, refusal) << offline.error().message;

        const HealthCodeCheck result = check.check(token, m_now);
        EXPECT_EQ(result.detail, offline.error().message);
        EXPECT_EQ(result.form, "jws");
        EXPECT_EQ(result.status, HealthCodeStatus::Unavailable) << result.detail;
        EXPECT_EQ(result.source, "signature");
        EXPECT_FALSE(result.detail.empty());
        EXPECT_FALSE(result.offline);
    }
    // Refused codes never reach the replay cache: the real code still passes once.
    EXPECT_EQ(m_replay.size(), 0u);
    EXPECT_EQ(check.check(good, m_now).status, HealthCodeStatus::Green);
}

TEST_F(HealthCodeTest, SignedCodeWithoutTrustListOrReplayCacheIsUnavailable) {
    HealthCodeChecker noTrust(rules(), std::nullopt, std::nullopt, &m_replay);
    const HealthCodeCheck untrusted = noTrust.check(s_ed->sign(claims("jti-1")), m_now);
    EXPECT_EQ(untrusted.status, HealthCodeStatus::Unavailable);
    EXPECT_NE(untrusted.detail.find("no trust list"), std::string::npos) << untrusted.detail;

    HealthCodeChecker noCache(rules(), std::nullopt, trust(), nullptr);
    const HealthCodeCheck uncached = noCache.check(s_ed->sign(claims("jti-2")), m_now);
    EXPECT_EQ(uncached.status, HealthCodeStatus::Unavailable);
    EXPECT_NE(uncached.detail.find("no replay cache"), std::string::npos) << uncached.detail;
}

// --- personal data ------------------------------------------------------------------------

TEST_F(HealthCodeTest, NoMessageContainsTheScannedCodeOrTheHolder) {
    CraftedServer crafted;
    RefusingPort nobody;
    std::vector<std::string> messages;
    const auto collect = [&](HealthCodeChecker& check, std::string_view code) {
        const HealthCodeCheck result = check.check(code, m_now);
        EXPECT_EQ(result.status, HealthCodeStatus::Unavailable) << result.detail;
        messages.push_back(result.detail);
    };

    auto service = checker();
    collect(service, kUnknown);
    collect(service, kStale);
    setFaults({.status500 = 2});
    collect(service, kGreen);
    setFaults({.garbage = 1});
    collect(service, kUrlCode);
    setFaults({.drop = 2});
    collect(service, kGreen);

    auto down = checker(options(nobody.baseUrl()));
    collect(down, kGreen);

    // A service that echoes the code and the holder in its answers.
    auto echo = checker(options(crafted.baseUrl()));
    json echoed{{"error", std::string(kUnknown)}, {"message", "no code " + std::string(kUnknown)}};
    crafted.answer(404, echoed.dump());
    collect(echo, kUnknown);
    crafted.answer(400, echoed.dump());
    collect(echo, kUnknown);
    crafted.answer(500, echoed.dump());
    collect(echo, kUnknown);
    json unmasked = validAnswer(m_now);
    unmasked["masked_id"] = std::string(kResidentId);
    unmasked["code"] = std::string(kGreen);
    crafted.answer(200, unmasked.dump());
    collect(echo, kGreen);

    auto offline = checker(std::nullopt);
    collect(offline, s_ed->sign(claims("SECRET-old", "green", 600, 3600)));
    collect(offline, s_ed->sign(claims("SECRET-expired", "green", 600)));
    collect(offline, s_stranger->sign(claims("SECRET-stranger")));

    ASSERT_EQ(messages.size(), 13u);
    for (const std::string& message : messages) {
        EXPECT_FALSE(message.empty());
        EXPECT_EQ(message.find("SECRET"), std::string::npos) << message;
        EXPECT_EQ(message.find(kResidentId), std::string::npos) << message;
        EXPECT_EQ(message.find(kName), std::string::npos) << message;
        EXPECT_EQ(message.find("person-7f3a"), std::string::npos) << message;
    }
}

// --- latency ------------------------------------------------------------------------------

TEST_F(HealthCodeTest, MeasuresTheLatencyOfAnOnlineCheck) {
    auto check = checker();
    constexpr int kCalls = 50;
    std::vector<double> millis;
    for (int i = 0; i < kCalls; ++i) {
        const auto start = Clock::now();
        const HealthCodeCheck result = check.check(kGreen, m_now);
        const auto took = std::chrono::duration<double, std::milli>(Clock::now() - start);
        ASSERT_EQ(result.status, HealthCodeStatus::Green) << result.detail;
        millis.push_back(took.count());
    }
    EXPECT_EQ(requests(), kCalls);
    std::sort(millis.begin(), millis.end());
    const double median = (millis[kCalls / 2 - 1] + millis[kCalls / 2]) / 2;
    const double p90 = millis[kCalls * 9 / 10];
    std::cout << "[ latency  ] online health-code check against loopback upstream, " << kCalls
              << " calls: median " << median << " ms, p90 " << p90 << " ms, max " << millis.back()
              << " ms\n";
    RecordProperty("median_ms", std::to_string(median));
    EXPECT_LT(median, 500.0);  // loose: only catches something badly wrong
}

// --- helpers ------------------------------------------------------------------------------

// The contract in docs/ states every rule the kiosk applies to an answer: what the kiosk
// refuses, the documented schema refuses too (so the service's makers can check against it).
TEST(HealthCodeParsing, TheDocumentedSchemaStatesWhatTheKioskChecks) {
    auto schema = JsonSchema::load(std::filesystem::path(test::kSourceDir) / "docs" / "schemas" /
                                   "healthcode-verify-response.schema.json");
    ASSERT_TRUE(schema) << schema.error().message;
    const json good = validAnswer(1'795'593'540);
    ASSERT_TRUE(schema->validate(good)) << schema->validate(good).error().message;
    const auto with = [&](const char* member, json value) {
        json body = good;
        body[member] = std::move(value);
        return body;
    };
    const std::pair<const char*, json> refused[] = {
        {"unmasked ID", with("masked_id", std::string(kResidentId))},
        {"9 digits in a row", with("masked_id", "110105194*******2X")},
        {"13 digits shown", with("masked_id", "110105**1231002X")},
        {"a space in the ID", with("masked_id", "1101 **********123X")},
        {"ID longer than 32", with("masked_id", std::string(32, '*') + "1")},
        {"control character in the name", with("name", std::string(kName) + "\x07")},
        {"name longer than 128", with("name", std::string(129, 'x'))},
        {"status in capitals", with("status", "GREEN")},
        {"hour 24", with("updated_at", "2026-11-25T24:00:00Z")},
        {"month 13", with("checked_at", "2026-13-01T07:59:00Z")},
        {"before 1970", with("updated_at", "1969-12-31T23:59:59Z")},
        {"an offset", with("updated_at", "2026-11-25T15:59:00+08:00")},
    };
    for (const auto& [what, body] : refused) {
        auto found = schema->violations(body);
        ASSERT_TRUE(found) << found.error().message;
        EXPECT_FALSE(found->empty()) << what << ": the documented schema accepts it";
    }

    // What checking an answer costs, the schema compiled.
    constexpr int kRounds = 1000;
    const auto start = Clock::now();
    for (int i = 0; i < kRounds; ++i) {
        ASSERT_TRUE(schema->validate(good));
    }
    const auto took = std::chrono::duration<double, std::micro>(Clock::now() - start);
    std::cout << "[ timing   ] one health-code answer against its schema: "
              << took.count() / kRounds << " us\n";
}

TEST(HealthCodeParsing, Rfc3339UtcIsParsedStrictly) {
    EXPECT_EQ(parseRfc3339Utc("2026-11-25T07:59:00Z"), 1795593540);
    EXPECT_EQ(parseRfc3339Utc("2026-11-25T07:59:00.987Z"), 1795593540);
    EXPECT_EQ(parseRfc3339Utc("2024-02-29T23:59:59Z"), 1709251199);
    EXPECT_EQ(parseRfc3339Utc("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseRfc3339Utc("1970-01-01T00:00:60Z"), 60);  // a leap second
    for (const char* bad : {
             "",
             "2026-11-25T07:59:00z",
             "2026-11-25t07:59:00Z",
             "2026-11-25 07:59:00Z",
             "2026-11-25T07:59:00+00:00",
             "2026-11-25T07:59:00",
             "2026-11-25T07:59Z",
             "2026-11-25T07:59:00.Z",
             "2026-11-25T07:59:00.5.5Z",
             "2026-02-29T07:59:00Z",
             "2026-13-01T07:59:00Z",
             "2026-00-10T07:59:00Z",
             "2026-11-25T24:00:00Z",
             "2026-11-25T07:60:00Z",
             "2026-11-25T07:59:61Z",
             "1969-12-31T23:59:59Z",
             " 2026-11-25T07:59:00Z",
             "2026-11-25T07:59:00Z ",
             "+026-11-25T07:59:00Z",
             "2026-1a-25T07:59:00Z",
         }) {
        EXPECT_FALSE(parseRfc3339Utc(bad)) << bad;
    }
}

TEST(HealthCodeParsing, MaskedIdMustHideMostDigits) {
    for (const char* good : {"1101**********123X", "110***********123", "E12****78", "*"}) {
        EXPECT_TRUE(isMaskedId(good)) << good;
    }
    for (const char* bad : {
             "",
             "11010519491231002X",                 // not masked at all
             "110105194912310021",                 // not masked at all
             "110105194*******2X",                 // 9 digits in a row
             "11010519*1231002X",                  // 8 in a row, but 15 digits in all
             "1101 **********123X",                // a space
             "1101**********123X\n",               // a control character
             "1101——123X",                         // not ASCII
             "********************************1",  // longer than 32
         }) {
        EXPECT_FALSE(isMaskedId(bad)) << bad;
    }
}

TEST(HealthCodeParsing, MemoryReplayCacheForgetsCodesOnceExpired) {
    MemoryReplayCache cache;
    EXPECT_TRUE(cache.firstUse("a", 1000, 900));
    EXPECT_FALSE(cache.firstUse("a", 1000, 950));
    EXPECT_TRUE(cache.firstUse("b", 1000, 950));
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_TRUE(cache.firstUse("a", 2000, 1000));  // the first use expired at 1000
    EXPECT_EQ(cache.size(), 1u);
}

}  // namespace
}  // namespace vax
