import QtQuick
import QtTest
import VaxKiosk

// The typed ID number's live feedback (StaffConsole::checkId through the screen), and "Use"
// handing the number to the real EntryFlow (over the scripted worker) for the resident.

// TestCase itself is invisible: the screens under test are made children of this item.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: tc
        name: "StaffManualId"
        when: windowShown

        Component { id: manualIdComponent; StaffManualId { anchors.fill: parent } }

        // The demo resident's number (KioskDemo::residentIdCode()).
        readonly property string validId: "110105198503121234"
        property var page: null
        property var flow: null

        function init() {
            const staff = backends.staffConsole()  // checkId needs no worker: not awaited
            verify(staff, backends.error)
            const fake = backends.entryBackend()
            flow = backends.entryFlow(fake)
            verify(flow)
            fake.open()
            tryCompare(flow, "ready", true)
            page = createTemporaryObject(manualIdComponent, root, { staff: staff, flow: flow })
            verify(page)
        }

        function field() { return findChild(page, "manualIdField") }
        function feedback() { return findChild(page, "manualIdFeedback").text }
        function useEnabled() { return findChild(page, "manualIdUse").enabled }

        // Typed on the keyboard, key by key, as the on-screen keyboard sends them.
        function type(text) {
            field().forceActiveFocus()
            for (const c of text)
                keyClick(c)
        }

        function test_emptyAsksForTheNumber() {
            compare(feedback(), "Type the number from the ID card.")
            verify(!useEnabled())
        }

        function test_typingCountsCharacters() {
            type("110105")
            compare(field().text, "110105")
            compare(feedback(), "6 of 18 characters")
            verify(!useEnabled())
            type("19850312123")
            compare(feedback(), "17 of 18 characters")
            verify(!useEnabled())
        }

        function test_badCheckDigit() {
            type("110105194912310021")
            compare(feedback(), "✕ The last character does not match: a typing mistake?")
            verify(!useEnabled())
        }

        function test_badCharacter_data() {
            return [
                { tag: "letter inside", text: "1101A5" },
                { tag: "letter last, not X", text: "11010519491231002A" },
                { tag: "X before the end", text: "11010X" }
            ]
        }
        function test_badCharacter(data) {
            type(data.text)
            compare(feedback(), "✕ Only digits, and X as the last character")
            verify(!useEnabled())
        }

        function test_validShowsOnlyTheMaskedNumber() {
            type(validId)
            compare(feedback(), "✓ Valid number: 1101**********1234")
            verify(feedback().indexOf("19850312") < 0)  // the birth date is never shown
            verify(useEnabled())
            // One character off again: "Use" closes at once.
            keyClick(Qt.Key_Backspace)
            compare(feedback(), "17 of 18 characters")
            verify(!useEnabled())
        }

        function test_useGivesTheNumberToTheResidentsCheck() {
            compare(flow.state, EntryFlow.Welcome)
            type(validId)
            mouseClick(findChild(page, "manualIdUse"))
            compare(flow.state, EntryFlow.Scanned)
            compare(flow.maskedId, "1101**********1234")
            compare(field().text, "")  // nothing of it stays on the staff screen
        }

        function test_enterPutsTheKeyboardAway() {
            type("110105")
            verify(field().activeFocus)
            keyClick(Qt.Key_Return)
            verify(!field().activeFocus)
            compare(field().text, "110105")  // what was typed stays
        }
    }
}
