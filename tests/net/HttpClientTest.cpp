#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "net/HttpClient.h"
#include "net/HttpWorker.h"
#include "support/TempDir.h"
#include "support/TestCertificates.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Kind = HttpError::Kind;

std::chrono::milliseconds since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::string describe(const Result<HttpResponse, HttpError>& result) {
    if (result) {
        return "HTTP " + std::to_string(result->status);
    }
    return std::string(httpErrorKindName(result.error().kind)) + ": " + result.error().message;
}

// Short waits so that retry tests take milliseconds, not seconds.
HttpRequest withQuickRetries(HttpRequest request) {
    request.retry.baseDelay = 5ms;
    request.retry.maxDelay = 20ms;
    return request;
}

// Opens when the test ends, so that handlers that play a slow server return then instead of
// holding up the server's shutdown (cpp-httplib joins its handler threads on stop()).
class Gate {
public:
    // False when the time ran out before the gate opened.
    bool waitFor(std::chrono::milliseconds limit) {
        std::unique_lock lock(m_mutex);
        return m_condition.wait_for(lock, limit, [&] { return m_open; });
    }
    void open() {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_condition.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_condition;
    bool m_open = false;
};

// A cpp-httplib server (plain or TLS) on 127.0.0.1 with an ephemeral port, on its own thread.
class LoopbackServer {
public:
    LoopbackServer(std::unique_ptr<httplib::Server> server, std::string scheme)
        : m_server(std::move(server)), m_scheme(std::move(scheme)) {
        if (!m_server->is_valid()) {
            throw std::runtime_error("test server: invalid (TLS files?)");
        }
        // Idle keep-alive connections would otherwise hold stop() up for the default 5 s.
        m_server->set_keep_alive_timeout(1);
    }
    ~LoopbackServer() {
        m_server->stop();
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    httplib::Server& routes() { return *m_server; }

    void start() {
        m_port = m_server->bind_to_any_port("127.0.0.1");
        if (m_port <= 0) {
            throw std::runtime_error("test server: cannot bind to 127.0.0.1");
        }
        m_thread = std::thread([this] { m_server->listen_after_bind(); });
        const auto deadline = Clock::now() + 5s;
        while (!m_server->is_running()) {
            if (Clock::now() > deadline) {
                throw std::runtime_error("test server: did not start");
            }
            std::this_thread::sleep_for(1ms);
        }
    }

    int port() const { return m_port; }
    std::string host() const { return "127.0.0.1:" + std::to_string(m_port); }
    std::string url(std::string_view path) const {
        return m_scheme + "://" + host() + std::string(path);
    }

private:
    std::unique_ptr<httplib::Server> m_server;
    std::string m_scheme;
    int m_port = 0;
    std::thread m_thread;
};

// A file descriptor closed at scope exit.
class Socket {
public:
    explicit Socket(int fd) : m_fd(fd) {}
    ~Socket() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

// A TCP socket bound to 127.0.0.1 on an ephemeral port and (unless `listen`) not listening:
// connecting to it is refused, and no one else can take the port while it is held.
int boundLoopbackSocket(int& port, bool listening) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        throw std::runtime_error("socket");
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        (listening && ::listen(fd, 16) != 0) ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(fd);
        throw std::runtime_error("bind/listen on 127.0.0.1");
    }
    port = ntohs(address.sin_port);
    return fd;
}

// A bare TCP server for answers no HTTP library would give: for each connection it reads the
// request head, writes `reply` as it is and closes the connection.
class RawServer {
public:
    explicit RawServer(std::string reply)
        : m_reply(std::move(reply)), m_listener(boundLoopbackSocket(m_port, true)) {
        m_thread = std::thread([this] { serve(); });
    }
    ~RawServer() {
        m_stop = true;
        m_thread.join();
    }
    RawServer(const RawServer&) = delete;
    RawServer& operator=(const RawServer&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/"; }
    int connections() const { return m_connections.load(); }

private:
    void serve() {
        while (!m_stop) {
            pollfd listener{m_listener.fd(), POLLIN, 0};
            if (::poll(&listener, 1, 20) <= 0) {
                continue;
            }
            Socket client(::accept4(m_listener.fd(), nullptr, nullptr, SOCK_CLOEXEC));
            if (client.fd() < 0) {
                continue;
            }
            ++m_connections;
            // Reading the whole head first matters: closing with unread input sends a reset
            // instead of the orderly close these tests are about.
            readHead(client.fd());
            std::size_t sent = 0;
            while (sent < m_reply.size()) {
                const ssize_t n =
                    ::send(client.fd(), m_reply.data() + sent, m_reply.size() - sent, MSG_NOSIGNAL);
                if (n <= 0) {
                    break;
                }
                sent += static_cast<std::size_t>(n);
            }
        }
    }

    static void readHead(int fd) {
        std::string head;
        char buffer[1024];
        while (head.find("\r\n\r\n") == std::string::npos) {
            pollfd client{fd, POLLIN, 0};
            if (::poll(&client, 1, 2000) <= 0) {
                return;
            }
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return;
            }
            head.append(buffer, static_cast<std::size_t>(n));
        }
    }

