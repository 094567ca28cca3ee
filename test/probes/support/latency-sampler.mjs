// Another user, in a process of its own (so the probe's own work never delays the measurement): calls
// /api/health and its report list every `interval` ms and, when told to stop, sends back every sample
// as [startedAt (ms since this process's time origin + offset), duration ms, path, status].
const [base, cookie, interval] = process.argv.slice(2);
const origin = performance.timeOrigin;
const samples = [];
let running = true;
process.on('message', (m) => {
  if (m === 'stop') running = false;
});
process.send({ ready: true, origin });
for (let i = 0; running; i++) {
  const path = i % 2 ? '/api/health' : '/api/reports';
  const t0 = performance.now();
  let status = 0;
  try {
    const r = await fetch(`${base}${path}`, { headers: path === '/api/reports' ? { cookie } : {} });
    await r.arrayBuffer();
    status = r.status;
  } catch {
    status = -1;
  }
  samples.push([origin + t0, performance.now() - t0, path, status]);
  await new Promise((r) => setTimeout(r, Number(interval)));
}
process.send({ samples }, () => process.exit(0));
