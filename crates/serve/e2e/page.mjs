// End-to-end checks of dateline serve's page in headless Chromium.
//
//   node page.mjs BASE_URL SCREENSHOT.png
//
// BASE_URL is a server over a store that holds the fixture articles of crates/serve/tests/
// fixtures (run by crates/serve/tests/browser.rs). Prints one line per check and exits 1 on
// the first failure.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, shot] = process.argv.slice(2);
if (!base || !shot) {
  console.error("usage: node page.mjs BASE_URL SCREENSHOT.png");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "dateline-e2e-"));
const failures = [];
let passed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log("ok   " + name);
  } else {
    failures.push(name);
    console.log("FAIL " + name + (detail === undefined ? "" : ": " + JSON.stringify(detail)));
  }
}
async function api(path) {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(path + ": HTTP " + r.status);
  return r.json();
}

// A fresh profile directory (the --user-data-dir): playwright passes it to Chromium.
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
let code = 0;
try {
  const page = await context.newPage();
  const pageErrors = [], dialogs = [], offsite = [], csp = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on("request", (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp = (window.__csp || []).concat([e.violatedDirective + " " + e.blockedURI]);
    });
  });
  const ready = async (before) => {
    await page.waitForFunction((b) => {
      const r = document.body.getAttribute("data-ready");
      return r !== null && r !== b;
    }, before, { timeout: 15000 });
  };
  const readyNow = () => page.evaluate(() => document.body.getAttribute("data-ready"));

  // 1. The page loads and draws the map.
  await page.goto(base + "/", { waitUntil: "load" });
  await ready(null);
  const countries = await page.locator("#map path.country").count();
  check("map draws the countries (from the embedded world-atlas)", countries > 150, countries);
  const points = await page.locator("#map circle.point").count();
  const allPoints = await api("/api/points?limit=3000");
  check("map shows one point per event with a place", points > 0 && points === allPoints.points.length, { points, api: allPoints.points.length });
  const classes = await page.locator("#map circle.point").evaluateAll((cs) => [...new Set(cs.map((c) => c.getAttribute("class")))]);
  check("points are coloured by QuadClass", classes.length >= 2, classes);
  const all = await api("/api/stats");
  const shown = await page.textContent("#count-events");
  check("the page shows the API's event count", shown === String(all.events), { shown, api: all.events });
  const bars = await page.locator("#timeline rect.bar").count();
  check("the timeline has one bar per day", bars === all.by_day.length && bars > 1, { bars, days: all.by_day.length });

  // 2. A filter changes the counts the API reports and the page shows.
  let before = await readyNow();
  await page.selectOption("#f-root", "19");
  await ready(before);
  const fought = await api("/api/stats?root=19");
  const shown19 = await page.textContent("#count-events");
  check("root filter: the API count drops", fought.events > 0 && fought.events < all.events, { all: all.events, root19: fought.events });
  check("root filter: the page shows the API's count", shown19 === String(fought.events), { shown19, api: fought.events });
  const cameos = await page.locator("#list tbody tr td:nth-child(2)").allTextContents();
  check("root filter: every listed event has root 19", cameos.length > 0 && cameos.every((c) => c.startsWith("19")), cameos);
  const pts19 = await page.locator("#map circle.point").count();
  check("root filter: the map shows fewer points", pts19 > 0 && pts19 < points, { before: points, after: pts19 });
  // The confidence filter combines with it: the page's count is the API's, every listed
  // event shows a confidence at or above the bound.
  before = await readyNow();
  await page.selectOption("#f-confidence", "0.6");
  await ready(before);
  const sure = await api("/api/stats?root=19&min_confidence=0.6");
  const shownSure = await page.textContent("#count-events");
  check("confidence filter: the page shows the API's count", shownSure === String(sure.events) && sure.events < fought.events, { shownSure, api: sure.events, root19: fought.events });
  const confs = await page.locator("#list tbody tr td:nth-child(5)").allTextContents();
  check("confidence filter: every listed event is at least 0.6", confs.length === Math.min(sure.events, 25) && confs.every((c) => Number(c) >= 0.6), { confs, api: sure.events });
  before = await readyNow();
  await page.selectOption("#f-confidence", "");
  await ready(before);

  // 3. Click an event: the article opens with the highlight on exactly the trigger's words.
  const row = page.locator("#list tbody tr").first();
  const id = await row.getAttribute("data-event");
  await row.click();
  await page.waitForFunction((i) => document.body.getAttribute("data-article") === i, id, { timeout: 10000 });
  const ev = await api("/api/events/" + id);
  const rec = await api("/api/events/" + id + "/article");
  const bytes = Buffer.from(rec.article.text, "utf8");
  const want = bytes.subarray(ev.trigger_start, ev.trigger_end).toString("utf8");
  const got = (await page.locator("#a-text .hl-trigger").allTextContents()).join("");
  check("the highlight is exactly the trigger's words", got === want && got.length > 0, { got, want });
  const sentence = bytes.subarray(ev.sentence_start, ev.sentence_end).toString("utf8");
  const ev2 = (await page.locator("#a-text .hl-evidence").allTextContents()).join("");
  check("the evidence sentence is highlighted around it", ev2 === sentence, { ev2, sentence });
  check("the evidence sentence is shown above the article", (await page.textContent("#evidence-text")) === ev.evidence);
  const fields = await page.locator("#a-fields li").count();
  const layerCount = ["events", "entities", "places", "times", "casualties", "quotes"].reduce((n, k) => n + (rec[k] || []).length, 0);
  check("the article view lists every field of the record", fields === layerCount, { fields, layerCount });

  // A map point opens its event too.
  const dot = page.locator("#map circle.point").first();
  const dotEvent = await dot.getAttribute("data-event");
  await dot.dispatchEvent("click");
  await page.waitForFunction((i) => document.body.getAttribute("data-article") === i, dotEvent, { timeout: 10000 });
  check("clicking a map point opens its article", true);

  // 4. Brushing the timeline keeps the days brushed.
  await page.click("#clear");
  await page.waitForFunction(() => document.querySelector("#count-events").textContent !== "", null);
  await page.waitForTimeout(300);
  const box = await page.locator("#timeline").boundingBox();
  before = await readyNow();
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await ready(before);
  const from = await page.inputValue("#f-from"), to = await page.inputValue("#f-to");
  const brushed = await api("/api/stats?from=" + from + "&to=" + to);
  const shownB = await page.textContent("#count-events");
  check("brushing sets a day range", /^\d{4}-\d\d-\d\d$/.test(from) && /^\d{4}-\d\d-\d\d$/.test(to) && from <= to, { from, to });
  check("brushing changes the count to the API's for those days", shownB === String(brushed.events) && brushed.events < all.events, { shownB, api: brushed.events, all: all.events });

  // 5. The hostile article: its text is shown as text and nothing in it runs.
  before = await readyNow();
  await page.click("#clear");
  await ready(before);
  before = await readyNow();
  await page.fill("#f-text", "Homs");
  await page.click("#apply");
  await ready(before);
  const hostileRow = page.locator("#list tbody tr").first();
  const hid = await hostileRow.getAttribute("data-event");
  await hostileRow.click();
  await page.waitForFunction((i) => document.body.getAttribute("data-article") === i, hid, { timeout: 10000 });
  await page.hover("#a-text");
  await page.locator("#a-text").click({ position: { x: 30, y: 30 } });
  await page.waitForTimeout(500);
  const pwned = await page.evaluate(() => window.__pwned);
  check("hostile article: no script ran", pwned === undefined && dialogs.length === 0, { pwned, dialogs });
  const injected = await page.evaluate(() => document.querySelectorAll("#article script, #article img, #article svg, #article iframe, #article body, #a-text a, #a-text b, header img").length);
  check("hostile article: no element was made from its text", injected === 0, injected);
  const title = await page.textContent("#a-title");
  const atext = await page.textContent("#a-text");
  check("hostile article: tags are shown as text", title.includes("<script>") && atext.includes("onerror=") && atext.includes("<iframe"), title);
  const violations = await page.evaluate(() => window.__csp || []);
  check("no Content-Security-Policy violation", violations.length === 0, violations);
  check("no script error on the page", pageErrors.length === 0, pageErrors);
  check("no request left the server", offsite.length === 0, offsite);

  // 5b. A large total is a lower bound ("10,000+"): the API's answer rewritten in flight, as a
  // store of more than 10,000 matching events would give it.
  before = await readyNow();
  await page.click("#clear");
  await ready(before);
  const page1 = await api("/api/events?limit=25");
  check("the API says whether its total is exact", page1.total_exact === true, page1.total_exact);
  check("the page shows the exact total", (await page.textContent("#page-info")).endsWith(" of " + Number(page1.total).toLocaleString("en-US")), await page.textContent("#page-info"));
  await page.route(/\/api\/events\?/, async (route) => {
    const r = await route.fetch();
    const body = await r.json();
    body.total = 10000;
    body.total_exact = false;
    body.next_offset = body.offset + body.limit;
    await route.fulfill({ response: r, json: body });
  });
  before = await readyNow();
  await page.click("#clear");
  await ready(before);
  const capped = await page.textContent("#page-info");
  check("a lower-bound total shows as 10,000+", capped.endsWith(" of 10,000+"), capped);
  check("a lower-bound total leaves the next page open", !(await page.isDisabled("#next")));
  await page.unroute(/\/api\/events\?/);

  // 6. Screenshot: the whole page with an article open, checked to be no blank image.
  await page.click("#clear");
  await page.waitForTimeout(500);
  await page.locator("#list tbody tr").nth(2).click();
  await page.waitForTimeout(500);
  const png = await page.screenshot({ path: shot, fullPage: false });
  const probe = await context.newPage();
  const colours = await probe.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width; c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] >> 4) + "," + (d[i + 1] >> 4) + "," + (d[i + 2] >> 4));
    return { w: c.width, h: c.height, colours: seen.size };
  }, png.toString("base64"));
  check("screenshot is not blank", colours.w === 1400 && colours.colours > 20, colours);
} catch (e) {
  failures.push(String(e && e.stack || e));
  console.log("FAIL exception: " + (e && e.stack || e));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(passed + " passed, " + failures.length + " failed");
if (failures.length) code = 1;
process.exit(code);
