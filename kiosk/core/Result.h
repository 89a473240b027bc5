#pragma once

#include <string>
#include <utility>
#include <variant>

namespace vax {

/// A failure at a library boundary: a message fit to show a person (no personal data).
struct Error {
    std::string message;
};

/// Empty value for results that carry no data on success.
struct Unit {};

/// Either a value or an error. Errors are values at library boundaries; no exceptions cross.
template <class T, class E = Error>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : m_value(std::in_place_index<1>, std::move(error)) {}

    /// True when the result holds a value.
    explicit operator bool() const noexcept { return m_value.index() == 0; }
    bool ok() const noexcept { return m_value.index() == 0; }

    T& value() & { return std::get<0>(m_value); }
    const T& value() const& { return std::get<0>(m_value); }
    T&& value() && { return std::get<0>(std::move(m_value)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const E& error() const& { return std::get<1>(m_value); }
    E&& error() && { return std::get<1>(std::move(m_value)); }

private:
    std::variant<T, E> m_value;
};

using Status = Result<Unit>;

inline Status okStatus() {
    return Unit{};
}

}  // namespace vax
