// entity.js: one person, organisation or place (/entity/{key}) across the
// store: its aliases, its stories, the facts reported about it and its
// quotations, each linked to the sentence it came from.

import {el, path, plural, replace} from "./dom.js";
import {getJson} from "./api.js";
import {storyCard} from "./list.js";
import {evidenceHref} from "./story.js";

function shown(items, total, what) {
  return el("span", {class: "count muted"},
            items.length < total ? `(${items.length} of ${total})` : `(${plural(total, what)})`);
}

function claimRow(c) {
  return el("li", {class: ["claim", c.status]},
    el("span", {class: "attribute"}, c.attribute), ": ",
    (c.values || []).map((v, i) => [i ? "; " : "", el("strong", null, v.value), " ",
      v.evidence && (v.articles || []).length
        ? el("a", {class: "evidence-link small", href: evidenceHref(v.articles[0], {text: v.evidence}), title: v.evidence},
             "(evidence)")
        : null]),
    " ", c.status ? el("span", {class: "badge " + c.status}, c.status === "single" ? "one source" : c.status) : null,
    c.story ? [" ", el("a", {class: "story-link small", href: path(["story", c.story])}, "story")] : null);
}

function quoteRow(q) {
  const occ = (q.occurrences || [])[0];
  return el("li", {class: "quote-row"},
    el("blockquote", null, "“" + q.text + "”"),
    el("p", {class: "meta"},
       occ ? el("a", {class: "evidence-link", href: evidenceHref(occ.article, {start: occ.start, end: occ.end})},
                plural(q.occurrences.length, "report")) : null,
       q.story ? [" · ", el("a", {class: "story-link", href: path(["story", q.story])}, "story")] : null));
}

export async function showEntity(main, key) {
  const {body: e} = await getJson(path(["api", "entities", key]));
  document.title = "storyline: " + e.name;
  const stories = e.stories || [];
  const claims = e.claims || [];
  const quotes = e.quotes || [];
  const aliases = (e.aliases || []).filter((a) => a !== e.name);
  replace(main,
    el("header", {class: "entity-head"},
      el("h1", null, e.name, " ", el("span", {class: "type"}, e.type || "")),
      aliases.length ? el("p", {class: "aliases"}, "Also written: ",
                          aliases.map((a, i) => [i ? ", " : "", el("span", {class: "alias"}, a)])) : null,
      el("p", null, el("a", {href: path([""], {entity: e.name})}, "Filter the stories list by " + e.name))),
    el("section", {id: "entity-stories", class: "section"},
      el("h2", null, "Stories ", shown(stories, e.stories_total ?? stories.length, "story")),
      el("ol", {class: "cards"}, stories.map((s) => storyCard(s, false)))),
    el("section", {id: "entity-claims", class: "section"},
      el("h2", null, "Facts reported ", shown(claims, e.claims_total ?? claims.length, "fact")),
      claims.length ? el("ul", {class: "items"}, claims.map(claimRow)) : el("p", {class: "muted"}, "None found.")),
    el("section", {id: "entity-quotes", class: "section"},
      el("h2", null, "Quotations ", shown(quotes, e.quotes_total ?? quotes.length, "quotation")),
      quotes.length ? el("ul", {class: "items"}, quotes.map(quoteRow)) : el("p", {class: "muted"}, "None found.")));
}
