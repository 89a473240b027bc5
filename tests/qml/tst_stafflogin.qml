import QtQuick
import QtTest
import VaxKiosk

// Sign-in on the real StaffConsole (backends.staffConsole(): its worker checks the PIN with
// Argon2 on its own thread, so answers are awaited with tryCompare). The keypad is pressed
// as staff press it, with the mouse.

// TestCase itself is invisible: the screens under test are made children of this item.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: tc
        name: "StaffLogin"
        when: windowShown

        Component { id: loginComponent; StaffLogin { anchors.fill: parent } }

        property var staff: null
        property var page: null

        // A fresh console and site per function: no tries or lockout carried over.
        function init() {
            staff = backends.staffConsole()
            verify(staff, backends.error)
            tryCompare(staff, "ready", true, 10000)
            page = createTemporaryObject(loginComponent, root, { staff: staff })
            verify(page)
            // The demo site has one staff member, chosen already: the keypad is open.
            compare(staff.staffList.length, 1)
            compare(page.chosenId, "demo-nurse")
            tryVerify(() => findChild(page, "pinPad").enabled)
        }

        function press(keys) {
            for (const k of keys) {
                const key = findChild(page, "pinKey" + k)
                verify(key, "no key " + k)
                mouseClick(key)
            }
        }
        function dots() { return findChild(page, "pinDots").text }
        function message() { return findChild(page, "loginMessage").text }

        function test_digitsShowAsDots() {
            compare(dots(), "PIN")
            compare(message(), "Type your PIN.")
            press("135")
            compare(dots(), "●●●")
            compare(page.pin, "135")  // the PIN itself never reaches a Text
        }

        function test_backspaceRemovesTheLastDigit() {
            press("12")
            press(["⌫"])
            compare(page.pin, "1")
            compare(dots(), "●")
            press(["⌫", "⌫"])  // nothing left to remove: no error
            compare(page.pin, "")
            compare(dots(), "PIN")
        }

        function test_pinStopsAtEightDigits() {
            press("1234567890")
            compare(page.pin, "12345678")
            compare(dots(), "●●●●●●●●")
        }

        function test_wrongPinShowsTriesLeft() {
            press("0000")
            press(["OK"])
            // login() marks the console busy at once: no second attempt while Argon2 runs.
            verify(staff.busy)
            verify(!findChild(page, "pinPad").enabled)
            compare(message(), "Checking…")
            tryCompare(staff, "busy", false, 10000)
            compare(staff.loginProblem, "wrong_pin")
            compare(staff.triesLeft, 4)  // five wrong PINs lock the console
            compare(message(), "✕ Wrong PIN. 4 tries left.")
            compare(dots(), "PIN")  // the wrong PIN is cleared
            verify(!staff.signedIn)

            press("9999")
            press(["OK"])
            tryCompare(staff, "busy", false, 10000)
            compare(message(), "✕ Wrong PIN. 3 tries left.")
        }

        function test_rightPinSignsIn() {
            press(backends.staffPin)
            compare(dots(), "●".repeat(backends.staffPin.length))
            press(["OK"])
            tryCompare(staff, "signedIn", true, 10000)
            compare(staff.staffId, "demo-nurse")
            compare(staff.loginProblem, "")
            compare(dots(), "PIN")
        }

        // Without a chosen name the keypad stays shut (a console with several staff members).
        function test_keypadNeedsAName() {
            page.chosenId = ""
            verify(!findChild(page, "pinPad").enabled)
            compare(message(), "Choose your name first.")
        }
    }
}
