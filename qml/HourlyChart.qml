import QtQuick
import QtQuick.Layouts
import VaxKiosk

// Check-ins, doses and exits per hour as grouped bars. Each series has its own pattern of
// colour and a letter in the legend, and every bar carries its number, so the chart reads
// without telling colours apart.
Item {
    id: chart
    property var hours: []
    readonly property real mm: Theme.mm
    // The site's working day, widened to any hour with activity.
    readonly property int first: {
        let h = 7
        for (let i = 0; i < hours.length; ++i)
            if (hours[i].checkIns + hours[i].doses + hours[i].exits > 0) { h = Math.min(h, i); break }
        return h
    }
    readonly property int last: {
        let h = 18
        for (let i = hours.length - 1; i >= 0; --i)
            if (hours[i].checkIns + hours[i].doses + hours[i].exits > 0) { h = Math.max(h, i); break }
        return h
    }
    readonly property int peak: {
        let m = 1
        for (let i = 0; i < hours.length; ++i)
            m = Math.max(m, hours[i].checkIns, hours[i].doses, hours[i].exits)
        return m
    }
    readonly property var series: [
        { key: "checkIns", title: qsTr("Check-ins"), mark: "C", tone: Theme.primary },
        { key: "doses", title: qsTr("Doses"), mark: "D", tone: Theme.ok },
        { key: "exits", title: qsTr("Exits"), mark: "E", tone: Theme.neutral }
    ]

    ColumnLayout {
        anchors.fill: parent
        spacing: 1 * chart.mm
        RowLayout {
            spacing: 4 * chart.mm
            Text {
                font.pixelSize: Theme.px(5.5)
                font.bold: true
                color: Theme.ink
                text: qsTr("Per hour")
            }
            Repeater {
                model: chart.series
                Row {
                    required property var modelData
                    spacing: 1 * chart.mm
                    Rectangle { width: 4 * chart.mm; height: width; color: modelData.tone; anchors.verticalCenter: parent.verticalCenter }
                    Text {
                        font.pixelSize: Theme.px(5)
                        color: Theme.ink
                        text: modelData.mark + " " + modelData.title
                    }
                }
            }
        }
        Row {
            id: bars
            Layout.fillWidth: true
            Layout.fillHeight: true
            readonly property int count: chart.last - chart.first + 1
            readonly property real slot: width / Math.max(count, 1)
            // On a narrow (portrait) chart every second or third hour is named, so the names
            // never touch.
            readonly property int labelEvery: Math.max(1, Math.ceil((hourMetrics.advanceWidth + 2 * chart.mm) / Math.max(slot, 1)))
            TextMetrics { id: hourMetrics; font.pixelSize: Theme.px(4); text: "00:00" }
            Repeater {
                model: bars.count
                Item {
                    id: hourSlot
                    required property int index
                    readonly property int hour: chart.first + index
                    readonly property var counts: chart.hours.length > hour ? chart.hours[hour] : { checkIns: 0, doses: 0, exits: 0 }
                    width: bars.slot
                    height: bars.height
                    Row {
                        anchors { bottom: hourLabel.top; horizontalCenter: parent.horizontalCenter }
                        spacing: 1
                        Repeater {
                            model: chart.series
                            Item {
                                required property var modelData
                                readonly property int value: hourSlot.counts[modelData.key]
                                width: Math.max(2, (bars.slot - 3 * chart.mm) / 3)
                                height: hourSlot.height - hourLabel.height - 1 * chart.mm
                                Rectangle {
                                    anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
                                    height: (parent.height - valueText.height) * parent.value / chart.peak
                                    color: modelData.tone
                                }
                                Text {
                                    id: valueText
                                    anchors.horizontalCenter: parent.horizontalCenter
                                    y: parent.height - (parent.height - height) * parent.value / chart.peak - height
                                    visible: parent.value > 0
                                    font.pixelSize: Theme.px(3.5)
                                    color: Theme.ink
                                    text: parent.value
                                }
                            }
                        }
                    }
                    Text {
                        id: hourLabel
                        anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
                        // Hidden, it keeps its height: the bars stay level.
                        opacity: hourSlot.hour % bars.labelEvery === 0 ? 1 : 0
                        font.pixelSize: Theme.px(4)
                        color: Theme.inkSoft
                        text: hourSlot.hour + ":00"
                    }
                }
            }
        }
    }
}
