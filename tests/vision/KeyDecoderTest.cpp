#include "vision/KeyDecoder.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "support/InputEvents.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using test::KeyStream;

// Every code the decoder emits for a stream, in order.
std::vector<std::string> decodeAll(KeyDecoder& decoder, const std::vector<input_event>& events) {
    std::vector<std::string> codes;
    for (const input_event& event : events) {
        if (auto code = decoder.feed(event)) {
            codes.push_back(*code);
        }
    }
    return codes;
}

std::vector<std::string> decodeAll(const KeyStream& stream, KeyDecoderOptions options = {}) {
    KeyDecoder decoder(options);
    return decodeAll(decoder, stream.events());
}

struct Recorded {
    long sec;
    long usec;
    unsigned short type;
    unsigned short code;
    int value;
};

input_event toEvent(const Recorded& r) {
    input_event ev{};
    ev.input_event_sec = static_cast<decltype(ev.input_event_sec)>(r.sec);
    ev.input_event_usec = static_cast<decltype(ev.input_event_usec)>(r.usec);
    ev.type = r.type;
    ev.code = r.code;
    ev.value = r.value;
    return ev;
}

// "HC:abc123" + Enter as a keyboard-wedge scanner sends it (evtest layout: scan code, key,
// report); Shift is pressed around each upper-case letter and the colon.
constexpr Recorded kHealthCodeScan[] = {
    {1700000000, 100000, EV_MSC, MSC_SCAN, 0x700e1},
    {1700000000, 100000, EV_KEY, KEY_LEFTSHIFT, 1},
    {1700000000, 100000, EV_SYN, SYN_REPORT, 0},
    {1700000000, 100950, EV_MSC, MSC_SCAN, 0x7000b},
    {1700000000, 100950, EV_KEY, KEY_H, 1},
    {1700000000, 100950, EV_SYN, SYN_REPORT, 0},
    {1700000000, 101900, EV_MSC, MSC_SCAN, 0x7000b},
    {1700000000, 101900, EV_KEY, KEY_H, 0},
    {1700000000, 101900, EV_SYN, SYN_REPORT, 0},
    {1700000000, 102850, EV_MSC, MSC_SCAN, 0x70006},
    {1700000000, 102850, EV_KEY, KEY_C, 1},
    {1700000000, 102850, EV_SYN, SYN_REPORT, 0},
    {1700000000, 103800, EV_MSC, MSC_SCAN, 0x70006},
    {1700000000, 103800, EV_KEY, KEY_C, 0},
    {1700000000, 103800, EV_SYN, SYN_REPORT, 0},
    {1700000000, 104750, EV_MSC, MSC_SCAN, 0x70033},
    {1700000000, 104750, EV_KEY, KEY_SEMICOLON, 1},
    {1700000000, 104750, EV_SYN, SYN_REPORT, 0},
    {1700000000, 105700, EV_MSC, MSC_SCAN, 0x70033},
    {1700000000, 105700, EV_KEY, KEY_SEMICOLON, 0},
    {1700000000, 105700, EV_SYN, SYN_REPORT, 0},
    {1700000000, 106650, EV_MSC, MSC_SCAN, 0x700e1},
    {1700000000, 106650, EV_KEY, KEY_LEFTSHIFT, 0},
    {1700000000, 106650, EV_SYN, SYN_REPORT, 0},
    {1700000000, 107600, EV_MSC, MSC_SCAN, 0x70004},
    {1700000000, 107600, EV_KEY, KEY_A, 1},
    {1700000000, 107600, EV_SYN, SYN_REPORT, 0},
    {1700000000, 108550, EV_MSC, MSC_SCAN, 0x70004},
    {1700000000, 108550, EV_KEY, KEY_A, 0},
    {1700000000, 108550, EV_SYN, SYN_REPORT, 0},
    {1700000000, 109500, EV_MSC, MSC_SCAN, 0x70005},
    {1700000000, 109500, EV_KEY, KEY_B, 1},
    {1700000000, 109500, EV_SYN, SYN_REPORT, 0},
    {1700000000, 110450, EV_MSC, MSC_SCAN, 0x70005},
    {1700000000, 110450, EV_KEY, KEY_B, 0},
    {1700000000, 110450, EV_SYN, SYN_REPORT, 0},
    {1700000000, 111400, EV_MSC, MSC_SCAN, 0x70006},
    {1700000000, 111400, EV_KEY, KEY_C, 1},
    {1700000000, 111400, EV_SYN, SYN_REPORT, 0},
    {1700000000, 112350, EV_MSC, MSC_SCAN, 0x70006},
    {1700000000, 112350, EV_KEY, KEY_C, 0},
    {1700000000, 112350, EV_SYN, SYN_REPORT, 0},
    {1700000000, 113300, EV_MSC, MSC_SCAN, 0x7001e},
    {1700000000, 113300, EV_KEY, KEY_1, 1},
    {1700000000, 113300, EV_SYN, SYN_REPORT, 0},
    {1700000000, 114250, EV_MSC, MSC_SCAN, 0x7001e},
    {1700000000, 114250, EV_KEY, KEY_1, 0},
    {1700000000, 114250, EV_SYN, SYN_REPORT, 0},
    {1700000000, 115200, EV_MSC, MSC_SCAN, 0x7001f},
    {1700000000, 115200, EV_KEY, KEY_2, 1},
    {1700000000, 115200, EV_SYN, SYN_REPORT, 0},
    {1700000000, 116150, EV_MSC, MSC_SCAN, 0x7001f},
    {1700000000, 116150, EV_KEY, KEY_2, 0},
    {1700000000, 116150, EV_SYN, SYN_REPORT, 0},
    {1700000000, 117100, EV_MSC, MSC_SCAN, 0x70020},
    {1700000000, 117100, EV_KEY, KEY_3, 1},
    {1700000000, 117100, EV_SYN, SYN_REPORT, 0},
    {1700000000, 118050, EV_MSC, MSC_SCAN, 0x70020},
    {1700000000, 118050, EV_KEY, KEY_3, 0},
    {1700000000, 118050, EV_SYN, SYN_REPORT, 0},
    {1700000000, 119000, EV_MSC, MSC_SCAN, 0x70028},
    {1700000000, 119000, EV_KEY, KEY_ENTER, 1},
    {1700000000, 119000, EV_SYN, SYN_REPORT, 0},
    {1700000000, 119950, EV_MSC, MSC_SCAN, 0x70028},
    {1700000000, 119950, EV_KEY, KEY_ENTER, 0},
    {1700000000, 119950, EV_SYN, SYN_REPORT, 0},
};