    std::string m_reply;
    int m_port = 0;
    Socket m_listener;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    std::thread m_thread;
};

class HttpClientTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // Nothing here may leave the machine: a proxy from the environment (libcurl honours
        // http_proxy and friends on purpose) must not see loopback traffic. Done before any
        // thread of these tests runs, as setenv is not thread-safe.
        for (const char* name :
             {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) {
            ::unsetenv(name);
        }
        ::setenv("no_proxy", "127.0.0.1,localhost", 1);
        ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
        s_dir = std::make_unique<test::TempDir>();
        s_pki = test::makeTestPki(s_dir->path());
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    // Slow handlers return now, before the servers (declared later) stop.
    void TearDown() override { m_gate.open(); }

    LoopbackServer& startServer(const std::function<void(httplib::Server&)>& routes) {
        return start(std::make_unique<httplib::Server>(), "http", routes);
    }

    LoopbackServer& startTlsServer(const std::filesystem::path& cert,
                                   const std::filesystem::path& key,
                                   const std::function<void(httplib::Server&)>& routes,
                                   const std::filesystem::path& clientCa = {}) {
        return start(std::make_unique<httplib::SSLServer>(
                         cert.c_str(), key.c_str(), clientCa.empty() ? nullptr : clientCa.c_str()),
                     "https", routes);
    }

    static TlsOptions trustTestCa() { return TlsOptions{s_pki.caCert.string(), "", ""}; }

    static void okRoute(httplib::Server& server) {
        server.Get("/", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("secure hello", "text/plain");
        });
    }

    static std::unique_ptr<test::TempDir> s_dir;
    static test::TestPki s_pki;
    Gate m_gate;

private:
    LoopbackServer& start(std::unique_ptr<httplib::Server> server, std::string scheme,
                          const std::function<void(httplib::Server&)>& routes) {
        auto& added = *m_servers.emplace_back(
            std::make_unique<LoopbackServer>(std::move(server), std::move(scheme)));
        routes(added.routes());
        added.start();
        return added;
    }

    std::vector<std::unique_ptr<LoopbackServer>> m_servers;
};

std::unique_ptr<test::TempDir> HttpClientTest::s_dir;
test::TestPki HttpClientTest::s_pki;

// --- plain HTTP ---------------------------------------------------------------------------

TEST_F(HttpClientTest, GetSendsHeadersAndReturnsStatusBodyAndLowerCasedHeaders) {
    auto& server = startServer([](httplib::Server& s) {
        s.Get("/hello", [](const httplib::Request& req, httplib::Response& res) {
            res.set_header("X-Reply", "for " + req.get_header_value("X-Kiosk-Id"));
            res.set_content("hello kiosk", "text/plain");
        });
    });
    HttpClient client;
    HttpRequest request = HttpRequest::get(server.url("/hello"));
    request.headers.emplace_back("X-Kiosk-Id", "k-7");

    const auto result = client.send(request);

    ASSERT_TRUE(result) << describe(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, "hello kiosk");
    EXPECT_EQ(result->attempts, 1);
    EXPECT_EQ(result->header("X-REPLY").value_or(""), "for k-7");
    EXPECT_EQ(result->header("content-type").value_or(""), "text/plain");
    EXPECT_FALSE(result->header("x-absent"));
    for (const auto& [name, value] : result->headers) {
        EXPECT_EQ(name.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos) << name;
    }
}

TEST_F(HttpClientTest, PostSendsBodyAndContentType) {
    auto& server = startServer([](httplib::Server& s) {
        s.Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
            res.set_header("X-Got-Type", req.get_header_value("Content-Type"));
            res.status = 201;
            res.set_content("got:" + req.body, "text/plain");
        });
    });
    HttpClient client;

    const auto result =
        client.send(HttpRequest::post(server.url("/echo"), R"({"dose":2})", "application/json"));

    ASSERT_TRUE(result) << describe(result);
    EXPECT_EQ(result->status, 201);
    EXPECT_EQ(result->body, R"(got:{"dose":2})");
    EXPECT_EQ(result->header("x-got-type").value_or(""), "application/json");
}

