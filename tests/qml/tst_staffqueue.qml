import QtQuick
import QtTest
import VaxKiosk

// Calling the next batch: the count stays within 1..50 (the buttons shut at the bounds) and
// the call button says what will happen. The call itself (StaffConsole::callNext) is tested
// against the journal in tests/app/StaffConsoleTest.cpp; it is not pressed here.

// TestCase itself is invisible: the screens under test are made children of this item.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: tc
        name: "StaffQueue"
        when: windowShown

        Component { id: queueComponent; StaffQueue { anchors.fill: parent } }

        property var page: null

        function init() {
            const staff = backends.staffConsole()
            verify(staff, backends.error)
            page = createTemporaryObject(queueComponent, root, { staff: staff })
            verify(page)
        }

        function button(name) {
            const b = findChild(page, name)
            verify(b, "no " + name)
            return b
        }
        function callText() { return button("callNext").text }
        function countText() { return findChild(page, "callCount").text }

        function test_startsWithFiveAtDeskA() {
            compare(page.count, 5)
            compare(countText(), "5 people")
            compare(callText(), "Call 5 to desk A")
            compare(button("deskA").text, "✓ Desk A")
            compare(button("deskB").text, "Desk B")
        }

        function test_lessStopsAtOne() {
            for (let i = 0; i < 4; ++i)
                mouseClick(button("countLess"))
            compare(page.count, 1)
            compare(countText(), "1 people")
            compare(callText(), "Call 1 to desk A")
            verify(!button("countLess").enabled)
            mouseClick(button("countLess"))  // a shut button does nothing
            compare(page.count, 1)
            verify(button("countMore").enabled)
        }

        function test_moreStopsAtFifty() {
            for (let i = 0; i < 45; ++i)
                mouseClick(button("countMore"))
            compare(page.count, 50)
            compare(callText(), "Call 50 to desk A")
            verify(!button("countMore").enabled)
            mouseClick(button("countMore"))
            compare(page.count, 50)
            verify(button("countLess").enabled)
            mouseClick(button("countLess"))
            compare(page.count, 49)
        }

        function test_deskChoiceNamesTheDesk() {
            mouseClick(button("deskB"))
            compare(page.desk, "B")
            compare(button("deskB").text, "✓ Desk B")
            compare(button("deskA").text, "Desk A")
            mouseClick(button("countMore"))
            compare(callText(), "Call 6 to desk B")
        }
    }
}
