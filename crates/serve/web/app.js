// dateline serve: the page. Plain JavaScript, no build step. Every string that comes from the
// data is put into the page with textContent or createTextNode, never as HTML.
"use strict";

const CAMEO_ROOTS = {
  "01": "make public statement", "02": "appeal", "03": "express intent to cooperate",
  "04": "consult", "05": "engage in diplomatic cooperation", "06": "engage in material cooperation",
  "07": "provide aid", "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove",
  "12": "reject", "13": "threaten", "14": "protest", "15": "exhibit force posture",
  "16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight",
  "20": "use unconventional mass violence",
};
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const LAYERS = [
  ["event", "events"], ["entity", "entities"], ["place", "places"],
  ["time", "times"], ["casualty", "casualties"], ["quote", "quotes"],
];
const PAGE = 25;

const state = { offset: 0, total: 0, stats: null, projection: null, selected: null };

// ---------- small helpers ----------
function $(id) { return document.getElementById(id); }
function el(tag, props, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return e;
}
const SVG = "http://www.w3.org/2000/svg";
function sv(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function showError(msg) {
  const p = $("error");
  p.textContent = msg || "";
  p.hidden = !msg;
}
async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: "answer is not JSON" }));
  if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
  return body;
}
function filterParams() {
  const p = new URLSearchParams();
  for (const e of $("filters").elements) {
    if (e.name && e.value.trim() !== "") p.set(e.name, e.value.trim());
  }
  return p;
}
function withParams(path, extra) {
  const p = filterParams();
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  const q = p.toString();
  return q ? path + "?" + q : path;
}

// UTF-8 byte offsets (the dateline/1 spans) to string indexes of a JavaScript (UTF-16) string.
function byteIndex(text) {
  const map = new Map();
  let b = 0, u = 0;
  for (const ch of text) {
    map.set(b, u);
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    u += ch.length;
  }
  map.set(b, u);
  return (off) => (map.has(off) ? map.get(off) : null);
}

// ---------- map ----------
async function drawMap() {
  const svg = $("map");
  const world = await fetch("/static/vendor/countries-110m.json").then((r) => r.json());
  const land = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [952, 492]], { type: "Sphere" });
  const path = d3.geoPath(projection);
  state.projection = projection;
  svg.append(sv("path", { d: path({ type: "Sphere" }), class: "sphere" }));
  svg.append(sv("path", { d: path(d3.geoGraticule10()), class: "graticule" }));
  const g = sv("g", { class: "countries" });
  for (const f of land.features) {
    const d = path(f);
    if (d) {
      const p = sv("path", { d, class: "country" });
      const t = sv("title");
      t.textContent = f.properties && f.properties.name ? f.properties.name : "";
      p.append(t);
      g.append(p);
    }
  }
  svg.append(g);
  svg.append(sv("g", { id: "points" }));
  svg.setAttribute("data-countries", String(land.features.length));
  const legend = $("legend");
  for (const q of [1, 2, 3, 4]) {
    legend.append(el("span", { class: "key q" + q }, el("i", {}), " " + q + " " + QUAD_NAMES[q]));
  }
}

function drawPoints(points) {
  const g = $("points");
  clear(g);
  if (!state.projection) return;
  const max = Math.max(1, ...points.map((p) => p.reports));
  // Biggest first, so small points stay clickable on top.
  const sorted = points.slice().sort((a, b) => b.reports - a.reports);
  for (const p of sorted) {
    const xy = state.projection([p.lon, p.lat]);
    if (!xy || !isFinite(xy[0]) || !isFinite(xy[1])) continue;
    const r = 3 + 9 * Math.sqrt(p.reports / max);
    const c = sv("circle", {
      cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1),
      class: "point q" + (p.quad_class || 0), "data-event": String(p.event),
      "data-reports": String(p.reports), tabindex: "0",
    });
    const t = sv("title");
    t.textContent = (p.place || "") + " · " + (p.date || "undated") + " · CAMEO " + p.root +
      " " + (CAMEO_ROOTS[p.root] || "") + " · " + p.reports + (p.reports === 1 ? " report" : " reports");
    c.append(t);
    c.addEventListener("click", () => openEvent(p.event));
    c.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(p.event); });
    g.append(c);
  }
  $("map").setAttribute("data-points", String(g.childNodes.length));
}

