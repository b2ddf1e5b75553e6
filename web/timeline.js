// timeline.js: a story's timeline drawn as SVG. Entries are grouped by date
// and placed on an ordinal axis (one column per distinct date, in date
// order): a story's dates are usually a cluster of days plus a few years
// of background, which a linear scale would squash into one point. A gap of
// more than a year between neighbouring columns is drawn as a break.

import {svg, fmtDate} from "./dom.js";

// Pixels: a column per date wide enough for a rotated label; a dot per
// entry; the axis sits below the tallest stack.
const COLUMN = 46;
const MARGIN = 28;
const DOT_R = 6;
const DOT_STEP = 16;
const LABEL_SPACE = 86;
const MAX_STACK = 8;  // more entries on one date are summed up as "+N"
const DAY_MS = 86400000;

// "2017" / "2017-03" / "2017-03-05" -> ms since the epoch of its first day.
function dateValue(d) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d || "");
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

// entries: the brief's timeline items ({date, text, articles, evidence}).
// onSelect(index) is called when an entry's dot is clicked or activated
// with the keyboard. Returns the <svg> (or null when nothing is dated).
export function drawTimeline(entries, onSelect) {
  const byDate = new Map();
  entries.forEach((t, i) => {
    if (Number.isNaN(dateValue(t.date))) return;
    if (!byDate.has(t.date)) byDate.set(t.date, []);
    byDate.get(t.date).push(i);
  });
  const dates = [...byDate.keys()].sort((a, b) => dateValue(a) - dateValue(b) || a.localeCompare(b));
  if (dates.length === 0) return null;
  const tallest = Math.min(MAX_STACK, Math.max(...dates.map((d) => byDate.get(d).length)));
  const axisY = MARGIN + tallest * DOT_STEP;
  // The last date's label, rotated, reaches past its column.
  const width = MARGIN * 2 + Math.max(1, dates.length - 1) * COLUMN + LABEL_SPACE;
  const height = axisY + LABEL_SPACE;
  const root = svg("svg", {
    class: "timeline", width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `Timeline: ${entries.length} events on ${dates.length} dates`,
  });
  root.append(svg("line", {class: "axis", x1: MARGIN / 2, x2: width - LABEL_SPACE - MARGIN / 2, y1: axisY, y2: axisY}));
  dates.forEach((d, col) => {
    const x = MARGIN + col * COLUMN;
    if (col > 0 && dateValue(d) - dateValue(dates[col - 1]) > 366 * DAY_MS) {
      const gx = x - COLUMN / 2;
      root.append(svg("path", {class: "gap", d: `M${gx - 4} ${axisY + 6} L${gx} ${axisY - 6} M${gx + 2} ${axisY + 6} L${gx + 6} ${axisY - 6}`}));
    }
    root.append(svg("line", {class: "tick", x1: x, x2: x, y1: axisY, y2: axisY + 5}));
    root.append(svg("text", {class: "date", x, y: axisY + 14, transform: `rotate(40 ${x} ${axisY + 14})`}, fmtDate(d)));
    const ids = byDate.get(d);
    ids.slice(0, MAX_STACK).forEach((i, k) => {
      const y = axisY - DOT_R - 4 - k * DOT_STEP;
      const dot = svg("circle", {class: "event", cx: x, cy: y, r: DOT_R, tabindex: 0, role: "button",
                                 "data-index": i, "aria-label": fmtDate(d) + ": " + entries[i].text},
                      svg("title", null, fmtDate(d) + ": " + entries[i].text));
      dot.addEventListener("click", () => onSelect(i));
      dot.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onSelect(i);
        }
      });
      root.append(dot);
    });
    if (ids.length > MAX_STACK) {
      root.append(svg("text", {class: "more", x, y: MARGIN - 8}, "+" + (ids.length - MAX_STACK)));
    }
  });
  return root;
}
