// search.js: /search?q=...: articles, quotations and entities that match,
// side by side, each linked to where it is.

import {el, path, plural, marked, replace} from "./dom.js";
import {getJson} from "./api.js";

// Hits per kind: one screen each.
const LIMIT = 20;

function articleHit(h) {
  return el("li", {class: "hit"},
    el("a", {href: path(["article", h.article_id])}, h.title || h.article_id),
    h.outlet ? el("span", {class: "muted"}, " · " + h.outlet) : null,
    h.snippet ? marked(h.snippet) : null);
}

// A quotation hit names its story and the quotation's id there: the link
// opens the story at that quotation, whose variants link to their articles.
function quoteHit(h) {
  return el("li", {class: "hit"},
    el("a", {href: path(["story", h.story_id]) + "#quote-" + encodeURIComponent(h.quote_id)},
       h.snippet ? marked(h.snippet, "span") : h.quote_id),
    h.speaker_name ? el("p", {class: "meta"}, "— " + h.speaker_name) : null);
}

function entityHit(h) {
  const key = h.key || h.name;
  return el("li", {class: "hit"},
    el("a", {href: path(["entity", key])}, h.name || key), " ",
    h.type ? el("span", {class: "type"}, h.type) : null,
    h.stories !== undefined ? el("span", {class: "muted"}, " · " + plural(h.stories, "story", "stories")) : null);
}

function column(kind, title, draw) {
  const list = el("ol", {class: "hits", id: "hits-" + kind}, el("li", {class: "muted"}, "Searching…"));
  const count = el("span", {class: "count muted"});
  return {node: el("section", {class: "column"}, el("h2", null, title, " ", count), list), list, count, draw, kind};
}

export async function showSearch(main) {
  const q = (new URLSearchParams(location.search).get("q") || "").trim();
  document.title = "storyline: search " + q;
  if (!q) {
    replace(main, el("h1", null, "Search"), el("p", {class: "muted"},
      "Type words, a “phrase” or a prefix* in the box above."));
    return;
  }
  const columns = [column("articles", "Articles", articleHit), column("quotes", "Quotations", quoteHit),
                   column("entities", "People, organisations, places", entityHit)];
  replace(main, el("h1", null, "Search: ", el("q", null, q)), el("div", {class: "columns"}, columns.map((c) => c.node)));
  await Promise.all(columns.map(async (c) => {
    try {
      const {body} = await getJson(path(["api", "search"], {q, kind: c.kind, limit: LIMIT}));
      const hits = Array.isArray(body) ? body : body.items || [];
      c.count.textContent = "(" + hits.length + (hits.length === LIMIT ? "+" : "") + ")";
      replace(c.list, hits.length ? hits.map(c.draw) : el("li", {class: "muted"}, "No matches."));
    } catch (e) {
      replace(c.list, el("li", {class: "error"}, e.message));
    }
  }));
}
