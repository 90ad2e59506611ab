#!/usr/bin/env python3
"""Counts Derby statement compiles per load-benchmark phase (docs/benchmarks.md, "Derby recompiling statements under load").

usage: derby_compiles.py DERBY_LOG HH:MM:SS-HH:MM:SS=phase[,...]
DERBY_LOG: the server run with -Dderby.stream.error.file=FILE -Dderby.language.logStatementText=true;
the phase times are the UTC times LoadBenchmark prints for each phase."""
import sys, re, collections
hdr = re.compile(r'^\w{3} \w{3} +\d+ (\d\d:\d\d:\d\d) UTC \d{4} Thread\[([^,\]]*)')
entries=[]; cur=None
with open(sys.argv[1], errors='replace') as f:
    for line in f:
        m = hdr.match(line)
        if m:
            if cur: entries.append(cur)
            cur=[m.group(1), m.group(2), line]
        elif cur is not None and len(cur[2])<600:
            cur[2]+=line
if cur: entries.append(cur)
phases=[]
for p in sys.argv[2].split(','):
    rng,name=p.split('='); a,b=rng.split('-'); phases.append((a,b,name))
def phase(t):
    for a,b,n in phases:
        if a<=t<=b: return n
    return 'other'
seen=collections.Counter(); per=collections.Counter(); perstmt=collections.defaultdict(collections.Counter); first=collections.Counter()
execs=collections.Counter()
for t,th,text in entries:
    if 'Begin compiling prepared statement:' in text:
        s=re.sub(r'\s+',' ',text.split('Begin compiling prepared statement:')[1].split(':End prepared statement')[0]).strip()
        ph=phase(t)
        if seen[s]==0: first[ph]+=1
        else: per[ph]+=1; perstmt[s][ph]+=1
        seen[s]+=1
    elif 'Executing prepared statement' in text:
        execs[phase(t)]+=1
print("phase: first compiles / recompiles (same text again) / executions")
for a,b,n in phases+[('','','other')]:
    print(f"  {n:12s} {first[n]:5d} {per[n]:5d} {execs[n]:8d}")
print("distinct texts", len(seen), "compiles", sum(seen.values()))
print("texts compiled more than once (by phase):")
for s,c in sorted(perstmt.items(), key=lambda kv:-sum(kv[1].values()))[:40]:
    print(f"  {sum(c.values()):4d} {dict(c)}  {s[:160]}")
