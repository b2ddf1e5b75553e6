// Issue 15, part 5: the web page in a real browser. Playwright (playwright-
// core from npm, no browser download) drives Debian's chromium through the
// page `storyline serve` answers for a store of examples/ plus two articles
// whose title, text, quotations, outlet and URL carry hostile markup
// (hostile.jsonl). It loads the stories list, filters it, searches, opens a
// story, follows evidence links to their highlighted sentences, opens an
// entity page, watches a story ingested beside the running server appear
// without a reload, and after every step checks that no hostile markup ran
// or was parsed. Screenshots of each step are kept in --out.
//
//   node tests/browser/page_test.mjs --storyline build/storyline --source . --out build/browser-test
//
// Exit 0: passed; 1: failed (the reason on stderr); 77: skipped, only when
// Chromium cannot start (ctest's SKIP_RETURN_CODE).

import {spawn, execFileSync} from "node:child_process";
import {existsSync, mkdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";

const SKIP = 77;
// Long enough for a loaded 2-core CI machine; only a broken page reaches it.
const STEP_TIMEOUT_MS = 30000;
// The page polls /api/status every 3 s; a new story must show within this.
const LIVE_TIMEOUT_MS = 45000;

const {values: args} = parseArgs({options: {
  storyline: {type: "string"}, source: {type: "string"}, out: {type: "string"},
  chromium: {type: "string", default: process.env.STORYLINE_CHROMIUM || "/usr/bin/chromium"},
}});
for (const k of ["storyline", "source", "out"]) {
  if (!args[k]) {
    console.error(`usage: node page_test.mjs --storyline BIN --source DIR --out DIR (missing --${k})`);
    process.exit(1);
  }
}

let playwright;
try {
  playwright = await import("playwright-core");
} catch (e) {
  console.error("FAIL: playwright-core is not installed in tests/browser/node_modules " +
                "(scripts/install-deps runs `npm ci` there): " + e.message);
  process.exit(1);
}

const out = args.out;
const shots = join(out, "screenshots");
rmSync(out, {recursive: true, force: true});
mkdirSync(shots, {recursive: true});
const db = join(out, "store.db");
const here = join(args.source, "tests", "browser");

function step(name) {
  console.log(`-- ${name}`);
}

function check(cond, what) {
  if (!cond) throw new Error(what);
}

// The store: examples/ and the hostile articles, one ingest.
execFileSync(args.storyline, ["ingest", "--no-progress", "--db", db, join(args.source, "examples"),
                              join(here, "hostile.jsonl")], {stdio: ["ignore", "ignore", "inherit"]});

// `storyline serve` on a free port; its first line names the address.
function startServer() {
  const server = spawn(args.storyline, ["serve", "--db", db, "--port", "0"], {stdio: ["ignore", "pipe", "pipe"]});
  let stderr = "";
  server.stderr.on("data", (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => reject(new Error("serve printed no address: " + stderr)), STEP_TIMEOUT_MS);
    server.stdout.on("data", (d) => {
      stdout += d;
      const m = /http:\/\/[^\s/]+:\d+\//.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({server, base: m[0].replace(/\/$/, "")});
      }
    });
    server.on("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

// What must hold on every page: no hostile markup became elements, handlers
// or links, nothing the hostile text tried ran, and nothing broke.
async function assertClean(page, events, where) {
  const found = await page.evaluate(() => {
    const bad = [];
    if (window.__pwned !== undefined) bad.push("hostile script ran: " + window.__pwned);
    const scripts = [...document.scripts].map((s) => s.getAttribute("src"));
    if (scripts.length !== 1 || scripts[0] !== "/static/app.js") bad.push("scripts: " + JSON.stringify(scripts));
    for (const e of document.querySelectorAll("*")) {
      for (const a of e.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${e.tagName} has ${a.name}`);
        if (/^\s*javascript:/i.test(a.value)) bad.push(`${e.tagName} ${a.name}=${a.value}`);
      }
    }
    for (const e of document.querySelectorAll("img, iframe, object, embed, frame, base, form[action^=javascript]")) {
      bad.push("element from data: " + e.outerHTML.slice(0, 120));
    }
    for (const e of document.querySelectorAll("svg:not(.timeline)")) bad.push("svg from data: " + e.outerHTML.slice(0, 120));
    for (const a of document.querySelectorAll("a[href]")) {
      const u = new URL(a.href, location.href);
      if (u.protocol !== "http:" && u.protocol !== "https:") bad.push("link to " + a.href);
      if (u.origin !== location.origin && !a.classList.contains("external")) bad.push("foreign link " + a.href);
    }
    return bad.concat((window.__cspViolations || []).map((v) => "CSP blocked " + v));
  });
  const problems = found.concat(events.splice(0));
  if (problems.length) throw new Error(`${where}: ${problems.join("; ")}`);
}

async function shot(page, name, fullPage) {
  await page.screenshot({path: join(shots, name + ".png"), fullPage: Boolean(fullPage)});
}

async function ready(page) {
  await page.waitForSelector("body[data-ready='1']", {timeout: STEP_TIMEOUT_MS});
}

const norm = (s) => s.replace(/\s+/g, " ").trim();

async function run(browser, base) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const events = [];
  page.on("dialog", (d) => { events.push("dialog opened: " + d.message()); d.dismiss().catch(() => {}); });
  page.on("pageerror", (e) => events.push("page error: " + e.message));
  page.on("console", (m) => { if (m.type() === "error") events.push("console error: " + m.text()); });
  page.on("requestfailed", (r) => events.push("request failed: " + r.url()));
  page.on("request", (r) => {
    if (!r.url().startsWith(base + "/")) events.push("request to another origin: " + r.url());
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation",
                              (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
  });

  step("stories list: newest first, headlines, sizes, outlets, conflict badges");
  await page.goto(base + "/");
  await ready(page);
  const cards = page.locator("#stories li.card");
  check(await cards.count() >= 5, "fewer than 5 story cards");
  const firstTitle = await cards.first().locator("h2 a").textContent();
  check(firstTitle.includes("Harbour") && firstTitle.includes("<b>ferry</b>") && firstTitle.includes("<svg onload"),
        "the newest story (the hostile harbour one) is not first, or its title is not shown as text: " + firstTitle);
  check(await page.locator("#stories .badge.conflict").count() >= 1, "no conflict badge on any story");
  check(await page.locator("#stories .outlet").count() >= 1, "no outlets on the cards");
  check(/\d+ articles?/.test(await cards.first().locator(".size").textContent()), "no story size");
  await assertClean(page, events, "list");
  await shot(page, "01-stories", true);

  step("filter by outlet");
  await page.fill("#filters input[name=outlet]", "Metro Wire");
  await Promise.all([page.waitForURL(/outlet=Metro/), page.click("#filters button[type=submit]")]);
  await ready(page);
  const filtered = page.locator("#stories li.card");
  check(await filtered.count() >= 1, "no story from Metro Wire");
  for (const outlets of await filtered.locator(".outlets").allTextContents()) {
    check(outlets.includes("Metro Wire"), "a filtered story without Metro Wire: " + outlets);
  }
  await assertClean(page, events, "filtered list");

  step("search articles, quotations and entities");
  await page.fill("header.top input[name=q]", "Gareth");
  await Promise.all([page.waitForURL(/\/search\?q=Gareth/), page.press("header.top input[name=q]", "Enter")]);
  await ready(page);
  for (const kind of ["articles", "quotes", "entities"]) {
    await page.waitForSelector(`#hits-${kind} li.hit`);
  }
  await assertClean(page, events, "search");
  await shot(page, "02-search", true);

  step("open a story with conflicts");
  await page.goto(base + "/");
  await ready(page);
  const conflicted = page.locator("#stories li.card", {has: page.locator(".badge.conflict")})
                         .filter({hasText: "Linden Street Bridge"});
  check(await conflicted.count() >= 1, "the bridge story has no conflict badge");
  await Promise.all([page.waitForURL(/\/story\//), conflicted.first().locator("h2 a").click()]);
  await ready(page);
  await page.waitForSelector("#conflicts article.conflict");
  await page.waitForSelector("svg.timeline circle.event");
  await page.waitForSelector("#quotes .variants.differ figure.variant + figure.variant");
  await page.waitForSelector("#entities li.entity .aliases");
  const order = await page.$$eval("main section.section", (ss) => ss.map((s) => s.id));
  check(order[0] === "conflicts", "conflicts are not the first section: " + order.join(","));
  check(await page.locator("svg.timeline circle.event").count() >= 3, "fewer than 3 events on the timeline");
  const hostileOutlet = page.locator("#conflicts .source", {hasText: "onerror"});
  check(await hostileOutlet.count() >= 1, "the hostile outlet's side of a conflict is not shown as text");
  await shot(page, "03-story", false);
  await page.locator("#quotes").scrollIntoViewIfNeeded();
  await shot(page, "03-story-quotes", false);
  await page.locator("svg.timeline").scrollIntoViewIfNeeded();
  await page.locator("svg.timeline circle.event").first().click();
  await page.waitForSelector("li.event.selected");
  await page.locator("svg.timeline").scrollIntoViewIfNeeded();
  await shot(page, "03-story-timeline", false);
  await assertClean(page, events, "story");
  await shot(page, "03-story-full", true);
  const storyUrl = page.url();

  step("follow a conflict's evidence link to its highlighted sentence");
  const evidence = page.locator("#conflicts a.evidence-link").first();
  const evidenceText = norm(await evidence.textContent());
  await Promise.all([page.waitForURL(/\/article\/.*[?&]e=/), evidence.click()]);
  await ready(page);
  await page.waitForSelector(".sentence.hl");
  const highlighted = norm((await page.locator(".sentence.hl").allTextContents()).join(" "));
  check(highlighted.includes(evidenceText), `highlighted "${highlighted}" lacks the evidence "${evidenceText}"`);
  check(await page.locator(".sentence.hl").first().isVisible(), "the highlighted sentence is not visible");
  const box = await page.locator(".sentence.hl").first().boundingBox();
  check(box && box.y >= 0 && box.y < 900, "the highlighted sentence is not scrolled into view");
  await assertClean(page, events, "article (claim evidence)");
  await shot(page, "04-article-evidence", false);

  step("follow a quotation to its highlighted words");
  await page.goto(storyUrl);
  await ready(page);
  const variant = page.locator("#quotes figure.variant").first();
  const quoted = norm((await variant.locator("blockquote").textContent()).replace(/^“|”$/g, ""));
  await Promise.all([page.waitForURL(/\/article\/.*[?&]s=\d+-\d+/), variant.locator("a.source").first().click()]);
  await ready(page);
  await page.waitForSelector("mark.hit");
  const marked = norm((await page.locator("mark.hit").allTextContents()).join(""));
  check(marked === quoted, `marked "${marked}" is not the quotation "${quoted}"`);
  await assertClean(page, events, "article (quotation)");
  await shot(page, "05-article-quote", false);

  step("open an entity page");
  await page.goto(storyUrl);
  await ready(page);
  const entity = page.locator("#entities li.entity h3 a").first();
  const entityName = norm(await entity.textContent());
  await Promise.all([page.waitForURL(/\/entity\//), entity.click()]);
  await ready(page);
  await page.waitForSelector("#entity-stories li.card");
  check(norm(await page.locator("main h1").textContent()).startsWith(entityName), "entity page names another entity");
  await page.waitForSelector("#entity-claims");
  await page.waitForSelector("#entity-quotes");
  await assertClean(page, events, "entity");
  await shot(page, "06-entity", true);

  step("hostile article: its markup shown as text, its URL not a link");
  await page.goto(base + "/article/hostile-bridge");
  await ready(page);
  const title = await page.locator("main h1").textContent();
  check(title.includes("<script>") && title.includes("<svg onload"), "hostile title not shown as text: " + title);
  check(await page.locator("a.external").count() === 0, "a javascript: URL became a link");
  check((await page.locator(".unlinked").textContent()).startsWith("javascript:"), "the refused URL is not shown");
  await assertClean(page, events, "hostile article");
  await page.goto(base + "/article/hostile-harbour");
  await ready(page);
  check(await page.locator("a.external").count() === 1, "the hostile harbour article's https URL is not a link");
  await assertClean(page, events, "hostile https article");
  await page.goto(base + "/search?q=" + encodeURIComponent("\"><svg onload=alert(1)> ferry"));
  await ready(page);
  await page.waitForSelector("#hits-articles li");
  await assertClean(page, events, "hostile search");
  await shot(page, "07-hostile", true);

  step("a story ingested beside the running server appears without a reload");
  await page.goto(base + "/");
  await ready(page);
  await page.evaluate(() => { window.__notReloaded = true; });
  execFileSync(args.storyline, ["ingest", "--no-progress", "--db", db, join(here, "live.jsonl")],
               {stdio: ["ignore", "ignore", "inherit"]});
  await page.waitForSelector("#stories li.card.is-new >> text=Kestrel Hill", {timeout: LIVE_TIMEOUT_MS});
  check(await page.evaluate(() => window.__notReloaded === true), "the page reloaded");
  check(/new stor/.test(await page.locator("#live").textContent()), "the live notice says nothing");
  await assertClean(page, events, "live list");
  await shot(page, "08-live", false);
  await context.close();
}

const {server, base} = await startServer();
let browser = null;
let code = 0;
try {
  if (!existsSync(args.chromium)) {
    console.log(`SKIP: no Chromium at ${args.chromium} (scripts/install-deps installs Debian's chromium)`);
    code = SKIP;
  } else {
    try {
      browser = await playwright.chromium.launch({
        executablePath: args.chromium,
        // As root (CI) Chromium needs --no-sandbox; the rest keep it from
        // reaching the network, which this machine's closed network refuses.
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        timeout: STEP_TIMEOUT_MS,
      });
    } catch (e) {
      console.log(`SKIP: Chromium (${args.chromium}) cannot start: ${e.message.split("\n")[0]}`);
      code = SKIP;
    }
  }
  if (browser) {
    const t0 = Date.now();
    await run(browser, base);
    console.log(`browser test passed in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${shots}`);
  }
} catch (e) {
  console.error("FAIL: " + e.message);
  code = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  server.kill("SIGTERM");
}
process.exit(code);