TEST_F(HttpClientTest, PutAndDeleteUseTheirMethods) {
    auto& server = startServer([](httplib::Server& s) {
        s.Put("/item", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content("put:" + req.body, "text/plain");
        });
        s.Delete("/item",
                 [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    });
    HttpClient client;
    HttpRequest put;
    put.method = "PUT";
    put.url = server.url("/item");
    put.body = "v2";
    HttpRequest remove;
    remove.method = "DELETE";
    remove.url = server.url("/item");

    const auto putResult = client.send(put);
    const auto deleteResult = client.send(remove);

    ASSERT_TRUE(putResult) << describe(putResult);
    EXPECT_EQ(putResult->body, "put:v2");
    ASSERT_TRUE(deleteResult) << describe(deleteResult);
    EXPECT_EQ(deleteResult->status, 204);
}

TEST_F(HttpClientTest, ReusesTheConnectionForTheNextRequest) {
    auto& server = startServer([](httplib::Server& s) {
        s.Get("/port", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content(std::to_string(req.remote_port), "text/plain");
        });
    });
    HttpClient client;

    const auto first = client.send(HttpRequest::get(server.url("/port")));
    const auto second = client.send(HttpRequest::get(server.url("/port")));

    ASSERT_TRUE(first) << describe(first);
    ASSERT_TRUE(second) << describe(second);
    EXPECT_EQ(first->body, second->body) << "a new connection (client port) for the second GET";
}

TEST_F(HttpClientTest, DoesNotFollowRedirects) {
    std::atomic<int> targetHits{0};
    auto& server = startServer([&](httplib::Server& s) {
        s.Get("/from",
              [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/to"); });
        s.Get("/to", [&](const httplib::Request&, httplib::Response& res) {
            ++targetHits;
            res.set_content("moved", "text/plain");
        });
    });
    HttpClient client;

    const auto result = client.send(HttpRequest::get(server.url("/from")));

    ASSERT_TRUE(result) << describe(result);
    EXPECT_EQ(result->status, 302);
    EXPECT_EQ(result->header("location").value_or(""), "/to");
    EXPECT_EQ(targetHits.load(), 0);
}

TEST_F(HttpClientTest, ServerErrorIsRetriedForIdempotentRequests) {
    std::atomic<int> hits{0};
    auto& server = startServer([&](httplib::Server& s) {
        s.Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
            if (++hits == 1) {
                res.status = 500;
                res.set_content("restarting", "text/plain");
                return;
            }
            res.set_content("ok", "text/plain");
        });
    });
    HttpClient client;

    const auto result = client.send(withQuickRetries(HttpRequest::get(server.url("/flaky"))));

    ASSERT_TRUE(result) << describe(result);
    EXPECT_EQ(result->body, "ok");
    EXPECT_EQ(result->attempts, 2);
    EXPECT_EQ(hits.load(), 2);
}

TEST_F(HttpClientTest, ServerErrorIsNotRetriedForPlainPost) {
    std::atomic<int> hits{0};
    auto& server = startServer([&](httplib::Server& s) {
        s.Post("/records", [&](const httplib::Request&, httplib::Response& res) {
            ++hits;
            res.status = 500;
            res.set_content("upstream broke", "text/plain");
        });
    });
    HttpClient client;

    const auto result = client.send(withQuickRetries(
        HttpRequest::post(server.url("/records"), "SECRET-PERSONAL-DATA", "text/plain")));

    ASSERT_FALSE(result);
    const HttpError& error = result.error();
    EXPECT_EQ(error.kind, Kind::HttpStatus) << describe(result);
    EXPECT_EQ(error.status, 500);
    EXPECT_EQ(error.attempts, 1);
    EXPECT_EQ(hits.load(), 1);
    EXPECT_TRUE(error.retryable());
    EXPECT_FALSE(error.permanent());
    EXPECT_NE(error.message.find(server.host()), std::string::npos) << error.message;
    EXPECT_NE(error.message.find("500"), std::string::npos) << error.message;
    EXPECT_NE(error.message.find("upstream broke"), std::string::npos) << error.message;
    EXPECT_EQ(error.message.find("SECRET"), std::string::npos) << error.message;
}

TEST_F(HttpClientTest, PostMarkedIdempotentIsRetried) {
    std::atomic<int> hits{0};
    auto& server = startServer([&](httplib::Server& s) {
        s.Post("/records", [&](const httplib::Request&, httplib::Response& res) {
            res.status = ++hits == 1 ? 503 : 200;
        });
    });
    HttpClient client;
    HttpRequest request =
        withQuickRetries(HttpRequest::post(server.url("/records"), "{}", "application/json"));
    request.headers.emplace_back("Idempotency-Key", "9f1c");
    request.idempotent = true;

    const auto result = client.send(request);

    ASSERT_TRUE(result) << describe(result);
    EXPECT_EQ(result->attempts, 2);
    EXPECT_EQ(hits.load(), 2);
}

