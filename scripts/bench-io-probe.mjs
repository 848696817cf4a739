// Loaded with `node --import` into a bench child: when the process exits it writes one line to stderr with what the
// kernel counted for it (/proc/self/io), its whole CPU time and its peak RSS, so the bench can report disk bytes
// written by the CLI alone.
import { readFileSync, writeSync } from 'node:fs';

process.on('exit', () => {
  let io = {};
  try {
    io = Object.fromEntries(
      readFileSync('/proc/self/io', 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(':').map((part) => part.trim()))
        .map(([key, value]) => [key, Number(value)]),
    );
  } catch {
    // not Linux: no I/O counters
  }
  const cpu = process.cpuUsage();
  const probe = {
    io,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  writeSync(2, `\nBENCH-PROBE ${JSON.stringify(probe)}\n`);
});
