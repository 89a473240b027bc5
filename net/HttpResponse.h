#pragma once

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vax {

/// A response with a status below 400 (HttpClient::send turns 4xx and 5xx into an HttpError).
struct HttpResponse {
    long status = 0;   ///< 200, 204, 304, ... (redirects are not followed: 3xx arrive here)
    std::string body;  ///< the raw body (no content decoding)
    /// Header fields of the final response in arrival order, names lower-cased, values trimmed.
    std::vector<std::pair<std::string, std::string>> headers;
    std::chrono::milliseconds elapsed{0};  ///< the whole send(): all attempts and waits
    int attempts = 0;                      ///< tries it took, 1 when the first one answered

    /// The first value of header `name` (any case); nothing when absent. The view points into
    /// this response.
    std::optional<std::string_view> header(std::string_view name) const {
        const auto lower = [](char c) {
            return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        };
        for (const auto& [key, value] : headers) {
            if (std::equal(key.begin(), key.end(), name.begin(), name.end(),
                           [&](char stored, char asked) { return stored == lower(asked); })) {
                return std::string_view(value);
            }
        }
        return std::nullopt;
    }
};

}  // namespace vax