TEST_F(HttpClientTest, NotFoundIsPermanentAndNotRetried) {
    std::atomic<int> hits{0};
    const std::string body = "no such code\n\x01\x02<p>\t details</p>" + std::string(400, 'x');
    auto& server = startServer([&](httplib::Server& s) {
        s.Get("/codes/1", [&](const httplib::Request&, httplib::Response& res) {
            ++hits;
            res.status = 404;
            res.set_content(body, "text/html");
        });
    });
    HttpClient client;

    const auto result = client.send(withQuickRetries(HttpRequest::get(server.url("/codes/1"))));

    ASSERT_FALSE(result);
    const HttpError& error = result.error();
    EXPECT_EQ(error.kind, Kind::HttpStatus) << describe(result);
    EXPECT_EQ(error.status, 404);
    EXPECT_TRUE(error.permanent());
    EXPECT_FALSE(error.retryable());
    EXPECT_EQ(error.attempts, 1);
    EXPECT_EQ(hits.load(), 1);
    EXPECT_EQ(error.body, body);
    const std::string prefix = server.host() + " answered HTTP 404: ";
    ASSERT_EQ(error.message.rfind(prefix, 0), 0u) << error.message;
    const std::string snippet = error.message.substr(prefix.size());
    EXPECT_EQ(snippet.size(), 200u);
    EXPECT_EQ(snippet.rfind("no such code <p> details</p>xxx", 0), 0u) << snippet;
    for (char c : snippet) {
        EXPECT_TRUE(c >= ' ' && c < 0x7f) << static_cast<int>(c);
    }
}

TEST_F(HttpClientTest, SlowServerTimesOutWithinTheTotalTimeout) {
    auto& server = startServer([&](httplib::Server& s) {
        s.Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
            m_gate.waitFor(10s);
            res.set_content("late", "text/plain");
        });
    });
    HttpClient client;
    HttpRequest request = HttpRequest::get(server.url("/slow"));  // default 2 s total
    request.retry.maxAttempts = 1;

    const auto started = Clock::now();
    const auto result = client.send(request);
    const auto elapsed = since(started);

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::Timeout) << describe(result);
    EXPECT_TRUE(result.error().retryable());
    EXPECT_NE(result.error().message.find(server.host()), std::string::npos);
    // Not before the 2 s the request allows; a client that ignored it would have waited for the
    // server's 10 s and succeeded. How close to 2 s it ends is net_bench's to measure.
    EXPECT_GE(elapsed, 1900ms);
}

TEST_F(HttpClientTest, RefusedConnectionIsConnectFailedAndRetried) {
    int port = 0;
    const Socket reserved(boundLoopbackSocket(port, false));
    HttpClient client;
    const std::string host = "127.0.0.1:" + std::to_string(port);

    const auto result = client.send(withQuickRetries(HttpRequest::get("http://" + host + "/")));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::ConnectFailed) << describe(result);
    EXPECT_TRUE(result.error().retryable());
    EXPECT_EQ(result.error().attempts, 3);
    EXPECT_NE(result.error().message.find(host), std::string::npos) << result.error().message;
}

TEST_F(HttpClientTest, ServerClosingMidBodyIsConnectionClosed) {
    RawServer server("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part of it");
    HttpClient client;

    const auto result = client.send(withQuickRetries(HttpRequest::get(server.url())));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::ConnectionClosed) << describe(result);
    EXPECT_TRUE(result.error().retryable());
    EXPECT_EQ(result.error().attempts, 3);
    EXPECT_EQ(server.connections(), 3);
}

TEST_F(HttpClientTest, ServerClosingMidHeaderIsConnectionClosed) {
    RawServer server("HTTP/1.1 200 OK\r\nContent-Ty");
    HttpClient client;
    HttpRequest request = HttpRequest::get(server.url());
    request.retry.maxAttempts = 1;

    const auto result = client.send(request);

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::ConnectionClosed) << describe(result);
}

TEST_F(HttpClientTest, ServerClosingWithoutAnswerIsConnectionClosed) {
    RawServer server("");
    HttpClient client;
    HttpRequest request = HttpRequest::get(server.url());
    request.retry.maxAttempts = 1;

    const auto result = client.send(request);

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::ConnectionClosed) << describe(result);
}

