import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import VaxKiosk

// Call the next batch of waiting people to a registration desk.
ColumnLayout {
    id: page
    required property StaffConsole staff
    readonly property real mm: Theme.mm
    property string desk: "A"
    property int count: 5
    spacing: 4 * mm

    Text {
        font.pixelSize: Theme.px(7)
        font.bold: true
        color: Theme.ink
        text: qsTr("Call the next people to a desk")
    }
    RowLayout {
        spacing: 3 * page.mm
        Repeater {
            model: ["A", "B"]
            BigButton {
                required property string modelData
                objectName: "desk" + modelData
                implicitHeight: Math.round(18 * page.mm)
                tone: page.desk === modelData ? Theme.staffBand : Theme.neutral
                text: (page.desk === modelData ? "✓ " : "") + qsTr("Desk %1").arg(modelData)
                onClicked: page.desk = modelData
            }
        }
    }
    RowLayout {
        spacing: 3 * page.mm
        BigButton {
            objectName: "countLess"
            implicitWidth: Math.round(22 * page.mm)
            implicitHeight: Math.round(18 * page.mm)
            tone: Theme.neutral
            text: "−"
            enabled: page.count > 1
            onClicked: page.count -= 1
        }
        Text {
            objectName: "callCount"
            Layout.preferredWidth: Math.round(40 * page.mm)
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.px(8)
            font.bold: true
            color: Theme.ink
            text: qsTr("%n people", "", page.count)
        }
        BigButton {
            objectName: "countMore"
            implicitWidth: Math.round(22 * page.mm)
            implicitHeight: Math.round(18 * page.mm)
            tone: Theme.neutral
            text: "+"
            enabled: page.count < 50
            onClicked: page.count += 1
        }
    }
    BigButton {
        objectName: "callNext"
        implicitHeight: Math.round(18 * page.mm)
        tone: Theme.staffBand
        text: qsTr("Call %n to desk %1", "", page.count).arg(page.desk)
        onClicked: page.staff.callNext(page.desk, page.count)
    }
    Item { Layout.fillHeight: true }
}