TEST(KeyDecoderTest, RecordedScanWithShiftGivesOneCodeAtEnter) {
    KeyDecoder decoder;
    std::vector<std::pair<std::size_t, std::string>> emitted;
    for (std::size_t i = 0; i < std::size(kHealthCodeScan); ++i) {
        if (auto code = decoder.feed(toEvent(kHealthCodeScan[i]))) {
            emitted.emplace_back(i, *code);
        }
    }
    ASSERT_EQ(emitted.size(), 1u);
    EXPECT_EQ(emitted[0].second, "HC:abc123");
    const Recorded& at = kHealthCodeScan[emitted[0].first];
    EXPECT_EQ(at.code, KEY_ENTER);
    EXPECT_EQ(at.value, 1);  // on the press, not waiting for the release
    EXPECT_EQ(decoder.stats().codes, 1u);
    EXPECT_EQ(decoder.stats().unknownKeys, 0u);
}

TEST(KeyDecoderTest, UnshiftedSymbolKeysFollowTheUsLayout) {
    KeyStream s;
    s.taps({KEY_MINUS, KEY_EQUAL, KEY_LEFTBRACE, KEY_RIGHTBRACE, KEY_SEMICOLON, KEY_APOSTROPHE,
            KEY_GRAVE, KEY_BACKSLASH, KEY_COMMA, KEY_DOT, KEY_SLASH, KEY_SPACE, KEY_0, KEY_9})
        .enter();
    EXPECT_EQ(decodeAll(s), std::vector<std::string>{"-=[];'`\\,./ 09"});
}