TEST_F(HttpClientTest, GarbageAnswerIsBadResponseAndNotRetried) {
    RawServer server(std::string("\x16\x03\x01 this is not HTTP at all\r\n\r\n"));
    HttpClient client;

    const auto result = client.send(withQuickRetries(HttpRequest::get(server.url())));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::BadResponse) << describe(result);
    EXPECT_FALSE(result.error().retryable());
    EXPECT_EQ(result.error().attempts, 1);
    EXPECT_EQ(server.connections(), 1);
}

TEST_F(HttpClientTest, MalformedStatusLineIsBadResponse) {
    RawServer server("HTTP/1.1 OK-ISH\r\n\r\n");
    HttpClient client;

    const auto result = client.send(withQuickRetries(HttpRequest::get(server.url())));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::BadResponse) << describe(result);
}

TEST_F(HttpClientTest, ResponseLargerThanTheLimitIsRefused) {
    auto& server = startServer([](httplib::Server& s) {
        s.Get("/big", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(64 * 1024, 'b'), "text/plain");
        });
    });
    HttpClient client;
    HttpRequest request = HttpRequest::get(server.url("/big"));
    request.maxResponseBytes = 1024;

    const auto result = client.send(request);

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::Other) << describe(result);
    EXPECT_NE(result.error().message.find("larger than 1024"), std::string::npos);
}

TEST_F(HttpClientTest, OnlyHttpAndHttpsUrlsAreAccepted) {
    HttpClient client;
    for (const char* url : {"ftp://127.0.0.1/file", "file:///etc/hostname", "not a url", ""}) {
        const auto result = client.send(HttpRequest::get(url));
        ASSERT_FALSE(result) << url;
        EXPECT_EQ(result.error().kind, Kind::Other) << url;
        EXPECT_EQ(result.error().attempts, 0) << url;
    }
}

TEST_F(HttpClientTest, HeaderInjectionIsRefusedBeforeSending) {
    HttpClient client;
    HttpRequest request = HttpRequest::get("http://127.0.0.1:9/");
    request.headers.emplace_back("X-Note", "a\r\nX-Evil: 1");

    const auto result = client.send(request);

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::Other);
    EXPECT_EQ(result.error().attempts, 0);
}

// --- TLS ----------------------------------------------------------------------------------

TEST_F(HttpClientTest, TlsWithTheTestCaSucceeds) {
    auto& server = startTlsServer(s_pki.serverCert, s_pki.serverKey, okRoute);
    HttpClient client(trustTestCa());

    const auto byAddress = client.send(HttpRequest::get(server.url("/")));
    const auto byName =
        client.send(HttpRequest::get("https://localhost:" + std::to_string(server.port()) + "/"));

    ASSERT_TRUE(byAddress) << describe(byAddress);
    EXPECT_EQ(byAddress->body, "secure hello");
    ASSERT_TRUE(byName) << describe(byName);
    EXPECT_EQ(byName->body, "secure hello");
}

TEST_F(HttpClientTest, TlsCertificateForAnotherHostIsHostMismatch) {
    auto& server = startTlsServer(s_pki.wrongHostCert, s_pki.wrongHostKey, okRoute);
    HttpClient client(trustTestCa());

    const auto result = client.send(withQuickRetries(HttpRequest::get(server.url("/"))));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::TlsHostMismatch) << describe(result);
    EXPECT_EQ(result.error().attempts, 1);
    EXPECT_NE(result.error().message.find(server.host()), std::string::npos);
}

TEST_F(HttpClientTest, TlsCertificateFromAnUnknownCaIsUnknownCa) {
    auto& server = startTlsServer(s_pki.serverCert, s_pki.serverKey, okRoute);
    HttpClient client(TlsOptions{s_pki.otherCaCert.string(), "", ""});

    const auto result = client.send(withQuickRetries(HttpRequest::get(server.url("/"))));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::TlsUnknownCa) << describe(result);
    EXPECT_EQ(result.error().attempts, 1);
}

TEST_F(HttpClientTest, TlsWithoutCaFileTrustsOnlyTheSystemStore) {
    auto& server = startTlsServer(s_pki.serverCert, s_pki.serverKey, okRoute);
    HttpClient client;

    const auto result = client.send(HttpRequest::get(server.url("/")));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::TlsUnknownCa) << describe(result);
}

TEST_F(HttpClientTest, TlsWithUnreadableCaFileIsTlsOther) {
    auto& server = startTlsServer(s_pki.serverCert, s_pki.serverKey, okRoute);
    HttpClient client(TlsOptions{(s_dir->path() / "missing.pem").string(), "", ""});

    const auto result = client.send(HttpRequest::get(server.url("/")));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::TlsOther) << describe(result);
}

