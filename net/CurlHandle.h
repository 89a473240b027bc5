#pragma once

// Internal to vaxnet: move-only owners of libcurl handles. libcurl is a private dependency of
// vaxnet, so only vaxnet's .cpp files include this header.

#include <curl/curl.h>

#include <string>
#include <utility>

namespace vax {

/// Runs curl_global_init once per process, before the first handle is made (std::call_once:
/// curl_global_init itself is not thread-safe). Returns the code of that one call.
/// curl_global_cleanup is never called: other code in the process (OpenSSL users, a second
/// client) may still need the library, and it is not thread-safe either.
CURLcode curlGlobalInit() noexcept;

/// Move-only owner of a CURL easy handle.
class CurlEasy {
public:
    /// A new handle, after curlGlobalInit(); an empty one (false) when libcurl cannot make it.
    static CurlEasy create() noexcept;

    CurlEasy() noexcept = default;
    CurlEasy(CurlEasy&& other) noexcept : m_handle(std::exchange(other.m_handle, nullptr)) {}
    CurlEasy& operator=(CurlEasy&& other) noexcept;
    CurlEasy(const CurlEasy&) = delete;
    CurlEasy& operator=(const CurlEasy&) = delete;
    ~CurlEasy();

    /// True when a handle is held.
    explicit operator bool() const noexcept { return m_handle != nullptr; }
    /// The handle, still owned by this object.
    CURL* get() const noexcept { return m_handle; }

    /// Sets one option and returns libcurl's verdict, which callers must check.
    template <class T>
    [[nodiscard]] CURLcode set(CURLoption option, T value) noexcept {
        return curl_easy_setopt(m_handle, option, value);
    }

    /// Back to default options. Keeps what makes the next request fast: live connections (in
    /// the multi handle it was attached to), the DNS and TLS session caches.
    void resetOptions() noexcept;

private:
    explicit CurlEasy(CURL* handle) noexcept : m_handle(handle) {}
    CURL* m_handle = nullptr;
};

/// Move-only owner of a CURLM multi handle. It holds the connection cache of the transfers
/// run through it, so keeping it alive keeps connections open for reuse.
class CurlMulti {
public:
    /// A new handle, after curlGlobalInit(); an empty one (false) when libcurl cannot make it.
    static CurlMulti create() noexcept;

    CurlMulti() noexcept = default;
    CurlMulti(CurlMulti&& other) noexcept : m_handle(std::exchange(other.m_handle, nullptr)) {}
    CurlMulti& operator=(CurlMulti&& other) noexcept;
    CurlMulti(const CurlMulti&) = delete;
    CurlMulti& operator=(const CurlMulti&) = delete;
    ~CurlMulti();

    /// True when a handle is held.
    explicit operator bool() const noexcept { return m_handle != nullptr; }
    /// The handle, still owned by this object.
    CURLM* get() const noexcept { return m_handle; }

    /// Makes a curl_multi_poll that is waiting (or the next one) return at once. Safe to call
    /// from any thread while another thread drives the transfers.
    void wakeup() const noexcept;

private:
    explicit CurlMulti(CURLM* handle) noexcept : m_handle(handle) {}
    CURLM* m_handle = nullptr;
};

/// Move-only owner of a curl_slist of header lines (CURLOPT_HTTPHEADER). The list must outlive
/// the transfer that uses it.
class CurlHeaderList {
public:
    CurlHeaderList() noexcept = default;
    CurlHeaderList(CurlHeaderList&& other) noexcept
        : m_list(std::exchange(other.m_list, nullptr)) {}
    CurlHeaderList& operator=(CurlHeaderList&& other) noexcept;
    CurlHeaderList(const CurlHeaderList&) = delete;
    CurlHeaderList& operator=(const CurlHeaderList&) = delete;
    ~CurlHeaderList();

    /// Appends one line ("Name: value"); false when out of memory (the list is unchanged).
    [[nodiscard]] bool append(const std::string& line) noexcept;
    /// The list for CURLOPT_HTTPHEADER; nullptr while empty.
    curl_slist* get() const noexcept { return m_list; }

private:
    curl_slist* m_list = nullptr;
};

}  // namespace vax