// ---------- timeline with brushing ----------
const TL = { x0: 40, x1: 950, y0: 8, y1: 88 };
function drawTimeline(byDay) {
  const svg = $("timeline");
  clear(svg);
  svg.setAttribute("data-days", String(byDay.length));
  if (byDay.length === 0) {
    const t = sv("text", { x: 480, y: 55, class: "empty" });
    t.textContent = "no dated events";
    svg.append(t);
    return;
  }
  const dayMs = 86400000;
  const t0 = Date.parse(byDay[0][0] + "T00:00:00Z");
  const t1 = Date.parse(byDay[byDay.length - 1][0] + "T00:00:00Z") + dayMs;
  const span = Math.max(dayMs, t1 - t0);
  const x = (t) => TL.x0 + ((t - t0) / span) * (TL.x1 - TL.x0);
  const max = Math.max(...byDay.map((d) => d[1]));
  const w = Math.max(1, (TL.x1 - TL.x0) * dayMs / span - 0.5);
  svg.append(sv("line", { x1: TL.x0, x2: TL.x1, y1: TL.y1, y2: TL.y1, class: "axis" }));
  for (const [day, n] of byDay) {
    const t = Date.parse(day + "T00:00:00Z");
    const h = Math.max(1, (n / max) * (TL.y1 - TL.y0));
    const r = sv("rect", { x: x(t).toFixed(2), y: (TL.y1 - h).toFixed(2), width: w.toFixed(2), height: h.toFixed(2), class: "bar", "data-day": day });
    const tt = sv("title");
    tt.textContent = day + ": " + n;
    r.append(tt);
    svg.append(r);
  }
  const label = (s, xx, anchor) => {
    const t = sv("text", { x: xx, y: 104, "text-anchor": anchor, class: "tick" });
    t.textContent = s;
    svg.append(t);
  };
  label(byDay[0][0], TL.x0, "start");
  label(byDay[byDay.length - 1][0], TL.x1, "end");
  const ymax = sv("text", { x: TL.x0 - 4, y: TL.y0 + 8, "text-anchor": "end", class: "tick" });
  ymax.textContent = String(max);
  svg.append(ymax);
  const brush = sv("rect", { id: "brush", x: 0, y: TL.y0, width: 0, height: TL.y1 - TL.y0, class: "brush" });
  svg.append(brush);
  const toSvgX = (ev) => {
    const r = svg.getBoundingClientRect();
    return ((ev.clientX - r.left) / r.width) * 960;
  };
  const dayAt = (sx) => {
    const t = t0 + ((Math.min(Math.max(sx, TL.x0), TL.x1 - 0.01) - TL.x0) / (TL.x1 - TL.x0)) * span;
    return new Date(Math.floor(t / dayMs) * dayMs).toISOString().slice(0, 10);
  };
  let start = null;
  svg.onpointerdown = (ev) => {
    start = toSvgX(ev);
    svg.setPointerCapture(ev.pointerId);
    brush.setAttribute("x", start);
    brush.setAttribute("width", 0);
  };
  svg.onpointermove = (ev) => {
    if (start === null) return;
    const cur = toSvgX(ev);
    brush.setAttribute("x", Math.min(start, cur));
    brush.setAttribute("width", Math.abs(cur - start));
  };
  svg.onpointerup = (ev) => {
    if (start === null) return;
    const end = toSvgX(ev);
    const a = Math.min(start, end), b = Math.max(start, end);
    start = null;
    if (b - a < 3) {
      $("f-from").value = "";
      $("f-to").value = "";
    } else {
      $("f-from").value = dayAt(a);
      $("f-to").value = dayAt(b);
    }
    state.offset = 0;
    refresh();
  };
}