TEST_F(HttpClientTest, TlsClientCertificateIsPresentedWhenRequired) {
    auto& server = startTlsServer(s_pki.serverCert, s_pki.serverKey, okRoute, s_pki.caCert);
    HttpClient client(
        TlsOptions{s_pki.caCert.string(), s_pki.clientCert.string(), s_pki.clientKey.string()});

    const auto result = client.send(HttpRequest::get(server.url("/")));

    ASSERT_TRUE(result) << describe(result);
    EXPECT_EQ(result->body, "secure hello");
}

TEST_F(HttpClientTest, TlsWithoutRequiredClientCertificateIsTlsErrorNotRetried) {
    auto& server = startTlsServer(s_pki.serverCert, s_pki.serverKey, okRoute, s_pki.caCert);
    HttpClient client(trustTestCa());

    const auto result = client.send(withQuickRetries(HttpRequest::get(server.url("/"))));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::TlsOther) << describe(result);
    EXPECT_EQ(result.error().attempts, 1);
}

TEST_F(HttpClientTest, TlsClientCertificateRefusedByTheServerIsTlsOther) {
    auto& server = startTlsServer(s_pki.serverCert, s_pki.serverKey, okRoute, s_pki.caCert);
    // Signed by the right CA but made for servers (extended key usage serverAuth only).
    HttpClient client(TlsOptions{s_pki.caCert.string(), s_pki.wrongHostCert.string(),
                                 s_pki.wrongHostKey.string()});

    const auto result = client.send(withQuickRetries(HttpRequest::get(server.url("/"))));

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::TlsOther) << describe(result);
    EXPECT_EQ(result.error().attempts, 1);
}

// --- cancel and backoff -------------------------------------------------------------------

TEST_F(HttpClientTest, CancelAbortsASlowTransferPromptly) {
    std::atomic<bool> arrived{false};
    auto& server = startServer([&](httplib::Server& s) {
        s.Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
            arrived = true;
            m_gate.waitFor(10s);
            res.set_content("late", "text/plain");
        });
        s.Get("/fast", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("fast", "text/plain");
        });
    });
    HttpClient client;
    HttpRequest slow = HttpRequest::get(server.url("/slow"));
    slow.totalTimeout = 10s;
    auto pending = std::async(std::launch::async, [&] { return client.send(slow); });
    const auto deadline = Clock::now() + 5s;
    while (!arrived && Clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
    }
    ASSERT_TRUE(arrived);

    const auto cancelledAt = Clock::now();
    client.cancel();
    const auto result = pending.get();
    const auto reaction = since(cancelledAt);

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::Cancelled) << describe(result);
    EXPECT_LT(reaction, 1s);
    EXPECT_TRUE(client.cancelled());
    const auto refused = client.send(HttpRequest::get(server.url("/fast")));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::Cancelled);
    EXPECT_EQ(refused.error().attempts, 0);

    client.resume();
    const auto again = client.send(HttpRequest::get(server.url("/fast")));
    ASSERT_TRUE(again) << describe(again);
    EXPECT_EQ(again->body, "fast");
}

TEST_F(HttpClientTest, CancelAbortsTheWaitBeforeARetry) {
    std::atomic<int> hits{0};
    auto& server = startServer([&](httplib::Server& s) {
        s.Get("/down", [&](const httplib::Request&, httplib::Response& res) {
            ++hits;
            res.status = 503;
        });
    });
    HttpClient client;
    HttpRequest request = HttpRequest::get(server.url("/down"));
    request.retry.baseDelay = 60s;  // the jittered wait is almost surely seconds long
    request.retry.maxDelay = 60s;
    auto pending = std::async(std::launch::async, [&] { return client.send(request); });
    const auto deadline = Clock::now() + 5s;
    while (hits.load() == 0 && Clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
    }
    std::this_thread::sleep_for(50ms);  // into the wait

    const auto cancelledAt = Clock::now();
    client.cancel();
    const auto result = pending.get();

    EXPECT_LT(since(cancelledAt), 1s);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::Cancelled) << describe(result);
    EXPECT_EQ(result.error().attempts, 1);
    EXPECT_EQ(hits.load(), 1);
}

