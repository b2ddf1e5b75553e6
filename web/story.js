// story.js: one story (/story/{id}): conflicts first, each side with its
// outlets and evidence; the timeline as SVG; quotation variants side by
// side; entities with their aliases; the articles. Every evidence sentence
// links to its article page with that sentence highlighted.

import {el, path, plural, fmtDate, fmtSpan, replace} from "./dom.js";
import {getJson} from "./api.js";
import {drawTimeline} from "./timeline.js";

// Items fetched per section request; "Show more" fetches the next page.
const SECTION_PAGE = 50;
// The articles are fetched in full (for outlet names), a page at a time.
const ARTICLE_PAGE = 200;

// The article page for `articleId`, at an evidence sentence given by its
// text (claims, timeline) or a byte range (quotations).
export function evidenceHref(articleId, where) {
  if (where.start !== undefined && where.end !== undefined) {
    return path(["article", articleId], {s: where.start + "-" + where.end});
  }
  return path(["article", articleId], {e: where.text});
}

// "evidence" with the first occurrence of `value` marked, as text nodes.
function withValue(evidence, value) {
  const at = value ? evidence.indexOf(value) : -1;
  if (at < 0) return [evidence];
  return [evidence.slice(0, at), el("mark", null, value), evidence.slice(at + value.length)];
}

class StoryPage {
  constructor(main, summary) {
    this.main = main;
    this.story = summary;
    this.articles = new Map();
  }

  outletOf(id) {
    const a = this.articles.get(id);
    return (a && (a.outlet || a.title)) || id;
  }

  // A link to an article naming its outlet (or title).
  sourceLink(id, where) {
    const a = this.articles.get(id);
    const title = a ? [a.title, fmtDate(a.published)].filter(Boolean).join(", ") : id;
    return el("a", {class: "source", href: where ? evidenceHref(id, where) : path(["article", id]), title},
              this.outletOf(id));
  }

  async loadArticles() {
    for (let offset = 0; ; offset += ARTICLE_PAGE) {
      const {body} = await getJson(path(["api", "stories", this.story.id, "articles"], {offset, limit: ARTICLE_PAGE}));
      for (const a of body.items) this.articles.set(a.id, a);
      if (body.items.length === 0 || offset + body.items.length >= body.total) break;
    }
  }

  // A section whose items come from /api/stories/{id}/{name}, paged; each
  // item drawn by `draw` into `list`. Returns the section element.
  section(name, title, draw, opts) {
    const o = opts || {};
    const list = el(o.listTag || "div", {class: "items"});
    const more = el("button", {type: "button", class: "more", hidden: true}, "Show more");
    const head = el("h2", null, title, " ", el("span", {class: "count muted"}));
    const sec = el("section", {id: name, class: "section"}, head, o.before || null, list, more);
    let offset = 0;
    const load = async () => {
      more.disabled = true;
      const {body} = await getJson(path(["api", "stories", this.story.id, o.endpoint || name],
                                        {offset, limit: o.limit || SECTION_PAGE}));
      const items = o.filter ? body.items.filter(o.filter) : body.items;
      items.forEach((item, i) => list.append(draw(item, offset + i)));
      offset += body.items.length;
      head.querySelector(".count").textContent = "(" + (o.total ? o.total(body) : body.total) + ")";
      more.hidden = offset >= body.total;
      more.disabled = false;
      if (o.after) o.after(body, list);
      if (list.childElementCount === 0 && more.hidden) {
        list.append(el("p", {class: "muted"}, o.empty || "Nothing found."));
      }
      return body;
    };
    more.addEventListener("click", () => load().catch((e) => more.replaceWith(el("p", {class: "error"}, e.message))));
    sec.load = load;
    return sec;
  }

  conflict(c) {
    return el("article", {class: "conflict"},
      el("h3", null, c.subject_name || c.subject || "", " ", el("span", {class: "attribute"}, c.attribute)),
      el("div", {class: "sides"}, c.values.map((v) => el("div", {class: "side"},
        el("p", {class: "value"}, v.value),
        el("p", {class: "sources"}, plural(v.articles.length, "article") + ": ",
           v.articles.map((a, i) => [i ? ", " : "", this.sourceLink(a)])),
        v.evidence && v.articles.length
          ? el("blockquote", {class: "evidence"},
               el("a", {href: evidenceHref(v.articles[0], {text: v.evidence}), class: "evidence-link"},
                  withValue(v.evidence, v.value)))
          : null))));
  }

  claim(c) {
    return el("li", {class: ["claim", c.status]},
      el("span", {class: "subject"}, c.subject_name || c.subject || ""), " ",
      el("span", {class: "attribute"}, c.attribute), ": ",
      c.values.map((v, i) => [i ? "; " : "", el("strong", null, v.value), " ",
        v.evidence && v.articles.length
          ? el("a", {class: "evidence-link small", href: evidenceHref(v.articles[0], {text: v.evidence}),
                     title: v.evidence}, "(" + this.outletOf(v.articles[0]) +
                     (v.articles.length > 1 ? " +" + (v.articles.length - 1) : "") + ")")
          : null]),
      " ", el("span", {class: "badge " + c.status}, c.status === "single" ? "one source" : c.status));
  }

