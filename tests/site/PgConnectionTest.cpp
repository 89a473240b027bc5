#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "site/SiteFixture.h"
#include "support/TempDir.h"
#include "support/TestCertificates.h"

namespace vax {
namespace {

using Clock = std::chrono::steady_clock;

class PgConnectionTest : public test::SiteDbTest {};

/// A loopback port whose kernel accepts the TCP connection and nobody ever answers: what a
/// hung server looks like to libpq.
class SilentListener {
public:
    SilentListener() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::listen(m_fd, 8);
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
    }
    ~SilentListener() { ::close(m_fd); }
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

TEST_F(PgConnectionTest, AServerThatNeverAnswersGivesUpAtTheConfiguredTimeout) {
    SilentListener silent;
    PgSettings s;
    s.uri = "postgresql://vaxdevice@127.0.0.1:" + std::to_string(silent.port()) + "/site";
    s.sslmode = "disable";
    s.connectTimeoutMs = 300;
    const auto started = Clock::now();
    auto conn = PgConnection::connect(s);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    ASSERT_FALSE(conn);
    EXPECT_EQ(conn.error().message, "site server did not answer within 300 ms");
    EXPECT_TRUE(conn.error().connectionLost);
    // libpq's own connect_timeout would have waited at least 2 s.
    EXPECT_LT(took.count(), 1500);
}

TEST_F(PgConnectionTest, NobodyListeningIsRefusedAtOnce) {
    PgSettings s;
    s.uri = "postgresql://vaxdevice@127.0.0.1:1/site";
    s.sslmode = "disable";
    auto conn = PgConnection::connect(s);
    ASSERT_FALSE(conn);
    EXPECT_NE(conn.error().message.find("site server: "), std::string::npos);
    EXPECT_NE(conn.error().message.find("refused"), std::string::npos) << conn.error().message;
}

TEST_F(PgConnectionTest, ErrorsCarryTheSqlStateAndNoValues) {
    PgConnection conn = connection();
    ASSERT_TRUE(conn.exec("CREATE TABLE t (k text PRIMARY KEY)"));
    ASSERT_TRUE(conn.exec("INSERT INTO t VALUES ($1)", pgParams("110101199003071234")));
    auto again = conn.exec("INSERT INTO t VALUES ($1)", pgParams("110101199003071234"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().sqlstate, "23505");
    EXPECT_FALSE(again.error().connectionLost);
    EXPECT_EQ(again.error().message.find("110101199003071234"), std::string::npos)
        << again.error().message;
}

TEST_F(PgConnectionTest, ATransactionNotCommittedIsRolledBack) {
    PgConnection conn = connection();
    ASSERT_TRUE(conn.exec("CREATE TABLE t (k int)"));
    {
        auto tx = PgTransaction::begin(conn);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(conn.exec("INSERT INTO t VALUES (1)"));
    }
    {
        auto tx = PgTransaction::begin(conn);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(conn.exec("INSERT INTO t VALUES (2)"));
        ASSERT_FALSE(conn.exec("INSERT INTO t VALUES ('x')"));
        auto commit = tx->commit();
        ASSERT_FALSE(commit);  // COMMIT of a failed transaction answers ROLLBACK
        EXPECT_EQ(commit.error().message, "site server: the transaction was rolled back");
    }
    auto rows = conn.exec("SELECT count(*) FROM t");
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->int64(0, 0), 0);
}

TEST_F(PgConnectionTest, ANotificationArrivesWithoutPolling) {
    PgConnection listener = connection();
    PgConnection sender = connection();
    ASSERT_TRUE(listener.listen("vax_calls"));
    ASSERT_TRUE(sender.exec("SELECT pg_notify('vax_calls', 'A001')"));
    auto got = listener.waitForNotifications(5000);
    ASSERT_TRUE(got) << got.error().message;
    ASSERT_EQ(got->size(), 1u);
    EXPECT_EQ((*got)[0].channel, "vax_calls");
    EXPECT_EQ((*got)[0].payload, "A001");
    auto none = listener.waitForNotifications(50);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

TEST_F(PgConnectionTest, VerifyFullChecksTheServerAgainstTheSiteCa) {
    test::TempDir dir;
    const test::TestPki pki = test::makeTestPki(dir.path());
    m_cluster->enableTls(pki.serverCert, pki.serverKey);

    PgSettings s = settingsFor("postgres");
    s.sslmode = "verify-full";
    s.sslRootCert = pki.caCert.string();
    auto good = PgConnection::connect(s);
    ASSERT_TRUE(good) << good.error().message;
    auto ssl = good->exec("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
    ASSERT_TRUE(ssl);
    EXPECT_TRUE(ssl->boolean(0, 0));

    s.sslRootCert = pki.otherCaCert.string();
    auto stranger = PgConnection::connect(s);
    ASSERT_FALSE(stranger);
    EXPECT_NE(stranger.error().message.find("certificate verify failed"), std::string::npos)
        << stranger.error().message;

    // A certificate of the site's CA for another host: verify-ca accepts it, verify-full not.
    m_cluster->enableTls(pki.wrongHostCert, pki.wrongHostKey);
    s.sslRootCert = pki.caCert.string();
    auto wrongHost = PgConnection::connect(s);
    ASSERT_FALSE(wrongHost);
    EXPECT_NE(wrongHost.error().message.find("does not match host name"), std::string::npos)
        << wrongHost.error().message;
    s.sslmode = "verify-ca";
    EXPECT_TRUE(PgConnection::connect(s));
}

TEST_F(PgConnectionTest, APasswordIsSentWhenTheServerAsksForOne) {
    m_cluster->psql("postgres",
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pwdevice')"
                    " THEN CREATE ROLE pwdevice LOGIN PASSWORD 'correct horse'; END IF; END $$;");
    m_cluster->requirePasswords();
    PgSettings s = settingsFor("pwdevice");
    auto none = PgConnection::connect(s);
    ASSERT_FALSE(none);
    s.password = "wrong";
    auto wrong = PgConnection::connect(s);
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().message.find("password authentication failed"), std::string::npos)
        << wrong.error().message;
    s.password = "correct horse";
    auto right = PgConnection::connect(s);
    EXPECT_TRUE(right) << right.error().message;
}

}  // namespace
}  // namespace vax