TEST(RetryPolicyTest, CeilingDoublesFromTheBaseUpToTheCap) {
    const RetryPolicy policy;  // 100 ms doubling, at most 2 s
    EXPECT_EQ(backoffCeiling(policy, 1), 100ms);
    EXPECT_EQ(backoffCeiling(policy, 2), 200ms);
    EXPECT_EQ(backoffCeiling(policy, 3), 400ms);
    EXPECT_EQ(backoffCeiling(policy, 5), 1600ms);
    EXPECT_EQ(backoffCeiling(policy, 6), 2000ms);
    EXPECT_EQ(backoffCeiling(policy, 1000), 2000ms);
    EXPECT_EQ(backoffCeiling(RetryPolicy{3, 5s, 1s}, 1), 1s);
    EXPECT_EQ(backoffCeiling(RetryPolicy{3, -5ms, 1s}, 4), 0ms);
    EXPECT_EQ(backoffCeiling(RetryPolicy{3, 1ms, std::chrono::milliseconds::max()}, 200),
              std::chrono::milliseconds::max());
}

TEST(RetryPolicyTest, FullJitterDelaysSpreadOverZeroToTheCeiling) {
    const RetryPolicy policy;
    std::mt19937 rng(42);
    for (int retry = 1; retry <= 6; ++retry) {
        const auto ceiling = backoffCeiling(policy, retry);
        auto smallest = ceiling;
        auto largest = 0ms;
        for (int i = 0; i < 2000; ++i) {
            const auto delay = backoffDelay(policy, retry, rng);
            ASSERT_GE(delay, 0ms);
            ASSERT_LE(delay, ceiling);
            smallest = std::min(smallest, delay);
            largest = std::max(largest, delay);
        }
        EXPECT_LT(smallest, ceiling / 10) << "retry " << retry;
        EXPECT_GT(largest, ceiling * 9 / 10) << "retry " << retry;
    }
}

TEST_F(HttpClientTest, RetryWaitsFollowThePolicy) {
    std::mutex mutex;
    std::vector<Clock::time_point> hitTimes;
    auto& server = startServer([&](httplib::Server& s) {
        s.Get("/busy", [&](const httplib::Request&, httplib::Response& res) {
            std::lock_guard lock(mutex);
            hitTimes.push_back(Clock::now());
            res.status = 429;
        });
    });
    HttpClient client;
    HttpRequest request = HttpRequest::get(server.url("/busy"));
    request.retry = RetryPolicy{4, 200ms, 800ms};  // ceilings 200, 400, 800 ms

    const auto result = client.send(request);

    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, Kind::HttpStatus);
    EXPECT_EQ(result.error().status, 429);
    EXPECT_EQ(result.error().attempts, 4);
    std::lock_guard lock(mutex);
    ASSERT_EQ(hitTimes.size(), 4u);
    auto waited = 0ms;
    for (std::size_t i = 1; i < hitTimes.size(); ++i) {
        const auto gap =
            std::chrono::duration_cast<std::chrono::milliseconds>(hitTimes[i] - hitTimes[i - 1]);
        // Generous slack above the ceiling for a loaded machine; the exact bounds are checked
        // on backoffDelay itself.
        EXPECT_LE(gap, backoffCeiling(request.retry, static_cast<int>(i)) + 1500ms) << i;
        waited += gap;
    }
    // Full jitter may draw a wait near zero, but three draws summing to under 10 ms out of
    // 200 + 400 + 800 have a chance of about 1 in 100000: the client does wait.
    EXPECT_GE(waited, 10ms);
}

TEST(HttpErrorTest, RetryableAndPermanentFollowTheKindAndStatus) {
    const auto status = [](long code) {
        HttpError error;
        error.kind = Kind::HttpStatus;
        error.status = code;
        return error;
    };
    const auto kind = [](Kind k) {
        HttpError error;
        error.kind = k;
        return error;
    };
    for (Kind k : {Kind::Timeout, Kind::ConnectFailed, Kind::DnsFailed, Kind::ConnectionClosed}) {
        EXPECT_TRUE(kind(k).retryable()) << httpErrorKindName(k);
        EXPECT_FALSE(kind(k).permanent()) << httpErrorKindName(k);
    }
    for (Kind k : {Kind::TlsUnknownCa, Kind::TlsHostMismatch, Kind::TlsOther, Kind::BadResponse,
                   Kind::Cancelled, Kind::Other}) {
        EXPECT_FALSE(kind(k).retryable()) << httpErrorKindName(k);
        EXPECT_FALSE(kind(k).permanent()) << httpErrorKindName(k);
    }
    for (long code : {500L, 502L, 503L, 504L, 429L, 408L}) {
        EXPECT_TRUE(status(code).retryable()) << code;
        EXPECT_FALSE(status(code).permanent()) << code;
    }
    for (long code : {400L, 401L, 403L, 404L, 409L, 422L}) {
        EXPECT_FALSE(status(code).retryable()) << code;
        EXPECT_TRUE(status(code).permanent()) << code;
    }
}

