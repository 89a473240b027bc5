#pragma once

// A property a fuzz target checks: when it fails, the process stops where libFuzzer (or the
// corpus replay) reports it as a crash, with the input that caused it.
namespace vax::fuzz {

inline void require(bool condition) {
    if (!condition) {
        __builtin_trap();
    }
}

}  // namespace vax::fuzz