TEST(KeyDecoderTest, ShiftGivesUpperCaseAndShiftedSymbols) {
    KeyStream s;
    s.press(KEY_RIGHTSHIFT)
        .taps({KEY_Q,          KEY_Z,         KEY_1,          KEY_2,     KEY_3,
               KEY_4,          KEY_5,         KEY_6,          KEY_7,     KEY_8,
               KEY_9,          KEY_0,         KEY_MINUS,      KEY_EQUAL, KEY_LEFTBRACE,
               KEY_RIGHTBRACE, KEY_SEMICOLON, KEY_APOSTROPHE, KEY_GRAVE, KEY_BACKSLASH,
               KEY_COMMA,      KEY_DOT,       KEY_SLASH})
        .release(KEY_RIGHTSHIFT)
        .tap(KEY_Q)
        .enter();
    EXPECT_EQ(decodeAll(s), std::vector<std::string>{"QZ!@#$%^&*()_+{}:\"~|<>?q"});
}

TEST(KeyDecoderTest, ShiftStaysWhileEitherShiftKeyIsHeld) {
    KeyStream s;
    s.press(KEY_LEFTSHIFT)
        .press(KEY_RIGHTSHIFT)
        .release(KEY_LEFTSHIFT)
        .tap(KEY_A)  // right shift still down
        .release(KEY_RIGHTSHIFT)
        .tap(KEY_A)
        .enter();
    EXPECT_EQ(decodeAll(s), std::vector<std::string>{"Aa"});
}

TEST(KeyDecoderTest, KeypadDigitsAndOperatorsAndKeypadEnter) {
    KeyStream s;
    s.taps({KEY_KP1, KEY_KP2, KEY_KP3, KEY_KP4, KEY_KP5, KEY_KP6, KEY_KP7, KEY_KP8, KEY_KP9,
            KEY_KP0, KEY_KPDOT, KEY_KPPLUS, KEY_KPMINUS, KEY_KPASTERISK, KEY_KPSLASH})
        .tap(KEY_KPENTER);
    EXPECT_EQ(decodeAll(s), std::vector<std::string>{"1234567890.+-*/"});
}

TEST(KeyDecoderTest, NumLockPressedByTheScannerIsNotText) {
    KeyStream s;
    s.tap(KEY_NUMLOCK).taps({KEY_KP4, KEY_KP2}).tap(KEY_NUMLOCK).enter();
    KeyDecoder decoder;
    EXPECT_EQ(decodeAll(decoder, s.events()), std::vector<std::string>{"42"});
    EXPECT_EQ(decoder.stats().unknownKeys, 0u);
}

TEST(KeyDecoderTest, Gs1ElementStringWithCtrlRightBraceAsGroupSeparator) {
    // (01)09501101530003 (17)261231 (10)AB12 GS (21)XY7, FNC1 sent as Ctrl+]
    KeyStream s;
    s.digits("010950110153000317261231")
        .digits("10")
        .shifted(KEY_A)
        .shifted(KEY_B)
        .digits("12")
        .ctrl(KEY_RIGHTBRACE)
        .digits("21")
        .shifted(KEY_X)
        .shifted(KEY_Y)
        .digits("7")
        .enter();
    EXPECT_EQ(decodeAll(s), std::vector<std::string>{"010950110153000317261231"
                                                     "10AB12\x1d"
                                                     "21XY7"});
}

TEST(KeyDecoderTest, RightCtrlWorksTooAndReleasingCtrlEndsIt) {
    KeyStream s;
    s.digits("1").press(KEY_RIGHTCTRL).tap(KEY_RIGHTBRACE).release(KEY_RIGHTCTRL);
    s.tap(KEY_RIGHTBRACE).enter();
    EXPECT_EQ(decodeAll(s), std::vector<std::string>{"1\x1d]"});
}

TEST(KeyDecoderTest, CtrlLettersGiveIso15434ControlCharacters) {
    // "[)>" RS "06" GS "1P" ... RS EOT: RS is Ctrl+^ (Ctrl+Shift+6), EOT is Ctrl+D.
    KeyStream s;
    s.tap(KEY_LEFTBRACE).shifted(KEY_0).shifted(KEY_DOT);
    s.press(KEY_LEFTCTRL).press(KEY_LEFTSHIFT).tap(KEY_6).release(KEY_LEFTSHIFT);
    s.release(KEY_LEFTCTRL);
    s.digits("06").ctrl(KEY_RIGHTBRACE).digits("1").shifted(KEY_P);
    s.press(KEY_LEFTCTRL).press(KEY_LEFTSHIFT).tap(KEY_6).release(KEY_LEFTSHIFT);
    s.release(KEY_LEFTCTRL);
    s.ctrl(KEY_D).enter();
    EXPECT_EQ(decodeAll(s), std::vector<std::string>{"[)>\x1e"
                                                     "06\x1d"
                                                     "1P\x1e\x04"});
}