// ---------- counts and list ----------
function showCounts(stats) {
  $("count-events").textContent = String(stats.events);
  $("count-articles").textContent = String(stats.articles);
  $("count-clusters").textContent = String(stats.clusters);
  const f = $("f-from").value, t = $("f-to").value;
  $("count-range").textContent = f || t ? "· days " + (f || "…") + " to " + (t || "…") : "";
}

// A total as the API gives it: exact, or a lower bound (`total_exact: false`) shown as "10,000+".
function totalText(page) {
  const n = Number(page.total).toLocaleString("en-US");
  return page.total_exact === false ? n + "+" : n;
}

function drawList(page) {
  const tb = $("list").tBodies[0];
  clear(tb);
  state.total = page.total;
  for (const e of page.events) {
    const tr = el("tr", { "data-event": String(e.id), tabindex: "0", class: "q" + (e.quad_class || 0) },
      el("td", { text: e.date || "" }),
      el("td", { text: e.cameo }),
      el("td", { text: e.quad_class == null ? "" : String(e.quad_class) }),
      el("td", { text: e.status }),
      el("td", { text: e.confidence == null ? "" : e.confidence.toFixed(2) }),
      el("td", { text: e.source_actor || "" }),
      el("td", { text: e.target_actor || "" }),
      el("td", { text: e.place || "" }),
      el("td", { text: String(e.cluster ? e.cluster.mentions : 1) }),
      el("td", { class: "evidence", text: e.evidence || "" }));
    tr.addEventListener("click", () => openEvent(e.id));
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvent(e.id); });
    tb.append(tr);
  }
  const from = page.total === 0 ? 0 : page.offset + 1;
  $("page-info").textContent = from + "–" + (page.offset + page.events.length) + " of " + totalText(page);
  $("prev").disabled = page.offset === 0;
  $("next").disabled = page.next_offset == null;
}

let generation = 0;
async function refresh() {
  const mine = ++generation;
  showError("");
  history.replaceState(null, "", "#" + filterParams().toString());
  try {
    const [stats, page, pts] = await Promise.all([
      api(withParams("/api/stats")),
      api(withParams("/api/events", { limit: PAGE, offset: state.offset })),
      api(withParams("/api/points", { limit: 3000 })),
    ]);
    if (mine !== generation) return;
    state.stats = stats;
    showCounts(stats);
    drawTimeline(stats.by_day);
    drawList(page);
    drawPoints(pts.points);
    document.body.setAttribute("data-ready", String(mine));
  } catch (e) {
    if (mine === generation) {
      showError(e.message);
      document.body.setAttribute("data-ready", String(mine));
    }
  }
}

// ---------- article view ----------
function spansOf(rec) {
  // [kind, id, start, end, label]
  const out = [];
  for (const e of rec.events || []) if (e.trigger) out.push(["event", e.id, e.trigger.start, e.trigger.end, e.cameo + " " + (e.status || "")]);
  for (const e of rec.entities || []) for (const m of e.mentions || []) out.push(["entity", e.id, m.start, m.end, e.kind + ": " + e.name]);
  for (const p of rec.places || []) for (const m of p.mentions || []) out.push(["place", p.id, m.start, m.end, p.name + (p.country ? ", " + p.country : "")]);
  (rec.times || []).forEach((t, i) => out.push(["time", "t" + (i + 1), t.start, t.end, t.value || ""]));
  for (const c of rec.casualties || []) out.push(["casualty", c.id, c.start, c.end, c.kind + " " + (c.min == null ? "?" : c.min)]);
  for (const q of rec.quotes || []) out.push(["quote", q.id, q.start, q.end, q.kind + (q.speaker_name ? " — " + q.speaker_name : "")]);
  return out.filter((s) => Number.isInteger(s[2]) && Number.isInteger(s[3]) && s[3] > s[2]);
}

