// newsevents web UI: the story timeline, the actor network and the article view's event
// highlighting. Plain DOM and SVG, no library. Data comes from <script type="application/json">
// blocks the server fills; text goes into the page only through textContent, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const TYPE_COLOURS = {
  AGREE: "#2e7d32", CONSULT: "#1565c0", SUPPORT: "#00838f", CONCEDE: "#7cb342", COOPERATE: "#43a047",
  AID: "#26a69a", RETREAT: "#9e9d24", REQUEST: "#5c6bc0", ACCUSE: "#ef6c00", REJECT: "#8d6e63",
  THREATEN: "#d84315", PROTEST: "#f9a825", SANCTION: "#6a1b9a", MOBILIZE: "#ad1457",
  COERCE: "#c62828", ASSAULT: "#b71c1c",
};

function el(name, attrs = {}, text = null) {
  const node = name.startsWith("svg:") ? document.createElementNS(SVG, name.slice(4)) : document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}

function readJSON(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

const day = (s) => Date.parse(s + "T00:00:00Z");

// -- story view: an interactive timeline, one row per event type, coloured by status ----------
function drawTimeline(box, events) {
  const placed = events.filter((e) => e.lo);
  if (!placed.length) { box.textContent = "No dated story events."; return; }
  const types = [...new Set(placed.map((e) => e.type))].sort();
  let lo = Math.min(...placed.map((e) => day(e.lo))), hi = Math.max(...placed.map((e) => day(e.hi || e.lo)));
  const pad = Math.max((hi - lo) * 0.04, 86400000 * 2);
  lo -= pad; hi += pad;
  const width = Math.max(box.clientWidth || 900, 600), left = 110, right = 20, lane = 16, lanes = 3;
  const rowH = lane * lanes + 12, top = 30, height = top + types.length * rowH + 10;
  const x = (t) => left + ((t - lo) / (hi - lo)) * (width - left - right);
  const svg = el("svg:svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", class: "timeline-svg" });
  // month ticks
  const start = new Date(lo), tick = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  const months = (hi - lo) / (86400000 * 30), step = Math.max(1, Math.ceil(months / 12));
  while (tick.getTime() <= hi) {
    if (tick.getTime() >= lo) {
      const tx = x(tick.getTime());
      svg.append(el("svg:line", { x1: tx, x2: tx, y1: top - 6, y2: height - 6, class: "tick" }));
      svg.append(el("svg:text", { x: tx + 2, y: top - 10, class: "tick-label" }, tick.toISOString().slice(0, 7)));
    }
    tick.setUTCMonth(tick.getUTCMonth() + step);
  }
  types.forEach((t, i) => {
    const y = top + i * rowH;
    svg.append(el("svg:rect", { x: 0, y, width, height: rowH - 4, class: i % 2 ? "row odd" : "row" }));
    svg.append(el("svg:text", { x: 6, y: y + rowH / 2, class: "row-label" }, t));
  });
  const used = {};  // per type: the right ends of each lane, to stack events that meet
  for (const ev of placed) {
    const row = types.indexOf(ev.type), x0 = x(day(ev.lo)), x1 = Math.max(x(day(ev.hi || ev.lo)), x0);
    const ends = (used[ev.type] = used[ev.type] || []);
    let k = ends.findIndex((end) => end < x0 - 6);
    if (k < 0) k = ends.length < lanes ? ends.length : ends.indexOf(Math.min(...ends));
    ends[k] = Math.max(x1, x0 + 12);
    const cy = top + row * rowH + 6 + k * lane + lane / 2;
    const g = el("svg:g", { class: `mark st-${ev.status}${ev.overdue ? " overdue" : ""}`, tabindex: "0",
                            role: "button", "data-id": ev.id });
    g.append(el("svg:title", {}, `${ev.type} · ${ev.status}${ev.overdue ? " (overdue)" : ""} · ${ev.when} · ${ev.who}`));
    if (x1 - x0 > 8) g.append(el("svg:rect", { x: x0, y: cy - 4, width: x1 - x0, height: 8, rx: 4, class: "span" }));
    g.append(el("svg:circle", { cx: x0, cy, r: 6 }));
    const open = () => showDetails(ev, g);
    g.addEventListener("click", open);
    g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    svg.append(g);
  }
  box.replaceChildren(svg);
}

function showDetails(ev, mark) {
  document.querySelectorAll(".mark.selected").forEach((m) => m.classList.remove("selected"));
  mark.classList.add("selected");
  const box = document.getElementById("details");
  const head = el("h3", {}, `${ev.type} · ${ev.who}`);
  const status = el("p", {});
  status.append(el("span", { class: `status st-${ev.status}` }, ev.status));
  if (ev.overdue) status.append(" ", el("span", { class: "status st-overdue" }, "overdue"));
  status.append(` ${ev.when}`, ev.history.includes("→") ? ` · history: ${ev.history}` : "");
  const list = el("ol", { class: "mentions" });
  for (const m of ev.mentions) {
    const item = el("li", {});
    item.append(el("span", { class: `status st-${m.status}` }, m.status), ` ${m.publisher || ""} ${m.published || ""}: `);
    item.append(el("a", { href: m.href, class: "evidence-link" }, m.text));
    list.append(item);
  }
  const close = el("button", { type: "button", class: "close", "aria-label": "close" }, "×");
  close.addEventListener("click", () => { box.hidden = true; });
  box.replaceChildren(close, head, status, el("p", { class: "small muted" }, "Reports, each linking to its sentence:"), list);
  box.hidden = false;
}

