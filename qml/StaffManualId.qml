import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import VaxKiosk

// An ID number typed for a resident whose code cannot be read, with the check digit judged
// as it is typed. The number goes to the entry check like a scanned one; the audit notes who
// typed it (never the number).
ColumnLayout {
    id: page
    required property StaffConsole staff
    required property EntryFlow flow
    readonly property real mm: Theme.mm
    readonly property var check: staff.checkId(idField.text)
    spacing: 3 * mm

    Text {
        font.pixelSize: Theme.px(7)
        font.bold: true
        color: Theme.ink
        text: qsTr("Resident's ID number")
    }
    // The button beside the field, not under it: the on-screen keyboard covers what is below.
    RowLayout {
        Layout.fillWidth: true
        spacing: 3 * page.mm
        TextField {
            id: idField
            objectName: "manualIdField"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(18 * page.mm)
            font.pixelSize: Theme.px(9)
            font.letterSpacing: 2
            maximumLength: 18
            inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                              | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
            placeholderText: qsTr("18 characters")
            onTextEdited: page.staff.noteActivity()
            onAccepted: focus = false  // Enter puts the keyboard away
        }
        BigButton {
            objectName: "manualIdUse"
            implicitHeight: Math.round(18 * page.mm)
            font.pixelSize: Theme.px(7)
            tone: Theme.staffBand
            enabled: page.check.state === "ok"
            text: qsTr("Use for the resident")
            onClicked: {
                if (page.flow.acceptManualId(idField.text)) {
                    page.staff.noteManualId()
                    idField.clear()
                    page.staff.close()
                }
            }
        }
    }
    Text {
        objectName: "manualIdFeedback"
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.px(6.5)
        font.bold: true
        color: page.check.state === "ok" ? Theme.ok : page.check.state === "bad" ? Theme.bad : Theme.inkSoft
        text: {
            switch (page.check.state) {
            case "ok": return qsTr("✓ Valid number: %1").arg(page.check.masked)
            case "typing": return qsTr("%1 of 18 characters").arg(page.check.length)
            case "bad":
                switch (page.check.problem) {
                case "bad_check_digit": return qsTr("✕ The last character does not match: a typing mistake?")
                case "bad_character": return qsTr("✕ Only digits, and X as the last character")
                case "bad_birth_date": return qsTr("✕ The birth date in the number does not exist")
                case "birth_in_future": return qsTr("✕ The birth date in the number is in the future")
                case "bad_region": return qsTr("✕ The region code is not valid")
                case "bad_sequence": return qsTr("✕ The sequence number is not valid")
                default: return qsTr("✕ Not a valid ID number")
                }
            default: return qsTr("Type the number from the ID card.")
            }
        }
    }
    Item { Layout.fillHeight: true }
}
