// list.js: the stories list ("/"): newest first, paged, filtered by dates,
// outlet and entity; new stories appear while it is open.

import {el, path, plural, fmtSpan, replace} from "./dom.js";
import {getJson} from "./api.js";

// Stories per page: one screen of cards on a laptop, a small answer.
const PAGE = 25;
const FILTERS = ["from", "to", "outlet", "entity", "sort"];

// One story card: headline, the entity label, size, dates, outlets, a
// conflict badge. Also used by the entity page.
export function storyCard(s, isNew) {
  const headline = s.headline || s.label || s.id;
  const badges = [];
  if (s.conflicts > 0) {
    badges.push(el("span", {class: "badge conflict", title: "facts the outlets report differently"},
                   plural(s.conflicts, "conflict")));
  }
  if (isNew) badges.push(el("span", {class: "badge new"}, "new"));
  const outlets = (s.outlets || []).filter(Boolean);
  return el("li", {class: ["card", "story", isNew && "is-new"], "data-story": s.id},
    el("h2", null, el("a", {href: path(["story", s.id])}, headline), " ", badges),
    s.label && s.label !== headline ? el("p", {class: "label"}, s.label) : null,
    el("p", {class: "meta"},
       el("span", {class: "size"}, plural(s.size ?? (s.articles || []).length, "article")), " · ",
       el("span", {class: "span"}, fmtSpan(s.span)),
       outlets.length ? [" · ", el("span", {class: "outlets"}, plural(outlets.length, "outlet") + ": ",
                                  outlets.map((o, i) => [i ? ", " : "", el("span", {class: "outlet"}, o)]))] : null),
    (s.entities || []).length
      ? el("p", {class: "chips"}, s.entities.slice(0, 6).map((name) =>
          el("a", {class: "chip", href: path([""], {entity: name}), title: "stories about " + name}, name)))
      : null);
}

function readParams() {
  const q = new URLSearchParams(location.search);
  const params = {};
  for (const k of FILTERS) if (q.get(k)) params[k] = q.get(k);
  const offset = Number.parseInt(q.get("offset") || "0", 10);
  params.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
  return params;
}

function filterForm(params, outlets) {
  const input = (name, label, attrs) =>
    el("label", null, label, el("input", {name, value: params[name] || "", ...attrs}));
  const sort = el("select", {name: "sort"},
    el("option", {value: "newest"}, "newest first"), el("option", {value: "largest"}, "largest first"));
  sort.value = params.sort || "newest";
  return el("form", {class: "filters", method: "get", action: "/", id: "filters"},
    input("from", "From", {type: "date"}),
    input("to", "To", {type: "date"}),
    input("outlet", "Outlet", {type: "text", list: "outlet-names", placeholder: "any outlet"}),
    el("datalist", {id: "outlet-names"}, [...outlets].sort().map((o) => el("option", {value: o}))),
    input("entity", "Person, organisation, place", {type: "text", placeholder: "anyone", id: "entity-filter"}),
    el("label", null, "Order", sort),
    el("button", {type: "submit"}, "Filter"),
    Object.keys(params).some((k) => FILTERS.includes(k)) ? el("a", {href: "/", class: "clear"}, "Clear") : null);
}

function pager(total, offset, params) {
  const to = Math.min(total, offset + PAGE);
  const nav = el("nav", {class: "pager", "aria-label": "pages"});
  const query = (o) => {
    const q = {};
    for (const k of FILTERS) if (params[k]) q[k] = params[k];
    if (o > 0) q.offset = o;
    return path([""], q);
  };
  if (offset > 0) nav.append(el("a", {href: query(Math.max(0, offset - PAGE)), rel: "prev"}, "← Newer"));
  nav.append(el("span", {class: "muted"}, total === 0 ? "no stories" : `${offset + 1}–${to} of ${total}`));
  if (to < total) nav.append(el("a", {href: query(offset + PAGE), rel: "next"}, "Older →"));
  return nav;
}

function apiUrl(params) {
  const q = {offset: params.offset, limit: PAGE};
  for (const k of FILTERS) if (params[k]) q[k] = params[k];
  return path(["api", "stories"], q);
}

// Renders the list into `main`; returns a function to call when the store
// changed, which reloads the list in place and marks the stories that are new.
export async function showList(main) {
  const params = readParams();
  document.title = "storyline: stories";
  const {body} = await getJson(apiUrl(params));
  const outlets = new Set();
  const list = el("ol", {class: "cards", id: "stories"});
  const heading = el("h1", null, "Stories");
  const count = el("p", {class: "muted", id: "story-count"});
  const pagerSlot = el("div");
  let shown = new Set();
  const render = (b, markNew) => {
    for (const s of b.stories) (s.outlets || []).forEach((o) => o && outlets.add(o));
    replace(list, b.stories.map((s) => storyCard(s, markNew && !shown.has(s.id))));
    shown = new Set(b.stories.map((s) => s.id));
    count.textContent = plural(b.total, "story", "stories") +
      (Object.keys(params).some((k) => FILTERS.includes(k)) ? " match the filters" : " in the store");
    replace(pagerSlot, pager(b.total, params.offset, params));
    if (b.stories.length === 0) list.append(el("li", {class: "muted"}, "No stories here."));
  };
  render(body, false);
  replace(main, heading, count, filterForm(params, outlets), list, pagerSlot);
  return async () => {
    const before = new Set(shown);
    const {body: fresh} = await getJson(apiUrl(params), {cache: "no-cache"});
    shown = before;
    render(fresh, true);
    return fresh.stories.filter((s) => !before.has(s.id)).length;
  };
}
