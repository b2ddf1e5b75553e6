// entity.js: one person, organisation or place (/entity/{key}) across the
// store: its aliases, its stories, the facts reported about it and its
// quotations, each linked to the story and to the sentence it came from.

import {el, path, plural, replace} from "./dom.js";
import {ApiError, getJson} from "./api.js";
import {storyCard} from "./list.js";
import {evidenceHref} from "./story.js";

function count(part) {
  const n = part.items.length;
  return el("span", {class: "count muted"}, n < part.total ? `(${n} of ${part.total})` : `(${part.total})`);
}

function storyLink(row) {
  return el("a", {class: "story-link small", href: path(["story", row.story])}, row.story_label || row.story);
}

// row: {story, story_label, item: a claim as in the brief}.
function claimRow(row) {
  const c = row.item;
  return el("li", {class: ["claim", c.status]},
    el("span", {class: "attribute"}, c.attribute), ": ",
    c.values.map((v, i) => [i ? "; " : "", el("strong", null, v.value), " ",
      v.evidence && v.articles.length
        ? el("a", {class: "evidence-link small", href: evidenceHref(v.articles[0], {text: v.evidence}), title: v.evidence},
             "(evidence)")
        : null]),
    " ", el("span", {class: "badge " + c.status}, c.status === "single" ? "one source" : c.status),
    " in ", storyLink(row));
}

// row: {story, story_label, item: a quotation as in the brief}.
function quoteRow(row) {
  const q = row.item;
  const o = q.occurrences[0];
  return el("li", {class: "quote-row"},
    el("blockquote", null, "“" + q.text + "”"),
    el("p", {class: "meta"},
       el("a", {class: "evidence-link", href: evidenceHref(o.article, {start: o.start, end: o.end})},
          plural(q.occurrences.length, "report")),
       " in ", storyLink(row)));
}

// The entity for `key`; a name that is not a key (a link made from a
// speaker's name) is looked up among the entities, and the page's URL
// becomes the entity's own.
async function fetchEntity(key) {
  try {
    return (await getJson(path(["api", "entities", key]))).body;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
    const {body} = await getJson(path(["api", "entities"], {q: key, limit: 10}));
    const same = body.items.find((it) => it.name.toLowerCase() === key.toLowerCase()) || body.items[0];
    if (!same) throw e;
    history.replaceState(null, "", path(["entity", same.key]));
    return (await getJson(path(["api", "entities", same.key]))).body;
  }
}

export async function showEntity(main, key) {
  const e = await fetchEntity(key);
  document.title = "storyline: " + e.name;
  const aliases = (e.aliases || []).filter((a) => a !== e.name);
  replace(main,
    el("header", {class: "entity-head"},
      el("h1", null, e.name, " ", el("span", {class: "type"}, e.type || "")),
      aliases.length ? el("p", {class: "aliases"}, "Also written: ",
                          aliases.map((a, i) => [i ? ", " : "", el("span", {class: "alias"}, a)])) : null,
      el("p", {class: "meta"}, e.mentions !== undefined ? plural(e.mentions, "mention") + " · " : "",
         el("a", {href: path([""], {entity: e.name})}, "filter the stories list by " + e.name))),
    el("section", {id: "entity-stories", class: "section"},
      el("h2", null, "Stories ", count(e.stories)),
      e.stories.items.length ? el("ol", {class: "cards"}, e.stories.items.map((s) => storyCard(s, false)))
                             : el("p", {class: "muted"}, "None.")),
    el("section", {id: "entity-claims", class: "section"},
      el("h2", null, "Facts reported ", count(e.claims)),
      e.claims.items.length ? el("ul", {class: "items"}, e.claims.items.map(claimRow))
                            : el("p", {class: "muted"}, "None found.")),
    el("section", {id: "entity-quotes", class: "section"},
      el("h2", null, "Quotations ", count(e.quotes)),
      e.quotes.items.length ? el("ul", {class: "items"}, e.quotes.items.map(quoteRow))
                            : el("p", {class: "muted"}, "None found.")));
}
