"""Prints, per page of pages.jsonl, what names the publication: og:site_name,
application-name, apple-mobile-web-app-title, twitter:site, JSON-LD
publisher/sourceOrganization/isPartOf names, the <title> split at | - – — : ·,
logo <img alt>/<a title>, the copyright lines of the visible text, the host.
Reads the pages only (never storyline's output). Usage:
  ARTICLE_EXTRACTION=../shared/data/article-extraction python3 show_outlet_evidence.py [doc-id-prefix...]
"""
import gzip, json, os, re, sys
from html.parser import HTMLParser
from urllib.parse import urlparse
HERE = os.path.dirname(os.path.abspath(__file__))
D = os.environ.get('ARTICLE_EXTRACTION', os.path.join(HERE, '..', '..', '..', '..', 'shared', 'data', 'article-extraction'))

class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.title = None; s.in_title = False; s.cur = ''; s.metas = []; s.ld = []; s.in_ld = False
        s.skip = 0; s.text = []; s.logos = []
    def handle_starttag(s, t, a):
        a = dict(a)
        if t == 'title' and s.title is None: s.in_title = True; s.cur = ''
        if t == 'meta':
            k = a.get('property') or a.get('name') or a.get('itemprop')
            if k and a.get('content') and k.lower() in ('og:site_name', 'application-name', 'apple-mobile-web-app-title',
                                                      'twitter:site', 'publisher', 'copyright', 'author', 'cxenseparse:recs:publishtime' ,'dc.publisher', 'al:ios:app_name', 'al:android:app_name'):
                s.metas.append((k.lower(), a['content']))
        if t == 'script':
            s.skip += 1
            if 'ld+json' in (a.get('type') or ''): s.in_ld = True; s.cur = ''
        if t in ('style', 'noscript'): s.skip += 1
        blob = ' '.join(str(v) for v in a.values() if v).lower()
        if t in ('img', 'a', 'svg', 'div', 'span') and 'logo' in blob:
            for k in ('alt', 'title', 'aria-label'):
                if a.get(k): s.logos.append(a[k].strip())
    def handle_endtag(s, t):
        if t == 'title' and s.in_title: s.in_title = False; s.title = s.cur
        if t == 'script':
            s.skip = max(0, s.skip - 1)
            if s.in_ld: s.in_ld = False; s.ld.append(s.cur)
        if t in ('style', 'noscript'): s.skip = max(0, s.skip - 1)
    def handle_data(s, d):
        if s.in_title or s.in_ld: s.cur += d
        if not s.skip and d.strip(): s.text.append(' '.join(d.split()))

def ld_names(blob):
    out = []
    try: j = json.loads(blob)
    except Exception: return ['(bad json-ld)']
    def walk(x):
        if isinstance(x, dict):
            for k in ('publisher', 'sourceOrganization', 'isPartOf', 'provider', 'creator'):
                v = x.get(k)
                for w in (v if isinstance(v, list) else [v]):
                    if isinstance(w, dict) and w.get('name'): out.append(k + '=' + str(w['name']))
            if x.get('@type') in ('WebSite', 'Organization', 'NewsMediaOrganization') and x.get('name'):
                out.append(str(x['@type']) + '=' + str(x['name']))
            for v in x.values(): walk(v)
        elif isinstance(x, list):
            for v in x: walk(v)
    walk(j)
    return out

def main():
    pages = [json.loads(l) for l in open(os.path.join(HERE, '..', 'pages.jsonl'), encoding='utf-8')]
    want = sys.argv[1:]
    for r in pages:
        if want and not any(r['doc_id'].startswith(w) for w in want): continue
        raw = gzip.open(os.path.join(D, 'html', r['doc_id'] + '.html.gz')).read().decode('utf-8', 'replace')
        p = P(); p.feed(raw)
        print('==', r['doc_id'][:12], r['split'], r['url'])
        print('  title:', ' '.join((p.title or '').split()))
        parts = [x.strip() for x in re.split(r'\s[|\-–—:·»]\s|\s?\|\s?', ' '.join((p.title or '').split())) if x.strip()]
        if len(parts) > 1: print('  title parts:', parts[0][:30] + '...', '//', ' // '.join(parts[1:]))
        for k, v in dict.fromkeys(p.metas): print('  meta', k + ':', v)
        names = []
        for b in p.ld: names += ld_names(b)
        if names: print('  ld:', ' ; '.join(dict.fromkeys(names)))
        if p.logos: print('  logo:', ' ; '.join(list(dict.fromkeys(p.logos))[:5]))
        cr = [t for t in p.text if re.search(r'©|&copy;|copyright|\(c\)\s*\d{4}', t, re.I)]
        if cr: print('  copyright:', ' ;; '.join(list(dict.fromkeys(c[:120] for c in cr))[:3]))
        print('  host:', urlparse(r['url']).hostname)

main()
