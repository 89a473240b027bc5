import QtQuick
import QtQuick.Layouts
import VaxKiosk

// Today's figures for the work report, and the throughput hour by hour.
ColumnLayout {
    id: page
    required property StaffConsole staff
    readonly property real mm: Theme.mm
    readonly property var f: staff.figures
    // Four tiles a row on a landscape screen, two on a portrait one.
    readonly property bool portrait: page.height > page.width
    spacing: 3 * mm

    Component.onCompleted: staff.refreshFigures()

    GridLayout {
        objectName: "figureTiles"
        Layout.fillWidth: true
        columns: page.portrait ? 2 : 4
        rowSpacing: 2 * page.mm
        columnSpacing: 2 * page.mm
        Repeater {
            model: [
                { key: "checkIns", title: qsTr("Check-ins") },
                { key: "doses", title: qsTr("Doses") },
                { key: "fevers", title: qsTr("Fevers") },
                { key: "deferred", title: qsTr("Deferred") },
                { key: "review", title: qsTr("Sent to staff") },
                { key: "reactions", title: qsTr("Adverse reactions") },
                { key: "earlyExits", title: qsTr("Left early") },
                { key: "overdue", title: qsTr("Overdue in observation") }
            ]
            Rectangle {
                id: tile
                required property var modelData
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(Math.round(20 * page.mm), tileText.implicitHeight + 2 * page.mm)
                radius: 2 * page.mm
                color: Theme.background
                border.width: 1
                border.color: Theme.staffBand
                Column {
                    id: tileText
                    anchors.centerIn: parent
                    Text {
                        objectName: "figure_" + modelData.key
                        anchors.horizontalCenter: parent.horizontalCenter
                        font.pixelSize: Theme.px(9)
                        font.bold: true
                        color: Theme.ink
                        text: page.f[modelData.key] !== undefined ? page.f[modelData.key] : "–"
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        // Never wider than its tile: a long name wraps.
                        width: Math.min(implicitWidth, tile.width - 2 * page.mm)
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.px(4.5)
                        color: Theme.inkSoft
                        text: modelData.title
                    }
                }
            }
        }
    }
    HourlyChart {
        objectName: "hourlyChart"
        Layout.fillWidth: true
        Layout.fillHeight: true
        hours: page.f.hours !== undefined ? page.f.hours : []
    }
}
