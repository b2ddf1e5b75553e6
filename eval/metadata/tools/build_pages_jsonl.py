import json, os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
DATA=sys.argv[1] if len(sys.argv)>1 else os.path.join(HERE,'..','..','..','..','shared','data','article-extraction')
gt=json.load(open(os.path.join(DATA,'ground-truth.json')))
full={d[:12]:d for d in gt}
# outlet.psv: id|outlet|outlet_note (the publication's name; empty = null)
outlets={}
for line in open(os.path.join(HERE,'outlet.psv'),encoding='utf-8'):
    line=line.rstrip('\n')
    if not line: continue
    sid,outlet,onote=line.split('|',2)
    assert sid in full and sid not in outlets, sid
    outlets[sid]=(outlet or None,onote)
out=[]
for fn,split in (('dev.psv','dev'),('test.psv','test')):
    for line in open(os.path.join(HERE,fn),encoding='utf-8'):
        line=line.rstrip('\n')
        if not line: continue
        f=line.split('|')
        if f[0]=='94fbcc267720': f=[f[0],f[1],f[2]+'|'+f[3]]+f[4:]
        sid,date,title,authors=f[0],f[1],f[2],f[3]; note='|'.join(f[4:])
        d=full[sid]
        assert (int(d[:8],16)%3==0)==(split=='test'), sid
        out.append({'doc_id':d,'split':split,'url':gt[d]['url'],'published':date or None,'title':title,
                    'authors':[a for a in authors.split(';') if a],'note':note,
                    'outlet':outlets[sid][0],'outlet_note':outlets[sid][1]})
out.sort(key=lambda r:r['doc_id'])
with open(os.path.join(HERE,'..','pages.jsonl'),'w',encoding='utf-8') as fo:
    for r in out: fo.write(json.dumps(r,ensure_ascii=False)+'\n')
assert len(outlets)==len(out)
print(len(out), sum(r['split']=='dev' for r in out), sum(r['published'] is None for r in out), sum(bool(r['authors']) for r in out),
      'outlet null:', sum(r['outlet'] is None for r in out))