  // Distinct wordings of one quotation side by side, each with the outlets
  // that printed it.
  quote(q) {
    const variants = new Map();
    for (const o of q.occurrences) {
      if (!variants.has(o.text)) variants.set(o.text, []);
      variants.get(o.text).push(o);
    }
    const speaker = q.speaker_name
      ? el("a", {class: "speaker", href: path(["entity", q.speaker_name])}, q.speaker_name)
      : el("span", {class: "speaker muted"}, "unattributed");
    return el("article", {class: "quote", id: "quote-" + q.id},
      el("h3", null, speaker, " ", el("span", {class: "muted"},
         plural(q.occurrences.length, "outlet report", "outlet reports") +
         (variants.size > 1 ? ", " + variants.size + " wordings" : ""))),
      el("div", {class: ["variants", variants.size > 1 && "differ"]},
        [...variants].map(([text, occ]) => el("figure", {class: "variant"},
          el("blockquote", null, "“" + text + "”"),
          el("figcaption", null, occ.map((o, i) => [i ? ", " : "",
            this.sourceLink(o.article, {start: o.start, end: o.end}),
            o.cue ? el("span", {class: "muted"}, " (" + o.cue + (o.medium ? ", " + o.medium : "") + ")") : null]))))));
  }

  timelineEntry(t, i) {
    return el("li", {class: "event", id: "event-" + i},
      el("time", {datetime: t.date}, fmtDate(t.date)), " ",
      el("span", {class: "text"}, t.text), " ",
      el("span", {class: "sources"}, t.articles.map((a, k) => [k ? ", " : "",
        k === 0 && t.evidence ? this.sourceLink(a, {text: t.evidence}) : this.sourceLink(a)])));
  }

  entity(e) {
    const aliases = (e.aliases || []).filter((a) => a !== e.name);
    return el("li", {class: "card entity"},
      el("h3", null, el("a", {href: path(["entity", e.key || e.name])}, e.name), " ",
         el("span", {class: "type"}, e.type)),
      el("p", {class: "meta"}, plural(e.mentions, "mention") + " in " + plural(e.articles.length, "article")),
      aliases.length ? el("p", {class: "aliases"}, "also: ",
                          aliases.map((a, i) => [i ? ", " : "", el("span", {class: "alias"}, a)])) : null);
  }

  article(a) {
    return el("tr", null,
      el("td", null, fmtDate(a.published)),
      el("td", null, a.outlet || ""),
      el("td", null, el("a", {href: path(["article", a.id])}, a.title || a.id)));
  }

  header() {
    const s = this.story;
    const counts = s.counts || {};
    return el("header", {class: "story-head"},
      el("h1", null, s.headline || s.label || s.id),
      s.label && s.label !== s.headline ? el("p", {class: "label"}, s.label) : null,
      el("p", {class: "meta"}, plural(s.size ?? this.articles.size, "article"), " · ", fmtSpan(s.span),
         (s.outlets || []).length ? " · " + s.outlets.join(", ") : "",
         s.conflicts > 0 ? [" ", el("a", {class: "badge conflict", href: "#conflicts"}, plural(s.conflicts, "conflict"))] : null),
      el("nav", {class: "toc"}, [["conflicts", "Conflicts"], ["timeline", "Timeline"], ["quotes", "Quotations"],
        ["entities", "Entities"], ["claims", "Other facts"], ["articles", "Articles"]].map(([id, label]) =>
          el("a", {href: "#" + id}, label, counts[id] !== undefined ? " " + counts[id] : ""))));
  }

  timelineSection() {
    const svgSlot = el("div", {class: "timeline-box"});
    const select = (i) => {
      const li = this.main.querySelector("#event-" + i);
      if (!li) return;
      this.main.querySelectorAll("li.event.selected").forEach((n) => n.classList.remove("selected"));
      li.classList.add("selected");
      li.scrollIntoView({block: "center"});
    };
    const all = [];
    return this.section("timeline", "Timeline", (t, i) => { all.push(t); return this.timelineEntry(t, i); }, {
      listTag: "ol", limit: 200, before: svgSlot, empty: "No dated events.",
      after: () => replace(svgSlot, drawTimeline(all, select)),
    });
  }

  async render() {
    await this.loadArticles();
    const sections = [
      this.section("conflicts", "Conflicts", (c) => this.conflict(c),
                   {empty: "The outlets do not contradict each other on any fact found."}),
      this.timelineSection(),
      this.section("quotes", "Quotations", (q) => this.quote(q), {empty: "No quotations."}),
      this.section("entities", "Entities", (e) => this.entity(e), {listTag: "ul", empty: "No entities."}),
      this.section("claims", "Other facts", (c) => this.claim(c),
                   {listTag: "ul", filter: (c) => c.status !== "conflict", empty: "No other facts.",
                    total: (b) => Math.max(0, b.total - (this.story.conflicts || 0))}),
    ];
    const articles = el("section", {id: "articles", class: "section"},
      el("h2", null, "Articles ", el("span", {class: "count muted"}, "(" + this.articles.size + ")")),
      el("table", {class: "articles"}, el("tbody", null, [...this.articles.values()].map((a) => this.article(a)))));
    replace(this.main, this.header(), sections, articles);
    document.title = "storyline: " + (this.story.headline || this.story.label || this.story.id);
    await Promise.all(sections.map((s) => s.load()));
    // The sections arrived after the browser looked for the #fragment.
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // a malformed escape: look the fragment up as it is
    }
    const target = id ? document.getElementById(id) : null;
    if (target) {
      target.classList.add("targeted");
      target.scrollIntoView({block: "start"});
    }
  }
}

export async function showStory(main, id) {
  const {body, url} = await getJson(path(["api", "stories", id]));
  // A merged story's old id answered with a redirect to the survivor: show
  // the surviving story's own URL.
  if (url !== path(["api", "stories", id])) history.replaceState(null, "", path(["story", body.id]) + location.hash);
  await new StoryPage(main, body).render();
}
