# bench/statements.py: see bench/statements.sh.
import re, sys, collections
# statements.py LOGFILE OFFSET DB N : statements of DB per phase (between MARK lines), grouped by text;
# background pollers' statements (timers, outbox, node lease, clock, fault and workspace caches) and their
# BEGIN/COMMIT set apart.
log, off, db, n = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
f = open(log, 'rb'); f.seek(off); lines = f.read().decode('utf8', 'replace').splitlines()
pat = re.compile(r'^\S+ \S+ UTC \[(\d+)\] (\S*)@(\S*) LOG:  (?:execute [^:]*|statement): (.*)$')
BG = re.compile(r"FROM timers WHERE due_at|FROM webhook_outbox WHERE due_at|webhook_outbox o WHERE o.head|nodes|server_clock|emulator_faults|name = 'workspaces'|FROM sequences WHERE name IN \(|^$")
phase = None; counts = collections.defaultdict(collections.Counter); bg = collections.Counter(); markpids = set()
open_tx = {}  # pid -> (phase, [statements])
def add(ph, stmts):
    inner = [s for s in stmts if s not in ('BEGIN', 'COMMIT', 'ROLLBACK')]
    if inner and all(BG.search(s) for s in inner):
        bg[ph] += len(stmts); return
    for s in stmts:
        if BG.search(s) and s not in ('BEGIN', 'COMMIT'): bg[ph] += 1
        else: counts[ph][re.sub(r'\s+', ' ', s)[:150]] += 1
for ln in lines:
    m = pat.match(ln)
    if not m or m.group(3) != db: continue
    pid, sql = m.group(1), m.group(4).strip()
    mk = re.search(r"SELECT 'MARK (\S+)'", sql)
    if mk: phase = mk.group(1); markpids.add(pid); continue
    if phase is None or pid in markpids: continue
    if sql == 'BEGIN': open_tx[pid] = (phase, ['BEGIN']); continue
    if pid in open_tx:
        open_tx[pid][1].append(sql)
        if sql in ('COMMIT', 'ROLLBACK'): add(*open_tx.pop(pid))
        continue
    add(phase, [sql])
for ph in ['create-begin', 'get-begin', 'join-begin', 'join-end']:
    c = counts[ph]; tot = sum(c.values())
    print(f'== {ph}: {tot} statements, {tot/n:.2f} per request (n={n}); background pollers {bg[ph]} more')
    for s, k in c.most_common(): print(f'  {k:5d} {k/n:6.2f}  {s}')
