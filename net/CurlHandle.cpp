#include "net/CurlHandle.h"

#include <mutex>
#include <type_traits>

namespace vax {

static_assert(!std::is_copy_constructible_v<CurlEasy> &&
              std::is_nothrow_move_constructible_v<CurlEasy>);
static_assert(!std::is_copy_constructible_v<CurlMulti> &&
              std::is_nothrow_move_constructible_v<CurlMulti>);
static_assert(!std::is_copy_constructible_v<CurlHeaderList> &&
              std::is_nothrow_move_constructible_v<CurlHeaderList>);

CURLcode curlGlobalInit() noexcept {
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
    return result;
}

CurlEasy CurlEasy::create() noexcept {
    if (curlGlobalInit() != CURLE_OK) {
        return CurlEasy{};
    }
    return CurlEasy{curl_easy_init()};
}

CurlEasy& CurlEasy::operator=(CurlEasy&& other) noexcept {
    if (this != &other) {
        if (m_handle != nullptr) {
            curl_easy_cleanup(m_handle);
        }
        m_handle = std::exchange(other.m_handle, nullptr);
    }
    return *this;
}

CurlEasy::~CurlEasy() {
    if (m_handle != nullptr) {
        curl_easy_cleanup(m_handle);
    }
}

void CurlEasy::resetOptions() noexcept {
    if (m_handle != nullptr) {
        curl_easy_reset(m_handle);
    }
}

CurlMulti CurlMulti::create() noexcept {
    if (curlGlobalInit() != CURLE_OK) {
        return CurlMulti{};
    }
    return CurlMulti{curl_multi_init()};
}

CurlMulti& CurlMulti::operator=(CurlMulti&& other) noexcept {
    if (this != &other) {
        if (m_handle != nullptr) {
            curl_multi_cleanup(m_handle);
        }
        m_handle = std::exchange(other.m_handle, nullptr);
    }
    return *this;
}

CurlMulti::~CurlMulti() {
    if (m_handle != nullptr) {
        curl_multi_cleanup(m_handle);
    }
}

void CurlMulti::wakeup() const noexcept {
    if (m_handle != nullptr) {
        curl_multi_wakeup(m_handle);
    }
}

CurlHeaderList& CurlHeaderList::operator=(CurlHeaderList&& other) noexcept {
    if (this != &other) {
        curl_slist_free_all(m_list);
        m_list = std::exchange(other.m_list, nullptr);
    }
    return *this;
}

CurlHeaderList::~CurlHeaderList() {
    curl_slist_free_all(m_list);
}

bool CurlHeaderList::append(const std::string& line) noexcept {
    // curl_slist_append returns nullptr on failure and leaves the old list intact, so the
    // result must not overwrite m_list unchecked.
    curl_slist* grown = curl_slist_append(m_list, line.c_str());
    if (grown == nullptr) {
        return false;
    }
    m_list = grown;
    return true;
}

}  // namespace vax
