#pragma once

#include <string_view>

// The codes of the demos' one fictional resident and one vaccine pack. vaxctl demo-media draws
// them into the replayed camera video at build time; the app's demo seeds its upstream with
// the health code and finds the resident by the e-ID. One place, so the pictures and the
// services agree.
namespace vax {

/// The resident's electronic ID, as her phone shows it (a valid check digit).
inline constexpr std::string_view kDemoResidentIdCode = "EID:110105198503121234";
/// Her health-code link, checked with the online service: unlike a signed code it may be
/// shown again and again, so a looping video can carry it.
inline constexpr std::string_view kDemoOnlineHealthCode = "https://hc.example.gov.cn/v/DEMO0000001";
/// A vaccine pack's trace code (printed as Code 128).
inline constexpr std::string_view kDemoTraceCode = "86123450000000012345";
/// The same kind of pack labelled the GS1 way (printed as a DataMatrix).
inline constexpr std::string_view kDemoGs1PackCode =
    "(01)02001234000017(17)271231(10)A2026B(21)0000123";

}  // namespace vax
