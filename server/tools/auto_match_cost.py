#!/usr/bin/env python3
"""auto_match_cost.py LABELS CSV: of an `anpr` CSV's wrong reads, how many are still within PlateMatcher's auto-match
bound (0.95) of their labelled plate, and how many sit at one plain misread (1.0: matched before session 15, an
officer's now). PlateDistance replicated: look-alike 0.3, '?' for a Han glyph 0.2, a Han glyph read as another 0.7
(HAN=0 in the environment: 1, as before session 15), else 1; insertions and deletions 1. The margin to other
declared plates is not modelled. Han glyphs are told by the range U+4E00-U+9FFF (Java asks UnicodeScript.HAN; the
same for every plate glyph). Example: python3 server/tools/auto_match_cost.py ../shared/plates/vn-one-row/labels.csv out.csv"""
import csv, sys, os
HAN=os.environ.get("HAN", "1")=="1"
L2D={'O':'0','D':'0','Q':'0','I':'1','L':'1','B':'8','Z':'2','S':'5','G':'6','T':'7'}
def canon(c):
    u=c.upper(); return L2D.get(u,u) if u.isalpha() and u in L2D else u
def sub(r,d):
    if r==d: return 0
    if r=='?': return 0.2 if '\u4e00'<=d<='\u9fff' else 1
    if HAN and '\u4e00'<=r<='\u9fff' and '\u4e00'<=d<='\u9fff': return 0.7
    return 0.3 if canon(r)==canon(d) else 1
def dist(a,b):
    prev=list(range(len(b)+1))
    for i in range(1,len(a)+1):
        cur=[i]+[0]*len(b)
        for j in range(1,len(b)+1):
            cur[j]=min(prev[j-1]+sub(a[i-1],b[j-1]),prev[j]+1,cur[j-1]+1)
        prev=cur
    return prev[-1]
labels={}
with open(sys.argv[1]) as f:
    r=csv.DictReader(f)
    for row in r:
        if row.get('category')=='suspect_or_partial': continue
        labels.setdefault(row['file'],[]).append(row['plate_norm'])
exact=le095=le1=none=other=0; n=0
with open(sys.argv[2]) as f:
    for row in csv.DictReader(f):
        if row['file'] not in labels: continue
        n+=1; p=row['plate']; ts=labels[row['file']]
        if p in ts: exact+=1; continue
        if not p: none+=1; continue
        d=min(dist(p,t) for t in ts)
        if d<=0.95: le095+=1
        elif d<=1.0: le1+=1
        else: other+=1
print(f"n={n} exact={exact} wrong_within_0.95={le095} wrong_at_1.0={le1} (matched before, officer now) farther={other} none={none}")
