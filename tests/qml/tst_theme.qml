import QtQuick
import QtTest
import VaxKiosk

// The Theme singleton: the large-text and high-contrast modes reach every size and colour,
// and every touch target on the staff screens keeps the guideline's 15 mm whatever the mode.

// TestCase itself is invisible: the screens under test are made children of this item.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: tc
        name: "Theme"
        when: windowShown

        Component { id: bigButton; BigButton { text: "OK" } }
        Component { id: headerButton; HeaderButton { text: "English" } }
        Component { id: login; StaffLogin { anchors.fill: parent } }
        Component { id: queue; StaffQueue { anchors.fill: parent } }
        Component { id: manualId; StaffManualId { anchors.fill: parent } }

        // The singleton is shared by every test of this file: put it back each time.
        function cleanup() {
            Theme.largeText = false
            Theme.highContrast = false
        }

        function test_pxGrowsBy1_3InLargeText_data() {
            return [{ tag: "5 mm", size: 5 }, { tag: "7 mm", size: 7 }, { tag: "12 mm", size: 12 }]
        }
        function test_pxGrowsBy1_3InLargeText(data) {
            compare(Theme.textScale, 1.0)
            compare(Theme.px(data.size), Math.round(data.size * Theme.mm))
            Theme.largeText = true
            compare(Theme.textScale, 1.3)
            compare(Theme.px(data.size), Math.round(data.size * Theme.mm * 1.3))
        }

        // The screens bind to Theme.px(): a button's text follows the mode without a reload.
        function test_buttonTextFollowsLargeText() {
            const button = createTemporaryObject(bigButton, root)
            verify(button)
            const normal = button.font.pixelSize
            compare(normal, Theme.px(10))
            Theme.largeText = true
            compare(button.font.pixelSize, Math.round(10 * Theme.mm * 1.3))
            verify(button.font.pixelSize > normal)
        }

        function test_highContrastSwitchesColours() {
            verify(Qt.colorEqual(Theme.ink, "#102a43"))
            verify(Qt.colorEqual(Theme.background, "#f4f7fa"))
            Theme.highContrast = true
            verify(Qt.colorEqual(Theme.ink, "#000000"), String(Theme.ink))
            verify(Qt.colorEqual(Theme.background, "#ffffff"), String(Theme.background))
            verify(Qt.colorEqual(Theme.bad, "#8b0000"), String(Theme.bad))
            // The staff band stays unmistakable in both modes.
            verify(Qt.colorEqual(Theme.staffBand, "#4a148c"))
        }

        // Every BigButton / HeaderButton under `item` (their QML type names; instances with
        // added properties are "BigButton_QML_n", plain ones "BigButton_QMLTYPE_n").
        function touchTargets(item, found) {
            if (/^(BigButton|HeaderButton)_QML/.test(String(item)))
                found.push(item)
            for (let i = 0; i < item.children.length; ++i)
                touchTargets(item.children[i], found)
            return found
        }

        function checkTouchTargets(root, atLeast) {
            verify(root)
            tryVerify(() => !isPolishScheduled(root))
            const targets = touchTargets(root, [])
            // Guards against a walk that finds nothing and so passes.
            verify(targets.length >= atLeast, "only " + targets.length + " buttons found")
            const minimum = Theme.minTouchMm * Theme.mm
            for (const button of targets)
                verify(button.height >= minimum,
                       "%1 '%2' is %3 px high, under %4 px".arg(String(button)).arg(button.text)
                           .arg(button.height).arg(minimum))
        }

        function test_touchTargets_data() {
            return [{ tag: "normal", largeText: false }, { tag: "large text", largeText: true }]
        }
        function test_touchTargets(data) {
            Theme.largeText = data.largeText
            const staff = backends.staffConsole()
            verify(staff, backends.error)
            tryCompare(staff, "ready", true, 10000)  // the staff list fills the name buttons

            checkTouchTargets(createTemporaryObject(bigButton, root), 1)
            checkTouchTargets(createTemporaryObject(headerButton, root), 1)
            // 12 keypad keys + the demo nurse's name.
            checkTouchTargets(createTemporaryObject(login, root, { staff: staff }), 13)
            // Desks A and B, −, +, call.
            checkTouchTargets(createTemporaryObject(queue, root, { staff: staff }), 5)
            checkTouchTargets(createTemporaryObject(manualId, root, { staff: staff, flow: null }), 1)
        }
    }
}
