import QtQuick
import QtQuick.Layouts
import VaxKiosk

// Staff: who is in observation, when each observation ends and how long is left. Overdue
// people (ended more than 15 minutes ago, never scanned out) stand out with a mark, the word
// and the colour; people under care for a reaction are marked too.
Rectangle {
    id: list
    required property ExitFlow flow
    readonly property real mm: Theme.mm
    signal closed()
    // A portrait screen is narrow: the person's column gets more of it, and the update time
    // goes under the count.
    readonly property bool portrait: list.height > list.width
    readonly property real personWidth: list.width * (list.portrait ? 0.42 : 0.36)
    readonly property real endsWidth: list.width * (list.portrait ? 0.16 : 0.18)

    color: Theme.staffSurface
    radius: 2 * mm

    ColumnLayout {
        anchors { fill: parent; margins: 4 * list.mm }
        spacing: 3 * list.mm

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: heading.implicitHeight + 4 * list.mm
            radius: 2 * list.mm
            color: Theme.staffBand
            GridLayout {
                id: heading
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 3 * list.mm }
                columns: list.portrait ? 1 : 2
                rowSpacing: 1 * list.mm
                Text {
                    objectName: "observationTitle"
                    Layout.fillWidth: true
                    color: Theme.onDark
                    font.pixelSize: Theme.px(8)
                    font.bold: true
                    text: qsTr("In observation: %1").arg(list.flow.observation.count)
                }
                Text {
                    objectName: "observationUpdated"
                    Layout.fillWidth: list.portrait
                    // A long error wraps instead of pushing the count out.
                    Layout.maximumWidth: list.portrait ? Number.POSITIVE_INFINITY : heading.width / 2
                    wrapMode: Text.WordWrap
                    color: Theme.onDark
                    font.pixelSize: Theme.px(5)
                    text: list.flow.observationError !== ""
                          ? qsTr("Not updated: %1").arg(list.flow.observationError)
                          : qsTr("Updated %1").arg(list.flow.observationUpdated)
                }
            }
        }

        // Column names.
        RowLayout {
            Layout.fillHeight: false
            Layout.fillWidth: true
            Layout.leftMargin: 3 * list.mm
            Layout.rightMargin: 3 * list.mm
            spacing: 4 * list.mm
            Text { Layout.preferredWidth: list.personWidth; text: qsTr("Person"); font.pixelSize: Theme.px(5); color: Theme.inkSoft }
            Text { Layout.preferredWidth: list.endsWidth; text: qsTr("Ends at"); font.pixelSize: Theme.px(5); color: Theme.inkSoft }
            Text { Layout.fillWidth: true; text: qsTr("Status"); font.pixelSize: Theme.px(5); color: Theme.inkSoft }
        }

        ListView {
            objectName: "observationRows"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 1.5 * list.mm
            model: list.flow.observation

            delegate: Rectangle {
                id: row
                required property string maskedId
                required property string endsAt
                required property int minutesLeft
                required property bool overdue
                required property bool reaction
                width: ListView.view.width
                implicitHeight: Math.max(15 * list.mm, rowContent.implicitHeight + 3 * list.mm)
                radius: 1.5 * list.mm
                color: Theme.background
                border.width: Math.round((row.overdue ? 1 : 0.3) * list.mm)
                border.color: row.overdue ? Theme.bad : Theme.inkFaint

                RowLayout {
                    id: rowContent
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 3 * list.mm }
                    spacing: 4 * list.mm
                    Text {
                        objectName: "rowPerson"
                        Layout.preferredWidth: list.personWidth
                        text: row.maskedId
                        font.pixelSize: Theme.px(7)
                        font.bold: true
                        color: Theme.ink
                        elide: Text.ElideRight
                    }
                    Text {
                        objectName: "rowEndsAt"
                        Layout.preferredWidth: list.endsWidth
                        text: row.endsAt
                        font.pixelSize: Theme.px(7)
                        color: Theme.ink
                    }
                    Text {
                        objectName: row.overdue ? "overdueFlag" : "rowStatus"
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.px(7)
                        font.bold: row.overdue || row.reaction
                        color: row.overdue ? Theme.bad : row.reaction ? Theme.bad : Theme.ink
                        text: row.overdue ? qsTr("⚠ Overdue: not scanned out")
                              : row.reaction ? qsTr("✚ Under care (reaction)")
                              : row.minutesLeft > 0 ? qsTr("%1 min left").arg(row.minutesLeft)
                              : qsTr("✓ May leave")
                    }
                }
            }
        }
        Text {
            objectName: "observationEmpty"
            Layout.fillWidth: true
            visible: list.flow.observation.count === 0
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.px(7)
            color: Theme.inkSoft
            text: qsTr("Nobody is in observation.")
        }

        RowLayout {
            Layout.fillHeight: false
            Layout.fillWidth: true
            spacing: 6 * list.mm
            BigButton {
                objectName: "refreshButton"
                tone: Theme.staffBand
                font.pixelSize: Theme.px(7)
                implicitHeight: Math.round(18 * list.mm)
                text: qsTr("Refresh")
                onClicked: list.flow.refreshObservation()
            }
            Item { Layout.fillWidth: true }
            BigButton {
                objectName: "backToScanButton"
                font.pixelSize: Theme.px(7)
                implicitHeight: Math.round(18 * list.mm)
                text: qsTr("Back to scanning")
                onClicked: list.closed()
            }
        }
    }
}
