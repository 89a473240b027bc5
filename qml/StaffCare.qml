import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import VaxKiosk

// Observation care by visit number: reprint a dose ticket, record an adverse reaction (which
// extends the observation time).
ColumnLayout {
    id: page
    required property StaffConsole staff
    readonly property real mm: Theme.mm
    readonly property int visit: parseInt(visitField.text) || 0
    property string category: ""
    spacing: 2 * mm

    readonly property var categories: [
        { key: "fainting", title: qsTr("Fainting") },
        { key: "allergic_rash", title: qsTr("Allergic rash") },
        { key: "angioedema", title: qsTr("Angioedema") },
        { key: "acute_laryngeal_oedema", title: qsTr("Laryngeal oedema") },
        { key: "allergic_purpura", title: qsTr("Allergic purpura") },
        { key: "febrile_convulsion", title: qsTr("Febrile convulsion") },
        { key: "local_infection", title: qsTr("Local infection") },
        { key: "myocarditis", title: qsTr("Myocarditis") },
        { key: "other", title: qsTr("Other") }
    ]

    RowLayout {
        spacing: 3 * page.mm
        Text {
            font.pixelSize: Theme.px(7)
            font.bold: true
            color: Theme.ink
            text: qsTr("Visit number")
        }
        TextField {
            id: visitField
            objectName: "careVisit"
            Layout.preferredWidth: Math.round(50 * page.mm)
            Layout.preferredHeight: Math.round(16 * page.mm)
            font.pixelSize: Theme.px(7)
            inputMethodHints: Qt.ImhDigitsOnly
            validator: IntValidator { bottom: 1 }
            onTextEdited: page.staff.noteActivity()
            onAccepted: focus = false  // Enter puts the keyboard away
        }
        BigButton {
            objectName: "reprint"
            implicitHeight: Math.round(16 * page.mm)
            font.pixelSize: Theme.px(6)
            tone: Theme.staffBand
            enabled: page.visit > 0
            text: qsTr("Reprint ticket")
            onClicked: page.staff.reprint(page.visit)
        }
    }
    Text {
        font.pixelSize: Theme.px(6)
        font.bold: true
        color: Theme.ink
        text: qsTr("Adverse reaction")
    }
    GridLayout {
        columns: 3
        rowSpacing: 1.5 * page.mm
        columnSpacing: 1.5 * page.mm
        Repeater {
            model: page.categories
            BigButton {
                required property var modelData
                objectName: "reaction_" + modelData.key
                Layout.fillWidth: true
                implicitHeight: Math.round(15 * page.mm)
                font.pixelSize: Theme.px(5)
                tone: page.category === modelData.key ? Theme.staffBand : Theme.neutral
                text: (page.category === modelData.key ? "✓ " : "") + modelData.title
                onClicked: page.category = modelData.key
            }
        }
    }
    TextField {
        id: careAction
        objectName: "reactionAction"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.round(15 * page.mm)
        font.pixelSize: Theme.px(5.5)
        placeholderText: qsTr("What was done (e.g. lying down, doctor called)")
        onAccepted: focus = false  // Enter puts the keyboard away
    }
    BigButton {
        objectName: "recordReaction"
        implicitHeight: Math.round(16 * page.mm)
        font.pixelSize: Theme.px(6)
        tone: Theme.bad
        enabled: page.visit > 0 && page.category !== ""
        text: qsTr("Record reaction, extend observation 30 min")
        onClicked: {
            page.staff.recordReaction(page.visit, page.category, careAction.text, "under_care", 30)
            page.category = ""
            careAction.clear()
        }
    }
    Item { Layout.fillHeight: true }
}
