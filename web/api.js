// api.js: JSON from the server's /api routes (src/serve; the contract is
// README "The server"). Never anything from another origin.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// GET `url` (a same-origin path). Resolves to {body, url}: `url` is where
// the answer came from after redirects (a merged story's old id answers 308
// to the survivor); `init` adds fetch options. Rejects with ApiError carrying the server's message.
export async function getJson(url, init) {
  let r;
  try {
    r = await fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin", ...init});
  } catch (e) {
    throw new ApiError(0, "the server did not answer (" + e.message + ")");
  }
  let body = null;
  try {
    body = await r.json();
  } catch {
    throw new ApiError(r.status, "bad answer from " + url + " (HTTP " + r.status + ")");
  }
  if (!r.ok) throw new ApiError(r.status, (body && body.error) || "HTTP " + r.status);
  return {body, url: new URL(r.url).pathname};
}
