#include "net/HttpWorker.h"

#include <algorithm>
#include <exception>
#include <system_error>
#include <utility>

namespace vax {

namespace {

HttpError shutdownError(std::string message) {
    HttpError error;
    error.kind = HttpError::Kind::Cancelled;
    error.message = std::move(message);
    return error;
}

}  // namespace

HttpWorker::HttpWorker(TlsOptions tls, int threads) {
    const int count = std::max(1, threads);
    for (int i = 0; i < count; ++i) {
        m_clients.push_back(std::make_unique<HttpClient>(tls));
    }
    for (auto& client : m_clients) {
        try {
            m_threads.emplace_back([this, raw = client.get()] { run(*raw); });
        } catch (const std::system_error&) {
            // Out of threads: run with the ones that started; submit() answers at once when
            // none did, instead of throwing into the caller.
            break;
        }
    }
}

HttpWorker::~HttpWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    // Cancelling is sticky, so the queued requests each fail at once with Cancelled and the
    // threads drain the queue quickly, calling every callback.
    for (auto& client : m_clients) {
        client->cancel();
    }
    m_wake.notify_all();
    for (auto& thread : m_threads) {
        thread.join();
    }
    // Only when no thread ever started can jobs be left over.
    for (auto& job : m_queue) {
        deliver(job.done, shutdownError("The request was cancelled: the HTTP worker stopped"));
    }
}

void HttpWorker::submit(HttpRequest request, Done done) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping && !m_threads.empty()) {
            m_queue.push_back(Job{std::move(request), std::move(done)});
            m_wake.notify_one();
            return;
        }
    }
    // A callback that submits again while the worker shuts down, or no thread to run it.
    deliver(done, shutdownError(m_threads.empty()
                                    ? "The request was not sent: no HTTP worker thread"
                                    : "The request was cancelled: the HTTP worker stopped"));
}

std::future<HttpWorker::Outcome> HttpWorker::submit(HttpRequest request) {
    // std::function needs a copyable callable, hence the shared promise.
    auto promise = std::make_shared<std::promise<Outcome>>();
    auto future = promise->get_future();
    submit(std::move(request),
           [promise](Outcome outcome) { promise->set_value(std::move(outcome)); });
    return future;
}

void HttpWorker::run(HttpClient& client) {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) {
                return;  // stopping, and nothing left to answer
            }
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        deliver(job.done, client.send(job.request));
    }
}

void HttpWorker::deliver(Done& done, Outcome outcome) noexcept {
    if (!done) {
        return;
    }
    try {
        done(std::move(outcome));
    } catch (...) {
        // An exception leaving a worker thread would call std::terminate and take the kiosk
        // down; the callback owns its errors.
    }
}

}  // namespace vax