// The article text as runs of plain text; each run carries the layers covering it.
function renderText(text, spans, focus) {
  const idx = byteIndex(text);
  const marks = [];
  for (const s of spans) {
    const a = idx(s[2]), b = idx(s[3]);
    if (a !== null && b !== null && b > a) marks.push({ kind: s[0], id: s[1], a, b, label: s[4] });
  }
  if (focus) {
    for (const [cls, s, e] of [["evidence", focus.sentence_start, focus.sentence_end], ["trigger", focus.trigger_start, focus.trigger_end]]) {
      const a = Number.isInteger(s) ? idx(s) : null, b = Number.isInteger(e) ? idx(e) : null;
      if (a !== null && b !== null && b > a) marks.push({ kind: cls, id: cls, a, b, label: cls });
    }
  }
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.a); cuts.add(m.b); }
  const points = [...cuts].sort((x, y) => x - y);
  const box = $("a-text");
  clear(box);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const cover = marks.filter((m) => m.a <= a && m.b >= b);
    if (cover.length === 0) { box.append(document.createTextNode(piece)); continue; }
    const span = el("span", { class: cover.map((m) => "hl-" + m.kind).join(" ") });
    span.setAttribute("data-ids", cover.map((m) => m.id).join(" "));
    span.title = cover.map((m) => m.kind + " " + m.label).join("\n");
    span.textContent = piece;
    box.append(span);
  }
}

function fieldList(rec) {
  const box = $("a-fields");
  clear(box);
  const text = rec.article.text;
  const slice = (() => {
    const idx = byteIndex(text);
    return (s, e) => { const a = idx(s), b = idx(e); return a !== null && b !== null ? text.slice(a, b) : ""; };
  })();
  const section = (title, rows) => {
    if (!rows.length) return;
    box.append(el("h3", { text: title + " (" + rows.length + ")" }));
    const ul = el("ul", {});
    for (const r of rows) ul.append(r);
    box.append(ul);
  };
  const item = (ids, ...parts) => {
    const li = el("li", { "data-ref": ids }, ...parts);
    li.addEventListener("click", () => flash(ids));
    return li;
  };
  section("Events", (rec.events || []).map((e) => item(e.id,
    el("b", { text: e.id + " " + e.cameo + " " }), (CAMEO_ROOTS[e.cameo_root] || "") + " · " + e.status +
    " · “" + slice(e.trigger.start, e.trigger.end) + "”" +
    (e.date && e.date.value ? " · " + e.date.value : "") +
    " · source " + ((e.source || []).map((a) => a.code).join(", ") || "–") +
    " · target " + ((e.target || []).map((a) => a.code).join(", ") || "–"))));
  section("Entities", (rec.entities || []).map((e) => item(e.id, el("b", { text: e.id + " " }),
    e.kind + ": " + e.name + (e.actor && e.actor.code ? " (" + e.actor.code + ")" : "") + " · " + (e.mentions || []).length + " mentions")));
  section("Places", (rec.places || []).map((p) => item(p.id, el("b", { text: p.id + " " }),
    p.name + (p.country ? ", " + p.country : "") + (p.lat != null ? " (" + p.lat + ", " + p.lon + ")" : ""))));
  section("Times", (rec.times || []).map((t, i) => item("t" + (i + 1), el("b", { text: "t" + (i + 1) + " " }),
    "“" + t.text + "” = " + (t.value || "?"))));
  section("Casualties", (rec.casualties || []).map((c) => item(c.id, el("b", { text: c.id + " " }),
    c.kind + " " + (c.min == null ? "?" : c.min) + (c.max != null && c.max !== c.min ? "–" + c.max : "") +
    " · “" + c.text + "”" + (c.event ? " · " + c.event : ""))));
  section("Quotes", (rec.quotes || []).map((q) => item(q.id, el("b", { text: q.id + " " }),
    q.kind + (q.speaker_name ? " · " + q.speaker_name : "") + " · “" + q.text + "”")));
}

