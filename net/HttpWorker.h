#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/Result.h"
#include "net/HttpClient.h"

namespace vax {

/// Sends requests off the caller's (UI) thread: a small pool of threads, each with its own
/// HttpClient (and so its own open connections). Requests start in submission order; with
/// more than one thread they may finish in any order.
class HttpWorker {
public:
    using Outcome = Result<HttpResponse, HttpError>;
    using Done = std::function<void(Outcome)>;

    /// Starts `threads` worker threads (at least one) whose clients use `tls`.
    explicit HttpWorker(TlsOptions tls = {}, int threads = 2);

    /// Cancels the transfers in flight, answers every request still queued with Cancelled,
    /// and joins the threads. Returns promptly even when a server hangs.
    ~HttpWorker();

    HttpWorker(const HttpWorker&) = delete;
    HttpWorker& operator=(const HttpWorker&) = delete;

    /// Queues `request`; `done` is called with the outcome on a worker thread (post back to the
    /// UI thread from there). Called exactly once, also when the worker shuts down first.
    void submit(HttpRequest request, Done done);

    /// Queues `request`; the future becomes ready with the outcome (Cancelled when the worker
    /// shuts down first, never a broken promise).
    std::future<Outcome> submit(HttpRequest request);

    /// Number of worker threads running.
    std::size_t threadCount() const noexcept { return m_threads.size(); }

private:
    struct Job {
        HttpRequest request;
        Done done;
    };

    void run(HttpClient& client);  // runs on a worker thread
    static void deliver(Done& done, Outcome outcome) noexcept;

    std::vector<std::unique_ptr<HttpClient>> m_clients;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;  // guarded by m_mutex
    bool m_stopping = false;  // guarded by m_mutex
};

}  // namespace vax