TEST(KeyDecoderTest, CtrlMEndsACodeLikeEnter) {
    KeyStream s;
    s.digits("123").ctrl(KEY_M).digits("45").ctrl(KEY_J);
    EXPECT_EQ(decodeAll(s), (std::vector<std::string>{"123", "45"}));
}

TEST(KeyDecoderTest, TabIsKept) {
    KeyStream s;
    s.digits("1").tap(KEY_TAB).digits("2").enter();
    EXPECT_EQ(decodeAll(s), std::vector<std::string>{"1\t2"});
}

TEST(KeyDecoderTest, CapsLockTogglesLettersOnly) {
    KeyStream s;
    s.tap(KEY_CAPSLOCK).taps({KEY_A, KEY_B, KEY_1, KEY_SEMICOLON}).shifted(KEY_C);
    s.tap(KEY_CAPSLOCK).tap(KEY_D).enter();
    EXPECT_EQ(decodeAll(s), std::vector<std::string>{"AB1;cd"});
}

TEST(KeyDecoderTest, AutorepeatIsIgnoredAndCounted) {
    KeyStream s;
    s.press(KEY_A).repeat(KEY_A).repeat(KEY_A).release(KEY_A);
    s.press(KEY_LEFTSHIFT).repeat(KEY_LEFTSHIFT).tap(KEY_B).release(KEY_LEFTSHIFT).enter();
    KeyDecoder decoder;
    EXPECT_EQ(decodeAll(decoder, s.events()), std::vector<std::string>{"aB"});
    EXPECT_EQ(decoder.stats().repeats, 3u);
}

TEST(KeyDecoderTest, EnterAloneGivesNothingAndCodesFollowOneAnother) {
    KeyStream s;
    s.enter().digits("11").enter().enter().digits("22").enter();
    KeyDecoder decoder;
    EXPECT_EQ(decodeAll(decoder, s.events()), (std::vector<std::string>{"11", "22"}));
    EXPECT_EQ(decoder.stats().codes, 2u);
}

TEST(KeyDecoderTest, SynAndMscEventsAloneGiveNothing) {
    KeyStream s;
    s.event(EV_MSC, MSC_SCAN, 0x70004).event(EV_SYN, SYN_REPORT, 0).event(EV_LED, LED_CAPSL, 1);
    KeyDecoder decoder;
    EXPECT_TRUE(decodeAll(decoder, s.events()).empty());
    EXPECT_EQ(decoder.stats().unknownKeys, 0u);
}

TEST(KeyDecoderTest, UnknownKeysAreCountedAndSkipped) {
    KeyStream s;
    s.digits("1").taps({KEY_F1, KEY_LEFTMETA, KEY_BACKSPACE}).digits("2");
    s.ctrl(KEY_1);                                           // no control character
    s.press(KEY_LEFTALT).tap(KEY_KP2).release(KEY_LEFTALT);  // Alt+keypad entry
    s.enter();
    KeyDecoder decoder;
    EXPECT_EQ(decodeAll(decoder, s.events()), std::vector<std::string>{"12"});
    EXPECT_EQ(decoder.stats().unknownKeys, 5u);
}

TEST(KeyDecoderTest, PauseInsideACodeDropsItAsTyping) {
    // A person typing "ab" + Enter at human speed, then a scan right after.
    KeyStream s;
    s.tap(KEY_A).pause(250ms).tap(KEY_B).pause(300ms).enter();
    s.pause(2s).digits("123456").enter();
    KeyDecoder decoder;
    EXPECT_EQ(decodeAll(decoder, s.events()), std::vector<std::string>{"123456"});
    EXPECT_EQ(decoder.stats().timedOut, 2u);  // "a" at 'b', then "b" at Enter
}

