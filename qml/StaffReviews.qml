import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import VaxKiosk

// Decisions on visits awaiting review: pick the visit, a reason from the list (and words of
// your own), then queue or defer. The journal audits who decided what, when and why.
// The list is left of the decision on a landscape screen, above it on a portrait one.
GridLayout {
    id: page
    required property StaffConsole staff
    readonly property real mm: Theme.mm
    property var chosen: null
    property string reasonKey: ""
    readonly property bool portrait: page.height > page.width
    columns: portrait ? 1 : 2
    rowSpacing: 4 * mm
    columnSpacing: 4 * mm

    function reasonTitle(key) {
        switch (key) {
        case "fever": return qsTr("Fever")
        case "health_code_not_checked": return qsTr("Health code not checked")
        case "health_code_unavailable": return qsTr("Health code service unavailable")
        case "health_code_yellow": return qsTr("Yellow health code")
        case "health_code_red": return qsTr("Red health code")
        case "health_code_holder_mismatch": return qsTr("Health code of another person")
        case "temperature_sensor_error": return qsTr("Thermometer could not measure")
        case "temperature_implausible": return qsTr("Implausible temperature")
        case "contraindication": return qsTr("Contraindication")
        case "contraindication_doctor_review": return qsTr("Doctor must assess an answer")
        case "contraindication_unsure": return qsTr("Unsure about a question")
        case "interval_too_short": return qsTr("Too soon after the last dose")
        case "already_vaccinated_today": return qsTr("Already vaccinated today")
        case "no_queue_number_offline": return qsTr("Site server offline, no number left")
        default: return key.replace(/_/g, " ")
        }
    }

    readonly property var decisionReasons: [
        { key: "doctor_assessed", title: qsTr("Doctor assessed the resident") },
        { key: "health_code_checked", title: qsTr("Health code checked by hand") },
        { key: "temperature_remeasured", title: qsTr("Temperature measured again: normal") },
        { key: "identity_checked", title: qsTr("Identity checked by hand") },
        { key: "resident_declined", title: qsTr("Resident declines today") },
        { key: "other", title: qsTr("Other (explain below)") }
    ]

    Component.onCompleted: staff.refreshReviews()

    ColumnLayout {
        Layout.fillWidth: page.portrait
        Layout.preferredWidth: page.portrait ? -1 : parent.width * 0.45
        Layout.fillHeight: true
        spacing: 2 * page.mm
        Text {
            font.pixelSize: Theme.px(7)
            font.bold: true
            color: Theme.ink
            text: qsTr("Waiting for a decision: %1").arg(page.staff.reviews.length)
        }
        ListView {
            objectName: "reviewList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2 * page.mm
            model: page.staff.reviews
            delegate: Rectangle {
                id: row
                required property var modelData
                readonly property bool isChosen: page.chosen !== null && page.chosen.visit === modelData.visit
                width: ListView.view.width
                height: Math.max(Math.round(17 * page.mm), content.implicitHeight + 3 * page.mm)
                radius: 2 * page.mm
                color: isChosen ? Theme.staffBand : Theme.background
                border.width: Math.round(0.5 * page.mm)
                border.color: Theme.staffBand
                ColumnLayout {
                    id: content
                    anchors { fill: parent; margins: 1.5 * page.mm }
                    spacing: 0
                    Text {
                        font.pixelSize: Theme.px(6)
                        font.bold: true
                        color: row.isChosen ? Theme.onDark : Theme.ink
                        text: (row.isChosen ? "▶ " : "") + qsTr("Visit %1 · %2 · %3")
                              .arg(row.modelData.visit).arg(row.modelData.masked).arg(row.modelData.at.slice(11))
                    }
                    Text {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.px(5)
                        color: row.isChosen ? Theme.onDark : Theme.inkSoft
                        text: row.modelData.reasons.map(page.reasonTitle).join(" · ")
                    }
                }
                TapHandler { onTapped: { page.chosen = row.modelData; page.staff.noteActivity() } }
            }
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: !page.portrait
        spacing: 0
        enabled: page.chosen !== null

        Text {
            font.pixelSize: Theme.px(6)
            font.bold: true
            color: Theme.ink
            text: page.chosen ? qsTr("Reason for visit %1").arg(page.chosen.visit)
                              : page.portrait ? qsTr("Choose a visit above") : qsTr("Choose a visit on the left")
        }
        Repeater {
            model: page.decisionReasons
            RadioButton {
                required property var modelData
                objectName: "reason_" + modelData.key
                Layout.preferredHeight: Math.round(15 * page.mm)
                font.pixelSize: Theme.px(5.5)
                text: modelData.title
                checked: page.reasonKey === modelData.key
                onClicked: page.reasonKey = modelData.key
            }
        }
        TextField {
            id: note
            objectName: "reasonNote"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(15 * page.mm)
            font.pixelSize: Theme.px(5.5)
            placeholderText: qsTr("Your words (required for \"Other\")")
            onTextEdited: page.staff.noteActivity()
            onAccepted: focus = false  // Enter puts the keyboard away
        }
        RowLayout {
            spacing: 3 * page.mm
            BigButton {
                objectName: "decideProceed"
                implicitHeight: Math.round(17 * page.mm)
                font.pixelSize: Theme.px(6.5)
                tone: Theme.ok
                enabled: page.reasonKey !== "" && (page.reasonKey !== "other" || note.text.trim() !== "")
                text: qsTr("✓ Queue")
                onClicked: { page.staff.decide(page.chosen.visit, true, page.reasonKey, note.text); page.chosen = null; page.reasonKey = ""; note.clear() }
            }
            BigButton {
                objectName: "decideDefer"
                implicitHeight: Math.round(17 * page.mm)
                font.pixelSize: Theme.px(6.5)
                tone: Theme.bad
                enabled: page.reasonKey !== "" && (page.reasonKey !== "other" || note.text.trim() !== "")
                text: qsTr("✕ Defer")
                onClicked: { page.staff.decide(page.chosen.visit, false, page.reasonKey, note.text); page.chosen = null; page.reasonKey = ""; note.clear() }
            }
        }
    }
}