function flash(id) {
  const hits = [...$("a-text").querySelectorAll("span[data-ids]")].filter((s) => s.getAttribute("data-ids").split(" ").includes(id));
  for (const s of document.querySelectorAll(".flash")) s.classList.remove("flash");
  for (const s of hits) s.classList.add("flash");
  if (hits[0]) hits[0].scrollIntoView({ block: "center" });
}

function layerToggles() {
  const box = $("a-layers");
  clear(box);
  for (const [kind, label] of LAYERS) {
    const id = "layer-" + kind;
    const cb = el("input", { type: "checkbox", id });
    cb.checked = true;
    cb.addEventListener("change", () => $("a-text").classList.toggle("hide-" + kind, !cb.checked));
    box.append(el("label", { class: "layer hl-" + kind }, cb, " " + label));
  }
}

async function openEvent(id) {
  showError("");
  try {
    const [ev, rec] = await Promise.all([api("/api/events/" + id), api("/api/events/" + id + "/article")]);
    state.selected = id;
    const a = rec.article || {};
    $("article").hidden = false;
    $("article").setAttribute("data-event", String(id));
    $("a-title").textContent = a.title || a.id || "";
    clear($("a-meta"));
    $("a-meta").append(document.createTextNode([a.source, a.published, "id " + a.id].filter(Boolean).join(" · ")));
    if (typeof a.url === "string" && /^https?:\/\//i.test(a.url)) {
      $("a-meta").append(" · ", el("a", { href: a.url, rel: "noopener noreferrer nofollow", target: "_blank", text: "original" }));
    }
    const box = $("a-event");
    clear(box);
    box.append(el("p", {},
      el("b", { text: "Event " + ev.event + ": " }),
      "CAMEO " + ev.cameo + " (" + (CAMEO_ROOTS[ev.root] || "") + ")" + " · QuadClass " + (ev.quad_class ?? "–") +
      " · " + ev.status + " · " + (ev.date || "undated") + " · " + (ev.place || "no place") +
      " · " + ev.cluster.mentions + (ev.cluster.mentions === 1 ? " report" : " reports") +
      " in " + ev.cluster.articles + (ev.cluster.articles === 1 ? " article" : " articles")));
    box.append(el("p", { class: "sentence" }, el("b", { text: "Evidence: " }), el("q", { id: "evidence-text", text: ev.evidence || "" })));
    layerToggles();
    renderText(a.text || "", spansOf(rec), ev);
    fieldList(rec);
    const t = document.querySelector("#a-text .hl-trigger");
    if (t) t.scrollIntoView({ block: "center" });
    document.body.setAttribute("data-article", String(id));
  } catch (e) {
    showError(e.message);
  }
}

// ---------- start ----------
function fromHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  for (const e of $("filters").elements) if (e.name && p.has(e.name)) e.value = p.get(e.name);
}

async function start() {
  const root = $("f-root");
  for (const [code, name] of Object.entries(CAMEO_ROOTS)) root.append(el("option", { value: code, text: code + " " + name }));
  fromHash();
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; refresh(); });
  for (const id of ["f-root", "f-quad", "f-status", "f-confidence"]) $(id).addEventListener("change", () => { state.offset = 0; refresh(); });
  $("clear").addEventListener("click", () => { $("filters").reset(); $("f-from").value = ""; $("f-to").value = ""; state.offset = 0; refresh(); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; refresh(); });
  $("close-article").addEventListener("click", () => { $("article").hidden = true; });
  try { await drawMap(); } catch (e) { showError("map: " + e.message); }
  await refresh();
}

document.addEventListener("DOMContentLoaded", start);
