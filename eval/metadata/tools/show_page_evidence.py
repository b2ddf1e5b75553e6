import gzip, json, os, re, sys, html
from html.parser import HTMLParser
D=os.environ.get('ARTICLE_EXTRACTION','../shared/data/article-extraction')+'/'
gt=json.load(open(D+'ground-truth.json'))
class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True); s.title=None; s.in_title=False; s.metas=[]; s.ld=[]; s.in_ld=False; s.cur=''
        s.h1=[]; s.in_h1=0; s.h1buf=''; s.times=[]; s.skip=0; s.text=[]; s.after_h1=None; s.rel=[]; s.in_a_rel=False
    def handle_starttag(s,t,a):
        a=dict(a)
        if t=='title' and s.title is None: s.in_title=True; s.cur=''
        if t=='meta':
            k=a.get('property') or a.get('name') or a.get('itemprop') or a.get('http-equiv')
            if k and a.get('content'): s.metas.append((k.lower(),a['content']))
        if t=='script':
            s.skip+=1
            if 'ld+json' in (a.get('type') or ''): s.in_ld=True; s.cur=''
        if t in ('style','noscript'): s.skip+=1
        if t=='h1': s.in_h1+=1; s.h1buf=''
        if t=='time': s.times.append((a.get('datetime'),a.get('class'),a.get('itemprop')))
        if t=='a' and a.get('rel')=='author': s.in_a_rel=True; s.cur2=''
        for k,v in a.items():
            if k=='itemprop' and v in('datePublished','dateCreated','author','datePublished dateModified') and t!='meta':
                s.metas.append(('itemprop-el:'+v, a.get('content') or a.get('datetime') or ''))
    def handle_endtag(s,t):
        if t=='title' and s.in_title: s.in_title=False; s.title=s.cur
        if t=='script':
            s.skip=max(0,s.skip-1)
            if s.in_ld: s.in_ld=False; s.ld.append(s.cur)
        if t in ('style','noscript'): s.skip=max(0,s.skip-1)
        if t=='h1' and s.in_h1: s.in_h1-=1; s.h1.append(' '.join(s.h1buf.split()))
        if s.h1 and s.after_h1 is None and t=='h1': s.after_h1=len(s.text)
        if t=='a' and s.in_a_rel: s.in_a_rel=False; s.rel.append(' '.join(s.cur2.split()))
    def handle_data(s,d):
        if s.in_title or s.in_ld: s.cur+=d
        if s.in_a_rel: s.cur2+=d
        if s.in_h1: s.h1buf+=d
        if not s.skip and d.strip(): s.text.append(' '.join(d.split()))
def ldinfo(blob):
    out=[]
    try: j=json.loads(blob, strict=False)
    except Exception as e: return ['LDERR '+blob[:150].replace('\n',' ')]
    def walk(x,depth=0):
        if isinstance(x,list):
            for e in x: walk(e,depth+1)
        elif isinstance(x,dict):
            keys={k:x[k] for k in ('@type','headline','name','datePublished','dateCreated','dateModified','author') if k in x}
            if any(k in keys for k in ('datePublished','dateCreated','author','headline')):
                out.append(json.dumps(keys,ensure_ascii=False)[:300])
            for k,v in x.items():
                if isinstance(v,(list,dict)) and k not in('author',): walk(v,depth+1)
    walk(j); return out
def dump(doc):
    raw=gzip.open(D+'html/'+doc+'.html.gz').read().decode('utf-8','replace')
    p=P(); 
    try: p.feed(raw)
    except Exception as e: print('PARSEERR',e)
    print('=====',doc[:12], gt[doc]['url'])
    print('TITLE:', ' '.join((p.title or '').split()))
    print('H1:', p.h1[:3])
    keys=('title','date','time','publish','author','creator','byline','site_name','issued','created','sailthru','parsely')
    for k,v in p.metas:
        if any(x in k for x in keys) and 'twitter:' not in k and 'image' not in k:
            print('  M', k, '=', ' '.join(v.split())[:120])
    for b in p.ld:
        for l in ldinfo(b): print('  LD', l)
    if p.times: print('  TIME', p.times[:4])
    if p.rel: print('  RELAUTHOR', p.rel[:3])
    i=p.after_h1 if p.after_h1 is not None else 0
    print('  AFTER-H1:', ' | '.join(p.text[i:i+18])[:420])
    alltext=' | '.join(p.text)
    pat=re.compile(r'(\b(19|20)\d\d[-./年]\s?\d{1,2}[-./月]\s?\d{1,2}|\b\d{1,2}[./]\s?\d{1,2}[./]\s?(19|20)\d\d|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|novembre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro)[a-zé]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d\d|\b\d{1,2}(st|nd|rd|th)?\.?\s+(de\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|novembre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro)[a-zé]*\.?\s+(de\s+)?(19|20)\d\d)',re.I)
    ms=[m.group(0) for m in pat.finditer(alltext)][:6]
    print('  TEXTDATES:', ms)
    body=gt[doc]['articleBody'][:100].replace('\n',' ')
    print('  BODY0:', body)
for d in sys.argv[1:]: dump(d)
