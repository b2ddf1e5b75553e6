// live.js: notices new stories without a reload by polling /api/status
// (cheap, answered 304 while nothing changed) and telling every listener
// when the store's generation moves.

import {getJson} from "./api.js";

// Often enough that a story ingested beside a running server shows within
// seconds; each poll is one small conditional request.
const POLL_MS = 3000;

export function watchStatus(onChange) {
  let generation = null;
  let timer = null;
  async function poll() {
    try {
      const {body} = await getJsonNoStore("/api/status");
      if (generation !== null && body.generation !== generation) onChange(body, generation);
      generation = body.generation;
    } catch {
      // The server restarting or gone: keep polling quietly.
    }
    timer = setTimeout(poll, document.hidden ? POLL_MS * 4 : POLL_MS);
  }
  poll();
  return () => clearTimeout(timer);
}

// Revalidated every time (ETag/304), never taken stale from the cache.
function getJsonNoStore(url) {
  return getJson(url, {cache: "no-cache"});
}