// -- actor network: actors on a circle, edges by shared story events ---------------------------
function drawNetwork(box, data) {
  if (!data.nodes.length) { box.textContent = "No story events match."; return; }
  const width = Math.max((box.clientWidth || 800) - 20, 520), height = 600;
  const cx = width / 2, cy = height / 2, radius = Math.min(cx, cy) - 70;
  const svg = el("svg:svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", class: "network-svg" });
  const pos = {};
  data.nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / data.nodes.length - Math.PI / 2;
    pos[n.id] = [cx + radius * Math.cos(a), cy + radius * Math.sin(a), a];
  });
  const maxW = Math.max(...data.edges.map((e) => e.events), 1);
  for (const e of [...data.edges].reverse()) {
    const [x1, y1] = pos[e.source], [x2, y2] = pos[e.target];
    const main = Object.entries(e.by_type).sort((p, q) => q[1] - p[1])[0][0];
    const a = el("svg:a", { href: `/story?actor=${encodeURIComponent(e.source)}&actor=${encodeURIComponent(e.target)}` });
    const line = el("svg:line", { x1, y1, x2, y2, class: "edge", stroke: TYPE_COLOURS[main] || "#888",
                                  "stroke-width": 1 + 7 * Math.sqrt(e.events / maxW) });
    const counts = Object.entries(e.by_type).sort((p, q) => q[1] - p[1]).map(([t, n]) => `${t} ${n}`).join(", ");
    line.append(el("svg:title", {}, `${e.source} – ${e.target}: ${e.events} story events (${counts})`));
    a.append(line);
    svg.append(a);
  }
  const maxN = Math.max(...data.nodes.map((n) => n.events), 1);
  for (const n of data.nodes) {
    const [x, y, angle] = pos[n.id];
    const a = el("svg:a", { href: `/actors/${encodeURIComponent(n.id)}`, class: "node" });
    const circle = el("svg:circle", { cx: x, cy: y, r: 5 + 14 * Math.sqrt(n.events / maxN) });
    circle.append(el("svg:title", {}, `${n.name} (${n.id}): ${n.events} events`));
    const lx = x + 24 * Math.cos(angle), ly = y + 24 * Math.sin(angle) + 4;
    a.append(circle, el("svg:text", { x: lx, y: ly, "text-anchor": Math.cos(angle) < -0.2 ? "end" : Math.cos(angle) > 0.2 ? "start" : "middle" }, n.id));
    svg.append(a);
  }
  const legend = el("p", { class: "legend small" });
  const used = new Set(data.edges.map((e) => Object.entries(e.by_type).sort((p, q) => q[1] - p[1])[0][0]));
  for (const t of Object.keys(TYPE_COLOURS).filter((t) => used.has(t))) {
    const sw = el("span", { class: "swatch" });
    sw.style.background = TYPE_COLOURS[t];
    legend.append(sw, ` ${t} `);
  }
  box.replaceChildren(svg, legend);
}

// -- article view: show an event's evidence sentence -----------------------------------------
function focusEvent(index) {
  document.querySelectorAll("#article-text .focus").forEach((s) => s.classList.remove("focus"));
  document.querySelectorAll(".event-item.selected").forEach((s) => s.classList.remove("selected"));
  const segs = [...document.querySelectorAll("#article-text [data-ev]")]
    .filter((s) => s.dataset.ev.split(" ").includes(String(index)));
  segs.forEach((s) => s.classList.add("focus"));
  const item = document.querySelector(`.event-item[data-event="${index}"]`);
  if (item) item.classList.add("selected");
  if (segs.length) segs[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

document.addEventListener("DOMContentLoaded", () => {
  const story = readJSON("story-data"), timeline = document.getElementById("timeline");
  if (story && timeline) drawTimeline(timeline, story);
  const net = readJSON("network-data"), netBox = document.getElementById("network");
  if (net && netBox) drawNetwork(netBox, net);
  for (const item of document.querySelectorAll(".event-item")) {
    const go = (e) => { if (e.target.closest("a:not(.show-evidence)")) return; e.preventDefault(); focusEvent(item.dataset.event); };
    item.addEventListener("click", go);
    item.addEventListener("keydown", (e) => { if (e.key === "Enter") go(e); });
  }
  const focus = document.getElementById("focus");
  if (focus) focus.scrollIntoView({ block: "center" });
});