TEST(HttpRequestTest, OnlySafeMethodsAreIdempotentUnlessTheCallerSaysSo) {
    HttpRequest request;
    EXPECT_TRUE(request.isIdempotent());
    for (const char* method : {"PUT", "DELETE", "HEAD"}) {
        request.method = method;
        EXPECT_TRUE(request.isIdempotent()) << method;
    }
    for (const char* method : {"POST", "PATCH"}) {
        request.method = method;
        EXPECT_FALSE(request.isIdempotent()) << method;
    }
    request.idempotent = true;
    EXPECT_TRUE(request.isIdempotent());
    request.method = "GET";
    request.idempotent = false;
    EXPECT_FALSE(request.isIdempotent());
}

// --- HttpWorker ---------------------------------------------------------------------------

TEST_F(HttpClientTest, WorkerRunsTwentyRequestsConcurrentlyAndDeliversAll) {
    std::atomic<int> inFlight{0};
    std::atomic<int> mostInFlight{0};
    auto& server = startServer([&](httplib::Server& s) {
        s.Get("/work", [&](const httplib::Request& req, httplib::Response& res) {
            const int now = ++inFlight;
            int seen = mostInFlight.load();
            while (now > seen && !mostInFlight.compare_exchange_weak(seen, now)) {
            }
            m_gate.waitFor(30ms);
            --inFlight;
            res.set_content(req.get_param_value("n"), "text/plain");
        });
    });
    std::mutex mutex;
    std::condition_variable allDone;
    std::multiset<std::string> bodies;
    int failures = 0;
    {
        HttpWorker worker(TlsOptions{}, 4);
        EXPECT_EQ(worker.threadCount(), 4u);
        for (int n = 0; n < 20; ++n) {
            worker.submit(HttpRequest::get(server.url("/work?n=" + std::to_string(n))),
                          [&](Result<HttpResponse, HttpError> result) {
                              std::lock_guard lock(mutex);
                              if (result) {
                                  bodies.insert(result->body);
                              } else {
                                  ++failures;
                              }
                              allDone.notify_all();
                          });
        }
        std::unique_lock lock(mutex);
        ASSERT_TRUE(allDone.wait_for(
            lock, 20s, [&] { return bodies.size() + static_cast<std::size_t>(failures) == 20; }));
    }
    EXPECT_EQ(failures, 0);
    std::multiset<std::string> expected;
    for (int n = 0; n < 20; ++n) {
        expected.insert(std::to_string(n));
    }
    EXPECT_EQ(bodies, expected);
    EXPECT_GE(mostInFlight.load(), 2) << "requests ran one after another";
}

TEST_F(HttpClientTest, WorkerFuturesDeliverResults) {
    auto& server = startServer([](httplib::Server& s) {
        s.Get("/n", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content("n=" + req.get_param_value("n"), "text/plain");
        });
    });
    HttpWorker worker;
    std::vector<std::future<HttpWorker::Outcome>> futures;
    for (int n = 0; n < 5; ++n) {
        futures.push_back(worker.submit(HttpRequest::get(server.url("/n?n=" + std::to_string(n)))));
    }
    for (int n = 0; n < 5; ++n) {
        ASSERT_EQ(futures[n].wait_for(10s), std::future_status::ready);
        const auto result = futures[n].get();
        ASSERT_TRUE(result) << describe(result);
        EXPECT_EQ(result->body, "n=" + std::to_string(n));
    }
}

TEST_F(HttpClientTest, WorkerDestructorCancelsInFlightAndQueuedRequests) {
    std::atomic<int> arrived{0};
    auto& server = startServer([&](httplib::Server& s) {
        s.Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
            ++arrived;
            m_gate.waitFor(10s);
            res.set_content("late", "text/plain");
        });
    });
    std::vector<std::future<HttpWorker::Outcome>> futures;
    auto worker = std::make_unique<HttpWorker>(TlsOptions{}, 1);
    for (int n = 0; n < 3; ++n) {
        HttpRequest request = HttpRequest::get(server.url("/slow"));
        request.totalTimeout = 10s;
        futures.push_back(worker->submit(std::move(request)));
    }
    const auto deadline = Clock::now() + 5s;
    while (arrived.load() == 0 && Clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
    }
    ASSERT_EQ(arrived.load(), 1);

    const auto stoppedAt = Clock::now();
    worker.reset();

    EXPECT_LT(since(stoppedAt), 1s);
    for (auto& future : futures) {
        ASSERT_EQ(future.wait_for(0s), std::future_status::ready);
        const auto result = future.get();
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().kind, Kind::Cancelled) << describe(result);
    }
    EXPECT_EQ(arrived.load(), 1);
}

}  // namespace
}  // namespace vax
