// CPU accounting from /proc: a process's on-CPU time (schedstat, ns, all threads) and a core's time split.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_US = 1e6 / 100; // USER_HZ

/** Nanoseconds the process's threads ran on a CPU (excludes time spent in interrupts and softirqs). */
export function processCpuNs(pid) {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {}
  }
  return total;
}

/** A core's cumulative times in µs: busy (all but idle and iowait), softirq, irq. */
export function coreTimes(core) {
  const line = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith(`cpu${core} `));
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const all = user + nice + system + idle + iowait + irq + softirq + steal;
  return { busyUs: (all - idle - iowait) * TICK_US, softirqUs: softirq * TICK_US, irqUs: irq * TICK_US, stealUs: steal * TICK_US, allUs: all * TICK_US };
}

/** Starts a measurement of `pids` and `core`; the returned function gives the deltas. */
export function startCpuMeasure(pids, core) {
  const t0 = process.hrtime.bigint();
  const p0 = pids.map(processCpuNs);
  const c0 = coreTimes(core);
  return () => {
    const wallUs = Number(process.hrtime.bigint() - t0) / 1000;
    const procUs = pids.map((pid, i) => (processCpuNs(pid) - p0[i]) / 1000);
    const c1 = coreTimes(core);
    return {
      wallUs,
      processUs: procUs,
      softirqUs: c1.softirqUs - c0.softirqUs,
      irqUs: c1.irqUs - c0.irqUs,
      stealUs: c1.stealUs - c0.stealUs,
      coreBusy: (c1.busyUs - c0.busyUs) / (c1.allUs - c0.allUs || 1),
    };
  };
}


/** Child processes of pid whose executable's file name is `name`. */
export function childrenNamed(pid, name) {
  const out = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {}
    for (const child of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
      try {
        const argv0 = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0')[0];
        if (argv0.split('/').pop() === name) out.push(child);
      } catch {}
    }
  }
  return out;
}
