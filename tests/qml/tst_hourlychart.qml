import QtQuick
import QtTest
import VaxKiosk

// The day's chart: which hours it shows (the working day 7:00-18:00, widened to any hour
// with activity) and the scale of its bars (the largest count of any series).

// TestCase itself is invisible: the screens under test are made children of this item.
Item {
    id: root
    width: 1000
    height: 400

    TestCase {
        id: tc
        name: "HourlyChart"
        when: windowShown

        Component { id: chartComponent; HourlyChart { anchors.fill: parent } }

        // The 24 local hours as StaffWorker::figuresLoaded gives them; `activity` maps an hour
        // to its counts.
        function day(activity) {
            const hours = []
            for (let h = 0; h < 24; ++h) {
                const a = activity[h] || {}
                hours.push({ hour: h, checkIns: a.checkIns || 0, doses: a.doses || 0, exits: a.exits || 0 })
            }
            return hours
        }

        function chart(hours) {
            const c = createTemporaryObject(chartComponent, root, { hours: hours })
            verify(c)
            return c
        }

        // The hour labels drawn, "7:00" ... : the range as people see it.
        function hourLabels(item, found) {
            if (item.text !== undefined && /^\d+:00$/.test(item.text))
                found.push(item.text)
            for (let i = 0; i < item.children.length; ++i)
                hourLabels(item.children[i], found)
            return found
        }

        function test_range_data() {
            return [
                { tag: "no hours yet", hours: [], first: 7, last: 18 },
                { tag: "a quiet day", hours: day({}), first: 7, last: 18 },
                { tag: "inside the day", hours: day({ 9: { checkIns: 3 }, 17: { exits: 1 } }), first: 7, last: 18 },
                { tag: "check-in at 6:00", hours: day({ 6: { checkIns: 2 }, 10: { doses: 1 } }), first: 6, last: 18 },
                { tag: "exit at 21:00", hours: day({ 8: { checkIns: 1 }, 21: { exits: 1 } }), first: 7, last: 21 },
                { tag: "both ends", hours: day({ 5: { doses: 1 }, 22: { checkIns: 1 } }), first: 5, last: 22 },
                { tag: "only at midnight", hours: day({ 0: { exits: 4 } }), first: 0, last: 18 }
            ]
        }
        function test_range(data) {
            const c = chart(data.hours)
            compare(c.first, data.first)
            compare(c.last, data.last)
            const labels = hourLabels(c, [])
            compare(labels.length, data.last - data.first + 1)
            verify(labels.indexOf(data.first + ":00") >= 0, labels.join(" "))
            verify(labels.indexOf(data.last + ":00") >= 0, labels.join(" "))
        }

        function test_peak_data() {
            return [
                // At least 1, so an empty day draws no division by zero.
                { tag: "empty", hours: [], peak: 1 },
                { tag: "quiet", hours: day({}), peak: 1 },
                { tag: "check-ins", hours: day({ 9: { checkIns: 7, doses: 2 } }), peak: 7 },
                { tag: "doses", hours: day({ 9: { checkIns: 3, doses: 8, exits: 1 }, 11: { checkIns: 5 } }), peak: 8 },
                { tag: "exits, late", hours: day({ 10: { checkIns: 4 }, 21: { exits: 12 } }), peak: 12 },
                // Counts of one hour are not added up: the bars are grouped, not stacked.
                { tag: "not summed", hours: day({ 12: { checkIns: 4, doses: 4, exits: 4 } }), peak: 4 }
            ]
        }
        function test_peak(data) {
            compare(chart(data.hours).peak, data.peak)
        }

        // New figures arrive every refresh: the chart follows without being rebuilt.
        function test_followsNewFigures() {
            const c = chart(day({}))
            compare(c.first, 7)
            c.hours = day({ 6: { checkIns: 9 } })
            compare(c.first, 6)
            compare(c.peak, 9)
        }
    }
}
