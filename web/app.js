// app.js: the page's entry point. Every page route of the server ("/",
// "/story/{id}", "/article/{id}", "/entity/{key}", "/search") serves the
// same document; this picks the view from the path, fills the header's
// search box, and watches the store for new stories.

import {el, path, plural, replace} from "./dom.js";
import {showList} from "./list.js";
import {showStory} from "./story.js";
import {showArticle} from "./article.js";
import {showEntity} from "./entity.js";
import {showSearch} from "./search.js";
import {watchStatus} from "./live.js";

const ROUTES = [
  [/^\/$/, (main) => showList(main)],
  [/^\/story\/([^/]+)$/, (main, m) => showStory(main, m[1])],
  [/^\/article\/(.+)$/, (main, m) => showArticle(main, m[1])],
  [/^\/entity\/(.+)$/, (main, m) => showEntity(main, m[1])],
  [/^\/search$/, (main) => showSearch(main)],
];

function decodeSegment(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

async function route(main) {
  for (const [re, show] of ROUTES) {
    const m = re.exec(location.pathname);
    if (m) return show(main, m.slice(0).map((s, i) => (i ? decodeSegment(s) : s)));
  }
  throw new Error("no such page: " + location.pathname);
}

function showError(main, e) {
  document.title = "storyline: error";
  replace(main, el("h1", null, e.status === 404 ? "Not found" : "Something went wrong"),
          el("p", {class: "error"}, e.message), el("p", null, el("a", {href: "/"}, "All stories")));
}

async function start() {
  const main = document.getElementById("main");
  const live = document.getElementById("live");
  const box = document.querySelector("header.top input[name=q]");
  if (box && location.pathname === "/search") box.value = new URLSearchParams(location.search).get("q") || "";
  let refresh = null;
  try {
    refresh = await route(main);
  } catch (e) {
    showError(main, e);
  }
  document.body.dataset.ready = "1";
  watchStatus(async (status) => {
    if (typeof refresh === "function") {
      const added = await refresh().catch(() => 0);
      if (added > 0) live.textContent = plural(added, "new story", "new stories");
      return;
    }
    replace(live, el("a", {href: path([""])}, "New stories: " + status.stories + " in all"));
  });
}

start();
