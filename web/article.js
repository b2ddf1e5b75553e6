// article.js: one article (/article/{id}) with its sentences, the one asked
// for highlighted and scrolled to: ?s=START-END (Unicode code points into
// the text, the unit of every offset the API reports: span.h) or ?e=TEXT
// (an evidence sentence, found in the text).

import {el, path, fmtDate, externalHref, replace} from "./dom.js";
import {getJson} from "./api.js";

// The number of code points in `s` (a JavaScript string counts UTF-16 units).
function codePoints(s) {
  return Array.from(s).length;
}

// [start, end) in code points of `needle` in `text`, or null. Tries the exact
// text, then with runs of white space made one space (an evidence sentence
// is one line; the article may break it).
function findText(text, needle) {
  if (!needle) return null;
  let at = text.indexOf(needle);
  let len = needle.length;
  if (at < 0) {
    const words = needle.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (words.length === 0 || words[0] === "") return null;
    const m = new RegExp(words.join("\\s+")).exec(text);
    if (!m) return null;
    at = m.index;
    len = m[0].length;
  }
  const start = codePoints(text.slice(0, at));
  return [start, start + codePoints(text.slice(at, at + len))];
}

function parseRange(s, size) {
  const m = /^(\d+)-(\d+)$/.exec(s || "");
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a < b && b <= size ? [a, b] : null;
}

// The text (`chars`: one string per code point) as sentence spans; the
// code points inside `target` wrapped in <mark>; the sentences touching it
// get class "hl".
function sentenceNodes(chars, sentences, target) {
  const out = [];
  const text = (a, b) => chars.slice(a, b).join("");
  const pieces = (a, b) => {
    if (!target || b <= target[0] || a >= target[1]) return [text(a, b)];
    const from = Math.max(a, target[0]);
    const to = Math.min(b, target[1]);
    return [text(a, from), el("mark", {class: "hit"}, text(from, to)), text(to, b)].filter((p) => p !== "");
  };
  let at = 0;
  const spans = sentences.filter((s) => s.start >= 0 && s.end <= chars.length && s.start < s.end)
                         .sort((x, y) => x.start - y.start);
  for (const s of spans) {
    if (s.start < at) continue;  // overlapping spans: keep the first
    if (s.start > at) out.push(...pieces(at, s.start));
    const hit = target && s.start < target[1] && s.end > target[0];
    out.push(el("span", {class: ["sentence", hit && "hl"], "data-start": s.start, "data-end": s.end},
                pieces(s.start, s.end)));
    at = s.end;
  }
  if (at < chars.length) out.push(...pieces(at, chars.length));
  return out;
}

export async function showArticle(main, id) {
  const {body: a} = await getJson(path(["api", "articles", id]));
  const q = new URLSearchParams(location.search);
  const text = a.text || "";
  const chars = Array.from(text);
  const target = parseRange(q.get("s"), chars.length) || findText(text, q.get("e"));
  const asked = q.has("s") || q.has("e");
  const url = externalHref(a.url);
  const stories = el("p", {class: "meta stories"});
  document.title = "storyline: " + (a.title || a.id);
  replace(main,
    el("article", {class: "article-page"},
      el("h1", null, a.title || a.id),
      el("p", {class: "meta"}, [a.outlet, fmtDate(a.published), a.author].filter(Boolean).join(" · ")),
      url ? el("p", {class: "meta"}, "Original: ", el("a", {href: url, rel: "noopener noreferrer nofollow", class: "external"}, url))
          : a.url ? el("p", {class: "meta"}, "Original: ", el("span", {class: "unlinked"}, a.url)) : null,
      stories,
      asked && !target ? el("p", {class: "notice"}, "The sentence asked for is not in this version of the article: “",
                            q.get("e") || q.get("s"), "”") : null,
      el("div", {class: "article-text"}, sentenceNodes(chars, a.sentences || [], target))));
  const hl = main.querySelector(".sentence.hl") || main.querySelector("mark.hit");
  if (hl) hl.scrollIntoView({block: "center"});
  for (const sid of a.stories || []) {
    stories.append(stories.childElementCount ? " · " : "In ", el("a", {href: path(["story", sid]), class: "story-link"}, sid));
    getJson(path(["api", "stories", sid])).then(({body}) => {
      const link = stories.querySelector(`a[href="${CSS.escape(path(["story", sid]))}"]`);
      if (link) link.textContent = body.headline || body.label || sid;
    }).catch(() => {});
  }
}