TEST(KeyDecoderTest, PauseOfExactlyTheTimeoutIsStillOneCode) {
    // A tap takes 2 ms (press, release); with 98 ms more the next press comes 100 ms after
    // the previous one, which is not "more than" 100 ms. One more millisecond is.
    KeyStream atLimit;
    atLimit.digits("1").pause(98ms).digits("2").enter();
    EXPECT_EQ(decodeAll(atLimit), std::vector<std::string>{"12"});

    KeyStream overLimit;
    overLimit.digits("1").pause(99ms).digits("2").enter();
    KeyDecoder decoder;
    EXPECT_EQ(decodeAll(decoder, overLimit.events()), std::vector<std::string>{"2"});
    EXPECT_EQ(decoder.stats().timedOut, 1u);
}

TEST(KeyDecoderTest, PauseBetweenCodesIsFine) {
    KeyStream s;
    s.digits("11").enter().pause(5s).digits("22").enter();
    EXPECT_EQ(decodeAll(s), (std::vector<std::string>{"11", "22"}));
}

TEST(KeyDecoderTest, ZeroTimeoutAcceptsSlowTyping) {
    KeyStream s;
    s.tap(KEY_A).pause(1s).tap(KEY_B).pause(1s).enter();
    EXPECT_EQ(decodeAll(s, KeyDecoderOptions{.interKeyTimeout = 0ms}),
              std::vector<std::string>{"ab"});
}

TEST(KeyDecoderTest, CodeOfMaximumLengthIsEmitted) {
    KeyStream s;
    for (int i = 0; i < 4096; ++i) {
        s.tap(KEY_A);
    }
    s.enter();
    const auto codes = decodeAll(s);
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0], std::string(4096, 'a'));
}

TEST(KeyDecoderTest, OverlongCodeIsDiscardedUpToEnterAndTheNextOneIsRead) {
    KeyStream s;
    for (int i = 0; i < 5000; ++i) {
        s.tap(KEY_A);
    }
    s.enter().digits("42").enter();
    KeyDecoder decoder;
    EXPECT_EQ(decodeAll(decoder, s.events()), std::vector<std::string>{"42"});
    EXPECT_EQ(decoder.stats().overlong, 1u);
    EXPECT_EQ(decoder.stats().codes, 1u);
}

TEST(KeyDecoderTest, KernelOverrunDiscardsTheCodeInProgress) {
    KeyStream s;
    s.digits("12").press(KEY_LEFTSHIFT);
    s.event(EV_SYN, SYN_DROPPED, 0).event(EV_KEY, KEY_3, 1);  // ignored up to the report
    s.event(EV_SYN, SYN_REPORT, 0);
    s.digits("45").enter();  // the rest of the damaged code
    s.digits("67").enter();
    KeyDecoder decoder;
    EXPECT_EQ(decodeAll(decoder, s.events()), std::vector<std::string>{"67"});  // not "%"
    EXPECT_EQ(decoder.stats().dropped, 1u);
}

// Found by hid_keys_fuzz: seconds * 1e6 overflowed for timestamps near the ends of the range.
TEST(KeyDecoderTest, ExtremeTimestampsAreAPauseNotAnOverflow) {
    const auto at = [](long sec, unsigned short key) {
        input_event ev{};
        ev.input_event_sec = static_cast<decltype(ev.input_event_sec)>(sec);
        ev.type = EV_KEY;
        ev.code = key;
        ev.value = 1;
        return ev;
    };
    const std::vector<input_event> events = {at(std::numeric_limits<long>::min(), KEY_A),
                                             at(std::numeric_limits<long>::max(), KEY_B),
                                             at(std::numeric_limits<long>::max(), KEY_ENTER)};
    KeyDecoder decoder;
    EXPECT_EQ(decodeAll(decoder, events), std::vector<std::string>{"b"});
    EXPECT_EQ(decoder.stats().timedOut, 1u);  // "a", an age before "b"
}

TEST(KeyDecoderTest, ResetForgetsPartialCodeAndModifiers) {
    KeyDecoder decoder;
    KeyStream before;
    before.digits("99").press(KEY_LEFTSHIFT).tap(KEY_CAPSLOCK);
    EXPECT_TRUE(decodeAll(decoder, before.events()).empty());
    decoder.reset();
    KeyStream after;
    after.tap(KEY_A).tap(KEY_1).enter();
    EXPECT_EQ(decodeAll(decoder, after.events()), std::vector<std::string>{"a1"});
}

}  // namespace
}  // namespace vax
